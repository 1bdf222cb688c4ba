//! `Retry-After` is the server's number: at most an hour, in seconds or as an HTTP date.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};

use super::*;

fn with_retry_after(value: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(RETRY_AFTER, HeaderValue::from_str(value).expect("header"));
    headers
}

#[test]
fn retry_after_is_at_most_an_hour() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    for value in [
        "18446744073709551615",
        "99999999",
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ] {
        assert_eq!(
            retry_after(&with_retry_after(value), now),
            Some(Duration::from_secs(3600)),
            "{value}"
        );
    }
    assert_eq!(
        retry_after(&with_retry_after("40"), now),
        Some(Duration::from_secs(40)),
        "sane values are kept"
    );
}

//! `expires_in` and `refresh_token_expires_in` are the server's numbers: a token lives between a
//! second and ten years, whatever they say.

use super::*;

const TEN_YEARS: u64 = 10 * 365 * 24 * 3600;

fn answer(expires_in: u64, refresh_expires_in: u64) -> TokenResponse {
    serde_json::from_value(serde_json::json!({
        "access_token": "a",
        "expires_in": expires_in,
        "refresh_token": "r",
        "refresh_token_expires_in": refresh_expires_in,
    }))
    .expect("TokenInfo decodes")
}

#[test]
fn absurd_lifetimes_are_bounded() {
    let now = from_unix_seconds(1_700_000_000);
    let tokens = answer(u64::MAX, u64::MAX).into_tokens(now, "https://x", "id", false);
    let at = 1_700_000_000;
    assert!(
        tokens.access_expires_at <= at + TEN_YEARS + 3 * 24 * 3600,
        "at most about ten years: {}",
        tokens.access_expires_at - at
    );
    assert!(tokens.access_expires_at > at, "still valid now");
    let refresh = tokens.refresh_expires_at.expect("a refresh expiry");
    assert!(refresh <= at + TEN_YEARS + 3 * 24 * 3600);
    assert!(
        tokens.fresh(now, std::time::Duration::from_secs(300)),
        "and usable without overflow"
    );
}

#[test]
fn a_zero_lifetime_is_a_second() {
    let now = from_unix_seconds(1_700_000_000);
    let tokens = answer(0, 0).into_tokens(now, "https://x", "id", false);
    assert_eq!(tokens.access_expires_at, 1_700_000_001);
    assert_eq!(tokens.refresh_expires_at, Some(1_700_000_001));
}

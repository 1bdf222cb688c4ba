//! Links are read whole up to the one limit, in bytes, and a longer one is refused with a
//! message, never cut short.

use crate::app::test_desk::desk_in;
use crate::app::{Handover, IncomingLink, LinkView, MAX_LINK_BYTES};

#[tokio::test]
async fn a_long_sms_draft_arrives_whole() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let body = "é".repeat(1900);
    let link = format!("sms:+16505550123?body={body}");
    assert!(link.len() > 2048 && link.len() <= MAX_LINK_BYTES);
    let view = desk_in(&dir)
        .open_incoming(IncomingLink::new(link), &Handover::default())
        .await;
    assert_eq!(
        view,
        LinkView::Sms {
            number: "+16505550123".into(),
            body: Some(body),
        },
        "every character of the draft"
    );
}

#[tokio::test]
async fn a_link_over_the_limit_is_refused_with_its_size() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let link = format!("sms:+16505550123?body={}", "a".repeat(MAX_LINK_BYTES));
    let incoming = IncomingLink::new(link.clone());
    assert_eq!(
        incoming,
        IncomingLink::TooLong { len: link.len() },
        "only the length is kept"
    );
    let LinkView::Error { message, .. } = desk_in(&dir)
        .open_incoming(incoming, &Handover::default())
        .await
    else {
        panic!("an over-long link is refused");
    };
    assert!(
        message.contains(&link.len().to_string()) && message.contains("4096"),
        "the message says how long it was and the limit: {message}"
    );
}

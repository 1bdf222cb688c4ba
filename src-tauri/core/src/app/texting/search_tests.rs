//! Conversation search reaches every conversation in the cache, and the unread total never
//! depends on what the agent searched.

use chrono::{Duration, TimeZone, Utc};

use crate::app::test_desk::desk_in;
use crate::app::{Desk, DeskEvent};
use crate::store::{Direction, MessageParty, MessageRecord};

/// More conversations than the list shows (300) and than the old unread sum read (500).
const CONVERSATIONS: i64 = 620;

/// Conversation `n` (1 is the oldest) with +1 415 555 `n`, one unread text each; the oldest one
/// is with "Zebulon Quist", who wrote "invoice 4471".
fn fill(desk: &Desk) {
    let mut store = desk.open_store().expect("the cache opens");
    let start = Utc
        .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
        .single()
        .expect("a date");
    let mut batch = store.batch().expect("batch");
    for n in 1..=CONVERSATIONS {
        let at = start + Duration::minutes(n);
        let oldest = n == 1;
        let them = MessageParty {
            number: format!("+1415555{n:04}"),
            name: oldest.then(|| "Zebulon Quist".to_string()),
        };
        let us = MessageParty {
            number: "+16505550101".into(),
            name: None,
        };
        batch
            .put_message(&MessageRecord {
                id: n,
                conversation_id: 10_000 + n,
                direction: Direction::Inbound,
                created: at,
                modified: at,
                from: them,
                to: vec![us],
                text: if oldest {
                    "about invoice 4471".into()
                } else {
                    format!("hello {n}")
                },
                read: false,
                status: "Received".into(),
                delivery_error: None,
                deleted: false,
                raw: None,
            })
            .expect("a message");
    }
    batch.commit().expect("commit");
}

#[tokio::test]
async fn a_conversation_beyond_the_newest_300_is_found_by_name_number_and_text() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let desk = desk_in(&dir);
    fill(&desk);
    for search in [
        "Zebulon",
        "zeb qu",
        "(415) 555-0001",
        "4155550001",
        "invoice 4471",
    ] {
        let found = desk.conversations(Some(search)).await.expect("search");
        assert_eq!(
            found.iter().map(|c| c.number.as_str()).collect::<Vec<_>>(),
            ["+14155550001"],
            "{search:?} finds the oldest conversation, whatever the list shows"
        );
    }
    let all = desk.conversations(None).await.expect("list");
    assert_eq!(all.len(), 300, "the unfiltered list still shows a page");
}

#[tokio::test]
async fn the_unread_total_counts_every_conversation_whatever_was_searched() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let desk = desk_in(&dir);
    fill(&desk);
    let mut events = desk.subscribe();
    desk.conversations(Some("Zebulon")).await.expect("search");
    desk.announce_messages(None);
    let Ok(DeskEvent::Messages(change)) = events.try_recv() else {
        panic!("announcing messages sends a Messages event");
    };
    assert_eq!(
        change.unread, CONVERSATIONS as u64,
        "every unread text in the cache counts, not only the newest conversations' or the found ones'"
    );
}

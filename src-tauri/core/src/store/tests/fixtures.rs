//! Builders for store tests (the sync engine's tests use them too).

use chrono::{DateTime, Duration, TimeZone, Utc};
use tempfile::TempDir;

use crate::phone::Country;
use crate::store::{
    CallParty, CallRecord, ContactNumber, ContactRecord, Direction, MessageParty, MessageRecord,
    Store,
};

pub const OWN: &str = "+16505550101";

pub fn us() -> Country {
    Country::from_iso_code("US").expect("US has numbering metadata")
}

/// A fresh store in its own temporary directory (kept alive by the returned guard).
pub fn store() -> (TempDir, Store) {
    let dir = TempDir::new().expect("a temp dir");
    let store = Store::open(&dir.path().join("test.sqlite3"), us()).expect("a new cache opens");
    (dir, store)
}

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0)
        .single()
        .expect("a valid date")
}

pub fn call(
    id: &str,
    minutes_ago: i64,
    direction: Direction,
    peer: &str,
    name: &str,
) -> CallRecord {
    let them = CallParty {
        number: Some(peer.to_owned()),
        extension: None,
        name: Some(name.to_owned()),
    };
    let us = CallParty {
        number: Some(OWN.to_owned()),
        extension: Some("101".to_owned()),
        name: Some("Jordan Avery".to_owned()),
    };
    let (from, to) = match direction {
        Direction::Inbound => (them, us),
        Direction::Outbound => (us, them),
    };
    CallRecord {
        id: id.to_owned(),
        session_id: format!("s-{id}"),
        start: t0() - Duration::minutes(minutes_ago),
        duration_secs: 42,
        direction,
        kind: "Voice".into(),
        action: "Phone Call".into(),
        result: "Accepted".into(),
        from,
        to,
        legs: Vec::new(),
        raw: Some(format!("{{\"id\":\"{id}\"}}")),
    }
}

pub fn missed(id: &str, minutes_ago: i64, peer: &str) -> CallRecord {
    CallRecord {
        result: "Missed".into(),
        ..call(id, minutes_ago, Direction::Inbound, peer, "")
    }
}

pub fn message(
    id: i64,
    conversation: i64,
    minutes_ago: i64,
    inbound: bool,
    peer: &str,
    text: &str,
) -> MessageRecord {
    let them = MessageParty {
        number: peer.to_owned(),
        name: None,
    };
    let us = MessageParty {
        number: OWN.to_owned(),
        name: None,
    };
    let at = t0() - Duration::minutes(minutes_ago);
    MessageRecord {
        id,
        conversation_id: conversation,
        direction: if inbound {
            Direction::Inbound
        } else {
            Direction::Outbound
        },
        created: at,
        modified: at,
        from: if inbound { them.clone() } else { us.clone() },
        to: vec![if inbound { us } else { them }],
        text: text.to_owned(),
        read: !inbound,
        status: if inbound {
            "Received".into()
        } else {
            "Delivered".into()
        },
        delivery_error: None,
        deleted: false,
        raw: None,
    }
}

pub fn contact(
    remote: Option<&str>,
    first: &str,
    last: &str,
    company: &str,
    numbers: &[&str],
) -> ContactRecord {
    ContactRecord {
        remote_id: remote.map(str::to_owned),
        first_name: first.into(),
        last_name: last.into(),
        company: company.into(),
        email: format!("{}@example.com", first.to_lowercase()),
        numbers: numbers
            .iter()
            .map(|n| ContactNumber {
                number: (*n).to_owned(),
                label: "mobile".into(),
            })
            .collect(),
        ..ContactRecord::default()
    }
}

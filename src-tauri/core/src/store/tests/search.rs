//! Search: words, numbers in any format, ranking and contact timelines.

use super::fixtures::{call, contact, message, store};
use crate::store::{ContactQuery, ContactSource, Direction, TimelineItem};

fn seeded() -> (tempfile::TempDir, crate::store::Store) {
    let (dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    let people = [
        ("1", "John", "Smith", "Acme", "+14155550120"),
        ("2", "Joan", "Jett", "Blackhearts", "+12125550199"),
        (
            "3",
            "Ada",
            "Lovelace",
            "Analytical Engines",
            "+442079460958",
        ),
        ("4", "Bob", "Johnson", "Acme", "+13105550111"),
    ];
    for (id, first, last, company, number) in people {
        batch
            .put_contact(
                ContactSource::Personal,
                &contact(Some(id), first, last, company, &[number]),
                1,
            )
            .expect("contact");
    }
    batch
        .put_call(&call("C1", 10, Direction::Inbound, "+14155550120", ""))
        .expect("call");
    batch
        .put_call(&call(
            "C2",
            20,
            Direction::Outbound,
            "+16175550142",
            "ZED CALLER",
        ))
        .expect("call");
    batch
        .put_message(&message(1, 7, 5, true, "+12125550199", "invoice attached"))
        .expect("message");
    batch
        .put_message(&message(
            2,
            8,
            4,
            true,
            "+19995550000",
            "where is my invoice",
        ))
        .expect("message");
    batch.commit().expect("commit");
    (dir, store)
}

#[test]
fn words_match_prefixes_of_names_companies_and_text() {
    let (_dir, store) = seeded();
    let names = |q: &str| -> Vec<String> {
        store
            .search(q, 10)
            .expect("search")
            .contacts
            .iter()
            .map(|c| c.display_name())
            .collect()
    };
    assert_eq!(
        names("jo sm"),
        ["John Smith"],
        "every word must match as a prefix"
    );
    assert_eq!(names("acme").len(), 2, "company");
    assert_eq!(
        names("lövelace"),
        ["Ada Lovelace"],
        "diacritics do not matter"
    );
    let john = store.search("john", 10).expect("search");
    assert!(
        john.contacts
            .iter()
            .any(|c| c.display_name() == "Bob Johnson"),
        "prefix of a family name"
    );
    assert_eq!(john.calls.len(), 1, "John's call, through his number");
    let zed = store.search("zed", 10).expect("search");
    assert_eq!(
        zed.calls.len(),
        1,
        "a caller-ID name of someone who is no contact"
    );
    let invoice = store.search("invo", 10).expect("search");
    let ids: Vec<i64> = invoice.messages.iter().map(|m| m.id).collect();
    assert_eq!(ids, [2, 1], "message text, newest first");
    assert!(store.search("  ", 10).expect("blank").contacts.is_empty());
    assert!(store
        .search("\"*)(", 10)
        .expect("FTS syntax is neutralised")
        .contacts
        .is_empty());
}

#[test]
fn numbers_match_in_any_format() {
    let (_dir, store) = seeded();
    let first = |q: &str| {
        store
            .search(q, 10)
            .expect("search")
            .contacts
            .first()
            .map(|c| c.display_name())
    };
    assert_eq!(
        first("+1 415 555 0120").as_deref(),
        Some("John Smith"),
        "exact E.164"
    );
    assert_eq!(
        first("(415) 555-0120").as_deref(),
        Some("John Smith"),
        "national format"
    );
    assert_eq!(
        first("415.555").as_deref(),
        Some("John Smith"),
        "a national prefix as typed"
    );
    assert_eq!(
        first("+44 20 79").as_deref(),
        Some("Ada Lovelace"),
        "an international prefix"
    );
    assert_eq!(
        first("0199").as_deref(),
        Some("Joan Jett"),
        "the last digits"
    );
    let calls = store.search("617555", 10).expect("search").calls;
    assert_eq!(calls.len(), 1, "a call with a number that is no contact");
}

#[test]
fn contact_list_pages_alphabetically_and_detail_has_a_timeline() {
    let (_dir, store) = seeded();
    let mut query = ContactQuery {
        limit: 3,
        ..ContactQuery::default()
    };
    let first = store.contacts(&query).expect("page");
    let names: Vec<String> = first.contacts.iter().map(|c| c.last_name.clone()).collect();
    assert_eq!(names, ["Jett", "Johnson", "Lovelace"]);
    query.after = first.next;
    let second = store.contacts(&query).expect("page");
    assert_eq!(second.contacts.len(), 1);
    assert!(second.next.is_none());
    let jett = &first.contacts[0];
    let detail = store.contact(jett.id, 10).expect("detail");
    assert_eq!(detail.contact.numbers[0].key, "+12125550199");
    assert!(matches!(detail.timeline.as_slice(), [TimelineItem::Message(m)] if m.id == 1));
    let found = store
        .contacts(&ContactQuery {
            search: Some("ada".into()),
            ..ContactQuery::default()
        })
        .expect("search");
    assert_eq!(found.contacts.len(), 1);
}

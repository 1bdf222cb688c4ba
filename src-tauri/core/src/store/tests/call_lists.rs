//! Call lists on a real SQLite file: entries kept in order, each claimed once even by two
//! connections at once, a claim whose call never left given back, *Call back* entries back at
//! their time, and progress kept across a reopen.

use chrono::Duration;

use super::fixtures::{store, t0, us};
use crate::store::{EntryState, NewEntry, Store};

fn entries() -> Vec<NewEntry> {
    ["+14155550101", "+14155550102", "+14155550103"]
        .iter()
        .enumerate()
        .map(|(i, n)| NewEntry {
            name: format!("Lead {}", i + 1),
            number: (*n).into(),
            key: (*n).into(),
            note: String::new(),
        })
        .collect()
}

#[test]
fn a_list_walks_in_order_each_entry_claimed_once_across_connections() {
    let (dir, mut first) = store();
    let list = first
        .create_call_list("Today", &entries(), t0())
        .expect("created");
    assert!(
        first.create_call_list("today", &[], t0()).is_err(),
        "one list per name, any case"
    );
    let mut second =
        Store::open(&dir.path().join("test.sqlite3"), us()).expect("another connection");
    let a = first
        .claim_next_entry(list, t0())
        .expect("claim")
        .expect("one");
    let b = second
        .claim_next_entry(list, t0())
        .expect("claim")
        .expect("one");
    assert_ne!(a.id, b.id, "two claims, two entries");
    assert_eq!((a.name.as_str(), b.name.as_str()), ("Lead 1", "Lead 2"));

    // Lead 1's call was placed; Lead 2's never left: it waits again, first in line.
    assert!(first
        .move_entry(
            a.id,
            &[EntryState::Dialing],
            EntryState::Called,
            Some("ringout:1"),
            None,
            t0()
        )
        .expect("moved"));
    assert!(second
        .move_entry(
            b.id,
            &[EntryState::Dialing],
            EntryState::Waiting,
            None,
            None,
            t0()
        )
        .expect("moved"));
    assert!(
        !first
            .move_entry(
                a.id,
                &[EntryState::Dialing],
                EntryState::Waiting,
                None,
                None,
                t0()
            )
            .expect("no move"),
        "a move from a state it is not in changes nothing"
    );
    assert_eq!(
        first
            .entry_of_call("ringout:1")
            .expect("read")
            .map(|e| e.id),
        Some(a.id)
    );
    let later = t0() + Duration::hours(1);
    assert!(first
        .move_entry(
            a.id,
            &[EntryState::Called],
            EntryState::CallBack,
            None,
            Some(later),
            t0()
        )
        .expect("call back"));
    drop(first);
    drop(second);

    let mut reopened = Store::open(&dir.path().join("test.sqlite3"), us()).expect("reopened");
    let next = reopened
        .claim_next_entry(list, t0())
        .expect("claim")
        .expect("one");
    assert_eq!(next.name, "Lead 2", "progress survives a restart");
    let third = reopened
        .claim_next_entry(list, t0())
        .expect("claim")
        .expect("one");
    assert_eq!(third.name, "Lead 3");
    assert!(
        reopened
            .claim_next_entry(list, t0())
            .expect("claim")
            .is_none(),
        "Lead 1 waits for its call-back time"
    );
    let back = reopened
        .claim_next_entry(list, later)
        .expect("claim")
        .expect("one");
    assert_eq!(back.name, "Lead 1", "back at its time");
}

#[test]
fn entries_are_added_to_a_list_made_when_missing_moved_and_the_list_deleted() {
    let (_dir, mut store) = store();
    let all = entries();
    let list = store
        .add_to_call_list("Callbacks", &all[..1], t0())
        .expect("made");
    assert_eq!(
        store
            .add_to_call_list("callbacks", &all[1..], t0())
            .expect("added"),
        list,
        "the same list, any case"
    );
    let names = |store: &Store| -> Vec<String> {
        store
            .call_list_entries(list)
            .expect("entries")
            .into_iter()
            .map(|e| e.name)
            .collect()
    };
    assert_eq!(names(&store), ["Lead 1", "Lead 2", "Lead 3"]);

    let third = store.call_list_entries(list).expect("entries")[2].id;
    assert!(store.reorder_entry(list, third, 0, t0()).expect("moved"));
    assert_eq!(names(&store), ["Lead 3", "Lead 1", "Lead 2"]);
    assert!(store.reorder_entry(list, third, 99, t0()).expect("moved"));
    assert_eq!(
        names(&store),
        ["Lead 1", "Lead 2", "Lead 3"],
        "past the end is last"
    );
    assert!(!store.reorder_entry(list, -1, 0, t0()).expect("nothing"));
    let next = store
        .claim_next_entry(list, t0())
        .expect("claim")
        .expect("one");
    assert_eq!(next.name, "Lead 1", "the order claimed is the order shown");

    assert!(store.delete_call_list(list).expect("deleted"));
    assert_eq!(store.call_list_id("Callbacks").expect("read"), None);
    assert!(store.call_list_entries(list).expect("entries").is_empty());
    assert!(!store.delete_call_list(list).expect("gone already"));
}

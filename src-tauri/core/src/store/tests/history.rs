//! Call history: de-duplication, filters, keyset pagination and day groups.

use chrono::{Duration, FixedOffset};

use super::fixtures::{call, contact, missed, store, t0};
use crate::store::{CallFilter, ContactSource, Direction, HistoryQuery};

#[test]
fn the_same_record_twice_is_stored_once_with_the_newer_fields() {
    let (_dir, mut store) = store();
    let mut record = call("A1", 10, Direction::Outbound, "+14155550120", "Ada");
    let mut batch = store.batch().expect("batch");
    batch.put_call(&record).expect("first");
    record.result = "Call connected".into();
    batch
        .put_call(&record)
        .expect("again, as an overlapping sync answer would");
    batch.commit().expect("commit");
    assert_eq!(
        store.call_ids().expect("ids"),
        vec!["A1".to_owned()],
        "one row per id"
    );
    assert_eq!(store.call("A1").expect("stored").result, "Call connected");
}

#[test]
fn a_batch_dropped_without_commit_leaves_nothing() {
    let (_dir, mut store) = store();
    {
        let mut batch = store.batch().expect("batch");
        batch
            .put_call(&call("A1", 10, Direction::Outbound, "+14155550120", "Ada"))
            .expect("put");
    }
    assert!(store.call_ids().expect("ids").is_empty(), "rolled back");
}

#[test]
fn pages_walk_every_call_newest_first_without_gaps_or_repeats() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    for i in 0..257 {
        // Pairs share a start time so the tie-breaker is exercised.
        let record = call(
            &format!("C{i:03}"),
            i / 2,
            Direction::Inbound,
            "+14155550120",
            "",
        );
        batch.put_call(&record).expect("put");
    }
    batch.commit().expect("commit");
    let mut seen = Vec::new();
    let mut query = HistoryQuery {
        limit: 50,
        ..HistoryQuery::default()
    };
    loop {
        let page = store.history(&query).expect("page");
        for pair in page.calls.windows(2) {
            assert!(pair[0].start >= pair[1].start, "newest first within a page");
        }
        seen.extend(page.calls.iter().map(|c| c.id.clone()));
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    let unique: std::collections::BTreeSet<_> = seen.iter().cloned().collect();
    assert_eq!(seen.len(), 257, "every call once");
    assert_eq!(unique.len(), 257, "no call twice");
}

#[test]
fn filters_select_missed_inbound_outbound_since_and_search() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_call(&call("OUT", 1, Direction::Outbound, "+14155550120", ""))
        .expect("put");
    batch
        .put_call(&call(
            "IN",
            2,
            Direction::Inbound,
            "+12125550199",
            "GRACE H",
        ))
        .expect("put");
    batch
        .put_call(&missed("MISS", 3000, "+13105550111"))
        .expect("put");
    batch
        .put_contact(
            ContactSource::Local,
            &super::fixtures::contact(None, "Ada", "Lovelace", "Analytical", &["415-555-0120"]),
            0,
        )
        .expect("contact");
    batch.commit().expect("commit");
    let ids = |filter, search: Option<&str>, since| {
        store
            .history(&HistoryQuery {
                filter,
                search: search.map(str::to_owned),
                since,
                ..HistoryQuery::default()
            })
            .expect("history")
            .calls
            .into_iter()
            .map(|c| c.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(CallFilter::All, None, None), ["OUT", "IN", "MISS"]);
    assert_eq!(ids(CallFilter::Missed, None, None), ["MISS"]);
    assert_eq!(ids(CallFilter::Inbound, None, None), ["IN", "MISS"]);
    assert_eq!(ids(CallFilter::Outbound, None, None), ["OUT"]);
    assert_eq!(
        ids(CallFilter::All, None, Some(t0() - Duration::hours(1))),
        ["OUT", "IN"]
    );
    assert_eq!(
        ids(CallFilter::All, Some("ada"), None),
        ["OUT"],
        "by contact name"
    );
    assert_eq!(
        ids(CallFilter::All, Some("grace"), None),
        ["IN"],
        "by caller-ID name"
    );
    assert_eq!(
        ids(CallFilter::All, Some("(310) 555"), None),
        ["MISS"],
        "by number prefix"
    );
    let out = store.call("OUT").expect("stored");
    assert_eq!(
        out.peer.display_name(),
        "Ada Lovelace",
        "matched to the local contact"
    );
}

#[test]
fn days_group_in_the_agents_offset() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_call(&call("late", 0, Direction::Inbound, "+14155550120", ""))
        .expect("put");
    batch
        .put_call(&call(
            "early",
            11 * 60 + 30,
            Direction::Inbound,
            "+14155550120",
            "",
        ))
        .expect("put");
    batch
        .put_call(&call(
            "prev",
            13 * 60,
            Direction::Inbound,
            "+14155550120",
            "",
        ))
        .expect("put");
    batch.commit().expect("commit");
    let page = store.history(&HistoryQuery::default()).expect("history");
    let utc = page.days(FixedOffset::east_opt(0).expect("UTC"));
    assert_eq!(
        utc.len(),
        2,
        "noon, half past midnight, and the evening before: two UTC days"
    );
    assert_eq!(utc[0].calls.len(), 2);
    let tokyo = page.days(FixedOffset::east_opt(9 * 3600).expect("JST"));
    assert_eq!(tokyo.len(), 1, "all three fall on one Tokyo day");
    let _ = contact;
}

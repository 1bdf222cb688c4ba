//! Wrap-ups and the do-not-call list on a real SQLite file: a draft autosaved then saved, a late
//! autosave never undoing a save, a wrap-up found from the call log's record by party and time,
//! searchable notes, follow-ups claimed once across two connections, and numbers kept off calls.

use chrono::Duration;

use super::fixtures::{call, store, t0};
use crate::store::{Direction, HistoryQuery, Store, WrapUp};

fn draft(key: &str, notes: &str) -> WrapUp {
    WrapUp {
        call_key: key.into(),
        peer: "+14155550123".into(),
        direction: "Outbound".into(),
        started: t0(),
        notes: notes.into(),
        ..WrapUp::default()
    }
}

#[test]
fn a_draft_is_autosaved_then_saved_and_a_late_autosave_changes_nothing() {
    let (_dir, mut store) = store();
    store
        .put_wrapup(&draft("ringout:9", "promised a quo"), t0())
        .expect("autosave");
    assert_eq!(
        store.wrapup_drafts().expect("drafts").len(),
        1,
        "to wrap up"
    );
    let saved = WrapUp {
        disposition: Some("Call back".into()),
        notes: "promised a quote".into(),
        saved: Some(t0() + Duration::minutes(1)),
        ..draft("ringout:9", "")
    };
    store.put_wrapup(&saved, t0()).expect("save");
    store
        .put_wrapup(&draft("ringout:9", "promised a quo"), t0())
        .expect("a late autosave");
    let found = store
        .wrapup_for("ringout:9", "", "", t0())
        .expect("read")
        .expect("there");
    assert_eq!(found.notes, "promised a quote", "the save stands");
    assert!(store.wrapup_drafts().expect("drafts").is_empty());
}

#[test]
fn the_call_logs_record_finds_the_wrap_up_written_under_the_ringout() {
    let (_dir, mut store) = store();
    store
        .put_wrapup(&draft("ringout:9", "left a voicemail"), t0())
        .expect("put");
    let later = t0() + Duration::seconds(40);
    let found = store
        .wrapup_for("call-log-77", "+14155550123", "Outbound", later)
        .expect("read");
    assert_eq!(found.map(|w| w.notes).as_deref(), Some("left a voicemail"));
    let other_call = t0() + Duration::minutes(30);
    assert!(store
        .wrapup_for("call-log-78", "+14155550123", "Outbound", other_call)
        .expect("read")
        .is_none());
    assert!(store
        .wrapup_for("call-log-79", "+14155550123", "Inbound", later)
        .expect("read")
        .is_none());
}

#[test]
fn a_follow_up_is_claimed_once_across_connections() {
    let (dir, mut first) = store();
    let due = t0() + Duration::hours(2);
    let wrapup = WrapUp {
        follow_up_at: Some(due),
        follow_up_note: "send the quote".into(),
        saved: Some(t0()),
        ..draft("ringout:9", "")
    };
    first.put_wrapup(&wrapup, t0()).expect("put");
    assert!(
        first.claim_due_follow_ups(t0()).expect("claim").is_empty(),
        "not yet"
    );
    let path = dir.path().join("test.sqlite3");
    let mut second = Store::open(&path, super::fixtures::us()).expect("another connection");
    let a = first.claim_due_follow_ups(due).expect("claim");
    let b = second.claim_due_follow_ups(due).expect("claim");
    assert_eq!(a.len() + b.len(), 1, "shown once");
    assert_eq!(
        first
            .follow_ups(t0(), due + Duration::days(1))
            .expect("list")
            .len(),
        1,
        "still listed"
    );
    let moved = WrapUp {
        follow_up_at: Some(due + Duration::days(1)),
        ..wrapup
    };
    first.put_wrapup(&moved, t0()).expect("moved");
    assert_eq!(
        first
            .claim_due_follow_ups(due + Duration::days(1))
            .expect("claim")
            .len(),
        1,
        "a follow-up moved to another time fires again"
    );
}

#[test]
fn notes_are_searchable_and_numbers_kept_off_calls() {
    let (_dir, mut store) = store();
    let saved = WrapUp {
        disposition: Some("Sale".into()),
        notes: "Renewal of the Contoso contract".into(),
        saved: Some(t0()),
        ..draft("ringout:9", "")
    };
    store.put_wrapup(&saved, t0()).expect("put");
    // The call log's record of that call (another id, a minute later), another call with the
    // same customer, and a call presence told of whose wrap-up is keyed by its session.
    let mut record = call("A9", 0, Direction::Outbound, "+14155550123", "");
    record.start = t0() + Duration::minutes(1);
    let mut batch = store.batch().expect("batch");
    batch.put_call(&record).expect("call");
    batch
        .put_call(&call("A8", 60, Direction::Outbound, "+14155550123", ""))
        .expect("call");
    batch
        .put_call(&call("A7", 30, Direction::Inbound, "+14155550177", ""))
        .expect("call");
    batch.commit().expect("commit");
    store
        .put_wrapup(
            &WrapUp {
                notes: "Contoso's second office".into(),
                ..draft("live:s-A7", "")
            },
            t0(),
        )
        .expect("put");

    let found: Vec<String> = store
        .search("contoso", 10)
        .expect("search")
        .calls
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(found, ["A9", "A7"], "by party and time, and by session");
    let history = store
        .history(&HistoryQuery {
            search: Some("renewal contract".into()),
            limit: 10,
            ..HistoryQuery::default()
        })
        .expect("history");
    let ids: Vec<&str> = history.calls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["A9"], "History's search finds the notes too");
    assert!(
        store.search("quote", 10).expect("search").calls.is_empty(),
        "nothing else matches"
    );
    store
        .add_do_not_call("+14155550123", "+1 415-555-0123", "asked", t0())
        .expect("add");
    assert!(store.is_do_not_call("+14155550123").expect("read"));
    assert_eq!(store.do_not_call_list().expect("list").len(), 1);
    assert!(store.remove_do_not_call("+14155550123").expect("remove"));
    assert!(!store.is_do_not_call("+14155550123").expect("read"));
}

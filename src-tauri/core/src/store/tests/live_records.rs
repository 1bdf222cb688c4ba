//! Missed calls known from presence before the call log has them: one row whichever arrives
//! first, and never mistaken for synced history.

use super::fixtures::{missed, store};
use crate::store::CallRecord;

fn twins() -> (CallRecord, CallRecord) {
    let logged = CallRecord {
        session_id: "9001".into(),
        ..missed("7000001B", 5, "+14155550188")
    };
    (
        logged.clone(),
        CallRecord {
            id: String::new(),
            ..logged
        },
    )
}

#[test]
fn the_call_logs_record_replaces_the_live_one() {
    let (_dir, mut store) = store();
    let (logged, live) = twins();
    assert!(store.put_live_call(&live).expect("live"), "stored at once");
    assert_eq!(store.call_ids().expect("ids"), ["live:9001"]);
    assert_eq!(
        store.newest_call_time().expect("newest"),
        None,
        "a live row is not synced history"
    );
    let mut batch = store.batch().expect("batch");
    batch.put_call(&logged).expect("logged");
    batch.commit().expect("commit");
    assert_eq!(store.call_ids().expect("ids"), ["7000001B"], "one row");
}

#[test]
fn a_live_call_after_its_record_is_not_stored() {
    let (_dir, mut store) = store();
    let (logged, live) = twins();
    let mut batch = store.batch().expect("batch");
    batch.put_call(&logged).expect("logged");
    batch.commit().expect("commit");
    assert!(!store.put_live_call(&live).expect("live"), "already logged");
    assert_eq!(store.call_ids().expect("ids"), ["7000001B"]);
}

#[test]
fn a_call_finds_its_live_twin_through_an_index_not_a_scan() {
    let (_dir, store) = store();
    let plan: Vec<String> = store
        .conn
        .prepare("EXPLAIN QUERY PLAN DELETE FROM calls WHERE session_id = ?1 AND remote_id LIKE 'live:%'")
        .expect("plan")
        .query_map(["9001"], |row| row.get::<_, String>(3))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("plan rows");
    assert!(
        plan.iter()
            .any(|step| step.contains("USING INDEX calls_session")),
        "every stored call asks this: a scan makes a sync quadratic ({plan:?})"
    );
}

//! A call list through the desk in demo mode: imported from CSV (rows without a number named),
//! walked with Next — each call wrapped up before the next, Call back kept for later — exactly
//! one RingOut per entry, in order, and Next says when the list is through.

use ringdesk_core::app::{DemoTiming, DeskEvent, WrapUpInput};
use ringdesk_core::store::EntryState;

use crate::support::{demo_desk, demo_desk_timed, next_event, ringouts, DemoDesk};

/// Waits for the ended call's wrap-up card; checks the list will not go on before it is saved;
/// saves it with `disposition` and answers the call's number.
async fn wrap_up(demo: &mut DemoDesk, list: &str, disposition: &str) -> String {
    let card = next_event(&mut demo.events, "the wrap-up card", |e| match e {
        DeskEvent::WrapUp(view) => Some(view.as_ref().clone()),
        _ => None,
    })
    .await;
    let refused = demo
        .desk
        .next_in_list(list)
        .await
        .expect_err("not before the wrap-up");
    assert!(refused.to_string().contains("wrap up"), "{refused}");
    demo.desk
        .save_wrapup(&WrapUpInput {
            call_key: card.call_key.clone(),
            disposition: Some(disposition.into()),
            ..WrapUpInput::default()
        })
        .expect("saved");
    card.number
}

#[tokio::test(flavor = "multi_thread")]
async fn a_three_entry_list_is_called_in_order_once_each() {
    let mut demo = demo_desk().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("today.csv");
    std::fs::write(
        &csv,
        "Name,Phone,Notes\nAna Silva,(650) 555-0101,renewal\nBo Chen,+1 650 555 0102,\n\
         Nobody,,\nCy Diaz,650-555-0103,wants a demo\n",
    )
    .expect("csv");
    let imported = demo.desk.import_call_list("Today", &csv).expect("imported");
    assert_eq!(imported.list.entries.len(), 3);
    assert_eq!(imported.skipped.len(), 1, "{:?}", imported.skipped);
    assert_eq!(imported.skipped[0].line, 4);

    let mut dialed = Vec::new();
    for disposition in ["Connected", "Call back", "Sale"] {
        let call = demo
            .desk
            .next_in_list("today")
            .await
            .expect("dialed")
            .expect("an entry left");
        let number = wrap_up(&mut demo, "Today", disposition).await;
        assert_eq!(number, call.party.e164);
        dialed.push(number);
    }
    assert_eq!(
        dialed,
        ["+16505550101", "+16505550102", "+16505550103"],
        "in the list's order"
    );
    assert!(
        demo.desk
            .next_in_list("Today")
            .await
            .expect("next")
            .is_none(),
        "through (Bo's call back is tomorrow)"
    );
    let list = demo.desk.call_list("Today").expect("list");
    let states: Vec<EntryState> = list.entries.iter().map(|e| e.state).collect();
    assert_eq!(
        states,
        [EntryState::Done, EntryState::CallBack, EntryState::Done]
    );
    assert_eq!(list.finished, 2);
    let ringouts = ringouts(&demo.desk).await;
    assert_eq!(ringouts, 3, "one RingOut per entry");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_call_cancelled_before_it_connects_is_skipped_not_blocking() {
    // Human pace: the call still rings when it is cancelled (a fast one may end by itself
    // first on a busy machine, and leave a wrap-up).
    let demo = demo_desk_timed(DemoTiming::Realistic).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("two.csv");
    std::fs::write(
        &csv,
        "Name,Phone\nAna,+1 650 555 0151\nBo,+1 650 555 0102\n",
    )
    .expect("csv");
    demo.desk.import_call_list("Two", &csv).expect("imported");
    // 555-0151 never answers: the call is cancelled while it rings, leaving no wrap-up.
    let first = demo
        .desk
        .next_in_list("Two")
        .await
        .expect("dialed")
        .expect("an entry");
    demo.desk.cancel_call(&first.id).await.expect("cancelled");
    let second = demo
        .desk
        .next_in_list("Two")
        .await
        .expect("the list goes on")
        .expect("the next entry");
    assert_eq!(second.party.e164, "+16505550102");
    let states: Vec<EntryState> = demo
        .desk
        .call_list("Two")
        .expect("list")
        .entries
        .iter()
        .map(|e| e.state)
        .collect();
    assert_eq!(states, [EntryState::Skipped, EntryState::Called]);
}

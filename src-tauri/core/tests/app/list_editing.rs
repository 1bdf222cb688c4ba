//! Call lists made by hand through the desk: numbers pasted as text (names and notes kept, lines
//! without a number named), added from History or a contact, an entry moved and skipped — and
//! Next dials in the order shown, never a skipped entry.

use ringdesk_core::app::{ListAddition, WrapUpInput};
use ringdesk_core::store::EntryState;

use crate::support::{demo_desk, next_event, DemoDesk};
use ringdesk_core::app::DeskEvent;

async fn wrap_up(demo: &mut DemoDesk) -> String {
    let card = next_event(&mut demo.events, "the wrap-up card", |e| match e {
        DeskEvent::WrapUp(view) => Some(view.as_ref().clone()),
        _ => None,
    })
    .await;
    demo.desk
        .save_wrapup(&WrapUpInput {
            call_key: card.call_key.clone(),
            disposition: Some("Connected".into()),
            ..WrapUpInput::default()
        })
        .expect("saved");
    card.number
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_list_is_reordered_skipped_and_dialed_in_the_order_shown() {
    let mut demo = demo_desk().await;
    let pasted = "Ana Silva, (650) 555-0141 — promised a quote\n\
                  see you on 2026-12-04\n\
                  +1 650 555 0142; 650.555.0143\n\
                  Bo Chen\t6505550999999999\n";
    let made = demo
        .desk
        .paste_call_list("Renewals", pasted)
        .expect("pasted");
    let rows: Vec<(String, String, String)> = made
        .list
        .entries
        .iter()
        .map(|e| (e.name.clone(), e.number.clone(), e.note.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Ana Silva".into(),
                "+16505550141".into(),
                "promised a quote".into()
            ),
            (String::new(), "+16505550142".into(), String::new()),
            (String::new(), "+16505550143".into(), String::new()),
        ]
    );
    let lines: Vec<u64> = made.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [2, 4], "{:?}", made.skipped);

    // From History or a contact: added at the end of the same list.
    let added = demo
        .desk
        .add_to_call_list(
            "renewals",
            &[ListAddition {
                number: "(650) 555-0144".into(),
                name: "Cy Park".into(),
                note: "missed call".into(),
            }],
        )
        .expect("added");
    assert_eq!(added.list.entries.len(), 4);
    assert_eq!(added.list.entries[3].name, "Cy Park");
    let again = demo
        .desk
        .paste_call_list(
            "Renewals",
            "Cy again: 650-555-0144\n650-555-0145 650-555-0145\n",
        )
        .expect("pasted again");
    assert_eq!(again.list.entries.len(), 5, "Cy and 0145 once each");
    let reasons: Vec<(u64, &str)> = again
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (1, "+16505550144 is already in the list"),
            (2, "+16505550145 is already in the list")
        ]
    );
    demo.desk
        .skip_list_entry("Renewals", 5)
        .expect("0145 skipped");

    // Cy first, 0142 skipped: Next dials Cy, then Ana, then 0143.
    demo.desk.move_list_entry("Renewals", 4, 1).expect("moved");
    let list = demo.desk.skip_list_entry("Renewals", 3).expect("skipped");
    let order: Vec<(&str, EntryState)> = list
        .entries
        .iter()
        .map(|e| (e.number.as_str(), e.state))
        .collect();
    assert_eq!(
        order,
        [
            ("+16505550144", EntryState::Waiting),
            ("+16505550141", EntryState::Waiting),
            ("+16505550142", EntryState::Skipped),
            ("+16505550143", EntryState::Waiting),
            ("+16505550145", EntryState::Skipped),
        ]
    );
    let mut dialed = Vec::new();
    while let Some(call) = demo.desk.next_in_list("Renewals").await.expect("next") {
        assert!(!call.done || call.phase != "cancelled");
        dialed.push(wrap_up(&mut demo).await);
    }
    assert_eq!(dialed, ["+16505550144", "+16505550141", "+16505550143"]);
    assert!(
        demo.desk.skip_list_entry("Renewals", 9).is_err(),
        "no entry 9"
    );

    demo.desk.delete_call_list("Renewals").expect("deleted");
    assert!(demo.desk.call_list("Renewals").is_err());
    assert!(demo.desk.call_list_names().expect("names").is_empty());
}

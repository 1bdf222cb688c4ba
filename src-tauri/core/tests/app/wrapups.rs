//! Wrap-ups through the desk in demo mode: a call placed and ended offers its card (a draft,
//! counted as to wrap up); autosaves keep the notes; saving needs a disposition of the list; a
//! follow-up is listed; a number on the do-not-call list is refused before any RingOut.

use chrono::{Duration, Local};
use ringdesk_core::app::{DeskEvent, NewContact, WrapUpInput};
use serde_json::json;

use crate::support::{demo_desk, demo_desk_clocked, next_event, ringouts, sim_admin};

#[tokio::test(flavor = "multi_thread")]
async fn an_ended_call_is_wrapped_up_with_notes_a_disposition_and_a_follow_up() {
    let mut demo = demo_desk().await;
    let call = demo.call("+1 650 555 0123").await.expect("placed");
    let card = next_event(&mut demo.events, "the wrap-up card", |e| match e {
        DeskEvent::WrapUp(view) => Some(view.as_ref().clone()),
        _ => None,
    })
    .await;
    assert!(
        card.call_key.starts_with(&format!("ringout:{}@", call.id)),
        "{}",
        card.call_key
    );
    assert_eq!((card.saved, card.number.as_str()), (false, "+16505550123"));
    assert_eq!(demo.desk.wrapups_to_do().expect("to do").len(), 1);

    let typing = WrapUpInput {
        call_key: card.call_key.clone(),
        notes: "Asked for a quote on 40 seats".into(),
        ..WrapUpInput::default()
    };
    demo.desk.autosave_wrapup(&typing).expect("autosaved");
    let refused = demo
        .desk
        .save_wrapup(&WrapUpInput {
            disposition: Some("Maybe".into()),
            ..typing.clone()
        })
        .expect_err("not a disposition of the list");
    assert!(refused.to_string().contains("Call back"), "{refused}");

    let due = (Local::now() + Duration::days(1))
        .format("%Y-%m-%dT10:00")
        .to_string();
    let saved = demo
        .desk
        .save_wrapup(&WrapUpInput {
            disposition: Some("call back".into()),
            tags: vec!["quote, vip".into()],
            follow_up_at: Some(due),
            follow_up_note: "Send the quote".into(),
            ..typing
        })
        .expect("saved");
    assert!(saved.saved);
    assert_eq!(
        saved.disposition.as_deref(),
        Some("Call back"),
        "the list's spelling"
    );
    assert_eq!(saved.tags, ["quote", "vip"]);
    assert_eq!(
        saved.notes, "Asked for a quote on 40 seats",
        "the autosave's notes kept"
    );
    assert!(demo.desk.wrapups_to_do().expect("to do").is_empty());
    let follow_ups = demo.desk.follow_ups().expect("follow-ups");
    assert_eq!(follow_ups.upcoming.len(), 1, "{follow_ups:?}");
    assert_eq!(follow_ups.upcoming[0].follow_up_note, "Send the quote");

    // The call log's record of the call, synced after, shows the wrap-up in History.
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    let history = demo
        .desk
        .calls("outbound", None, None, 20)
        .expect("history");
    let row = history
        .rows
        .iter()
        .find(|r| r.dial == "+16505550123")
        .expect("the call in History");
    assert_eq!(row.disposition.as_deref(), Some("Call back"), "{row:?}");
    assert_eq!(row.notes.as_deref(), Some("Asked for a quote on 40 seats"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_do_not_call_number_is_refused_before_any_ringout() {
    let demo = demo_desk().await;
    demo.desk
        .add_do_not_call("(650) 555-0199", "asked us to stop")
        .expect("added");
    let refused = demo.call("+16505550199").await.expect_err("on the list");
    assert!(refused.to_string().contains("do-not-call"), "{refused}");
    let ringouts = ringouts(&demo.desk).await;
    assert_eq!(ringouts, 0, "nothing reached RingCentral");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_follow_up_reminds_once_when_its_time_comes() {
    let mut demo = demo_desk().await;
    demo.call("+1 650 555 0150").await.expect("placed");
    let card = next_event(&mut demo.events, "the wrap-up card", |e| match e {
        DeskEvent::WrapUp(view) => Some(view.as_ref().clone()),
        _ => None,
    })
    .await;
    let soon = (chrono::Utc::now() + Duration::seconds(2)).to_rfc3339();
    demo.desk
        .save_wrapup(&WrapUpInput {
            call_key: card.call_key.clone(),
            disposition: Some("Call back".into()),
            follow_up_at: Some(soon),
            follow_up_note: "Promised a quote".into(),
            ..WrapUpInput::default()
        })
        .expect("saved");
    // "Not before its time" is the clocked test's (a_follow_up_comes_due_once_…): here, on the
    // wall clock, a busy machine may well be past the two seconds already.
    let reminded = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = reminded.clone();
    let reminders = tokio::spawn(demo.desk.clone().remind_follow_ups(
        std::time::Duration::from_millis(200),
        || true,
        move |due| seen.lock().expect("lock").push(due.follow_up_note.clone()),
    ));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while reminded.lock().expect("lock").is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // A few more checks find nothing more to remind of.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    reminders.abort();
    assert_eq!(
        *reminded.lock().expect("lock"),
        ["Promised a quote"],
        "once, at its time"
    );
    assert!(
        demo.desk.due_follow_ups().expect("due").is_empty(),
        "claimed"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customers_call_offers_its_card_and_its_notes_are_found_and_on_their_timeline() {
    let mut demo = demo_desk().await;
    let contact = demo
        .desk
        .add_contact(&NewContact {
            name: "Nora Quist".into(),
            number: "+14155550111".into(),
            ..NewContact::default()
        })
        .expect("contact");
    sim_admin(&demo.desk)
        .await
        .inbound_call(
            "+14155550111",
            json!({ "outcome": "answered", "ring_ms": 200, "talk_ms": 200 }),
        )
        .await;
    let card = next_event(&mut demo.events, "the inbound call's card", |e| match e {
        DeskEvent::WrapUp(view) => Some(view.as_ref().clone()),
        _ => None,
    })
    .await;
    assert!(card.call_key.starts_with("live:"), "{}", card.call_key);
    assert_eq!(
        (card.direction.as_str(), card.party.as_str()),
        ("Inbound", "Nora Quist")
    );
    demo.desk
        .save_wrapup(&WrapUpInput {
            call_key: card.call_key.clone(),
            disposition: Some("Connected".into()),
            notes: "Wants the blue edition".into(),
            ..WrapUpInput::default()
        })
        .expect("saved");

    // Once the call log has the call: History finds it by the notes and shows the outcome, and
    // so does Nora's timeline.
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    let found = demo
        .desk
        .calls("all", Some("blue edition"), None, 20)
        .expect("history");
    assert_eq!(found.rows.len(), 1, "{found:?}");
    assert_eq!(found.rows[0].disposition.as_deref(), Some("Connected"));
    let page = demo.desk.contact(contact.id).expect("contact");
    let call = page
        .timeline
        .iter()
        .find(|t| t.kind == "call")
        .expect("the call on the timeline");
    assert_eq!(
        (call.disposition.as_deref(), call.notes.as_str()),
        (Some("Connected"), "Wants the blue edition")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_history_row_opens_a_wrap_up_for_any_call_once() {
    let demo = demo_desk().await;
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    let history = demo.desk.calls("all", None, None, 5).expect("history");
    let row = history.rows.first().expect("the demo account has calls");
    let before = demo.desk.wrapups_to_do().expect("to do").len();
    let opened = demo.desk.wrapup_for_call(&row.id).expect("opened");
    assert_eq!(opened.call_key, row.id);
    assert_eq!(opened.direction, row.direction);
    assert!(!opened.saved);
    let again = demo.desk.wrapup_for_call(&row.id).expect("the same");
    assert_eq!(again, opened, "one wrap-up per call");
    assert_eq!(demo.desk.wrapups_to_do().expect("to do").len(), before + 1);
    assert!(demo.desk.wrapup_for_call("no-such-call").is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_follow_up_comes_due_once_at_its_time_by_the_desks_clock() {
    let start = chrono::Utc::now();
    let clock = ringdesk_clock::ManualClock::new(start);
    let mut demo = demo_desk_clocked(std::sync::Arc::new(clock.clone())).await;
    demo.call("+1 650 555 0152").await.expect("placed");
    let card = next_event(&mut demo.events, "the wrap-up card", |e| match e {
        DeskEvent::WrapUp(view) => Some(view.as_ref().clone()),
        _ => None,
    })
    .await;
    let at = start + Duration::hours(3);
    demo.desk
        .save_wrapup(&WrapUpInput {
            call_key: card.call_key.clone(),
            disposition: Some("Call back".into()),
            follow_up_at: Some(at.to_rfc3339()),
            follow_up_note: "After the board meeting".into(),
            ..WrapUpInput::default()
        })
        .expect("saved");
    let due = |desk: &ringdesk_core::app::Desk| -> Vec<String> {
        desk.due_follow_ups()
            .expect("due")
            .into_iter()
            .map(|w| w.follow_up_note)
            .collect()
    };
    assert!(due(&demo.desk).is_empty(), "not now");
    clock.advance(std::time::Duration::from_secs(3 * 3600 - 60));
    assert!(due(&demo.desk).is_empty(), "not a minute early");
    let listed = demo.desk.follow_ups().expect("follow-ups");
    assert_eq!(
        listed.overdue.len() + listed.today.len() + listed.upcoming.len(),
        1,
        "{listed:?}"
    );
    assert!(listed.overdue.is_empty(), "not overdue before its time");
    clock.advance(std::time::Duration::from_secs(60));
    assert_eq!(due(&demo.desk), ["After the board meeting"], "at its time");
    assert!(due(&demo.desk).is_empty(), "once");
    clock.advance(std::time::Duration::from_secs(86_400));
    assert!(due(&demo.desk).is_empty(), "never again");
    assert_eq!(
        demo.desk.follow_ups().expect("follow-ups").overdue.len(),
        1,
        "listed as overdue afterwards"
    );
}

use ringdesk_core::app::{LinkView, SettingsPatch};

use std::time::Duration;

use crate::support::{demo_desk, unstarted_demo_desk};

#[tokio::test(flavor = "multi_thread")]
async fn tel_links_prefill_by_default_and_dial_when_asked_once() {
    let demo = demo_desk().await;
    let view = demo.desk.open_link("tel:+1%20650%20555%200100").await;
    assert_eq!(
        view,
        LinkView::Call {
            number: "+16505550100".into(),
            dialed: false
        }
    );
    assert!(
        demo.desk.current_call().await.is_none(),
        "prefill never dials"
    );

    let patch = SettingsPatch {
        link_action: serde_json::from_str("\"dial\"").ok(),
        ..SettingsPatch::default()
    };
    demo.desk.save_settings(patch).await.expect("saved");
    let first = demo.desk.open_link("tel:+16505550100").await;
    let second = demo.desk.open_link("tel:+16505550100").await;
    assert_eq!(
        first,
        LinkView::Call {
            number: "+16505550100".into(),
            dialed: true
        }
    );
    assert_eq!(
        second,
        LinkView::Call {
            number: "+16505550100".into(),
            dialed: false
        },
        "a repeated link starts nothing"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn sms_links_open_a_draft_and_bad_links_say_why() {
    let demo = demo_desk().await;
    let view = demo
        .desk
        .open_link("sms:+15105550101?body=hello%20there")
        .await;
    assert_eq!(
        view,
        LinkView::Sms {
            number: "+15105550101".into(),
            body: Some("hello there".into())
        }
    );
    match demo.desk.open_link("tel:").await {
        LinkView::Error { message, hint } => assert!(!message.is_empty() && !hint.is_empty()),
        other => panic!("an empty tel: link must be refused, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_picked_number_acts_like_a_tel_link_and_junk_is_refused() {
    let demo = demo_desk().await;
    let view = demo.desk.open_number(" (650) 555-0100 x 12\n").await;
    assert_eq!(
        view,
        LinkView::Call {
            number: "+16505550100".into(),
            dialed: false
        },
        "copied text with separators, an extension and a newline prefills the number"
    );
    match demo.desk.open_number("see you at lunch").await {
        LinkView::Error { message, hint } => assert!(
            !message.is_empty() && !hint.is_empty(),
            "the agent is told why nothing happened"
        ),
        other => panic!("text without a number must be refused, got {other:?}"),
    }
    assert!(
        demo.desk.current_call().await.is_none(),
        "nothing was dialed"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_that_starts_ringdesk_dials_once_the_session_is_there() {
    let (desk, _dirs) = unstarted_demo_desk();
    let patch = SettingsPatch {
        link_action: serde_json::from_str("\"dial\"").ok(),
        ..SettingsPatch::default()
    };
    desk.save_settings(patch).await.expect("saved before start");
    let starting = desk.clone();
    let (view, _) = tokio::join!(desk.open_link("tel:+16505550123"), async move {
        // The window is ready before the stored session has been read.
        tokio::time::sleep(Duration::from_millis(100)).await;
        starting.start().await
    });
    assert_eq!(
        view,
        LinkView::Call {
            number: "+16505550123".into(),
            dialed: true
        },
        "the cold-start link waits for the sign-in instead of failing as signed out"
    );
}

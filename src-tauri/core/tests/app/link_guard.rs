//! "Call at once" dials only ordinary numbers of the agent's country, and never a burst.

use ringdesk_core::app::{LinkView, SettingsPatch};

use crate::support::demo_desk;

fn dial_at_once() -> SettingsPatch {
    SettingsPatch {
        link_action: serde_json::from_str("\"dial\"").ok(),
        ..SettingsPatch::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_international_or_premium_link_is_held_for_the_agent() {
    let demo = demo_desk().await;
    demo.desk
        .save_settings(dial_at_once())
        .await
        .expect("saved");
    for link in ["tel:+442079460018", "tel:+19005550123"] {
        match demo.desk.open_link(link).await {
            LinkView::Held { number, reason } => {
                assert!(link.ends_with(&number[1..]), "{number} shown");
                assert!(reason.contains("press Call"), "{reason}");
            }
            other => panic!("{link} must wait for the agent, got {other:?}"),
        }
    }
    assert!(
        demo.desk.current_call().await.is_none(),
        "nothing was dialed"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_burst_of_links_dials_at_most_three() {
    let demo = demo_desk().await;
    demo.desk
        .save_settings(dial_at_once())
        .await
        .expect("saved");
    let mut views = Vec::new();
    for last in 0..5 {
        views.push(demo.desk.open_link(&format!("tel:+1650555012{last}")).await);
    }
    let held = views
        .iter()
        .filter(|v| matches!(v, LinkView::Held { .. }))
        .count();
    assert_eq!(held, 2, "the fourth and fifth links wait: {views:?}");
    assert!(
        matches!(&views[0], LinkView::Call { dialed: true, .. }),
        "the first dials: {views:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_handed_over_link_for_another_profile_or_demo_is_refused_with_the_reason() {
    use ringdesk_core::app::{Handover, IncomingLink};
    let demo = demo_desk().await;
    let other = Handover {
        profile: Some("work".into()),
        demo: false,
    };
    match demo
        .desk
        .open_incoming(IncomingLink::new("tel:+16505550123".into()), &other)
        .await
    {
        LinkView::Error { message, hint } => {
            assert!(
                message.contains("work") && message.contains("default"),
                "{message}"
            );
            assert!(hint.contains("--profile"), "{hint}");
        }
        other => panic!("a link for another profile must not act here, got {other:?}"),
    }
    let same = Handover {
        profile: Some("default".into()),
        demo: true,
    };
    assert!(
        matches!(
            demo.desk
                .open_incoming(IncomingLink::new("tel:+16505550123".into()), &same)
                .await,
            LinkView::Call { .. }
        ),
        "the running profile, in demo mode, takes it"
    );
}

//! The do-not-call list holds everywhere a call starts: a call list skips the number (saying
//! why) and goes on with the next entry, a `tel:` link set to call at once and the
//! dial-from-anywhere selection are refused — and the simulator never hears a RingOut for it.

use ringdesk_core::app::{LinkView, SettingsPatch};
use ringdesk_core::store::EntryState;

use crate::support::{demo_desk, ringouts};

#[tokio::test(flavor = "multi_thread")]
async fn a_do_not_call_number_is_never_dialed_from_a_list_a_link_or_a_selection() {
    let demo = demo_desk().await;
    demo.desk
        .add_do_not_call("+1 650 555 0199", "asked us to stop")
        .expect("added");
    demo.desk
        .paste_call_list(
            "Today",
            "Ana Silva, (650) 555-0199\nBo Chen, (650) 555-0150\n",
        )
        .expect("pasted");
    let refused = demo
        .desk
        .next_in_list("Today")
        .await
        .expect_err("Ana is on the do-not-call list");
    assert!(refused.to_string().contains("do-not-call"), "{refused}");
    let list = demo.desk.call_list("Today").expect("list");
    assert_eq!(
        list.entries[0].state,
        EntryState::Skipped,
        "skipped for good"
    );
    assert_eq!(ringouts(&demo.desk).await, 0, "no RingOut for Ana");

    demo.desk
        .save_settings(SettingsPatch {
            link_action: serde_json::from_str("\"dial\"").ok(),
            ..SettingsPatch::default()
        })
        .await
        .expect("call at once");
    for view in [
        demo.desk.open_link("tel:+16505550199").await,
        demo.desk
            .open_number("Ana Silva — (650) 555-0199, after 3pm")
            .await,
    ] {
        match view {
            LinkView::Error { message, .. } => {
                assert!(message.contains("do-not-call"), "{message}")
            }
            other => panic!("refused, not {other:?}"),
        }
    }
    assert_eq!(ringouts(&demo.desk).await, 0, "nothing reached RingCentral");

    let bo = demo
        .desk
        .next_in_list("Today")
        .await
        .expect("Bo is next")
        .expect("an entry");
    assert_eq!(bo.party.e164, "+16505550150");
    assert_eq!(ringouts(&demo.desk).await, 1);
}

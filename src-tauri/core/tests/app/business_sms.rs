//! Business SMS: the composer gets the account's templates; a customer who replied STOP: the
//! text RingCentral accepted fails with SMS-RC-413, the thread
//! says why, and the next text is refused before any request leaves.

use std::time::Duration;

use ringdesk_core::app::DeskError;

use crate::support::{demo_desk, sim_admin};

const CUSTOMER: &str = "+14155550177";

#[tokio::test(flavor = "multi_thread")]
async fn a_stopped_customer_is_marked_and_the_next_text_refused_before_sending() {
    let demo = demo_desk().await;
    let admin = sim_admin(&demo.desk).await;
    admin.inbound_sms(CUSTOMER, "STOP").await;
    demo.desk
        .send_sms(CUSTOMER, "Your quote is ready", None)
        .await
        .expect("accepted: RingCentral fails it later");
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let thread = loop {
        // A sync brings the failure (live updates would too; this test does not wait for them).
        demo.desk.sync_cache(&|_| {}).await.expect("sync");
        let thread = demo.desk.thread(CUSTOMER).await.expect("thread");
        if thread.opted_out.is_some() {
            break thread;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "never marked: {thread:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(
        thread
            .opted_out
            .as_deref()
            .is_some_and(|w| w.contains("replied STOP")),
        "{:?}",
        thread.opted_out
    );
    let sends = |log: &[ringdesk_testkit::LoggedRequest]| {
        log.iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/sms"))
            .count()
    };
    let before = sends(&admin.requests().await);
    let refused = demo
        .desk
        .send_sms(CUSTOMER, "Are you there?", None)
        .await
        .expect_err("refused");
    assert!(
        matches!(
            refused,
            ringdesk_core::app::Error::Desk(DeskError::OptedOut { .. })
        ),
        "{refused:?}"
    );
    assert_eq!(
        sends(&admin.requests().await),
        before,
        "nothing left for RingCentral"
    );
    admin.inbound_sms(CUSTOMER, "START").await;
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    demo.desk
        .send_sms(CUSTOMER, "Welcome back", None)
        .await
        .expect("START lifts it");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_composer_gets_the_accounts_templates() {
    let demo = demo_desk().await;
    let templates = demo.desk.sms_templates().await.expect("templates");
    assert!(
        templates
            .iter()
            .any(|t| t.scope == "company" && t.name == "Appointment reminder"),
        "the simulator's company templates: {templates:?}"
    );
}

//! Business SMS: the composer gets the account's templates; a customer who replied STOP: the
//! text RingCentral accepted fails with SMS-RC-413, the thread says why, and the next text is
//! refused before any request leaves; RingCentral's consent records mark them (thread and
//! contact) before any text has failed.

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

#[tokio::test(flavor = "multi_thread")]
async fn the_agents_own_templates_are_created_edited_and_deleted() {
    let demo = demo_desk().await;
    let created = demo
        .desk
        .create_sms_template(" On my way ", "On my way, see you in 10 minutes.")
        .await
        .expect("created");
    assert_eq!(
        (created.name.as_str(), created.scope),
        ("On my way", "personal")
    );
    let twin = demo
        .desk
        .create_sms_template("On my way", "again")
        .await
        .expect_err("names are unique at RingCentral");
    assert!(twin.to_string().to_lowercase().contains("name"), "{twin}");
    let blank = demo.desk.create_sms_template("  ", "text").await;
    assert!(blank.is_err(), "refused before any request");
    let edited = demo
        .desk
        .update_sms_template(&created.id, "Running late", "Running 10 minutes late.")
        .await
        .expect("edited");
    assert_eq!(edited.name, "Running late");
    let listed = demo.desk.sms_templates().await.expect("templates");
    assert!(listed
        .iter()
        .any(|t| t.id == created.id && t.name == "Running late"));
    demo.desk
        .delete_sms_template(&created.id)
        .await
        .expect("deleted");
    let listed = demo.desk.sms_templates().await.expect("templates");
    assert!(!listed.iter().any(|t| t.id == created.id));
}

#[tokio::test(flavor = "multi_thread")]
async fn consent_records_mark_the_thread_and_the_contact_before_any_text_fails() {
    const OPTED: &str = "+14155550166";
    let demo = demo_desk().await;
    let admin = sim_admin(&demo.desk).await;
    let dir = tempfile::tempdir().expect("a temp dir");
    let csv = dir.path().join("contacts.csv");
    std::fs::write(&csv, format!("Name,Mobile Phone\nNora Quist,{OPTED}\n")).expect("csv");
    demo.desk.import_contacts_csv(&csv).expect("imported");
    admin.inbound_sms(OPTED, "stop").await;
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    let consent_reads = admin
        .requests()
        .await
        .iter()
        .filter(|r| r.path.ends_with("/sms/consents/search"))
        .count();
    assert!(consent_reads >= 1, "the sync reads the consent records");
    let thread = demo.desk.thread(OPTED).await.expect("thread");
    assert!(
        thread
            .opted_out
            .as_deref()
            .is_some_and(|w| w.contains("opted out")),
        "marked with no failed text: {thread:?}"
    );
    let page = demo
        .desk
        .contacts(Some("Nora Quist"), None, 10)
        .expect("contacts");
    let id = page.rows.first().expect("the imported contact").id;
    let contact = demo.desk.contact(id).expect("contact");
    assert!(
        contact.numbers.iter().any(|n| n.opted_out.is_some()),
        "the contact page marks the number: {contact:?}"
    );
    let refused = demo.desk.send_sms(OPTED, "Hello?", None).await;
    assert!(refused.is_err(), "refused before sending");
    admin.inbound_sms(OPTED, "START").await;
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    let contact = demo.desk.contact(id).expect("contact");
    assert!(
        contact.numbers.iter().all(|n| n.opted_out.is_none()),
        "START lifts it: {contact:?}"
    );
    assert!(demo
        .desk
        .thread(OPTED)
        .await
        .expect("thread")
        .opted_out
        .is_none());
}

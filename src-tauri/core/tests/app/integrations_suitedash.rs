//! SuiteDash over real HTTP against the test support's SuiteDash simulator: a pull of several
//! pages stores contacts and companies, each found by every phone field; an unknown caller
//! becomes a lead once; the month's requests are counted; a lead queued while SuiteDash is down
//! is created exactly once after it comes back; import mode writes the documented layout and
//! marks what was exported.

use std::sync::Arc;
use std::time::Duration;

use ringdesk_clock::ManualClock;
use ringdesk_core::app::{LeadInput, NewContact, SuiteDashSetup};
use ringdesk_core::integrations::suitedash::IMPORT_COLUMNS;
use ringdesk_core::Secret;
use ringdesk_testkit::suitedash::SuiteDashSim;
use serde_json::json;

use crate::support::{integrations_desk, DemoDesk};

const PUBLIC_ID: &str = "5f0c2a3e-public-id";
const KEY: &str = "sd-secret-key";

async fn connected(sim: &SuiteDashSim, clock: Option<Arc<dyn ringdesk_clock::Clock>>) -> DemoDesk {
    let demo = integrations_desk(clock).await;
    demo.desk
        .set_suitedash(SuiteDashSetup {
            public_id: PUBLIC_ID.into(),
            api_url: sim.url.clone(),
            monthly_quota: 400,
            secret_key: Some(Secret::new(KEY)),
        })
        .await
        .expect("SuiteDash set up");
    demo
}

async fn name_for(demo: &DemoDesk, number: &str) -> Option<String> {
    demo.desk
        .preview_number(number)
        .await
        .contact
        .map(|c| c.name)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pull_of_several_pages_matches_every_phone_field() {
    let sim = SuiteDashSim::start(PUBLIC_ID, KEY).await;
    sim.account(|a| a.page_size = 2);
    sim.add_contact(
        json!({"first_name": "Ana", "last_name": "Silva", "phone": "+1 415 555 0121",
                           "companies": [{"uid": "co-9", "name": "Acme"}]}),
    );
    sim.add_contact(
        json!({"first_name": "Bo", "last_name": "Chen", "work_phone": "(415) 555-0122"}),
    );
    sim.add_contact(json!({"first_name": "Cy", "last_name": "Park", "home_phone": "4155550123"}));
    sim.add_contact(json!({"first_name": "Di", "last_name": "Ross", "shop_phone": "+14155550124"}));
    sim.add_contact(json!({"first_name": "No", "last_name": "Phone"}));
    sim.add_company(json!({"name": "Globex", "phone": "+14155550131"}));
    sim.add_company(json!({"name": "Initech", "work_phone": "+14155550132"}));
    sim.add_company(json!({"name": "Umbrella", "shop_phone": "+14155550133"}));
    let demo = connected(&sim, None).await;

    let pulled = demo.desk.pull_suitedash().await.expect("pulled");
    assert_eq!((pulled.contacts, pulled.companies), (5, 3));
    assert_eq!(pulled.pages, 3 + 2, "every page of both lists");
    assert_eq!(
        name_for(&demo, "+14155550121").await.as_deref(),
        Some("Ana Silva"),
        "phone"
    );
    assert_eq!(
        name_for(&demo, "+14155550122").await.as_deref(),
        Some("Bo Chen"),
        "work_phone"
    );
    assert_eq!(
        name_for(&demo, "+14155550123").await.as_deref(),
        Some("Cy Park"),
        "home_phone"
    );
    assert_eq!(
        name_for(&demo, "+14155550124").await.as_deref(),
        Some("Di Ross"),
        "shop_phone"
    );
    assert_eq!(
        name_for(&demo, "+14155550131").await.as_deref(),
        Some("Globex"),
        "a company"
    );
    assert_eq!(
        name_for(&demo, "+14155550133").await.as_deref(),
        Some("Umbrella")
    );
    let ana = demo
        .desk
        .contacts(Some("Ana Silva"), None, 5)
        .expect("search");
    assert_eq!(ana.rows.len(), 1);
    assert_eq!(ana.rows[0].company, "Acme");
    assert_eq!(ana.rows[0].source, "suitedash");

    // Gone from SuiteDash: gone from the cache at the next pull.
    sim.account(|a| a.contacts.retain(|c| c["first_name"] != "Bo"));
    let again = demo.desk.pull_suitedash().await.expect("pulled again");
    assert_eq!(again.removed, 1);
    assert_eq!(name_for(&demo, "+14155550122").await, None);

    // Every request was counted against the month's quota.
    let view = demo.desk.integrations().await.expect("view");
    let quota = view.suitedash.expect("suitedash").quota.expect("quota");
    assert_eq!(quota.used as usize, sim.requests().len());
    assert_eq!(quota.quota, 400);
    assert!(!quota.warning);
    let log = demo.desk.integration_log(100).expect("the connectors' log");
    assert_eq!(
        log.len(),
        sim.requests().len(),
        "every request is in the activity log: {log:?}"
    );
    assert!(log
        .iter()
        .all(|e| e.action.starts_with("suitedash:GET /") && e.http_status == Some(200)));
    assert!(log.iter().all(|e| !format!("{e:?}").contains(KEY)));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_caller_becomes_one_lead_and_shows_the_suitedash_name() {
    let sim = SuiteDashSim::start(PUBLIC_ID, KEY).await;
    let demo = connected(&sim, None).await;
    let test = demo.desk.test_integration("suitedash").await.expect("test");
    let shown = serde_json::to_value(&test).expect("json");
    assert_eq!(shown["connector"], "suitedash");
    assert_eq!(shown["publicId"], PUBLIC_ID);
    assert_eq!(shown["contacts"], 0);

    assert_eq!(
        name_for(&demo, "+14155550141").await,
        None,
        "unknown at first"
    );
    let queued = demo
        .desk
        .add_suitedash_lead(&LeadInput {
            number: "(415) 555-0141".into(),
            name: "Nora Quist".into(),
            company: "Quist & Co".into(),
            tags: "inbound, vip".into(),
            ..LeadInput::default()
        })
        .expect("queued");
    assert_eq!(queued.kind, "contact.create");
    let run = demo.desk.run_integrations().await;
    assert_eq!(run.suitedash.map(|r| r.delivered), Some(1), "{run:?}");
    let created = sim.account(|a| a.created.clone());
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["role"], "Lead");
    assert_eq!(
        created[0]["send_welcome_email"], false,
        "never the welcome e-mail"
    );
    assert_eq!(created[0]["phone"], "+14155550141", "E.164");
    assert_eq!(created[0]["first_name"], "Nora");
    assert_eq!(created[0]["tags"], json!(["inbound", "vip"]));
    assert_eq!(
        name_for(&demo, "+14155550141").await.as_deref(),
        Some("Nora Quist"),
        "the caller has the SuiteDash name at once"
    );

    // Asking again changes nothing: one lead per number.
    demo.desk
        .add_suitedash_lead(&LeadInput {
            number: "+14155550141".into(),
            ..LeadInput::default()
        })
        .expect("asked again");
    demo.desk.run_integrations().await;
    assert_eq!(sim.account(|a| a.created.len()), 1);
    let refused = demo.desk.add_suitedash_lead(&LeadInput {
        number: "101".into(),
        ..LeadInput::default()
    });
    assert!(refused.is_err(), "an extension is not a lead");

    // Her tags change here at once, and in SuiteDash through the queue.
    let contact = demo
        .desk
        .preview_number("+14155550141")
        .await
        .contact
        .expect("the new lead");
    demo.desk
        .set_suitedash_tags(contact.id, "vip, renewal")
        .expect("tags queued");
    assert_eq!(
        demo.desk.contact(contact.id).expect("page").tags,
        "vip, renewal"
    );
    let run = demo.desk.run_integrations().await;
    assert_eq!(run.suitedash.map(|r| r.delivered), Some(1), "{run:?}");
    let uid = created_uid(&sim);
    assert!(sim.requests().contains(&format!("PUT /contact/{uid}")));
    let tags = sim.account(|a| {
        a.contacts
            .iter()
            .find(|c| c["uid"] == uid.as_str())
            .map(|c| c["tags"].clone())
    });
    assert_eq!(tags, Some(json!(["vip", "renewal"])));
}

fn created_uid(sim: &SuiteDashSim) -> String {
    sim.account(|a| {
        a.contacts
            .iter()
            .find(|c| c["phone"] == "+14155550141")
            .and_then(|c| c["uid"].as_str())
            .map(str::to_string)
            .expect("created in SuiteDash")
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lead_queued_while_suitedash_is_down_is_created_once_after_it_returns() {
    let clock = Arc::new(ManualClock::new(std::time::SystemTime::now()));
    let mut sim = SuiteDashSim::start(PUBLIC_ID, KEY).await;
    let demo = connected(&sim, Some(clock.clone())).await;
    sim.stop();
    demo.desk
        .add_suitedash_lead(&LeadInput {
            number: "+14155550151".into(),
            name: "Olu Ade".into(),
            ..LeadInput::default()
        })
        .expect("queued offline");
    let offline = demo.desk.run_integrations().await;
    assert_eq!(offline.suitedash.map(|r| r.retried), Some(1), "{offline:?}");
    let view = demo.desk.integrations().await.expect("view");
    assert_eq!(
        view.suitedash.expect("sd").queue.pending,
        1,
        "kept, not lost"
    );

    sim.restart().await;
    clock.advance(Duration::from_secs(30));
    let back = demo.desk.run_integrations().await;
    assert_eq!(back.suitedash.map(|r| r.delivered), Some(1), "{back:?}");
    clock.advance(Duration::from_secs(30));
    demo.desk.run_integrations().await;
    assert_eq!(sim.account(|a| a.created.len()), 1, "created exactly once");
    assert_eq!(
        name_for(&demo, "+14155550151").await.as_deref(),
        Some("Olu Ade")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lead_whose_answer_was_lost_is_looked_up_not_created_again() {
    let clock = Arc::new(ManualClock::new(std::time::SystemTime::now()));
    let sim = SuiteDashSim::start(PUBLIC_ID, KEY).await;
    let demo = connected(&sim, Some(clock.clone())).await;
    demo.desk
        .pull_suitedash()
        .await
        .expect("pulled: the next pull is a day away");
    // SuiteDash creates it, but the answer says 502 (a proxy lost it).
    sim.add_contact(json!({"first_name": "Pia", "last_name": "Lind", "phone": "+14155550161"}));
    sim.account(|a| a.fail_next.push_back(502));
    demo.desk
        .add_suitedash_lead(&LeadInput {
            number: "+14155550161".into(),
            name: "Pia Lind".into(),
            ..LeadInput::default()
        })
        .expect("queued");
    let lost = demo.desk.run_integrations().await;
    assert_eq!(lost.suitedash.map(|r| r.retried), Some(1), "{lost:?}");
    clock.advance(Duration::from_secs(30));
    let found = demo.desk.run_integrations().await;
    assert_eq!(found.suitedash.map(|r| r.delivered), Some(1), "{found:?}");
    assert!(
        sim.account(|a| a.created.is_empty()),
        "found by its number, not created twice"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_quota_warns_at_80_percent_and_keeps_the_last_5_for_the_agent() {
    // Mid-month, so that a day later is the same month.
    let mid_month = std::time::UNIX_EPOCH + Duration::from_secs(1_796_904_000);
    let clock = Arc::new(ManualClock::new(mid_month));
    let sim = SuiteDashSim::start(PUBLIC_ID, KEY).await;
    let demo = integrations_desk(Some(clock.clone())).await;
    demo.desk
        .set_suitedash(SuiteDashSetup {
            public_id: PUBLIC_ID.into(),
            api_url: sim.url.clone(),
            monthly_quota: 20,
            secret_key: Some(Secret::new(KEY)),
        })
        .await
        .expect("set up");
    // A pull is two requests (one page of each list).
    for _ in 0..8 {
        demo.desk.pull_suitedash().await.expect("pull");
    }
    let quota = demo
        .desk
        .integrations()
        .await
        .expect("view")
        .suitedash
        .expect("sd")
        .quota
        .expect("quota");
    assert_eq!(
        (quota.used, quota.warning, quota.reserved),
        (16, true, false)
    );
    demo.desk.pull_suitedash().await.expect("18 of 20");
    demo.desk
        .test_integration("suitedash")
        .await
        .expect("19 of 20: the agent asked");
    // A day on, the background pull is due, but it must not spend the last 5 %.
    clock.advance(Duration::from_secs(25 * 3600));
    let run = demo.desk.run_integrations().await;
    assert!(run.pulled.is_none(), "{run:?}");
    assert_eq!(sim.requests().len(), 19);
    demo.desk
        .test_integration("suitedash")
        .await
        .expect("the 20th, asked for");
    let spent = demo.desk.test_integration("suitedash").await;
    assert!(
        spent
            .as_ref()
            .is_err_and(|e| e.to_string().contains("quota")),
        "{spent:?}"
    );
    assert_eq!(sim.requests().len(), 20, "nothing sent past the quota");
}

#[tokio::test(flavor = "multi_thread")]
async fn import_mode_writes_the_layout_and_leaves_out_what_was_marked() {
    let demo = integrations_desk(None).await;
    let dir = tempfile::tempdir().expect("dir");
    for (name, number) in [("Ana Silva", "+14155550171"), ("Bo Chen", "+14155550172")] {
        demo.desk
            .add_contact(&NewContact {
                name: name.into(),
                number: number.into(),
                company: "=HYPERLINK(\"x\")".into(),
                ..NewContact::default()
            })
            .expect("contact");
    }
    let first = dir.path().join("first.csv");
    let export = demo
        .desk
        .export_for_suitedash(&first, false)
        .expect("export");
    let text = std::fs::read_to_string(&first).expect("csv");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(IMPORT_COLUMNS.join(",").as_str()));
    assert_eq!(
        IMPORT_COLUMNS.join(","),
        "ID,First Name,Last Name,Email,Phone,Company,Service Interest,Message,Source,Created Date,Tags"
    );
    let mut reader = csv::Reader::from_path(&first).expect("reader");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let ours: Vec<_> = rows
        .iter()
        .filter(|r| &r[2] == "Silva" || &r[2] == "Chen")
        .collect();
    assert_eq!(ours.len(), 2, "{text}");
    let ana = ours.iter().find(|r| &r[1] == "Ana").expect("Ana");
    assert_eq!(&ana[4], "+14155550171");
    assert_eq!(
        &ana[5], "'=HYPERLINK(\"x\")",
        "no formula reaches a spreadsheet"
    );
    assert_eq!(&ana[8], "ringdesk");
    assert_eq!(ana[9].len(), "2026-12-05".len());
    assert_eq!(export.rows as usize, rows.len());

    let again = demo
        .desk
        .export_for_suitedash(&dir.path().join("again.csv"), false)
        .expect("again");
    assert_eq!(
        again.rows, export.rows,
        "nothing marked yet: the same contacts"
    );
    let marked = demo.desk.mark_exported(Some(export.id)).expect("marked");
    assert!(marked.marked);
    let after = demo
        .desk
        .export_for_suitedash(&dir.path().join("after.csv"), false)
        .expect("after");
    assert_eq!(after.rows, 0, "marked contacts are left out");
    demo.desk
        .add_contact(&NewContact {
            name: "Cy Park".into(),
            number: "+14155550173".into(),
            ..NewContact::default()
        })
        .expect("Cy");
    let new_only = demo
        .desk
        .export_for_suitedash(&dir.path().join("new.csv"), false)
        .expect("new");
    assert_eq!(new_only.rows, 1);
    let all = demo
        .desk
        .export_for_suitedash(&dir.path().join("all.csv"), true)
        .expect("all");
    assert_eq!(all.rows, export.rows + 1);
    let history = demo.desk.contact_exports().expect("history");
    assert_eq!(history.len(), 5);
    assert_eq!(history[0].id, all.id, "newest first");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_too_big_to_read_is_refused_and_changes_nothing() {
    let sim = SuiteDashSim::start(PUBLIC_ID, KEY).await;
    sim.add_contact(json!({"first_name": "Ana", "last_name": "Silva", "phone": "+14155550181"}));
    let demo = connected(&sim, None).await;
    demo.desk.pull_suitedash().await.expect("a normal pull");
    sim.account(|a| {
        a.contacts.clear();
        a.filler = 9 * 1024 * 1024;
    });
    let big = demo.desk.pull_suitedash().await;
    assert!(
        big.as_ref()
            .is_err_and(|e| e.to_string().contains("longer than")),
        "{big:?}"
    );
    assert_eq!(
        name_for(&demo, "+14155550181").await.as_deref(),
        Some("Ana Silva"),
        "a refused pull removes nothing"
    );
}

#[test]
fn the_readme_lists_every_unverified_assumption() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README");
    for (topic, assumption) in ringdesk_core::integrations::suitedash::assumptions::UNVERIFIED {
        let line = format!("- {topic}: {assumption}");
        assert!(readme.contains(&line), "the README does not list: {line}");
    }
}

//! SuiteDash in the real window, against the test support's SuiteDash simulator over real HTTP:
//! Settings → Integrations takes the secret key (into the real keychain), *Test connection*
//! shows the account, *Pull now* brings the contacts in, and a call from a SuiteDash contact's
//! number pops with the SuiteDash name.

use std::time::Duration;

use ringdesk_testkit::suitedash::SuiteDashSim;
use serde_json::json;

use crate::desktop::Desktop;

const PUBLIC_ID: &str = "e2e-public-id";
const KEY: &str = "e2e-secret-key";
const CUSTOMER: &str = "+14155550301";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn test_connection_shows_the_account_and_a_suitedash_caller_has_their_name() {
    let sim = SuiteDashSim::start(PUBLIC_ID, KEY).await;
    sim.add_contact(json!({
        "first_name": "Wren", "last_name": "Okafor", "work_phone": CUSTOMER,
        "companies": [{"uid": "co-1", "name": "Okafor Freight"}]
    }));
    sim.add_contact(json!({"first_name": "Zed", "last_name": "Nobody", "phone": "+14155550302"}));
    let config = format!(
        "[profiles.default.integrations.suitedash]\napi_url = \"{}\"\npublic_id = \"{PUBLIC_ID}\"\n",
        sim.url
    );
    let desktop = Desktop::launch_configured(&[], &[("RINGDESK_LOG", "info")], Some(&config)).await;
    desktop.wait_signed_in_demo().await;

    desktop
        .eval("document.querySelector(\"nav button[data-view='settings']\").click(); return true;")
        .await;
    desktop.type_into("#sd-key", KEY).await;
    desktop
        .eval("document.querySelector('#sd-save').click(); return true;")
        .await;
    desktop
        .wait_until(
            "the key to be stored",
            "return document.querySelector('#sd-key').placeholder.includes('keychain');",
        )
        .await;
    desktop
        .eval("document.querySelector('#sd-test').click(); return true;")
        .await;
    desktop
        .wait_until(
            "Test connection to show the account",
            &format!(
                "return document.querySelector('#sd-result').textContent === \
                 'Connected to SuiteDash account {PUBLIC_ID}: 2 contacts.';"
            ),
        )
        .await;
    desktop
        .eval(
            "document.querySelector('#sd-result').scrollIntoView({block: 'center'}); return true;",
        )
        .await;
    desktop.screenshot("settings-integrations").await;
    let stored = desktop.run("secret-tool", &["search", "--all", "service", "ringdesk"]);
    let listed = String::from_utf8_lossy(&stored.stdout).to_string();
    assert!(
        listed.contains("default/suitedash-key"),
        "the key is in the keychain: {listed}"
    );
    let config_now =
        std::fs::read_to_string(desktop.dir().join("config/config.toml")).expect("config");
    assert!(!config_now.contains(KEY), "{config_now}");

    desktop
        .eval("document.querySelector('#sd-pull').click(); return true;")
        .await;
    desktop
        .wait_until(
            "the contacts pulled",
            "return document.querySelector('#sd-facts').textContent.includes('Last pull') \
             && !document.querySelector('#sd-facts').textContent.includes('Never');",
        )
        .await;
    let preview = desktop
        .invoke("parse_number", json!({"text": CUSTOMER}))
        .await
        .expect("preview");
    assert_eq!(preview["contact"]["name"], "Wren Okafor", "{preview}");

    desktop
        .admin()
        .await
        .inbound_call(CUSTOMER, json!({ "outcome": "missed", "ring_ms": 8000 }))
        .await;
    desktop
        .wait_up_to(
            Duration::from_secs(30),
            "the banner to name the SuiteDash contact",
            "const b = document.querySelector('.incoming'); \
             return !!b && !b.hidden && b.textContent.includes('Wren Okafor, Okafor Freight');",
        )
        .await;
    desktop
        .eval("document.querySelector('.incoming').scrollIntoView({block: 'start'}); return true;")
        .await;
    desktop.screenshot("incoming-suitedash-contact").await;
    let requests = sim.requests();
    assert!(
        requests.iter().any(|r| r == "GET /contacts?page=1"),
        "{requests:?}"
    );
    desktop.close().await;
}

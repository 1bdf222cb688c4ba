//! With an admin token (demo mode), the admin API answers only requests that carry it.

use ringcentral_sim::{SimConfig, ADMIN_TOKEN_HEADER};
use serde_json::json;

use crate::common::{config, start};

#[tokio::test]
async fn the_admin_api_needs_its_token_when_it_has_one() {
    let (sim, api) = start(SimConfig {
        admin_token: Some("s3cret-per-run".into()),
        ..config()
    })
    .await;
    let url = format!("{}/sim/inbound-sms", sim.credentials().server_url);
    let text = json!({ "from": "+14155550123", "text": "fake" });
    let http = reqwest::Client::new();
    let without = http.post(&url).json(&text).send().await.expect("answers");
    assert_eq!(without.status(), 403, "no token, no fake texts");
    let wrong = http
        .post(&url)
        .header(ADMIN_TOKEN_HEADER, "guess")
        .json(&text)
        .send()
        .await
        .expect("answers");
    assert_eq!(wrong.status(), 403, "a wrong token is refused");
    let right = http
        .post(&url)
        .header(ADMIN_TOKEN_HEADER, "s3cret-per-run")
        .json(&text)
        .send()
        .await
        .expect("answers");
    assert_eq!(right.status(), 200, "the token opens it");
    let open = api
        .get("/restapi/v1.0/account/~/extension/~/phone-number")
        .await;
    assert_ne!(
        open.status, 403,
        "RingCentral's API is not behind the admin token"
    );
}

#[tokio::test]
async fn without_a_token_the_admin_api_stays_open_for_tests() {
    let (sim, _) = start(config()).await;
    let reply = reqwest::Client::new()
        .post(format!("{}/sim/inbound-sms", sim.credentials().server_url))
        .json(&json!({ "from": "+14155550123", "text": "hi" }))
        .send()
        .await
        .expect("answers");
    assert_eq!(reply.status(), 200);
}

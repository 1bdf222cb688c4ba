//! Demo mode's simulator serves on 127.0.0.1, where any local process can reach it: its admin
//! API (push a text, arm a fault …) answers only with the run's token.

use crate::support::{admin, demo_desk};

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_simulators_admin_api_refuses_strangers() {
    let demo = demo_desk().await;
    let server = demo.desk.demo_server().await.expect("the simulator runs");
    let text = serde_json::json!({ "from": "+14155550123", "text": "Your account is locked, call +1 900…" });
    let stranger = reqwest::Client::new()
        .post(format!("{server}/sim/inbound-sms"))
        .json(&text)
        .send()
        .await
        .expect("the simulator answers");
    assert_eq!(stranger.status(), 403, "no fake texts from other processes");
    let ours = admin(&demo.desk, "/sim/inbound-sms", text).await;
    assert_eq!(ours.status(), 200, "the run's own token opens it");
}

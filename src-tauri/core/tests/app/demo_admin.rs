//! Demo mode's simulator serves on 127.0.0.1, where any local process can reach it: its admin
//! API (push a text, arm a fault …) answers only with the run's token.

use reqwest::Method;
use ringdesk_testkit::sim::CUSTOMER;
use ringdesk_testkit::SimAdmin;

use crate::support::{demo_desk, sim_admin};

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_simulators_admin_api_refuses_strangers() {
    let demo = demo_desk().await;
    let server = demo.desk.demo_server().await.expect("the simulator runs");
    let text =
        serde_json::json!({ "from": CUSTOMER, "text": "Your account is locked, call +1 900…" });
    let stranger = SimAdmin::new(&server)
        .send(Method::POST, "/sim/inbound-sms", text.clone())
        .await;
    assert_eq!(stranger.status, 403, "no fake texts from other processes");
    let ours = sim_admin(&demo.desk)
        .await
        .send(Method::POST, "/sim/inbound-sms", text)
        .await;
    assert_eq!(ours.status, 200, "the run's own token opens it");
}

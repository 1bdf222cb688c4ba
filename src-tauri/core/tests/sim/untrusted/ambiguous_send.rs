//! A send answered with a 5xx may have happened: it is never repeated, and the caller learns the
//! outcome is unknown (and reconciles it) instead of reading it as "not sent".

use ringdesk_core::api::message_store::LIST_MESSAGES;
use ringdesk_core::api::{ApiError, Call};
use ringdesk_core::phone::{self, Country};
use ringdesk_core::sms::{SmsError, SmsText};
use ringdesk_core::Recovery;

use ringdesk_testkit::admin::matching;
use ringdesk_testkit::fixtures::send_sms;
use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{sim, EXTENSION};
use ringdesk_testkit::{Fault, SimAdmin};

#[tokio::test]
async fn a_proxys_503_after_forwarding_a_text_sends_it_once() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    SimAdmin::of(&sim)
        .arm(
            Fault::on("POST", &format!("{EXTENSION}/sms"))
                .status(503)
                .processed(),
        )
        .await;
    let us: Country = "US".parse().expect("US");
    let to =
        phone::normalize(&phone::parse_input("+16505550199").expect("reads"), us).expect("valid");
    let text = SmsText::new("one copy, whatever the proxy says").expect("short");
    let err = send_sms(&client, "+16505550101", &to, &text)
        .await
        .expect_err("the answer was an error");
    assert!(
        matches!(err, SmsError::Api(ApiError::UnknownOutcome { .. })),
        "a 503 on a send is an unknown outcome, not a refusal: {err:?}"
    );
    assert_eq!(err.recovery(), Recovery::Reconcile);
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", "/sms").len(),
        1,
        "the send is not repeated: {log:?}"
    );
    let listed: serde_json::Value = client
        .fetch(
            Call::new(&LIST_MESSAGES, &[])
                .query("direction", "Outbound")
                .query("perPage", 1000),
        )
        .await
        .expect("message store");
    let sent = listed["records"]
        .as_array()
        .map(|records| {
            records
                .iter()
                .filter(|m| m["subject"] == text.as_str())
                .count()
        })
        .unwrap_or_default();
    assert_eq!(sent, 1, "RingCentral holds the text exactly once");
}

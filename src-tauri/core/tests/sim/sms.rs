//! SMS: sender choice, the sender check and the length limit.

use ringdesk_core::api::ApiError;
use ringdesk_core::sms::{choose_sender, SmsError, SmsText};
use ringdesk_core::Recovery;
use ringdesk_testkit::admin::matching;
use ringdesk_testkit::fixtures::{number, send_sms};
use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::sim;
use ringdesk_testkit::SimAdmin;

#[tokio::test]
async fn a_non_sms_sender_gets_the_pick_a_number_hint() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    let text = SmsText::new("Hello from ringdesk").expect("short");
    let err = send_sms(
        &client,
        &sim.credentials().main_number,
        &number("+16505550199"),
        &text,
    )
    .await
    .expect_err("the main number cannot text");
    assert!(
        matches!(&err, SmsError::Api(ApiError::Status { status: 403, code: Some(code), .. }) if code == "MSG-242"),
        "{err:?}"
    );
    assert_eq!(err.recovery(), Recovery::PickSmsNumber);
    assert!(
        err.hint().contains("SmsSender"),
        "the hint says which numbers can text: {}",
        err.hint()
    );
}

#[tokio::test]
async fn the_sender_is_chosen_when_none_is_given() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    let from = choose_sender(&client, None)
        .await
        .expect("an SMS number exists");
    assert_eq!(from, "+16505550101", "the primary SmsSender number");
    let text = SmsText::new("Your order shipped").expect("short");
    let sent = send_sms(&client, &from, &number("(650) 555-0199"), &text)
        .await
        .expect("sent");
    assert!(sent.id > 0, "RingCentral returns the message id");
    assert_eq!(
        sent.message_status.as_deref(),
        Some("Queued"),
        "delivery is asynchronous"
    );
}

#[tokio::test]
async fn an_over_long_text_is_refused_before_sending() {
    let sim = sim(|_| {}).await;
    let _client = jwt_client(&sim, quick()).await;
    let err = SmsText::new(&"x".repeat(1001)).expect_err("too long");
    assert_eq!(err.recovery(), Recovery::FixInput);
    let log = SimAdmin::of(&sim).requests().await;
    assert!(
        matching(&log, "POST", "/sms").is_empty(),
        "nothing was sent"
    );
}

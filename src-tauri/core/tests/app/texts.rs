use crate::support::demo_desk;

#[tokio::test(flavor = "multi_thread")]
async fn a_text_goes_through_the_outbox_once_and_shows_in_the_thread() {
    let demo = demo_desk().await;
    let sent = demo
        .desk
        .send_sms("+1 650 555 0199", "Hello from the desk", None)
        .await
        .expect("sent");
    assert!(!sent.pending, "online, the outbox sends at once");
    assert!(sent.message_id.is_some());
    let thread = demo.desk.thread("+16505550199").await.expect("thread");
    let mine: Vec<_> = thread
        .messages
        .iter()
        .filter(|m| m.text == "Hello from the desk")
        .collect();
    assert_eq!(
        mine.len(),
        1,
        "exactly one copy in the thread: {:?}",
        thread.messages
    );
    assert!(
        !thread.senders.is_empty(),
        "the sender picker has the SMS numbers"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_counter_counts_utf16_units_and_segments() {
    let demo = demo_desk().await;
    let measure = demo.desk.measure_sms(&"a".repeat(161));
    assert_eq!(
        (measure.units, measure.segments),
        (161, 2),
        "161 GSM characters need 2 segments"
    );
    assert!(
        demo.desk.measure_sms(&"😀".repeat(501)).too_long,
        "1002 units is over the limit"
    );
}

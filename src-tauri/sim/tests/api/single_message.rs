//! `readMessage` for one id answers `GetSingleMessageInfoResponse`, `vmSideRecipients`
//! included, and the validator holds it to that (it once excused the field).

use crate::common::spec::Spec;
use crate::common::{config, logged_in, EXT};
use serde_json::json;

#[tokio::test]
async fn one_message_read_by_id_has_its_side_recipients() {
    let (_sim, api) = logged_in(config()).await;
    let sent = api
        .post(
            &format!("{EXT}/sms"),
            json!({ "from": { "phoneNumber": "+16505550101" }, "to": [{ "phoneNumber": "+14155550120" }], "text": "hi" }),
        )
        .await;
    let id = sent.json["id"]
        .as_i64()
        .expect("the sent message has an id");
    let one = api.get(&format!("{EXT}/message-store/{id}")).await;
    assert_eq!(one.status, 200, "{}", one.json);
    let side = one.json["vmSideRecipients"]
        .as_array()
        .expect("the spec requires vmSideRecipients");
    assert_eq!(
        side.first().and_then(|r| r["phoneNumber"].as_str()),
        Some("+14155550120"),
        "the recipients: {side:?}"
    );
    let mut without = one.json.clone();
    if let Some(message) = without.as_object_mut() {
        message.remove("vmSideRecipients");
    }
    let path = format!("{EXT}/message-store/{id}");
    assert!(
        Spec::get()
            .validate_response("GET", &path, 200, &without)
            .is_err(),
        "the validator holds a single message to GetSingleMessageInfoResponse"
    );
}

//! The validator itself: it must reject wrong bodies, or every other test proves nothing.

use crate::common::spec::Spec;
use serde_json::json;

#[test]
fn the_validator_rejects_bodies_that_break_the_spec() {
    let spec = Spec::get();
    let token = "/restapi/oauth/token";
    let good = json!({ "access_token": "a", "token_type": "bearer", "expires_in": 3600, "scope": "SMS", "session_id": "s" });
    assert!(
        spec.validate_response("POST", token, 200, &good).is_ok(),
        "a minimal TokenInfo is valid"
    );
    let missing =
        json!({ "token_type": "bearer", "expires_in": 3600, "scope": "SMS", "session_id": "s" });
    assert!(
        spec.validate_response("POST", token, 200, &missing)
            .is_err(),
        "a missing required field is caught"
    );
    let wrong_enum = json!({ "access_token": "a", "token_type": "Bearer", "expires_in": 3600, "scope": "SMS", "session_id": "s" });
    assert!(
        spec.validate_response("POST", token, 200, &wrong_enum)
            .is_err(),
        "enum values are checked"
    );
    let ext = "/restapi/v1.0/account/~/extension/~";
    assert!(
        spec.validate_response("GET", ext, 200, &json!({ "id": "123" }))
            .is_err(),
        "int64 ids must be numbers"
    );
    let bad_time = json!({ "records": [{ "id": "1", "uri": "http://x/1", "sessionId": "1", "type": "Voice", "direction": "Inbound", "action": "Phone Call", "startTime": "yesterday" }], "paging": { "perPage": 1 }, "navigation": {} });
    assert!(
        spec.validate_response("GET", &format!("{ext}/call-log"), 200, &bad_time)
            .is_err(),
        "date-time formats are checked"
    );
    assert!(
        spec.validate_response("GET", ext, 207, &json!({})).is_err(),
        "undeclared success statuses are refused"
    );
    let error = json!({ "errors": [{ "errorCode": "CMN-102", "message": "x" }] });
    assert!(
        spec.validate_response("GET", ext, 404, &error).is_ok(),
        "errors fall back to the generic models"
    );
    assert!(
        spec.validate_response("GET", ext, 404, &json!({ "message": "x" }))
            .is_err(),
        "an error body without errors[] is caught"
    );
    assert!(
        spec.validate_named("InstantMessageEvent", &json!({ "body": { "id": 5 } }))
            .is_err(),
        "named schemas validate too"
    );
}

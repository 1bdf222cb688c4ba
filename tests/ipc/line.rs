//! The line's commands: presence read and set (RingCentral's answer), Call Control offered when
//! the simulated app holds it, hang up with no call refused with a reason, and the caller view.

use serde_json::json;

use super::{error_code, invoke, signed_in_demo};

#[test]
fn presence_is_read_and_set_with_call_control_offered() {
    let h = signed_in_demo();
    let line = invoke(&h, "line", json!({})).expect("line");
    assert_eq!(line["choice"], "available", "{line}");
    assert_eq!(
        line["callControl"], true,
        "the demo app holds CallControl: {line}"
    );
    assert!(
        line["quickReplies"]
            .as_array()
            .is_some_and(|r| !r.is_empty()),
        "{line}"
    );
    let dnd = invoke(&h, "set_presence", json!({"choice": "dnd"})).expect("set");
    assert_eq!(
        (
            dnd["choice"].as_str(),
            dnd["dndStatus"].as_str(),
            dnd["words"].as_str()
        ),
        (
            Some("dnd"),
            Some("DoNotAcceptAnyCalls"),
            Some("Do not disturb")
        ),
        "{dnd}"
    );
    let bad = invoke(&h, "set_presence", json!({"choice": "asleep"})).expect_err("refused");
    assert_eq!(error_code(&bad), "validation");
}

#[test]
fn call_control_without_a_call_says_so_and_the_caller_view_answers() {
    let h = signed_in_demo();
    let none = invoke(&h, "hang_up", json!({})).expect_err("no call");
    error_code(&none);
    assert!(
        none["message"]
            .as_str()
            .is_some_and(|m| m.contains("no call")),
        "{none}"
    );
    let caller = invoke(&h, "caller", json!({"number": "+14155550188"})).expect("caller");
    assert!(
        caller.get("lastCall").is_some() && caller.get("lastText").is_some(),
        "{caller}"
    );
    invoke(&h, "history_seen", json!({})).expect("history seen");
}

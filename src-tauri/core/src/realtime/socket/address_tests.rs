use super::*;

fn ticket(uri: &str) -> WsToken {
    serde_json::from_value(serde_json::json!({
        "ws_access_token": "ws-token-secret",
        "uri": uri,
        "expires_in": 60,
    }))
    .expect("a WsToken")
}

#[test]
fn the_token_goes_to_wss_or_to_this_machine() {
    let wsc = Secret::new("recover-me");
    let secure = address(&ticket("wss://ws-api.ringcentral.com/ws"), Some(&wsc)).expect("wss");
    assert_eq!(
        secure,
        "wss://ws-api.ringcentral.com/ws?access_token=ws-token-secret&wsc=recover-me"
    );
    let simulator = address(&ticket("ws://127.0.0.1:4100/ws?x=1#frag"), None).expect("loopback");
    assert_eq!(
        simulator, "ws://127.0.0.1:4100/ws?x=1&access_token=ws-token-secret",
        "the token joins the query, never a fragment"
    );
    assert!(address(&ticket("ws://[::1]:4100/ws"), None).is_ok());
}

#[test]
fn other_addresses_are_refused_without_the_token() {
    for uri in [
        "ws://ws-api.ringcentral.com/ws",
        "ws://10.0.0.1/ws",
        "ws://127.0.0.1.evil.example/ws",
        "http://127.0.0.1:4100/ws",
        "https://ws-api.ringcentral.com/ws",
        "wss://user:pw@ws-api.ringcentral.com/ws",
        "/ws",
        "",
    ] {
        let err = address(&ticket(uri), None).expect_err("refused");
        assert!(
            matches!(err, RealtimeError::UnsafeAddress { .. }),
            "{uri:?}: {err:?}"
        );
        let shown = err.to_string();
        assert!(
            !shown.contains("ws-token-secret") && !shown.contains("pw"),
            "the refusal shows no secret: {shown}"
        );
        assert!(shown.contains("wss://"), "it says what is allowed: {shown}");
    }
}

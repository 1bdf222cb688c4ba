use super::*;

const BASE: &str = "https://platform.ringcentral.com";

#[test]
fn the_same_origin_however_it_is_spelled() {
    for same in [
        "https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~/call-log?page=2",
        "https://PLATFORM.RingCentral.COM/restapi/v1.0/x",
        "HTTPS://platform.ringcentral.com/x",
        "https://platform.ringcentral.com:443/x",
    ] {
        assert!(same_origin(BASE, same), "{same} is RingCentral's own");
    }
    assert!(
        same_origin("http://127.0.0.1:4100", "http://127.0.0.1:4100/x?page=2"),
        "the simulator's own links"
    );
}

#[test]
fn tricky_spellings_lead_elsewhere() {
    for elsewhere in [
        "https://platform.ringcentral.com.evil.example/x",
        "https://platform.ringcentral.com@evil.example/x",
        "https://platform.ringcentral.com:443@evil.example/x",
        "https://user:secret@platform.ringcentral.com/x",
        "https://user@platform.ringcentral.com/x",
        "https://platform.ringcentral.com:8443/x",
        "http://platform.ringcentral.com/x",
        "wss://platform.ringcentral.com/x",
        // A Cyrillic "а": the parser turns it into an `xn--` name, another host.
        "https://plаtform.ringcentral.com/x",
        "https://platform.ringcentral.com./x",
        "//platform.ringcentral.com/x",
        "/restapi/v1.0/x",
        "data:text/plain,https://platform.ringcentral.com",
        "",
    ] {
        assert!(!same_origin(BASE, elsewhere), "{elsewhere:?} is elsewhere");
    }
    assert!(
        !same_origin("http://127.0.0.1:4100", "http://127.0.0.1:41000/x"),
        "a port that starts with the server's is another port"
    );
    assert!(!same_origin("not a url", "not a url"), "nothing unreadable");
}

#[test]
fn loopback_is_this_machine_only() {
    for here in [
        "ws://127.0.0.1:4100/ws",
        "ws://127.1.2.3/ws",
        "ws://[::1]:4100/ws",
        "http://localhost:4100",
        "http://LOCALHOST",
    ] {
        let url = Url::parse(here).expect("parses");
        assert!(is_loopback(&url), "{here} is this machine");
    }
    for there in [
        "ws://10.0.0.1/ws",
        "ws://ws-api.ringcentral.com/ws",
        "ws://localhost.evil.example/ws",
        "ws://127.0.0.1.evil.example/ws",
        "ws://[::ffff:10.0.0.1]/ws",
        "ws://0.0.0.0/ws",
    ] {
        let url = Url::parse(there).expect("parses");
        assert!(!is_loopback(&url), "{there} is not this machine");
    }
}

#[test]
fn shown_origins_keep_secrets_out() {
    assert_eq!(
        shown("https://user:secret@evil.example/x?access_token=t"),
        "https://evil.example"
    );
    assert_eq!(
        shown("ws://evil.example:81/ws?access_token=t"),
        "ws://evil.example:81"
    );
    assert!(!shown("nonsense").contains("nonsense"));
}

//! Plain `http://` sends tokens and client secrets readable on the way: only this machine (the
//! simulator) may be addressed so.

use super::*;

#[test]
fn plain_http_is_refused_off_this_machine() {
    for url in [
        "http://platform.ringcentral.com",
        "http://platform.example.com:8080/",
        "HTTP://10.0.0.5:9000",
        "http://127.0.0.1.evil.example",
    ] {
        let err = Server::parse(url).expect_err("refused");
        assert!(
            matches!(&err, ConfigError::InsecureServer(named) if named.eq_ignore_ascii_case(url.trim_end_matches('/'))),
            "{url}: {err:?}"
        );
        assert!(
            err.to_string().contains(url.trim_end_matches('/')),
            "the error names the URL: {err}"
        );
    }
    let env = Environment::from_pairs([
        ("RINGCENTRAL_SERVER_URL", "http://platform.example.com"),
        ("RINGCENTRAL_CLIENT_ID", "id"),
    ]);
    assert!(
        Profile::resolve("default", &ConfigFile::default(), &env, false).is_err(),
        "the environment cannot name a plain-http server either"
    );
}

#[test]
fn this_machine_and_https_are_fine() {
    for url in [
        "http://127.0.0.1:9000",
        "http://localhost:9000",
        "http://[::1]:9000",
        "https://platform.example.com",
    ] {
        assert_eq!(
            Server::parse(url).expect("allowed").url(),
            url,
            "{url} is allowed"
        );
    }
}

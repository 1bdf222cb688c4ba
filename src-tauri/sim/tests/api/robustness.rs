//! Bad input gets RingCentral's answer, never a panic or a hang.

use crate::common::{config, logged_in, EXT};
use reqwest::Method;
use ringcentral_sim::{RateLimitConfig, SimConfig};
use std::time::Duration;

#[tokio::test]
async fn malformed_bodies_types_and_media() {
    let (_sim, api) = logged_in(SimConfig {
        body_limit: 4096,
        ..config()
    })
    .await;
    let sms = format!("{EXT}/sms");
    let garbage = api
        .send_raw(
            Method::POST,
            &sms,
            "application/json",
            b"{\"from\": ".to_vec(),
        )
        .await;
    assert_eq!(
        (garbage.status, garbage.code()),
        (400, "CMN-103"),
        "unparsable JSON"
    );
    let array = api
        .send_raw(Method::POST, &sms, "application/json", b"[1,2,3]".to_vec())
        .await;
    assert_eq!(
        (array.status, array.code()),
        (400, "CMN-101"),
        "JSON of the wrong shape"
    );
    let media = api
        .send_raw(Method::POST, &sms, "text/plain", b"hello".to_vec())
        .await;
    assert_eq!(media.status, 415, "other media types are refused");
    let huge = api
        .send_raw(
            Method::POST,
            &sms,
            "application/json",
            vec![b' '; 64 * 1024],
        )
        .await;
    assert_eq!(
        huge.status, 413,
        "bodies over the limit are refused with a RingCentral body"
    );
    assert!(huge.json["errors"].is_array(), "413 has an errors[] body");
    let binary = api
        .send_raw(
            Method::POST,
            &format!("{EXT}/ring-out"),
            "application/json",
            vec![0xff, 0xfe, 0x00],
        )
        .await;
    assert_eq!(binary.status, 400, "binary junk");
    let token_form = api
        .send_raw(
            Method::POST,
            "/restapi/oauth/token",
            "application/json",
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(token_form.status, 415, "the token endpoint wants a form");
}

#[tokio::test]
async fn bad_queries_paths_and_methods() {
    let (_sim, api) = logged_in(config()).await;
    for query in [
        "perPage=-1",
        "page=abc",
        "page=0",
        "dateTo=soon",
        "direction=Sideways",
        "view=Fancy",
        "type=Carrier",
        "showDeleted=maybe",
    ] {
        let reply = api.get(&format!("{EXT}/call-log?{query}")).await;
        assert_eq!(
            (reply.status, reply.code()),
            (400, "CMN-101"),
            "call-log?{query}"
        );
    }
    for query in [
        "messageType=Email",
        "conversationId=abc",
        "distinctConversations=yes",
        "readStatus=Maybe",
    ] {
        assert_eq!(
            api.get(&format!("{EXT}/message-store?{query}"))
                .await
                .status,
            400,
            "message-store?{query}"
        );
    }
    assert_eq!(
        api.get("/restapi/v1.0/account/~/extension/~/nothing-here")
            .await
            .status,
        404,
        "unknown paths are 404"
    );
    let other_account = api.get("/restapi/v1.0/account/12345/extension/~").await;
    assert_eq!(
        (other_account.status, other_account.code()),
        (404, "CMN-102"),
        "another account"
    );
    let method = api
        .send(Method::PATCH, &format!("{EXT}/call-log"), None)
        .await;
    assert_eq!(method.status, 405, "wrong methods are 405");
    for id in ["-1", "99999999999999999999999", "abc", "1,2,x"] {
        let reply = api.get(&format!("{EXT}/message-store/{id}")).await;
        assert!(
            reply.status == 404 || reply.status == 207,
            "message id {id} gives an answer, not a crash: {}",
            reply.status
        );
    }
    assert_eq!(
        api.get(&format!("{EXT}/address-book/contact/abc"))
            .await
            .status,
        404,
        "non-numeric contact id"
    );
    let long = "9".repeat(5000);
    assert_eq!(
        api.get(&format!("{EXT}/call-log/{long}")).await.status,
        404,
        "very long ids"
    );
}

#[tokio::test]
async fn a_flood_of_requests_is_answered_and_the_server_stays_up() {
    let limits = RateLimitConfig {
        enabled: true,
        ..RateLimitConfig::default()
    };
    let (_sim, api) = logged_in(SimConfig {
        rate_limits: limits,
        ..config()
    })
    .await;
    let api = std::sync::Arc::new(api);
    let mut tasks = Vec::new();
    for _ in 0..400 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            let url = format!("{}{EXT}/presence", api.creds.server_url);
            api.http
                .get(url)
                .bearer_auth(api.token.clone().unwrap_or_default())
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }));
    }
    let statuses = tokio::time::timeout(
        Duration::from_secs(30),
        futures_util::future::join_all(tasks),
    )
    .await
    .unwrap_or_else(|_| panic!("the flood is answered within 30 s"));
    let statuses: Vec<u16> = statuses.into_iter().map(|s| s.unwrap_or(0)).collect();
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 429),
        "every request gets 200 or 429: {statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        50,
        "exactly the Light limit succeeds"
    );
    let admin = api
        .admin()
        .send(
            Method::GET,
            "/sim/requests?since=0",
            serde_json::json!(null),
        )
        .await;
    assert_eq!(admin.status, 200, "the server is still up");
}

#[tokio::test]
async fn crafted_tokens_and_huge_numbers_are_refused_cleanly() {
    use base64::Engine;
    let (_sim, api) = logged_in(config()).await;
    let encode = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    for token in [
        encode("msg.0.-9223372036854775808"),
        encode("msg.0.99999999999999999"),
        encode("msg.x.1"),
        "%%%".to_owned(),
    ] {
        let reply = api
            .get(&format!(
                "{EXT}/message-sync?syncType=ISync&syncToken={token}"
            ))
            .await;
        assert_eq!(reply.status, 400, "message-sync token {token}");
    }
    let clg = api
        .get(&format!(
            "{EXT}/call-log-sync?syncType=ISync&syncToken={}",
            encode("clg.0.-1")
        ))
        .await;
    assert_eq!(clg.code(), "CLG-101", "call-log token from before 1970");
    let abk = api
        .get(&format!(
            "{EXT}/address-book-sync?syncType=FSync&pageId=9223372036854775807"
        ))
        .await;
    assert_eq!(abk.status, 200, "a huge pageId is just an empty page");
    let far = api
        .get(&format!(
            "{EXT}/call-log?dateFrom=0001-01-01T00:00:00Z&dateTo=9999-12-31T23:59:59Z&perPage=1"
        ))
        .await;
    assert_eq!(far.status, 200, "extreme date windows work");
    let too_many = ringcentral_sim::start(SimConfig {
        call_log: u64::MAX,
        ..config()
    })
    .await;
    assert!(
        too_many.is_err(),
        "absurd seed sizes are a configuration error, not a later panic"
    );
}

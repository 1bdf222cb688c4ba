//! The endpoint table agrees with the spec, and every endpoint is routed, gated and limited in
//! its group.

use crate::common::spec::Spec;
use crate::common::{config, logged_in, start};
use reqwest::Method;
use ringcentral_sim::{Permission, RateLimitConfig, SimConfig, ENDPOINTS};

#[test]
fn every_endpoint_is_in_the_spec_with_its_throttling_group() {
    let spec = Spec::get();
    for e in ENDPOINTS {
        let group = spec.throttling_group(e.method(), e.path());
        assert_eq!(
            group.as_deref(),
            Some(e.group().as_str()),
            "{} {} ({}) is in the spec's {:?} group",
            e.method(),
            e.path(),
            e.operation(),
            group
        );
        assert_eq!(
            spec.operation_id(e.method(), e.path()).as_deref(),
            Some(e.operation()),
            "operationId of {} {}",
            e.method(),
            e.path()
        );
    }
}

#[tokio::test]
async fn every_endpoint_answers_with_its_group_headers() {
    let limits = RateLimitConfig {
        light: 1000,
        medium: 1000,
        heavy: 1000,
        auth: 1000,
        ..RateLimitConfig::default()
    };
    let (_sim, api) = logged_in(SimConfig {
        rate_limits: limits,
        ..config()
    })
    .await;
    for e in ENDPOINTS {
        let path = e
            .path()
            .replace("{accountId}", "~")
            .replace("{extensionId}", "~")
            .replace("{subscriptionId}", "none")
            .replace('{', "1")
            .replace('}', "");
        let method = Method::from_bytes(e.method().as_bytes()).unwrap_or(Method::GET);
        let reply = api.send(method, &path, None).await;
        assert_ne!(reply.status, 405, "{} {path} is routed", e.method());
        assert!(
            reply.status < 500,
            "{} {path} does not fail: {}",
            e.method(),
            reply.text
        );
        assert_eq!(
            reply.header("x-rate-limit-group"),
            Some(e.group().as_str()),
            "{} {path} is limited in its group",
            e.method()
        );
    }
}

#[test]
fn every_endpoint_needs_the_spec_app_permission() {
    let spec = Spec::get();
    for e in ENDPOINTS {
        assert_eq!(
            e.access().permission().map(Permission::as_str),
            spec.app_permission(e.method(), e.path()).as_deref(),
            "{} {} ({}) needs the spec's x-app-permission",
            e.method(),
            e.path(),
            e.operation()
        );
    }
}

/// A concrete path for a template: `~` for the account and extension, `1` for other ids.
fn concrete(template: &str) -> String {
    template
        .replace("{accountId}", "~")
        .replace("{extensionId}", "~")
        .replace('{', "1")
        .replace('}', "")
}

#[tokio::test]
async fn every_bearer_endpoint_refuses_a_missing_or_unknown_token() {
    let (_sim, mut api) = start(config()).await;
    let bearer: Vec<_> = ENDPOINTS.iter().filter(|e| e.access().bearer()).collect();
    assert!(
        bearer.len() > 30,
        "nearly every endpoint needs a bearer token ({} do)",
        bearer.len()
    );
    for token in [None, Some("never-issued")] {
        api.token = token.map(str::to_owned);
        // Only the gate looks tokens up: `OAU-129` proves it ran on this route.
        let expected = if token.is_some() {
            "OAU-129"
        } else {
            "OAU-123"
        };
        for e in &bearer {
            let path = concrete(e.path());
            let method = Method::from_bytes(e.method().as_bytes()).unwrap_or(Method::GET);
            let reply = api.send(method, &path, None).await;
            assert_eq!(
                (reply.status, reply.code()),
                (401, expected),
                "{} {path} ({}) with token {token:?} is refused by the gate: {}",
                e.method(),
                e.operation(),
                reply.text
            );
        }
    }
}

#[tokio::test]
async fn the_oauth_endpoints_need_no_bearer_token() {
    let (_sim, api) = start(config()).await;
    for e in ENDPOINTS.iter().filter(|e| !e.access().bearer()) {
        assert!(
            e.path().starts_with("/restapi/oauth/"),
            "only OAuth endpoints authenticate the client themselves: {}",
            e.operation()
        );
        let method = Method::from_bytes(e.method().as_bytes()).unwrap_or(Method::GET);
        let reply = api.send(method, e.path(), None).await;
        assert_ne!(
            reply.status,
            401,
            "{} {} answers without a bearer token: {}",
            e.method(),
            e.path(),
            reply.text
        );
    }
}

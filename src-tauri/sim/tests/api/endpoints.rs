//! The endpoint table agrees with the spec, and every endpoint is routed, gated and limited in
//! its group.

use crate::common::spec::Spec;
use crate::common::{config, logged_in};
use reqwest::Method;
use ringcentral_sim::{RateLimitConfig, SimConfig, ENDPOINTS};

#[test]
fn every_endpoint_is_in_the_spec_with_its_throttling_group() {
    let spec = Spec::get();
    for e in ENDPOINTS {
        let group = spec.throttling_group(e.method, e.path);
        assert_eq!(
            group.as_deref(),
            Some(e.group.as_str()),
            "{} {} ({}) is in the spec's {:?} group",
            e.method,
            e.path,
            e.operation,
            group
        );
        assert_eq!(
            spec.operation_id(e.method, e.path).as_deref(),
            Some(e.operation),
            "operationId of {} {}",
            e.method,
            e.path
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
            .path
            .replace("{accountId}", "~")
            .replace("{extensionId}", "~")
            .replace("{subscriptionId}", "none")
            .replace('{', "1")
            .replace('}', "");
        let method = Method::from_bytes(e.method.as_bytes()).unwrap_or(Method::GET);
        let reply = api.send(method, &path, None).await;
        assert_ne!(reply.status, 405, "{} {path} is routed", e.method);
        assert!(
            reply.status < 500,
            "{} {path} does not fail: {}",
            e.method,
            reply.text
        );
        assert_eq!(
            reply.header("x-rate-limit-group"),
            Some(e.group.as_str()),
            "{} {path} is limited in its group",
            e.method
        );
    }
}

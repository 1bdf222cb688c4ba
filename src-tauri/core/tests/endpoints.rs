//! ringdesk's endpoint constants agree with RingCentral's OpenAPI spec (the simulator's vendored
//! copy): each method and path exists, with that `operationId` and `x-throttling-group`, and no
//! `Endpoint` constant in the sources is left out of the check.

use ringdesk_core::api::{Endpoint, ENDPOINTS};
use ringdesk_core::auth::{GET_TOKEN, REVOKE_TOKEN};
use serde_json::Value;
use std::path::Path;

/// The vendored spec (`src-tauri/sim/spec/`), parsed.
fn spec() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../sim/spec/rc-public-openapi.yml"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the vendored spec must be readable at {path}: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("the vendored spec must parse: {e}"))
}

/// Every endpoint ringdesk calls.
fn every_endpoint() -> Vec<&'static Endpoint> {
    let mut all = ENDPOINTS.to_vec();
    all.extend([&GET_TOKEN, &REVOKE_TOKEN]);
    all
}

/// Whether a ringdesk path (`~` for the caller's account and extension, `{}` for an id) fills
/// a spec template (`{accountId}`, `{extensionId}`, `{ringoutId}`, …): same segments, and each
/// placeholder where the template has a parameter.
fn fills(path: &str, template: &str) -> bool {
    let ours: Vec<&str> = path.split('/').collect();
    let theirs: Vec<&str> = template.split('/').collect();
    ours.len() == theirs.len()
        && ours.iter().zip(&theirs).all(|(a, b)| {
            let placeholder = *a == "~" || *a == "{}";
            let parameter = b.starts_with('{') && b.ends_with('}');
            if placeholder || parameter {
                placeholder && parameter
            } else {
                a == b
            }
        })
}

/// The spec's operation for a ringdesk endpoint, with its template.
fn operation<'a>(spec: &'a Value, endpoint: &Endpoint) -> Option<(&'a str, &'a Value)> {
    let method = endpoint.method.as_str().to_ascii_lowercase();
    spec["paths"]
        .as_object()?
        .iter()
        .filter(|(template, _)| fills(endpoint.path, template))
        .find_map(|(template, item)| Some((template.as_str(), item.get(&method)?)))
}

#[test]
fn every_endpoint_is_in_the_spec_with_its_operation_id_and_throttling_group() {
    let spec = spec();
    for e in every_endpoint() {
        let Some((template, op)) = operation(&spec, e) else {
            panic!(
                "{} {} ({}) is not in the spec",
                e.method, e.path, e.operation
            );
        };
        assert_eq!(
            op["operationId"].as_str(),
            Some(e.operation),
            "operationId of {} {template}",
            e.method
        );
        assert_eq!(
            op["x-throttling-group"].as_str(),
            Some(e.group.name()),
            "{} {template} ({}) is in the spec's group",
            e.method,
            e.operation
        );
    }
}

/// `operation: "…"` of every `const NAME: Endpoint = Endpoint { … }` under `dir`.
fn declared_operations(dir: &Path, found: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} must be readable: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            declared_operations(&path, found);
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} must be readable: {e}", path.display()));
        for (at, _) in text.match_indices(": Endpoint = Endpoint {") {
            let operation = text[at..]
                .split_once("operation: \"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(name, _)| name.to_owned())
                .unwrap_or_else(|| panic!("an Endpoint in {} names its operation", path.display()));
            found.push(operation);
        }
    }
}

#[test]
fn every_endpoint_constant_is_checked() {
    let mut declared = Vec::new();
    declared_operations(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut declared,
    );
    declared.sort();
    let mut checked: Vec<String> = every_endpoint()
        .iter()
        .map(|e| e.operation.to_owned())
        .collect();
    checked.sort();
    assert_eq!(
        checked, declared,
        "api::ENDPOINTS plus the auth token endpoints list every Endpoint constant in src/"
    );
}

#[test]
fn paths_fill_only_matching_templates() {
    let ext = "/restapi/v1.0/account/{accountId}/extension/{extensionId}";
    assert!(
        fills(
            "/restapi/v1.0/account/~/extension/~/ring-out/{}",
            &format!("{ext}/ring-out/{{ringoutId}}")
        ),
        "`~` fills the account and extension, `{{}}` the id"
    );
    assert!(
        !fills(
            "/restapi/v1.0/account/~/directory/entries/search",
            "/restapi/v1.0/account/{accountId}/directory/entries/{entryId}"
        ),
        "a literal segment never fills a parameter"
    );
    assert!(
        !fills(
            "/restapi/v1.0/account/~/extension/~/sms",
            &format!("{ext}/sms/{{id}}")
        ),
        "segment counts must match"
    );
}

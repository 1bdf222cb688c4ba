//! Injected faults: the next N requests matching a method and path prefix get an error status (as
//! RingCentral's JSON or a gateway's HTML page), a delay, a dropped connection, a malformed body,
//! a body of the wrong shape, a patched body or extra headers — before the request is handled, or
//! after it was (`processed`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A fault as posted to `/sim/faults`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    /// Only this method (any when absent).
    #[serde(default)]
    pub method: Option<String>,
    /// Path prefix to match, e.g. `/restapi/v1.0/account/~/extension/~/sms` (matched against the
    /// request path as sent).
    pub path: String,
    /// How many matching requests it applies to (default 1).
    #[serde(default = "one")]
    pub count: u32,
    /// Answer with this status and a RingCentral error body.
    #[serde(default)]
    pub status: Option<u16>,
    /// `errorCode` for `status` (a sensible default per status otherwise).
    #[serde(default)]
    pub error_code: Option<String>,
    /// `Retry-After` seconds for 429/503 answers.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Wait this long first (then answer normally, or with the other fault); with `processed`,
    /// the request is handled first and its answer is late.
    #[serde(default)]
    pub delay_ms: Option<u64>,
    /// Close the connection without any response; with `processed`, after the request was
    /// handled (its effects happen, its answer is lost).
    #[serde(default)]
    pub drop: bool,
    /// Answer 200 with a truncated, unparsable JSON body.
    #[serde(default)]
    pub malformed: bool,
    /// The request is handled first (its effects happen), then the fault applies to its answer:
    /// with `status`, the answer is replaced by the error (a proxy that forwarded the request and
    /// answered with an error); with `delay_ms`, the answer is late; with `drop`, it is lost.
    #[serde(default)]
    pub processed: bool,
    /// With `status`: the error answer is an HTML page (`text/html`), as a gateway or load
    /// balancer in front of RingCentral sends, instead of RingCentral's JSON error body.
    #[serde(default)]
    pub html: bool,
    /// A JSON merge patch (RFC 7386) applied to the handler's JSON answer: a server that says
    /// what it should not (absurd numbers, links to elsewhere).
    #[serde(default)]
    pub patch: Option<Value>,
    /// Response headers set on the answer (replacing the handler's of the same name).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Run the handler, keep its status, and answer this body instead (as JSON): an answer that
    /// parses but is not what the operation promises.
    #[serde(default)]
    pub body: Option<String>,
}

fn one() -> u32 {
    1
}

/// A stored fault with its id and remaining count.
#[derive(Clone, Debug, Serialize)]
pub struct Fault {
    /// Id for listing.
    pub id: u64,
    /// Remaining matches.
    pub remaining: u32,
    /// What it does.
    #[serde(flatten)]
    pub spec: FaultSpec,
}

/// All armed faults, first armed first matched.
#[derive(Debug, Default)]
pub struct Faults {
    armed: Vec<Fault>,
    next_id: u64,
}

impl Faults {
    /// Arms a fault; returns its id.
    pub fn arm(&mut self, spec: FaultSpec) -> u64 {
        self.next_id += 1;
        self.armed.push(Fault {
            id: self.next_id,
            remaining: spec.count.max(1),
            spec,
        });
        self.next_id
    }

    /// Takes one use of the first fault matching the request.
    pub fn take(&mut self, method: &str, path: &str) -> Option<FaultSpec> {
        let index = self.armed.iter().position(|f| {
            f.spec
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && path.starts_with(&f.spec.path)
        })?;
        let fault = &mut self.armed[index];
        fault.remaining -= 1;
        let spec = fault.spec.clone();
        if fault.remaining == 0 {
            self.armed.remove(index);
        }
        Some(spec)
    }

    /// The armed faults.
    pub fn list(&self) -> &[Fault] {
        &self.armed
    }

    /// Disarms everything.
    pub fn clear(&mut self) {
        self.armed.clear();
    }
}

/// Applies the JSON merge patch `patch` to `target` (RFC 7386): objects merge key by key, `null`
/// removes a key, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(changes) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(serde_json::Map::new());
    }
    if let Value::Object(fields) = target {
        for (key, change) in changes {
            if change.is_null() {
                fields.remove(key);
            } else {
                merge_patch(fields.entry(key.clone()).or_insert(Value::Null), change);
            }
        }
    }
}

/// The default `errorCode` for an injected status.
pub fn default_code(status: u16) -> &'static str {
    match status {
        400 => "CMN-101",
        401 => "OAU-213",
        403 => "CMN-408",
        404 => "CMN-102",
        429 => "CMN-301",
        503 => "CMN-211",
        _ => "CMN-201",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(path: &str, count: u32) -> FaultSpec {
        FaultSpec {
            method: Some("post".into()),
            path: path.into(),
            count,
            status: Some(503),
            error_code: None,
            retry_after: None,
            delay_ms: None,
            drop: false,
            malformed: false,
            processed: false,
            html: false,
            patch: None,
            headers: BTreeMap::new(),
            body: None,
        }
    }

    #[test]
    fn merge_patches_follow_rfc_7386() {
        let mut body = serde_json::json!({"a": 1, "nav": {"next": {"uri": "x"}, "prev": 2}});
        merge_patch(
            &mut body,
            &serde_json::json!({"a": null, "nav": {"next": {"uri": "y"}}, "n": 18446744073709551615u64}),
        );
        assert_eq!(
            body,
            serde_json::json!({"nav": {"next": {"uri": "y"}, "prev": 2}, "n": 18446744073709551615u64}),
            "null removes, objects merge, values replace, u64::MAX survives"
        );
    }

    #[test]
    fn applies_to_the_next_n_matching_requests_only() {
        let mut faults = Faults::default();
        faults.arm(spec("/restapi/v1.0/account/~/extension/~/sms", 2));
        assert!(
            faults
                .take("GET", "/restapi/v1.0/account/~/extension/~/sms")
                .is_none(),
            "method must match"
        );
        assert!(
            faults
                .take("POST", "/restapi/v1.0/account/~/extension/~/sms")
                .is_some(),
            "first match"
        );
        assert!(
            faults
                .take("POST", "/restapi/v1.0/account/~/extension/~/sms")
                .is_some(),
            "second match"
        );
        assert!(
            faults
                .take("POST", "/restapi/v1.0/account/~/extension/~/sms")
                .is_none(),
            "count exhausted"
        );
    }
}

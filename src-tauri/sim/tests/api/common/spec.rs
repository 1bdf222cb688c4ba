//! Validates response bodies against the vendored RingCentral OpenAPI spec with real JSON-Schema
//! validation: the operation's declared response schema for that status, `$ref`s resolved inside
//! the spec, OpenAPI 3.0 `nullable` translated to JSON Schema.

use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The loaded spec.
/// Why a body or an operation does not match the spec, with every violation listed.
#[derive(Debug)]
pub struct SpecMismatch(pub String);

impl std::fmt::Display for SpecMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub struct Spec {
    root: Value,
    templates: Vec<String>,
    cache: Mutex<HashMap<String, Arc<jsonschema::Validator>>>,
}

static SPEC: OnceLock<Spec> = OnceLock::new();

/// OpenAPI 3.0 `nullable: true` → a JSON Schema type list with `"null"`.
fn translate(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("nullable") == Some(&Value::Bool(true)) {
                if let Some(Value::String(t)) = map.get("type").cloned() {
                    map.insert("type".into(), json!([t, "null"]));
                }
            }
            map.values_mut().for_each(translate);
        }
        Value::Array(items) => items.iter_mut().for_each(translate),
        _ => {}
    }
}

/// Known defects of the published spec, patched so that correct answers validate. Each is
/// documented in the crate README. Patch only what the real API is known to contradict: a
/// patch also hides the simulator's own mistakes (one excused `vmSideRecipients`, which the
/// spec requires of a message read by id, until the simulator was found to omit it).
fn patch(root: &mut Value) {
    // ADGError.errorCode enumerates Java `toString()` renderings ("ErrorCode{code='ADG-122', …}")
    // instead of the codes the API sends ("ADG-122").
    if let Some(code) = root.pointer_mut("/components/schemas/ADGError/properties/errorCode") {
        if let Some(map) = code.as_object_mut() {
            map.remove("enum");
        }
    }
}

impl Spec {
    /// The spec, loaded once per test binary.
    pub fn get() -> &'static Spec {
        SPEC.get_or_init(|| {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/rc-public-openapi.yml");
            let text = std::fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("the vendored spec must be readable at {path}: {e}"));
            let mut root: Value = serde_yaml::from_str(&text)
                .unwrap_or_else(|e| panic!("the vendored spec must parse: {e}"));
            translate(&mut root);
            patch(&mut root);
            let templates = root["paths"]
                .as_object()
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            Spec {
                root,
                templates,
                cache: Mutex::new(HashMap::new()),
            }
        })
    }

    /// The spec path template a concrete path matches (`~` and ids fill `{params}`); the
    /// template with the most literal segments wins.
    pub fn template(&self, path: &str) -> Option<String> {
        let path = path.split('?').next().unwrap_or(path).trim_end_matches('/');
        let segments: Vec<&str> = path.split('/').collect();
        self.templates
            .iter()
            .filter_map(|t| {
                let ts: Vec<&str> = t.split('/').collect();
                if ts.len() != segments.len() {
                    return None;
                }
                let mut literal = 0;
                for (a, b) in ts.iter().zip(&segments) {
                    if a.starts_with('{') {
                        continue;
                    }
                    if a != b {
                        return None;
                    }
                    literal += 1;
                }
                Some((literal, t))
            })
            .max_by_key(|(literal, _)| *literal)
            .map(|(_, t)| t.clone())
    }

    fn content_schema(&self, response: &Value) -> Option<Value> {
        let response = match response.get("$ref").and_then(Value::as_str) {
            Some(r) => self.root.pointer(r.trim_start_matches('#'))?,
            None => response,
        };
        let content = response.get("content")?.as_object()?;
        let media = content
            .get("application/json")
            .or_else(|| content.values().next())?;
        media.get("schema").cloned()
    }

    /// The response schema of an operation for a status. Errors the operation does not declare
    /// fall back to the spec's generic error models (see the README).
    pub fn response_schema(
        &self,
        method: &str,
        template: &str,
        status: u16,
    ) -> Result<Option<Value>, SpecMismatch> {
        let responses = match self.root["paths"][template].get(method.to_ascii_lowercase()) {
            Some(op) => &op["responses"],
            None if status >= 400 => &Value::Null,
            None => {
                return Err(SpecMismatch(format!(
                    "{method} {template} is not in the spec"
                )))
            }
        };
        if let Some(declared) = responses.get(status.to_string()) {
            let schema = self.content_schema(declared);
            // A bulk read's 207 declared without a body (Team Messaging's persons) answers
            // RingCentral's documented batch: `[{resourceId, status, body}]`, each body of the
            // operation's 200 schema or an error.
            if schema.is_none() && status == 207 {
                let one = responses
                    .get("200")
                    .and_then(|ok| self.content_schema(ok))
                    .unwrap_or(json!({}));
                return Ok(Some(json!({
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["resourceId", "status", "body"],
                        "properties": {
                            "resourceId": { "type": "string" },
                            "status": { "type": "integer" },
                            "body": { "anyOf": [one, { "$ref": "#/components/schemas/ApiErrorResponseModel" }] }
                        }
                    }
                })));
            }
            // An error status declared without a body description gets the generic error model.
            if schema.is_some() || status < 400 {
                return Ok(schema);
            }
        }
        if status < 400 {
            return Err(SpecMismatch(format!(
                "{method} {template} does not declare status {status}"
            )));
        }
        let generic = if template.starts_with("/restapi/oauth/") {
            return Ok(self
                .content_schema(&json!({ "$ref": "#/components/responses/OauthInvalidRequest" })));
        } else if template.contains("/directory/") {
            "ADGErrorResponse"
        } else if matches!(status, 400 | 401 | 409) {
            "ParameterizedErrorResponseModel"
        } else {
            "ApiErrorResponseModel"
        };
        Ok(Some(
            json!({ "$ref": format!("#/components/schemas/{generic}") }),
        ))
    }

    fn validator(&self, key: &str, schema: &Value) -> Arc<jsonschema::Validator> {
        if let Some(v) = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
        {
            return v.clone();
        }
        let mut doc = Map::new();
        doc.insert("components".into(), self.root["components"].clone());
        doc.insert("allOf".into(), json!([schema]));
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .build(&Value::Object(doc))
            .unwrap_or_else(|e| panic!("schema for {key} must compile: {e}"));
        let validator = Arc::new(validator);
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_owned(), validator.clone());
        validator
    }

    fn check(&self, key: &str, schema: &Value, body: &Value) -> Result<(), SpecMismatch> {
        let validator = self.validator(key, schema);
        let errors: Vec<String> = validator
            .iter_errors(body)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(SpecMismatch(errors.join("; ")))
        }
    }

    /// Validates a response body of `method path` with `status`.
    pub fn validate_response(
        &self,
        method: &str,
        path: &str,
        status: u16,
        body: &Value,
    ) -> Result<(), SpecMismatch> {
        let template = match self.template(path) {
            Some(t) => t,
            // Paths the API does not have are answered with the generic error model.
            None if status >= 400 => {
                let generic = json!({ "$ref": "#/components/schemas/ApiErrorResponseModel" });
                return self.check("generic error", &generic, body);
            }
            None => return Err(SpecMismatch(format!("no spec path matches {path}"))),
        };
        match self.response_schema(method, &template, status)? {
            Some(schema) => self.check(&format!("{method} {template} {status}"), &schema, body),
            None => Err(SpecMismatch(format!(
                "{method} {template} {status} declares no body, but one was sent"
            ))),
        }
    }

    /// `x-throttling-group` of an operation.
    pub fn throttling_group(&self, method: &str, template: &str) -> Option<String> {
        let op = self.root["paths"][template].get(method.to_ascii_lowercase())?;
        op.get("x-throttling-group")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// `x-app-permission` of an operation (the OAuth scope item it needs).
    pub fn app_permission(&self, method: &str, template: &str) -> Option<String> {
        let op = self.root["paths"][template].get(method.to_ascii_lowercase())?;
        op.get("x-app-permission")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// `operationId` of an operation.
    pub fn operation_id(&self, method: &str, template: &str) -> Option<String> {
        let op = self.root["paths"][template].get(method.to_ascii_lowercase())?;
        op.get("operationId")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// Validates a value against a named component schema (WebSocket payloads).
    pub fn validate_named(&self, name: &str, body: &Value) -> Result<(), SpecMismatch> {
        self.check(
            name,
            &json!({ "$ref": format!("#/components/schemas/{name}") }),
            body,
        )
    }
}

//! The RingCentral client: bearer authentication over the [`Transport`], JSON in and out, one
//! token recovery on a 401, and RingCentral's error bodies turned into [`ApiError`]s.

use std::sync::Arc;

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::credentials::Credentials;
use super::endpoint::{Endpoint, Priority};
use super::error::ApiError;
use super::transport::{Answer, Outgoing, Transport};

/// One request to build: endpoint, ids, query, body, priority.
#[derive(Debug, Clone)]
pub struct Call {
    endpoint: &'static Endpoint,
    path: String,
    query: Vec<(String, String)>,
    body: Option<serde_json::Value>,
    priority: Priority,
    absolute: Option<String>,
}

impl Call {
    /// A call of `endpoint` with its `{}` placeholders filled by `ids`.
    pub fn new(endpoint: &'static Endpoint, ids: &[&str]) -> Self {
        Self {
            endpoint,
            path: endpoint.path_with(ids),
            query: Vec::new(),
            body: None,
            priority: Priority::Interactive,
            absolute: None,
        }
    }

    /// Adds a query parameter (repeat it for arrays).
    pub fn query(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push((name.to_string(), value.to_string()));
        self
    }

    /// Adds a query parameter when there is a value.
    pub fn query_opt(self, name: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(value) => self.query(name, value),
            None => self,
        }
    }

    /// Sends `body` as JSON.
    pub fn json(mut self, body: &impl Serialize) -> Self {
        self.body = serde_json::to_value(body).ok();
        self
    }

    /// Marks it as background work (sync), which yields to people.
    pub fn priority(mut self, priority: Priority) -> Self {
        self.priority = priority;
        self
    }

    /// Uses a server-given URL (a `navigation.nextPage.uri`) instead of path and query.
    pub(crate) fn at(mut self, url: String) -> Self {
        self.absolute = Some(url);
        self
    }

    /// The endpoint.
    pub fn endpoint(&self) -> &'static Endpoint {
        self.endpoint
    }

    /// The body, if any (for `--dry-run`).
    pub fn body(&self) -> Option<&serde_json::Value> {
        self.body.as_ref()
    }

    /// The URL this call goes to on `base_url`.
    pub fn url(&self, base_url: &str) -> String {
        if let Some(url) = &self.absolute {
            return url.clone();
        }
        let mut url = format!("{base_url}{}", self.path);
        if !self.query.is_empty() {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            for (name, value) in &self.query {
                query.append_pair(name, value);
            }
            url.push('?');
            url.push_str(&query.finish());
        }
        url
    }
}

/// A signed-in RingCentral client. Cheap to clone; clones share budgets, breaker and
/// credentials.
#[derive(Debug, Clone)]
pub struct Client {
    transport: Arc<Transport>,
    credentials: Arc<dyn Credentials>,
}

impl Client {
    /// A client sending through `transport` with tokens from `credentials` (the session).
    pub fn new(transport: Arc<Transport>, credentials: Arc<dyn Credentials>) -> Self {
        Self {
            transport,
            credentials,
        }
    }

    /// The transport (budgets, breaker, options).
    pub fn transport(&self) -> &Arc<Transport> {
        &self.transport
    }

    /// Sends `call` and decodes the JSON answer. An answer that cannot be read, to a request
    /// that is not safe to repeat, is an [`ApiError::UnknownOutcome`]: the call or text it stood
    /// for may well have happened, so the agent is told to check, never to try again.
    pub async fn fetch<T: DeserializeOwned>(&self, call: Call) -> Result<T, ApiError> {
        let endpoint = call.endpoint;
        let answer = self.send(call).await?;
        decode(endpoint, &answer.body).map_err(|error| match endpoint.idempotent {
            true => error,
            false => {
                tracing::warn!(%error, "an unreadable answer to a request that may have taken effect");
                ApiError::UnknownOutcome {
                    operation: endpoint.operation,
                }
            }
        })
    }

    /// Sends `call` and ignores the body of a successful answer.
    pub async fn execute(&self, call: Call) -> Result<(), ApiError> {
        self.send(call).await.map(|_| ())
    }

    /// Sends `call` with a bearer token; a 401 gets one token recovery and one more try.
    pub async fn send(&self, call: Call) -> Result<Answer, ApiError> {
        let url = call.url(self.transport.base_url());
        // Before a token is asked for: a server-given link may lead elsewhere.
        self.transport.admit_url(call.endpoint.operation, &url)?;
        let body = match &call.body {
            Some(value) => serde_json::to_vec(value).unwrap_or_default(),
            None => Vec::new(),
        };
        let mut recovered = false;
        loop {
            let token = self.credentials.access_token().await?;
            let mut headers = HeaderMap::new();
            headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
            if call.body.is_some() {
                headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            }
            let bearer = HeaderValue::from_str(&format!("Bearer {}", token.expose()));
            if let Ok(mut bearer) = bearer {
                bearer.set_sensitive(true);
                headers.insert(AUTHORIZATION, bearer);
            }
            let request = Outgoing {
                endpoint: call.endpoint,
                url: url.clone(),
                headers,
                body: body.clone(),
                priority: call.priority,
            };
            let answer = self.transport.execute(&request).await?;
            match answer.status {
                200..=299 => return Ok(answer),
                401 if !recovered => {
                    tracing::info!(
                        operation = call.endpoint.operation,
                        "401: recovering the session"
                    );
                    self.credentials.recover(&token).await?;
                    recovered = true;
                }
                401 => {
                    let reason = status_error(call.endpoint, &answer).to_string();
                    return Err(ApiError::SignedOut { reason });
                }
                _ => return Err(status_error(call.endpoint, &answer)),
            }
        }
    }
}

/// Decodes a JSON body (the result may borrow from it), naming the operation when it does not
/// fit.
pub fn decode<'a, T: Deserialize<'a>>(endpoint: &Endpoint, body: &'a [u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::Malformed {
        operation: endpoint.operation,
        message: e.to_string(),
    })
}

/// RingCentral's error bodies: standard, parameterized and OAuth shapes.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorBody {
    error_code: Option<String>,
    message: Option<String>,
    #[serde(default)]
    errors: Vec<ErrorEntry>,
    error: Option<String>,
    #[serde(rename = "error_description")]
    error_description: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorEntry {
    error_code: Option<String>,
    message: Option<String>,
    parameter_name: Option<String>,
}

/// The [`ApiError::Status`] for an error answer.
pub fn status_error(endpoint: &Endpoint, answer: &Answer) -> ApiError {
    let body: ErrorBody = serde_json::from_slice(&answer.body).unwrap_or_default();
    let first = body.errors.into_iter().next().unwrap_or_default();
    let message = first
        .message
        .or(body.message)
        .or(body.error_description)
        .unwrap_or_else(|| {
            reqwest::StatusCode::from_u16(answer.status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("error")
                .to_string()
        });
    ApiError::Status {
        operation: endpoint.operation,
        status: answer.status,
        code: first.error_code.or(body.error_code),
        message,
        parameter: first.parameter_name,
        oauth_error: body.error,
    }
}

#[cfg(test)]
mod foreign_links;

//! HTTP as tests see it: a client that shows redirects instead of following them, and an answer
//! recorded whole (status, headers, body as text and as JSON).

use reqwest::header::HeaderMap;
use serde_json::Value;

/// A client that does not follow redirects, as a test of OAuth redirects (or a browser whose
/// redirect to `ringdesk://` goes nowhere) needs.
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("an HTTP client: {e}"))
}

/// One HTTP answer.
#[derive(Debug)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Headers.
    pub headers: HeaderMap,
    /// Body parsed as JSON (`Null` when empty or not JSON).
    pub json: Value,
    /// Raw body.
    pub text: String,
}

impl Reply {
    /// Sends `request` and records the answer; panics when no answer comes.
    pub async fn read(request: reqwest::RequestBuilder) -> Reply {
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("request must reach the simulator: {e}"));
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            json,
            text,
        }
    }

    /// The first `errors[].errorCode`.
    pub fn code(&self) -> &str {
        self.json["errors"][0]["errorCode"].as_str().unwrap_or("")
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

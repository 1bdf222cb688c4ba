//! Shared test harness: start a simulator, talk to it over real HTTP, validate every JSON answer
//! against the spec.

pub mod spec;

use base64::Engine;
use reqwest::header::HeaderMap;
use reqwest::Method;
use ringcentral_sim::{RateLimitConfig, RunningSim, SimConfig, SimCredentials};
use serde_json::{json, Value};
use spec::Spec;

/// The extension prefix with `~`.
pub const EXT: &str = "/restapi/v1.0/account/~/extension/~";

/// A small, fast simulator without rate limits.
pub fn config() -> SimConfig {
    SimConfig {
        call_log: 500,
        contacts: 40,
        messages: 80,
        rate_limits: RateLimitConfig {
            enabled: false,
            ..RateLimitConfig::default()
        },
        ..SimConfig::fast()
    }
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
    /// The first `errors[].errorCode`.
    pub fn code(&self) -> &str {
        self.json["errors"][0]["errorCode"].as_str().unwrap_or("")
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A client of one simulator.
pub struct Api {
    /// HTTP client (redirects off).
    pub http: reqwest::Client,
    /// Startup credentials.
    pub creds: SimCredentials,
    /// Current access token.
    pub token: Option<String>,
    /// Current refresh token.
    pub refresh: Option<String>,
}

/// Starts a simulator and a client for it.
pub async fn start(config: SimConfig) -> (RunningSim, Api) {
    let sim = ringcentral_sim::start(config)
        .await
        .unwrap_or_else(|e| panic!("the simulator must start: {e}"));
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"));
    let api = Api {
        http,
        creds: sim.credentials().clone(),
        token: None,
        refresh: None,
    };
    (sim, api)
}

/// Starts a simulator and logs in with the printed JWT.
pub async fn logged_in(config: SimConfig) -> (RunningSim, Api) {
    let (sim, mut api) = start(config).await;
    let reply = api.jwt_login().await;
    assert_eq!(reply.status, 200, "JWT login works: {}", reply.text);
    (sim, api)
}

impl Api {
    /// `Basic base64(client_id:client_secret)`.
    pub fn basic(&self) -> String {
        let raw = format!("{}:{}", self.creds.client_id, self.creds.client_secret);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        )
    }

    /// Sends a request (bearer token attached if we have one) and validates the answer against
    /// the spec.
    pub async fn send(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self
            .http
            .request(method.clone(), format!("{}{path}", self.creds.server_url));
        if let Some(token) = &self.token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let reply = Self::finish(request).await;
        validate(method.as_str(), path, &reply);
        reply
    }

    /// Sends raw bytes with a content type (for malformed-input tests); validated too.
    pub async fn send_raw(
        &self,
        method: Method,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Reply {
        let mut request = self
            .http
            .request(method.clone(), format!("{}{path}", self.creds.server_url))
            .header("Content-Type", content_type)
            .body(body);
        if let Some(token) = &self.token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        let reply = Self::finish(request).await;
        validate(method.as_str(), path, &reply);
        reply
    }

    /// GET.
    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None).await
    }

    /// POST JSON.
    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(Method::POST, path, Some(body)).await
    }

    /// A form POST to an OAuth endpoint, with Basic auth when `basic`.
    pub async fn form(&self, path: &str, fields: &[(&str, &str)], basic: bool) -> Reply {
        let mut request = self
            .http
            .post(format!("{}{path}", self.creds.server_url))
            .form(fields);
        if basic {
            request = request.header("Authorization", self.basic());
        }
        let reply = Self::finish(request).await;
        validate("POST", path, &reply);
        reply
    }

    /// An admin call (`/sim/...`, not part of the spec).
    pub async fn admin(&self, method: Method, path: &str, body: Value) -> Reply {
        let request = self
            .http
            .request(method, format!("{}{path}", self.creds.server_url))
            .json(&body);
        Self::finish(request).await
    }

    /// Logs in with the startup JWT and keeps the tokens.
    pub async fn jwt_login(&mut self) -> Reply {
        let jwt = self.creds.jwt.clone();
        let reply = self
            .form(
                "/restapi/oauth/token",
                &[
                    ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                    ("assertion", &jwt),
                ],
                true,
            )
            .await;
        self.keep(&reply);
        reply
    }

    /// Keeps the tokens of a successful token answer.
    pub fn keep(&mut self, reply: &Reply) {
        if reply.status == 200 {
            self.token = reply.json["access_token"].as_str().map(str::to_owned);
            self.refresh = reply.json["refresh_token"].as_str().map(str::to_owned);
        }
    }

    async fn finish(request: reqwest::RequestBuilder) -> Reply {
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
}

/// Validates a JSON reply against the spec; panics with the schema errors otherwise.
pub fn validate(method: &str, path: &str, reply: &Reply) {
    let json_body = reply
        .header("content-type")
        .is_some_and(|c| c.contains("json"));
    if !json_body || reply.status == 302 {
        return;
    }
    if let Err(e) = Spec::get().validate_response(method, path, reply.status, &reply.json) {
        panic!(
            "{method} {path} → {} does not match the spec: {e}\nbody: {}",
            reply.status, reply.text
        );
    }
}

/// Polls `path` until `done(json)` or the deadline.
pub async fn poll(api: &Api, path: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let reply = api.get(path).await;
        if done(&reply.json) {
            return reply.json;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("{path} never reached the expected state");
}

/// Pushes an inbound SMS through the admin API.
pub async fn inbound_sms(api: &Api, from: &str, text: &str) -> Reply {
    let reply = api
        .admin(
            Method::POST,
            "/sim/inbound-sms",
            json!({ "from": from, "text": text }),
        )
        .await;
    assert_eq!(reply.status, 200, "inbound SMS accepted: {}", reply.text);
    reply
}

//! Shared test harness: talk to a simulator over real HTTP and validate every JSON answer against
//! the spec. Starting simulators and the admin API (`/sim/*`) come from `ringdesk-testkit`.

pub mod socket;
pub mod spec;

use base64::Engine;
use reqwest::Method;
use ringcentral_sim::{RunningSim, SimConfig, SimCredentials};
use ringdesk_testkit::http::no_redirects;
use ringdesk_testkit::sim::{seeded, unthrottled, TOKEN};
use ringdesk_testkit::SimAdmin;
use serde_json::Value;
use spec::Spec;

pub use ringdesk_testkit::sim::EXTENSION as EXT;
pub use ringdesk_testkit::Reply;

/// A small, fast simulator without rate limits.
pub fn config() -> SimConfig {
    SimConfig {
        rate_limits: unthrottled(),
        ..seeded(500, 40, 80)
    }
}

/// A client of one simulator.
#[derive(Clone)]
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
    let sim = ringdesk_testkit::sim::start(config).await;
    let api = Api {
        http: no_redirects(),
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
        let reply = Reply::read(request).await;
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
        let reply = Reply::read(request).await;
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
        let reply = Reply::read(request).await;
        validate("POST", path, &reply);
        reply
    }

    /// The simulator's admin API (`/sim/...`, not part of the spec).
    pub fn admin(&self) -> SimAdmin {
        SimAdmin::new(&self.creds.server_url)
    }

    /// The JWT grant with `jwt`, as a confidential client (the tokens are not kept).
    pub async fn jwt_grant(&self, jwt: &str) -> Reply {
        self.form(
            TOKEN,
            &[
                ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                ("assertion", jwt),
            ],
            true,
        )
        .await
    }

    /// Logs in with the startup JWT and keeps the tokens.
    pub async fn jwt_login(&mut self) -> Reply {
        let reply = self.jwt_grant(&self.creds.jwt).await;
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

//! A typed client of the simulator's admin API (`/sim/*`, not part of RingCentral's API), over
//! real HTTP, for a simulator in this process or in another one (the app's demo simulator).

use chrono::{DateTime, Utc};
use reqwest::Method;
use ringcentral_sim::RunningSim;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::http::Reply;

/// What signing in as a colleague takes (`POST /sim/jwt` with an `extension_id`); its `Debug`
/// shows no secret.
#[derive(Clone)]
pub struct ColleagueSignIn {
    /// The simulator.
    pub server_url: String,
    /// The colleague's JWT credential.
    pub jwt: String,
    /// The simulated app's client id.
    pub client_id: String,
    /// Its client secret.
    pub client_secret: String,
}

impl std::fmt::Debug for ColleagueSignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ColleagueSignIn")
            .field("server_url", &self.server_url)
            .field("client_id", &self.client_id)
            .field("jwt", &"[redacted]")
            .field("client_secret", &"[redacted]")
            .finish()
    }
}

/// The admin API of one simulator.
#[derive(Debug, Clone)]
pub struct SimAdmin {
    http: reqwest::Client,
    server_url: String,
    token: Option<String>,
}

impl SimAdmin {
    /// The admin API of the simulator serving `server_url` (e.g. `http://127.0.0.1:43899`).
    pub fn new(server_url: &str) -> Self {
        Self {
            http: reqwest::Client::new(),
            server_url: server_url.trim_end_matches('/').to_owned(),
            token: None,
        }
    }

    /// The same, sending `token` with every call: a simulator started with an admin token
    /// (demo mode's) answers nothing else.
    pub fn with_token(self, token: &str) -> Self {
        Self {
            token: Some(token.to_owned()),
            ..self
        }
    }

    /// The admin API of a simulator running in this process.
    pub fn of(sim: &RunningSim) -> Self {
        Self::new(&sim.credentials().server_url)
    }

    /// `method path` with `body` as JSON (none when `null`), answered whatever its status: for
    /// tests of the admin API itself. The typed calls below check the answer is a success.
    pub async fn send(&self, method: Method, path: &str, body: Value) -> Reply {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.server_url));
        if let Some(token) = &self.token {
            request = request.header(ringcentral_sim::ADMIN_TOKEN_HEADER, token);
        }
        if !body.is_null() {
            request = request.json(&body);
        }
        Reply::read(request).await
    }

    /// `send`, then the answer's JSON; panics unless the simulator accepted the call.
    async fn call(&self, method: Method, path: &str, body: Value) -> Value {
        let reply = self.send(method.clone(), path, body).await;
        assert!(
            (200..300).contains(&reply.status),
            "admin {method} {path}: {} {}",
            reply.status,
            reply.text
        );
        reply.json
    }

    /// A customer at `from` texts the agent (`POST /sim/inbound-sms`); answers the stored
    /// message (`GetMessageInfoResponse`). Subscribers get the notification events.
    pub async fn inbound_sms(&self, from: &str, text: &str) -> Value {
        self.call(
            Method::POST,
            "/sim/inbound-sms",
            json!({ "from": from, "text": text }),
        )
        .await
    }

    /// Like [`SimAdmin::inbound_sms`], with the sender's display name.
    pub async fn inbound_sms_named(&self, from: &str, name: &str, text: &str) -> Value {
        self.call(
            Method::POST,
            "/sim/inbound-sms",
            json!({ "from": from, "text": text, "name": name }),
        )
        .await
    }

    /// A caller at `from` rings the agent (`POST /sim/inbound-call`); `call` holds the other
    /// fields (`name`, `outcome`, `ring_ms`, `talk_ms`). Answers the call's ids
    /// (`telephonySessionId`, `sessionId`, `partyId`).
    pub async fn inbound_call(&self, from: &str, mut call: Value) -> Value {
        call["from"] = json!(from);
        self.call(Method::POST, "/sim/inbound-call", call).await
    }

    /// Changes presence as another device would (`POST /sim/presence`, the fields of
    /// `PUT …/presence`); answers the new presence.
    pub async fn set_presence(&self, presence: Value) -> Value {
        self.call(Method::POST, "/sim/presence", presence).await
    }

    /// Arms `fault` (`POST /sim/faults`); answers its id.
    pub async fn arm(&self, fault: Fault) -> u64 {
        let armed = self
            .call(Method::POST, "/sim/faults", Value::Object(fault.0))
            .await;
        armed["id"].as_u64().unwrap_or_default()
    }

    /// Clears every armed fault (`DELETE /sim/faults`).
    pub async fn clear_faults(&self) {
        self.call(Method::DELETE, "/sim/faults", Value::Null).await;
    }

    /// Every session's access token expires now (`POST /sim/tokens/expire`); answers how many
    /// sessions there were.
    pub async fn expire_tokens(&self) -> u64 {
        self.sessions("/sim/tokens/expire").await
    }

    /// Ends every session (`POST /sim/tokens/revoke`); answers how many there were.
    pub async fn revoke_tokens(&self) -> u64 {
        self.sessions("/sim/tokens/revoke").await
    }

    /// The access token of the session holding `token` (an access or refresh token) expires
    /// now; the other sessions keep theirs.
    pub async fn expire_session(&self, token: &str) -> u64 {
        self.sessions_of("/sim/tokens/expire", json!({ "token": token }))
            .await
    }

    /// Ends the session holding `token` only.
    pub async fn revoke_session(&self, token: &str) -> u64 {
        self.sessions_of("/sim/tokens/revoke", json!({ "token": token }))
            .await
    }

    async fn sessions(&self, path: &str) -> u64 {
        self.sessions_of(path, json!({})).await
    }

    async fn sessions_of(&self, path: &str, body: Value) -> u64 {
        let answer = self.call(Method::POST, path, body).await;
        answer["sessions"].as_u64().unwrap_or_default()
    }

    /// Another JWT credential (`POST /sim/jwt`) expiring in `expires_in` seconds (negative: one
    /// that has already expired).
    pub async fn mint_jwt(&self, expires_in: i64) -> String {
        let minted = self
            .call(
                Method::POST,
                "/sim/jwt",
                json!({ "expires_in": expires_in }),
            )
            .await;
        minted["jwt"].as_str().unwrap_or_default().to_owned()
    }

    /// A JWT credential of the colleague `extension_id` (`POST /sim/jwt`): they sign in with it
    /// and use the public API as themselves.
    pub async fn colleague_jwt(&self, extension_id: &str) -> String {
        self.colleague_sign_in(extension_id).await.jwt
    }

    /// A JWT credential of the colleague `extension_id` with the simulated app's credentials:
    /// all a client needs to sign in as them to a simulator it did not start (the app's demo).
    pub async fn colleague_sign_in(&self, extension_id: &str) -> ColleagueSignIn {
        let minted = self
            .call(
                Method::POST,
                "/sim/jwt",
                json!({ "extension_id": extension_id }),
            )
            .await;
        let text = |key: &str| minted[key].as_str().unwrap_or_default().to_owned();
        ColleagueSignIn {
            server_url: self.server_url.clone(),
            jwt: text("jwt"),
            client_id: text("client_id"),
            client_secret: text("client_secret"),
        }
    }

    /// The request log (`GET /sim/requests`), oldest first.
    pub async fn requests(&self) -> Vec<LoggedRequest> {
        let log = self.call(Method::GET, "/sim/requests", Value::Null).await;
        serde_json::from_value(log["requests"].clone())
            .unwrap_or_else(|e| panic!("the request log reads: {e}"))
    }

    /// Back to the seeded data (`POST /sim/reset`); OAuth sessions survive when `sessions` is
    /// false.
    pub async fn reset(&self, sessions: bool) {
        self.call(Method::POST, "/sim/reset", json!({ "sessions": sessions }))
            .await;
    }

    /// Drops every live WebSocket without a close frame (`POST /sim/ws/drop`); answers how
    /// many there were.
    pub async fn drop_sockets(&self) -> u64 {
        let answer = self.call(Method::POST, "/sim/ws/drop", json!({})).await;
        answer["dropped"].as_u64().unwrap_or_default()
    }
}

/// A fault for [`SimAdmin::arm`]: the next matching requests (one unless [`Fault::times`] says
/// otherwise) get an error status, a delay, a dropped connection or a malformed body — before
/// they are handled, or after ([`Fault::processed`]).
#[derive(Debug, Clone)]
pub struct Fault(Map<String, Value>);

impl Fault {
    /// Requests with `method` whose path (as sent) starts with `path`.
    pub fn on(method: &str, path: &str) -> Self {
        Self::any(path).with("method", method)
    }

    /// Requests of any method whose path (as sent) starts with `path`.
    pub fn any(path: &str) -> Self {
        Self(Map::new()).with("path", path)
    }

    /// The next `count` matching requests, not just one.
    pub fn times(self, count: u32) -> Self {
        self.with("count", count)
    }

    /// Answer with `status` and a RingCentral error body.
    pub fn status(self, status: u16) -> Self {
        self.with("status", status)
    }

    /// The error body's `errorCode` (a default per status otherwise).
    pub fn error_code(self, code: &str) -> Self {
        self.with("error_code", code)
    }

    /// A `Retry-After` header of `seconds`.
    pub fn retry_after(self, seconds: u64) -> Self {
        self.with("retry_after", seconds)
    }

    /// Wait `ms` milliseconds first (then answer normally, or with the other fault).
    pub fn delay_ms(self, ms: u64) -> Self {
        self.with("delay_ms", ms)
    }

    /// Add (or replace) the answer's header `name`.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let headers = self
            .0
            .entry("headers")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(headers) = headers {
            headers.insert(name.to_owned(), Value::from(value));
        }
        self
    }

    /// Merge-patch the answer's JSON body with `patch` (RFC 7396).
    pub fn patch(self, patch: Value) -> Self {
        self.with("patch", patch)
    }

    /// The request is handled first (its effect happens), then the fault applies to its answer:
    /// replaced by the fault's status (a proxy that forwarded it and lost the answer), late by
    /// the fault's delay, or lost with a dropped connection.
    pub fn processed(self) -> Self {
        self.with("processed", true)
    }

    /// With [`Fault::status`]: the error answer is an HTML page (`text/html`), as a gateway in
    /// front of RingCentral sends, not RingCentral's JSON error body.
    pub fn html(self) -> Self {
        self.with("html", true)
    }

    /// The request is handled and keeps its status and headers, but the answer's body is
    /// `body` (JSON that parses but is not what the operation promises).
    pub fn body(self, body: &str) -> Self {
        self.with("body", body)
    }

    /// Close the connection without any answer.
    pub fn drop_connection(self) -> Self {
        self.with("drop", true)
    }

    /// Answer with a truncated, unparsable JSON body (after the request was handled).
    pub fn malformed(self) -> Self {
        self.with("malformed", true)
    }

    fn with(mut self, field: &str, value: impl Into<Value>) -> Self {
        self.0.insert(field.to_owned(), value.into());
        self
    }
}

/// One request in the simulator's log.
#[derive(Debug, Clone, Deserialize)]
pub struct LoggedRequest {
    /// HTTP method.
    pub method: String,
    /// Path as sent.
    pub path: String,
    /// Raw query string (empty when none).
    pub query: String,
    /// Answer status; 0 when a fault dropped the connection.
    pub status: u16,
    /// Simulator time when the request arrived.
    #[serde(rename = "timestamp")]
    pub at: DateTime<Utc>,
    /// How long the simulator took to answer, in milliseconds.
    pub duration_ms: u64,
    /// The injected fault that answered it (`status`, `drop`, `html` …), if any.
    #[serde(default)]
    pub fault: Option<String>,
}

/// The logged requests with `method` to paths ending with `suffix`.
pub fn matching<'a>(
    log: &'a [LoggedRequest],
    method: &str,
    suffix: &str,
) -> Vec<&'a LoggedRequest> {
    log.iter()
        .filter(|r| r.method == method && r.path.ends_with(suffix))
        .collect()
}

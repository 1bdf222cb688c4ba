//! The shared fixture: a simulator, a signed-in client, the admin API and the request log.

use std::sync::Arc;
use std::time::Duration;

use ringcentral_sim::{RateLimitConfig, RunningSim, SimConfig, TimingMode};
use ringdesk_core::api::models::Message;
use ringdesk_core::api::retry::RetryPolicy;
use ringdesk_core::api::ringout::PhoneRef;
use ringdesk_core::api::sms::{create_sms, CreateSms};
use ringdesk_core::api::{Client, ClientOptions, Transport};
use ringdesk_core::auth::{OAuthApp, Session, REDIRECT_URI};
use ringdesk_core::keychain::{MemoryStore, TokenStore};
use ringdesk_core::phone::NormalizedNumber;
use ringdesk_core::sms::{SmsError, SmsText};
use ringdesk_core::Secret;
use serde_json::Value;

/// A simulator with fast timing and the given changes applied.
pub async fn sim(change: impl FnOnce(&mut SimConfig)) -> RunningSim {
    let mut config = SimConfig {
        timing: TimingMode::Fast,
        ..SimConfig::default()
    };
    change(&mut config);
    ringcentral_sim::start(config)
        .await
        .expect("the simulator starts on 127.0.0.1:0")
}

/// Generous limits, for tests that are not about rate limits.
pub fn roomy(config: &mut SimConfig) {
    config.rate_limits = RateLimitConfig {
        light: 1000,
        medium: 1000,
        heavy: 1000,
        auth: 100,
        ..RateLimitConfig::default()
    };
}

/// Client options that keep tests quick: 10 ms backoff, 50 ms RingOut polls.
pub fn quick() -> ClientOptions {
    ClientOptions {
        retry: RetryPolicy {
            base: Duration::from_millis(10),
            cap: Duration::from_millis(100),
            ..RetryPolicy::default()
        },
        ringout_poll: Duration::from_millis(50),
        ..ClientOptions::default()
    }
}

/// The simulated app; `confidential` includes the client secret.
pub fn app(sim: &RunningSim, confidential: bool) -> OAuthApp {
    let credentials = sim.credentials();
    OAuthApp {
        server: credentials.server_url.clone(),
        client_id: credentials.client_id.clone(),
        client_secret: confidential.then(|| Secret::new(credentials.client_secret.clone())),
        redirect_uri: REDIRECT_URI.into(),
    }
}

/// A client with its session at hand (derefs to the [`Client`]).
#[derive(Debug, Clone)]
pub struct TestClient {
    client: Client,
    session: Arc<Session>,
}

impl std::ops::Deref for TestClient {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl TestClient {
    /// A client sending with `session`'s tokens.
    pub fn new(client: Client, session: Arc<Session>) -> Self {
        Self { client, session }
    }

    /// The client itself.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// The session behind the client.
    pub fn session(&self) -> &Arc<Session> {
        &self.session
    }
}

/// A signed-out client for `app` with an in-memory token store.
pub async fn client_for(
    app: OAuthApp,
    options: ClientOptions,
) -> (TestClient, Arc<dyn TokenStore>) {
    let transport = Arc::new(Transport::new(&app.server, options).expect("transport"));
    let store: Arc<dyn TokenStore> = Arc::new(MemoryStore::default());
    let session = Arc::new(
        Session::open("test", app, transport.clone(), store.clone(), None)
            .await
            .expect("memory store opens"),
    );
    let client = Client::new(transport, session.clone());
    (TestClient { client, session }, store)
}

/// Sends one text straight through the API (no outbox), as an [`SmsError`].
pub async fn send_sms(
    client: &Client,
    from: &str,
    to: &NormalizedNumber,
    text: &SmsText,
) -> Result<Message, SmsError> {
    let request = CreateSms {
        from: PhoneRef {
            phone_number: from.to_string(),
        },
        to: vec![PhoneRef {
            phone_number: to.e164().to_string(),
        }],
        text: text.as_str().to_string(),
    };
    Ok(create_sms(client, &request).await?)
}

/// A client signed in with the simulator's JWT.
pub async fn jwt_client(sim: &RunningSim, options: ClientOptions) -> TestClient {
    let (client, _) = client_for(app(sim, true), options).await;
    let jwt = Secret::new(sim.credentials().jwt.clone());
    client
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("the simulator accepts its own JWT");
    client
}

/// `POST /sim/<path>` with a JSON body.
pub async fn admin(sim: &RunningSim, path: &str, body: Value) -> Value {
    let url = format!("{}/sim/{path}", sim.credentials().server_url);
    let response = reqwest::Client::new()
        .post(url)
        .json(&body)
        .send()
        .await
        .expect("admin API answers");
    assert!(
        response.status().is_success(),
        "admin {path}: {}",
        response.status()
    );
    response.json().await.expect("admin JSON")
}

/// Arms a fault (`/sim/faults`).
pub async fn fault(sim: &RunningSim, spec: Value) {
    admin(sim, "faults", spec).await;
}

/// The request log: `(method, path, status, timestamp)` per request.
pub async fn requests(sim: &RunningSim) -> Vec<Logged> {
    let url = format!("{}/sim/requests", sim.credentials().server_url);
    let body: Value = reqwest::get(url)
        .await
        .expect("log")
        .json()
        .await
        .expect("log JSON");
    body["requests"]
        .as_array()
        .map(|entries| entries.iter().map(Logged::from).collect())
        .unwrap_or_default()
}

/// One logged request.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub status: u64,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl From<&Value> for Logged {
    fn from(v: &Value) -> Self {
        Logged {
            method: v["method"].as_str().unwrap_or_default().to_string(),
            path: v["path"].as_str().unwrap_or_default().to_string(),
            status: v["status"].as_u64().unwrap_or_default(),
            at: v["timestamp"]
                .as_str()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map(|t| t.with_timezone(&chrono::Utc))
                .unwrap_or_default(),
        }
    }
}

/// Requests to paths ending with `suffix` (and with `method`).
pub fn matching<'a>(log: &'a [Logged], method: &str, suffix: &str) -> Vec<&'a Logged> {
    log.iter()
        .filter(|r| r.method == method && r.path.ends_with(suffix))
        .collect()
}

/// The extension path as the client sends it.
pub const EXTENSION: &str = "/restapi/v1.0/account/~/extension/~";
/// The token endpoint.
pub const TOKEN: &str = "/restapi/oauth/token";

//! ringdesk-core signed in to a simulator: the simulated OAuth app, clients with their sessions
//! (signed out, or signed in with the simulator's JWT), and a sync upstream.

use std::sync::Arc;
use std::time::Duration;

use ringcentral_sim::RunningSim;
use ringdesk_core::api::retry::RetryPolicy;
use ringdesk_core::api::{Client, ClientOptions, Transport};
use ringdesk_core::auth::{OAuthApp, Session, REDIRECT_URI};
use ringdesk_core::backoff::Backoff;
use ringdesk_core::keychain::{MemoryStore, TokenStore};
use ringdesk_core::realtime::RealtimeOptions;
use ringdesk_core::sync::RingCentral;
use ringdesk_core::Secret;

/// Client options that keep tests quick: 10 ms backoff (100 ms at most), 50 ms RingOut polls.
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

/// Real-time options that keep tests quick: 100 ms backoff (800 ms at most), 300 ms polls,
/// a WebSocket retried after 1.5 s.
pub fn quick_realtime() -> RealtimeOptions {
    RealtimeOptions {
        backoff: Backoff {
            base: Duration::from_millis(100),
            cap: Duration::from_millis(800),
        },
        poll_interval: Duration::from_millis(300),
        websocket_retry: Duration::from_millis(1500),
        open_timeout: Duration::from_secs(5),
        change_debounce: Duration::from_millis(100),
        tick: Duration::from_millis(200),
        ..RealtimeOptions::default()
    }
}

/// The simulated app; `confidential` includes the client secret (a JWT sign-in needs it).
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

/// A signed-out client for `app` whose session (profile `test`) keeps its tokens in the returned
/// in-memory token store.
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

/// A client signed in with the simulator's JWT (not remembered for a later sign-in).
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

/// A client signed in as the colleague `extension_id` (a JWT minted for them by the admin API),
/// to chat with the agent through the public API.
pub async fn colleague_client(
    sim: &RunningSim,
    extension_id: &str,
    options: ClientOptions,
) -> TestClient {
    let (client, _) = client_for(app(sim, true), options).await;
    let minted = crate::SimAdmin::of(sim).colleague_jwt(extension_id).await;
    client
        .session()
        .sign_in_with_jwt(&Secret::new(minted), false)
        .await
        .expect("the simulator signs the colleague in");
    client
}

/// A client signed in as a colleague of a simulator this test did not start (the app's demo),
/// with what [`crate::SimAdmin::colleague_sign_in`] minted.
pub async fn colleague_at(minted: &crate::ColleagueSignIn, options: ClientOptions) -> TestClient {
    let app = OAuthApp {
        server: minted.server_url.clone(),
        client_id: minted.client_id.clone(),
        client_secret: Some(Secret::new(minted.client_secret.clone())),
        redirect_uri: REDIRECT_URI.into(),
    };
    let (client, _) = client_for(app, options).await;
    client
        .session()
        .sign_in_with_jwt(&Secret::new(minted.jwt.clone()), false)
        .await
        .expect("the simulator signs the colleague in");
    client
}

/// The sync engine's upstream, signed in with the simulator's JWT and default client options
/// (RingCentral's own retry pacing).
pub async fn jwt_upstream(sim: &RunningSim) -> RingCentral {
    RingCentral::new(jwt_client(sim, ClientOptions::default()).await.client())
}

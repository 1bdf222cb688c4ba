//! Connecting and signing in and out: live through the keychain, or the demo simulator.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::Serialize;

use crate::api::extension::read_extension;
use crate::api::ClientOptions;
use crate::auth::{self, SignInStart};
use crate::config::{Mode, SignInPolicy};
use crate::demo::{Demo, DemoSetup, ADMIN_TOKEN_ENV};
use crate::keychain::{KeyringStore, TokenStore};
use crate::secret::Secret;

use super::{
    Background, Connection, DemoTiming, Desk, DeskEvent, Error, Live, SignInState, SignInView,
    UserView,
};

/// What signing out did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignedOut {
    /// A session existed and RingCentral revoked it.
    pub revoked: bool,
    /// The session now (signed out).
    pub session: SignInView,
}

impl Desk {
    /// Connects: demo mode starts the simulator and signs in; live mode signs in with the tokens
    /// in the keychain, if any. Never fails: a problem leaves the desk signed out, and the next
    /// sign-in attempt reports it.
    pub async fn start(self: &Arc<Self>) -> SignInView {
        self.starting.send_replace(true);
        if self.options.background == Background::On {
            self.start_integrations();
        }
        let view = self.settle().await;
        self.starting.send_replace(false);
        self.emit(DeskEvent::SignIn(view.clone()));
        view
    }

    /// Connects like [`Desk::start`], but a failure is an error, not a signed-out desk: for a
    /// command that cannot go on without the account. Signed out (no stored session) is not a
    /// failure here: the command's first request says so.
    pub async fn connect(self: &Arc<Self>) -> Result<SignInView, Error> {
        self.emit(DeskEvent::SignIn(self.view(SignInState::Connecting, None)));
        let view = match self.open().await? {
            Some(connection) => self.adopt(connection).await?,
            None => self.signed_out().await,
        };
        self.starting.send_replace(false);
        Ok(view)
    }

    async fn settle(self: &Arc<Self>) -> SignInView {
        match self.connect().await {
            Ok(view) => view,
            Err(error) => {
                tracing::warn!(%error, "could not connect");
                self.signed_out().await
            }
        }
    }

    /// The session as it is now.
    pub async fn session(&self) -> SignInView {
        match self.live.read().await.as_ref() {
            Some(live) => self.view(SignInState::SignedIn, Some(live.user.clone())),
            None if *self.starting.borrow() => self.view(SignInState::Connecting, None),
            None => self.view(SignInState::SignedOut, None),
        }
    }

    /// Waits (at most `patience`) until connecting has settled, signed in or not: a link that
    /// starts ringdesk must not race the stored session it would use or replace.
    pub async fn settled(&self, patience: std::time::Duration) {
        let mut starting = self.starting.subscribe();
        let settled = starting.wait_for(|starting| !starting);
        if tokio::time::timeout(patience, settled).await.is_err() {
            tracing::warn!(?patience, "still connecting; going on");
        }
    }

    /// Signs in with a JWT credential and keeps it in the keychain for unattended re-login.
    pub async fn sign_in_jwt(self: &Arc<Self>, jwt: &str) -> Result<SignInView, Error> {
        self.check_sign_in(SignInPolicy::Jwt)?;
        let connection = self.connect_live().await?;
        connection
            .session()
            .sign_in_with_jwt(&Secret::new(jwt.trim().to_string()), true)
            .await?;
        self.adopt(connection).await
    }

    /// Starts a browser sign-in: the authorize URL to open and when it expires; the redirect
    /// completes it through [`Desk::complete_browser_sign_in`] (in this process or another).
    pub async fn begin_browser_sign_in(&self) -> Result<SignInStart, Error> {
        self.check_sign_in(SignInPolicy::Browser)?;
        let connection = self.connect_live().await?;
        Ok(auth::begin_sign_in(connection.session()).await?)
    }

    /// Waits (at most `patience`) for a browser sign-in started at `started` to be completed by
    /// whichever process receives the redirect, then signs in with its tokens.
    pub async fn wait_for_browser_sign_in(
        self: &Arc<Self>,
        started: SystemTime,
        patience: Duration,
    ) -> Result<SignInView, Error> {
        let connection = self.connect_live().await?;
        auth::wait_for_sign_in(connection.session(), started, patience).await?;
        self.adopt(connection).await
    }

    /// Completes a browser sign-in from the `ringdesk://oauth/callback?…` redirect.
    pub async fn complete_browser_sign_in(
        self: &Arc<Self>,
        callback: &str,
    ) -> Result<SignInView, Error> {
        self.check_sign_in(SignInPolicy::Browser)?;
        let connection = self.connect_live().await?;
        auth::complete_sign_in(connection.session(), callback).await?;
        self.adopt(connection).await
    }

    /// Switches this run to demo mode: the built-in simulator, clearly labelled.
    pub async fn start_demo(self: &Arc<Self>) -> Result<SignInView, Error> {
        self.check_demo_allowed()?;
        if let Ok(mut profile) = self.profile.write() {
            profile.mode = Mode::Demo;
        }
        self.reset_cache();
        let connection = self.open_demo().await?;
        self.adopt(connection).await
    }

    /// Signs out: revokes the session, removes tokens, stored JWT and any pending sign-in from
    /// the keychain, stops syncing. Demo mode keeps no session: nothing is revoked.
    pub async fn sign_out(&self) -> Result<SignedOut, Error> {
        self.stop_live_updates().await;
        self.stop_following().await;
        let revoked = match self.live.write().await.take() {
            Some(live) => live.connection.session().sign_out().await?,
            None if self.profile().mode == Mode::Live => {
                // Not connected in this process (a command): the keychain still holds the session.
                self.connect_live().await?.session().sign_out().await?
            }
            None => false,
        };
        self.sync.stop();
        Ok(SignedOut {
            revoked,
            session: self.signed_out().await,
        })
    }

    /// Drops the connection and connects again from the keychain (the "Reset connection" tool):
    /// budgets, breaker and sockets start fresh.
    pub async fn reset_connection(self: &Arc<Self>) -> SignInView {
        self.stop_live_updates().await;
        self.stop_following().await;
        self.live.write().await.take();
        self.sync.stop();
        self.start().await
    }

    /// Opens the profile's connection: the demo simulator, or the stored session (`None` when
    /// there is none and no JWT to create one).
    pub(crate) async fn open(&self) -> Result<Option<Connection>, Error> {
        match self.profile().mode {
            Mode::Demo => self.open_demo().await.map(Some),
            Mode::Live => self.open_live().await,
        }
    }

    async fn open_demo(&self) -> Result<Connection, Error> {
        let setup = DemoSetup::new(
            self.options.demo_timing == DemoTiming::Fast,
            self.env.get(ADMIN_TOKEN_ENV).map(str::to_string),
        );
        let demo = Demo::start(setup).await?;
        let profile = self.profile();
        let options = match self.options.demo_timing {
            // Fast demo calls ring and connect in a fraction of a second: look as often.
            DemoTiming::Fast => ClientOptions {
                ringout_poll: std::time::Duration::from_millis(50),
                ..ClientOptions::default()
            },
            DemoTiming::Realistic => ClientOptions::default(),
        };
        Connection::open_demo(&profile, demo, options).await
    }

    async fn open_live(&self) -> Result<Option<Connection>, Error> {
        let connection = self.connect_live().await?;
        // A stored or given JWT signs in unattended only where the policy allows JWT.
        let unattended = connection.session().can_sign_in_unattended()
            && self.check_sign_in(SignInPolicy::Jwt).is_ok();
        let signed_in = connection.session().tokens().is_some() || unattended;
        Ok(signed_in.then_some(connection))
    }

    /// A connection to sign in with: the keychain's session in live mode (maybe signed out);
    /// a demo simulator in demo mode.
    async fn connect_live(&self) -> Result<Connection, Error> {
        let profile = self.profile();
        match profile.mode {
            Mode::Live => {
                let store: Arc<dyn TokenStore> = Arc::new(KeyringStore::platform()?);
                Connection::open_live(&profile, &self.env, store, ClientOptions::default()).await
            }
            Mode::Demo => self.open_demo().await,
        }
    }

    /// Reads who is signed in, keeps the connection, and starts syncing.
    async fn adopt(self: &Arc<Self>, connection: Connection) -> Result<SignInView, Error> {
        let extension = read_extension(connection.client()).await?;
        let country = connection.country().await?;
        let user = UserView {
            name: extension
                .name
                .clone()
                .unwrap_or_else(|| "RingCentral user".into()),
            extension_number: extension.extension_number.clone().unwrap_or_default(),
        };
        if let Ok(mut home) = self.home.write() {
            *home = country;
        }
        let live = Arc::new(Live {
            connection,
            country,
            user: user.clone(),
        });
        *self.live.write().await = Some(live.clone());
        self.reset_cache();
        if self.options.background == Background::On {
            self.start_live_updates(&live).await;
        }
        let view = self.view(SignInState::SignedIn, Some(user));
        self.emit(DeskEvent::SignIn(view.clone()));
        if self.options.background == Background::On {
            self.start_sync();
        }
        Ok(view)
    }

    async fn signed_out(&self) -> SignInView {
        let view = self.view(SignInState::SignedOut, None);
        self.emit(DeskEvent::SignIn(view.clone()));
        view
    }

    fn view(&self, state: SignInState, user: Option<UserView>) -> SignInView {
        let profile = self.profile();
        // An unreadable policy stops what needs it, naming its line; the view offers all.
        let policy = self.policy().unwrap_or_default().policy;
        SignInView {
            state,
            mode: profile.mode,
            user,
            can_sign_in: profile.client_id.is_some(),
            sign_in_methods: policy.sign_in,
            demo_allowed: policy.allow_demo != Some(false),
        }
    }

    /// Forgets the open cache so the next read opens the right file with the right country.
    fn reset_cache(&self) {
        if let Ok(mut cache) = self.cache.lock() {
            *cache = None;
        }
    }
}

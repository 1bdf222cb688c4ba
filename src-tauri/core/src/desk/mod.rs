//! The desk: one profile's whole working state for the window — the connection (live through
//! the keychain, or the demo simulator), the local cache, the live call, the background sync —
//! and a stream of [`DeskEvent`]s the window renders. The CLI uses the same pieces directly.
//!
//! ```text
//! Desk::open(profile, env, paths) → start() → session / preview_number / place_call / …
//!                                 → subscribe() → DeskEvent::{Session, Call, Sync, Messages, …}
//! ```

mod call_words;
mod contacts;
mod dialing;
mod error;
mod events;
mod history;
mod inbox;
mod links;
mod new_text;
mod preferences;
mod session;
mod status;
mod syncing;
mod texting;
mod views;

use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{broadcast, RwLock};

use crate::config::{Environment, Paths, Profile};
use crate::connection::Connection;
use crate::error::Error;
use crate::phone::Country;
use crate::store::Store;

pub use call_words::{call_words, phone_noun, CallWords};
pub use contacts::{ContactRow, ContactView, ContactsPage, NumberView, TimelineView};
pub use dialing::{CallView, PartyView};
pub use error::DeskError;
pub use events::{ConnectionView, DeskEvent, MessagesChange};
pub use history::{CallRow, CallsPage};
pub use links::{LinkView, OAUTH_CALLBACK};
pub use new_text::NewText;
pub use preferences::{Choices, SettingsPatch, SettingsView};
pub use status::DeskStatus;
pub use texting::{ConversationView, MessageView, SentView, SmsMeasure, ThreadView};
pub use views::{
    country_name, CallOptions, Choice, ContactRef, NumberPreview, ProblemView, SessionState,
    SessionView, Suggestion, SyncView, UserView,
};

/// How the desk connects, beyond the profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DemoTiming {
    /// Calls ring and connect at human pace (the demo people watch).
    #[default]
    Realistic,
    /// Calls connect in well under a second (tests).
    Fast,
}

/// One profile at work.
pub struct Desk {
    profile: std::sync::RwLock<Profile>,
    home: std::sync::RwLock<Country>,
    env: Environment,
    paths: Paths,
    demo_timing: DemoTiming,
    live: RwLock<Option<Arc<Live>>>,
    cache: Mutex<Option<Store>>,
    call: tokio::sync::Mutex<Option<dialing::ActiveCall>>,
    sync: syncing::SyncControl,
    inbox: inbox::Inbox,
    events: broadcast::Sender<DeskEvent>,
    /// `start` is connecting: the session is neither signed in nor out yet.
    /// (`true` from creation until the first `start` settles; links that need the session wait.)
    starting: tokio::sync::watch::Sender<bool>,
}

/// A signed-in connection and what was learnt when it opened.
pub(crate) struct Live {
    pub(crate) connection: Connection,
    pub(crate) country: Country,
    pub(crate) user: UserView,
}

impl std::fmt::Debug for Desk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desk")
            .field("paths", &self.paths)
            .finish_non_exhaustive()
    }
}

impl Desk {
    /// A desk for `profile`, not yet connected (call [`Desk::start`]).
    pub fn new(
        profile: Profile,
        env: Environment,
        paths: Paths,
        demo_timing: DemoTiming,
    ) -> Arc<Self> {
        let (events, _) = broadcast::channel(256);
        Arc::new(Self {
            home: std::sync::RwLock::new(syncing::profile_country(&profile)),
            profile: std::sync::RwLock::new(profile),
            env,
            paths,
            demo_timing,
            live: RwLock::new(None),
            cache: Mutex::new(None),
            call: tokio::sync::Mutex::new(None),
            sync: syncing::SyncControl::default(),
            inbox: inbox::Inbox::default(),
            events,
            starting: tokio::sync::watch::Sender::new(true),
        })
    }

    /// Every change the window should render, from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<DeskEvent> {
        self.events.subscribe()
    }

    /// The profile as it is now (demo mode may have been chosen at run time).
    pub fn profile(&self) -> Profile {
        match self.profile.read() {
            Ok(profile) => profile.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Config and data folders.
    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// The base URL of the in-process simulator, in demo mode.
    pub async fn demo_server(&self) -> Option<String> {
        let live = self.live.read().await;
        live.as_ref()
            .and_then(|l| l.connection.demo().map(|d| d.server_url().to_string()))
    }

    fn emit(&self, event: DeskEvent) {
        // No window listening (yet) is fine: the state is also returned by the commands.
        let _ = self.events.send(event);
    }

    async fn live(&self) -> Result<Arc<Live>, Error> {
        self.live
            .read()
            .await
            .clone()
            .ok_or(DeskError::NotSignedIn.into())
    }

    /// The cache, opened on first use with the profile's country.
    fn cache(&self) -> Result<MutexGuard<'_, Option<Store>>, Error> {
        let mut guard = self
            .cache
            .lock()
            .map_err(|_| DeskError::Internal("cache lock"))?;
        if guard.is_none() {
            *guard = Some(self.open_store()?);
        }
        Ok(guard)
    }

    /// Runs `read` on the cache.
    fn with_cache<T>(&self, read: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Error> {
        let mut guard = self.cache()?;
        match guard.as_mut() {
            Some(store) => read(store),
            None => Err(DeskError::Internal("cache not open").into()),
        }
    }
}

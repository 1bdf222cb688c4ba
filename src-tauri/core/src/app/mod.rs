//! The application layer: the one front door into the core. The window's commands and every
//! command-line subcommand call a [`Desk`] — one profile at work: its connection (live through
//! the keychain, or the demo simulator), the local cache, the live call, the background sync
//! and live updates — so the same question gets the same answer on both faces: the same sender,
//! the same words for a call's outcome, the same errors ([`Error`], with its recovery and hint).
//!
//! ```text
//! Desk::new(profile, env, paths, options)
//!   window:  start() → session / preview_number / place_call / send_sms / … ;  subscribe() → DeskEvent
//!   command: connect()? → place_call / send_sms / sync_cache / status_report / … , then exit
//! ```
//!
//! Everything below this module (api, auth, store, sync, realtime, calls, sms, phone …) has
//! its own error type and never sees [`Error`]; this layer wraps them.

mod call_alerts;
mod call_lists;
mod caller;
mod chat_alerts;
mod chat_edits;
mod chat_making;
mod chats;
mod connection;
mod contacts;
mod desk_error;
mod dial_guard;
mod dialing;
mod do_not_call;
mod error;
mod events;
mod follow_ups;
mod format;
mod history;
mod integration_setup;
mod integration_views;
mod integrations;
mod integrations_loop;
mod link_handling;
mod links;
#[cfg(test)]
mod links_tests;
mod list_editing;
mod live_updates;
mod new_contact;
mod phone_line;
mod policy;
mod preferences;
#[cfg(test)]
mod settings_tests;
mod shortcut;
mod sign_in;
mod status;
mod suitedash_leads;
mod syncing;
mod templates;
#[cfg(test)]
mod test_desk;
mod texting;
mod transfer;
mod views;
mod wrapups;

use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{broadcast, RwLock};

use crate::config::{Environment, Paths, Profile};
use crate::phone::Country;
use crate::store::Store;

pub use crate::team::{Mentioned, PostPart};
pub use call_alerts::{AlertKind, CallAlert};
pub use call_lists::{CallListView, EntryView, ListImportView};
pub use caller::{CallerView, LastText};
pub use chat_alerts::{parse_level, ChatAlert};
pub use chat_making::ColleagueView;
pub use chats::{ChatPostsView, ChatView, PostSentView, PostView};
pub use connection::Connection;
pub use contacts::{ContactRow, ContactView, ContactsPage, NumberView, TimelineView};
pub use desk_error::DeskError;
pub use dialing::{CallPreview, CallRequest, CallView, PartyView, PhaseName, RequestPreview};
pub use do_not_call::{DoNotCallImport, DoNotCallView};
pub use error::Error;
pub use events::{ChatsChange, DeskEvent, LiveState, LiveView, MessagesChange};
pub use follow_ups::FollowUpsView;
pub use history::{CallRow, CallsPage};
pub use integration_setup::{SuiteDashSetup, WebhookSetup};
pub use integration_views::{
    ConnectorView, EventView, IntegrationsOutcome, IntegrationsView, TestView,
};
pub use links::{Handover, IncomingLink, LinkView, MAX_LINK_BYTES, OAUTH_CALLBACK};
pub use list_editing::ListAddition;
pub use new_contact::NewContact;
pub use phone_line::{LineView, PresenceChoice};
pub use preferences::{Choices, SettingsPatch, SettingsView};
pub use sign_in::SignedOut;
pub use status::{DeskStatus, ExtensionView, StatusReport, TokenView};
pub use suitedash_leads::{ExportView, LeadInput};
pub use syncing::{SyncOutcome, SYNC_EVERY};
pub use templates::TemplateView;
pub use texting::{
    ConversationView, MessageView, NewText, SentView, SmsMeasure, ThreadEntries, ThreadView,
};
pub use transfer::{ExportKind, ImportReport, SkippedRow};
pub use views::{
    country_name, CallOptions, Choice, NumberPreview, Problem, SignInState, SignInView, Suggestion,
    SyncView, UserView,
};
pub use wrapups::{WrapUpInput, WrapUpView, DEFAULT_DISPOSITIONS};

// What the faces name when they talk to the desk: configuration, numbers, progress and rows of
// the cache, re-exported so that a face needs nothing but this module.
pub use crate::auth::{SignInStart, SIGN_IN_TTL};
pub use crate::calls::{CallPhase, CallProgress, Leg, RingMeAt};
pub use crate::config::{AppSettings, ConfigError, LinkAction, Mode, Theme, DEFAULT_PROFILE};
pub use crate::integrations::suitedash::PullReport;
pub use crate::integrations::DeliveryReport;
pub use crate::link_handler::HandlerStatus;
pub use crate::live_calls::{CallState, LiveCall, LiveChange};
pub use crate::phone::{DisplayFormat, MatchKey};
pub use crate::realtime::PresenceView;
pub use crate::secret::Secret;
pub use crate::sms::OutboxReport;
pub use crate::store::{
    ActivityEntry, CallEntry, CallFilter, ContactEntry, ContactQuery, ConversationSummary, Counts,
    HistoryQuery, MessageEntry, OutboxItem, OutboxState,
};
pub use crate::sync::{Progress, Stage, SyncReport};
pub use crate::Recovery;

/// How the demo simulator paces calls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DemoTiming {
    /// Calls ring and connect at human pace (the demo people watch).
    #[default]
    Realistic,
    /// Calls connect in well under a second (tests).
    Fast,
}

/// What a desk does besides answering: the window keeps the cache in sync and listens for
/// texts; a command-line run answers one request and exits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Background {
    /// After signing in: the background sync and live updates run (the window).
    #[default]
    On,
    /// Nothing runs unless asked (a command-line run).
    Off,
}

/// How a desk is set up.
#[derive(Debug, Clone, Default)]
pub struct DeskOptions {
    /// The demo simulator's pace.
    pub demo_timing: DemoTiming,
    /// Background work after signing in.
    pub background: Background,
    /// The clock follow-ups come due by (a test's `ManualClock`); `None`: the system's.
    pub clock: Option<Arc<dyn ringdesk_clock::Clock>>,
    /// Where the CRM connectors' secrets are kept; `None`: the OS keychain (in demo mode too:
    /// a webhook or SuiteDash set up while trying ringdesk stays set up).
    pub secrets: Option<Arc<dyn crate::keychain::TokenStore>>,
}

/// One profile at work.
pub struct Desk {
    profile: std::sync::RwLock<Profile>,
    home: std::sync::RwLock<Country>,
    env: Environment,
    paths: Paths,
    options: DeskOptions,
    live: RwLock<Option<Arc<Live>>>,
    cache: Mutex<Option<Store>>,
    call: tokio::sync::Mutex<Option<dialing::ActiveCall>>,
    sync: syncing::SyncControl,
    updates: live_updates::LiveUpdates,
    /// Wakes the loop that sends the CRM connectors' queues.
    integrations: integrations_loop::IntegrationsControl,
    /// Missed calls since History was last opened.
    missed: call_alerts::MissedCount,
    dial_guard: Mutex<dial_guard::DialGuard>,
    events: broadcast::Sender<DeskEvent>,
    /// The app settings last read from the config file (see [`Desk::settings_in_force`]).
    last_settings: Mutex<Option<crate::config::AppSettings>>,
    /// The last read of the settings failed (the window was told).
    settings_unreadable: std::sync::atomic::AtomicBool,
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
    /// A desk for `profile`, not yet connected ([`Desk::start`] for the window,
    /// [`Desk::connect`] for a command).
    pub fn new(
        profile: Profile,
        env: Environment,
        paths: Paths,
        options: DeskOptions,
    ) -> Arc<Self> {
        let (events, _) = broadcast::channel(256);
        Arc::new(Self {
            home: std::sync::RwLock::new(syncing::profile_country(&profile)),
            profile: std::sync::RwLock::new(profile),
            env,
            paths,
            options,
            live: RwLock::new(None),
            cache: Mutex::new(None),
            call: tokio::sync::Mutex::new(None),
            sync: syncing::SyncControl::default(),
            updates: live_updates::LiveUpdates::default(),
            integrations: integrations_loop::IntegrationsControl::default(),
            missed: call_alerts::MissedCount::default(),
            dial_guard: Mutex::new(dial_guard::DialGuard::default()),
            events,
            last_settings: Mutex::new(None),
            settings_unreadable: Default::default(),
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

    /// The profile's cache file (demo mode keeps its own, never mixed with live data).
    pub fn cache_path(&self) -> std::path::PathBuf {
        let profile = self.profile();
        self.paths.cache(&profile.name, profile.mode)
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

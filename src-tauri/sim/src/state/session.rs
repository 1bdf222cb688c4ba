//! One OAuth session (a login) and the outcomes of using its tokens.

use chrono::{DateTime, Duration, Utc};

/// Scope string granted to every session (the simulated app's permissions), apart from
/// `CallControl`, which RingCentral grants only on request, and `TeamMessaging`, which an app
/// asks for on its own (see [`scope`]).
pub const SCOPE: &str = "Contacts EditExtensions EditMessages EditPresence ReadAccounts ReadCallLog ReadContacts ReadMessages ReadPresence RingOut SMS SubscriptionWebSocket WebSocket";

/// The scope of the simulated app: [`SCOPE`], plus `CallControl` when the app was granted it.
pub fn scope(call_control: bool, team_messaging: bool) -> String {
    let mut scope = SCOPE.to_owned();
    if call_control {
        scope = format!("CallControl {scope}");
    }
    if team_messaging {
        scope.push_str(" TeamMessaging");
    }
    scope
}

/// An authenticated session (one login).
#[derive(Clone, Debug)]
pub struct Session {
    /// `session_id`.
    pub id: String,
    /// `endpoint_id`.
    pub endpoint_id: String,
    /// Extension id of the owner.
    pub owner: u64,
    /// The app that logged in.
    pub client_id: String,
    /// Login time.
    pub created: DateTime<Utc>,
    /// Current access token and its expiry.
    pub access: String,
    /// Expiry of `access`.
    pub access_expires: DateTime<Utc>,
    /// First use of the current access token.
    pub access_first_used: Option<DateTime<Utc>>,
    /// Current refresh token.
    pub refresh: String,
    /// Expiry of `refresh`.
    pub refresh_expires: DateTime<Utc>,
    /// The refresh token this one replaced, and when.
    pub previous_refresh: Option<(String, DateTime<Utc>)>,
    /// Absolute session end, when session timeouts are enforced.
    pub expires_at: Option<DateTime<Utc>>,
    /// Idle timeout, when enforced.
    pub idle: Option<Duration>,
    /// Last use of any of its tokens.
    pub last_used: DateTime<Utc>,
}

impl Session {
    /// Seconds until the access token expires.
    pub fn expires_in(&self, now: DateTime<Utc>) -> i64 {
        (self.access_expires - now).num_seconds().max(0)
    }

    /// Seconds until the refresh token expires.
    pub fn refresh_expires_in(&self, now: DateTime<Utc>) -> i64 {
        (self.refresh_expires - now).num_seconds().max(0)
    }

    /// Whether the session is within its absolute and idle timeouts.
    pub fn alive(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.is_none_or(|end| now < end)
            && self.idle.is_none_or(|idle| now - self.last_used < idle)
    }
}

/// Session rules of the simulated app.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    /// Parallel sessions per user and app; a new login ends the oldest beyond this.
    pub max: usize,
    /// Absolute session lifetime (`None` = not enforced).
    pub absolute: Option<Duration>,
    /// Idle timeout (`None` = not enforced).
    pub idle: Option<Duration>,
}

/// Why a bearer token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessFailure {
    /// Never issued by this simulator.
    Unknown,
    /// Issued but expired.
    Expired,
    /// Revoked, rotated away or its session ended.
    Revoked,
    /// The session passed its absolute or idle timeout.
    SessionExpired,
}

/// Why a refresh was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefreshFailure {
    /// Never issued.
    Unknown,
    /// Expired.
    Expired,
    /// Revoked, or reused outside the grace window.
    Revoked,
    /// Issued to another app.
    WrongClient,
    /// The session passed its absolute or idle timeout.
    SessionExpired,
}

/// Requested lifetimes for new tokens (already capped by the app's maximum).
#[derive(Clone, Copy, Debug)]
pub struct Lifetimes {
    /// Access-token lifetime.
    pub access: Duration,
    /// Refresh-token lifetime.
    pub refresh: Duration,
}

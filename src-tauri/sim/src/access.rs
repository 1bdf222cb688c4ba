//! Who may call an endpoint: the OAuth endpoints authenticate the client themselves; every other
//! endpoint needs a bearer token, and most an app permission (the spec's `x-app-permission`)
//! that the session's scope must grant.

use crate::api_error::ApiError;
use axum::http::StatusCode;

/// An app permission (an OAuth scope item), spelled as in the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// `ReadAccounts`: extension info, phone numbers, caller ID, the directory.
    ReadAccounts,
    /// `EditExtensions`: adding forwarding numbers.
    EditExtensions,
    /// `RingOut`: placing, polling and cancelling RingOut calls.
    RingOut,
    /// `SMS`: sending texts.
    Sms,
    /// `ReadMessages`: the message store and message sync.
    ReadMessages,
    /// `EditMessages`: marking, updating and deleting messages.
    EditMessages,
    /// `ReadCallLog`: the call log and call-log sync.
    ReadCallLog,
    /// `ReadContacts`: reading the personal address book.
    ReadContacts,
    /// `Contacts`: changing the personal address book.
    Contacts,
    /// `ReadPresence`: reading presence.
    ReadPresence,
    /// `EditPresence`: setting presence.
    EditPresence,
    /// `WebSocket`: WebSocket tokens.
    WebSocket,
    /// `CallControl`: telephony-session events and the Call Control endpoints (granted by
    /// RingCentral on request only).
    CallControl,
    /// `TeamMessaging`: chats, teams, posts and persons (`/team-messaging/v1`).
    TeamMessaging,
}

impl Permission {
    /// The spec's (and the scope string's) spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::ReadAccounts => "ReadAccounts",
            Permission::EditExtensions => "EditExtensions",
            Permission::RingOut => "RingOut",
            Permission::Sms => "SMS",
            Permission::ReadMessages => "ReadMessages",
            Permission::EditMessages => "EditMessages",
            Permission::ReadCallLog => "ReadCallLog",
            Permission::ReadContacts => "ReadContacts",
            Permission::Contacts => "Contacts",
            Permission::ReadPresence => "ReadPresence",
            Permission::EditPresence => "EditPresence",
            Permission::WebSocket => "WebSocket",
            Permission::CallControl => "CallControl",
            Permission::TeamMessaging => "TeamMessaging",
        }
    }

    /// `Ok` when the space-separated `scope` grants this permission, else RingCentral's 403
    /// `CMN-401`.
    pub fn check(self, scope: &str) -> Result<(), ApiError> {
        if scope
            .split_whitespace()
            .any(|granted| granted == self.as_str())
        {
            return Ok(());
        }
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "CMN-401",
            format!(
                "In order to call this API endpoint, application needs to have [{}] permission",
                self.as_str()
            ),
        ))
    }
}

/// What a caller must present to use an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No bearer token: the OAuth endpoints authenticate the client themselves and are rate
    /// limited per client id.
    Client,
    /// A bearer token; the spec names no app permission (subscriptions).
    Token,
    /// A bearer token whose session's scope grants this app permission.
    Permission(Permission),
}

impl Access {
    /// Whether a bearer token is needed.
    pub fn bearer(self) -> bool {
        !matches!(self, Access::Client)
    }

    /// The app permission needed, if any.
    pub fn permission(self) -> Option<Permission> {
        match self {
            Access::Permission(p) => Some(p),
            Access::Client | Access::Token => None,
        }
    }

    /// `Ok` when the space-separated `scope` grants the app permission needed (if any), else
    /// RingCentral's 403 `CMN-401`.
    pub fn check_scope(self, scope: &str) -> Result<(), ApiError> {
        self.permission().map_or(Ok(()), |p| p.check(scope))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_without_the_permission_is_refused_with_cmn_401() {
        assert!(Permission::Sms.check("ReadMessages SMS").is_ok(), "granted");
        let refused = Permission::Sms.check("ReadMessages SMSX");
        assert_eq!(
            refused.err().map(|e| (e.status(), e.code().to_owned())),
            Some((StatusCode::FORBIDDEN, "CMN-401".to_owned())),
            "whole scope items only; a missing permission is 403 CMN-401"
        );
    }
}

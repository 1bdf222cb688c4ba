//! Event filters a WebSocket subscription may name, parsed from their URIs.

use crate::access::Permission;

/// A supported event filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// `/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS`: new inbound SMS.
    InstantSms,
    /// `/restapi/v1.0/account/~/extension/~/message-store[?type=..&direction=..]`.
    MessageStore {
        /// Only this direction, if given.
        direction: Option<String>,
    },
    /// `/restapi/v1.0/account/~/extension/~/presence[?detailedTelephonyState=true]`.
    Presence {
        /// `detailedTelephonyState=true`.
        detailed: bool,
    },
    /// `/restapi/v1.0/account/~/extension/~/telephony/sessions`: the extension's telephony
    /// sessions (needs `CallControl`).
    TelephonySessions,
    /// `/team-messaging/v1/posts`: posts added, changed or removed in the person's chats.
    TeamPosts,
    /// `/team-messaging/v1/chats`: chats joined, left, renamed or changed.
    TeamChats,
}

/// What happened, for matching against filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A new inbound SMS.
    InboundSms,
    /// Messages were added or changed; `inbound` tells whether any new one was inbound.
    MessageStore {
        /// Any inbound message among the changes.
        inbound: bool,
        /// Any outbound message among the changes.
        outbound: bool,
    },
    /// Presence changed.
    Presence,
    /// A telephony session of the extension changed.
    TelephonySession,
    /// A post in one of the person's chats.
    TeamPost,
    /// One of the person's chats.
    TeamChat,
}

impl Filter {
    /// Parses a filter URI for the account and extension (`~` or the real ids).
    pub fn parse(uri: &str, account_id: u64, extension_id: u64) -> Option<Self> {
        let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
        match path.trim_end_matches('/') {
            "/team-messaging/v1/posts" => return Some(Filter::TeamPosts),
            // The docs name the chats filter `/chats` in samples and `/groups` in one index.
            "/team-messaging/v1/chats" | "/team-messaging/v1/groups" => {
                return Some(Filter::TeamChats)
            }
            _ => {}
        }
        let rest = path.strip_prefix("/restapi/v1.0/account/")?;
        let (account, rest) = rest.split_once("/extension/")?;
        let (extension, resource) = rest.split_once('/')?;
        let ours = |v: &str, id: u64| v == "~" || v == id.to_string();
        if !ours(account, account_id) || !ours(extension, extension_id) {
            return None;
        }
        let params: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let param = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        match resource.trim_end_matches('/') {
            "message-store/instant" if param("type").as_deref() == Some("SMS") => {
                Some(Filter::InstantSms)
            }
            "message-store" => {
                let type_ok = param("type").is_none_or(|t| t == "SMS");
                let direction = param("direction");
                let direction_ok = direction
                    .as_deref()
                    .is_none_or(|d| d == "Inbound" || d == "Outbound");
                (type_ok && direction_ok).then_some(Filter::MessageStore { direction })
            }
            "presence" => Some(Filter::Presence {
                detailed: param("detailedTelephonyState").as_deref() == Some("true"),
            }),
            "telephony/sessions" => Some(Filter::TelephonySessions),
            _ => None,
        }
    }

    /// Whether this filter wants the event.
    pub fn matches(&self, event: EventKind) -> bool {
        match (self, event) {
            (Filter::InstantSms, EventKind::InboundSms) => true,
            (Filter::MessageStore { direction }, EventKind::MessageStore { inbound, outbound }) => {
                match direction.as_deref() {
                    Some("Inbound") => inbound,
                    Some("Outbound") => outbound,
                    _ => true,
                }
            }
            (Filter::Presence { .. }, EventKind::Presence) => true,
            (Filter::TelephonySessions, EventKind::TelephonySession) => true,
            (Filter::TeamPosts, EventKind::TeamPost) => true,
            (Filter::TeamChats, EventKind::TeamChat) => true,
            _ => false,
        }
    }

    /// The `event` URI of notifications for this filter, with real ids.
    pub fn event_uri(&self, account_id: u64, extension_id: u64) -> String {
        let base = format!("/restapi/v1.0/account/{account_id}/extension/{extension_id}");
        match self {
            Filter::InstantSms => format!("{base}/message-store/instant?type=SMS"),
            Filter::MessageStore { .. } => format!("{base}/message-store"),
            Filter::Presence { detailed: true } => {
                format!("{base}/presence?detailedTelephonyState=true")
            }
            Filter::Presence { detailed: false } => format!("{base}/presence"),
            Filter::TelephonySessions => format!("{base}/telephony/sessions"),
            Filter::TeamPosts => "/team-messaging/v1/posts".into(),
            Filter::TeamChats => "/team-messaging/v1/chats".into(),
        }
    }

    /// The app permission a subscription to this filter needs beyond the subscription itself.
    pub fn permission(&self) -> Option<Permission> {
        match self {
            Filter::TelephonySessions => Some(Permission::CallControl),
            Filter::TeamPosts | Filter::TeamChats => Some(Permission::TeamMessaging),
            Filter::Presence { .. } => Some(Permission::ReadPresence),
            Filter::InstantSms | Filter::MessageStore { .. } => Some(Permission::ReadMessages),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_filters_the_app_uses() {
        let f = |u: &str| Filter::parse(u, 1, 2);
        assert_eq!(
            f("/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS"),
            Some(Filter::InstantSms),
            "instant SMS"
        );
        assert_eq!(
            f("/restapi/v1.0/account/1/extension/2/message-store"),
            Some(Filter::MessageStore { direction: None }),
            "real ids"
        );
        assert!(
            matches!(
                f("/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true"),
                Some(Filter::Presence { detailed: true })
            ),
            "presence"
        );
        assert_eq!(
            f("/restapi/v1.0/account/9/extension/~/message-store"),
            None,
            "another account is refused"
        );
        assert_eq!(
            f("/restapi/v1.0/account/~/extension/~/telephony/sessions?missedCall=true"),
            Some(Filter::TelephonySessions),
            "telephony sessions"
        );
        assert_eq!(f("/team-messaging/v1/posts"), Some(Filter::TeamPosts));
        assert_eq!(f("/team-messaging/v1/chats"), Some(Filter::TeamChats));
        assert_eq!(
            f("/restapi/v1.0/account/~/extension/~/call-log"),
            None,
            "unsupported filters are refused"
        );
    }

    #[test]
    fn direction_filter_selects_events() {
        let inbound_only = Filter::MessageStore {
            direction: Some("Inbound".into()),
        };
        assert!(
            inbound_only.matches(EventKind::MessageStore {
                inbound: true,
                outbound: false
            }),
            "inbound change passes"
        );
        assert!(
            !inbound_only.matches(EventKind::MessageStore {
                inbound: false,
                outbound: true
            }),
            "outbound change filtered out"
        );
        assert!(
            !Filter::InstantSms.matches(EventKind::Presence),
            "kinds must match"
        );
    }
}

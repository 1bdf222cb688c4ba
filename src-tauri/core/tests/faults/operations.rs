//! The operations, as data: what ringdesk does for the agent, and the request of it that a
//! request fault strikes (its target).

use std::fmt;

use ringdesk_testkit::sim::EXTENSION;
use serde_json::{json, Value};

use crate::kinds::FOREIGN_HOST;

/// One thing ringdesk does against RingCentral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// Placing a RingOut (`POST …/ring-out`).
    RingOutCreate,
    /// Following it (`GET …/ring-out/{id}` every poll).
    RingOutPoll,
    /// Cancelling it while it rings (`DELETE …/ring-out/{id}`).
    RingOutCancel,
    /// A text through the outbox (`POST …/sms`), then flushes until it is settled.
    SmsSend,
    /// The call-log feed (`call-log-sync`, then `call-log` listings).
    SyncCallLog,
    /// The messages feed (`message-sync`, then `message-store` listings).
    SyncMessages,
    /// The personal contacts feed (`address-book-sync`).
    SyncContacts,
    /// The company directory feed (`directory/entries`).
    SyncDirectory,
    /// Live texts: a WebSocket token, the WebSocket, the subscription.
    Subscription,
    /// Renewing an access token RingCentral let expire (`POST /restapi/oauth/token`), for three
    /// requests at once.
    Refresh,
}

/// Every operation, in the table's order.
pub const ALL: [Operation; 10] = [
    Operation::RingOutCreate,
    Operation::RingOutPoll,
    Operation::RingOutCancel,
    Operation::SmsSend,
    Operation::SyncCallLog,
    Operation::SyncMessages,
    Operation::SyncContacts,
    Operation::SyncDirectory,
    Operation::Subscription,
    Operation::Refresh,
];

/// The requests a request fault strikes: a method and a path prefix (as sent).
#[derive(Debug, Clone)]
pub struct Target {
    /// HTTP method.
    pub method: &'static str,
    /// Path prefix.
    pub path: String,
}

impl Operation {
    /// The operation's target.
    pub fn target(self) -> Target {
        let (method, path) = match self {
            Self::RingOutCreate => ("POST", format!("{EXTENSION}/ring-out")),
            Self::RingOutPoll => ("GET", format!("{EXTENSION}/ring-out/")),
            Self::RingOutCancel => ("DELETE", format!("{EXTENSION}/ring-out/")),
            Self::SmsSend => ("POST", format!("{EXTENSION}/sms")),
            // Both the sync API and the listings of each feed.
            Self::SyncCallLog => ("GET", format!("{EXTENSION}/call-log")),
            Self::SyncMessages => ("GET", format!("{EXTENSION}/message-")),
            Self::SyncContacts => ("GET", format!("{EXTENSION}/address-book")),
            Self::SyncDirectory => ("GET", "/restapi/v1.0/account/~/directory/entries".into()),
            Self::Subscription => ("POST", "/restapi/oauth/wstoken".into()),
            Self::Refresh => ("POST", "/restapi/oauth/token".into()),
        };
        Target { method, path }
    }

    /// The merge patch that points the target's answer to another origin, where it links
    /// onwards at all: the next page of a listing, the WebSocket's address.
    pub fn foreign_link(self) -> Option<Value> {
        let page = format!("http://{FOREIGN_HOST}/restapi/v1.0/next?page=2");
        match self {
            Self::SyncCallLog | Self::SyncMessages | Self::SyncDirectory => {
                Some(json!({ "navigation": { "nextPage": { "uri": page } } }))
            }
            Self::SyncContacts => Some(json!({
                "nextPageUri": page,
                "navigation": { "nextPage": { "uri": page } }
            })),
            Self::Subscription => Some(json!({ "uri": format!("ws://{FOREIGN_HOST}/ws") })),
            _ => None,
        }
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Self::RingOutCreate => "RingOut create",
            Self::RingOutPoll => "RingOut status",
            Self::RingOutCancel => "RingOut cancel",
            Self::SmsSend => "SMS via outbox",
            Self::SyncCallLog => "sync: call log",
            Self::SyncMessages => "sync: messages",
            Self::SyncContacts => "sync: contacts",
            Self::SyncDirectory => "sync: directory",
            Self::Subscription => "live texts (WebSocket)",
            Self::Refresh => "token refresh",
        };
        f.pad(name)
    }
}

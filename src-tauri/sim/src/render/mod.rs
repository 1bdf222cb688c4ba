//! JSON renderings of the simulator's records, shaped after the spec's response schemas. REST
//! handlers and WebSocket notifications share them, so the same record always looks the same.

mod account;
mod calls;
mod contacts;
mod messages;
pub mod team;
mod telephony;

pub use account::{
    caller_id, extension, forwarding_number, phone_number, presence, presence_event, ActiveCalls,
};
pub use calls::{call_record, CallRecords};
pub use contacts::{contact, directory_entry};
pub use messages::{instant_sms, message, single_message};
pub use telephony::{active_call, call_party, call_session, session_event};

/// Builds absolute URIs for one account and extension.
#[derive(Clone, Debug)]
pub struct Urls {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Account id.
    pub account: u64,
    /// Extension id.
    pub extension: u64,
}

impl Urls {
    /// `{base}/restapi/v1.0{path}`.
    pub fn api(&self, path: &str) -> String {
        format!("{}/restapi/v1.0{path}", self.base)
    }

    /// `{base}/restapi/v1.0/account/{id}{suffix}`.
    pub fn account(&self, suffix: &str) -> String {
        self.api(&format!("/account/{}{suffix}", self.account))
    }

    /// `{base}/restapi/v1.0/account/{id}/extension/{id}{suffix}`.
    pub fn ext(&self, suffix: &str) -> String {
        self.account(&format!("/extension/{}{suffix}", self.extension))
    }
}

//! The RingCentral REST client: one module per API area, one short async fn per endpoint.
//!
//! Every endpoint is an [`Endpoint`] constant naming its operation, rate-limit [`Group`] and
//! whether it may be repeated. Requests go through the [`Transport`], which keeps per-group
//! budgets from `X-Rate-Limit-*` headers, honours `Retry-After`, backs off on failures and opens
//! a circuit breaker after five in a row.
//!
//! **Yielding to people.** A background job (the sync engine) marks its calls
//! [`Priority::Background`]: such requests never use the last fifth of a group's budget and
//! wait while an interactive request of the same group is waiting, so a call or text placed
//! during a sync goes first.

pub mod breaker;
pub mod call_control;
pub mod call_log;
mod client;
pub mod consents;
pub mod contacts;
mod credentials;
pub mod directory;
pub mod endpoint;
mod error;
pub mod extension;
pub mod message_store;
pub mod models;
pub mod paging;
pub mod phone_numbers;
pub mod presence;
pub mod rate_limit;
pub mod retry;
pub mod ringout;
mod server_duration;
pub mod sms;
pub mod subscription;
pub mod team;
pub mod templates;
mod transport;

pub use breaker::BreakerState;
pub use client::{decode, status_error, Call, Client};
pub use credentials::Credentials;
pub use endpoint::{Endpoint, Group, Priority};
pub use error::{recovery_for, ApiError};
pub use paging::{Page, Pages};
pub use rate_limit::BudgetView;
pub use server_duration::ServerDuration;
pub use transport::{Answer, ClientOptions, Outgoing, Transport};

/// Every endpoint of the API areas above, for checks against the spec. The token endpoints
/// (`auth::GET_TOKEN`, `auth::REVOKE_TOKEN`) live in `auth`, which builds on this module.
pub const ENDPOINTS: &[&Endpoint] = &[
    &call_log::READ_CALL_LOG,
    &call_log::SYNC_CALL_LOG,
    &consents::SEARCH_CONSENTS,
    &contacts::LIST_CONTACTS,
    &contacts::SYNC_ADDRESS_BOOK,
    &directory::LIST_DIRECTORY,
    &extension::READ_EXTENSION,
    &message_store::LIST_MESSAGES,
    &message_store::READ_MESSAGE,
    &message_store::UPDATE_MESSAGE,
    &message_store::SYNC_MESSAGES,
    &phone_numbers::LIST_PHONE_NUMBERS,
    &phone_numbers::LIST_FORWARDING_NUMBERS,
    &phone_numbers::READ_CALLER_ID,
    &presence::READ_PRESENCE,
    &presence::UPDATE_PRESENCE,
    &call_control::DELETE_CALL_SESSION,
    &call_control::HOLD_CALL_PARTY,
    &call_control::UNHOLD_CALL_PARTY,
    &call_control::REJECT_PARTY,
    &ringout::CREATE_RINGOUT,
    &ringout::READ_RINGOUT,
    &ringout::DELETE_RINGOUT,
    &sms::CREATE_SMS,
    &subscription::WS_TOKEN,
    &templates::LIST_TEMPLATES,
    &templates::CREATE_TEMPLATE,
    &templates::UPDATE_TEMPLATE,
    &templates::DELETE_TEMPLATE,
    &team::LIST_RECENT_CHATS,
    &team::LIST_CHATS,
    &team::READ_CHAT,
    &team::LIST_FAVORITES,
    &team::CREATE_CONVERSATION,
    &team::CREATE_TEAM,
    &team::READ_POSTS,
    &team::CREATE_POST,
    &team::PATCH_POST,
    &team::DELETE_POST,
    &team::READ_PERSONS,
];

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
pub mod call_log;
mod client;
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
pub mod sms;
pub mod subscription;
mod transport;

pub use breaker::BreakerState;
pub use client::{decode, status_error, Call, Client};
pub use credentials::Credentials;
pub use endpoint::{Endpoint, Group, Priority};
pub use error::{recovery_for, ApiError};
pub use paging::{Page, Pages};
pub use rate_limit::BudgetView;
pub use transport::{Answer, ClientOptions, Outgoing, Transport};

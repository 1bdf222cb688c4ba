//! ringcentral-sim: a faithful, stateful, deterministic RingCentral platform simulator.
//!
//! It serves RingCentral's REST API (OAuth, extension, RingOut, SMS and message store, call log,
//! contacts, directory, presence), the notification WebSocket, RingCentral's rate limits, and an
//! admin API under `/sim/…` for tests. Start one in-process with [`start`]:
//!
//! ```no_run
//! # async fn demo() -> Result<(), ringcentral_sim::SimError> {
//! let sim = ringcentral_sim::start(ringcentral_sim::SimConfig::fast()).await?;
//! println!("{}", sim.credentials().server_url);
//! sim.shutdown().await;
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod access;
mod admin;
mod api_error;
pub mod cli;
mod clock;
mod config;
mod credentials;
mod endpoint;
mod endpoints;
mod error;
mod faults;
mod gate;
mod magic;
mod oauth;
mod observe;
mod rate_limit;
mod render;
mod request_log;
mod rest;
mod routes;
mod seed;
mod server;
mod sim;
mod state;
mod time_fmt;
mod ws;

pub use access::{Access, Permission};
pub use admin::ADMIN_TOKEN_HEADER;
pub use clock::{Clock, ManualClock, PinnedClock, SystemClock};
pub use config::{RateLimitConfig, SimConfig, TimingMode, Timings, WsConfig};
pub use credentials::SimCredentials;
pub use endpoint::Endpoint;
pub use endpoints::ENDPOINTS;
pub use error::SimError;
pub use rate_limit::Group;
pub use server::{start, RunningSim};

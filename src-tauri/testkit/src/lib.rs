//! Test support for ringdesk's crates: the one place where tests start a simulator, drive its
//! admin API, sign in and build shared fixtures.
//!
//! - [`sim`]: simulators for tests (fast timing; rate limits roomy, unlimited or off) and the
//!   paths and numbers of the simulated account that tests name.
//! - [`admin`]: [`SimAdmin`], a typed client of the simulator's admin API (`/sim/*`) over real
//!   HTTP: push an inbound SMS, arm faults, read the request log, expire or revoke tokens, mint
//!   JWTs, reset, drop WebSockets.
//! - [`consent`]: the browser's part of an OAuth sign-in: the simulator's consent form, scraped
//!   and answered.
//! - [`suitedash`]: a SuiteDash Secure API simulator; [`webhook`]: a webhook receiver that
//!   checks signatures — both real HTTP on 127.0.0.1, neither ever shipped.
//! - [`http`]: a recorded HTTP answer ([`Reply`]) and a client that does not follow redirects.
//! - With the `core` feature, [`signin`] (clients, sessions and sync upstreams of ringdesk-core
//!   signed in with the simulator's JWT), [`fixtures`] (phone numbers, a text sent straight
//!   through the API) and [`oracle`] (the record ids RingCentral holds and a cache holds, per
//!   sync feed, to compare them).
//!
//! # A dev-dependency, with ringdesk-core behind a feature
//!
//! No shipped crate depends on this one (`publish = false`); ringcentral-sim, ringdesk-core and
//! the app list it under `[dev-dependencies]` only.
//!
//! `ringcentral-sim` is a dependency of `ringdesk-core`, and the simulator's own tests use this
//! crate too. Had this crate depended on ringdesk-core unconditionally, `cargo test -p
//! ringcentral-sim` would build ringdesk-core (and the simulator inside it) only to drive a
//! simulator over HTTP, through a dependency cycle that is legal for dev-dependencies but
//! confusing. So everything the simulator's tests need (starting a simulator, its admin API,
//! the consent form) depends on `ringcentral-sim` alone, and the helpers that need ringdesk-core
//! are behind the `core` feature, which only ringdesk-core's tests and benches turn on. The app's
//! tests need nothing of ringdesk-core from here, so they leave it off as well.
//!
//! ringdesk-core's unit tests (`src/**/tests`) cannot use the `core` feature: they are compiled
//! into another instance of ringdesk-core than the one this crate links, so its types would not
//! match theirs. Integration tests (`tests/`) and benches link the same instance and can.

pub mod admin;
pub mod colleague;
pub mod consent;
pub mod http;
pub mod serve;
pub mod sim;
pub mod suitedash;
pub mod webhook;

#[cfg(feature = "core")]
pub mod fixtures;
#[cfg(feature = "core")]
pub mod oracle;
#[cfg(feature = "core")]
pub mod signin;

pub use admin::{ColleagueSignIn, Fault, LoggedRequest, SimAdmin};
pub use colleague::Colleague;
pub use http::Reply;

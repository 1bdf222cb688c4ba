//! ringdesk-core against the RingCentral simulator over real HTTP on 127.0.0.1.
//!
//! Each test starts its own simulator (port 0), so tests run in parallel without sharing
//! rate-limit buckets, sessions or faults. Simulators, the admin API, signed-in clients and
//! fixtures come from `ringdesk-testkit`.

mod auth;
mod calls;
mod limits;
mod live_calls;
mod realtime;
mod sms;
mod team;
mod team_outbox;
mod untrusted;

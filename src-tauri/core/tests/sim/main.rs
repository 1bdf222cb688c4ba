//! ringdesk-core against the RingCentral simulator over real HTTP on 127.0.0.1.
//!
//! Each test starts its own simulator (port 0), so tests run in parallel without sharing
//! rate-limit buckets, sessions or faults.

mod auth;
mod calls;
mod limits;
mod realtime;
mod sms;
mod support;
mod untrusted;

//! CRM links: connectors that bring contacts in and send calls, texts, wrap-ups and contacts out.
//!
//! - [`webhook`] — any CRM (or Zapier, Make, n8n, an in-house service): every event as a signed
//!   JSON POST ([`signature`]); pulls nothing.
//! - [`suitedash`] — SuiteDash's Secure API: pulls contacts and companies into the cache (a
//!   contact source, matched by every phone field), creates leads and sets tags; counts its
//!   monthly quota. Its import mode is a CSV in SuiteDash's layout ([`suitedash::write_import_csv`]).
//!
//! Each connector says what it can pull and push ([`Capabilities`]). Whatever leaves this machine
//! goes through the cache's durable queue ([`delivery`]): claimed by one process, retried with
//! backoff, refused items kept and shown, every attempt in the activity log. Events come from the
//! cache itself ([`events`]), so nothing that reached the cache by any path is missed.
//! Secrets (the webhook's signing secret, SuiteDash's secret key) live in the keychain only.

pub mod delivery;
mod error;
pub mod events;
pub mod signature;
pub mod suitedash;
pub mod webhook;

pub use delivery::{
    deliver_due, Attempt, Capabilities, Connector, DeliveryReport, Verdict, STALE_AFTER,
};
pub use error::IntegrationError;
pub use events::{collect_events, EventType};
pub use suitedash::{SuiteDash, SUITEDASH};
pub use webhook::{Webhook, WEBHOOK};

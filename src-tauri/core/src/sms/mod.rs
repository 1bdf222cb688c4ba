//! Texting customers, below the window and the command line: a [`SmsText`] checked against
//! RingCentral's limit before anything is sent, the sender chosen among the agent's numbers
//! ([`choose_sender`]), and the outbox that sends every text exactly once, even when written
//! offline ([`send_through_outbox`], [`flush_outbox`]). The request itself is
//! `crate::api::sms`; the outbox rows are `crate::store`'s.

mod error;
mod outbox;
mod reconcile;
mod renewing;
mod sender;
mod text;

pub use error::SmsError;
pub use outbox::{flush_outbox, send_through_outbox, OutboxReport, RECONCILE_GRACE_SECS};
pub use renewing::renewing;
pub use sender::{choose_sender, pick_sender};
pub use text::{SmsText, MAX_SMS_UNITS};

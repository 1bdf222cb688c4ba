//! The defined outcomes a cell can have: what the agent sees of an operation under a fault.

use std::fmt;

use ringdesk_core::Recovery;

/// The way out an error offers the agent ([`Recovery`] without its details, except a wait).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Wait this many seconds, then retry.
    Wait(u64),
    /// RingCentral could not be reached: check the network.
    Offline,
    /// A passing problem: try again.
    Retry,
    /// The session is gone: sign in again.
    SignInAgain,
    /// An answer ringdesk cannot read: report it.
    Report,
    /// It may have happened: check before repeating it.
    Reconcile,
    /// Any other recovery (named in the cell's report).
    Other,
}

impl From<Recovery> for Class {
    fn from(recovery: Recovery) -> Self {
        match recovery {
            Recovery::Wait { seconds } => Class::Wait(seconds),
            Recovery::Offline => Class::Offline,
            Recovery::Retry => Class::Retry,
            Recovery::SignInAgain => Class::SignInAgain,
            Recovery::Report => Class::Report,
            Recovery::Reconcile => Class::Reconcile,
            other => {
                eprintln!("  (another recovery: {other:?})");
                Class::Other
            }
        }
    }
}

/// What an operation comes to under a fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The fault cannot happen to this operation.
    NotApplicable,
    /// Done as if nothing happened (any retry was transparent, no wait of a second or more).
    Succeeds,
    /// Done after waiting this many seconds in all, as RingCentral asked.
    WaitsThenSucceeds(u64),
    /// Not done; the agent is told this way out.
    Fails(Class),
    /// A text kept in the outbox, unsent; the next flush sends it.
    Queued,
    /// A text whose send had an unknown outcome: looked up once the grace has passed, then
    /// settled (found, or sent again).
    UnknownThenReconciled,
    /// A placed call whose progress ringdesk lost: it ends `Unknown` (the call goes on).
    Untracked,
    /// Live texts drop or fail to start, say "reconnecting", and come back by themselves.
    Reconnects,
    /// Live texts fall back to polling.
    Polls,
    /// A link to another origin is refused (never followed); the operation goes on without it.
    LinkRefused,
    /// Something no row of the table names (the cell's report says what).
    Unexpected(&'static str),
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotApplicable => f.write_str("n/a"),
            Self::Succeeds => f.write_str("succeeds"),
            Self::WaitsThenSucceeds(s) => write!(f, "waits {s} s, succeeds"),
            Self::Fails(Class::Wait(s)) => write!(f, "fails: wait {s} s"),
            Self::Fails(class) => write!(f, "fails: {class:?}"),
            Self::Queued => f.write_str("queued"),
            Self::UnknownThenReconciled => f.write_str("unknown, reconciled"),
            Self::Untracked => f.write_str("call status unknown"),
            Self::Reconnects => f.write_str("reconnects"),
            Self::Polls => f.write_str("polls"),
            Self::LinkRefused => f.write_str("link refused"),
            Self::Unexpected(what) => write!(f, "unexpected: {what}"),
        }
    }
}

//! The matrix: for every operation, the defined outcome under every fault kind, in the order of
//! [`kinds::ALL`](crate::kinds::ALL). "n/a" is said explicitly; a test checks that every pair has
//! exactly one entry.

use crate::kinds::FaultKind::{self, *};
use crate::operations::Operation::{self, *};
use crate::outcome::Class::*;
use crate::outcome::Outcome::{self, *};

/// One operation's row.
pub type Row = (Operation, &'static [(FaultKind, Outcome)]);

/// The whole table.
pub const TABLE: &[Row] = &[
    (
        RingOutCreate,
        &[
            (RateLimited, WaitsThenSucceeds(1)),
            (RateLimitedNoRetryAfter, Fails(Wait(30))),
            (RateLimitedForever, Fails(Wait(3600))),
            (Status500, Fails(Reconcile)),
            (Status502, Fails(Reconcile)),
            (Status503, Fails(Reconcile)),
            (Status504, Fails(Reconcile)),
            (Refused, Fails(Offline)),
            (Dropped, Fails(Reconcile)),
            (Stalled, Fails(Reconcile)),
            (Malformed, Fails(Reconcile)),
            (WrongShape, Fails(Reconcile)),
            (HtmlPage, Fails(Reconcile)),
            (TokenExpired, Succeeds),
            (SessionRevoked, Fails(SignInAgain)),
            (SocketDropped, NotApplicable),
            (ClockForward, Succeeds),
            (ClockBack, Succeeds),
            (ForeignLink, NotApplicable),
        ],
    ),
    (
        RingOutPoll,
        &[
            (RateLimited, WaitsThenSucceeds(1)),
            (RateLimitedNoRetryAfter, WaitsThenSucceeds(30)),
            (RateLimitedForever, Untracked),
            (Status500, Succeeds),
            (Status502, Succeeds),
            (Status503, Succeeds),
            (Status504, Succeeds),
            (Refused, Untracked),
            (Dropped, Succeeds),
            (Stalled, Succeeds),
            (Malformed, Succeeds),
            (WrongShape, Succeeds),
            (HtmlPage, Succeeds),
            (TokenExpired, Succeeds),
            (SessionRevoked, Untracked),
            (SocketDropped, NotApplicable),
            (ClockForward, Succeeds),
            (ClockBack, Succeeds),
            (ForeignLink, NotApplicable),
        ],
    ),
    (
        RingOutCancel,
        &[
            (RateLimited, WaitsThenSucceeds(1)),
            (RateLimitedNoRetryAfter, Fails(Wait(30))),
            (RateLimitedForever, Fails(Wait(3600))),
            (Status500, Succeeds),
            (Status502, Succeeds),
            (Status503, Succeeds),
            (Status504, Succeeds),
            (Refused, Fails(Offline)),
            (Dropped, Succeeds),
            (Stalled, Succeeds),
            (Malformed, Succeeds),
            (WrongShape, Succeeds),
            (HtmlPage, Succeeds),
            (TokenExpired, Succeeds),
            (SessionRevoked, Fails(SignInAgain)),
            (SocketDropped, NotApplicable),
            (ClockForward, Succeeds),
            (ClockBack, Succeeds),
            (ForeignLink, NotApplicable),
        ],
    ),
    (
        SmsSend,
        &[
            (RateLimited, WaitsThenSucceeds(1)),
            (RateLimitedNoRetryAfter, Queued),
            (RateLimitedForever, Queued),
            (Status500, UnknownThenReconciled),
            (Status502, UnknownThenReconciled),
            (Status503, UnknownThenReconciled),
            (Status504, UnknownThenReconciled),
            (Refused, Queued),
            (Dropped, UnknownThenReconciled),
            (Stalled, UnknownThenReconciled),
            (Malformed, UnknownThenReconciled),
            (WrongShape, UnknownThenReconciled),
            (HtmlPage, UnknownThenReconciled),
            (TokenExpired, Succeeds),
            (SessionRevoked, Queued),
            (SocketDropped, NotApplicable),
            (ClockForward, Succeeds),
            (ClockBack, Succeeds),
            (ForeignLink, NotApplicable),
        ],
    ),
    (SyncCallLog, SYNC),
    (SyncMessages, SYNC),
    (SyncContacts, SYNC),
    (SyncDirectory, SYNC),
    (
        Subscription,
        &[
            (RateLimited, WaitsThenSucceeds(1)),
            (RateLimitedNoRetryAfter, WaitsThenSucceeds(30)),
            (RateLimitedForever, Polls),
            (Status500, Succeeds),
            (Status502, Succeeds),
            (Status503, Succeeds),
            (Status504, Succeeds),
            (Refused, Reconnects),
            (Dropped, Succeeds),
            (Stalled, Succeeds),
            (Malformed, Reconnects),
            (WrongShape, Reconnects),
            (HtmlPage, Succeeds),
            (TokenExpired, Succeeds),
            (SessionRevoked, Fails(SignInAgain)),
            (SocketDropped, Reconnects),
            (ClockForward, Reconnects),
            (ClockBack, Reconnects),
            (ForeignLink, LinkRefused),
        ],
    ),
    (
        Refresh,
        &[
            (RateLimited, WaitsThenSucceeds(1)),
            (RateLimitedNoRetryAfter, Fails(Wait(30))),
            (RateLimitedForever, Fails(Wait(3600))),
            (Status500, Fails(Retry)),
            (Status502, Fails(Retry)),
            (Status503, Fails(Retry)),
            (Status504, Fails(Retry)),
            (Refused, Fails(Wait(30))),
            (Dropped, Fails(Retry)),
            (Stalled, Fails(Retry)),
            (Malformed, Fails(Retry)),
            (WrongShape, Fails(Retry)),
            (HtmlPage, Fails(Retry)),
            (TokenExpired, Succeeds),
            (SessionRevoked, Fails(SignInAgain)),
            (SocketDropped, NotApplicable),
            (ClockForward, Succeeds),
            (ClockBack, Succeeds),
            (ForeignLink, NotApplicable),
        ],
    ),
];

/// Every sync feed behaves alike: reads, in the background, that may wait a minute.
const SYNC: &[(FaultKind, Outcome)] = &[
    (RateLimited, WaitsThenSucceeds(1)),
    (RateLimitedNoRetryAfter, WaitsThenSucceeds(30)),
    (RateLimitedForever, Fails(Wait(3600))),
    (Status500, Succeeds),
    (Status502, Succeeds),
    (Status503, Succeeds),
    (Status504, Succeeds),
    (Refused, Fails(Offline)),
    (Dropped, Succeeds),
    (Stalled, Succeeds),
    (Malformed, Fails(Report)),
    (WrongShape, Fails(Report)),
    (HtmlPage, Succeeds),
    (TokenExpired, Succeeds),
    (SessionRevoked, Fails(SignInAgain)),
    (SocketDropped, NotApplicable),
    (ClockForward, Succeeds),
    (ClockBack, Succeeds),
    (ForeignLink, Succeeds),
];

/// The outcome the table defines for `operation` under `kind`, if it has an entry.
pub fn expected(operation: Operation, kind: FaultKind) -> Option<Outcome> {
    TABLE
        .iter()
        .filter(|(row, _)| *row == operation)
        .flat_map(|(_, cells)| cells.iter())
        .find(|(k, _)| *k == kind)
        .map(|(_, outcome)| *outcome)
}

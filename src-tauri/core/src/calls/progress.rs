//! Where a RingOut stands, read from RingCentral's three status fields.

use serde::Serialize;

use crate::api::models::RingOutStatusDetail;

/// The phase of a call as an agent sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum CallPhase {
    /// Leg 1: the agent's own phone is ringing.
    RingingYou,
    /// Leg 2: the agent answered; the customer's phone is ringing.
    RingingThem,
    /// Both legs are connected: the call is up.
    Connected,
    /// The connected call has ended.
    Finished,
    /// The call did not connect.
    Failed {
        /// Which leg failed: `you` (the agent's phone) or `them` (the customer).
        leg: Leg,
        /// RingCentral's status (`Busy`, `NoAnswer`, `Rejected`, `CannotReach` …).
        #[serde(rename = "failure")]
        status: String,
    },
    /// The call was cancelled before it connected.
    Cancelled,
    /// ringdesk can no longer tell where the call stands (its status could not be read, or
    /// following it stopped): the agent's phone knows.
    Unknown,
}

/// A leg of a RingOut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Leg {
    /// Leg 1, the agent's "ring me at" phone.
    You,
    /// Leg 2, the customer.
    Them,
}

impl CallPhase {
    /// Whether nothing more will happen to the call.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            Self::Finished | Self::Failed { .. } | Self::Cancelled | Self::Unknown
        )
    }

    /// Whether the call reached the customer (connected or finished after connecting).
    pub fn is_success(&self) -> bool {
        matches!(self, Self::Connected | Self::Finished)
    }

    /// Whether a cancel can still stop the call.
    pub fn is_cancellable(&self) -> bool {
        matches!(self, Self::RingingYou | Self::RingingThem)
    }

    /// The phase's name in a few lowercase words ("ringing your phone", "connected", "failed"),
    /// for a progress column beside the words of [`super::call_words`].
    pub fn label(&self) -> &'static str {
        match self {
            Self::RingingYou => "ringing your phone",
            Self::RingingThem => "ringing the other party",
            Self::Connected => "connected",
            Self::Finished => "ended",
            Self::Cancelled => "cancelled",
            Self::Failed { .. } => "failed",
            Self::Unknown => "status unknown",
        }
    }
}

const FAILURES: [&str; 13] = [
    "Busy",
    "NoAnswer",
    "Rejected",
    "GenericError",
    "InternationalDisabled",
    "DestinationBlocked",
    "NotEnoughFunds",
    "NosuchUser",
    "Error",
    "CannotReach",
    "NoAnsweringMachine",
    "RingOutFromThisNumberIsNotSupported",
    "NoSessionFound",
];

/// The phase for a status.
pub fn phase(status: &RingOutStatusDetail) -> CallPhase {
    let call = status.call_status.as_deref().unwrap_or("InProgress");
    let caller = status.caller_status.as_deref().unwrap_or("InProgress");
    let callee = status.callee_status.as_deref().unwrap_or("InProgress");
    if caller == "Finished" || callee == "Finished" || call == "Finished" {
        return CallPhase::Finished;
    }
    if FAILURES.contains(&call)
        || FAILURES.contains(&caller)
        || FAILURES.contains(&callee)
        || call == "Invalid"
    {
        let leg = if FAILURES.contains(&caller) {
            Leg::You
        } else {
            Leg::Them
        };
        let status = match leg {
            Leg::You => caller,
            Leg::Them if FAILURES.contains(&callee) => callee,
            Leg::Them => call,
        };
        return CallPhase::Failed {
            leg,
            status: status.to_string(),
        };
    }
    match (call, caller, callee) {
        ("Success", "Success", "Success") => CallPhase::Connected,
        (_, "Success", _) => CallPhase::RingingThem,
        _ => CallPhase::RingingYou,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(call: &str, caller: &str, callee: &str) -> RingOutStatusDetail {
        RingOutStatusDetail {
            call_status: Some(call.into()),
            caller_status: Some(caller.into()),
            callee_status: Some(callee.into()),
        }
    }

    #[test]
    fn statuses_map_to_phases() {
        assert_eq!(
            phase(&status("InProgress", "InProgress", "InProgress")),
            CallPhase::RingingYou
        );
        assert_eq!(
            phase(&status("InProgress", "Success", "InProgress")),
            CallPhase::RingingThem
        );
        assert_eq!(
            phase(&status("Success", "Success", "Success")),
            CallPhase::Connected
        );
        assert_eq!(
            phase(&status("Success", "Finished", "Finished")),
            CallPhase::Finished
        );
        assert_eq!(
            phase(&status("Busy", "Success", "Busy")),
            CallPhase::Failed {
                leg: Leg::Them,
                status: "Busy".into()
            },
            "the customer was busy"
        );
        assert_eq!(
            phase(&status("NoAnswer", "NoAnswer", "InProgress")),
            CallPhase::Failed {
                leg: Leg::You,
                status: "NoAnswer".into()
            },
            "the agent's own phone was not answered"
        );
        assert_eq!(
            phase(&status("CannotReach", "Success", "GenericError")),
            CallPhase::Failed {
                leg: Leg::Them,
                status: "GenericError".into()
            }
        );
    }
}

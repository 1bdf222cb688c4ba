//! A RingOut's progress in the words the call bar shows: both legs, a one-line summary and,
//! when it failed, what to do.

use serde::Serialize;

use super::{CallPhase, Leg};

/// The call bar's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallWords {
    /// The agent's leg: "Ringing your mobile…".
    pub you: String,
    /// The customer's leg: "Calling Ana Silva…".
    pub them: String,
    /// One line for toasts and the CLI.
    pub summary: String,
    /// What to do after a failure.
    pub hint: Option<String>,
}

/// The agent's phone in words: the forwarding number's label, or its kind.
pub fn phone_noun(label: Option<&str>, kind: Option<&str>) -> String {
    if let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) {
        // "My Mobile" reads "your My Mobile" after "Ringing": drop the owner's "My".
        let own = label
            .get(..3)
            .filter(|head| head.eq_ignore_ascii_case("my "))
            .map(|_| label[3..].trim_start());
        return match own {
            Some(rest) if !rest.is_empty() => rest.to_lowercase(),
            _ => label.to_string(),
        };
    }
    match kind.unwrap_or_default() {
        "Work" | "PhoneLine" => "desk phone",
        "Mobile" | "BusinessMobilePhone" => "mobile",
        "Home" => "home phone",
        _ => "phone",
    }
    .to_string()
}

/// The words for `phase`, calling `party` and ringing the agent's `phone`.
pub fn call_words(phase: &CallPhase, party: &str, phone: &str) -> CallWords {
    let words = |you: String, them: String, summary: String| CallWords {
        you,
        them,
        summary,
        hint: None,
    };
    match phase {
        CallPhase::RingingYou => words(
            format!("Ringing your {phone}…"),
            format!("Then calling {party}."),
            format!("Ringing your {phone}…"),
        ),
        CallPhase::RingingThem => words(
            "You answered.".into(),
            format!("Calling {party}…"),
            format!("Calling {party}…"),
        ),
        CallPhase::Connected => words(
            "Connected".into(),
            format!("{party} answered."),
            format!("Connected to {party}"),
        ),
        CallPhase::Finished => words("Call ended".into(), String::new(), "Call ended".into()),
        CallPhase::Cancelled => words("Cancelled".into(), String::new(), "Call cancelled".into()),
        CallPhase::Unknown => CallWords {
            you: "Status unknown".into(),
            them: String::new(),
            summary: "Call status unknown — check your phone".into(),
            hint: Some(
                "ringdesk lost track of this call; your phone shows how it goes, and History \
                 shows it after the next sync."
                    .into(),
            ),
        },
        CallPhase::Failed {
            leg: Leg::You,
            status,
        } => {
            let you = match status.as_str() {
                "Busy" => format!("Your {phone} was busy"),
                "NoAnswer" => format!("Your {phone} did not answer"),
                "Rejected" => format!("Your {phone} declined the call"),
                _ => format!("Your {phone} could not be reached"),
            };
            CallWords {
                them: format!("{party} was not called."),
                summary: you.clone(),
                you,
                hint: Some(format!(
                    "Answer your {phone} when it rings, or pick another \"Ring me at\" phone."
                )),
            }
        }
        CallPhase::Failed {
            leg: Leg::Them,
            status,
        } => {
            let (them, hint) = match status.as_str() {
                "Busy" => ("Busy", "Try again in a few minutes, or send a text."),
                "NoAnswer" => ("No answer", "Try again later, or send a text."),
                "Rejected" => (
                    "Declined",
                    "They declined the call; try later or send a text.",
                ),
                "InternationalDisabled" => (
                    "International calling is disabled",
                    "Ask your RingCentral admin to enable international calling.",
                ),
                "DestinationBlocked" => (
                    "Calls to this number are blocked",
                    "Ask your RingCentral admin about blocked destinations.",
                ),
                "CannotReach" | "NosuchUser" => (
                    "This number cannot be reached",
                    "Check the number, then try again.",
                ),
                _ => (
                    "The call failed",
                    "Try again; if it keeps failing, check the number.",
                ),
            };
            CallWords {
                you: "You answered.".into(),
                them: them.to_string(),
                summary: format!("{party}: {them}"),
                hint: Some(hint.to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(leg: Leg, status: &str) -> CallPhase {
        CallPhase::Failed {
            leg,
            status: status.into(),
        }
    }

    #[test]
    fn both_legs_are_told_in_words() {
        let ringing = call_words(&CallPhase::RingingYou, "Ana Silva", "desk phone");
        assert_eq!(ringing.you, "Ringing your desk phone…");
        let calling = call_words(&CallPhase::RingingThem, "Ana Silva", "desk phone");
        assert_eq!(calling.them, "Calling Ana Silva…");
        assert_eq!(
            call_words(&CallPhase::Connected, "Ana", "mobile").you,
            "Connected"
        );
    }

    #[test]
    fn failures_say_which_leg_and_what_to_do() {
        let busy = call_words(&failed(Leg::Them, "Busy"), "+1 650-555-0150", "mobile");
        assert_eq!(busy.them, "Busy");
        assert_eq!(busy.summary, "+1 650-555-0150: Busy");
        assert!(busy.hint.is_some(), "a failure always says what to do next");
        let missed = call_words(&failed(Leg::You, "NoAnswer"), "Ana", "mobile");
        assert_eq!(
            missed.you, "Your mobile did not answer",
            "the agent's own leg failed"
        );
        let blocked = call_words(&failed(Leg::Them, "InternationalDisabled"), "Ana", "mobile");
        assert!(blocked.hint.as_deref().is_some_and(|h| h.contains("admin")));
    }

    #[test]
    fn phones_are_named_by_label_then_kind() {
        assert_eq!(phone_noun(Some("Desk Phone"), Some("Work")), "Desk Phone");
        assert_eq!(
            phone_noun(Some("My Mobile"), Some("Mobile")),
            "mobile",
            "not 'your My Mobile'"
        );
        assert_eq!(
            phone_noun(Some("My"), None),
            "My",
            "a label that is only 'My' stays"
        );
        assert_eq!(phone_noun(None, Some("Mobile")), "mobile");
        assert_eq!(phone_noun(Some("  "), Some("Work")), "desk phone");
        assert_eq!(phone_noun(None, None), "phone");
    }
}

//! A text a customer just sent, as the desktop announces it.

use serde::Serialize;

use crate::realtime::InboundSms;

/// The longest preview of a text, in characters; longer texts end with "…".
pub const PREVIEW_CHARS: usize = 200;

/// A text a customer just sent: what the notification shows, and the thread a click opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewText {
    /// RingCentral's message id (one notification per id, ever).
    pub message_id: i64,
    /// The sender's number (E.164): what opens the thread.
    pub number: String,
    /// Contact name, else caller ID, else the number.
    pub sender: String,
    /// The text.
    pub text: String,
}

impl NewText {
    /// The announcement of an inbound text the realtime inbox claimed.
    pub(crate) fn of(sms: &InboundSms) -> Self {
        Self {
            message_id: sms.message_id,
            number: sms
                .from
                .key
                .clone()
                .unwrap_or_else(|| sms.from.number.clone()),
            sender: sms.sender_name().to_string(),
            text: sms.text.clone(),
        }
    }

    /// The text for a notification: whitespace runs folded to one space, control characters
    /// dropped, at most [`PREVIEW_CHARS`] characters (then "…").
    pub fn preview(&self) -> String {
        let text = &self.text;
        let mut folded = String::with_capacity(text.len().min(PREVIEW_CHARS * 4));
        let mut count = 0;
        let mut words = text.split_whitespace().peekable();
        'words: while let Some(word) = words.next() {
            for c in word.chars().filter(|c| !c.is_control()) {
                if count == PREVIEW_CHARS {
                    folded.push('…');
                    break 'words;
                }
                folded.push(c);
                count += 1;
            }
            if words.peek().is_some() {
                if count == PREVIEW_CHARS {
                    folded.push('…');
                    break;
                }
                folded.push(' ');
                count += 1;
            }
        }
        folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preview(text: &str) -> String {
        NewText {
            message_id: 1,
            number: "+14155550123".into(),
            sender: "Ana".into(),
            text: text.into(),
        }
        .preview()
    }

    #[test]
    fn long_texts_are_cut_on_a_character_boundary() {
        let shown = preview(&"é".repeat(500));
        assert_eq!(
            shown.chars().count(),
            PREVIEW_CHARS + 1,
            "the limit plus the ellipsis"
        );
        assert!(shown.ends_with('…'));
        assert_eq!(preview("short one"), "short one", "short texts stay whole");
    }

    #[test]
    fn whitespace_folds_and_control_characters_go() {
        assert_eq!(preview("  Hi\n\n there\t\u{7}you "), "Hi there you");
    }
}

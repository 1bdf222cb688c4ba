//! Why a text could not be sent.

use crate::api::ApiError;
use crate::phone::PhoneError;
use crate::recovery::Recovery;

use super::MAX_SMS_UNITS;

/// Why a text could not be sent.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SmsError {
    /// The text is empty.
    #[error("the message is empty")]
    Empty,
    /// The text is over RingCentral's limit.
    #[error("the message is {units} units long; RingCentral takes at most {MAX_SMS_UNITS}")]
    TooLong {
        /// Its length in UTF-16 code units (emoji count twice).
        units: usize,
    },
    /// The extension has no number that can send SMS.
    #[error("none of your RingCentral numbers can send SMS")]
    NoSender,
    /// A number is not usable.
    #[error(transparent)]
    Number(#[from] PhoneError),
    /// RingCentral refused or failed.
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl SmsError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Empty | Self::TooLong { .. } => Recovery::FixInput,
            Self::NoSender => Recovery::AskAdmin {
                permission: "SMS (an SmsSender number)".into(),
            },
            Self::Number(_) => Recovery::CheckNumber,
            Self::Api(e) => e.recovery(),
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::TooLong { .. } => "Shorten the message or send it in two parts.".into(),
            Self::Empty => "Write something to send.".into(),
            Self::Number(e) => e.hint().into(),
            Self::Api(ApiError::UnknownOutcome { .. }) => {
                "The text may have been sent: check the conversation before sending it again."
                    .into()
            }
            _ => self.recovery().hint(),
        }
    }
}

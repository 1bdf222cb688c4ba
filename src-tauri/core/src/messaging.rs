//! Sending SMS: the 1000-UTF-16-unit limit checked before sending, segment count, and the sender
//! chosen among the extension's `SmsSender` numbers when none is given.

use serde::Serialize;

use crate::api::models::{Message, PhoneNumber};
use crate::api::phone_numbers::list_phone_numbers;
use crate::api::ringout::PhoneRef;
use crate::api::sms::{create_sms, CreateSms};
use crate::api::{ApiError, Client};
use crate::phone::{NormalizedNumber, PhoneError};
use crate::recovery::Recovery;

/// RingCentral's limit on one SMS text, in UTF-16 code units.
pub const MAX_SMS_UNITS: usize = 1000;

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

/// A text that fits RingCentral's limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SmsText {
    text: String,
    units: usize,
}

impl SmsText {
    /// Checks `text` (empty and over-long texts are refused before anything is sent).
    pub fn new(text: &str) -> Result<Self, SmsError> {
        if text.trim().is_empty() {
            return Err(SmsError::Empty);
        }
        let units = text.encode_utf16().count();
        if units > MAX_SMS_UNITS {
            return Err(SmsError::TooLong { units });
        }
        Ok(Self {
            text: text.to_string(),
            units,
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in UTF-16 code units, as RingCentral counts.
    pub fn units(&self) -> usize {
        self.units
    }

    /// Carrier segments: 160 GSM-7 characters (153 when split), otherwise 70 (67) UCS-2 units.
    pub fn segments(&self) -> usize {
        let (single, part) = if is_gsm7(&self.text) {
            (160, 153)
        } else {
            (70, 67)
        };
        let length = if is_gsm7(&self.text) {
            self.text
                .chars()
                .map(|c| if "^{}\\[~]|€".contains(c) { 2 } else { 1 })
                .sum()
        } else {
            self.units
        };
        if length <= single {
            1
        } else {
            length.div_ceil(part)
        }
    }
}

fn is_gsm7(text: &str) -> bool {
    const EXTRA: &str =
        "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€\n\r ";
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || EXTRA.contains(c))
}

/// The sender: `preferred` if given (RingCentral checks it), else the primary `SmsSender` number,
/// else the first one.
pub async fn choose_sender(client: &Client, preferred: Option<&str>) -> Result<String, SmsError> {
    if let Some(number) = preferred {
        return Ok(number.to_string());
    }
    let numbers = list_phone_numbers(client).await?;
    pick_sender(&numbers).ok_or(SmsError::NoSender)
}

/// The best `SmsSender` number of a list.
pub fn pick_sender(numbers: &[PhoneNumber]) -> Option<String> {
    let senders = || numbers.iter().filter(|n| n.has("SmsSender"));
    senders()
        .find(|n| n.primary)
        .or_else(|| senders().next())
        .map(|n| n.phone_number.clone())
}

/// Sends `text` from `from` to `to`. Never repeated after an ambiguous failure.
pub async fn send_sms(
    client: &Client,
    from: &str,
    to: &NormalizedNumber,
    text: &SmsText,
) -> Result<Message, SmsError> {
    let request = CreateSms {
        from: PhoneRef {
            phone_number: from.to_string(),
        },
        to: vec![PhoneRef {
            phone_number: to.e164().to_string(),
        }],
        text: text.as_str().to_string(),
    };
    Ok(create_sms(client, &request).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_counts_utf16_units_and_segments() {
        assert!(matches!(SmsText::new("  "), Err(SmsError::Empty)));
        let emoji = "😀".repeat(500);
        assert_eq!(
            SmsText::new(&emoji).map(|t| t.units()).ok(),
            Some(1000),
            "an emoji is two units"
        );
        assert!(
            matches!(
                SmsText::new(&format!("{emoji}a")),
                Err(SmsError::TooLong { units: 1001 })
            ),
            "1001 units are refused before sending"
        );
        assert_eq!(
            SmsText::new(&"a".repeat(160)).map(|t| t.segments()).ok(),
            Some(1)
        );
        assert_eq!(
            SmsText::new(&"a".repeat(161)).map(|t| t.segments()).ok(),
            Some(2),
            "153 per part"
        );
        assert_eq!(
            SmsText::new(&"ü".repeat(80)).map(|t| t.segments()).ok(),
            Some(1),
            "ü is GSM-7"
        );
        assert_eq!(
            SmsText::new(&"ж".repeat(71)).map(|t| t.segments()).ok(),
            Some(2),
            "Cyrillic is UCS-2"
        );
    }

    #[test]
    fn the_primary_sms_number_is_preferred() {
        let number = |phone: &str, features: &[&str], primary: bool| PhoneNumber {
            phone_number: phone.into(),
            features: features.iter().map(|f| f.to_string()).collect(),
            primary,
            ..Default::default()
        };
        let numbers = [
            number("+16505550100", &["CallerId"], false),
            number("+16505550102", &["SmsSender"], false),
            number("+16505550101", &["CallerId", "SmsSender"], true),
        ];
        assert_eq!(pick_sender(&numbers).as_deref(), Some("+16505550101"));
        assert_eq!(
            pick_sender(&numbers[..1]),
            None,
            "a caller-ID-only number cannot text"
        );
    }
}

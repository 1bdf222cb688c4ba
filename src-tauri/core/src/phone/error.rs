//! Why a number or link was rejected, in words an agent understands.

/// Why a phone number or link could not be read, resolved or normalised.
///
/// Every variant's message names the problem (and where it is, when that helps); [`hint`](Self::hint)
/// says what the agent can do about it. Positions count characters from 1 within the part being
/// read (the whole text, or the number part of a link).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneError {
    /// Nothing was given, or only white space.
    #[error("no phone number was given")]
    Empty,
    /// The raw input is longer than any real number or link.
    #[error("the input is {len} bytes long; ringdesk reads at most {max}")]
    TooLong {
        /// The length of the input, in bytes.
        len: usize,
        /// The limit that applied.
        max: usize,
    },
    /// An invisible control character (including %-encoded ones and bidi overrides).
    #[error(
        "the input contains an invisible control character (U+{code:04X}) at position {position}"
    )]
    ControlCharacter {
        /// The character's Unicode code point.
        code: u32,
        /// Where it is.
        position: usize,
    },
    /// An emoji, e.g. a ☎ or a flag pasted from a signature.
    #[error(
        "the input contains an emoji ({emoji}) at position {position}; a phone number has none"
    )]
    Emoji {
        /// The emoji (or the emoji part) found.
        emoji: char,
        /// Where it is.
        position: usize,
    },
    /// A character that has no place in a phone number.
    #[error("{character:?} at position {position} cannot be part of a phone number")]
    InvalidCharacter {
        /// The character found.
        character: char,
        /// Where it is.
        position: usize,
    },
    /// Only separators, spaces or a lone `+`: no digit at all.
    #[error("the input has no digits")]
    NoDigits,
    /// A `+` after the first digit, e.g. two numbers pasted together.
    #[error("a '+' can only start a number, but one appears at position {position}")]
    MisplacedPlus {
        /// Where it is.
        position: usize,
    },
    /// A list of numbers (`650-555-0100, 650-555-0101`) where one was expected.
    #[error("the text holds more than one phone number")]
    SeveralNumbers,
    /// A word that is neither keypad letters, an extension marker nor a trailing note.
    #[error("{word:?} is text, not part of a phone number")]
    UnexpectedText {
        /// The word (at most 24 characters of it).
        word: String,
    },
    /// More digits than any phone number has.
    #[error("the number has {digits} digits; a phone number has at most {max}")]
    TooManyDigits {
        /// How many digits were found (counting stops shortly after the limit).
        digits: usize,
        /// The limit.
        max: usize,
    },
    /// An extension that is not 1 to 15 digits.
    #[error("the extension {value:?} is not valid: an extension is 1 to 15 digits")]
    InvalidExtension {
        /// The extension as written (at most 24 characters of it).
        value: String,
    },
    /// Post-dial DTMF with characters a keypad cannot send, or too long.
    #[error("the post-dial digits {value:?} are not valid")]
    InvalidPostDial {
        /// The post-dial part as written (at most 24 characters of it).
        value: String,
    },
    /// A star or hash service code such as `*67` or `#31#`.
    #[error("{code:?} is a service code, which ringdesk cannot dial")]
    ServiceCode {
        /// The code as written (at most 24 characters of it).
        code: String,
    },
    /// The same thing given twice with different values, e.g. `*101` and `;ext=102`.
    #[error("the input gives two different {what}s")]
    Conflict {
        /// What was given twice: "extension", "post-dial sequence" …
        what: &'static str,
    },
    /// A number was passed where a link was expected.
    #[error("this is not a link: it has no scheme such as tel:")]
    MissingScheme,
    /// A link whose scheme ringdesk does not dial.
    #[error("ringdesk does not open {scheme:?} links")]
    UnsupportedScheme {
        /// The scheme, lower-cased (at most 24 characters of it).
        scheme: String,
    },
    /// A `%` not followed by two hex digits, or escapes that are not UTF-8.
    #[error("the link has a broken %-escape at position {position}")]
    BadPercentEncoding {
        /// Where the escape starts.
        position: usize,
    },
    /// A `phone-context` that is neither a domain name nor a `+` prefix.
    #[error("phone-context {value:?} is neither a domain name nor a +number prefix")]
    InvalidPhoneContext {
        /// The value as written (at most 24 characters of it).
        value: String,
    },
    /// An `sms:` link with more recipients than allowed (or several where one is needed).
    #[error("the link names {count} recipients; at most {max} can be used here")]
    TooManyRecipients {
        /// How many recipients the link names.
        count: usize,
        /// How many are allowed.
        max: usize,
    },
    /// A default country that is not an ISO 3166 alpha-2 code with numbering metadata.
    #[error("{code:?} is not a two-letter country code that ringdesk knows")]
    UnknownCountry {
        /// The code as given (at most 24 characters of it).
        code: String,
    },
    /// A `+` number whose first digits are no country calling code.
    #[error("{number} does not start with a valid country calling code")]
    InvalidCountryCode {
        /// The number as dialled.
        number: String,
    },
    /// Too few digits to be an outside number (and too many or too few to be an extension).
    #[error("{number} is too short to be a phone number")]
    TooShort {
        /// The number as dialled.
        number: String,
    },
    /// The numbering metadata cannot read these digits as a number at all.
    #[error("{number} cannot be read as a phone number")]
    NotANumber {
        /// The number as dialled.
        number: String,
    },
    /// A short number that is an internal extension, where an outside number was needed.
    #[error("{extension} is an internal extension, not an outside number")]
    InternalExtension {
        /// The extension.
        extension: String,
    },
    /// An emergency number. ringdesk places RingOut calls, which must never be trusted with these.
    #[error("{number} is an emergency number; ringdesk cannot place emergency calls")]
    EmergencyNumber {
        /// The number as dialled.
        number: String,
    },
}

impl PhoneError {
    /// What the agent can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Empty => "Type or paste a phone number, e.g. +1 650 555 0100.",
            Self::TooLong { .. } => "Paste only the phone number, not a whole page or message.",
            Self::ControlCharacter { .. } => {
                "Paste the number again as plain text on one line, or type it."
            }
            Self::Emoji { .. } => "Remove the emoji and keep only the number.",
            Self::InvalidCharacter { .. } => {
                "Use digits, spaces, - . ( ) and one leading + for the country code."
            }
            Self::NoDigits => "Type or paste the digits of the number.",
            Self::MisplacedPlus { .. } => {
                "Keep a single + before the country code; paste one number at a time."
            }
            Self::SeveralNumbers => "Paste one number at a time.",
            Self::UnexpectedText { .. } => {
                "Paste just the number; keypad letters such as 1-800-FLOWERS are fine."
            }
            Self::TooManyDigits { .. } => {
                "Check for two numbers run together or digits typed twice."
            }
            Self::InvalidExtension { .. } => "Write the extension as digits, e.g. x 101.",
            Self::InvalidPostDial { .. } => {
                "Use digits, * and # after the pause, e.g. +1 650 555 0100,,22."
            }
            Self::ServiceCode { .. } => {
                "Dial the plain number; set caller ID or forwarding in RingCentral instead."
            }
            Self::Conflict { .. } => "Keep one of the two values and try again.",
            Self::MissingScheme => "Enter the number in the dial field instead.",
            Self::UnsupportedScheme { .. } => {
                "ringdesk opens tel:, callto: and sms: links; open this one with its own app."
            }
            Self::BadPercentEncoding { .. } => {
                "The page made a broken link; copy the number itself and paste it."
            }
            Self::InvalidPhoneContext { .. } => {
                "Remove the phone-context, or write the number with + and its country code."
            }
            Self::TooManyRecipients { .. } => "Send to fewer recipients at a time.",
            Self::UnknownCountry { .. } => {
                "Use a two-letter ISO code such as US, GB or DE in the home-country setting."
            }
            Self::InvalidCountryCode { .. } => {
                "Check the digits after the +: the country code comes first (+1, +44, +49 …)."
            }
            Self::TooShort { .. } => {
                "Add the area code, or write the number with + and its country code."
            }
            Self::NotANumber { .. } => {
                "Check the digits, or write the number with + and its country code."
            }
            Self::InternalExtension { .. } => {
                "Call it as an extension of your RingCentral account, or enter the full number."
            }
            Self::EmergencyNumber { .. } => {
                "Call emergency services from a phone right away, not through ringdesk."
            }
        }
    }
}

/// Shortens a quoted value so that an error message stays readable whatever was pasted.
pub(crate) fn excerpt(value: &str) -> String {
    const MAX_CHARS: usize = 24;
    match value.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_keeps_short_values_and_cuts_long_ones_on_a_char_boundary() {
        assert_eq!(excerpt("x12"), "x12");
        let long = "é".repeat(30);
        assert_eq!(
            excerpt(&long).chars().count(),
            25,
            "24 characters and an ellipsis"
        );
    }

    #[test]
    fn every_message_reads_as_a_sentence_and_every_hint_is_an_instruction() {
        let samples = [
            PhoneError::TooLong {
                len: 10_000,
                max: 512,
            },
            PhoneError::Emoji {
                emoji: '☎',
                position: 1,
            },
            PhoneError::EmergencyNumber {
                number: "911".into(),
            },
        ];
        for error in samples {
            assert!(!error.to_string().is_empty());
            assert!(
                error.hint().ends_with('.'),
                "hint for {error:?} is a sentence"
            );
        }
        assert_eq!(
            PhoneError::TooLong {
                len: 10_000,
                max: 512
            }
            .to_string(),
            "the input is 10000 bytes long; ringdesk reads at most 512"
        );
    }
}

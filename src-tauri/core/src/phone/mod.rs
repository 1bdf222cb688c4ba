//! Phone numbers and links: `tel:` / `callto:` / `sms:` parsing, pasted text, E.164 normalisation,
//! display formats, validity and matching.
//!
//! Everything here is pure: no I/O, no clock, no global state besides Google's numbering metadata
//! (through the `phonenumber` crate). Every input is treated as untrusted.
//!
//! The flow is always the same:
//!
//! 1. **Read** what arrived: [`parse_link`] for a link the OS handed over, [`parse_input`] for text
//!    the agent pasted or typed. Both produce a [`DialTarget`]: the digits as written, with the
//!    extension, post-dial DTMF and `phone-context` kept apart and nothing dropped.
//! 2. **Resolve** it against the agent's home country ([`Country`], from RingCentral's
//!    `regionalSettings.homeCountry`): [`resolve`] says whether it is an outside number
//!    ([`Destination::External`] with a [`NormalizedNumber`]) or an internal extension
//!    ([`Destination::Internal`]); [`normalize`] is the shortcut when only outside numbers make sense.
//! 3. **Compare** with [`numbers_match`] or the stored [`MatchKey`].
//!
//! Every rejection is a [`PhoneError`] whose message names the problem and whose
//! [`hint`](PhoneError::hint) says what to do about it.
//!
//! # Behaviour decisions
//!
//! - **Nothing is dropped or guessed.** Extensions (`x 12`, `ext. 227`, `;ext=`, RingCentral's
//!   `*101` / `#101` after a number) and post-dial DTMF (`,`, `p`, `w`, `;postd=`) are kept apart
//!   from the number, never folded into it. Two different extensions are a
//!   [`PhoneError::Conflict`], not a choice.
//! - **Short numbers** without `+`: 3–6 digits not starting with `0` (`101`, `*227`, `ext. 227`)
//!   are internal extensions ([`Destination::Internal`]); emergency numbers of the home country
//!   (and 112 / 911 everywhere) are refused, never dialled as an extension.
//! - **`phone-context`**: a `+` prefix completes a local number; a domain marks a private plan
//!   (short numbers are extensions, others use the home country); on a `+` number it is ignored.
//!   Without one, the home country applies — what real links need.
//! - **Letters** spell digits on the E.161 keypad where they continue a number (`1-800-FLOWERS`,
//!   `1 800 FLOWERS`); a word after a complete number is a note and ignored (`(mobile)`); any other
//!   word is an error, so `650-555-0100 or …` is never dialled as digits.
//! - **`;isub=`** is kept for display ([`DialTarget::subaddress`]) and never dialled; other unknown
//!   parameters are ignored.
//! - **Limits**: input is capped at [`MAX_INPUT_BYTES`] ([`MAX_SMS_LINK_BYTES`] for `sms:` links,
//!   whose body may be long) before it is read; control characters, bidi overrides and emoji are
//!   rejected; invisible marks and Unicode spaces and dashes are separators.
//!
//! ```
//! use ringdesk_core::phone::{self, Country, Link};
//!
//! let us: Country = "US".parse().unwrap();
//! let Link::Call(target) = phone::parse_link("tel:+1-650-555-0100;ext=101").unwrap() else {
//!     unreachable!("a tel: link is a call");
//! };
//! let number = phone::normalize(&target, us).unwrap();
//! assert_eq!(number.e164(), "+16505550100");
//! assert_eq!(number.extension(), Some("101"));
//! assert_eq!(number.to_string(), "+1 650-555-0100 ext. 101");
//! ```

mod chars;
mod country;
mod dial_string;
mod emergency;
mod error;
mod finding;
mod keypad;
mod link;
mod matching;
mod normalize;
mod number;
mod numbering;
mod percent;
mod screen;
mod sms;
mod subscriber;
mod target;
mod text;

#[cfg(test)]
mod tests;

pub use country::Country;
pub use error::PhoneError;
pub use finding::{find_numbers, FoundNumber, MOST_FOUND};
pub use link::parse_link;
pub use matching::{numbers_match, MatchKey};
pub use normalize::{normalize, resolve, Destination};
pub use number::{DisplayFormat, NormalizedNumber, NumberType, Validity, ValidityIssue};
pub use target::{DialTarget, Link, PhoneContext};
pub use text::parse_input;

/// The longest pasted text or `tel:` / `callto:` link accepted, in bytes.
///
/// A real number with an extension and parameters fits in well under 100 bytes; anything longer is
/// a mistake or an attack and is rejected before it is read.
pub const MAX_INPUT_BYTES: usize = 512;

/// The longest `sms:` link accepted, in bytes: the recipients part still obeys
/// [`MAX_INPUT_BYTES`], the rest leaves room for a prefilled message body.
pub const MAX_SMS_LINK_BYTES: usize = 4096;

/// The most digits a number may have before its extension (E.164 allows 15; the rest leaves room
/// for an international dialling prefix such as `011` and a written trunk prefix `(0)`).
pub const MAX_NUMBER_DIGITS: usize = 20;

/// The most digits an extension may have.
pub const MAX_EXTENSION_DIGITS: usize = 15;

/// The most characters of post-dial DTMF (digits and pauses) kept.
pub const MAX_POST_DIAL_CHARS: usize = 40;

/// The most recipients one `sms:` link may name.
pub const MAX_SMS_RECIPIENTS: usize = 10;

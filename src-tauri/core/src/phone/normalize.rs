//! From a [`DialTarget`] to where the call goes: an outside number in E.164, or an extension.
//!
//! Decisions, in order, for a number written without `+`:
//!
//! 1. An emergency number of the home country (or 112 / 911) is refused with
//!    [`PhoneError::EmergencyNumber`]: RingOut rings the agent's own phone first and cannot be
//!    trusted with these, and it must never reach a colleague's extension instead.
//! 2. A bare 3- to 6-digit number not starting with `0` (`101`, `2270`) is an internal extension of
//!    the agent's RingCentral account, as RingCentral itself treats short dialled digits. Outside
//!    numbers start at 7 digits (a US local number, `555-0100`), and a local number without its
//!    area code cannot be placed by RingOut anyway. A `phone-context` domain (a private plan) does
//!    not change this; a `phone-context` `+` prefix does, since it makes the number global.
//!    An extension marked as one (`ext. 227`, `*227`) may have 1 to 8 digits.
//! 3. Everything else goes to Google's numbering metadata with the home country as default:
//!    national prefixes (`0`, `1`), international prefixes (`00`, `011`) and `(0)` are understood.

use serde::Serialize;

use super::target::{DialTarget, PhoneContext};
use super::{emergency, numbering, Country, NormalizedNumber, PhoneError};

/// How many digits a bare number may have to be read as an internal extension.
const INTERNAL_EXTENSION_DIGITS: std::ops::RangeInclusive<usize> = 3..=6;

/// How many digits an extension written as one (`ext. 227`, `*227`) may have: RingCentral's
/// extension numbers, with a site code in front.
const MAX_MARKED_EXTENSION_DIGITS: usize = 8;

/// Where a dial target leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Destination {
    /// A number on the public network.
    External(NormalizedNumber),
    /// An extension of the agent's own RingCentral account (`101`, `*227`, `ext. 227`).
    Internal {
        /// The extension number, digits only.
        extension: String,
        /// DTMF to send once connected, as for an outside number.
        post_dial: Option<String>,
    },
}

/// Resolves `target` against the home country `default_country` (RingCentral's
/// `regionalSettings.homeCountry`, or the agent's override).
///
/// ```
/// use ringdesk_core::phone::{parse_input, resolve, Country, Destination};
///
/// let us: Country = "US".parse().unwrap();
/// let extension = resolve(&parse_input("101").unwrap(), us).unwrap();
/// assert_eq!(extension, Destination::Internal { extension: "101".into(), post_dial: None });
/// let Destination::External(number) = resolve(&parse_input("650.555.0100").unwrap(), us).unwrap()
/// else { unreachable!("ten digits are an outside number") };
/// assert_eq!(number.e164(), "+16505550100");
/// ```
pub fn resolve(target: &DialTarget, default_country: Country) -> Result<Destination, PhoneError> {
    let digits = target.number();
    let internal = |extension: &str| Destination::Internal {
        extension: extension.to_owned(),
        post_dial: target.post_dial().map(str::to_owned),
    };
    if digits.is_empty() {
        return match target.extension() {
            Some(extension) if extension.len() <= MAX_MARKED_EXTENSION_DIGITS => {
                Ok(internal(extension))
            }
            Some(extension) => Err(PhoneError::InvalidExtension {
                value: extension.to_owned(),
            }),
            None => Err(PhoneError::NoDigits),
        };
    }
    let prefix = match target.phone_context() {
        Some(PhoneContext::Prefix(prefix)) if !target.is_global() => Some(prefix.as_str()),
        _ => None,
    };
    if !target.is_global() {
        if emergency::is_emergency(digits, default_country) {
            return Err(PhoneError::EmergencyNumber {
                number: digits.to_owned(),
            });
        }
        if prefix.is_none() && is_internal_extension(digits) {
            if target.extension().is_some() {
                return Err(PhoneError::Conflict { what: "extension" });
            }
            return Ok(internal(digits));
        }
    }
    let dialled = match prefix {
        Some(prefix) => format!("{prefix}{digits}"),
        None => digits.to_owned(),
    };
    let number = numbering::normalize(&dialled, default_country, target)?;
    if numbering::is_emergency(&number) {
        // `+1 911`, `+44 999`: the same emergency numbers, written with a country code.
        return Err(PhoneError::EmergencyNumber {
            number: number.e164().to_owned(),
        });
    }
    Ok(Destination::External(number))
}

/// Resolves `target` to an outside number; an internal extension is an
/// [`PhoneError::InternalExtension`].
///
/// The result is idempotent: normalising its own [`e164`](NormalizedNumber::e164) gives it back.
pub fn normalize(
    target: &DialTarget,
    default_country: Country,
) -> Result<NormalizedNumber, PhoneError> {
    match resolve(target, default_country)? {
        Destination::External(number) => Ok(number),
        Destination::Internal { extension, .. } => Err(PhoneError::InternalExtension { extension }),
    }
}

fn is_internal_extension(digits: &str) -> bool {
    INTERNAL_EXTENSION_DIGITS.contains(&digits.len()) && !digits.starts_with('0')
}

//! The bridge to Google's numbering metadata (the `phonenumber` crate).
//!
//! It is only ever handed clean digit strings (`+` and digits, at most
//! [`MAX_NUMBER_DIGITS`](super::MAX_NUMBER_DIGITS) plus a context prefix): the lenient reading of
//! what people write happens in ringdesk's own parsers, which are fuzzed.
//!
//! `phonenumber` 0.3.10 has defects that are worked around here rather than inherited (each is
//! pinned by a test): see [`reading`] for digits it drops or adds, and [`classify`] for Italian
//! numbers losing their region.

mod classify;
mod reading;

use std::fmt::Write as _;

use phonenumber::{Mode, ParseError, PhoneNumber};

use phonenumber::metadata::DATABASE;

use super::target::DialTarget;
use super::{emergency, Country, NormalizedNumber, PhoneError};

/// The most digits of a national significant number the metadata knows (libphonenumber's limit).
const MAX_NATIONAL_DIGITS: usize = 17;

/// Normalises `dialled` (`+` and digits, or digits as dialled in `country`), carrying over the
/// extension and post-dial DTMF of `target`.
pub(crate) fn normalize(
    dialled: &str,
    country: Country,
    target: &DialTarget,
) -> Result<NormalizedNumber, PhoneError> {
    let reading = reading::read(dialled, country).map_err(|e| parse_error(&e, dialled))?;
    let e164 = reading.e164();
    let classified = classify::classify(reading.calling_code, &reading.national);
    let format = |mode| match &reading.parsed {
        Some(parsed) => format(parsed, mode, &e164),
        None => plain(mode, reading.calling_code, &reading.national),
    };
    Ok(NormalizedNumber {
        extension: target.extension().map(str::to_owned),
        post_dial: target.post_dial().map(str::to_owned),
        country: classified.region,
        calling_code: reading.calling_code,
        national: format(Mode::National),
        international: format(Mode::International),
        rfc3966: format(Mode::Rfc3966),
        validity: classified.validity,
        number_type: classified.number_type,
        e164,
    })
}

/// Whether `number` is an emergency number of its country (`+1 911`, `+44 999`); a number that
/// fits no region is judged by the main region of its calling code.
pub(crate) fn is_emergency(number: &NormalizedNumber) -> bool {
    let national = number
        .e164()
        .get(1 + number.calling_code().to_string().len()..)
        .unwrap_or_default();
    let region = number.country().or_else(|| {
        let main = DATABASE
            .by_code(&number.calling_code())?
            .into_iter()
            .next()?;
        main.id().parse().ok().map(Country::from_id)
    });
    region.is_some_and(|region| emergency::is_emergency(national, region))
}

/// Formats through the metadata, falling back to E.164 if it has no format for the number.
fn format(number: &PhoneNumber, mode: Mode, e164: &str) -> String {
    let mut out = String::new();
    match write!(out, "{}", number.format().mode(mode)) {
        Ok(()) if !out.is_empty() => out,
        _ if mode == Mode::Rfc3966 => format!("tel:{e164}"),
        _ => e164.to_owned(),
    }
}

/// Unformatted forms, for digits the metadata could not take as they are.
fn plain(mode: Mode, calling_code: u16, national: &str) -> String {
    match mode {
        Mode::National => national.to_owned(),
        Mode::International => format!("+{calling_code} {national}"),
        Mode::Rfc3966 => format!("tel:+{calling_code}-{national}"),
        Mode::E164 => format!("+{calling_code}{national}"),
    }
}

fn parse_error(error: &ParseError, dialled: &str) -> PhoneError {
    let number = dialled.to_owned();
    match error {
        ParseError::InvalidCountryCode => PhoneError::InvalidCountryCode { number },
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => PhoneError::TooShort { number },
        ParseError::TooLong => PhoneError::TooManyDigits {
            digits: dialled.bytes().filter(u8::is_ascii_digit).count(),
            max: MAX_NATIONAL_DIGITS,
        },
        ParseError::NoNumber | ParseError::MalformedInteger(_) => PhoneError::NotANumber { number },
    }
}

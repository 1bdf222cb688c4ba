//! The bridge to Google's numbering metadata (the `phonenumber` crate).
//!
//! It is only ever handed clean digit strings (`+` and digits, at most
//! [`MAX_NUMBER_DIGITS`](super::MAX_NUMBER_DIGITS) plus a context prefix): the lenient reading of
//! what people write happens in ringdesk's own parsers, which are fuzzed.
//!
//! Two defects of `phonenumber` 0.3.10 are worked around here rather than inherited:
//!
//! - Given a default country, it strips *that* country's national prefix from numbers of other
//!   countries: `+44 121 234 5678` with default US loses its `1` and becomes `+44 212345678`
//!   (and `+800 1234 5678` becomes `+800 2345678`). So `+` numbers are parsed without a default
//!   country, and numbers dialled with an international prefix (`011 44 …`, `00 44 …`) are
//!   rewritten to `+` form first.
//! - Its region and type lookup drops the leading zero of Italian numbers, so `+39 06 …` comes out
//!   with no region and an unknown type. [`classify`] does that lookup on the full national number.

mod classify;

use std::fmt::Write as _;

use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, ParseError, PhoneNumber};

use super::target::DialTarget;
use super::{Country, NormalizedNumber, PhoneError};

/// The most digits of a national significant number the metadata knows (libphonenumber's limit).
const MAX_NATIONAL_DIGITS: usize = 17;

/// Normalises `dialled` (`+` and digits, or digits as dialled in `country`), carrying over the
/// extension and post-dial DTMF of `target`.
pub(crate) fn normalize(
    dialled: &str,
    country: Country,
    target: &DialTarget,
) -> Result<NormalizedNumber, PhoneError> {
    let parsed = parse(dialled, country).map_err(|e| parse_error(&e, dialled))?;
    let calling_code = parsed.code().value();
    let national_significant = parsed.national().to_string();
    let e164 = format!("+{calling_code}{national_significant}");
    // Formats come from the number itself, not from how it was written: a Brazilian carrier
    // code (`0 15 11 …`) must not reappear in the national format.
    let canonical = phonenumber::parse(None, &e164)
        .ok()
        .filter(|again| again.code().value() == calling_code)
        .filter(|again| again.national().to_string() == national_significant)
        .unwrap_or(parsed);
    let classified = classify::classify(calling_code, &national_significant);
    Ok(NormalizedNumber {
        extension: target.extension().map(str::to_owned),
        post_dial: target.post_dial().map(str::to_owned),
        country: classified.region,
        calling_code,
        national: format(&canonical, Mode::National, &e164),
        international: format(&canonical, Mode::International, &e164),
        rfc3966: format(&canonical, Mode::Rfc3966, &e164),
        validity: classified.validity,
        number_type: classified.number_type,
        e164,
    })
}

/// Parses with the default country only where it is the number's own country.
fn parse(dialled: &str, country: Country) -> Result<PhoneNumber, ParseError> {
    if dialled.starts_with('+') {
        return phonenumber::parse(None, dialled);
    }
    let national = phonenumber::parse(Some(country.id()), dialled);
    let Some(international) = after_international_prefix(dialled, country) else {
        return national;
    };
    // `00 55 11 …` in Brazil reads as the prefix `0055` (carrier 55) and a number in +1: when only
    // one reading is a valid number, that is the one the agent meant.
    match (phonenumber::parse(None, &international), national) {
        (Ok(abroad), Ok(home)) if !abroad.is_valid() && home.is_valid() => Ok(home),
        (Ok(abroad), _) => Ok(abroad),
        (Err(_), national) => national,
    }
}

/// `011 44 20 …` dialled from the US (or `00 44 20 …` from Europe) as `+44 20 …`.
fn after_international_prefix(dialled: &str, country: Country) -> Option<String> {
    let prefix = DATABASE.by_id(country.iso_code())?.international_prefix()?;
    let found = prefix.find(dialled).filter(|found| found.start() == 0)?;
    let rest = dialled.get(found.end()..)?;
    let country_code_follows = rest
        .bytes()
        .next()
        .is_some_and(|b| (b'1'..=b'9').contains(&b));
    country_code_follows.then(|| format!("+{rest}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Country {
        code.parse().expect("known country")
    }

    #[test]
    fn plus_numbers_keep_every_digit_whatever_the_default_country() {
        for (dialled, national) in [
            ("+441212345678", "1212345678"),
            ("+80012345678", "12345678"),
        ] {
            let parsed = parse(dialled, country("US")).expect("parses");
            assert_eq!(parsed.national().to_string(), national, "{dialled}");
        }
    }

    #[test]
    fn international_prefixes_of_the_home_country_become_plus() {
        assert_eq!(
            after_international_prefix("011441212345678", country("US")).as_deref(),
            Some("+441212345678")
        );
        assert_eq!(
            after_international_prefix("00441212345678", country("DE")).as_deref(),
            Some("+441212345678")
        );
        assert_eq!(
            after_international_prefix("0301234567", country("DE")),
            None
        );
        assert_eq!(
            after_international_prefix("6505550100", country("US")),
            None
        );
    }
}

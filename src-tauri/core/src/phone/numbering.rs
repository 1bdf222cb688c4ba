//! The bridge to Google's numbering metadata (the `phonenumber` crate).
//!
//! It is only ever handed clean digit strings (`+` and digits, at most
//! [`MAX_NUMBER_DIGITS`](super::MAX_NUMBER_DIGITS) plus a context prefix): the lenient reading of
//! what people write happens in ringdesk's own parsers, which are fuzzed.

use std::fmt::Write as _;

use phonenumber::metadata::{Metadata, DATABASE};
use phonenumber::{Mode, ParseError, PhoneNumber, Type};

use super::number::{NumberType, Validity, ValidityIssue};
use super::target::DialTarget;
use super::{Country, NormalizedNumber, PhoneError};

/// The most digits of a national significant number the metadata knows (libphonenumber's limit).
const MAX_NATIONAL_DIGITS: usize = 17;

/// Normalises `dialled` (`+` and digits, or digits in `country`'s national form), carrying over
/// the extension and post-dial DTMF of `target`.
pub(crate) fn normalize(
    dialled: &str,
    country: Country,
    target: &DialTarget,
) -> Result<NormalizedNumber, PhoneError> {
    let parsed =
        phonenumber::parse(Some(country.id()), dialled).map_err(|e| parse_error(&e, dialled))?;
    let national_significant = parsed.national().to_string();
    let metadata = parsed.metadata(&DATABASE);
    let valid = parsed.is_valid();
    let e164 = format!("+{}{national_significant}", parsed.code().value());
    Ok(NormalizedNumber {
        extension: target.extension().map(str::to_owned),
        post_dial: target.post_dial().map(str::to_owned),
        country: parsed.country().id().map(Country::from_id),
        calling_code: parsed.code().value(),
        national: format(&parsed, Mode::National, &e164),
        international: format(&parsed, Mode::International, &e164),
        rfc3966: format(&parsed, Mode::Rfc3966, &e164),
        validity: validity(metadata, &national_significant, valid),
        number_type: if valid {
            number_type(parsed.number_type(&DATABASE))
        } else {
            NumberType::Unknown
        },
        e164,
    })
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

fn validity(metadata: Option<&Metadata>, national_significant: &str, valid: bool) -> Validity {
    let general = metadata.map(|meta| meta.descriptors().general());
    let lengths = general.map_or(&[][..], |general| general.possible_length());
    let local_lengths = general.map_or(&[][..], |general| general.possible_local_length());
    let length = u16::try_from(national_significant.len()).unwrap_or(u16::MAX);
    let possible = lengths.contains(&length);
    let issue = if valid {
        None
    } else if local_lengths.contains(&length) {
        Some(ValidityIssue::LocalOnly)
    } else if lengths.first().is_none_or(|shortest| length < *shortest) {
        Some(ValidityIssue::TooShort)
    } else if lengths.last().is_some_and(|longest| length > *longest) {
        Some(ValidityIssue::TooLong)
    } else if !possible {
        Some(ValidityIssue::InvalidLength)
    } else {
        Some(ValidityIssue::UnassignedRange)
    };
    Validity {
        possible,
        valid,
        issue,
    }
}

fn number_type(kind: Type) -> NumberType {
    match kind {
        Type::FixedLine => NumberType::FixedLine,
        Type::Mobile => NumberType::Mobile,
        Type::FixedLineOrMobile => NumberType::FixedLineOrMobile,
        Type::TollFree => NumberType::TollFree,
        Type::PremiumRate => NumberType::PremiumRate,
        Type::SharedCost => NumberType::SharedCost,
        Type::Voip => NumberType::Voip,
        Type::PersonalNumber => NumberType::PersonalNumber,
        Type::Pager => NumberType::Pager,
        Type::Uan => NumberType::Uan,
        Type::Voicemail => NumberType::Voicemail,
        _ => NumberType::Unknown,
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

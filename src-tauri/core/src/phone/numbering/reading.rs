//! Reading dialled digits as country code plus national number, so that every digit the agent
//! wrote is accounted for and normalising a result again changes nothing.
//!
//! Rules on top of the metadata's own reading:
//!
//! - A `+` number is read without a default country (the metadata would otherwise strip the home
//!   country's trunk prefix from a foreign number), and the metadata may only *strip* a prefix
//!   from it (`+44 (0)20 …`). Its rules that *rewrite* a short local number (`767 0767` in
//!   Dominica becomes `767 767 0767`) are for dialling at home, not for a number given with `+`:
//!   then the digits are taken as written, and validity says they are too short.
//! - A number dialled with the home country's international prefix (`011 44 …`) is read as `+44 …`.
//! - The E.164 result is read again until it no longer changes (`+44 0 0 20 …` loses one trunk
//!   prefix per reading), so the result is a fixed point.

use phonenumber::metadata::DATABASE;
use phonenumber::{ParseError, PhoneNumber};

use crate::phone::Country;

/// A number as country code and national significant number.
pub(super) struct Reading {
    /// The country calling code.
    pub(super) calling_code: u16,
    /// The national significant number, leading zeros included.
    pub(super) national: String,
    /// The metadata's parse of exactly this number, for formatting; `None` when the digits were
    /// taken as written.
    pub(super) parsed: Option<PhoneNumber>,
}

impl Reading {
    fn of(parsed: PhoneNumber) -> Self {
        Self {
            calling_code: parsed.code().value(),
            national: parsed.national().to_string(),
            parsed: Some(parsed),
        }
    }

    /// `+` and the digits.
    pub(super) fn e164(&self) -> String {
        format!("+{}{}", self.calling_code, self.national)
    }
}

/// Reads `dialled` (`+` and digits, or digits as dialled in `country`).
pub(super) fn read(dialled: &str, country: Country) -> Result<Reading, ParseError> {
    let first = if dialled.starts_with('+') {
        read_international(dialled)?
    } else {
        read_national(dialled, country)?
    };
    settle(first)
}

/// A `+` number: the metadata may strip a prefix, never add digits.
fn read_international(dialled: &str) -> Result<Reading, ParseError> {
    let reading = Reading::of(phonenumber::parse(None, dialled)?);
    let written = dialled
        .trim_start_matches('+')
        .get(reading.calling_code.to_string().len()..)
        .unwrap_or_default();
    if written.ends_with(&reading.national) {
        return Ok(reading);
    }
    Ok(Reading {
        national: written.to_owned(),
        parsed: None,
        ..reading
    })
}

/// Digits without `+`, read in the home country (or after its international prefix).
fn read_national(dialled: &str, country: Country) -> Result<Reading, ParseError> {
    let home = phonenumber::parse(Some(country.id()), dialled).map(Reading::of);
    let Some(international) = after_international_prefix(dialled, country) else {
        return home;
    };
    // `00 55 11 …` in Brazil reads as the prefix `0055` (carrier 55) and a number in +1: when only
    // one reading is a valid number, that is the one the agent meant.
    match (read_international(&international), home) {
        (Ok(abroad), Ok(home)) if !is_valid(&abroad) && is_valid(&home) => Ok(home),
        (Ok(abroad), _) => Ok(abroad),
        (Err(_), home) => home,
    }
}

/// `011 44 20 …` dialled from the US (or `00 44 20 …` from Europe) as `+44 20 …`.
pub(super) fn after_international_prefix(dialled: &str, country: Country) -> Option<String> {
    let prefix = DATABASE.by_id(country.iso_code())?.international_prefix()?;
    let found = prefix.find(dialled).filter(|found| found.start() == 0)?;
    let rest = dialled.get(found.end()..)?;
    let country_code_follows = rest
        .bytes()
        .next()
        .is_some_and(|b| (b'1'..=b'9').contains(&b));
    country_code_follows.then(|| format!("+{rest}"))
}

/// Reads the E.164 form again while that strips a further prefix. A result that does not read
/// back at all (`0002` in France reads as `+33 02`, too short as a `+` number) is an error, so
/// that whatever is returned normalises to itself.
fn settle(mut reading: Reading) -> Result<Reading, ParseError> {
    // Each step that goes on makes the national number shorter, so this ends.
    loop {
        let again = read_international(&reading.e164())?;
        if again.national == reading.national {
            // The same number: format it as read from E.164, so that how it was written (a
            // Brazilian carrier code, `0 15 11 …`) does not show in its formats.
            if again.parsed.is_some() {
                reading.parsed = again.parsed;
            }
            return Ok(reading);
        }
        // Calling codes are prefix-free and a reading only strips, so neither can happen; stop
        // rather than loop if the metadata ever disagrees.
        if again.calling_code != reading.calling_code
            || again.national.len() >= reading.national.len()
        {
            return Ok(reading);
        }
        reading = again;
    }
}

fn is_valid(reading: &Reading) -> bool {
    reading.parsed.as_ref().is_some_and(PhoneNumber::is_valid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Country {
        code.parse().expect("known country")
    }

    fn e164(dialled: &str, home: &str) -> String {
        read(dialled, country(home)).expect("readable").e164()
    }

    #[test]
    fn plus_numbers_keep_every_digit_whatever_the_home_country() {
        assert_eq!(e164("+441212345678", "US"), "+441212345678");
        assert_eq!(e164("+80012345678", "US"), "+80012345678");
    }

    #[test]
    fn a_plus_number_is_never_lengthened_by_a_local_dialling_rule() {
        assert_eq!(
            e164("+17670767", "GB"),
            "+17670767",
            "not Dominica's 767 767 0767"
        );
        assert_eq!(
            e164("7670767", "DM"),
            "+17677670767",
            "at home the rule applies"
        );
    }

    #[test]
    fn a_result_that_does_not_read_back_is_refused() {
        assert!(read("0002", country("FR")).is_err(), "+33 02 is no number");
    }

    #[test]
    fn repeated_trunk_prefixes_settle() {
        assert_eq!(e164("+44002079460958", "US"), "+442079460958");
    }

    #[test]
    fn international_prefixes_of_the_home_country_become_plus() {
        let cases = [
            ("011441212345678", "US", Some("+441212345678")),
            ("00441212345678", "DE", Some("+441212345678")),
            ("0301234567", "DE", None),
            ("6505550100", "US", None),
        ];
        for (dialled, home, expected) in cases {
            let found = after_international_prefix(dialled, country(home));
            assert_eq!(found.as_deref(), expected, "{dialled} from {home}");
        }
    }
}

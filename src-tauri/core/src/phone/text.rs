//! Numbers the agent pastes or types: from CRMs, spreadsheets, signatures and web pages.

use super::dial_string::{self, EXTENSION_WORDS};
use super::error::excerpt;
use super::link::{dialable_scheme, parse_link};
use super::screen::screen;
use super::target::{DialTarget, Link};
use super::{PhoneError, MAX_INPUT_BYTES};

/// Labels that precede a number in signatures and CRM fields (`Phone: …`, `T. …`, `Mobile …`).
const LABELS: [&str; 26] = [
    "phone",
    "tel",
    "telephone",
    "telefon",
    "téléphone",
    "mobile",
    "mob",
    "cell",
    "cellphone",
    "office",
    "work",
    "home",
    "direct",
    "main",
    "fax",
    "ph",
    "call",
    "t",
    "m",
    "p",
    "o",
    "w",
    "h",
    "d",
    "c",
    "f",
];

/// A label is at most this many bytes long.
const MAX_LABEL_BYTES: usize = 20;

/// Reads a number the agent pasted or typed.
///
/// Accepts what arrives from CRMs and signatures: `(650) 555-0100 x 12`, `555.555.5555 x 9`,
/// `+44 20 7946 0958`, `+44 (0)20 7946 0958`, `1-800-FLOWERS`, `+16505550100*101`, `…#101`,
/// `…,,22`, `ext. 227` (an internal extension), a leading label (`Phone:`, `T.`), a trailing note
/// (`(mobile)`), digits in other scripts, and a pasted `tel:` / `callto:` link. Letters spell
/// digits on the E.161 keypad only where they continue the number.
///
/// ```
/// use ringdesk_core::phone::parse_input;
///
/// let target = parse_input("(650) 555-0100 x 12").unwrap();
/// assert_eq!(target.number(), "6505550100");
/// assert_eq!(target.extension(), Some("12"));
/// ```
pub fn parse_input(text: &str) -> Result<DialTarget, PhoneError> {
    let trimmed = screen(text, MAX_INPUT_BYTES)?;
    if dialable_scheme(trimmed).is_some() {
        return single_target(parse_link(trimmed)?);
    }
    let (number, offset) = strip_label(trimmed)?;
    let parts = dial_string::parse(number, offset)?;
    Ok(DialTarget::new(parts, trimmed))
}

/// The one number of a pasted link.
fn single_target(link: Link) -> Result<DialTarget, PhoneError> {
    match link {
        Link::Call(target) => Ok(target),
        Link::Sms { mut recipients, .. } => match recipients.len() {
            0 => Err(PhoneError::NoDigits),
            1 => Ok(recipients.remove(0)),
            count => Err(PhoneError::TooManyRecipients { count, max: 1 }),
        },
    }
}

/// Drops a leading label, returning the rest and how many characters were dropped.
///
/// `Phone: …`, `T. …`, `Mobile …` and any `Word: …` (a colon and a space) are labels; a word with a
/// colon and no space (`mailto:…`, `sip:…`) is a link ringdesk does not open. Extension words
/// (`ext: 227`) are not labels.
fn strip_label(text: &str) -> Result<(&str, usize), PhoneError> {
    let word_len: usize = text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    if word_len == 0 || word_len > MAX_LABEL_BYTES {
        return Ok((text, 0));
    }
    let (word, after) = text.split_at(word_len);
    let is = |names: &[&str]| names.iter().any(|name| name.eq_ignore_ascii_case(word));
    if is(&EXTENSION_WORDS) {
        return Ok((text, 0));
    }
    let after_space = after.trim_start();
    let rest = if let Some(value) = after_space.strip_prefix(':') {
        let spaced = value.starts_with(char::is_whitespace) || after_space.len() < after.len();
        if !is(&LABELS) && !spaced {
            return Err(PhoneError::UnsupportedScheme {
                scheme: excerpt(&word.to_lowercase()),
            });
        }
        value
    } else if is(&LABELS) && (after.starts_with(char::is_whitespace) || after.starts_with('.')) {
        after
    } else {
        return Ok((text, 0));
    };
    let offset = text[..text.len() - rest.len()].chars().count();
    Ok((rest, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_dropped_and_counted() {
        assert_eq!(strip_label("Phone: +1 650"), Ok((" +1 650", 6)));
        assert_eq!(strip_label("T. +44 20"), Ok((". +44 20", 1)));
        assert_eq!(strip_label("Zentrale: 030 123"), Ok((" 030 123", 9)));
        assert_eq!(strip_label("Téléphone : 01 42"), Ok((" 01 42", 11)));
    }

    #[test]
    fn extension_words_and_plain_numbers_are_left_alone() {
        assert_eq!(strip_label("ext: 227"), Ok(("ext: 227", 0)));
        assert_eq!(strip_label("650 555"), Ok(("650 555", 0)));
        assert_eq!(strip_label("FLOWERS"), Ok(("FLOWERS", 0)));
    }

    #[test]
    fn a_foreign_scheme_is_named() {
        assert_eq!(
            strip_label("mailto:bob@example.com"),
            Err(PhoneError::UnsupportedScheme {
                scheme: "mailto".into()
            })
        );
    }
}

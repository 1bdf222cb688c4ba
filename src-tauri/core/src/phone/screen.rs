//! The first look at untrusted input: size, white space at the ends, control characters.

use super::chars::is_control;
use super::PhoneError;

/// Checks `raw` against `max` bytes before reading anything, trims white space (a pasted cell
/// often ends in a newline) and rejects control characters inside.
///
/// Nothing is allocated: an oversized input costs one length comparison.
pub(crate) fn screen(raw: &str, max: usize) -> Result<&str, PhoneError> {
    if raw.len() > max {
        return Err(PhoneError::TooLong {
            len: raw.len(),
            max,
        });
    }
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    reject_controls(trimmed)?;
    Ok(trimmed)
}

/// Rejects the first control character (or bidi override) of `text`.
pub(crate) fn reject_controls(text: &str) -> Result<(), PhoneError> {
    match text.chars().enumerate().find(|(_, c)| is_control(*c)) {
        Some((index, c)) => Err(PhoneError::ControlCharacter {
            code: u32::from(c),
            position: index + 1,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_the_newline_of_a_pasted_cell() {
        assert_eq!(screen(" +1 650 555 0100\r\n", 64), Ok("+1 650 555 0100"));
    }

    #[test]
    fn rejects_by_length_first() {
        let huge = "\u{0}".repeat(100);
        assert_eq!(
            screen(&huge, 64),
            Err(PhoneError::TooLong { len: 100, max: 64 }),
            "the length is checked before the content"
        );
    }

    #[test]
    fn reports_where_the_control_character_is() {
        assert_eq!(
            screen("650\t555", 64),
            Err(PhoneError::ControlCharacter {
                code: 9,
                position: 4
            })
        );
        assert_eq!(screen(" \n ", 64), Err(PhoneError::Empty));
    }
}

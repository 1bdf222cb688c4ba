//! Percent-decoding of one link component (`%2B` → `+`, `%20` → space).

use std::borrow::Cow;

use super::PhoneError;

/// Decodes the `%XX` escapes of one component of a link.
///
/// `offset` is the component's character position within the link, for error messages. The
/// output is never longer than the input. A `%` without two hex digits after it, or escapes
/// that do not form UTF-8, are rejected rather than guessed at. `+` stays a `+` (RFC 3986).
pub(crate) fn decode(component: &str, offset: usize) -> Result<Cow<'_, str>, PhoneError> {
    if !component.contains('%') {
        return Ok(Cow::Borrowed(component));
    }
    let bytes = component.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte != b'%' {
            decoded.push(byte);
            index += 1;
            continue;
        }
        let escape = bytes
            .get(index + 1)
            .zip(bytes.get(index + 2))
            .and_then(|(&high, &low)| Some((hex_value(high)? << 4) | hex_value(low)?));
        match escape {
            Some(value) => decoded.push(value),
            None => return Err(bad_escape(component, index, offset)),
        }
        index += 3;
    }
    String::from_utf8(decoded)
        .map(Cow::Owned)
        .map_err(|_| bad_escape(component, component.find('%').unwrap_or(0), offset))
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

fn bad_escape(component: &str, byte_index: usize, offset: usize) -> PhoneError {
    let chars_before = component
        .get(..byte_index)
        .map_or(0, |before| before.chars().count());
    PhoneError::BadPercentEncoding {
        position: offset + chars_before + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_plus_and_spaces_and_leaves_plain_text_borrowed() {
        assert_eq!(decode("%2B1%20(650)", 0).as_deref(), Ok("+1 (650)"));
        assert!(matches!(decode("+16505550100", 0), Ok(Cow::Borrowed(_))));
        assert_eq!(
            decode("caf%C3%A9", 0).as_deref(),
            Ok("café"),
            "UTF-8 escapes"
        );
        assert_eq!(decode("%2b", 0).as_deref(), Ok("+"), "lower-case hex");
    }

    #[test]
    fn rejects_broken_escapes_with_their_position() {
        assert_eq!(
            decode("+1%2", 4),
            Err(PhoneError::BadPercentEncoding { position: 7 })
        );
        assert_eq!(
            decode("%zz", 0),
            Err(PhoneError::BadPercentEncoding { position: 1 })
        );
        assert_eq!(
            decode("%FF%FE", 0),
            Err(PhoneError::BadPercentEncoding { position: 1 }),
            "not UTF-8"
        );
    }
}

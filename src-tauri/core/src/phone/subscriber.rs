//! One RFC 3966 telephone-subscriber: the number part of a `tel:` link or of one `sms:` recipient,
//! with its `;ext=`, `;isub=`, `;phone-context=` and `;postd=` parameters.

use super::chars::{classify, CharKind};
use super::error::excerpt;
use super::percent::decode;
use super::target::{DialTarget, PhoneContext};
use super::{dial_string, PhoneError, MAX_EXTENSION_DIGITS, MAX_POST_DIAL_CHARS};

/// The longest ISDN subaddress kept; a longer one is dropped (it is never dialled anyway).
const MAX_SUBADDRESS_CHARS: usize = 40;

/// Reads `raw` (still percent-encoded), which starts at character `offset` of `original`.
///
/// Parameters are split off before decoding, so an encoded `%3B` can never inject one. Parameter
/// names are case-insensitive; unknown parameters are ignored.
pub(crate) fn parse(raw: &str, offset: usize, original: &str) -> Result<DialTarget, PhoneError> {
    let mut params = raw.split(';');
    let number_part = params.next().unwrap_or_default();
    let number = decode(number_part, offset)?;
    let mut target = DialTarget::new(dial_string::parse(&number, offset)?, original);
    let mut param_offset = offset + number_part.chars().count() + 1;
    for param in params {
        let (name, value) = param.split_once('=').unwrap_or((param, ""));
        let value_offset = param_offset + name.chars().count() + 1;
        param_offset += param.chars().count() + 1;
        let value = decode(value, value_offset)?;
        if name.eq_ignore_ascii_case("ext") {
            let extension = extension(&value)?;
            merge(&mut target.extension, extension, "extension")?;
        } else if name.eq_ignore_ascii_case("postd") {
            let post_dial = post_dial(&value)?;
            merge(&mut target.post_dial, post_dial, "post-dial sequence")?;
        } else if name.eq_ignore_ascii_case("phone-context") {
            let context = phone_context(&value)?;
            merge(&mut target.phone_context, context, "phone-context")?;
        } else if name.eq_ignore_ascii_case("isub") {
            target.subaddress = subaddress(&value);
        }
    }
    Ok(target)
}

/// Sets `slot` to `value`, unless it already holds a different one.
fn merge<T: PartialEq>(
    slot: &mut Option<T>,
    value: Option<T>,
    what: &'static str,
) -> Result<(), PhoneError> {
    match (slot.as_ref(), value) {
        (_, None) => Ok(()),
        (Some(existing), Some(value)) if *existing != value => Err(PhoneError::Conflict { what }),
        (_, value) => {
            *slot = value;
            Ok(())
        }
    }
}

/// `;ext=` digits, visual separators allowed; empty means none.
fn extension(value: &str) -> Result<Option<String>, PhoneError> {
    let invalid = || PhoneError::InvalidExtension {
        value: excerpt(value),
    };
    let mut digits = String::new();
    for c in value.chars() {
        match classify(c) {
            CharKind::Digit(digit) if digits.len() < MAX_EXTENSION_DIGITS => digits.push(digit),
            CharKind::Separator => {}
            _ => return Err(invalid()),
        }
    }
    Ok(Some(digits).filter(|digits| !digits.is_empty()))
}

/// `;postd=`: DTMF digits, `*`, `#`, `A`–`D`, and `p` (pause) / `w` (wait); separators allowed.
fn post_dial(value: &str) -> Result<Option<String>, PhoneError> {
    let invalid = || PhoneError::InvalidPostDial {
        value: excerpt(value),
    };
    let mut keys = String::new();
    for c in value.chars() {
        let key = match c {
            'p' | 'P' | ',' => ',',
            'w' | 'W' => 'w',
            '*' | '#' | 'A'..='D' => c,
            'a'..='d' => c.to_ascii_uppercase(),
            _ => match classify(c) {
                CharKind::Digit(digit) => digit,
                CharKind::Separator => continue,
                _ => return Err(invalid()),
            },
        };
        if keys.len() >= MAX_POST_DIAL_CHARS {
            return Err(invalid());
        }
        keys.push(key);
    }
    let dials_something = keys.chars().any(|c| c != ',' && c != 'w');
    Ok(Some(keys).filter(|_| dials_something))
}

/// `;phone-context=`: a `+` prefix (`+1-650` → `+1650`) or a domain name (lower-cased).
fn phone_context(value: &str) -> Result<Option<PhoneContext>, PhoneError> {
    if value.is_empty() {
        return Ok(None);
    }
    let invalid = || PhoneError::InvalidPhoneContext {
        value: excerpt(value),
    };
    if let Some(digits) = value.strip_prefix('+') {
        let mut prefix = String::from("+");
        for c in digits.chars() {
            match c {
                '0'..='9' if prefix.len() <= 15 => prefix.push(c),
                '-' | '.' | '(' | ')' => {}
                _ => return Err(invalid()),
            }
        }
        return if prefix.len() > 1 {
            Ok(Some(PhoneContext::Prefix(prefix)))
        } else {
            Err(invalid())
        };
    }
    if is_domain_name(value) {
        Ok(Some(PhoneContext::Domain(value.to_ascii_lowercase())))
    } else {
        Err(invalid())
    }
}

/// RFC 3966 `domainname`: dot-separated labels of letters, digits and inner hyphens, the last
/// one starting with a letter; an optional trailing dot.
fn is_domain_name(value: &str) -> bool {
    let name = value.strip_suffix('.').unwrap_or(value);
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let top_starts_with_letter = name
        .rsplit('.')
        .next()
        .and_then(|top| top.bytes().next())
        .is_some_and(|b| b.is_ascii_alphabetic());
    name.len() <= 253 && top_starts_with_letter && name.split('.').all(label_ok)
}

/// `;isub=`: kept for display when it is short printable ASCII, otherwise dropped.
fn subaddress(value: &str) -> Option<String> {
    let printable = value.bytes().all(|b| b.is_ascii_graphic());
    (printable && !value.is_empty() && value.len() <= MAX_SUBADDRESS_CHARS)
        .then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_context_reads_prefixes_and_domains() {
        assert_eq!(
            phone_context("+1-650"),
            Ok(Some(PhoneContext::Prefix("+1650".into())))
        );
        assert_eq!(
            phone_context("Example.COM"),
            Ok(Some(PhoneContext::Domain("example.com".into())))
        );
        assert_eq!(phone_context(""), Ok(None), "empty is as good as absent");
        for bad in [
            "+",
            "+1a",
            "exa mple.com",
            "-a.com",
            "a..b",
            "example.123",
            "+1234567890123456",
        ] {
            assert!(
                matches!(
                    phone_context(bad),
                    Err(PhoneError::InvalidPhoneContext { .. })
                ),
                "{bad:?} is no phone-context"
            );
        }
    }

    #[test]
    fn post_dial_keeps_dtmf_and_turns_p_into_a_pause() {
        assert_eq!(post_dial("pp22"), Ok(Some(",,22".into())));
        assert_eq!(post_dial("W1*#d"), Ok(Some("w1*#D".into())));
        assert_eq!(post_dial("pp"), Ok(None), "pauses alone dial nothing");
        assert!(post_dial("22x").is_err());
    }

    #[test]
    fn merge_accepts_repeats_and_rejects_contradictions() {
        let mut slot = Some("101".to_owned());
        assert_eq!(merge(&mut slot, Some("101".into()), "extension"), Ok(()));
        assert_eq!(
            merge(&mut slot, Some("102".into()), "extension"),
            Err(PhoneError::Conflict { what: "extension" })
        );
        assert_eq!(merge(&mut slot, None, "extension"), Ok(()));
        assert_eq!(slot.as_deref(), Some("101"));
    }
}

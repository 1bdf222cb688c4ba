//! `tel:`, `callto:` and `sms:` links as the operating system hands them to ringdesk.

use super::error::excerpt;
use super::screen::screen;
use super::target::Link;
use super::{sms, subscriber, PhoneError, MAX_INPUT_BYTES, MAX_SMS_LINK_BYTES};

/// The schemes ringdesk opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// `tel:` (RFC 3966) and `callto:` (Skype / Lync era): a call.
    Call,
    /// `sms:` (RFC 5724) and Android's `smsto:`: a message.
    Sms,
}

/// The longest scheme looked for; longer "schemes" are no schemes.
const MAX_SCHEME_BYTES: usize = 32;

/// Reads a `tel:` / `callto:` / `sms:` link.
///
/// Lenient where real links are sloppy: `tel://` and `tel:/` slashes, percent-encoded spaces and
/// `+`, upper-case schemes and parameter names, unknown parameters (ignored), a query on a `tel:`
/// link (ignored), iOS's `sms:…&body=`. Strict where it matters: the link is capped at
/// [`MAX_INPUT_BYTES`] ([`MAX_SMS_LINK_BYTES`] for `sms:`) before anything is read, control
/// characters and emoji are rejected, and other schemes (including `ringdesk://`, which the app
/// shell routes itself) are an [`PhoneError::UnsupportedScheme`].
///
/// ```
/// use ringdesk_core::phone::{parse_link, Link};
///
/// let Ok(Link::Call(target)) = parse_link("tel://+1%20(650)%20555-0100;ext=101") else {
///     panic!("a tel: link is a call");
/// };
/// assert_eq!(target.number(), "+16505550100");
/// assert_eq!(target.extension(), Some("101"));
/// ```
pub fn parse_link(raw: &str) -> Result<Link, PhoneError> {
    let scheme = split_scheme(raw.trim_start()).map(|(scheme, _)| scheme);
    let kind = scheme.and_then(scheme_kind);
    let max = match kind {
        Some(Scheme::Sms) => MAX_SMS_LINK_BYTES,
        _ => MAX_INPUT_BYTES,
    };
    let link = screen(raw, max)?;
    let (scheme, rest) = split_scheme(link).ok_or(PhoneError::MissingScheme)?;
    let offset = scheme.chars().count() + 1;
    match kind {
        Some(Scheme::Call) => {
            let (hier, offset) = strip_slashes(rest, offset);
            let subscriber = hier.split('?').next().unwrap_or_default();
            subscriber::parse(subscriber, offset, link).map(Link::Call)
        }
        Some(Scheme::Sms) => {
            let (hier, offset) = strip_slashes(rest, offset);
            sms::parse(hier, offset)
        }
        None => Err(PhoneError::UnsupportedScheme {
            scheme: excerpt(&scheme.to_ascii_lowercase()),
        }),
    }
}

/// The scheme of `text` if it starts with one ringdesk opens (used for pasted links).
pub(crate) fn dialable_scheme(text: &str) -> Option<Scheme> {
    split_scheme(text).and_then(|(scheme, _)| scheme_kind(scheme))
}

/// Splits `scheme:rest` if `text` starts with an RFC 3986 scheme; looks at most
/// [`MAX_SCHEME_BYTES`] bytes in, whatever the length of `text`.
fn split_scheme(text: &str) -> Option<(&str, &str)> {
    let colon = text
        .bytes()
        .take(MAX_SCHEME_BYTES + 1)
        .position(|b| b == b':')?;
    let (scheme, rest) = (&text[..colon], &text[colon + 1..]);
    let mut bytes = scheme.bytes();
    let starts_with_letter = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    let rest_ok = bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    (starts_with_letter && rest_ok).then_some((scheme, rest))
}

fn scheme_kind(scheme: &str) -> Option<Scheme> {
    let is = |name: &str| scheme.eq_ignore_ascii_case(name);
    if is("tel") || is("callto") {
        Some(Scheme::Call)
    } else if is("sms") || is("smsto") {
        Some(Scheme::Sms)
    } else {
        None
    }
}

/// Drops the `//` (or `/`) that some pages put after the scheme; they are not RFC syntax.
fn strip_slashes(hier: &str, offset: usize) -> (&str, usize) {
    let stripped = hier.trim_start_matches('/');
    (stripped, offset + hier.len() - stripped.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_found_only_at_the_start_and_only_when_well_formed() {
        assert_eq!(split_scheme("tel:+1"), Some(("tel", "+1")));
        assert_eq!(split_scheme("TEL:+1"), Some(("TEL", "+1")));
        assert_eq!(
            split_scheme("+1:650"),
            None,
            "a scheme starts with a letter"
        );
        assert_eq!(split_scheme("650-555-0100"), None);
        let long = format!("{}:x", "a".repeat(MAX_SCHEME_BYTES + 1));
        assert_eq!(split_scheme(&long), None, "no scheme is that long");
    }

    #[test]
    fn slashes_after_the_scheme_are_dropped_and_counted() {
        assert_eq!(strip_slashes("//+1", 4), ("+1", 6));
        assert_eq!(strip_slashes("+1", 4), ("+1", 4));
    }
}

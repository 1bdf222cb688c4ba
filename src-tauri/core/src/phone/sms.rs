//! `sms:` links (RFC 5724): recipients and a prefilled body.

use super::chars::is_control;
use super::percent::decode;
use super::target::{DialTarget, Link};
use super::{subscriber, PhoneError, MAX_INPUT_BYTES, MAX_SMS_RECIPIENTS};

/// Reads the part of an `sms:` link after the scheme (and slashes), which starts at character
/// `offset` of the link: `+15105550101,+15105550102?body=hello`.
///
/// Recipients are split on `,` before decoding; empty ones are skipped. The query starts at the
/// first `?`, or at the first `&` (iOS writes `sms:…&body=…`); only `body` is read.
pub(crate) fn parse(hier: &str, offset: usize) -> Result<Link, PhoneError> {
    let query_start = hier.find('?').or_else(|| hier.find('&'));
    let (recipients_part, query) = match query_start {
        Some(at) => (&hier[..at], Some(&hier[at + 1..])),
        None => (hier, None),
    };
    if recipients_part.len() > MAX_INPUT_BYTES {
        return Err(PhoneError::TooLong {
            len: recipients_part.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let recipients = recipients(recipients_part, offset)?;
    let body_offset = offset + recipients_part.chars().count() + 1;
    let body = match query {
        Some(query) => body(query, body_offset)?,
        None => None,
    };
    if recipients.is_empty() && body.is_none() {
        return Err(PhoneError::Empty);
    }
    Ok(Link::Sms { recipients, body })
}

fn recipients(part: &str, offset: usize) -> Result<Vec<DialTarget>, PhoneError> {
    let count = part.split(',').filter(|r| !r.trim().is_empty()).count();
    if count > MAX_SMS_RECIPIENTS {
        return Err(PhoneError::TooManyRecipients {
            count,
            max: MAX_SMS_RECIPIENTS,
        });
    }
    let mut recipients = Vec::with_capacity(count);
    let mut recipient_offset = offset;
    for raw in part.split(',') {
        if !raw.trim().is_empty() {
            recipients.push(subscriber::parse(raw, recipient_offset, raw.trim())?);
        }
        recipient_offset += raw.chars().count() + 1;
    }
    Ok(recipients)
}

/// The first `body` field, percent-decoded. Line breaks and tabs are kept; other control
/// characters are rejected. An empty body counts as none.
fn body(query: &str, offset: usize) -> Result<Option<String>, PhoneError> {
    let mut field_offset = offset;
    for field in query.split('&') {
        let (name, value) = field.split_once('=').unwrap_or((field, ""));
        if name.eq_ignore_ascii_case("body") {
            let value_offset = field_offset + name.chars().count() + 1;
            let text = decode(value, value_offset)?;
            let control = text
                .chars()
                .enumerate()
                .find(|(_, c)| is_control(*c) && !matches!(c, '\n' | '\r' | '\t'));
            if let Some((index, c)) = control {
                return Err(PhoneError::ControlCharacter {
                    code: u32::from(c),
                    position: value_offset + index + 1,
                });
            }
            return Ok(Some(text.into_owned()).filter(|text| !text.is_empty()));
        }
        field_offset += field.chars().count() + 1;
    }
    Ok(None)
}

//! What a link or pasted text asks to dial, before any country is applied.

use serde::Serialize;

use super::dial_string::DialString;

/// A number as the agent or the link wrote it, taken apart but not yet interpreted.
///
/// Nothing is dropped: the extension, post-dial DTMF, `phone-context` and ISDN subaddress are
/// kept apart from the number, and the original text rides along for display and logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DialTarget {
    pub(crate) number: String,
    pub(crate) extension: Option<String>,
    pub(crate) post_dial: Option<String>,
    pub(crate) phone_context: Option<PhoneContext>,
    pub(crate) subaddress: Option<String>,
    pub(crate) original: String,
}

impl DialTarget {
    pub(crate) fn new(parts: DialString, original: &str) -> Self {
        Self {
            number: parts.number,
            extension: parts.extension,
            post_dial: parts.post_dial,
            phone_context: None,
            subaddress: None,
            original: original.to_owned(),
        }
    }

    /// The digits to dial, with a leading `+` when the number was written in international form,
    /// keypad letters already turned into digits (`1-800-FLOWERS` → `18003569377`).
    ///
    /// Empty when the input named only an internal extension (`*227`, `ext. 227`).
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Whether the number was written with `+` and its country code.
    pub fn is_global(&self) -> bool {
        self.number.starts_with('+')
    }

    /// The extension (`x 12`, `;ext=101`, RingCentral's `*101` / `#101`), digits only.
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }

    /// DTMF to send after the call connects: digits, `*`, `#`, `,` for a pause and `w` for "wait
    /// for the agent". RingOut cannot send these: show them to the agent.
    pub fn post_dial(&self) -> Option<&str> {
        self.post_dial.as_deref()
    }

    /// The RFC 3966 `phone-context` of a local number, if the link gave one.
    pub fn phone_context(&self) -> Option<&PhoneContext> {
        self.phone_context.as_ref()
    }

    /// The ISDN subaddress (`;isub=`) if the link gave one. It is never dialled.
    pub fn subaddress(&self) -> Option<&str> {
        self.subaddress.as_deref()
    }

    /// The text or link this target was read from, trimmed.
    pub fn original(&self) -> &str {
        &self.original
    }
}

/// RFC 3966 `phone-context`: where a local number is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum PhoneContext {
    /// A global number prefix such as `+1-650`, kept as `+1650`: the local number continues it.
    Prefix(String),
    /// A domain such as `example.com`, lower-cased: a private numbering plan (for ringdesk, the
    /// company's own extensions). The home country applies to the digits.
    Domain(String),
}

/// What a `tel:`, `callto:` or `sms:` link asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Link {
    /// `tel:` or `callto:`: place (or prefill) a call.
    Call(DialTarget),
    /// `sms:` (RFC 5724): open a compose view. Never send without the agent.
    Sms {
        /// Who to write to, in the link's order; may be empty when the link only carries a body.
        recipients: Vec<DialTarget>,
        /// The prefilled message, percent-decoded; line breaks kept.
        body: Option<String>,
    },
}

//! Telling whether two spellings name the same line, for contacts, history and the store's index.

use std::fmt;

use serde::Serialize;

use super::{parse_input, resolve, Country, Destination, NormalizedNumber, PhoneError};

/// A stable key for one line: the E.164 number plus its extension (`+16505550100`,
/// `+16505550100;ext=101`), or an internal extension (`ext:101`).
///
/// Two spellings of one number give the same key; different extensions on one main number give
/// different keys. Post-dial DTMF is not part of the key (it reaches a menu, not a line). The
/// format is fixed: the store indexes it, so changing it needs a migration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MatchKey(String);

impl MatchKey {
    /// Reads any spelling (pasted text, a CRM value, a `tel:` link, RingCentral's E.164 with or
    /// without `+`) with `default_country` for numbers without `+`.
    pub fn from_text(text: &str, default_country: Country) -> Result<Self, PhoneError> {
        Ok(resolve(&parse_input(text)?, default_country)?.match_key())
    }

    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MatchKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl NormalizedNumber {
    /// The key this number is stored and matched under.
    pub fn match_key(&self) -> MatchKey {
        match &self.extension {
            Some(extension) => MatchKey(format!("{};ext={extension}", self.e164)),
            None => MatchKey(self.e164.clone()),
        }
    }
}

impl Destination {
    /// The key this destination is stored and matched under.
    pub fn match_key(&self) -> MatchKey {
        match self {
            Self::External(number) => number.match_key(),
            Self::Internal { extension, .. } => MatchKey(format!("ext:{extension}")),
        }
    }
}

/// Whether `a` and `b` reach the same line: the same E.164 number and the same extension (or
/// both none). Post-dial DTMF and the way they were written do not matter.
pub fn numbers_match(a: &NormalizedNumber, b: &NormalizedNumber) -> bool {
    a.e164 == b.e164 && a.extension == b.extension
}

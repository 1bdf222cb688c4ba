//! A text that fits RingCentral's limit: 1000 UTF-16 units, checked before anything is sent,
//! and the carrier segments it will take.

use serde::Serialize;

use super::SmsError;

/// RingCentral's limit on one SMS text, in UTF-16 code units.
pub const MAX_SMS_UNITS: usize = 1000;

/// A text that fits RingCentral's limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SmsText {
    text: String,
    units: usize,
}

impl SmsText {
    /// Checks `text` (empty and over-long texts are refused before anything is sent).
    pub fn new(text: &str) -> Result<Self, SmsError> {
        if text.trim().is_empty() {
            return Err(SmsError::Empty);
        }
        let units = text.encode_utf16().count();
        if units > MAX_SMS_UNITS {
            return Err(SmsError::TooLong { units });
        }
        Ok(Self {
            text: text.to_string(),
            units,
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in UTF-16 code units, as RingCentral counts.
    pub fn units(&self) -> usize {
        self.units
    }

    /// Carrier segments: 160 GSM-7 characters (153 when split), otherwise 70 (67) UCS-2 units.
    pub fn segments(&self) -> usize {
        let (single, part) = if is_gsm7(&self.text) {
            (160, 153)
        } else {
            (70, 67)
        };
        let length = if is_gsm7(&self.text) {
            self.text
                .chars()
                .map(|c| if "^{}\\[~]|€".contains(c) { 2 } else { 1 })
                .sum()
        } else {
            self.units
        };
        if length <= single {
            1
        } else {
            length.div_ceil(part)
        }
    }
}

fn is_gsm7(text: &str) -> bool {
    const EXTRA: &str =
        "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€\n\r ";
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || EXTRA.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_counts_utf16_units_and_segments() {
        assert!(matches!(SmsText::new("  "), Err(SmsError::Empty)));
        let emoji = "😀".repeat(500);
        assert_eq!(
            SmsText::new(&emoji).map(|t| t.units()).ok(),
            Some(1000),
            "an emoji is two units"
        );
        assert!(
            matches!(
                SmsText::new(&format!("{emoji}a")),
                Err(SmsError::TooLong { units: 1001 })
            ),
            "1001 units are refused before sending"
        );
        assert_eq!(
            SmsText::new(&"a".repeat(160)).map(|t| t.segments()).ok(),
            Some(1)
        );
        assert_eq!(
            SmsText::new(&"a".repeat(161)).map(|t| t.segments()).ok(),
            Some(2),
            "153 per part"
        );
        assert_eq!(
            SmsText::new(&"ü".repeat(80)).map(|t| t.segments()).ok(),
            Some(1),
            "ü is GSM-7"
        );
        assert_eq!(
            SmsText::new(&"ж".repeat(71)).map(|t| t.segments()).ok(),
            Some(2),
            "Cyrillic is UCS-2"
        );
    }
}

//! How numbers and times are written for the agent, the same on every face.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::phone::{self, Country, DisplayFormat, NormalizedNumber};

/// A number in the agent's format: national at home, international abroad.
pub(crate) fn display(number: &NormalizedNumber, home: Country) -> String {
    if number.country() == Some(home) {
        number.display(DisplayFormat::National)
    } else {
        number.display(DisplayFormat::International)
    }
}

/// An E.164 number (or match key) in international format; the text itself if it is not one.
pub(crate) fn format_key(key: &str) -> String {
    phone::parse_input(key)
        .and_then(|t| phone::normalize(&t, Country::united_states()))
        .map(|n| n.display(DisplayFormat::International))
        .unwrap_or_else(|_| key.to_string())
}

/// Milliseconds since the Unix epoch, now.
pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or_default()
}

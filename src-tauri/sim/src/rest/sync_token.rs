//! Opaque sync tokens for message, call-log and address-book sync. A token carries the sync
//! frame's time and the world epoch; tokens from before a `/sim/reset` are stale.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};

/// Why a token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenFailure {
    /// Not a token this simulator issued for this kind of sync.
    Invalid,
    /// Issued before the data was reset: a full sync is required.
    Stale,
}

/// Issues a token for `kind` (`msg`, `clg`, `abk`).
pub fn issue(kind: &str, epoch: u64, at: DateTime<Utc>) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}.{epoch}.{}", at.timestamp_millis()))
}

/// Reads a token of `kind`, returning its sync time.
pub fn read(kind: &str, epoch: u64, token: &str) -> Result<DateTime<Utc>, TokenFailure> {
    let bytes = URL_SAFE_NO_PAD
        .decode(token.trim())
        .map_err(|_| TokenFailure::Invalid)?;
    let text = String::from_utf8(bytes).map_err(|_| TokenFailure::Invalid)?;
    let mut parts = text.split('.');
    let (Some(k), Some(e), Some(ms), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenFailure::Invalid);
    };
    let (e, ms): (u64, i64) = (
        e.parse().map_err(|_| TokenFailure::Invalid)?,
        ms.parse().map_err(|_| TokenFailure::Invalid)?,
    );
    if k != kind {
        return Err(TokenFailure::Invalid);
    }
    if e != epoch {
        return Err(TokenFailure::Stale);
    }
    // Only instants a simulator could have issued (1970–2100) are accepted.
    if !(0..=4_102_444_800_000).contains(&ms) {
        return Err(TokenFailure::Invalid);
    }
    Utc.timestamp_millis_opt(ms)
        .single()
        .ok_or(TokenFailure::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_are_kind_and_epoch_bound() {
        let now = Utc
            .timestamp_millis_opt(1_700_000_000_123)
            .single()
            .unwrap_or_default();
        let token = issue("msg", 3, now);
        assert_eq!(read("msg", 3, &token), Ok(now), "round trip");
        assert_eq!(
            read("clg", 3, &token),
            Err(TokenFailure::Invalid),
            "a message token is not a call-log token"
        );
        assert_eq!(
            read("msg", 4, &token),
            Err(TokenFailure::Stale),
            "tokens from before a reset are stale"
        );
        assert_eq!(
            read("msg", 3, "%%%"),
            Err(TokenFailure::Invalid),
            "garbage is invalid"
        );
    }
}

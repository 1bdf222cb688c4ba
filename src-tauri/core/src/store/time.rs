//! Times in the cache: milliseconds since the Unix epoch, UTC.

use chrono::{DateTime, TimeZone, Utc};

use super::error::corrupt;
use super::StoreError;

/// A time as stored.
pub(crate) fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

/// A stored time read back.
pub(crate) fn from_millis(ms: i64) -> Result<DateTime<Utc>, StoreError> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .ok_or_else(|| corrupt("time", ms))
}

//! RingCentral's date-time format: ISO 8601 UTC with milliseconds, `2026-03-10T18:07:52.534Z`.

use chrono::{DateTime, SecondsFormat, Utc};

/// Formats an instant the way RingCentral does.
pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses an ISO 8601 date-time query value (`dateFrom`, `dateTo`). Accepts a full RFC 3339
/// value, one without a zone (taken as UTC), or a bare date.
pub fn parse(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(t.and_utc());
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_accepts_common_forms() {
        let t = parse("2026-03-10T18:07:52.534Z");
        assert_eq!(
            t.map(iso).as_deref(),
            Some("2026-03-10T18:07:52.534Z"),
            "round trip keeps millis"
        );
        assert!(parse("2026-03-10T18:07:52").is_some(), "zone-less is UTC");
        assert!(parse("2026-03-10").is_some(), "bare date");
        assert!(parse("yesterday").is_none(), "garbage is rejected");
    }
}

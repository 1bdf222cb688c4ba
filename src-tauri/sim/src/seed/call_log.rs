//! Lazily generated call history. Record `i` (0 = newest) is a pure function of the seed and `i`,
//! so a million-record call log costs nothing at startup: only the records a request touches are
//! ever built. Start times fall strictly with `i`, which lets date filters binary-search.

use crate::seed::people::nth;
use crate::state::call_log::{CallRecord, Leg, Side};
use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How far back seeded history reaches.
pub const SPAN_DAYS: i64 = 180;

/// The cheap attributes filters need, derived from one hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Traits {
    /// `Inbound` (true) or `Outbound`.
    pub inbound: bool,
    /// `Fax` (true) or `Voice`.
    pub fax: bool,
    /// A missed inbound call.
    pub missed: bool,
}

/// The seeded call history of one extension.
#[derive(Clone, Debug)]
pub struct SeededCalls {
    seed: u64,
    /// Number of records.
    pub count: u64,
    anchor: DateTime<Utc>,
    step_ms: i64,
    own_number: String,
    own_name: String,
    extension_id: u64,
    pool: u64,
}

fn mix(seed: u64, i: u64) -> u64 {
    // splitmix64 of (seed, i): cheap, well-distributed, stateless.
    let mut z = seed
        ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl SeededCalls {
    /// `count` records ending a minute before `anchor`, for the extension's own number.
    pub fn new(
        seed: u64,
        count: u64,
        anchor: DateTime<Utc>,
        own: (&str, &str, u64),
        pool: u64,
    ) -> Self {
        let (own_number, own_name, extension_id) = own;
        let span_ms = SPAN_DAYS * 86_400_000;
        let step_ms = (span_ms / count.max(1) as i64).max(2);
        Self {
            seed,
            count,
            anchor: anchor - Duration::minutes(1),
            step_ms,
            own_number: own_number.to_owned(),
            own_name: own_name.to_owned(),
            extension_id,
            pool: pool.max(1),
        }
    }

    /// Start time of record `i` (strictly decreasing in `i`).
    pub fn start(&self, i: u64) -> DateTime<Utc> {
        let jitter = (mix(self.seed, i) % (self.step_ms as u64 - 1)) as i64;
        self.anchor - Duration::milliseconds(i as i64 * self.step_ms + jitter)
    }

    /// Filter traits of record `i`.
    pub fn traits(&self, i: u64) -> Traits {
        let h = mix(self.seed, i);
        let inbound = h & 1 == 1;
        let fax = (h >> 1) % 50 == 0;
        let missed = inbound && !fax && (h >> 8) % 100 < 20;
        Traits {
            inbound,
            fax,
            missed,
        }
    }

    /// The first index whose start time is before `t` (records `[0, idx)` start at or after `t`).
    pub fn first_before(&self, t: DateTime<Utc>) -> u64 {
        let (mut lo, mut hi) = (0, self.count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.start(mid) >= t {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Record id of index `i`.
    pub fn id_of(i: u64) -> String {
        format!("{}A", base36(i + 1_000_000_000_000))
    }

    /// Index of a seeded record id.
    pub fn index_of(&self, id: &str) -> Option<u64> {
        let i = u64::from_str_radix(id.strip_suffix('A')?, 36)
            .ok()?
            .checked_sub(1_000_000_000_000)?;
        (i < self.count).then_some(i)
    }

    /// Builds record `i`.
    pub fn record(&self, i: u64) -> CallRecord {
        let h = mix(self.seed, i);
        let t = self.traits(i);
        let mut rng = ChaCha8Rng::seed_from_u64(h);
        let other = nth(self.seed, (h >> 20) % self.pool);
        let roll = rng.random_range(0..100u32);
        let (result, reason) = match (t.fax, t.inbound) {
            (true, true) => ("Received", None),
            (true, false) => ("Sent", None),
            (false, true) if t.missed => ("Missed", Some("Not Answered")),
            (false, true) if roll < 15 => ("Voicemail", None),
            (false, true) => ("Accepted", Some("Accepted")),
            (false, false) if roll < 68 => ("Call connected", Some("Connected")),
            (false, false) if roll < 83 => ("No Answer", Some("No Answer")),
            (false, false) if roll < 91 => ("Busy", Some("Line Busy")),
            (false, false) if roll < 94 => ("Wrong Number", Some("Wrong Number")),
            (false, false) => ("Hang Up", Some("Hang Up")),
        };
        let action = match (t.fax, t.inbound, roll % 3) {
            (true, true, _) => "Incoming Fax",
            (true, false, _) => "Outgoing Fax",
            (false, true, _) => "Phone Call",
            (false, false, 0) => "RingOut Web",
            (false, false, 1) => "VoIP Call",
            (false, false, _) => "Phone Call",
        };
        let connected = matches!(
            result,
            "Accepted" | "Call connected" | "Voicemail" | "Received" | "Sent"
        );
        let duration = if connected {
            rng.random_range(8..1800)
        } else {
            rng.random_range(0..40)
        };
        let them = Side {
            phone: Some(other.phone.clone()),
            name: Some(other.name()),
            location: Some(other.location.clone()),
            extension_number: None,
        };
        let us = Side {
            phone: Some(self.own_number.clone()),
            name: Some(self.own_name.clone()),
            location: None,
            extension_number: Some("101".to_owned()),
        };
        let (from, to) = if t.inbound { (them, us) } else { (us, them) };
        let start = self.start(i);
        let leg_type = if action == "RingOut Web" {
            "RingOutWebToSubscriber"
        } else if t.inbound {
            "Accept"
        } else {
            "SipToPstnMetered"
        };
        CallRecord {
            id: Self::id_of(i),
            session_id: (40_000_000_000 + i * 7 + (h % 7)).to_string(),
            telephony_session_id: format!("s-{:x}", h),
            start,
            duration,
            kind: if t.fax { "Fax" } else { "Voice" },
            inbound: t.inbound,
            action,
            result,
            reason,
            from: from.clone(),
            to: to.clone(),
            legs: vec![Leg {
                leg_type,
                from,
                to,
                result,
                duration,
                master: true,
            }],
            modified: start + Duration::seconds(i64::from(duration) + 2),
            extension_id: self.extension_id,
        }
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_deterministic_sorted_and_addressable() {
        let calls = SeededCalls::new(
            3,
            10_000,
            Utc::now(),
            ("+16505550101", "Jordan Avery", 1),
            300,
        );
        for i in 0..200 {
            assert!(
                calls.start(i) > calls.start(i + 1),
                "start times strictly fall with the index"
            );
            let record = calls.record(i);
            assert_eq!(
                calls.index_of(&record.id),
                Some(i),
                "ids map back to their index"
            );
            assert_eq!(record.id, calls.record(i).id, "same index, same record");
        }
        let mid = calls.start(5000);
        assert_eq!(
            calls.first_before(mid),
            5001,
            "binary search finds the boundary"
        );
    }

    #[test]
    fn a_spread_of_directions_and_results() {
        let calls = SeededCalls::new(
            3,
            2_000,
            Utc::now(),
            ("+16505550101", "Jordan Avery", 1),
            300,
        );
        let results: std::collections::BTreeSet<_> =
            (0..2_000).map(|i| calls.record(i).result).collect();
        let inbound = (0..2_000).filter(|&i| calls.traits(i).inbound).count();
        assert!(results.len() >= 8, "many results appear: {results:?}");
        assert!(
            (800..1200).contains(&inbound),
            "directions are balanced: {inbound}"
        );
    }
}

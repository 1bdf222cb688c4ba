//! The call log: seeded history (lazy) plus records created by finished RingOut calls.

use crate::seed::call_log::SeededCalls;
use chrono::{DateTime, Utc};

/// One party of a call record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Side {
    /// E.164 number.
    pub phone: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Extension number (our side).
    pub extension_number: Option<String>,
}

/// A leg of a call (Detailed view).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leg {
    /// `legType`.
    pub leg_type: &'static str,
    /// Caller of this leg.
    pub from: Side,
    /// Callee of this leg.
    pub to: Side,
    /// `result`.
    pub result: &'static str,
    /// Seconds.
    pub duration: u32,
    /// `master`.
    pub master: bool,
}

/// A call-log record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallRecord {
    /// String id.
    pub id: String,
    /// `sessionId`, shared by the legs of one call.
    pub session_id: String,
    /// `telephonySessionId`.
    pub telephony_session_id: String,
    /// `startTime`.
    pub start: DateTime<Utc>,
    /// Seconds.
    pub duration: u32,
    /// `Voice` or `Fax`.
    pub kind: &'static str,
    /// Direction.
    pub inbound: bool,
    /// `action`.
    pub action: &'static str,
    /// `result`.
    pub result: &'static str,
    /// `reason`.
    pub reason: Option<&'static str>,
    /// Caller.
    pub from: Side,
    /// Callee.
    pub to: Side,
    /// Legs (Detailed view).
    pub legs: Vec<Leg>,
    /// `lastModifiedTime`.
    pub modified: DateTime<Utc>,
    /// Owning extension.
    pub extension_id: u64,
}

/// What a list or sync request selects.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these directions (`true` = inbound); empty = all.
    pub inbound: Vec<bool>,
    /// Only these types (`true` = fax); empty = all.
    pub fax: Vec<bool>,
    /// Only missed calls.
    pub missed_only: bool,
    /// Only this session.
    pub session_id: Option<String>,
}

impl Filter {
    fn accepts(&self, inbound: bool, fax: bool, missed: bool) -> bool {
        (self.inbound.is_empty() || self.inbound.contains(&inbound))
            && (self.fax.is_empty() || self.fax.contains(&fax))
            && (!self.missed_only || missed)
    }

    fn accepts_record(&self, r: &CallRecord) -> bool {
        self.accepts(r.inbound, r.kind == "Fax", r.result == "Missed")
            && self.session_id.as_ref().is_none_or(|s| *s == r.session_id)
    }
}

/// A page of records plus the total that matched.
#[derive(Debug)]
pub struct Page {
    /// The records on this page, newest first.
    pub records: Vec<CallRecord>,
    /// All matches in the window.
    pub total: u64,
}

/// The extension's call log.
#[derive(Debug)]
pub struct CallLog {
    seeded: SeededCalls,
    live: Vec<CallRecord>,
}

impl CallLog {
    /// A call log over seeded history.
    pub fn new(seeded: SeededCalls) -> Self {
        Self {
            seeded,
            live: Vec::new(),
        }
    }

    /// Adds a record from a finished call.
    pub fn add(&mut self, record: CallRecord) {
        self.live.push(record);
    }

    /// A record by id.
    pub fn get(&self, id: &str) -> Option<CallRecord> {
        if let Some(r) = self.live.iter().find(|r| r.id == id) {
            return Some(r.clone());
        }
        self.seeded.index_of(id).map(|i| self.seeded.record(i))
    }

    /// Records with `from <= startTime < to`, newest first, skipping `skip`, at most `take`.
    pub fn list(
        &self,
        filter: &Filter,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        skip: u64,
        take: u64,
    ) -> Page {
        let mut page = Collector {
            skip,
            take,
            records: Vec::new(),
            total: 0,
        };
        for r in self.live.iter().rev() {
            if r.start >= from && r.start < to && filter.accepts_record(r) {
                page.offer(|| r.clone());
            }
        }
        let (lo, hi) = (self.seeded.first_before(to), self.seeded.first_before(from));
        for i in lo..hi {
            let t = self.seeded.traits(i);
            if !filter.accepts(t.inbound, t.fax, t.missed) {
                continue;
            }
            if filter.session_id.is_some() {
                let record = self.seeded.record(i);
                if filter.accepts_record(&record) {
                    page.offer(|| record);
                }
            } else {
                page.offer(|| self.seeded.record(i));
            }
        }
        Page {
            records: page.records,
            total: page.total,
        }
    }

    /// The newest `count` records starting at or after `from`.
    pub fn newest(
        &self,
        filter: &Filter,
        from: DateTime<Utc>,
        now: DateTime<Utc>,
        count: u64,
    ) -> Page {
        self.list(filter, from, now + chrono::Duration::days(1), 0, count)
    }

    /// Live records modified after `since`, oldest change first.
    pub fn changed_since(&self, filter: &Filter, since: DateTime<Utc>) -> Vec<CallRecord> {
        self.live
            .iter()
            .filter(|r| r.modified > since && filter.accepts_record(r))
            .cloned()
            .collect()
    }
}

/// Counts matches and keeps only the requested page, building records only for that page.
struct Collector {
    skip: u64,
    take: u64,
    records: Vec<CallRecord>,
    total: u64,
}

impl Collector {
    fn offer(&mut self, build: impl FnOnce() -> CallRecord) {
        if self.total >= self.skip && (self.records.len() as u64) < self.take {
            self.records.push(build());
        }
        self.total += 1;
    }
}

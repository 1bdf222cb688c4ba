//! The log of handled requests, served by `GET /sim/requests`.

use serde::Serialize;
use std::collections::VecDeque;

/// Entries kept (oldest dropped first).
const CAPACITY: usize = 10_000;

/// One handled request.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    /// Sequence number (1-based, never reused).
    pub seq: u64,
    /// HTTP method.
    pub method: String,
    /// Path as sent.
    pub path: String,
    /// Raw query string (empty when none).
    pub query: String,
    /// Response status; 0 when the connection was dropped by a fault.
    pub status: u16,
    /// Simulator time when the request arrived (ISO 8601).
    pub timestamp: String,
    /// Wall-clock handling time.
    pub duration_ms: u64,
    /// The injected fault, if one applied (`status`, `delay`, `drop`, `malformed`, `body`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<&'static str>,
}

/// A bounded request log.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<Entry>,
    next: u64,
}

impl RequestLog {
    /// Appends an entry (its `seq` is assigned here).
    pub fn push(&mut self, mut entry: Entry) {
        self.next += 1;
        entry.seq = self.next;
        if self.entries.len() == CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// Entries with `seq > since`.
    pub fn since(&self, since: u64) -> Vec<Entry> {
        self.entries
            .iter()
            .filter(|e| e.seq > since)
            .cloned()
            .collect()
    }

    /// Empties the log.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

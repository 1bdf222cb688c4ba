//! History for the window: pages of the cached call log, newest first, with opaque cursors.

use serde::Serialize;

use crate::store::{CallEntry, CallFilter, Direction, HistoryCursor, HistoryQuery};

use super::format::format_key;
use super::{Desk, Error};

/// A call in the History list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallRow {
    /// RingCentral's record id.
    pub id: String,
    /// ISO 8601.
    pub start_time: String,
    /// `Inbound` or `Outbound`.
    pub direction: &'static str,
    /// RingCentral's result (`Missed`, `Call connected` …).
    pub result: String,
    /// An inbound call nobody took.
    pub missed: bool,
    /// RingCentral's action (`RingOut Web` …).
    pub action: String,
    /// Contact or caller-ID name.
    pub name: Option<String>,
    /// The matched contact, if any.
    pub contact_id: Option<i64>,
    /// The number, formatted.
    pub display: String,
    /// What Call back dials.
    pub dial: String,
    /// Seconds.
    pub duration: u32,
    /// The wrap-up's outcome, once wrapped up.
    pub disposition: Option<String>,
    /// The wrap-up's notes.
    pub notes: Option<String>,
}

/// A page of History.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallsPage {
    /// Newest first.
    pub rows: Vec<CallRow>,
    /// Pass back as `after` for the next page; `None` at the end.
    pub next: Option<String>,
}

/// The most calls the store reads at once; [`Desk::each_call`] pages on past it.
const HISTORY_PAGE: usize = 500;

impl Desk {
    /// Hands `visit` up to `limit` (at least 1) calls matching `query`, newest first, as the
    /// cache holds them, reading the store a page at a time (nothing is collected), and says
    /// whether more match (`ringdesk calls --limit N`, whatever N).
    pub fn each_call(
        &self,
        query: &HistoryQuery,
        limit: usize,
        mut visit: impl FnMut(&CallEntry),
    ) -> Result<bool, Error> {
        let mut query = query.clone();
        let mut left = limit.max(1);
        self.with_cache(|store| loop {
            query.limit = left.min(HISTORY_PAGE);
            let page = store.history(&query)?;
            page.calls.iter().for_each(&mut visit);
            left = left.saturating_sub(page.calls.len());
            match page.next {
                Some(next) if left > 0 => query.after = Some(next),
                next => return Ok(next.is_some()),
            }
        })
    }

    /// A page of History: newest first, `filter` (`all`, `missed`, `inbound`, `outbound`),
    /// `search` over names and numbers, continuing `after` a cursor from the previous page.
    pub fn calls(
        &self,
        filter: &str,
        search: Option<&str>,
        after: Option<&str>,
        limit: usize,
    ) -> Result<CallsPage, Error> {
        let query = HistoryQuery {
            filter: match filter {
                "missed" => CallFilter::Missed,
                "inbound" => CallFilter::Inbound,
                "outbound" => CallFilter::Outbound,
                _ => CallFilter::All,
            },
            search: search
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            after: after.and_then(parse_history_cursor),
            limit,
            ..HistoryQuery::default()
        };
        let (page, wrapups) = self.with_cache(|store| {
            let page = store.history(&query)?;
            let wrapups = page
                .calls
                .iter()
                .map(|call| store.wrapup_of(call))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((page, wrapups))
        })?;
        Ok(CallsPage {
            rows: page
                .calls
                .iter()
                .zip(wrapups)
                .map(|(call, wrapup)| CallRow {
                    disposition: wrapup.as_ref().and_then(|w| w.disposition.clone()),
                    notes: wrapup.map(|w| w.notes).filter(|n| !n.is_empty()),
                    ..call_row(call)
                })
                .collect(),
            next: page.next.map(|c| format!("{}:{}", c.start_ms, c.row)),
        })
    }
}

fn parse_history_cursor(text: &str) -> Option<HistoryCursor> {
    let (start, row) = text.split_once(':')?;
    Some(HistoryCursor {
        start_ms: start.parse().ok()?,
        row: row.parse().ok()?,
    })
}

pub(crate) fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Inbound => "Inbound",
        Direction::Outbound => "Outbound",
    }
}

pub(crate) fn call_row(call: &CallEntry) -> CallRow {
    let name = call.peer.display_name();
    CallRow {
        id: call.id.clone(),
        start_time: call.start.to_rfc3339(),
        direction: direction(call.direction),
        result: call.result.clone(),
        missed: call.missed,
        action: call.action.clone(),
        name: (!name.is_empty() && name != call.peer.number).then(|| name.to_string()),
        contact_id: call.peer.contact.as_ref().map(|c| c.id),
        display: call
            .peer
            .key
            .as_deref()
            .map(format_key)
            .unwrap_or_else(|| call.peer.number.clone()),
        dial: call
            .peer
            .key
            .clone()
            .unwrap_or_else(|| call.peer.number.clone()),
        duration: call.duration_secs,
        disposition: None,
        notes: None,
    }
}

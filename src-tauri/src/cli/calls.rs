//! `ringdesk calls [--search Q] [--limit N] [--since DATE] [--missed|--inbound|--outbound]`:
//! the call history from the local cache, newest first.

use chrono::{DateTime, NaiveDate, Utc};
use ringdesk_core::app::{CallFilter, HistoryQuery};
use serde_json::json;

use super::Context;
use crate::{UiError, UiErrorCode};

/// Flags of `calls`.
#[derive(Debug, clap::Args)]
pub struct CallsArgs {
    /// Only calls with people or numbers matching this (names, companies, any number format).
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
    /// At most this many calls.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
    /// Only calls since this date (YYYY-MM-DD, UTC) or time (RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only missed calls.
    #[arg(long, conflicts_with_all = ["inbound", "outbound"])]
    pub missed: bool,
    /// Only inbound calls.
    #[arg(long, conflicts_with = "outbound")]
    pub inbound: bool,
    /// Only outbound calls.
    #[arg(long)]
    pub outbound: bool,
}

/// Reads a `--since` value.
pub fn parse_since(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Prints the calls.
pub async fn run(context: &Context, args: CallsArgs) -> i32 {
    let since = match args.since.as_deref().map(|s| (s, parse_since(s))) {
        Some((text, None)) => {
            return context.output.fail(&UiError {
                code: UiErrorCode::Validation,
                message: format!("--since {text:?} is not a date"),
                hint: "Use YYYY-MM-DD or an RFC 3339 time such as 2026-03-01T09:00:00Z.".into(),
            })
        }
        Some((_, since)) => since,
        None => None,
    };
    let filter = match (args.missed, args.inbound, args.outbound) {
        (true, _, _) => CallFilter::Missed,
        (_, true, _) => CallFilter::Inbound,
        (_, _, true) => CallFilter::Outbound,
        _ => CallFilter::All,
    };
    let page = match context.desk.call_history(&HistoryQuery {
        filter,
        search: args.search,
        since,
        limit: args.limit.max(1),
        ..HistoryQuery::default()
    }) {
        Ok(page) => page,
        Err(error) => return context.fail(error),
    };
    context
        .output
        .emit(&json!({ "calls": page.calls, "more": page.next.is_some() }));
    if page.calls.is_empty() {
        context
            .output
            .say("No calls in the cache match. Run `ringdesk sync` to refresh it.");
    }
    for call in &page.calls {
        let arrow = match (call.missed, call.direction.as_str()) {
            (true, _) => "missed",
            (_, "inbound") => "in    ",
            _ => "out   ",
        };
        context.output.say(format!(
            "{}  {arrow}  {:<28} {:<18} {:>5}s  {}",
            call.start.format("%Y-%m-%d %H:%M"),
            call.peer.display_name(),
            call.peer.key.as_deref().unwrap_or(&call.peer.number),
            call.duration_secs,
            call.result
        ));
    }
    0
}

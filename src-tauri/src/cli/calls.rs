//! `ringdesk calls [--search Q] [--limit N] [--since DATE] [--missed|--inbound|--outbound]`:
//! the call history from the local cache, newest first, printed as it is read (with `--json`,
//! one `{"calls": [...], "more": …}` line written a call at a time); `--live` follows live calls
//! instead.

use std::io::Write;

use chrono::{DateTime, NaiveDate, Utc};
use ringdesk_core::app::{CallEntry, CallFilter, HistoryQuery};

use super::Context;
use crate::{UiError, UiErrorCode};

/// Flags of `calls`.
#[derive(Debug, clap::Args)]
pub struct CallsArgs {
    /// Only calls with people or numbers matching this (names, companies, any number format).
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
    /// At most this many calls (any number: the cache is read a page at a time).
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
    /// Print live call changes (ringing, answered, missed, ended) as they happen, until Ctrl-C.
    #[arg(long, conflicts_with_all = ["search", "since", "missed", "inbound", "outbound"])]
    pub live: bool,
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
    if args.live {
        return super::live_calls::run(context).await;
    }
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
    let query = HistoryQuery {
        filter,
        search: args.search,
        since,
        ..HistoryQuery::default()
    };
    let mut json = context.output.is_json().then(JsonCalls::start);
    let mut shown = 0_usize;
    let more = context.desk.each_call(&query, args.limit.max(1), |call| {
        shown += 1;
        match json.as_mut() {
            Some(json) => json.push(call),
            None => say_call(context, call),
        }
    });
    let more = match more {
        Ok(more) => more,
        Err(error) => {
            // The cache failed part-way: end the unfinished line, so the error is a line of
            // its own.
            if let Some(json) = json {
                json.abandon();
            }
            return context.fail(error);
        }
    };
    if let Some(json) = json {
        if let Err(error) = json.finish(more) {
            eprintln!("ringdesk: cannot print the calls: {error}");
            return super::FAILURE;
        }
    }
    if shown == 0 {
        context
            .output
            .say("No calls in the cache match. Run `ringdesk sync` to refresh it.");
    }
    0
}

fn say_call(context: &Context, call: &CallEntry) {
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

/// `{"calls": [...], "more": …}` on one line, written a call at a time: a limit of a million
/// never holds a million calls in memory. The first write error is kept and reported at the end.
struct JsonCalls {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    first: bool,
    error: Option<std::io::Error>,
}

impl JsonCalls {
    fn start() -> Self {
        let mut calls = Self {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            first: true,
            error: None,
        };
        calls.write(|out| out.write_all(b"{\"calls\":["));
        calls
    }

    fn push(&mut self, call: &CallEntry) {
        let comma = !std::mem::take(&mut self.first);
        self.write(|out| {
            if comma {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *out, call).map_err(std::io::Error::from)
        });
    }

    fn finish(mut self, more: bool) -> std::io::Result<()> {
        self.write(|out| writeln!(out, "],\"more\":{more}}}"));
        self.write(|out| out.flush());
        self.error.map_or(Ok(()), Err)
    }

    fn abandon(mut self) {
        self.write(|out| writeln!(out));
        self.write(|out| out.flush());
    }

    fn write(
        &mut self,
        step: impl FnOnce(&mut std::io::BufWriter<std::io::StdoutLock<'static>>) -> std::io::Result<()>,
    ) {
        if self.error.is_none() {
            self.error = step(&mut self.out).err();
        }
    }
}

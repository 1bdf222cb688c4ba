//! `ringdesk sync`: brings the local cache up to date, then sends the SMS outbox.

use std::io::IsTerminal;
use std::sync::Mutex;

use chrono::{Duration, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use ringdesk_core::sync::{
    flush_outbox, sync_all, Progress, RingCentral, Stage, SyncOptions, RECONCILE_GRACE_SECS,
};
use serde_json::json;

use super::Context;

/// Syncs every feed with a progress bar on a terminal, and prints what changed.
pub async fn run(context: &Context) -> i32 {
    let connection = match context.connect().await {
        Ok(connection) => connection,
        Err(error) => return context.fail(error),
    };
    let country = match connection.country().await {
        Ok(country) => country,
        Err(error) => return context.fail(error),
    };
    let mut store = match context.open_cache(country) {
        Ok(store) => store,
        Err(error) => return context.fail(*error),
    };
    let upstream = RingCentral::new(connection.client().clone());
    let bar = (!context.output.is_json() && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{msg:>22} [{bar:30}] {pos}/{len} {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar
    });
    let last = Mutex::new(None);
    let progress = |p: &Progress| {
        if let Some(bar) = &bar {
            bar.set_message(format!("{} ({:?})", p.feed, p.stage).to_lowercase());
            bar.set_length(p.total.unwrap_or(p.done).max(p.done));
            bar.set_position(p.done);
            if p.stage == Stage::Done {
                bar.println(format!("{}: {} records", p.feed, p.done));
            }
        }
        if let Ok(mut last) = last.lock() {
            *last = Some(*p);
        }
    };
    let now = Utc::now();
    let result = sync_all(&mut store, &upstream, &SyncOptions::new(now), &progress).await;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = match result {
        Ok(report) => report,
        Err(error) => return context.fail(error.into()),
    };
    let outbox = match flush_outbox(
        &mut store,
        &upstream,
        now,
        Duration::seconds(RECONCILE_GRACE_SECS),
    )
    .await
    {
        Ok(outbox) => outbox,
        Err(error) => return context.fail(error.into()),
    };
    let counts = match store.counts() {
        Ok(counts) => counts,
        Err(error) => return context.fail(error.into()),
    };
    context.output.emit(&json!({
        "report": report,
        "outbox": outbox,
        "cache": counts,
        "path": context.cache_path(),
    }));
    context.output.say(format!(
        "Synced: {} call, {} message, {} contact and {} directory records written this run.",
        report.call_log.stored,
        report.messages.stored,
        report.contacts.stored,
        report.directory.stored
    ));
    context.output.say(format!(
        "Cache: {} calls, {} messages in {} conversations, {} contacts ({}).",
        counts.calls,
        counts.messages,
        counts.conversations,
        counts.contacts,
        context.cache_path().display()
    ));
    if outbox.sent + outbox.reconciled + outbox.waiting + outbox.failed > 0 {
        context.output.say(format!(
            "Outbox: {} sent, {} found already sent, {} waiting, {} refused.",
            outbox.sent, outbox.reconciled, outbox.waiting, outbox.failed
        ));
    }
    0
}

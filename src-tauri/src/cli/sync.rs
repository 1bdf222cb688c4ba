//! `ringdesk sync`: brings the local cache up to date (chats too), then sends the SMS outbox and
//! the CRM connectors' due events.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use ringdesk_core::app::{Progress, Stage};
use serde_json::json;

use super::Context;

/// Syncs every feed with a progress bar on a terminal, and prints what changed.
pub async fn run(context: &Context) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    let bar = (!context.output.is_json() && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{msg:>22} [{bar:30}] {pos}/{len} {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar
    });
    let progress = |p: &Progress| {
        if let Some(bar) = &bar {
            bar.set_message(format!("{} ({:?})", p.feed, p.stage).to_lowercase());
            bar.set_length(p.total.unwrap_or(p.done).max(p.done));
            bar.set_position(p.done);
            if p.stage == Stage::Done {
                bar.println(format!("{}: {} records", p.feed, p.done));
            }
        }
    };
    let result = context.desk.sync_cache(&progress).await;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(error) => return context.fail(error),
    };
    let (report, outbox, counts) = (&outcome.report, &outcome.outbox, &outcome.cache);
    context.output.emit(&json!({
        "report": report,
        "outbox": outbox,
        "chats": outcome.chats,
        "postsSent": outcome.posts_sent,
        "cache": counts,
        "path": outcome.path,
        "integrations": outcome.integrations,
    }));
    context.output.say(format!(
        "Synced: {} call, {} message, {} contact and {} directory records written this run.",
        report.call_log.stored,
        report.messages.stored,
        report.contacts.stored,
        report.directory.stored
    ));
    if let Some(new_posts) = outcome.chats {
        context.output.say(format!(
            "Chats: {new_posts} new posts since the last sync, {} of yours sent from the outbox.",
            outcome.posts_sent
        ));
    }
    context.output.say(format!(
        "Cache: {} calls, {} messages in {} conversations, {} contacts ({}).",
        counts.calls,
        counts.messages,
        counts.conversations,
        counts.contacts,
        outcome.path.display()
    ));
    if outbox.sent + outbox.reconciled + outbox.waiting + outbox.failed > 0 {
        context.output.say(format!(
            "Outbox: {} sent, {} found already sent, {} waiting, {} refused.",
            outbox.sent, outbox.reconciled, outbox.waiting, outbox.failed
        ));
    }
    let crm = &outcome.integrations;
    for (name, report) in [("Webhook", crm.webhook), ("SuiteDash", crm.suitedash)] {
        if let Some(r) = report {
            context.output.say(format!(
                "{name}: {} delivered, {} to retry, {} refused.",
                r.delivered, r.retried, r.failed
            ));
        }
    }
    for problem in &crm.problems {
        context
            .output
            .say(format!("CRM link: {} {}", problem.message, problem.hint));
    }
    0
}

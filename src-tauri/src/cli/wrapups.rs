//! `ringdesk wrapups` (the calls still to wrap up), `ringdesk wrapup CALL --disposition D
//! [--notes …] [--tag …] [--follow-up TIME --follow-up-note …]` and `ringdesk followups`: the
//! agent's after-call work from the cache, as the window's wrap-up card and Follow-ups list.

use ringdesk_core::app::{WrapUpInput, WrapUpView};
use serde_json::json;

use super::Context;

/// Flags of `wrapup`.
#[derive(Debug, clap::Args)]
pub struct WrapUpArgs {
    /// The call: as `ringdesk wrapups` names it, or any call's id in History (`ringdesk calls
    /// --json`).
    pub call: String,
    /// The outcome (one of the profile's dispositions; `ringdesk wrapups` lists them).
    #[arg(long, value_name = "OUTCOME")]
    pub disposition: String,
    /// Notes.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub notes: String,
    /// A tag. Repeatable.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// When to call back: 2026-12-05T15:00 (your time) or with a time zone.
    #[arg(long, value_name = "TIME")]
    pub follow_up: Option<String>,
    /// What was promised.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub follow_up_note: String,
}

fn line(w: &WrapUpView) -> String {
    let when = w.started.get(..16).unwrap_or(&w.started);
    let outcome = w.disposition.as_deref().unwrap_or("—");
    format!("{when}  {:<24} {:<16} {}", w.party, outcome, w.call_key)
}

/// Prints the calls still to wrap up and the dispositions to pick from.
pub fn list(context: &Context) -> i32 {
    match context.desk.wrapups_to_do() {
        Ok(drafts) => {
            let dispositions = context.desk.dispositions();
            context
                .output
                .emit(&json!({ "to_wrap_up": drafts, "dispositions": dispositions }));
            for draft in &drafts {
                context.output.say(line(draft));
            }
            if drafts.is_empty() {
                context.output.say("Nothing to wrap up.");
            }
            context
                .output
                .say(format!("Dispositions: {}", dispositions.join(", ")));
            0
        }
        Err(error) => context.fail(error),
    }
}

/// Saves a call's wrap-up.
pub fn save(context: &Context, args: WrapUpArgs) -> i32 {
    let input = WrapUpInput {
        call_key: args.call,
        disposition: Some(args.disposition),
        notes: args.notes,
        tags: args.tags,
        follow_up_at: args.follow_up,
        follow_up_note: args.follow_up_note,
    };
    match context.desk.save_wrapup(&input) {
        Ok(saved) => {
            context.output.emit(&saved);
            context.output.say(format!("Wrapped up: {}", line(&saved)));
            0
        }
        Err(error) => context.fail(error),
    }
}

/// Prints the follow-ups: overdue, today, upcoming.
pub fn follow_ups(context: &Context) -> i32 {
    match context.desk.follow_ups() {
        Ok(view) => {
            context.output.emit(&view);
            for (title, group) in [
                ("Overdue", &view.overdue),
                ("Today", &view.today),
                ("Upcoming", &view.upcoming),
            ] {
                if group.is_empty() {
                    continue;
                }
                context.output.say(title);
                for w in group {
                    let at = w.follow_up_at.as_deref().unwrap_or_default();
                    context.output.say(format!(
                        "  {}  {:<24} {}  {}",
                        at.get(..16).unwrap_or(at),
                        w.party,
                        w.number,
                        w.follow_up_note
                    ));
                }
            }
            if view.overdue.is_empty() && view.today.is_empty() && view.upcoming.is_empty() {
                context.output.say("No follow-ups.");
            }
            0
        }
        Err(error) => context.fail(error),
    }
}

//! `ringdesk list import FILE.csv --name NAME`, `list show NAME`, `list next NAME`: call lists
//! from the command line — imported like contacts (each row's first number), shown with each
//! entry's progress, and the next entry dialed and followed to its end like `ringdesk call`
//! (then `ringdesk wrapup` settles it before the next).

use std::path::PathBuf;

use ringdesk_core::app::CallListView;

use super::{call, Context};

/// What `list` does.
#[derive(Debug, clap::Subcommand)]
pub enum ListCommand {
    /// Create a list from a CSV file (columns like a contact import: Name, Phone, Notes …).
    Import {
        /// The CSV file.
        file: PathBuf,
        /// The list's name.
        #[arg(long, value_name = "NAME")]
        name: String,
    },
    /// Print a list and where each entry stands.
    Show {
        /// The list.
        name: String,
    },
    /// Dial the list's next entry and follow the call to its end.
    Next {
        /// The list.
        name: String,
    },
}

fn print_list(context: &Context, list: &CallListView) {
    context.output.say(format!(
        "{}: {} of {} finished",
        list.name,
        list.finished,
        list.entries.len()
    ));
    for e in &list.entries {
        context.output.say(format!(
            "{:>3}. {:<10} {:<24} {:<16} {}",
            e.position,
            format!("{:?}", e.state).to_lowercase(),
            e.name,
            e.display,
            e.note
        ));
    }
}

/// Runs a `list` subcommand.
pub async fn run(context: &Context, command: ListCommand) -> i32 {
    match command {
        ListCommand::Import { file, name } => match context.desk.import_call_list(&name, &file) {
            Ok(imported) => {
                context.output.emit(&imported);
                print_list(context, &imported.list);
                for skipped in &imported.skipped {
                    context.output.say(format!(
                        "line {}: skipped: {}",
                        skipped.line, skipped.reason
                    ));
                }
                0
            }
            Err(error) => context.fail(error),
        },
        ListCommand::Show { name } => match context.desk.call_list(&name) {
            Ok(list) => {
                context.output.emit(&list);
                print_list(context, &list);
                0
            }
            Err(error) => context.fail(error),
        },
        ListCommand::Next { name } => next(context, &name).await,
    }
}

/// Dials the next entry and follows its call to the end.
async fn next(context: &Context, name: &str) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    let mut events = context.desk.subscribe();
    match context.desk.next_in_list(name).await {
        Ok(Some(placed)) => {
            context.output.say(format!(
                "Calling {} — ringing your phone first (RingOut {}).",
                placed.party.international, placed.id
            ));
            // To the end: the call's wrap-up is kept when it ends (`ringdesk wrapups`).
            call::follow(context, placed, &mut events, true).await
        }
        Ok(None) => {
            context
                .output
                .emit(&serde_json::json!({ "event": "through", "list": name }));
            context
                .output
                .say(format!("{name}: nothing left to call now."));
            0
        }
        Err(error) => context.fail(error),
    }
}

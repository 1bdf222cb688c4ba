//! `ringdesk list import FILE.csv --name NAME`, `list paste|add|skip|move|delete|show`, `list
//! next NAME`: call lists from the command line — imported like contacts (each row's first
//! number) or pasted as text, tended, shown with each entry's progress, and the next entry
//! dialed and followed to its end like `ringdesk call` (then `ringdesk wrapup` settles it
//! before the next).

use std::path::PathBuf;

use ringdesk_core::app::{CallListView, Error, ListAddition, ListImportView};

use super::{call, Context};
use crate::{UiError, UiErrorCode};

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
    /// Add the numbers in text read from standard input (each line's first number, named by
    /// the words before it) to a list, made when there is none.
    Paste {
        /// The list.
        name: String,
    },
    /// Add one number to a list, made when there is none.
    Add {
        /// The list.
        name: String,
        /// The number, in any format.
        number: String,
        /// Who it is.
        #[arg(long = "who", value_name = "NAME", default_value = "")]
        who: String,
        /// A note.
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Skip an entry: the list never dials it.
    Skip {
        /// The list.
        name: String,
        /// The entry's number, as `list show` prints it.
        entry: i64,
    },
    /// Move an entry to another place.
    Move {
        /// The list.
        name: String,
        /// The entry's number, as `list show` prints it.
        entry: i64,
        /// Its new place (1 first).
        to: i64,
    },
    /// Delete a list (its calls and wrap-ups stay in History).
    Delete {
        /// The list.
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
        ListCommand::Import { file, name } => {
            imported(context, context.desk.import_call_list(&name, &file))
        }
        ListCommand::Paste { name } => {
            let mut text = String::new();
            if let Err(error) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
                return context.output.fail(&UiError {
                    code: UiErrorCode::Validation,
                    message: format!("cannot read the numbers from standard input: {error}"),
                    hint: "Pipe the text into `ringdesk list paste NAME`.".into(),
                });
            }
            imported(context, context.desk.paste_call_list(&name, &text))
        }
        ListCommand::Add {
            name,
            number,
            who,
            note,
        } => {
            let addition = ListAddition {
                number,
                name: who,
                note,
            };
            imported(context, context.desk.add_to_call_list(&name, &[addition]))
        }
        ListCommand::Skip { name, entry } => {
            shown(context, context.desk.skip_list_entry(&name, entry))
        }
        ListCommand::Move { name, entry, to } => {
            shown(context, context.desk.move_list_entry(&name, entry, to))
        }
        ListCommand::Delete { name } => match context.desk.delete_call_list(&name) {
            Ok(()) => {
                context
                    .output
                    .emit(&serde_json::json!({ "deleted": name.trim() }));
                context
                    .output
                    .say(format!("Deleted the list {}.", name.trim()));
                0
            }
            Err(error) => context.fail(error),
        },
        ListCommand::Show { name } => shown(context, context.desk.call_list(&name)),
        ListCommand::Next { name } => next(context, &name).await,
    }
}

/// Prints a list made or added to, and the lines skipped.
fn imported(context: &Context, result: Result<ListImportView, Error>) -> i32 {
    match result {
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
    }
}

/// Prints a list after a change.
fn shown(context: &Context, result: Result<CallListView, Error>) -> i32 {
    match result {
        Ok(list) => {
            context.output.emit(&list);
            print_list(context, &list);
            0
        }
        Err(error) => context.fail(error),
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

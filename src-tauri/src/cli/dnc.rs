//! `ringdesk dnc add NUMBER [--note TEXT]`, `dnc import FILE [--note TEXT]`, `dnc remove
//! NUMBER`, `dnc list`: the profile's do-not-call list (numbers ringdesk never dials, compared in
//! E.164).

use serde_json::json;

use super::Context;
use crate::{UiError, UiErrorCode};

/// What `dnc` does.
#[derive(Debug, clap::Subcommand)]
pub enum DncCommand {
    /// Put a number on the list.
    Add {
        /// The number, in any spelling.
        number: String,
        /// Why (the customer asked, a complaint …).
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Put every number in a file on the list (one or more per line, any spelling; `-` reads
    /// standard input).
    Import {
        /// The file.
        file: std::path::PathBuf,
        /// Why, for each of them.
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Take a number off the list.
    Remove {
        /// The number.
        number: String,
    },
    /// Print the list.
    List,
}

/// Runs a `dnc` subcommand (the cache only: no sign-in needed).
pub fn run(context: &Context, command: DncCommand) -> i32 {
    match command {
        DncCommand::Add { number, note } => match context.desk.add_do_not_call(&number, &note) {
            Ok(added) => {
                context.output.emit(&added);
                context
                    .output
                    .say(format!("{} will not be called.", added.number));
                0
            }
            Err(error) => context.fail(error),
        },
        DncCommand::Import { file, note } => {
            let read = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())
            } else {
                std::fs::read_to_string(&file)
            };
            let text = match read {
                Ok(text) => text,
                Err(error) => {
                    return context.output.fail(&UiError {
                        code: UiErrorCode::Validation,
                        message: format!("cannot read {}: {error}", file.display()),
                        hint: "Give a text or CSV file of numbers, or - for standard input.".into(),
                    })
                }
            };
            match context.desk.import_do_not_call(&text, &note) {
                Ok(import) => {
                    context.output.emit(&import);
                    context.output.say(format!(
                        "{} numbers will not be called.",
                        import.added.len()
                    ));
                    for skipped in &import.skipped {
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
        DncCommand::Remove { number } => match context.desk.remove_do_not_call(&number) {
            Ok(removed) => {
                context
                    .output
                    .emit(&json!({ "removed": removed, "number": number }));
                context.output.say(if removed {
                    "Taken off the do-not-call list."
                } else {
                    "That number was not on the do-not-call list."
                });
                0
            }
            Err(error) => context.fail(error),
        },
        DncCommand::List => match context.desk.do_not_call_list() {
            Ok(list) => {
                context.output.emit(&json!({ "numbers": list }));
                for entry in &list {
                    context
                        .output
                        .say(format!("{:<20} {}", entry.number, entry.note));
                }
                if list.is_empty() {
                    context.output.say("The do-not-call list is empty.");
                }
                0
            }
            Err(error) => context.fail(error),
        },
    }
}

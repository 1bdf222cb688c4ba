//! `ringdesk import contacts FILE.csv`: local contacts from CSV, with every skipped row reported.

use std::path::PathBuf;

use serde_json::json;

use super::Context;

/// Importable to import.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Importable {
    /// Local contacts (First Name, Last Name, Email, Phone, Company, Tags, Notes).
    Contacts,
}

/// Flags of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Importable to import.
    #[arg(value_enum)]
    pub what: Importable,
    /// The CSV file to read.
    pub file: PathBuf,
}

/// Imports the file and reports rows skipped and why. Fails only when nothing could be read.
pub async fn run(context: &Context, args: ImportArgs) -> i32 {
    let Importable::Contacts = args.what;
    match context.desk.import_contacts_csv(&args.file) {
        Ok(report) => {
            context
                .output
                .emit(&json!({ "imported": report.imported, "skipped": report.skipped }));
            context.output.say(format!(
                "Imported {} contacts; skipped {} rows.",
                report.imported,
                report.skipped.len()
            ));
            for row in &report.skipped {
                context
                    .output
                    .say(format!("  line {}: {}", row.line, row.reason));
            }
            0
        }
        Err(error) => context.fail(error),
    }
}

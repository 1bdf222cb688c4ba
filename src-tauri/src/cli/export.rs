//! `ringdesk export calls|messages|contacts --csv FILE`.

use std::path::PathBuf;

use ringdesk_core::app::ExportKind;
use serde_json::json;

use super::Context;

/// Exportable to export.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Exportable {
    /// The call history.
    Calls,
    /// Every message.
    Messages,
    /// Every contact, in SuiteDash's column layout.
    Contacts,
}

/// Flags of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Exportable to export.
    #[arg(value_enum)]
    pub what: Exportable,
    /// The CSV file to write.
    #[arg(long, value_name = "FILE")]
    pub csv: PathBuf,
}

/// Writes the CSV file.
pub async fn run(context: &Context, args: ExportArgs) -> i32 {
    let kind = match args.what {
        Exportable::Calls => ExportKind::Calls,
        Exportable::Messages => ExportKind::Messages,
        Exportable::Contacts => ExportKind::Contacts,
    };
    match context.desk.export_csv(kind, &args.csv) {
        Ok(rows) => {
            context
                .output
                .emit(&json!({ "rows": rows, "file": args.csv }));
            context
                .output
                .say(format!("Wrote {rows} rows to {}.", args.csv.display()));
            0
        }
        Err(error) => context.fail(error),
    }
}

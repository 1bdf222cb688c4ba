//! `ringdesk export calls|messages|contacts --csv FILE`.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use ringdesk_core::import_export::{export_calls, export_contacts, export_messages};
use serde_json::json;

use super::Context;

/// What to export.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum What {
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
    /// What to export.
    #[arg(value_enum)]
    pub what: What,
    /// The CSV file to write.
    #[arg(long, value_name = "FILE")]
    pub csv: PathBuf,
}

/// Writes the CSV file.
pub async fn run(context: &Context, args: ExportArgs) -> i32 {
    let store = match context.cache() {
        Ok((store, _)) => store,
        Err(error) => return context.fail(*error),
    };
    let file = match File::create(&args.csv) {
        Ok(file) => BufWriter::new(file),
        Err(error) => {
            let error = ringdesk_core::import_export::TransferError::Csv(error.into());
            return context.fail(error.into());
        }
    };
    let written = match args.what {
        What::Calls => export_calls(&store, file),
        What::Messages => export_messages(&store, file),
        What::Contacts => export_contacts(&store, file),
    };
    match written {
        Ok(rows) => {
            context
                .output
                .emit(&json!({ "rows": rows, "file": args.csv }));
            context
                .output
                .say(format!("Wrote {rows} rows to {}.", args.csv.display()));
            0
        }
        Err(error) => context.fail(error.into()),
    }
}

//! `ringdesk export calls|messages|contacts --csv FILE`, and `export contacts --for suitedash
//! [--all] --csv FILE` (SuiteDash's import mode).

use std::path::PathBuf;

use ringdesk_core::app::ExportKind;
use serde_json::json;

use super::Context;
use crate::{UiError, UiErrorCode};

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
    /// Contacts only: write them for this CRM's importer (`suitedash`: its import layout, only
    /// the contacts not yet exported, recorded in the export history).
    #[arg(long = "for", value_name = "CRM", value_parser = ["suitedash"])]
    pub for_crm: Option<String>,
    /// With --for: every contact, exported before or not.
    #[arg(long, requires = "for_crm")]
    pub all: bool,
}

/// Writes the CSV file.
pub async fn run(context: &Context, args: ExportArgs) -> i32 {
    if args.for_crm.is_some() {
        return for_suitedash(context, &args);
    }
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

/// `export contacts --for suitedash [--all] --csv FILE`.
fn for_suitedash(context: &Context, args: &ExportArgs) -> i32 {
    if !matches!(args.what, Exportable::Contacts) {
        return context.output.fail(&UiError {
            code: UiErrorCode::Validation,
            message: "--for suitedash exports contacts only".into(),
            hint: "Run: ringdesk export contacts --for suitedash --csv FILE".into(),
        });
    }
    match context.desk.export_for_suitedash(&args.csv, args.all) {
        Ok(export) => {
            context.output.emit(&export);
            context.output.say(format!(
                "Wrote {} contacts to {} for SuiteDash's importer (export {}). Once SuiteDash \
                 has imported it: ringdesk integrations mark-exported {}",
                export.rows, export.path, export.id, export.id
            ));
            0
        }
        Err(error) => context.fail(error),
    }
}

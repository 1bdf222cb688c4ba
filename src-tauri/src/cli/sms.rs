//! `ringdesk sms NUMBER TEXT [--from N]`.

use chrono::Utc;
use ringdesk_core::desk::DeskError;
use ringdesk_core::messaging::{choose_sender, SmsText};
use ringdesk_core::phone::{self, DisplayFormat};
use ringdesk_core::store::OutboxState;
use ringdesk_core::sync::{send_through_outbox, RingCentral};
use serde_json::json;

use super::Context;

/// Flags of `sms`.
#[derive(Debug, clap::Args)]
pub struct SmsArgs {
    /// The recipient, in any format.
    pub number: String,
    /// The message (at most 1000 UTF-16 units; emoji count twice).
    pub text: String,
    /// Send from this number (one of yours that can text); picked automatically when absent.
    #[arg(long, value_name = "N")]
    pub from: Option<String>,
}

/// Sends the text and prints the message id and status.
pub async fn run(context: &Context, args: SmsArgs) -> i32 {
    let text = match SmsText::new(&args.text) {
        Ok(text) => text,
        Err(error) => return context.fail(error.into()),
    };
    let connection = match context.connect().await {
        Ok(connection) => connection,
        Err(error) => return context.fail(error),
    };
    let country = match connection.country().await {
        Ok(country) => country,
        Err(error) => return context.fail(error),
    };
    let parse = |input: &str| phone::parse_input(input).and_then(|t| phone::normalize(&t, country));
    let to = match parse(&args.number) {
        Ok(to) => to,
        Err(error) => return context.fail(error.into()),
    };
    let preferred = match args
        .from
        .or_else(|| connection.profile().settings.sms_sender.clone())
    {
        Some(from) => match parse(&from) {
            Ok(from) => Some(from.e164().to_string()),
            Err(error) => return context.fail(error.into()),
        },
        None => None,
    };
    let from = match choose_sender(connection.client(), preferred.as_deref()).await {
        Ok(from) => from,
        Err(error) => return context.fail(error.into()),
    };
    let mut store = match context.open_cache(country) {
        Ok(store) => store,
        Err(error) => return context.fail(*error),
    };
    let upstream = RingCentral::new(connection.client().clone());
    let sent = send_through_outbox(
        &mut store,
        &upstream,
        to.e164(),
        &from,
        text.as_str(),
        Utc::now(),
    )
    .await;
    let item = match sent {
        Ok(item) => item,
        Err(error) => return context.fail(error.into()),
    };
    let segments = text.segments();
    let plural = if segments == 1 { "" } else { "s" };
    let to_shown = to.display(DisplayFormat::International);
    match item.state {
        OutboxState::Failed => {
            let reason = item
                .error
                .unwrap_or_else(|| "RingCentral refused it".into());
            context.fail(DeskError::TextRefused(reason).into())
        }
        state => {
            context.output.emit(&json!({
                "message_id": item.message_id,
                "outbox_id": item.id,
                "state": state,
                "from": from,
                "to": to.e164(),
                "units": text.units(),
                "segments": segments,
            }));
            match item.message_id {
                Some(id) if state == OutboxState::Sent => context.output.say(format!(
                    "Sent to {to_shown} from {from}: message {id} ({segments} segment{plural})."
                )),
                _ => context.output.say(format!(
                    "Queued for {to_shown}: RingCentral cannot be reached now; the next `ringdesk sync` (or the window) sends it once."
                )),
            }
            0
        }
    }
}

//! `ringdesk sms NUMBER TEXT [--from N]`.

use ringdesk_core::app::OutboxState;
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

/// Sends the text through the outbox and prints the message id and status.
pub async fn run(context: &Context, args: SmsArgs) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    let sent = match context
        .desk
        .send_sms(&args.number, &args.text, args.from.as_deref())
        .await
    {
        Ok(sent) => sent,
        Err(error) => return context.fail(error),
    };
    context.output.emit(&json!({
        "message_id": sent.message_id,
        "outbox_id": sent.outbox_id,
        "state": sent.state,
        "from": sent.from,
        "to": sent.to,
        "units": sent.units,
        "segments": sent.segments,
    }));
    let plural = if sent.segments == 1 { "" } else { "s" };
    match sent.message_id {
        Some(id) if sent.state == OutboxState::Sent => context.output.say(format!(
            "Sent to {} from {}: message {id} ({} segment{plural}).",
            sent.to_display, sent.from, sent.segments
        )),
        _ => context.output.say(format!(
            "Queued for {}: RingCentral cannot be reached now; the next `ringdesk sync` (or the window) sends it once.",
            sent.to_display
        )),
    }
    0
}

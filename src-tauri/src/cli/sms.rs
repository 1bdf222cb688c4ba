//! `ringdesk sms NUMBER TEXT [--from N]`.

use ringdesk_core::messaging::{choose_sender, send_sms, SmsText};
use ringdesk_core::phone::{self, DisplayFormat};
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
    match send_sms(connection.client(), &from, &to, &text).await {
        Ok(message) => {
            let status = message
                .message_status
                .clone()
                .unwrap_or_else(|| "Queued".into());
            context.output.emit(&json!({
                "message_id": message.id,
                "status": status,
                "from": from,
                "to": to.e164(),
                "units": text.units(),
                "segments": text.segments(),
            }));
            context.output.say(format!(
                "Sent to {} from {from}: message {} is {status} ({} segment{}).",
                to.display(DisplayFormat::International),
                message.id,
                text.segments(),
                if text.segments() == 1 { "" } else { "s" }
            ));
            0
        }
        Err(error) => context.fail(error.into()),
    }
}

//! `ringdesk presence [available|busy|dnd|offline]`: the agent's RingCentral presence, read or
//! set (Do not disturb stops calls ringing on every device).

use ringdesk_core::app::PresenceChoice;
use serde_json::json;

use super::Context;

/// Arguments of `ringdesk presence`.
#[derive(Debug, clap::Args)]
pub struct PresenceArgs {
    /// Set it: available, busy, dnd (Do not disturb) or offline (invisible to colleagues).
    pub choice: Option<String>,
}

/// Reads presence, or sets it first.
pub async fn run(context: &Context, args: PresenceArgs) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    let result = match args.choice.as_deref().map(PresenceChoice::parse) {
        None => context.desk.presence().await,
        Some(Ok(choice)) => context.desk.set_presence(choice).await,
        Some(Err(error)) => Err(error),
    };
    match result {
        Ok(view) => {
            let choice = PresenceChoice::of(&view);
            context.output.emit(&json!({
                "presence": choice,
                "userStatus": view.user_status,
                "dndStatus": view.dnd_status,
                "telephonyStatus": view.telephony_status,
            }));
            context.output.say(choice.words());
            0
        }
        Err(error) => context.fail(error),
    }
}

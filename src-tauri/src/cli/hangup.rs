//! `ringdesk hangup`: ends the call on the agent's line for everyone (RingCentral's Call
//! Control; without that permission the agent is told to use the phone).

use serde_json::json;

use super::Context;

/// Hangs up the call on the line.
pub async fn run(context: &Context) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    match context.desk.hang_up().await {
        Ok(()) => {
            context.output.emit(&json!({ "hung_up": true }));
            context.output.say("Hung up.");
            0
        }
        Err(error) => context.fail(error),
    }
}

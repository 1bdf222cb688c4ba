//! `ringdesk calls --live`: live call changes as they happen, until Ctrl-C — one JSON line each
//! with `--json` (for scripts that pop a CRM page when a customer calls), a sentence otherwise.

use ringdesk_core::app::DeskEvent;
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;

use super::Context;

/// Prints live call changes until Ctrl-C (exit 0) or the connection is lost (exit 1).
pub async fn run(context: &Context) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    let mut events = match context.desk.follow_live().await {
        Ok(events) => events,
        Err(error) => return context.fail(error),
    };
    let demo_server = context.desk.demo_server().await;
    context
        .output
        .emit(&json!({ "event": "following", "demo_server": demo_server }));
    context.output.say("Following your calls (Ctrl-C to stop)…");
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(DeskEvent::LiveCall(change)) => {
                    context.output.emit(&json!({ "event": "call", "call": change }));
                    context.output.say(change.summary());
                }
                Ok(_) => {}
                Err(RecvError::Lagged(missed)) => {
                    tracing::warn!(missed, "live call events were dropped");
                }
                Err(RecvError::Closed) => return super::FAILURE,
            },
            _ = tokio::signal::ctrl_c() => return 0,
        }
    }
}

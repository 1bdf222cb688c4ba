//! `ringdesk call NUMBER [--from N] [--caller-id N] [--no-wait] [--dry-run] [--follow]`.

use ringdesk_core::app::{CallPhase, CallPreview, CallRequest, CallView, DeskEvent, RingMeAt};
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;

use super::{Context, FAILURE, INTERRUPTED};

/// Flags of `call`.
#[derive(Debug, clap::Args)]
pub struct CallArgs {
    /// The number to call, in any format (national numbers use the account's country).
    pub number: String,
    /// Your phone ("ring me at"): a number or a forwarding-number id.
    #[arg(long, value_name = "N")]
    pub from: Option<String>,
    /// The caller ID the other party sees (one of your CallerId numbers).
    #[arg(long, value_name = "N")]
    pub caller_id: Option<String>,
    /// Place the call and exit without following it.
    #[arg(long)]
    pub no_wait: bool,
    /// Print the normalised number and the request that would be sent; place nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Follow the call until it ends, not only until it connects.
    #[arg(long)]
    pub follow: bool,
}

/// Plans, places and follows the call; exits non-zero unless it connected.
pub async fn run(context: &Context, args: CallArgs) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    let request = CallRequest {
        number: args.number.clone(),
        ring_me_at: args.from.clone(),
        caller_id: args.caller_id.clone(),
    };
    if args.dry_run {
        return match context.desk.preview_call(&request).await {
            Ok(preview) => dry_run(context, &preview),
            Err(error) => context.fail(error),
        };
    }
    let mut events = context.desk.subscribe();
    let call = match context.desk.place_call(&request).await {
        Ok(call) => call,
        Err(error) => return context.fail(error),
    };
    let output = &context.output;
    output.emit(&json!({ "event": "placed", "ringout_id": call.id, "to": call.party.e164, "ring_me_at": call.ring_me_at }));
    output.say(format!(
        "Calling {} — ringing your phone {} first (RingOut {}).",
        call.party.international,
        ring_me_at_text(&call.ring_me_at),
        call.id
    ));
    if args.no_wait {
        return 0;
    }
    follow(context, call, &mut events, args.follow).await
}

/// Prints each phase of the call as the desk tells it, until it is final (or connected, unless
/// `to_the_end`); Ctrl-C cancels a call that still rings.
pub(super) async fn follow(
    context: &Context,
    first: CallView,
    events: &mut tokio::sync::broadcast::Receiver<DeskEvent>,
    to_the_end: bool,
) -> i32 {
    let output = &context.output;
    let id = first.id.clone();
    let mut now = first;
    let mut interrupted = false;
    loop {
        print_progress(context, &now);
        let done = now.done || (!to_the_end && now.progress.phase == CallPhase::Connected);
        if done {
            let code = match (&now.progress.phase, interrupted) {
                (CallPhase::Cancelled, true) => INTERRUPTED,
                _ if now.success => 0,
                _ => FAILURE,
            };
            output.emit(&json!({ "event": "result", "ringout_id": id, "success": code == 0, "progress": now.progress }));
            return code;
        }
        tokio::select! {
            event = events.recv() => match event {
                Ok(DeskEvent::Call(view)) if view.id == id => now = *view,
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => {
                    output.say("Lost track of the call; check your phone.");
                    return FAILURE;
                }
            },
            _ = tokio::signal::ctrl_c(), if !interrupted => {
                interrupted = true;
                if now.cancellable {
                    output.say("Cancelling the call…");
                    match context.desk.cancel_call(&id).await {
                        Ok(view) => now = view,
                        Err(error) => return context.fail(error),
                    }
                } else {
                    output.say("The call is already connected; it goes on on your phone.");
                    return INTERRUPTED;
                }
            }
        }
    }
}

fn print_progress(context: &Context, call: &CallView) {
    let status = &call.progress.status;
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".into());
    context
        .output
        .emit(&json!({ "event": "progress", "progress": call.progress }));
    context.output.say(format!(
        "  {:<24} {:<36} call {} · you {} · them {}",
        call.progress.phase.label(),
        call.words.summary,
        field(&status.call_status),
        field(&status.caller_status),
        field(&status.callee_status),
    ));
    if let (true, Some(hint)) = (call.done, &call.words.hint) {
        context.output.say(format!("  {hint}"));
    }
}

fn ring_me_at_text(ring_me_at: &RingMeAt) -> String {
    match ring_me_at {
        RingMeAt::Number(number) => number.clone(),
        RingMeAt::Forwarding { phone_number, .. } => phone_number.clone(),
    }
}

fn dry_run(context: &Context, preview: &CallPreview) -> i32 {
    let mut report = json!({ "dry_run": true });
    if let (Some(report), Ok(serde_json::Value::Object(fields))) =
        (report.as_object_mut(), serde_json::to_value(preview))
    {
        report.extend(fields);
    }
    context.output.emit(&report);
    let output = &context.output;
    output.say(format!(
        "Number:     {} ({})",
        preview.to, preview.to_display
    ));
    if let Some(extension) = &preview.extension {
        output.say(format!(
            "Extension:  {extension} (key it in once connected)"
        ));
    }
    output.say(format!(
        "Ring me at: {}",
        ring_me_at_text(&preview.ring_me_at)
    ));
    let request = &preview.request;
    output.say(format!(
        "Would send:  {} {}\n{}",
        request.method,
        request.url,
        request
            .body
            .as_ref()
            .and_then(|body| serde_json::to_string_pretty(body).ok())
            .unwrap_or_default()
    ));
    0
}

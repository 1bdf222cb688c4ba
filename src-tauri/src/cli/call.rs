//! `ringdesk call NUMBER [--from N] [--caller-id N] [--no-wait] [--dry-run] [--follow]`.

use ringdesk_core::api::ringout::create_call;
use ringdesk_core::calls::{
    place, plan_call, CallPhase, CallPlan, CallProgress, CallTarget, RingMeAt, RingOutCall,
};
use ringdesk_core::phone::DisplayFormat;
use serde_json::json;

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
    let connection = match context.connect().await {
        Ok(connection) => connection,
        Err(error) => return context.fail(error),
    };
    let country = match connection.country().await {
        Ok(country) => country,
        Err(error) => return context.fail(error),
    };
    let settings = &connection.profile().settings;
    let target = CallTarget {
        number: args.number.clone(),
        ring_me_at: args.from.clone().or_else(|| settings.ring_me_at.clone()),
        caller_id: args
            .caller_id
            .clone()
            .or_else(|| settings.caller_id.clone()),
        country,
    };
    let plan = match plan_call(connection.client(), &target).await {
        Ok(plan) => plan,
        Err(error) => return context.fail(error.into()),
    };
    if args.dry_run {
        return dry_run(context, &plan, connection.client().transport().base_url());
    }
    let call = match place(connection.client(), &plan).await {
        Ok(call) => call,
        Err(error) => return context.fail(error.into()),
    };
    let output = &context.output;
    output.emit(&json!({ "event": "placed", "ringout_id": call.id(), "to": plan.to.e164(), "ring_me_at": plan.ring_me_at }));
    output.say(format!(
        "Calling {} — ringing your phone {} first (RingOut {}).",
        plan.to.display(DisplayFormat::International),
        ring_me_at_text(&plan.ring_me_at),
        call.id()
    ));
    if args.no_wait {
        return 0;
    }
    follow(context, &call, args.follow).await
}

async fn follow(context: &Context, call: &RingOutCall, to_the_end: bool) -> i32 {
    let output = &context.output;
    let mut progress = call.progress();
    let mut interrupted = false;
    let mut printed: Option<CallProgress> = None;
    loop {
        let now = progress.borrow_and_update().clone();
        if printed.as_ref() != Some(&now) {
            print_progress(context, &now);
            printed = Some(now.clone());
        }
        let done = now.phase.is_final() || (!to_the_end && now.phase == CallPhase::Connected);
        if done {
            let code = match (&now.phase, interrupted) {
                (CallPhase::Cancelled, true) => INTERRUPTED,
                (phase, _) if phase.is_success() => 0,
                _ => FAILURE,
            };
            output.emit(&json!({ "event": "result", "ringout_id": call.id(), "success": code == 0, "progress": now }));
            return code;
        }
        tokio::select! {
            changed = progress.changed() => {
                if changed.is_err() {
                    output.say("Lost track of the call; check your phone.");
                    return FAILURE;
                }
            }
            _ = tokio::signal::ctrl_c(), if !interrupted => {
                interrupted = true;
                if call.latest().phase.is_cancellable() {
                    output.say("Cancelling the call…");
                    if let Err(error) = call.cancel().await {
                        return context.fail(error.into());
                    }
                } else {
                    output.say("The call is already connected; it goes on on your phone.");
                    return INTERRUPTED;
                }
            }
        }
    }
}

fn print_progress(context: &Context, progress: &CallProgress) {
    let status = &progress.status;
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".into());
    context
        .output
        .emit(&json!({ "event": "progress", "progress": progress }));
    context.output.say(format!(
        "  {:<40} call {} · you {} · them {}",
        progress.phase.describe(),
        field(&status.call_status),
        field(&status.caller_status),
        field(&status.callee_status),
    ));
}

fn ring_me_at_text(ring_me_at: &RingMeAt) -> String {
    match ring_me_at {
        RingMeAt::Number(number) => number.clone(),
        RingMeAt::Forwarding { phone_number, .. } => phone_number.clone(),
    }
}

fn dry_run(context: &Context, plan: &CallPlan, base_url: &str) -> i32 {
    let call = create_call(&plan.request);
    let endpoint = call.endpoint();
    let request = json!({
        "method": endpoint.method.as_str(),
        "url": call.url(base_url),
        "operation": endpoint.operation,
        "rate_limit_group": endpoint.group,
        "body": call.body(),
    });
    context.output.emit(&json!({
        "dry_run": true,
        "to": plan.to.e164(),
        "to_display": plan.to.display(DisplayFormat::International),
        "ring_me_at": plan.ring_me_at,
        "caller_id": plan.caller_id.as_ref().map(|n| n.e164()),
        "request": request,
    }));
    context.output.say(format!(
        "Number:     {} ({})",
        plan.to.e164(),
        plan.to.display(DisplayFormat::International)
    ));
    context
        .output
        .say(format!("Ring me at: {}", ring_me_at_text(&plan.ring_me_at)));
    context.output.say(format!(
        "Would send:  {} {}\n{}",
        endpoint.method,
        call.url(base_url),
        serde_json::to_string_pretty(&call.body()).unwrap_or_default()
    ));
    0
}

//! `ringdesk integrations …`: the CRM connectors — their secrets into the keychain (read from
//! standard input, never from an argument a process list would show), *Test connection*, the
//! queues' status, a replay, SuiteDash's pull and new leads, and import mode's *Mark as exported*.

use std::io::Read;

use ringdesk_core::app::Secret;
use ringdesk_core::app::{Error, EventView, LeadInput, TestView};
use serde_json::json;

use super::Context;
use crate::{UiError, UiErrorCode};

/// What `integrations` does.
#[derive(Debug, clap::Subcommand)]
pub enum IntegrationsCommand {
    /// Store the webhook's signing secret in the keychain (read from standard input).
    WebhookSecret,
    /// Store SuiteDash's secret key in the keychain (read from standard input).
    SuitedashKey,
    /// Test a connector: the webhook gets a signed test event, SuiteDash is asked for its contacts.
    Test {
        /// `webhook` or `suitedash`.
        connector: String,
    },
    /// The connectors set up, their queues, failed events, SuiteDash's quota and the exports.
    Status,
    /// The connectors' requests from the activity log, newest first: operation, request id,
    /// outcome, HTTP status, duration, error code.
    Log {
        /// How many.
        #[arg(long, default_value_t = 30)]
        limit: usize,
    },
    /// Send an event again (a failed one, or one the receiver lost).
    Replay {
        /// The event id (`evt_…`), as `status` lists it.
        event_id: String,
    },
    /// Collect new events and send every due one now (also done by `ringdesk sync`).
    Send,
    /// Pull SuiteDash's contacts and companies into the cache now.
    Pull,
    /// Create a SuiteDash lead for a number (queued: sent now, or once SuiteDash is reachable).
    SuitedashAdd {
        /// The number, in any spelling.
        number: String,
        /// Full name.
        #[arg(long, default_value = "")]
        name: String,
        /// Company.
        #[arg(long, default_value = "")]
        company: String,
        /// E-mail.
        #[arg(long, default_value = "")]
        email: String,
        /// Tags, comma-separated.
        #[arg(long, default_value = "")]
        tags: String,
    },
    /// Replace the tags of a SuiteDash contact (its id in the cache, as `contacts --json` shows).
    SuitedashTags {
        /// The contact's id in the cache.
        contact_id: i64,
        /// Tags, comma-separated (empty clears them).
        tags: String,
    },
    /// Mark the contacts of an export as imported into SuiteDash (the latest export by default).
    MarkExported {
        /// The export's id, as `status` lists it.
        export_id: Option<i64>,
    },
}

/// Runs an `integrations` subcommand (the cache and the connectors: no RingCentral sign-in).
pub async fn run(context: &Context, command: IntegrationsCommand) -> i32 {
    match command {
        IntegrationsCommand::WebhookSecret => store_secret(context, "webhook").await,
        IntegrationsCommand::SuitedashKey => store_secret(context, "suitedash").await,
        IntegrationsCommand::Test { connector } => {
            match context.desk.test_integration(&connector).await {
                Ok(view) => {
                    context.output.emit(&view);
                    context.output.say(match &view {
                        TestView::Webhook { http_status } => {
                            format!("The webhook took a signed test event (HTTP {http_status}).")
                        }
                        TestView::Suitedash(account) => format!(
                            "SuiteDash account {} answered: {} contacts. {} of {} requests used this month.",
                            account.public_id,
                            account.contacts.map_or("?".into(), |n| n.to_string()),
                            account.quota.used,
                            account.quota.quota,
                        ),
                    });
                    0
                }
                Err(error) => context.fail(error),
            }
        }
        IntegrationsCommand::Status => match context.desk.integrations().await {
            Ok(view) => {
                context.output.emit(&view);
                for connector in [&view.webhook, &view.suitedash].into_iter().flatten() {
                    context.output.say(format!(
                        "{}: {}{} — {} pending, {} delivered, {} failed{}",
                        connector.name,
                        connector.url,
                        if connector.secret_set {
                            ""
                        } else {
                            " (no secret in the keychain)"
                        },
                        connector.queue.pending + connector.queue.sending,
                        connector.queue.delivered,
                        connector.queue.failed,
                        connector.quota.as_ref().map_or(String::new(), |q| format!(
                            "; {} of {} requests in {}{}",
                            q.used,
                            q.quota,
                            q.month,
                            if q.warning { " (over 80 %)" } else { "" }
                        )),
                    ));
                    for failed in &connector.failed {
                        say_event(context, failed);
                    }
                }
                if view.webhook.is_none() && view.suitedash.is_none() {
                    context
                        .output
                        .say("No connector is set up for this profile.");
                }
                for export in &view.exports {
                    context.output.say(format!(
                        "export {}: {} rows to {} at {}{}",
                        export.id,
                        export.rows,
                        export.path,
                        export.at,
                        if export.marked {
                            " (marked as exported)"
                        } else {
                            ""
                        }
                    ));
                }
                0
            }
            Err(error) => context.fail(error),
        },
        IntegrationsCommand::Log { limit } => match context.desk.integration_log(limit) {
            Ok(entries) => {
                context.output.emit(&entries);
                for entry in &entries {
                    context.output.say(format!(
                        "{} {} {:?} {} {} ms {}{}",
                        entry.at.to_rfc3339(),
                        entry.action,
                        entry.outcome,
                        entry
                            .http_status
                            .map_or("-".to_string(), |status| status.to_string()),
                        entry.duration_ms,
                        entry.request_id.as_deref().unwrap_or(""),
                        entry
                            .error_code
                            .as_ref()
                            .map_or(String::new(), |code| format!(" {code}")),
                    ));
                }
                if entries.is_empty() {
                    context.output.say("No connector request yet.");
                }
                0
            }
            Err(error) => context.fail(error),
        },
        IntegrationsCommand::Replay { event_id } => match context.desk.replay_event(&event_id) {
            Ok(event) => {
                let outcome = context.desk.run_integrations().await;
                context
                    .output
                    .emit(&json!({ "event": event, "run": outcome }));
                context
                    .output
                    .say(format!("{} queued again.", event.event_id));
                0
            }
            Err(error) => context.fail(error),
        },
        IntegrationsCommand::Send => {
            let outcome = context.desk.run_integrations().await;
            context.output.emit(&outcome);
            context.output.say(format!(
                "{} events queued; webhook: {}; SuiteDash: {}.",
                outcome.events_queued,
                report(outcome.webhook.as_ref()),
                report(outcome.suitedash.as_ref()),
            ));
            for problem in &outcome.problems {
                context.output.say(format!("problem: {}", problem.message));
            }
            i32::from(!outcome.problems.is_empty())
        }
        IntegrationsCommand::Pull => match context.desk.pull_suitedash().await {
            Ok(pulled) => {
                context.output.emit(&pulled);
                context.output.say(format!(
                    "Pulled {} contacts and {} companies from SuiteDash ({} removed, {} requests).",
                    pulled.contacts, pulled.companies, pulled.removed, pulled.pages
                ));
                0
            }
            Err(error) => context.fail(error),
        },
        IntegrationsCommand::SuitedashAdd {
            number,
            name,
            company,
            email,
            tags,
        } => {
            let input = LeadInput {
                number,
                name,
                company,
                email,
                tags,
            };
            send_queued(context, context.desk.add_suitedash_lead(&input)).await
        }
        IntegrationsCommand::SuitedashTags { contact_id, tags } => {
            send_queued(context, context.desk.set_suitedash_tags(contact_id, &tags)).await
        }
        IntegrationsCommand::MarkExported { export_id } => {
            match context.desk.mark_exported(export_id) {
                Ok(export) => {
                    context.output.emit(&export);
                    context.output.say(format!(
                        "The {} contacts of export {} are marked as exported.",
                        export.rows, export.id
                    ));
                    0
                }
                Err(error) => context.fail(error),
            }
        }
    }
}

async fn store_secret(context: &Context, connector: &str) -> i32 {
    let mut text = String::new();
    if let Err(error) = std::io::stdin().take(64 * 1024).read_to_string(&mut text) {
        return context.output.fail(&UiError {
            code: UiErrorCode::Validation,
            message: format!("cannot read the secret from standard input: {error}"),
            hint: "Pipe it in: printf %s \"$SECRET\" | ringdesk integrations webhook-secret".into(),
        });
    }
    match context
        .desk
        .set_integration_secret(connector, Secret::new(text.trim()))
        .await
    {
        Ok(()) => {
            context.output.emit(&json!({ "stored": connector }));
            context
                .output
                .say(format!("The {connector} secret is in the keychain."));
            0
        }
        Err(error) => context.fail(error),
    }
}

/// Sends what was just queued at once (it stays queued if it cannot go now) and says how it went.
async fn send_queued(context: &Context, queued: Result<EventView, Error>) -> i32 {
    let queued = match queued {
        Ok(queued) => queued,
        Err(error) => return context.fail(error),
    };
    let outcome = context.desk.run_integrations().await;
    let event = context
        .desk
        .integration_event(&queued.event_id)
        .unwrap_or(queued);
    context
        .output
        .emit(&json!({ "event": event, "run": outcome }));
    say_event(context, &event);
    0
}

fn say_event(context: &Context, event: &EventView) {
    context.output.say(format!(
        "{} {} {:?} after {} attempts{}{}",
        event.event_id,
        event.kind,
        event.state,
        event.attempts,
        event
            .http_status
            .map_or(String::new(), |s| format!(", HTTP {s}")),
        event
            .error
            .as_ref()
            .map_or(String::new(), |e| format!(": {e}")),
    ));
}

fn report(report: Option<&ringdesk_core::app::DeliveryReport>) -> String {
    match report {
        Some(r) => format!(
            "{} delivered, {} to retry, {} failed",
            r.delivered, r.retried, r.failed
        ),
        None => "not set up".into(),
    }
}

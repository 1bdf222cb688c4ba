//! Settings → Integrations, and *Add to SuiteDash* from the banner, History and a thread.

use std::sync::Arc;

use ringdesk_core::app::{
    Desk, EventView, ExportView, IntegrationsView, LeadInput, PullReport, SuiteDashSetup, TestView,
    WebhookSetup,
};
use tauri::State;

use crate::UiError;

/// The connectors set up, their queues and the export history.
#[tauri::command]
pub async fn integrations(desk: State<'_, Arc<Desk>>) -> Result<IntegrationsView, UiError> {
    Ok(desk.integrations().await?)
}

/// Sets up (or, with an empty address, turns off) the webhook.
#[tauri::command]
pub async fn set_webhook(
    desk: State<'_, Arc<Desk>>,
    setup: WebhookSetup,
) -> Result<IntegrationsView, UiError> {
    desk.set_webhook(setup).await?;
    Ok(desk.integrations().await?)
}

/// Sets up (or, with an empty Public ID, turns off) SuiteDash.
#[tauri::command]
pub async fn set_suitedash(
    desk: State<'_, Arc<Desk>>,
    setup: SuiteDashSetup,
) -> Result<IntegrationsView, UiError> {
    desk.set_suitedash(setup).await?;
    Ok(desk.integrations().await?)
}

/// *Test connection*.
#[tauri::command]
pub async fn test_integration(
    desk: State<'_, Arc<Desk>>,
    connector: String,
) -> Result<TestView, UiError> {
    Ok(desk.test_integration(&connector).await?)
}

/// Sends an event again.
#[tauri::command]
pub fn replay_event(desk: State<'_, Arc<Desk>>, event_id: String) -> Result<EventView, UiError> {
    Ok(desk.replay_event(&event_id)?)
}

/// *Pull now*.
#[tauri::command]
pub async fn pull_suitedash(desk: State<'_, Arc<Desk>>) -> Result<PullReport, UiError> {
    Ok(desk.pull_suitedash().await?)
}

/// *Add to SuiteDash*: a lead for a number, queued.
#[tauri::command]
pub fn add_suitedash_lead(
    desk: State<'_, Arc<Desk>>,
    lead: LeadInput,
) -> Result<EventView, UiError> {
    Ok(desk.add_suitedash_lead(&lead)?)
}

/// *Save tags* on a SuiteDash contact's page.
#[tauri::command]
pub fn set_suitedash_tags(
    desk: State<'_, Arc<Desk>>,
    contact: i64,
    tags: String,
) -> Result<EventView, UiError> {
    Ok(desk.set_suitedash_tags(contact, &tags)?)
}

/// *Generate export*: the contacts not yet exported (all with `all`) as SuiteDash's CSV.
#[tauri::command]
pub fn generate_suitedash_export(
    desk: State<'_, Arc<Desk>>,
    all: Option<bool>,
) -> Result<ExportView, UiError> {
    Ok(desk.generate_suitedash_export(all.unwrap_or(false))?)
}

/// *Mark as exported*.
#[tauri::command]
pub fn mark_exported(desk: State<'_, Arc<Desk>>, id: i64) -> Result<ExportView, UiError> {
    Ok(desk.mark_exported(Some(id))?)
}

//! Wrap-ups and follow-ups.

use std::sync::Arc;

use ringdesk_core::app::{Desk, FollowUpsView, WrapUpInput, WrapUpView};
use tauri::State;

use crate::UiError;

/// The outcomes a wrap-up offers, in order.
#[tauri::command]
pub fn dispositions(desk: State<'_, Arc<Desk>>) -> Vec<String> {
    desk.dispositions()
}

/// Keeps the card's content as a draft (autosave).
#[tauri::command]
pub fn autosave_wrapup(
    desk: State<'_, Arc<Desk>>,
    input: WrapUpInput,
) -> Result<WrapUpView, UiError> {
    Ok(desk.autosave_wrapup(&input)?)
}

/// Saves a wrap-up (a disposition of the list needed).
#[tauri::command]
pub fn save_wrapup(desk: State<'_, Arc<Desk>>, input: WrapUpInput) -> Result<WrapUpView, UiError> {
    Ok(desk.save_wrapup(&input)?)
}

/// A call's wrap-up, if any.
#[tauri::command]
pub fn wrapup(desk: State<'_, Arc<Desk>>, call_key: String) -> Result<Option<WrapUpView>, UiError> {
    Ok(desk.wrapup(&call_key)?)
}

/// The wrap-up of a call in History, started as a draft when it has none.
#[tauri::command]
pub fn wrapup_for_call(desk: State<'_, Arc<Desk>>, call_id: String) -> Result<WrapUpView, UiError> {
    Ok(desk.wrapup_for_call(&call_id)?)
}

/// The calls still to wrap up, oldest first.
#[tauri::command]
pub fn wrapups_to_do(desk: State<'_, Arc<Desk>>) -> Result<Vec<WrapUpView>, UiError> {
    Ok(desk.wrapups_to_do()?)
}

/// Follow-ups: overdue, today, upcoming.
#[tauri::command]
pub fn follow_ups(desk: State<'_, Arc<Desk>>) -> Result<FollowUpsView, UiError> {
    Ok(desk.follow_ups()?)
}

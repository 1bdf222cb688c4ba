//! The do-not-call list.

use std::sync::Arc;

use ringdesk_core::app::{Desk, DoNotCallView};
use tauri::State;

use crate::UiError;

/// The do-not-call list, as added.
#[tauri::command]
pub fn do_not_call_list(desk: State<'_, Arc<Desk>>) -> Result<Vec<DoNotCallView>, UiError> {
    Ok(desk.do_not_call_list()?)
}

/// Puts a number on the do-not-call list.
#[tauri::command]
pub fn add_do_not_call(
    desk: State<'_, Arc<Desk>>,
    number: String,
    note: Option<String>,
) -> Result<DoNotCallView, UiError> {
    Ok(desk.add_do_not_call(&number, note.as_deref().unwrap_or_default())?)
}

/// Takes a number off the do-not-call list; whether it was on it.
#[tauri::command]
pub fn remove_do_not_call(desk: State<'_, Arc<Desk>>, number: String) -> Result<bool, UiError> {
    Ok(desk.remove_do_not_call(&number)?)
}

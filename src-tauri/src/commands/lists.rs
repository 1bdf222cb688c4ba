//! Call lists: made from pasted text or a History/Contacts selection, tended, walked with Next.

use std::sync::Arc;

use ringdesk_core::app::{CallListView, CallView, Desk, ListAddition, ListImportView};
use tauri::State;

use crate::UiError;

/// The lists' names, oldest first.
#[tauri::command]
pub fn call_lists(desk: State<'_, Arc<Desk>>) -> Result<Vec<String>, UiError> {
    Ok(desk.call_list_names()?)
}

/// A list and where each entry stands.
#[tauri::command]
pub fn call_list(desk: State<'_, Arc<Desk>>, name: String) -> Result<CallListView, UiError> {
    Ok(desk.call_list(&name)?)
}

/// Adds the numbers in pasted text to a list (made when there is none).
#[tauri::command]
pub fn paste_call_list(
    desk: State<'_, Arc<Desk>>,
    name: String,
    text: String,
) -> Result<ListImportView, UiError> {
    Ok(desk.paste_call_list(&name, &text)?)
}

/// Adds numbers picked in History or Contacts to a list (made when there is none).
#[tauri::command]
pub fn add_to_call_list(
    desk: State<'_, Arc<Desk>>,
    name: String,
    additions: Vec<ListAddition>,
) -> Result<ListImportView, UiError> {
    Ok(desk.add_to_call_list(&name, &additions)?)
}

/// Skips an entry (1 first).
#[tauri::command]
pub fn skip_list_entry(
    desk: State<'_, Arc<Desk>>,
    name: String,
    position: i64,
) -> Result<CallListView, UiError> {
    Ok(desk.skip_list_entry(&name, position)?)
}

/// Moves an entry to the place `to` (both 1 first).
#[tauri::command]
pub fn move_list_entry(
    desk: State<'_, Arc<Desk>>,
    name: String,
    position: i64,
    to: i64,
) -> Result<CallListView, UiError> {
    Ok(desk.move_list_entry(&name, position, to)?)
}

/// Deletes a list.
#[tauri::command]
pub fn delete_call_list(desk: State<'_, Arc<Desk>>, name: String) -> Result<(), UiError> {
    Ok(desk.delete_call_list(&name)?)
}

/// Dials the list's next entry; `None` when the list is through.
#[tauri::command]
pub async fn next_in_list(
    desk: State<'_, Arc<Desk>>,
    name: String,
) -> Result<Option<CallView>, UiError> {
    Ok(desk.next_in_list(&name).await?)
}

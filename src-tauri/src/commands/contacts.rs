//! Contacts.

use std::sync::Arc;

use ringdesk_core::app::{ContactView, ContactsPage, Desk, NewContact};
use tauri::State;

use crate::UiError;

/// A page of contacts, or the matches for `search`.
#[tauri::command]
pub async fn list_contacts(
    desk: State<'_, Arc<Desk>>,
    search: Option<String>,
    after: Option<String>,
    limit: Option<usize>,
) -> Result<ContactsPage, UiError> {
    Ok(desk.contacts(search.as_deref(), after.as_deref(), limit.unwrap_or(100))?)
}

/// One contact's page.
#[tauri::command]
pub async fn contact(desk: State<'_, Arc<Desk>>, id: i64) -> Result<ContactView, UiError> {
    Ok(desk.contact(id)?)
}

/// Adds a contact from the new-contact form; answers its page.
#[tauri::command]
pub async fn add_contact(
    desk: State<'_, Arc<Desk>>,
    contact: NewContact,
) -> Result<ContactView, UiError> {
    Ok(desk.add_contact(&contact)?)
}

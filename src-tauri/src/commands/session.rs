//! Signing in and out.

use std::sync::Arc;

use ringdesk_core::app::{Desk, SignInView};
use tauri::State;

use crate::UiError;

/// The session as it is now.
#[tauri::command]
pub async fn session(desk: State<'_, Arc<Desk>>) -> Result<SignInView, UiError> {
    Ok(desk.session().await)
}

/// Opens RingCentral's sign-in page in the browser; the `ringdesk://oauth/callback` redirect
/// completes it. Returns the session (still signed out until the redirect arrives).
#[tauri::command]
pub async fn sign_in_browser(desk: State<'_, Arc<Desk>>) -> Result<SignInView, UiError> {
    let url = desk.begin_browser_sign_in().await?.authorize_url;
    opener::open_browser(&url).map_err(|error| UiError::browser(&error, &url))?;
    Ok(desk.session().await)
}

/// Signs in with a JWT credential.
#[tauri::command]
pub async fn sign_in_jwt(desk: State<'_, Arc<Desk>>, jwt: String) -> Result<SignInView, UiError> {
    Ok(desk.sign_in_jwt(&jwt).await?)
}

/// Switches to the built-in simulator for this run.
#[tauri::command]
pub async fn start_demo(desk: State<'_, Arc<Desk>>) -> Result<SignInView, UiError> {
    Ok(desk.start_demo().await?)
}

/// Signs out and revokes the session.
#[tauri::command]
pub async fn sign_out(desk: State<'_, Arc<Desk>>) -> Result<SignInView, UiError> {
    Ok(desk.sign_out().await?.session)
}

/// Drops the connection and connects again.
#[tauri::command]
pub async fn reset_connection(desk: State<'_, Arc<Desk>>) -> Result<SignInView, UiError> {
    Ok(desk.reset_connection().await)
}

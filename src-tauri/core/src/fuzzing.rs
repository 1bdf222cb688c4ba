//! Entry points for the fuzz targets (cargo feature `fuzzing`, off in every shipped build):
//! RingCentral's answers as arbitrary bytes, fed to the decoders ringdesk runs on them. Each
//! returns nothing; the property is that none of them panics, whatever the server sends.

use std::time::{Duration, SystemTime};

use crate::api::{call_log, contacts, directory, extension, message_store, status_error, Answer};
use crate::auth::TokenResponse;
use crate::realtime::{frame, instant};
use crate::sync::ringcentral::{convert, read_list, read_sync};

/// An OAuth token answer, decoded and turned into a session's tokens, whose times are read.
pub fn token_answer(body: &[u8]) {
    let Ok(answer) = serde_json::from_slice::<TokenResponse>(body) else {
        return;
    };
    let now = SystemTime::now();
    let tokens = answer.into_tokens(now, "https://platform.ringcentral.com", "app", false);
    let _ = tokens.fresh(now, Duration::from_secs(300));
    let _ = tokens.usable(now);
    let _ = tokens.live_refresh_token(now);
    let _ = tokens.access_expiry();
}

/// A page of the call log, as a sync answer and as a listing.
pub fn call_log_page(body: &[u8]) {
    let _ = read_sync(&call_log::SYNC_CALL_LOG, body, convert::call);
    let _ = read_list(&call_log::READ_CALL_LOG, body, convert::call);
}

/// A page of messages, as a sync answer and as a listing.
pub fn message_page(body: &[u8]) {
    let _ = read_sync(&message_store::SYNC_MESSAGES, body, convert::message);
    let _ = read_list(&message_store::LIST_MESSAGES, body, convert::message);
}

/// A page of contacts: the address book's sync and the company directory.
pub fn contact_page(body: &[u8]) {
    let _ = read_sync(&contacts::SYNC_ADDRESS_BOOK, body, convert::personal);
    let _ = read_list(&directory::LIST_DIRECTORY, body, convert::directory);
}

/// A WebSocket frame; a notification's body is read as an instant SMS as well.
pub fn websocket_frame(text: &str) {
    if let Ok(frame::Incoming::Notification { body, .. }) = frame::parse(text) {
        let _ = instant::message(&body);
    }
}

/// An error answer with `status` (RingCentral's error bodies).
pub fn error_answer(status: u16, body: &[u8]) {
    let answer = Answer {
        status,
        headers: Default::default(),
        body: body.to_vec(),
    };
    let _ = status_error(&extension::READ_EXTENSION, &answer).to_string();
}

//! Who is calling, for the incoming-call banner: the caller's last call and last text from the
//! cache, next to the contact the alert names.

use serde::Serialize;

use crate::store::{Direction, HistoryQuery};

use super::history::call_row;
use super::{CallRow, Desk, Error};

/// The last text exchanged with a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LastText {
    /// The text (the banner shortens it).
    pub text: String,
    /// ISO 8601.
    pub created: String,
    /// Whether the customer sent it.
    pub inbound: bool,
}

/// What the cache knows of a caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallerView {
    /// The last call with the number (not counting the one ringing).
    pub last_call: Option<CallRow>,
    /// The last text with the number.
    pub last_text: Option<LastText>,
}

impl Desk {
    /// The caller's last call and last text; `session_id` is the ringing call, left out.
    pub fn caller(&self, number: &str, session_id: Option<&str>) -> Result<CallerView, Error> {
        let preview = self.number_preview(number);
        let Some(key) = preview.e164 else {
            return Ok(CallerView {
                last_call: None,
                last_text: None,
            });
        };
        self.with_cache(|store| {
            let calls = store.history(&HistoryQuery {
                peer_key: Some(key.clone()),
                limit: 3,
                ..HistoryQuery::default()
            })?;
            let ringing = session_id.map(|s| format!("live:{s}"));
            let last_call = calls
                .calls
                .iter()
                .find(|c| Some(&c.id) != ringing.as_ref())
                .map(call_row);
            let last_text = match store.conversation_with(&key)? {
                Some(conversation) => store
                    .thread(conversation, None, 1)?
                    .messages
                    .into_iter()
                    .next()
                    .map(|m| LastText {
                        text: m.text.chars().take(200).collect(),
                        created: m.created.to_rfc3339(),
                        inbound: m.direction == Direction::Inbound,
                    }),
                None => None,
            };
            Ok(CallerView {
                last_call,
                last_text,
            })
        })
    }
}

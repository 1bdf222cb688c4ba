//! Wrap-ups for every face: when a call ringdesk placed ends — or one a customer made, as soon
//! as presence tells of its end (answered or missed) — a draft is kept in the cache (the "to
//! wrap up" count) and the window offers its card; a History row opens one for any call. The
//! agent picks a disposition (the profile's list, or ringdesk's own), writes notes and tags and
//! may promise a follow-up (`follow_ups`). Autosaves are drafts; saving needs a disposition
//! from the list.

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};

use crate::live_calls::LiveCall;
use crate::phone::{self, DisplayFormat};
use crate::store::{Store, StoreError, WrapUp};

use super::{CallView, Desk, DeskError, Error};

/// The outcomes a wrap-up offers when the profile names none.
pub const DEFAULT_DISPOSITIONS: [&str; 7] = [
    "Connected",
    "Left voicemail",
    "No answer",
    "Wrong number",
    "Call back",
    "Not interested",
    "Sale",
];
/// The longest notes kept, in characters.
pub const MOST_NOTE_CHARS: usize = 10_000;
/// The most tags on one call.
const MOST_TAGS: usize = 20;

/// A call's wrap-up as the window and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WrapUpView {
    /// The call (`ringout:<id>@<start>`, or RingCentral's call-log id).
    pub call_key: String,
    /// Who: the contact's name, else the number as shown.
    pub party: String,
    /// The other party's number (E.164 for a phone number).
    pub number: String,
    /// `Inbound` or `Outbound`.
    pub direction: String,
    /// When the call started (ISO 8601).
    pub started: String,
    /// The outcome picked.
    pub disposition: Option<String>,
    /// Free notes.
    pub notes: String,
    /// Tags.
    pub tags: Vec<String>,
    /// When to call back (ISO 8601).
    pub follow_up_at: Option<String>,
    /// What was promised.
    pub follow_up_note: String,
    /// Saved (a draft otherwise: still to wrap up).
    pub saved: bool,
}

/// What the agent wrote on a wrap-up card (or on the command line).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WrapUpInput {
    /// The call, as its [`WrapUpView`] names it.
    pub call_key: String,
    /// The outcome (one of [`Desk::dispositions`]).
    pub disposition: Option<String>,
    /// Free notes.
    pub notes: String,
    /// Tags.
    pub tags: Vec<String>,
    /// When to call back (ISO 8601, or a local `YYYY-MM-DDTHH:MM`).
    pub follow_up_at: Option<String>,
    /// What was promised.
    pub follow_up_note: String,
}

impl Desk {
    /// The outcomes a wrap-up offers, in order.
    pub fn dispositions(&self) -> Vec<String> {
        let own = self.profile().settings.dispositions;
        if own.iter().any(|d| !d.trim().is_empty()) {
            own.into_iter()
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty())
                .collect()
        } else {
            DEFAULT_DISPOSITIONS.map(String::from).to_vec()
        }
    }

    /// Keeps what the card holds as a draft (autosave while typing): nothing is lost on a crash
    /// or a closed window. A wrap-up already saved is not turned back into a draft.
    pub fn autosave_wrapup(&self, input: &WrapUpInput) -> Result<WrapUpView, Error> {
        self.write_wrapup(input, None)
    }

    /// Saves the wrap-up: a disposition from the list is needed.
    pub fn save_wrapup(&self, input: &WrapUpInput) -> Result<WrapUpView, Error> {
        let disposition = input.disposition.as_deref().map(str::trim).unwrap_or("");
        let known = self.dispositions();
        if !known.iter().any(|d| d.eq_ignore_ascii_case(disposition)) {
            return Err(DeskError::UnknownDisposition {
                given: disposition.to_string(),
                known: known.join(", "),
            }
            .into());
        }
        let saved = self.write_wrapup(input, Some(Utc::now()))?;
        self.settle_list_entry(&saved);
        Ok(saved)
    }

    fn write_wrapup(
        &self,
        input: &WrapUpInput,
        saved: Option<DateTime<Utc>>,
    ) -> Result<WrapUpView, Error> {
        let notes = input.notes.trim_end();
        if notes.chars().count() > MOST_NOTE_CHARS {
            return Err(DeskError::NotesTooLong(MOST_NOTE_CHARS).into());
        }
        let follow_up_at = match input.follow_up_at.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(read_time(text).ok_or_else(|| DeskError::BadTime(text.into()))?),
        };
        let disposition = input.disposition.as_deref().map(str::trim).and_then(|d| {
            self.dispositions()
                .into_iter()
                .find(|known| known.eq_ignore_ascii_case(d))
        });
        let written = self.with_cache(|store| {
            let Some(call) = wrapup_or_start(store, &input.call_key)? else {
                return Err(DeskError::NoSuchWrapUp(input.call_key.clone()).into());
            };
            let wrapup = WrapUp {
                disposition,
                notes: notes.to_string(),
                tags: tags(&input.tags),
                follow_up_at,
                follow_up_note: input.follow_up_note.trim().to_string(),
                saved,
                ..call
            };
            store.put_wrapup(&wrapup, Utc::now())?;
            Ok(store
                .wrapup_for(&input.call_key, "", "", Utc::now())?
                .unwrap_or(wrapup))
        })?;
        // Views read contacts through the cache too: built once its lock is let go.
        Ok(self.wrapup_view(&written))
    }

    /// The wrap-up of the call `call_key`, if there is one.
    pub fn wrapup(&self, call_key: &str) -> Result<Option<WrapUpView>, Error> {
        let found =
            self.with_cache(|store| Ok(store.wrapup_for(call_key, "", "", Utc::now())?))?;
        Ok(found.map(|w| self.wrapup_view(&w)))
    }

    /// The calls still to wrap up, oldest first.
    pub fn wrapups_to_do(&self) -> Result<Vec<WrapUpView>, Error> {
        let drafts = self.with_cache(|store| Ok(store.wrapup_drafts()?))?;
        Ok(drafts.iter().map(|w| self.wrapup_view(w)).collect())
    }

    /// Keeps a draft for a call ringdesk placed that has ended (connected, or failed to) and
    /// answers the card to offer; a cancelled call, or one whose end is unknown, has none. The
    /// draft is written before the call's end is told, so a command that exits on that word
    /// leaves it behind.
    pub(crate) fn keep_wrapup_draft(&self, call: &CallView) -> Option<WrapUpView> {
        if !matches!(call.phase.as_str(), "finished" | "failed") {
            return None;
        }
        let started = DateTime::from_timestamp_millis(call.started_at as i64).unwrap_or_default();
        let draft = WrapUp {
            call_key: call_key(call),
            peer: call.party.e164.clone(),
            direction: "Outbound".into(),
            started,
            ..WrapUp::default()
        };
        self.keep_draft(&draft)
    }

    /// Keeps a draft for a call a customer made that presence says has ended — answered here
    /// or on another phone, or missed — and answers the card to offer (the agent's own
    /// RingOuts have theirs from [`Desk::keep_wrapup_draft`]). Its key is the call's session
    /// (`live:<id>`), where the call log's record finds it.
    pub(crate) fn keep_live_draft(&self, call: &LiveCall) -> Option<WrapUpView> {
        if !call.inbound || call.ring_out || call.session_id.is_empty() {
            return None;
        }
        let peer = phone::parse_input(&call.number)
            .and_then(|n| phone::normalize(&n, self.home()))
            .map(|n| n.e164().to_string())
            .unwrap_or_else(|_| call.number.clone());
        self.keep_draft(&WrapUp {
            call_key: format!("live:{}", call.session_id),
            peer,
            direction: "Inbound".into(),
            started: call.started.unwrap_or_else(Utc::now),
            ..WrapUp::default()
        })
    }

    /// The wrap-up of the call `call_id` in History, kept as a draft when it has none (a call
    /// from before, or taken on another phone): what a History row's *Wrap up* opens.
    pub fn wrapup_for_call(&self, call_id: &str) -> Result<WrapUpView, Error> {
        let kept = self.with_cache(|store| {
            wrapup_or_start(store, call_id)?
                .ok_or_else(|| DeskError::NoSuchWrapUp(call_id.to_string()).into())
        })?;
        Ok(self.wrapup_view(&kept))
    }

    /// Keeps `draft` (unless its call has a wrap-up) and answers the card to offer; a draft
    /// that could not be kept is logged and offers none.
    fn keep_draft(&self, draft: &WrapUp) -> Option<WrapUpView> {
        match self.with_cache(|store| Ok(store.start_wrapup(draft, Utc::now())?)) {
            Ok(kept) if kept.saved.is_none() => Some(self.wrapup_view(&kept)),
            Ok(_) => None,
            Err(error) => {
                tracing::warn!(%error, "the call's wrap-up could not be kept");
                None
            }
        }
    }

    /// The view of `wrapup` (reads the cache for the contact's name: never call it while the
    /// cache is held).
    pub(super) fn wrapup_view(&self, wrapup: &WrapUp) -> WrapUpView {
        let country = self.home();
        let display = phone::parse_input(&wrapup.peer)
            .and_then(|n| phone::normalize(&n, country))
            .map(|n| n.display(DisplayFormat::National))
            .unwrap_or_else(|_| wrapup.peer.clone());
        let party = phone::parse_input(&wrapup.peer)
            .and_then(|n| phone::normalize(&n, country))
            .ok()
            .and_then(|n| self.contact_for(&n))
            .map(|c| c.name)
            .unwrap_or(display);
        WrapUpView {
            call_key: wrapup.call_key.clone(),
            party,
            number: wrapup.peer.clone(),
            direction: wrapup.direction.clone(),
            started: wrapup.started.to_rfc3339(),
            disposition: wrapup.disposition.clone(),
            notes: wrapup.notes.clone(),
            tags: wrapup
                .tags
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            follow_up_at: wrapup.follow_up_at.map(|t| t.to_rfc3339()),
            follow_up_note: wrapup.follow_up_note.clone(),
            saved: wrapup.saved.is_some(),
        }
    }
}

/// The key a call ringdesk placed is known by until the call log knows it: its RingOut id and
/// when it started (RingOut ids are RingCentral's; the start keeps two demo simulators, which
/// number RingOuts alike, from sharing one).
pub(crate) fn call_key(call: &CallView) -> String {
    format!("ringout:{}@{}", call.id, call.started_at)
}

/// The wrap-up of the call `key` — a wrap-up's own key, or a call in History, whose wrap-up is
/// started as a draft when it has none; `None` when the cache knows neither.
fn wrapup_or_start(store: &mut Store, key: &str) -> Result<Option<WrapUp>, StoreError> {
    if let Some(found) = store.wrapup_for(key, "", "", Utc::now())? {
        return Ok(Some(found));
    }
    let call = match store.call(key) {
        Ok(call) => call,
        Err(StoreError::NotFound { .. }) => return Ok(None),
        Err(error) => return Err(error),
    };
    if let Some(found) = store.wrapup_of(&call)? {
        return Ok(Some(found));
    }
    let draft = WrapUp {
        call_key: call.id.clone(),
        peer: call.peer.key.clone().unwrap_or(call.peer.number),
        direction: super::history::direction(call.direction).into(),
        started: call.start,
        ..WrapUp::default()
    };
    store.start_wrapup(&draft, Utc::now()).map(Some)
}

/// Tags as stored: trimmed, without commas, each once, at most [`MOST_TAGS`].
fn tags(given: &[String]) -> String {
    let mut kept: Vec<String> = Vec::new();
    for tag in given.iter().flat_map(|t| t.split(',')) {
        let tag = tag.trim();
        if !tag.is_empty()
            && kept.len() < MOST_TAGS
            && !kept.iter().any(|k| k.eq_ignore_ascii_case(tag))
        {
            kept.push(tag.chars().take(64).collect());
        }
    }
    kept.join(", ")
}

/// A time the agent gave: RFC 3339, or local `YYYY-MM-DDTHH:MM` / `YYYY-MM-DD HH:MM`.
fn read_time(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.with_timezone(&Utc));
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(text, format).ok())
        .and_then(|t| t.and_local_timezone(Local).earliest())
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_trimmed_kept_once_and_bounded() {
        let given = ["vip, renewal".to_string(), "VIP".into(), " ".into()];
        assert_eq!(tags(&given), "vip, renewal");
        let many: Vec<String> = (0..40).map(|i| format!("t{i}")).collect();
        assert_eq!(tags(&many).split(", ").count(), MOST_TAGS);
    }

    #[test]
    fn times_are_read_as_written_or_refused() {
        assert!(read_time("2026-12-05T15:00:00Z").is_some());
        assert!(
            read_time("2026-12-05T15:00").is_some(),
            "local, from a date picker"
        );
        assert!(read_time("2026-12-05 15:00").is_some());
        assert!(read_time("tomorrow").is_none());
    }
}

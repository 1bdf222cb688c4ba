//! Call lists for every face: a list imported from a CSV file (the contact import's parsing;
//! each row's first number), shown with each entry's progress, and *Next*: the next entry
//! claimed and dialed — never while a call is being set up, nor before the list's last call is
//! wrapped up (saved: *Later* on its card keeps the list waiting). A wrap-up saved for a list's call settles its entry: *Call back* brings it back at
//! the follow-up's time (tomorrow when none), any other disposition makes it done.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use chrono::{Duration, Utc};
use serde::Serialize;

use crate::import_export::{read_contact_rows, ContactRows, SkippedRow, TransferError};
use crate::phone::{self, DisplayFormat};
use crate::recovery::Recovery;
use crate::store::{EntryState, ListEntry, Store};

use super::{CallRequest, CallView, Desk, DeskError, Error, ListAddition, WrapUpView};

/// The disposition that brings an entry back.
const CALL_BACK: &str = "Call back";

/// An entry as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryView {
    /// Its place (1 first).
    pub position: i64,
    /// Who.
    pub name: String,
    /// The number as shown.
    pub display: String,
    /// What is dialed.
    pub number: String,
    /// A note.
    pub note: String,
    /// `waiting`, `dialing`, `called`, `done`, `call_back` or `skipped`.
    pub state: EntryState,
    /// The call placed for it.
    pub call_key: Option<String>,
    /// When a *Call back* entry comes back (ISO 8601).
    pub return_at: Option<String>,
}

/// A call list and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallListView {
    /// Its name.
    pub name: String,
    /// Its entries, in order.
    pub entries: Vec<EntryView>,
    /// Entries finished (done or skipped).
    pub finished: usize,
    /// Seconds the window counts down, once a call is wrapped up, before it dials the next
    /// entry by itself (0: only *Next*) — the setting, carried here so pacing costs no request.
    pub countdown_secs: u32,
}

/// What importing a list did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListImportView {
    /// The list.
    pub list: CallListView,
    /// Rows not taken, with why.
    pub skipped: Vec<SkippedRow>,
}

impl Desk {
    /// Creates the list `name` from the CSV file at `path`: one entry per row with a number (its
    /// first), named by the row, with its notes.
    pub fn import_call_list(&self, name: &str, path: &Path) -> Result<ListImportView, Error> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DeskError::ListName.into());
        }
        let file = File::open(path).map_err(|error| TransferError::Csv(error.into()))?;
        let country = self.home();
        let ContactRows { rows, mut skipped } = read_contact_rows(file, country)?;
        let mut entries = Vec::new();
        for (line, contact) in rows {
            let Some(first) = contact.numbers.first() else {
                skipped.push(SkippedRow {
                    line,
                    reason: "no phone number".into(),
                });
                continue;
            };
            let who = format!("{} {}", contact.first_name, contact.last_name);
            let addition = ListAddition {
                number: first.number.clone(),
                name: if who.trim().is_empty() {
                    contact.company.clone()
                } else {
                    who
                },
                note: contact.notes.clone(),
            };
            match self.list_entry(line, &addition) {
                Ok(entry) => entries.push((line, entry)),
                Err(row) => skipped.push(row),
            }
        }
        let entries = self.without_repeats(name, entries, &mut skipped)?;
        skipped.sort_by_key(|s| s.line);
        self.with_cache(|store| Ok(store.create_call_list(name, &entries, Utc::now())?))?;
        Ok(ListImportView {
            list: self.call_list(name)?,
            skipped,
        })
    }

    /// The lists' names, oldest first.
    pub fn call_list_names(&self) -> Result<Vec<String>, Error> {
        let lists = self.with_cache(|store| Ok(store.call_lists()?))?;
        Ok(lists.into_iter().map(|(_, name)| name).collect())
    }

    /// The list `name` and where it stands.
    pub fn call_list(&self, name: &str) -> Result<CallListView, Error> {
        let (_, entries) = self.list_entries(name)?;
        let country = self.home();
        let entries: Vec<EntryView> = entries
            .into_iter()
            .map(|e| EntryView {
                position: e.position + 1,
                display: phone::parse_input(&e.number)
                    .and_then(|n| phone::normalize(&n, country))
                    .map(|n| n.display(DisplayFormat::National))
                    .unwrap_or_else(|_| e.number.clone()),
                name: e.name,
                number: e.number,
                note: e.note,
                state: e.state,
                call_key: e.call_key,
                return_at: e.return_at.map(|t| t.to_rfc3339()),
            })
            .collect();
        Ok(CallListView {
            name: name.trim().to_string(),
            countdown_secs: self
                .settings_in_force()
                .list_countdown_secs
                .min(crate::config::MOST_LIST_COUNTDOWN_SECS),
            finished: entries
                .iter()
                .filter(|e| matches!(e.state, EntryState::Done | EntryState::Skipped))
                .count(),
            entries,
        })
    }

    fn list_entries(&self, name: &str) -> Result<(i64, Vec<ListEntry>), Error> {
        self.with_cache(|store| {
            let id = list_id(store, name)?;
            Ok((id, store.call_list_entries(id)?))
        })
    }

    /// Skips the entry `id` if it stands in one of `from`; whether it moved.
    pub(super) fn skip_entry(&self, id: i64, from: &[EntryState]) -> Result<bool, Error> {
        self.with_cache(|store| {
            Ok(store.move_entry(id, from, EntryState::Skipped, None, None, Utc::now())?)
        })
    }

    /// Dials the list's next entry (its first waiting one, or a *Call back* one whose time has
    /// come), claimed first so it is never dialed twice; `None` when the list is through.
    pub async fn next_in_list(self: &Arc<Self>, name: &str) -> Result<Option<CallView>, Error> {
        let (id, entries) = self.list_entries(name)?;
        let live = self.current_call().await.filter(|c| !c.done);
        if live.is_some() {
            return Err(DeskError::CallInProgress.into());
        }
        // A call the list placed stays `called` until its wrap-up is saved (its card may not
        // even be open yet: the call can have ended a moment ago). One that left no wrap-up —
        // cancelled, or followed by a process that went away — is skipped, never redialed.
        for entry in entries.iter().filter(|e| e.state == EntryState::Called) {
            let Some(key) = entry.call_key.as_deref() else {
                continue;
            };
            if self.wrapup(key)?.is_some() {
                return Err(DeskError::WrapUpFirst(entry.name.clone()).into());
            }
            self.skip_entry(entry.id, &[EntryState::Called])?;
        }
        let Some(entry) = self.with_cache(|store| Ok(store.claim_next_entry(id, Utc::now())?))?
        else {
            return Ok(None);
        };
        let placed = self.place_call(&CallRequest::to(&entry.number)).await;
        let (to, key) = match &placed {
            Ok(call) => (EntryState::Called, Some(super::wrapups::call_key(call))),
            // Never dialed: a do-not-call number is skipped for good.
            Err(Error::Desk(DeskError::DoNotCall(_))) => (EntryState::Skipped, None),
            // It may have gone and cannot be followed: skipped, never dialed again by the list.
            Err(error) if error.recovery() == Recovery::Reconcile => (EntryState::Skipped, None),
            Err(_) => (EntryState::Waiting, None),
        };
        let moved = self.with_cache(|store| {
            Ok(store.move_entry(
                entry.id,
                &[EntryState::Dialing],
                to,
                key.as_deref(),
                None,
                Utc::now(),
            )?)
        });
        // The call rings whatever the cache said: it is answered, and followed, all the same.
        if let Err(error) = moved {
            tracing::warn!(%error, "a call list's entry could not be moved");
        }
        placed.map(Some)
    }

    /// Settles the list entry whose call `saved` wraps up, if a list placed it.
    pub(crate) fn settle_list_entry(&self, saved: &WrapUpView) {
        let outcome = self.with_cache(|store| {
            let Some(entry) = store.entry_of_call(&saved.call_key)? else {
                return Ok(());
            };
            let call_back = saved
                .disposition
                .as_deref()
                .is_some_and(|d| d.eq_ignore_ascii_case(CALL_BACK));
            let (to, at) = if call_back {
                let at = saved
                    .follow_up_at
                    .as_deref()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                    .map(|t| t.with_timezone(&Utc))
                    .unwrap_or_else(|| Utc::now() + Duration::days(1));
                (EntryState::CallBack, Some(at))
            } else {
                (EntryState::Done, None)
            };
            // A wrap-up saved again (Call back, then Sale) settles the entry again.
            let from = [EntryState::Called, EntryState::CallBack, EntryState::Done];
            store.move_entry(entry.id, &from, to, None, at, Utc::now())?;
            Ok(())
        });
        if let Err(error) = outcome {
            tracing::warn!(%error, "a call list's entry could not be settled");
        }
    }
}

/// The id of the list `name`, or why there is none.
pub(super) fn list_id(store: &Store, name: &str) -> Result<i64, Error> {
    Ok(store
        .call_list_id(name)?
        .ok_or_else(|| DeskError::NoSuchList(name.trim().to_string()))?)
}

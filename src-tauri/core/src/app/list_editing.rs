//! Call lists made and tended by hand: numbers pasted (a spreadsheet's column, an e-mail, any
//! text with numbers), added from History or a contact, an entry skipped or moved, a list
//! deleted. Every number is read with the profile's country and kept in E.164.

use chrono::Utc;
use serde::Deserialize;

use crate::import_export::SkippedRow;
use crate::phone::{self, find_numbers};
use crate::store::{EntryState, NewEntry};

use super::call_lists::{list_id, CallListView, ListImportView};
use super::{Desk, DeskError, Error};

/// The most text a paste may hold (bytes): a few thousand lines.
const MOST_PASTED_BYTES: usize = 1 << 20;

/// A number to add to a list, with who it is and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListAddition {
    /// The number, in any format.
    pub number: String,
    /// Who (may be empty).
    pub name: String,
    /// A note for the agent.
    pub note: String,
}

impl Desk {
    /// Adds `additions` at the end of the list `name` (made when there is none): a History or
    /// Contacts selection. Numbers that cannot be dialed are answered as skipped, by place
    /// (1 first).
    pub fn add_to_call_list(
        &self,
        name: &str,
        additions: &[ListAddition],
    ) -> Result<ListImportView, Error> {
        let mut skipped = Vec::new();
        let mut entries = Vec::new();
        for (at, addition) in additions.iter().enumerate() {
            match self.list_entry(at as u64 + 1, addition) {
                Ok(entry) => entries.push((at as u64 + 1, entry)),
                Err(row) => skipped.push(row),
            }
        }
        self.add_entries(name, entries, skipped)
    }

    /// Adds the numbers in `text` to the list `name` (made when there is none): on each line
    /// its first number, named by the words before it, noted by the words after — or, on a
    /// line of nothing but numbers, each of them. Lines with words and no number are answered
    /// as skipped, by line.
    pub fn paste_call_list(&self, name: &str, text: &str) -> Result<ListImportView, Error> {
        if text.len() > MOST_PASTED_BYTES {
            return Err(DeskError::PasteTooLong(MOST_PASTED_BYTES / 1024).into());
        }
        let mut additions = Vec::new();
        let mut skipped = Vec::new();
        for (at, line) in text.lines().enumerate() {
            let line_number = at as u64 + 1;
            let found = find_numbers(line);
            if found.is_empty() {
                if !line.trim().is_empty() {
                    skipped.push(SkippedRow {
                        line: line_number,
                        reason: "no phone number".into(),
                    });
                }
                continue;
            }
            let only_numbers = found.iter().enumerate().all(|(i, f)| {
                let before = found.get(i.wrapping_sub(1)).map_or(0, |p| p.span.end);
                separators_only(&line[before..f.span.start])
            }) && found
                .last()
                .is_some_and(|f| separators_only(&line[f.span.end..]));
            let taken = if only_numbers {
                &found[..]
            } else {
                &found[..1]
            };
            for f in taken {
                let (name, note) = if only_numbers {
                    (String::new(), String::new())
                } else {
                    (words(&line[..f.span.start]), words(&line[f.span.end..]))
                };
                additions.push((
                    line_number,
                    ListAddition {
                        number: line[f.span.clone()].to_string(),
                        name,
                        note,
                    },
                ));
            }
        }
        let mut entries = Vec::new();
        for (line, addition) in &additions {
            match self.list_entry(*line, addition) {
                Ok(entry) => entries.push((*line, entry)),
                Err(row) => skipped.push(row),
            }
        }
        self.add_entries(name, entries, skipped)
    }

    /// Skips the entry at `position` (1 first) of the list `name`: never dialed by the list.
    /// An entry already called, done or being dialed keeps its state.
    pub fn skip_list_entry(&self, name: &str, position: i64) -> Result<CallListView, Error> {
        let (_, id) = self.list_entry_at(name, position)?;
        self.skip_entry(id, &[EntryState::Waiting, EntryState::CallBack])?;
        self.call_list(name)
    }

    /// Moves the entry at `position` of the list `name` to the place `to` (both 1 first).
    pub fn move_list_entry(
        &self,
        name: &str,
        position: i64,
        to: i64,
    ) -> Result<CallListView, Error> {
        let (list, id) = self.list_entry_at(name, position)?;
        let to = usize::try_from(to.saturating_sub(1)).unwrap_or(0);
        self.with_cache(|store| Ok(store.reorder_entry(list, id, to, Utc::now())?))?;
        self.call_list(name)
    }

    /// Deletes the list `name` and its entries (their calls and wrap-ups stay in History).
    pub fn delete_call_list(&self, name: &str) -> Result<(), Error> {
        self.with_cache(|store| {
            let id = list_id(store, name)?;
            store.delete_call_list(id)?;
            Ok(())
        })
    }

    fn add_entries(
        &self,
        name: &str,
        entries: Vec<(u64, NewEntry)>,
        mut skipped: Vec<SkippedRow>,
    ) -> Result<ListImportView, Error> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DeskError::ListName.into());
        }
        let entries = self.without_repeats(name, entries, &mut skipped)?;
        self.with_cache(|store| Ok(store.add_to_call_list(name, &entries, Utc::now())?))?;
        skipped.sort_by_key(|s| s.line);
        Ok(ListImportView {
            list: self.call_list(name)?,
            skipped,
        })
    }

    /// `entries` without the numbers the list `name` still has to call (or is calling), nor
    /// one twice: a customer is queued once however often they are added; each left out is
    /// answered as skipped.
    pub(super) fn without_repeats(
        &self,
        name: &str,
        entries: Vec<(u64, NewEntry)>,
        skipped: &mut Vec<SkippedRow>,
    ) -> Result<Vec<NewEntry>, Error> {
        let mut queued: Vec<String> = self.with_cache(|store| {
            let Some(list) = store.call_list_id(name)? else {
                return Ok(Vec::new());
            };
            Ok(store
                .call_list_entries(list)?
                .into_iter()
                .filter(|e| !matches!(e.state, EntryState::Done | EntryState::Skipped))
                .map(|e| e.key)
                .collect())
        })?;
        let mut kept = Vec::new();
        for (line, entry) in entries {
            if queued.contains(&entry.key) {
                skipped.push(SkippedRow {
                    line,
                    reason: format!("{} is already in the list", entry.number),
                });
                continue;
            }
            queued.push(entry.key.clone());
            kept.push(entry);
        }
        Ok(kept)
    }

    /// The entry `addition` (of line `line`) makes, or the skipped row that says why it cannot
    /// be dialed. A list dials on its own, so a number no phone could have (its length is
    /// wrong) is refused here, not at its turn.
    pub(super) fn list_entry(
        &self,
        line: u64,
        addition: &ListAddition,
    ) -> Result<NewEntry, SkippedRow> {
        let refused = |why: &dyn std::fmt::Display| SkippedRow {
            line,
            reason: format!("{:?} cannot be dialed: {why}", addition.number),
        };
        let number = phone::parse_input(&addition.number)
            .and_then(|n| phone::normalize(&n, self.home()))
            .map_err(|error| refused(&error))?;
        if !number.validity().possible {
            let why = number.validity().warning().unwrap_or("it cannot connect");
            return Err(refused(&why));
        }
        Ok(NewEntry {
            name: addition.name.trim().chars().take(200).collect(),
            number: number.e164().to_string(),
            key: number.e164().to_string(),
            note: addition.note.trim().chars().take(1_000).collect(),
        })
    }

    /// The list's id and the id of its entry at `position` (1 first).
    fn list_entry_at(&self, name: &str, position: i64) -> Result<(i64, i64), Error> {
        self.with_cache(|store| {
            let list = list_id(store, name)?;
            let entry = store
                .call_list_entries(list)?
                .into_iter()
                .find(|e| e.position + 1 == position)
                .ok_or(DeskError::NoSuchEntry(position))?;
            Ok((list, entry.id))
        })
    }
}

/// Whether `text` holds nothing but what separates numbers in a list.
fn separators_only(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || ",;|/".contains(c))
}

/// The words of `text`, without the punctuation that sets a number apart (`Ana Silva, `,
/// ` — promised a quote`).
fn words(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || ",;:|–—-()[]<>\"'".contains(c))
        .chars()
        .take(200)
        .collect()
}

//! The do-not-call list of the profile: numbers (compared in E.164) ringdesk never dials — not
//! from the dial view, a link, a call list or `ringdesk call` — with a clear word why. Kept in
//! the profile's cache; `ringdesk dnc add|import|remove|list` and the window manage it. The
//! machine's policy may add numbers of its own (`do_not_call`), which no agent can take off.

use chrono::Utc;
use serde::Serialize;

use crate::import_export::SkippedRow;
use crate::phone::{self, DisplayFormat, NormalizedNumber};

use super::{Desk, DeskError, Error};

/// A number on the do-not-call list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoNotCallView {
    /// The number as shown.
    pub number: String,
    /// Why, as the agent noted it.
    pub note: String,
}

/// What importing numbers to the do-not-call list did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoNotCallImport {
    /// The numbers put on the list.
    pub added: Vec<DoNotCallView>,
    /// Lines (or numbers) not taken, with why.
    pub skipped: Vec<SkippedRow>,
}

impl Desk {
    /// `number` read with the profile's country (what the list compares).
    fn dnc_number(&self, number: &str) -> Result<NormalizedNumber, Error> {
        Ok(phone::normalize(&phone::parse_input(number)?, self.home())?)
    }

    /// Puts `number` on the do-not-call list (again: its note is replaced).
    pub fn add_do_not_call(&self, number: &str, note: &str) -> Result<DoNotCallView, Error> {
        let parsed = self.dnc_number(number)?;
        let shown = parsed.display(DisplayFormat::International);
        let note = note.trim();
        self.with_cache(|store| {
            Ok(store.add_do_not_call(parsed.e164(), &shown, note, Utc::now())?)
        })?;
        Ok(DoNotCallView {
            number: shown,
            note: note.to_string(),
        })
    }

    /// Puts every number in `text` on the do-not-call list (a file of numbers, a CRM's export:
    /// each number found on each line), each with `note`; lines with words and no number, and
    /// numbers that cannot be read, are answered as skipped, by line.
    pub fn import_do_not_call(&self, text: &str, note: &str) -> Result<DoNotCallImport, Error> {
        let mut import = DoNotCallImport::default();
        for (at, line) in text.lines().enumerate() {
            let line_number = at as u64 + 1;
            let found = phone::find_numbers(line);
            if found.is_empty() && !line.trim().is_empty() {
                import.skipped.push(SkippedRow {
                    line: line_number,
                    reason: "no phone number".into(),
                });
            }
            for number in found {
                match self.add_do_not_call(&line[number.span], note) {
                    Ok(added) => import.added.push(added),
                    Err(error) => import.skipped.push(SkippedRow {
                        line: line_number,
                        reason: error.to_string(),
                    }),
                }
            }
        }
        Ok(import)
    }

    /// Takes `number` off the do-not-call list; whether it was on it.
    pub fn remove_do_not_call(&self, number: &str) -> Result<bool, Error> {
        let parsed = self.dnc_number(number)?;
        self.with_cache(|store| Ok(store.remove_do_not_call(parsed.e164())?))
    }

    /// The do-not-call list, as added.
    pub fn do_not_call_list(&self) -> Result<Vec<DoNotCallView>, Error> {
        self.with_cache(|store| {
            Ok(store
                .do_not_call_list()?
                .into_iter()
                .map(|(number, note)| DoNotCallView { number, note })
                .collect())
        })
    }

    /// Refuses `to` when it is on the do-not-call list.
    pub(crate) fn check_do_not_call(&self, to: &NormalizedNumber) -> Result<(), Error> {
        // The organization's list (the machine's policy) first, then the profile's own.
        let home = self.home();
        let by_policy = self.policy()?.policy.do_not_call.iter().any(|number| {
            phone::parse_input(number)
                .and_then(|n| phone::normalize(&n, home))
                .is_ok_and(|n| n.e164() == to.e164())
        });
        if by_policy || self.with_cache(|store| Ok(store.is_do_not_call(to.e164())?))? {
            return Err(DeskError::DoNotCall(to.display(DisplayFormat::International)).into());
        }
        Ok(())
    }
}

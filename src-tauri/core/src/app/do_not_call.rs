//! The do-not-call list of the profile: numbers (compared in E.164) ringdesk never dials — not
//! from the dial view, a link, a call list or `ringdesk call` — with a clear word why. Kept in
//! the profile's cache; `ringdesk dnc add|remove|list` and the window manage it.

use chrono::Utc;
use serde::Serialize;

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
        if self.with_cache(|store| Ok(store.is_do_not_call(to.e164())?))? {
            return Err(DeskError::DoNotCall(to.display(DisplayFormat::International)).into());
        }
        Ok(())
    }
}

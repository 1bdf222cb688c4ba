//! A contact the agent adds by hand (the new-contact form, opened for a caller nobody knows): kept
//! in the cache as a local contact, like an imported one, so calls and texts show their name at
//! once — offline too.

use serde::Deserialize;

use crate::phone::MatchKey;
use crate::store::{ContactNumber, ContactRecord, ContactSource};

use super::contacts::ContactView;
use super::{Desk, DeskError, Error};

/// The longest name, company, e-mail or label kept.
const LONGEST_FIELD: usize = 200;

/// What the new-contact form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NewContact {
    /// Full name ("Ana Silva"): split at the first space.
    pub name: String,
    /// Company.
    pub company: String,
    /// E-mail.
    pub email: String,
    /// Phone number, any spelling (may be empty).
    pub number: String,
    /// `mobile`, `work`, `home` …
    pub label: String,
}

fn field(text: &str) -> String {
    text.trim().chars().take(LONGEST_FIELD).collect()
}

impl Desk {
    /// Adds a local contact and answers its page. A name or a company is needed; a number that
    /// is not one is refused with the reason.
    pub fn add_contact(&self, contact: &NewContact) -> Result<ContactView, Error> {
        let (name, company) = (field(&contact.name), field(&contact.company));
        if name.is_empty() && company.is_empty() {
            return Err(DeskError::UnnamedContact.into());
        }
        let mut numbers = Vec::new();
        let number = contact.number.trim();
        if !number.is_empty() {
            MatchKey::from_text(number, self.home())?;
            let label = match field(&contact.label) {
                label if label.is_empty() => "mobile".to_string(),
                label => label,
            };
            numbers.push(ContactNumber {
                number: number.to_string(),
                label,
            });
        }
        let (first, last) = name.split_once(' ').unwrap_or((&name, ""));
        let record = ContactRecord {
            first_name: first.to_string(),
            last_name: last.trim().to_string(),
            company,
            email: field(&contact.email),
            numbers,
            ..ContactRecord::default()
        };
        let id = self.with_cache(|store| {
            let mut batch = store.batch()?;
            let id = batch.put_contact(ContactSource::Local, &record, 0)?;
            batch.commit()?;
            Ok(id)
        })?;
        self.contact(id)
    }
}

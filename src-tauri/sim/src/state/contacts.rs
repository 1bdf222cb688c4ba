//! The personal address book: contacts with RingCentral's fields, soft deletion (kept as
//! `availability: Deleted` for address-book sync) and change times.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A postal address (`ContactAddressInfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street.
    pub street: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// State.
    pub state: Option<String>,
    /// ZIP.
    pub zip: Option<String>,
}

/// The writable fields of a contact (`PersonalContactRequest`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ContactFields {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub middle_name: Option<String>,
    pub nick_name: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub email: Option<String>,
    pub email2: Option<String>,
    pub email3: Option<String>,
    pub birthday: Option<String>,
    pub web_page: Option<String>,
    pub notes: Option<String>,
    pub home_phone: Option<String>,
    pub home_phone2: Option<String>,
    pub business_phone: Option<String>,
    pub business_phone2: Option<String>,
    pub mobile_phone: Option<String>,
    pub company_phone: Option<String>,
    pub assistant_phone: Option<String>,
    pub car_phone: Option<String>,
    pub other_phone: Option<String>,
    pub callback_phone: Option<String>,
    pub business_fax: Option<String>,
    pub other_fax: Option<String>,
    pub home_address: Option<Address>,
    pub business_address: Option<Address>,
    pub other_address: Option<Address>,
    pub ringtone_index: Option<String>,
    pub app_info: Option<String>,
}

impl ContactFields {
    /// The fields as a JSON object without absent values.
    pub fn to_json(&self) -> serde_json::Map<String, Value> {
        let mut map = match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        strip_nulls(&mut map);
        map
    }

    /// Every phone number on the contact.
    pub fn phones(&self) -> Vec<&str> {
        [
            &self.home_phone,
            &self.home_phone2,
            &self.business_phone,
            &self.business_phone2,
            &self.mobile_phone,
            &self.company_phone,
            &self.assistant_phone,
            &self.car_phone,
            &self.other_phone,
            &self.callback_phone,
        ]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect()
    }

    /// Applies a PATCH: fields present in `patch` replace ours.
    pub fn merge(&mut self, patch: ContactFields) {
        let mut ours = self.to_json();
        ours.extend(patch.to_json());
        if let Ok(merged) = serde_json::from_value(Value::Object(ours)) {
            *self = merged;
        }
    }
}

fn strip_nulls(map: &mut serde_json::Map<String, Value>) {
    map.retain(|_, v| !v.is_null());
    for value in map.values_mut() {
        if let Value::Object(inner) = value {
            strip_nulls(inner);
        }
    }
}

/// A stored contact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// int64 id.
    pub id: i64,
    /// Fields.
    pub fields: ContactFields,
    /// `availability` is `Deleted`.
    pub deleted: bool,
    /// Last change.
    pub modified: DateTime<Utc>,
}

/// All contacts of the extension.
#[derive(Debug)]
pub struct AddressBook {
    contacts: Vec<Contact>,
    next_id: i64,
}

impl AddressBook {
    /// An empty book whose ids start after `first_id`.
    pub fn new(first_id: i64) -> Self {
        Self {
            contacts: Vec::new(),
            next_id: first_id,
        }
    }

    /// Adds a contact.
    pub fn create(&mut self, fields: ContactFields, now: DateTime<Utc>) -> Contact {
        self.next_id += 1;
        let contact = Contact {
            id: self.next_id,
            fields,
            deleted: false,
            modified: now,
        };
        self.contacts.push(contact.clone());
        contact
    }

    /// A live contact.
    pub fn get(&self, id: i64) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id && !c.deleted)
    }

    /// A live contact, for changes (marks it modified).
    pub fn get_mut(&mut self, id: i64, now: DateTime<Utc>) -> Option<&mut Contact> {
        let contact = self
            .contacts
            .iter_mut()
            .find(|c| c.id == id && !c.deleted)?;
        contact.modified = now;
        Some(contact)
    }

    /// Every contact including deleted ones, oldest first.
    pub fn all(&self) -> &[Contact] {
        &self.contacts
    }
}

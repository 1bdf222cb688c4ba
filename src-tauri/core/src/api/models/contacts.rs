//! Personal contacts and the company directory.

use serde::{Deserialize, Serialize};

use super::SyncInfo;

/// `PersonalContactResource` (the fields ringdesk matches and shows).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonalContact {
    /// Id.
    pub id: u64,
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Business phone.
    pub business_phone: Option<String>,
    /// Mobile phone.
    pub mobile_phone: Option<String>,
    /// Home phone.
    pub home_phone: Option<String>,
    /// Other phone.
    pub other_phone: Option<String>,
    /// `Alive`, `Deleted` (ISync).
    pub availability: Option<String>,
}

/// `address-book-sync` answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddressBookSync {
    /// Contacts of this page.
    pub records: Vec<PersonalContact>,
    /// The sync frame.
    pub sync_info: SyncInfo,
    /// The next page of this sync, if any.
    pub next_page_id: Option<u64>,
}

/// A phone number of a directory entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DirectoryPhone {
    /// The number.
    pub phone_number: Option<String>,
    /// `DirectNumber` …
    pub usage_type: Option<String>,
}

/// `ContactResource` of the company directory.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DirectoryEntry {
    /// Id.
    pub id: String,
    /// `User`, `Department` …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Full name.
    pub name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Extension number.
    pub extension_number: Option<String>,
    /// Numbers.
    pub phone_numbers: Vec<DirectoryPhone>,
}

//! The personal address book and its sync.

use reqwest::Method;

use super::endpoint::{ext_path, Endpoint, Group, Priority};
use super::models::{AddressBookSync, PersonalContact};
use super::paging::Pages;
use super::{ApiError, Call, Client};

/// `listContacts`.
pub const LIST_CONTACTS: Endpoint = Endpoint {
    operation: "listContacts",
    method: Method::GET,
    path: ext_path!("/address-book/contact"),
    group: Group::Heavy,
    idempotent: true,
};

/// `syncAddressBook`.
pub const SYNC_ADDRESS_BOOK: Endpoint = Endpoint {
    operation: "syncAddressBook",
    method: Method::GET,
    path: ext_path!("/address-book-sync"),
    group: Group::Heavy,
    idempotent: true,
};

/// listContacts — GET …/extension/~/address-book/contact, as pages.
pub fn list_contacts(client: &Client, per_page: u32, priority: Priority) -> Pages<PersonalContact> {
    let call = Call::new(&LIST_CONTACTS, &[])
        .query("perPage", per_page.clamp(1, 1000))
        .priority(priority);
    Pages::new(client.clone(), call)
}

/// syncAddressBook — GET …/extension/~/address-book-sync: one page of a full or incremental
/// sync; pass the previous answer's `nextPageId` to continue.
pub async fn sync_address_book(
    client: &Client,
    sync_token: Option<&str>,
    page_id: Option<u64>,
    priority: Priority,
) -> Result<AddressBookSync, ApiError> {
    let call = Call::new(&SYNC_ADDRESS_BOOK, &[]).query("perPage", 250);
    let call = match sync_token {
        Some(token) => call.query("syncType", "ISync").query("syncToken", token),
        None => call.query("syncType", "FSync"),
    };
    client
        .fetch(call.query_opt("pageId", page_id).priority(priority))
        .await
}

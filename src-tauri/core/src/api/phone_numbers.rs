//! The extension's own numbers, "ring me at" (forwarding) numbers and caller ID.

use reqwest::Method;

use super::endpoint::{ext_path, Endpoint, Group};
use super::models::{CallerIdInfo, ForwardingNumber, PhoneNumber};
use super::paging::Pages;
use super::{ApiError, Call, Client};

/// `listExtensionPhoneNumbers`.
pub const LIST_PHONE_NUMBERS: Endpoint = Endpoint {
    operation: "listExtensionPhoneNumbers",
    method: Method::GET,
    path: ext_path!("/phone-number"),
    group: Group::Light,
    idempotent: true,
};

/// `listForwardingNumbers`.
pub const LIST_FORWARDING_NUMBERS: Endpoint = Endpoint {
    operation: "listForwardingNumbers",
    method: Method::GET,
    path: ext_path!("/forwarding-number"),
    group: Group::Light,
    idempotent: true,
};

/// `readExtensionCallerId`.
pub const READ_CALLER_ID: Endpoint = Endpoint {
    operation: "readExtensionCallerId",
    method: Method::GET,
    path: ext_path!("/caller-id"),
    group: Group::Light,
    idempotent: true,
};

/// listExtensionPhoneNumbers — GET …/extension/~/phone-number: every page, collected (a handful).
pub async fn list_phone_numbers(client: &Client) -> Result<Vec<PhoneNumber>, ApiError> {
    let first = Call::new(&LIST_PHONE_NUMBERS, &[]).query("perPage", 1000);
    collect(Pages::new(client.clone(), first)).await
}

/// listForwardingNumbers — GET …/extension/~/forwarding-number: "ring me at" candidates.
pub async fn list_forwarding_numbers(client: &Client) -> Result<Vec<ForwardingNumber>, ApiError> {
    let first = Call::new(&LIST_FORWARDING_NUMBERS, &[]).query("perPage", 1000);
    collect(Pages::new(client.clone(), first)).await
}

/// readExtensionCallerId — GET …/extension/~/caller-id.
pub async fn read_caller_id(client: &Client) -> Result<CallerIdInfo, ApiError> {
    client.fetch(Call::new(&READ_CALLER_ID, &[])).await
}

async fn collect<T: serde::de::DeserializeOwned>(mut pages: Pages<T>) -> Result<Vec<T>, ApiError> {
    let mut all = Vec::new();
    while let Some(page) = pages.next_page().await? {
        all.extend(page.records);
    }
    Ok(all)
}

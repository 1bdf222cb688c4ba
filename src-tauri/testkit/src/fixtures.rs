//! Shared fixtures for ringdesk-core's tests: the home country, phone numbers, a text sent
//! straight through the API.

use ringdesk_core::api::models::Message;
use ringdesk_core::api::sms::{create_sms, CreateSms};
use ringdesk_core::api::Client;
use ringdesk_core::phone::{self, Country, NormalizedNumber};
use ringdesk_core::sms::{SmsError, SmsText};

/// The United States, the simulated account's home country.
pub fn us() -> Country {
    Country::from_iso_code("US").expect("US has numbering metadata")
}

/// `text` read and normalised as a US agent types it; panics unless it is a valid number.
pub fn number(text: &str) -> NormalizedNumber {
    phone::normalize(&phone::parse_input(text).expect("reads"), us()).expect("valid")
}

/// Sends one text straight through the API (no outbox), failing as an [`SmsError`].
pub async fn send_sms(
    client: &Client,
    from: &str,
    to: &NormalizedNumber,
    text: &SmsText,
) -> Result<Message, SmsError> {
    let request = CreateSms::one(from, to.e164(), text.as_str());
    Ok(create_sms(client, &request).await?)
}

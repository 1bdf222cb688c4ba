//! Sending SMS.

use reqwest::Method;
use serde::Serialize;

use super::endpoint::{ext_path, Endpoint, Group};
use super::models::Message;
use super::ringout::PhoneRef;
use super::{ApiError, Call, Client};

/// `createSMSMessage` (never repeated after an ambiguous failure).
pub const CREATE_SMS: Endpoint = Endpoint {
    operation: "createSMSMessage",
    method: Method::POST,
    path: ext_path!("/sms"),
    group: Group::Medium,
    idempotent: false,
};

/// `CreateSMSMessage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateSms {
    /// An SMS-capable number of the extension.
    pub from: PhoneRef,
    /// Recipients.
    pub to: Vec<PhoneRef>,
    /// At most 1000 UTF-16 code units.
    pub text: String,
}

impl CreateSms {
    /// One text from `from` to the single recipient `to`.
    pub fn one(from: &str, to: &str, text: &str) -> Self {
        Self {
            from: PhoneRef {
                phone_number: from.to_owned(),
            },
            to: vec![PhoneRef {
                phone_number: to.to_owned(),
            }],
            text: text.to_owned(),
        }
    }
}

/// createSMSMessage — POST …/extension/~/sms.
pub async fn create_sms(client: &Client, request: &CreateSms) -> Result<Message, ApiError> {
    client
        .fetch(Call::new(&CREATE_SMS, &[]).json(request))
        .await
}

//! SMS templates: the company's and the agent's own, for the composer's picker.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::endpoint::{ext_path, Endpoint, Group};
use super::{ApiError, Call, Client};

/// `listUserMessageTemplates` (company and personal ones; no paging).
pub const LIST_TEMPLATES: Endpoint = Endpoint {
    operation: "listUserMessageTemplates",
    method: Method::GET,
    path: ext_path!("/message-store-templates"),
    group: Group::Light,
    idempotent: true,
};

/// `createUserMessageTemplate` (a second try could create a twin: never repeated blindly).
pub const CREATE_TEMPLATE: Endpoint = Endpoint {
    operation: "createUserMessageTemplate",
    method: Method::POST,
    path: ext_path!("/message-store-templates"),
    group: Group::Medium,
    idempotent: false,
};

/// `updateUserMessageTemplate`.
pub const UPDATE_TEMPLATE: Endpoint = Endpoint {
    operation: "updateUserMessageTemplate",
    method: Method::PUT,
    path: ext_path!("/message-store-templates/{}"),
    group: Group::Medium,
    idempotent: true,
};

/// `deleteUserMessageTemplate`.
pub const DELETE_TEMPLATE: Endpoint = Endpoint {
    operation: "deleteUserMessageTemplate",
    method: Method::DELETE,
    path: ext_path!("/message-store-templates/{}"),
    group: Group::Medium,
    idempotent: true,
};

/// `MessageTemplateRequest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
struct TemplateRequest<'a> {
    display_name: &'a str,
    body: TemplateText<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct TemplateText<'a> {
    text: &'a str,
}

impl<'a> TemplateRequest<'a> {
    fn of(display_name: &'a str, text: &'a str) -> Self {
        Self {
            display_name,
            body: TemplateText { text },
        }
    }
}

/// createUserMessageTemplate — POST …/message-store-templates; answers the new template.
pub async fn create_template(
    client: &Client,
    name: &str,
    text: &str,
) -> Result<SmsTemplate, ApiError> {
    let call = Call::new(&CREATE_TEMPLATE, &[]).json(&TemplateRequest::of(name, text));
    client.fetch(call).await
}

/// updateUserMessageTemplate — PUT …/message-store-templates/{id}.
pub async fn update_template(
    client: &Client,
    id: &str,
    name: &str,
    text: &str,
) -> Result<SmsTemplate, ApiError> {
    let call = Call::new(&UPDATE_TEMPLATE, &[id]).json(&TemplateRequest::of(name, text));
    client.fetch(call).await
}

/// deleteUserMessageTemplate — DELETE …/message-store-templates/{id}.
pub async fn delete_template(client: &Client, id: &str) -> Result<(), ApiError> {
    client
        .send(Call::new(&DELETE_TEMPLATE, &[id]))
        .await
        .map(drop)
}

/// `MessageTemplateInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateBody {
    /// The text.
    pub text: String,
}

/// `MessageTemplateResponse`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsTemplate {
    /// Id.
    pub id: String,
    /// `displayName`.
    pub display_name: String,
    /// The text.
    pub body: TemplateBody,
    /// `Company` or `Personal`.
    pub scope: Option<String>,
}

/// `MessageTemplatesListResponse`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct TemplateList {
    records: Vec<SmsTemplate>,
}

/// listUserMessageTemplates — GET …/extension/~/message-store-templates.
pub async fn list_templates(client: &Client) -> Result<Vec<SmsTemplate>, ApiError> {
    let list: TemplateList = client.fetch(Call::new(&LIST_TEMPLATES, &[])).await?;
    Ok(list.records)
}

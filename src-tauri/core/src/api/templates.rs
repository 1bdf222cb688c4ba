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

//! The SMS composer's templates: the account's and the agent's own from RingCentral, or a few
//! built-in ones when the account has none (or they cannot be read).

use serde::Serialize;

use super::{Desk, DeskError, Error};
use crate::api::templates::{
    create_template, delete_template, list_templates, update_template, SmsTemplate,
};
use crate::sms::SmsText;

/// The most templates shown, and the longest name and text kept from the server.
const MOST: usize = 100;
const LONGEST_NAME: usize = 80;
const LONGEST_TEXT: usize = 1000;

/// Offered when RingCentral has none.
const BUILT_IN: [(&str, &str); 3] = [
    (
        "Missed your call",
        "Sorry I missed your call. When is a good time to call you back?",
    ),
    (
        "On my way",
        "Thanks — I'm on it and will get back to you shortly.",
    ),
    (
        "Follow-up",
        "Thanks for your time today. Reply here if you have any questions.",
    ),
];

/// One template in the picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateView {
    /// RingCentral's id (`built-in-N` for ringdesk's own).
    pub id: String,
    /// Its name.
    pub name: String,
    /// The text it puts in the composer.
    pub text: String,
    /// `company`, `personal` or `built_in`.
    pub scope: &'static str,
}

fn built_in() -> Vec<TemplateView> {
    BUILT_IN
        .iter()
        .enumerate()
        .map(|(i, (name, text))| TemplateView {
            id: format!("built-in-{}", i + 1),
            name: (*name).to_owned(),
            text: (*text).to_owned(),
            scope: "built_in",
        })
        .collect()
}

/// A template from RingCentral, its text bounded.
fn view(t: SmsTemplate) -> TemplateView {
    TemplateView {
        id: t.id.chars().take(LONGEST_NAME).collect(),
        name: t.display_name.chars().take(LONGEST_NAME).collect(),
        text: t.body.text.chars().take(LONGEST_TEXT).collect(),
        scope: match t.scope.as_deref() {
            Some("Company") => "company",
            _ => "personal",
        },
    }
}

/// A template's name and text, checked before anything is sent.
fn checked(name: &str, text: &str) -> Result<(String, String), Error> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > LONGEST_NAME {
        return Err(DeskError::TemplateName(LONGEST_NAME).into());
    }
    let text = SmsText::new(text.trim())?;
    Ok((name.to_owned(), text.as_str().to_owned()))
}

impl Desk {
    /// Adds one of the agent's own templates.
    pub async fn create_sms_template(&self, name: &str, text: &str) -> Result<TemplateView, Error> {
        let (name, text) = checked(name, text)?;
        let live = self.live().await?;
        Ok(view(
            create_template(live.connection.client(), &name, &text).await?,
        ))
    }

    /// Renames or rewrites one of the agent's own templates.
    pub async fn update_sms_template(
        &self,
        id: &str,
        name: &str,
        text: &str,
    ) -> Result<TemplateView, Error> {
        let (name, text) = checked(name, text)?;
        let live = self.live().await?;
        Ok(view(
            update_template(live.connection.client(), id, &name, &text).await?,
        ))
    }

    /// Deletes one of the agent's own templates.
    pub async fn delete_sms_template(&self, id: &str) -> Result<(), Error> {
        let live = self.live().await?;
        Ok(delete_template(live.connection.client(), id).await?)
    }

    /// The templates for the composer: RingCentral's (company first), else built-in ones.
    pub async fn sms_templates(&self) -> Result<Vec<TemplateView>, Error> {
        let live = self.live().await?;
        let found = match list_templates(live.connection.client()).await {
            Ok(found) => found,
            Err(error) => {
                tracing::warn!(%error, "SMS templates could not be read; offering built-in ones");
                Vec::new()
            }
        };
        let mut views: Vec<TemplateView> = found
            .into_iter()
            .filter(|t| !t.body.text.trim().is_empty())
            .take(MOST)
            .map(view)
            .collect();
        views.sort_by_key(|t| t.scope == "personal");
        if views.is_empty() {
            views = built_in();
        }
        Ok(views)
    }
}

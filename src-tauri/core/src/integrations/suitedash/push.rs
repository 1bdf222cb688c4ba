//! What the agent sends to SuiteDash, through the durable queue: a new lead from an unknown
//! number (the incoming-call banner, a History row, a thread, `ringdesk integrations
//! suitedash-add`), and a contact's tags. A lead is created once: a retry after an attempt whose
//! outcome is unknown first pulls the contacts and looks for the number, and only creates it
//! when SuiteDash does not have it.

use chrono::{DateTime, Utc};
use futures_util::future::BoxFuture;
use reqwest::Method;
use serde_json::{json, Value};

use super::assumptions::{CREATE_CONTACT_PATH, NEW_CONTACT_ROLE, UPDATE_CONTACT_PATH};
use super::quota::Spend;
use super::{records, SuiteDash, SUITEDASH};
use crate::integrations::delivery::{verdict_of, Attempt, Capabilities, Connector, Verdict};
use crate::integrations::events::new_event_id;
use crate::integrations::IntegrationError;
use crate::store::{ContactNumber, ContactRecord, ContactSource, NewQueueItem, QueuedItem};

/// The push that creates a lead.
pub const CREATE: &str = "contact.create";
/// The push that replaces a contact's tags.
pub const TAGS: &str = "contact.tags";

/// A lead to create from a number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewLead {
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// The number's match key (E.164).
    pub number: String,
    /// E-mail, may be empty.
    pub email: String,
    /// Company, may be empty.
    pub company: String,
    /// Tags.
    pub tags: Vec<String>,
}

/// The queued push that creates `lead` (once per number: queuing it again changes nothing).
pub fn create_contact_item(lead: &NewLead, now: DateTime<Utc>) -> NewQueueItem {
    let mut body = json!({
        "first_name": lead.first_name,
        "last_name": lead.last_name,
        "role": NEW_CONTACT_ROLE,
        "send_welcome_email": false,
        "phone": lead.number,
    });
    if !lead.email.is_empty() {
        body["email"] = json!(lead.email);
    }
    if !lead.company.is_empty() {
        body["company_name"] = json!(lead.company);
        body["create_company_if_not_exists"] = json!(true);
    }
    if !lead.tags.is_empty() {
        body["tags"] = json!(lead.tags);
    }
    NewQueueItem {
        connector: SUITEDASH,
        kind: CREATE.into(),
        event_id: new_event_id(),
        subject: format!("{CREATE}:{}", lead.number),
        order_key: lead.number.clone(),
        payload: body.to_string(),
        created: now,
    }
}

/// The queued push that sets the tags of SuiteDash contact `uid`.
pub fn tags_item(uid: &str, tags: &[String], order_key: &str, now: DateTime<Utc>) -> NewQueueItem {
    NewQueueItem {
        connector: SUITEDASH,
        kind: TAGS.into(),
        event_id: new_event_id(),
        subject: format!("{TAGS}:{uid}@{}", now.timestamp_millis()),
        order_key: order_key.to_string(),
        payload: json!({ "uid": uid, "tags": tags }).to_string(),
        created: now,
    }
}

impl Connector for SuiteDash {
    fn name(&self) -> &'static str {
        SUITEDASH
    }

    fn capabilities(&self) -> Capabilities {
        super::CAPABILITIES
    }

    fn logs_its_requests(&self) -> bool {
        true
    }

    fn send<'a>(&'a self, item: &'a QueuedItem) -> BoxFuture<'a, Attempt> {
        Box::pin(async move {
            let body: Value = match serde_json::from_str(&item.payload) {
                Ok(body) => body,
                Err(error) => {
                    return Attempt::failed(
                        Verdict::Refused,
                        None,
                        "corrupt_push",
                        error.to_string(),
                    )
                }
            };
            let sent = match item.kind.as_str() {
                CREATE => self.create(item, &body).await,
                TAGS => self.set_tags(&body).await,
                other => {
                    return Attempt::failed(
                        Verdict::Refused,
                        None,
                        "unknown_push",
                        format!("SuiteDash does not take {other:?}"),
                    )
                }
            };
            sent.unwrap_or_else(|error| attempt_of(&error))
        })
    }
}

impl SuiteDash {
    async fn create(&self, item: &QueuedItem, body: &Value) -> Result<Attempt, IntegrationError> {
        if item.attempts > 1 {
            // An earlier attempt may have created it: look before creating again.
            self.pull(Spend::Asked).await?;
            let found = self.with_cache(|cache| Ok(cache.contact_for_number(&item.order_key)?))?;
            if let Some(contact) = found.filter(|c| c.source == ContactSource::SuiteDash) {
                let mut attempt = Attempt::delivered(200);
                attempt.remote_id = contact
                    .remote_id
                    .map(|id| id.trim_start_matches("contact:").to_string());
                return Ok(attempt);
            }
        }
        let answer = self
            .request(
                Method::POST,
                CREATE_CONTACT_PATH,
                None,
                Some(body),
                Spend::Asked,
            )
            .await?;
        let Some(uid) = records::created_uid(&answer) else {
            return Err(IntegrationError::BadAnswer {
                connector: SUITEDASH,
                message: "the created contact's uid is missing".into(),
            });
        };
        let text = |field: &str| records::text(body, field);
        self.keep_created(&ContactRecord {
            remote_id: Some(format!("contact:{uid}")),
            first_name: text("first_name"),
            last_name: text("last_name"),
            company: text("company_name"),
            email: text("email"),
            numbers: vec![ContactNumber {
                number: text("phone"),
                label: "phone".into(),
            }],
            ..ContactRecord::default()
        })?;
        let mut attempt = Attempt::delivered(201);
        attempt.remote_id = Some(uid);
        Ok(attempt)
    }

    async fn set_tags(&self, body: &Value) -> Result<Attempt, IntegrationError> {
        let uid = records::text(body, "uid");
        let tags = body.get("tags").cloned().unwrap_or_else(|| json!([]));
        let path = format!("{UPDATE_CONTACT_PATH}{}", urlencode(&uid));
        self.request(
            Method::PUT,
            &path,
            None,
            Some(&json!({ "tags": tags })),
            Spend::Asked,
        )
        .await?;
        Ok(Attempt::delivered(200))
    }
}

/// A uid as one path segment.
fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The attempt a failed request makes: retried when it may pass later, refused otherwise.
fn attempt_of(error: &IntegrationError) -> Attempt {
    let message = error.to_string();
    match error {
        IntegrationError::Refused { status, .. } => Attempt::failed(
            verdict_of(*status),
            Some(*status),
            format!("http_{status}"),
            message,
        ),
        IntegrationError::Unreachable { .. } => {
            Attempt::failed(Verdict::Retry, None, "network", message)
        }
        IntegrationError::QuotaSpent { .. } | IntegrationError::QuotaReserved { .. } => {
            let mut attempt = Attempt::failed(Verdict::Retry, None, "quota", message);
            attempt.retry_after = Some(std::time::Duration::from_secs(3600));
            attempt
        }
        _ => Attempt::failed(Verdict::Refused, None, "error", message),
    }
}

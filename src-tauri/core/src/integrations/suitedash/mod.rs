//! The SuiteDash connector, API mode: SuiteDash's Secure API with the account's Public ID and a
//! secret key. It pulls contacts and companies into the cache (a contact source, matched by every
//! phone field), creates leads from unknown numbers and sets a contact's tags through the durable
//! queue, and counts every request against the monthly quota ([`quota`]). What is assumed about
//! the API is in [`assumptions`]; import mode is [`import_csv`].

pub mod assumptions;
pub mod import_csv;
mod pull;
mod push;
pub mod quota;
mod records;

use std::sync::{Arc, Mutex};
use std::time::Instant;

use reqwest::header::{ACCEPT, CONTENT_TYPE, USER_AGENT};
use reqwest::Method;
use serde::Serialize;
use serde_json::Value;
use url::Url;

use self::assumptions::{CONTACTS_PATH, PAGE_PARAM, PUBLIC_ID_HEADER, SECRET_KEY_HEADER};
use self::quota::{spend, Spend};
use super::delivery::{http_client, read_bounded, Capabilities};
use super::webhook::checked_url;
use super::IntegrationError;
use crate::clock::Clock;
use crate::config::SuiteDashSettings;
use crate::secret::Secret;
use crate::store::{ActivityEntry, ActivityOutcome, Store};

pub use import_csv::{write_import_csv, IMPORT_COLUMNS};
pub use pull::{PullReport, LAST_PULL};
pub use push::{create_contact_item, tags_item, NewLead};
pub use quota::QuotaView;

/// The connector's name: its queue, keychain entry, marks and log entries.
pub const SUITEDASH: &str = "suitedash";

/// What SuiteDash brings in and takes out.
pub const CAPABILITIES: Capabilities = Capabilities {
    pulls: &["contacts", "companies"],
    pushes: &["contact.create", "contact.tags"],
};

/// The longest answer body read (a page of contacts is far smaller).
const LONGEST_ANSWER: usize = 8 * 1024 * 1024;

/// What *Test connection* found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SuiteDashAccount {
    /// The account's Public ID.
    pub public_id: String,
    /// The API's address.
    pub api_url: String,
    /// Contacts in the account, when SuiteDash said.
    pub contacts: Option<u64>,
    /// The month's quota count, after the test's own request.
    pub quota: QuotaView,
}

/// SuiteDash's Secure API for one profile.
pub struct SuiteDash {
    base: Url,
    public_id: String,
    secret: Secret,
    monthly_quota: u32,
    http: reqwest::Client,
    /// The profile's cache: the quota count, and the contacts pulled or created.
    cache: Mutex<Store>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for SuiteDash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SuiteDash")
            .field("base", &self.base.as_str())
            .field("public_id", &self.public_id)
            .field("secret", &self.secret)
            .finish_non_exhaustive()
    }
}

impl SuiteDash {
    /// The API at `settings.api_url` as the account `settings.public_id`, with `secret`; `cache`
    /// is a connection of its own to the profile's cache.
    pub fn new(
        settings: &SuiteDashSettings,
        secret: Secret,
        cache: Store,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, IntegrationError> {
        if settings.public_id.trim().is_empty() {
            return Err(IntegrationError::BadSetting {
                setting: "integrations.suitedash.public_id",
                reason: "the account's Public ID is needed (SuiteDash → Integrations → Secure API)"
                    .into(),
            });
        }
        if secret.expose().trim().is_empty() {
            return Err(IntegrationError::NoSecret {
                connector: SUITEDASH,
            });
        }
        if settings.monthly_quota == 0 {
            return Err(IntegrationError::BadSetting {
                setting: "integrations.suitedash.monthly_quota",
                reason: "the plan's monthly request quota must be at least 1".into(),
            });
        }
        let mut base = checked_url(&settings.api_url, "integrations.suitedash.api_url")?;
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let http = http_client(SUITEDASH)?;
        Ok(Self {
            base,
            public_id: settings.public_id.trim().to_string(),
            secret,
            monthly_quota: settings.monthly_quota,
            http,
            cache: Mutex::new(cache),
            clock,
        })
    }

    /// Reads the first page of contacts: the keys work, and how many contacts there are.
    pub async fn test(&self) -> Result<SuiteDashAccount, IntegrationError> {
        let page = self.list_page(CONTACTS_PATH, 1, Spend::Asked).await?;
        Ok(SuiteDashAccount {
            public_id: self.public_id.clone(),
            api_url: self.base.as_str().trim_end_matches('/').to_string(),
            contacts: page.total().or(Some(page.data.len() as u64)),
            quota: self.quota()?,
        })
    }

    /// The month's quota count.
    pub fn quota(&self) -> Result<QuotaView, IntegrationError> {
        self.with_cache(|cache| quota::quota_view(cache, self.monthly_quota, self.clock.now_utc()))
    }

    fn with_cache<T>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, IntegrationError>,
    ) -> Result<T, IntegrationError> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        work(&mut cache)
    }

    /// One page of a list.
    async fn list_page(
        &self,
        path: &str,
        page: u32,
        who: Spend,
    ) -> Result<records::ListPage, IntegrationError> {
        let answer = self
            .request(Method::GET, path, Some(page), None, who)
            .await?;
        let page: records::ListPage =
            serde_json::from_value(answer).map_err(|error| IntegrationError::BadAnswer {
                connector: SUITEDASH,
                message: error.to_string(),
            })?;
        if !page.success {
            return Err(IntegrationError::BadAnswer {
                connector: SUITEDASH,
                message: message_of(page.message.as_ref()),
            });
        }
        Ok(page)
    }

    /// Sends one request, counted against the quota before it leaves; answers the JSON body of
    /// a 2xx answer, or the error.
    async fn request(
        &self,
        method: Method,
        path: &str,
        page: Option<u32>,
        body: Option<&Value>,
        who: Spend,
    ) -> Result<Value, IntegrationError> {
        let url = self.url(path, page)?;
        self.with_cache(|cache| {
            spend(cache, self.monthly_quota, who, self.clock.now_utc()).map(|_| ())
        })?;
        let operation = format!("{SUITEDASH}:{method} {path}");
        let (at, started) = (self.clock.now_utc(), Instant::now());
        let answer = self.exchange(method, url, body).await;
        let entry = ActivityEntry {
            at,
            action: operation,
            request_id: answer.as_ref().ok().and_then(|(_, id)| id.clone()),
            outcome: match &answer {
                Ok(_) => ActivityOutcome::Ok,
                Err(_) => ActivityOutcome::Error,
            },
            http_status: match &answer {
                Err(IntegrationError::Refused { status, .. }) => Some(*status),
                Ok(_) => Some(200),
                Err(_) => None,
            },
            duration_ms: started.elapsed().as_millis() as u64,
            error_code: answer.as_ref().err().map(error_code),
        };
        self.with_cache(|cache| Ok(cache.log_activity(&entry)?))?;
        answer.map(|(json, _)| json)
    }

    /// Sends one request; answers the JSON body of a 2xx answer and its request id.
    async fn exchange(
        &self,
        method: Method,
        url: Url,
        body: Option<&Value>,
    ) -> Result<(Value, Option<String>), IntegrationError> {
        let mut request = self
            .http
            .request(method, url)
            .header(PUBLIC_ID_HEADER, &self.public_id)
            .header(SECRET_KEY_HEADER, self.secret.expose())
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, concat!("ringdesk/", env!("CARGO_PKG_VERSION")));
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_string());
        }
        let response = request
            .send()
            .await
            .map_err(|error| IntegrationError::Unreachable {
                connector: SUITEDASH,
                message: if error.is_timeout() {
                    "no answer in time".into()
                } else {
                    "the connection failed".into()
                },
            })?;
        let status = response.status().as_u16();
        let request_id = response
            .headers()
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .map(|value| value.chars().take(128).collect::<String>());
        let bytes = read_bounded(response, LONGEST_ANSWER)
            .await
            .map_err(|error| IntegrationError::Unreachable {
                connector: SUITEDASH,
                message: error.to_string(),
            })?
            .ok_or_else(|| IntegrationError::BadAnswer {
                connector: SUITEDASH,
                message: format!("an answer longer than {LONGEST_ANSWER} bytes"),
            })?;
        let json: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        if !(200..300).contains(&status) {
            return Err(IntegrationError::Refused {
                connector: SUITEDASH,
                status,
                message: message_of(json.get("message")),
            });
        }
        if json.is_null() {
            return Err(IntegrationError::BadAnswer {
                connector: SUITEDASH,
                message: "the answer is not JSON".into(),
            });
        }
        Ok((json, request_id))
    }

    fn url(&self, path: &str, page: Option<u32>) -> Result<Url, IntegrationError> {
        let mut url = self.base.join(path.trim_start_matches('/')).map_err(|_| {
            IntegrationError::BadSetting {
                setting: "integrations.suitedash.api_url",
                reason: format!("{path} cannot be joined to the API address"),
            }
        })?;
        if let Some(page) = page {
            url.query_pairs_mut()
                .append_pair(PAGE_PARAM, &page.to_string());
        }
        Ok(url)
    }
}

/// The activity log's short code for a failed request.
fn error_code(error: &IntegrationError) -> String {
    match error {
        IntegrationError::Refused { status, .. } => format!("http_{status}"),
        IntegrationError::Unreachable { .. } => "network".into(),
        IntegrationError::BadAnswer { .. } => "bad_answer".into(),
        _ => "error".into(),
    }
}

/// SuiteDash's `message`, bounded to one line.
fn message_of(message: Option<&Value>) -> String {
    let text = match message {
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => "no message".into(),
    };
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect()
}

//! The webhook connector: any CRM, Zapier, Make, n8n or an in-house service receives each event
//! as a signed JSON POST. It pulls nothing; it pushes every [`EventType`].
//!
//! ```text
//! POST <url>
//! Content-Type: application/json
//! X-Ringdesk-Event-Id: evt_…            (the idempotency key: the same on every retry)
//! X-Ringdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
//! ```
//!
//! A 2xx answer delivers the event; 408, 425, 429, 5xx, a timeout or a network failure retry it;
//! any other status (a redirect too: it is never followed) stops it, shown as failed.

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use reqwest::header::{HeaderMap, CONTENT_TYPE, RETRY_AFTER, USER_AGENT};
use url::Url;

use super::delivery::{
    http_client, read_bounded, verdict_of, Attempt, Capabilities, Connector, Verdict,
};
use super::events::{envelope, new_event_id, EventType};
use super::signature::{sign, EVENT_ID_HEADER, SIGNATURE_HEADER};
use super::IntegrationError;
use crate::clock::Clock;
use crate::origin;
use crate::secret::Secret;
use crate::store::QueuedItem;

/// The connector's name: its queue, its keychain entry, its log entries.
pub const WEBHOOK: &str = "webhook";

/// The event type of *Test connection*'s post (never queued).
pub const TEST_EVENT: &str = "ringdesk.test";

/// What the webhook sends.
pub const CAPABILITIES: Capabilities = Capabilities {
    pulls: &[],
    pushes: &[
        "call.ended",
        "call.missed",
        "sms.sent",
        "sms.received",
        "wrapup.saved",
        "contact.created",
    ],
};

/// The longest error text kept from a receiver's answer.
const LONGEST_MESSAGE: usize = 200;

/// Checks a receiver's address: `https://`, or plain `http://` only to this machine.
pub fn webhook_url(text: &str) -> Result<Url, IntegrationError> {
    checked_url(text, "integrations.webhook.url")
}

/// Checks a service's address for `setting`: `https://`, or plain `http://` only to this machine.
pub(crate) fn checked_url(text: &str, setting: &'static str) -> Result<Url, IntegrationError> {
    let bad = |reason| IntegrationError::BadUrl {
        setting,
        url: text.to_string(),
        reason,
    };
    let url = Url::parse(text.trim()).map_err(|_| bad("not an absolute URL"))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if origin::is_loopback(&url) => Ok(url),
        "http" => Err(bad(
            "plain http:// is allowed only to this machine; use https://",
        )),
        _ => Err(bad("only https:// addresses are allowed")),
    }
}

/// The signed webhook for one profile.
pub struct Webhook {
    url: Url,
    secret: Secret,
    profile: String,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("url", &origin::shown(self.url.as_str()))
            .field("secret", &self.secret)
            .finish_non_exhaustive()
    }
}

impl Webhook {
    /// The webhook posting to `url` (checked with [`webhook_url`]), signing with `secret`, for
    /// `profile`'s events.
    pub fn new(
        url: &str,
        secret: Secret,
        profile: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, IntegrationError> {
        if secret.expose().trim().is_empty() {
            return Err(IntegrationError::NoSecret { connector: WEBHOOK });
        }
        let http = http_client(WEBHOOK)?;
        Ok(Self {
            url: webhook_url(url)?,
            secret,
            profile: profile.to_string(),
            http,
            clock,
        })
    }

    /// Posts a signed [`TEST_EVENT`] and answers the receiver's HTTP status; a status other
    /// than 2xx is an error naming it.
    pub async fn test(&self) -> Result<u16, IntegrationError> {
        let id = new_event_id();
        let body = envelope(&id, TEST_EVENT, self.clock.now_utc(), &self.profile, "{}").map_err(
            |error| IntegrationError::BadAnswer {
                connector: WEBHOOK,
                message: error.to_string(),
            },
        )?;
        let attempt = self.post(&id, body).await;
        match (attempt.verdict, attempt.http_status) {
            (Verdict::Delivered, Some(status)) => Ok(status),
            (_, Some(status)) => Err(IntegrationError::Refused {
                connector: WEBHOOK,
                status,
                message: attempt.message,
            }),
            (_, None) => Err(IntegrationError::Unreachable {
                connector: WEBHOOK,
                message: attempt.message,
            }),
        }
    }

    async fn post(&self, event_id: &str, body: String) -> Attempt {
        let timestamp = self.clock.now_utc().timestamp();
        let signature = sign(&self.secret, timestamp, body.as_bytes());
        let sent = self
            .http
            .post(self.url.clone())
            .header(CONTENT_TYPE, "application/json")
            .header(USER_AGENT, concat!("ringdesk/", env!("CARGO_PKG_VERSION")))
            .header(EVENT_ID_HEADER, event_id)
            .header(SIGNATURE_HEADER, signature)
            .body(body)
            .send()
            .await;
        let response = match sent {
            Ok(response) => response,
            Err(error) => {
                let code = if error.is_timeout() {
                    "timeout"
                } else {
                    "network"
                };
                return Attempt::failed(Verdict::Retry, None, code, without_url(&error));
            }
        };
        let status = response.status().as_u16();
        let request_id = header(response.headers(), "x-request-id");
        let retry_after = header(response.headers(), RETRY_AFTER.as_str())
            .and_then(|value| value.parse::<u64>().ok())
            .map(Duration::from_secs);
        let mut attempt = match verdict_of(status) {
            Verdict::Delivered => Attempt::delivered(status),
            verdict => {
                let text = read_bounded(response, 4096)
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                let text = String::from_utf8_lossy(&text);
                let message = match (300..400).contains(&status) {
                    true => "the receiver redirected; redirects are not followed".to_string(),
                    false => bounded(&text),
                };
                Attempt::failed(verdict, Some(status), format!("http_{status}"), message)
            }
        };
        attempt.request_id = request_id;
        attempt.retry_after = retry_after;
        attempt
    }
}

impl Connector for Webhook {
    fn name(&self) -> &'static str {
        WEBHOOK
    }

    fn capabilities(&self) -> Capabilities {
        CAPABILITIES
    }

    fn send<'a>(&'a self, item: &'a QueuedItem) -> BoxFuture<'a, Attempt> {
        Box::pin(async move {
            if !EventType::ALL.iter().any(|t| t.as_str() == item.kind) {
                return Attempt::failed(
                    Verdict::Refused,
                    None,
                    "unknown_event",
                    format!("the webhook does not send {:?}", item.kind),
                );
            }
            match envelope(
                &item.event_id,
                &item.kind,
                item.created,
                &self.profile,
                &item.payload,
            ) {
                Ok(body) => self.post(&item.event_id, body).await,
                Err(error) => {
                    Attempt::failed(Verdict::Refused, None, "corrupt_event", error.to_string())
                }
            }
        })
    }
}

/// A short header value, when present and printable.
fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(|value| value.chars().take(128).collect())
}

/// The receiver's words, one line and bounded.
fn bounded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(LONGEST_MESSAGE)
        .collect()
}

/// A network error's words without the URL (it may carry a token in its query).
fn without_url(error: &reqwest::Error) -> String {
    let mut words = error.to_string();
    if let Some(url) = error.url() {
        words = words.replace(url.as_str(), &origin::shown(url.as_str()));
    }
    bounded(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_must_be_https_or_this_machine() {
        assert!(webhook_url("https://hooks.example.com/ringdesk").is_ok());
        assert!(webhook_url("http://127.0.0.1:8080/hook").is_ok());
        assert!(webhook_url("http://localhost:8080/hook").is_ok());
        for bad in [
            "http://hooks.example.com/x",
            "ftp://example.com",
            "hooks.example.com",
            "",
        ] {
            assert!(webhook_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_secret_is_needed_and_never_shown() {
        let clock: Arc<dyn Clock> = Arc::new(crate::clock::SystemClock);
        let missing = Webhook::new("https://example.com", Secret::new(" "), "p", clock.clone());
        assert!(matches!(missing, Err(IntegrationError::NoSecret { .. })));
        let hook = Webhook::new("https://example.com/h", Secret::new("s3cr3t"), "p", clock)
            .expect("webhook");
        assert!(!format!("{hook:?}").contains("s3cr3t"));
    }
}

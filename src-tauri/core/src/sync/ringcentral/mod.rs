//! The sync engine's port implemented by the RingCentral client: one request per method, sent
//! as [`Priority::Background`] (it yields to the agent's calls and texts) except the SMS send,
//! each logged for the activity log with its request id, status and duration.

mod classify;
pub(crate) mod convert;

pub(crate) use classify::classify;
use classify::{kind, unreadable};

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Change, ListPage, SyncAnswer, Upstream, UpstreamError, Window};
use crate::api::models::SyncInfo;
use crate::api::paging::{Navigation, Paging};
use crate::api::sms::{CreateSms, CREATE_SMS};
use crate::api::{
    call_log, contacts, decode, directory, message_store, Call, Client, ClientOptions, Endpoint,
    Page, Priority, Transport,
};
use crate::auth::{AuthError, OAuthApp, Session, REDIRECT_URI};
use crate::keychain::{MemoryStore, TokenStore};
use crate::secret::Secret;
use crate::store::{ActivityEntry, ActivityOutcome, CallRecord, ContactRecord, MessageRecord};

/// RingCentral through the client, as the sync engine's [`Upstream`].
#[derive(Debug)]
pub struct RingCentral {
    client: Client,
    activity: Mutex<Vec<ActivityEntry>>,
}

/// A sync answer with its records still raw, borrowed from the body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSync<'a> {
    #[serde(borrow)]
    records: Vec<&'a RawValue>,
    #[serde(default)]
    sync_info: SyncInfo,
    #[serde(default)]
    next_page_id: Option<serde_json::Value>,
}

/// A page of a list answer with its records still raw, borrowed from the body.
#[derive(Debug, Deserialize)]
struct RawPage<'a> {
    #[serde(borrow)]
    records: Vec<&'a RawValue>,
    #[serde(default)]
    paging: Paging,
    #[serde(default)]
    navigation: Navigation,
}

impl RingCentral {
    /// Wraps a signed-in client.
    pub fn new(client: Client) -> Self {
        Self {
            client,
            activity: Mutex::new(Vec::new()),
        }
    }

    /// Signs in to `server` with a JWT credential held in memory only, for scripted syncs,
    /// tests and benchmarks (the app signs in through its desk's connection).
    pub async fn sign_in_with_jwt(
        server: &str,
        client_id: &str,
        client_secret: &str,
        jwt: &str,
        options: ClientOptions,
    ) -> Result<Self, AuthError> {
        let app = OAuthApp {
            server: server.to_owned(),
            client_id: client_id.to_owned(),
            client_secret: Some(Secret::new(client_secret.to_owned())),
            redirect_uri: REDIRECT_URI.to_owned(),
        };
        let transport = Arc::new(Transport::new(&app.server, options)?);
        let store: Arc<dyn TokenStore> = Arc::new(MemoryStore::default());
        let session = Session::open("sync", app, transport.clone(), store, None).await?;
        session
            .sign_in_with_jwt(&Secret::new(jwt.to_owned()), false)
            .await?;
        Ok(Self::new(Client::new(transport, Arc::new(session))))
    }

    /// The client underneath (for interactive requests alongside the sync).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends `call`, logs it, and decodes the answer.
    async fn fetch<T: DeserializeOwned>(&self, call: Call) -> Result<T, UpstreamError> {
        let endpoint = call.endpoint();
        self.fetch_with(call, |body| {
            decode(endpoint, body).map_err(|e| classify(&e, endpoint.idempotent))
        })
        .await
    }

    /// Sends `call`, reads the answer's body with `read` (which may borrow from it), and logs
    /// the action; a body `read` refuses is logged as a malformed answer, and is an unknown
    /// outcome for a request that is not safe to repeat ([`unreadable`]).
    async fn fetch_with<T>(
        &self,
        call: Call,
        read: impl FnOnce(&[u8]) -> Result<T, UpstreamError>,
    ) -> Result<T, UpstreamError> {
        let endpoint = call.endpoint();
        let started = Instant::now();
        let at = Utc::now();
        let result = self.client.send(call).await;
        let mut entry = ActivityEntry {
            at,
            action: endpoint.operation.to_owned(),
            request_id: None,
            outcome: ActivityOutcome::Ok,
            http_status: None,
            duration_ms: started.elapsed().as_millis() as u64,
            error_code: None,
        };
        let decoded = match result {
            Ok(answer) => {
                entry.http_status = Some(answer.status);
                entry.request_id = ["RCRequestId", "X-Request-Id"]
                    .iter()
                    .find_map(|name| answer.headers.get(*name))
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                let read = read(&answer.body).map_err(|e| unreadable(e, endpoint.idempotent));
                if read.is_err() {
                    entry.outcome = ActivityOutcome::Error;
                    entry.error_code = Some("malformed".to_owned());
                }
                read
            }
            Err(error) => {
                entry.outcome = ActivityOutcome::Error;
                entry.http_status = error.status().or(entry.http_status);
                entry.error_code = Some(error.code().unwrap_or(kind(&error)).to_owned());
                Err(classify(&error, endpoint.idempotent))
            }
        };
        if let Ok(mut log) = self.activity.lock() {
            log.push(entry);
        }
        decoded
    }

    async fn sync_answer<T>(
        &self,
        call: Call,
        read: impl Fn(&RawValue) -> Result<T, UpstreamError>,
    ) -> Result<SyncAnswer<T>, UpstreamError> {
        let call = call.priority(Priority::Background);
        let endpoint = call.endpoint();
        self.fetch_with(call, |body| read_sync(endpoint, body, read))
            .await
    }

    async fn list_page<T>(
        &self,
        call: Call,
        read: impl Fn(&RawValue) -> Result<T, UpstreamError>,
    ) -> Result<ListPage<T>, UpstreamError> {
        let call = call.priority(Priority::Background);
        let endpoint = call.endpoint();
        self.fetch_with(call, |body| read_list(endpoint, body, read))
            .await
    }
}

/// Reads a sync answer (`…-sync`) of `endpoint` from `body`, each record with `read`.
pub(crate) fn read_sync<T>(
    endpoint: &Endpoint,
    body: &[u8],
    read: impl Fn(&RawValue) -> Result<T, UpstreamError>,
) -> Result<SyncAnswer<T>, UpstreamError> {
    let raw: RawSync<'_> = decode(endpoint, body).map_err(|e| classify(&e, endpoint.idempotent))?;
    let records = raw
        .records
        .iter()
        .map(|r| read(r))
        .collect::<Result<_, _>>()?;
    let info = raw.sync_info;
    Ok(SyncAnswer {
        records,
        token: info.sync_token.unwrap_or_default(),
        sync_time: match info.sync_time.as_deref() {
            Some(text) => convert::time(Some(text), "sync time")?,
            None => Utc::now(),
        },
        older_records_exist: info.older_records_exist.unwrap_or(false),
        next_page: raw.next_page_id.map(|id| match id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        }),
    })
}

/// Reads a page of a paged listing of `endpoint` from `body`, each record with `read`.
pub(crate) fn read_list<T>(
    endpoint: &Endpoint,
    body: &[u8],
    read: impl Fn(&RawValue) -> Result<T, UpstreamError>,
) -> Result<ListPage<T>, UpstreamError> {
    let page: RawPage<'_> =
        decode(endpoint, body).map_err(|e| classify(&e, endpoint.idempotent))?;
    Ok(ListPage {
        records: page
            .records
            .iter()
            .map(|r| read(r))
            .collect::<Result<_, _>>()?,
        total: page.paging.total_elements,
        more: page.navigation.next_page.is_some(),
    })
}

fn windowed(call: Call, window: Window) -> Call {
    call.query("dateFrom", convert::iso(window.from))
        .query("dateTo", convert::iso(window.to))
}

impl Upstream for RingCentral {
    async fn call_log_sync(
        &self,
        token: Option<&str>,
    ) -> Result<SyncAnswer<Change<CallRecord>>, UpstreamError> {
        let call = Call::new(&call_log::SYNC_CALL_LOG, &[]).query("view", "Detailed");
        let call = match token {
            Some(token) => call.query("syncType", "ISync").query("syncToken", token),
            None => call.query("syncType", "FSync").query("recordCount", 250),
        };
        self.sync_answer(call, convert::call).await
    }

    async fn call_log_page(
        &self,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<CallRecord>, UpstreamError> {
        let call = Call::new(&call_log::READ_CALL_LOG, &[])
            .query("view", "Detailed")
            .query("perPage", per_page.clamp(1, 1000))
            .query("page", 1);
        let page = self
            .list_page(windowed(call, window), convert::call)
            .await?;
        Ok(ListPage {
            // A listing shows no deleted records.
            records: page
                .records
                .into_iter()
                .filter_map(|c| match c {
                    Change::Put(call) => Some(call),
                    Change::Delete(_) => None,
                })
                .collect(),
            total: page.total,
            more: page.more,
        })
    }

    async fn message_sync(
        &self,
        token: Option<&str>,
        date_from: DateTime<Utc>,
        record_count: u32,
    ) -> Result<SyncAnswer<MessageRecord>, UpstreamError> {
        let call = Call::new(&message_store::SYNC_MESSAGES, &[]).query("messageType", "SMS");
        let call = match token {
            Some(token) => call.query("syncType", "ISync").query("syncToken", token),
            None => call
                .query("syncType", "FSync")
                .query("dateFrom", convert::iso(date_from))
                .query("recordCount", record_count.max(1)),
        };
        self.sync_answer(call, convert::message).await
    }

    async fn message_page(
        &self,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<MessageRecord>, UpstreamError> {
        let call = Call::new(&message_store::LIST_MESSAGES, &[])
            .query("messageType", "SMS")
            .query("perPage", per_page.clamp(1, 1000))
            .query("page", 1);
        self.list_page(windowed(call, window), convert::message)
            .await
    }

    async fn address_book_sync(
        &self,
        token: Option<&str>,
        page_id: Option<&str>,
    ) -> Result<SyncAnswer<Change<ContactRecord>>, UpstreamError> {
        let call = Call::new(&contacts::SYNC_ADDRESS_BOOK, &[]).query("perPage", 250);
        let call = match token {
            Some(token) => call.query("syncType", "ISync").query("syncToken", token),
            None => call.query("syncType", "FSync"),
        };
        self.sync_answer(call.query_opt("pageId", page_id), convert::personal)
            .await
    }

    async fn directory_page(&self, page: u32) -> Result<ListPage<ContactRecord>, UpstreamError> {
        let per_page = 1000;
        let call = Call::new(&directory::LIST_DIRECTORY, &[])
            .query("page", page)
            .query("perPage", per_page);
        let mut listing = self.list_page(call, convert::directory).await?;
        // The directory answers without navigation links: a full page means there may be more.
        listing.more = listing.records.len() >= per_page;
        Ok(listing)
    }

    async fn send_sms(
        &self,
        from: &str,
        to: &str,
        text: &str,
    ) -> Result<MessageRecord, UpstreamError> {
        let request = CreateSms::one(from, to, text);
        // Read inside the request: an answer that is no readable message is an unknown outcome.
        self.fetch_with(Call::new(&CREATE_SMS, &[]).json(&request), |body| {
            let raw: Box<RawValue> =
                decode(&CREATE_SMS, body).map_err(|e| classify(&e, CREATE_SMS.idempotent))?;
            convert::message(&raw)
        })
        .await
    }

    async fn sent_messages(
        &self,
        to: &str,
        window: Window,
    ) -> Result<Vec<MessageRecord>, UpstreamError> {
        let call = Call::new(&message_store::LIST_MESSAGES, &[])
            .query("messageType", "SMS")
            .query("direction", "Outbound")
            .query("phoneNumber", to)
            .query("perPage", 1000)
            .priority(Priority::Interactive);
        let page: Page<Box<RawValue>> = self.fetch(windowed(call, window)).await?;
        page.records.iter().map(|r| convert::message(r)).collect()
    }

    async fn mark_read(&self, ids: &[i64], read: bool) -> Result<(), UpstreamError> {
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let status = if read { "Read" } else { "Unread" };
        let call = Call::new(&message_store::UPDATE_MESSAGE, &[&list])
            .json(&serde_json::json!({ "readStatus": status }))
            .priority(Priority::Background);
        self.fetch::<serde_json::Value>(call).await.map(|_| ())
    }

    fn take_activity(&self) -> Vec<ActivityEntry> {
        self.activity
            .lock()
            .map(|mut log| std::mem::take(&mut *log))
            .unwrap_or_default()
    }
}

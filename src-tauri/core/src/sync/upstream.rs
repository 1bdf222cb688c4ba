//! What the sync engine needs from RingCentral, as a narrow port. The RingCentral client
//! implements it ([`RingCentral`](super::RingCentral), in `ringcentral/`); records arrive
//! already in the store's own types, so the engine never sees wire models.

use chrono::{DateTime, Utc};

use crate::store::{ActivityEntry, CallRecord, ContactRecord, MessageRecord};

use super::UpstreamError;

/// A time window `[from, to)` of a paged listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Oldest time included.
    pub from: DateTime<Utc>,
    /// Newest time, excluded.
    pub to: DateTime<Utc>,
}

/// A record that changed upstream: still there (new or modified), or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<T> {
    /// New or modified.
    Put(T),
    /// Deleted upstream (the record's RingCentral id).
    Delete(String),
}

/// One answer of a sync API (`call-log-sync`, `message-sync`, `address-book-sync`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncAnswer<T> {
    /// The records, newest first for a full sync.
    pub records: Vec<T>,
    /// The token for the next incremental sync.
    pub token: String,
    /// The server's time of this sync.
    pub sync_time: DateTime<Utc>,
    /// A full sync left older records out.
    pub older_records_exist: bool,
    /// A paged sync (address book) continues with this page id.
    pub next_page: Option<String>,
}

/// One page of a paged listing, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage<T> {
    /// The records.
    pub records: Vec<T>,
    /// How many records the whole window holds, when the server says.
    pub total: Option<u64>,
    /// More pages follow.
    pub more: bool,
}

/// RingCentral, as the sync engine uses it. Every method is one request, sent as background
/// work (it yields to calls and texts the agent places), except [`Upstream::send_sms`], which
/// is the agent's own action.
#[allow(async_fn_in_trait)]
pub trait Upstream {
    /// `syncUserCallLog`: a full sync (newest records, at most 250) without a token, else the
    /// changes since it.
    async fn call_log_sync(
        &self,
        token: Option<&str>,
    ) -> Result<SyncAnswer<Change<CallRecord>>, UpstreamError>;

    /// `readUserCallLog`: the newest `per_page` records of `window`.
    async fn call_log_page(
        &self,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<CallRecord>, UpstreamError>;

    /// `syncMessages` (SMS): a full sync of messages since `date_from` (at most about
    /// `record_count`) without a token, else the changes since it.
    async fn message_sync(
        &self,
        token: Option<&str>,
        date_from: DateTime<Utc>,
        record_count: u32,
    ) -> Result<SyncAnswer<MessageRecord>, UpstreamError>;

    /// `listMessages` (SMS): the newest `per_page` messages of `window`.
    async fn message_page(
        &self,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<MessageRecord>, UpstreamError>;

    /// `syncAddressBook`: one page of a full (no token) or incremental sync.
    async fn address_book_sync(
        &self,
        token: Option<&str>,
        page_id: Option<&str>,
    ) -> Result<SyncAnswer<Change<ContactRecord>>, UpstreamError>;

    /// `listDirectoryEntries`: page `page` (1-based) of the company directory.
    async fn directory_page(&self, page: u32) -> Result<ListPage<ContactRecord>, UpstreamError>;

    /// `createSMSMessage`: sends one SMS; the answer is the stored message.
    async fn send_sms(
        &self,
        from: &str,
        to: &str,
        text: &str,
    ) -> Result<MessageRecord, UpstreamError>;

    /// `listMessages`: outbound SMS to `to` created in `window` (to reconcile an ambiguous send).
    async fn sent_messages(
        &self,
        to: &str,
        window: Window,
    ) -> Result<Vec<MessageRecord>, UpstreamError>;

    /// `updateMessage`: marks messages read or unread (up to 50 ids).
    async fn mark_read(&self, ids: &[i64], read: bool) -> Result<(), UpstreamError>;

    /// The API actions performed since the last call, for the activity log.
    fn take_activity(&self) -> Vec<ActivityEntry>;
}

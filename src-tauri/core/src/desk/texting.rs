//! Texting: conversations and threads from the cache, the composer's measurement, sending
//! through the outbox (exactly once, even offline), read state, and cancelling a pending text.

use std::sync::Arc;

use chrono::Utc;
use serde::Serialize;

use crate::api::phone_numbers::list_phone_numbers;
use crate::error::Error;
use crate::messaging::{SmsError, SmsText, MAX_SMS_UNITS};
use crate::phone;
use crate::store::{ConversationSummary, Direction, MessageEntry, OutboxItem, OutboxState};
use crate::sync::{send_through_outbox, RingCentral};

use super::dialing::{display, format_key};
use super::{Choice, Desk, DeskError, DeskEvent, MessagesChange};

/// How many messages of a thread the window shows.
const THREAD_PAGE: usize = 200;
/// How many conversations the list shows.
const CONVERSATION_PAGE: usize = 300;

/// The composer counter: `142 / 1000 · 1 segment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsMeasure {
    /// UTF-16 code units (what RingCentral counts).
    pub units: usize,
    /// RingCentral's limit.
    pub limit: usize,
    /// Carrier segments it will take.
    pub segments: usize,
    /// Over the limit: Send is refused.
    pub too_long: bool,
}

/// A conversation in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationView {
    /// The customer's number (E.164): what opens the thread.
    pub number: String,
    /// The number, formatted.
    pub display: String,
    /// The matched contact's (or caller ID) name.
    pub name: Option<String>,
    /// The last message's text.
    pub last_text: String,
    /// When it was sent or received (ISO 8601).
    pub last_time: String,
    /// Unread messages.
    pub unread: u32,
    /// Texts waiting in the outbox.
    pub pending: u32,
}

/// A message bubble.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageView {
    /// RingCentral's id (none for outbox items).
    pub id: Option<i64>,
    /// `Inbound` or `Outbound`.
    pub direction: &'static str,
    /// The text.
    pub text: String,
    /// ISO 8601.
    pub time: String,
    /// `messageStatus`, or the outbox state.
    pub status: String,
    /// Still in the outbox.
    pub pending: bool,
    /// The outbox id, to cancel it.
    pub outbox_id: Option<i64>,
}

/// One conversation, oldest message first, with the sender picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadView {
    /// The customer's number (E.164).
    pub number: String,
    /// Formatted.
    pub display: String,
    /// Contact or caller-ID name.
    pub name: Option<String>,
    /// Unread before opening.
    pub unread: u32,
    /// Messages, oldest first, outbox items last.
    pub messages: Vec<MessageView>,
    /// Numbers the agent can text from.
    pub senders: Vec<Choice>,
    /// The remembered sender.
    pub sender: Option<String>,
}

/// What Send did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentView {
    /// RingCentral's message id, once sent.
    pub message_id: Option<i64>,
    /// Waiting in the outbox (offline or rate limited): it goes once, when possible.
    pub pending: bool,
}

impl Desk {
    /// Measures a draft for the composer counter.
    pub fn measure_sms(&self, text: &str) -> SmsMeasure {
        let units = text.encode_utf16().count();
        let segments = SmsText::new(text)
            .map(|t| t.segments())
            .unwrap_or(usize::from(units > 0));
        SmsMeasure {
            units,
            limit: MAX_SMS_UNITS,
            segments,
            too_long: units > MAX_SMS_UNITS,
        }
    }

    /// Conversations, most recent first; with `search`, only those whose name, number or last
    /// text contains it.
    pub async fn conversations(
        &self,
        search: Option<&str>,
    ) -> Result<Vec<ConversationView>, Error> {
        let home = self.home();
        let needle = search
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty());
        self.with_cache(|store| {
            let page = store.conversations(None, CONVERSATION_PAGE)?;
            Ok(page
                .conversations
                .iter()
                .map(|c| conversation_view(c, home))
                .filter(|c| match &needle {
                    None => true,
                    Some(n) => [
                        c.name.as_deref().unwrap_or(""),
                        &c.display,
                        &c.number,
                        &c.last_text,
                    ]
                    .iter()
                    .any(|field| field.to_lowercase().contains(n.as_str())),
                })
                .collect())
        })
    }

    /// The conversation with `number` (any spelling): its messages and pending texts.
    pub async fn thread(&self, number: &str) -> Result<ThreadView, Error> {
        let home = self.home();
        let to = phone::normalize(&phone::parse_input(number)?, home)?;
        let key = to.match_key().to_string();
        let (mut messages, unread, name) = self.with_cache(|store| {
            let Some(id) = store.conversation_with(&key)? else {
                let pending = store.open_outbox_for(&key)?;
                return Ok((
                    pending.iter().map(pending_view).collect::<Vec<_>>(),
                    0,
                    None,
                ));
            };
            let page = store.thread(id, None, THREAD_PAGE)?;
            let unread = page
                .messages
                .iter()
                .filter(|m| !m.read && m.direction == Direction::Inbound)
                .count() as u32;
            let name = page.messages.first().and_then(|m| {
                let name = m.peer.display_name();
                (!name.is_empty() && name != m.peer.number).then(|| name.to_string())
            });
            let mut views: Vec<MessageView> =
                page.messages.iter().rev().map(message_view).collect();
            views.extend(page.pending.iter().map(pending_view));
            Ok((views, unread, name))
        })?;
        messages.dedup_by(|a, b| a.id.is_some() && a.id == b.id);
        let (senders, sender) = self.sms_senders().await;
        Ok(ThreadView {
            number: to.e164().to_string(),
            display: display(&to, home),
            name: name.or_else(|| self.contact_for(&to).map(|c| c.name)),
            unread,
            messages,
            senders,
            sender,
        })
    }

    /// Sends `text` to `number` from `from` (or the remembered / first SMS-capable number),
    /// through the outbox: stored first, sent once, kept for later when offline.
    pub async fn send_sms(
        self: &Arc<Self>,
        number: &str,
        text: &str,
        from: Option<&str>,
    ) -> Result<SentView, Error> {
        let sent = self.send(number, text, from).await;
        self.reported(sent)
    }

    async fn send(&self, number: &str, text: &str, from: Option<&str>) -> Result<SentView, Error> {
        let live = self.live().await?;
        let body = SmsText::new(text)?;
        let to = phone::normalize(&phone::parse_input(number)?, live.country)?;
        let from = match from
            .map(str::to_string)
            .or(self.profile().settings.sms_sender)
        {
            Some(from) => from,
            None => self
                .sms_senders()
                .await
                .0
                .first()
                .map(|c| c.value.clone())
                .ok_or(SmsError::NoSender)?,
        };
        let upstream = RingCentral::new(live.connection.client().clone());
        let mut store = self.open_store()?;
        let item = send_through_outbox(
            &mut store,
            &upstream,
            to.e164(),
            &from,
            body.as_str(),
            Utc::now(),
        )
        .await?;
        self.announce_messages(Some(to.e164().to_string()));
        match item.state {
            OutboxState::Failed => Err(DeskError::TextRefused(
                item.error
                    .unwrap_or_else(|| "RingCentral refused it".into()),
            )
            .into()),
            state => Ok(SentView {
                message_id: item.message_id,
                pending: state != OutboxState::Sent,
            }),
        }
    }

    /// Marks the conversation with `number` read, here and (soon) at RingCentral.
    pub async fn mark_read(&self, number: &str) -> Result<(), Error> {
        let home = self.home();
        let key = phone::normalize(&phone::parse_input(number)?, home)?
            .match_key()
            .to_string();
        self.with_cache(|store| {
            if let Some(id) = store.conversation_with(&key)? {
                store.mark_conversation_read(id, true, Utc::now())?;
            }
            Ok(())
        })?;
        self.announce_messages(None);
        self.request_sync();
        Ok(())
    }

    /// Cancels a text still waiting in the outbox.
    pub fn cancel_outbox(&self, id: i64) -> Result<(), Error> {
        self.with_cache(|store| {
            let item = store.outbox_item(id)?;
            if item.state != OutboxState::Pending {
                return Err(DeskError::TextUnderway.into());
            }
            Ok(store.outbox_set_state(id, OutboxState::Failed, Some("cancelled by the agent"))?)
        })?;
        self.announce_messages(None);
        Ok(())
    }

    /// Tells the window messages changed, with the unread total.
    pub(crate) fn announce_messages(&self, number: Option<String>) {
        let unread = self
            .with_cache(|store| {
                Ok(store
                    .conversations(None, 500)?
                    .conversations
                    .iter()
                    .map(|c| u64::from(c.unread))
                    .sum())
            })
            .unwrap_or(0);
        self.emit(DeskEvent::Messages(MessagesChange { number, unread }));
    }

    pub(crate) async fn sms_senders(&self) -> (Vec<Choice>, Option<String>) {
        let remembered = self.profile().settings.sms_sender;
        let Ok(live) = self.live().await else {
            return (Vec::new(), remembered);
        };
        let numbers = list_phone_numbers(live.connection.client())
            .await
            .unwrap_or_default();
        let senders: Vec<Choice> = numbers
            .iter()
            .filter(|n| n.has("SmsSender"))
            .map(|n| Choice {
                value: n.phone_number.clone(),
                label: format!(
                    "{} · {}",
                    format_key(&n.phone_number),
                    n.label.clone().unwrap_or_else(|| "your number".into())
                ),
            })
            .collect();
        let chosen = remembered.or_else(|| senders.first().map(|c| c.value.clone()));
        (senders, chosen)
    }
}

fn conversation_view(c: &ConversationSummary, home: phone::Country) -> ConversationView {
    let m = &c.last_message;
    let number = m.peer.key.clone().unwrap_or_else(|| m.peer.number.clone());
    let display = phone::parse_input(&number)
        .and_then(|t| phone::normalize(&t, home))
        .map(|n| display(&n, home))
        .unwrap_or_else(|_| m.peer.number.clone());
    let name = m.peer.display_name().to_string();
    ConversationView {
        name: (name != m.peer.number && !name.is_empty()).then_some(name),
        number,
        display,
        last_text: m.text.clone(),
        last_time: m.created.to_rfc3339(),
        unread: c.unread,
        pending: c.pending,
    }
}

fn message_view(m: &MessageEntry) -> MessageView {
    MessageView {
        id: Some(m.id),
        direction: match m.direction {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
        },
        text: m.text.clone(),
        time: m.created.to_rfc3339(),
        status: m.status.clone(),
        pending: false,
        outbox_id: None,
    }
}

fn pending_view(item: &OutboxItem) -> MessageView {
    MessageView {
        id: item.message_id,
        direction: "Outbound",
        text: item.text.clone(),
        time: item.created.to_rfc3339(),
        status: format!("{:?}", item.state),
        pending: item.state != OutboxState::Sent,
        outbox_id: Some(item.id),
    }
}

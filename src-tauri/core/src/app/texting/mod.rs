//! Texting, for every face: conversations and threads from the cache, the composer's
//! measurement, the sender, sending through the outbox (exactly once, even offline), read
//! state, cancelling a pending text, and the inbound text the desktop announces.

mod consents;
mod delivery;
mod new_text;
mod views;

use std::sync::Arc;

use chrono::Utc;

use crate::api::phone_numbers::list_phone_numbers;
use crate::phone::{self, DisplayFormat, MatchKey};
use crate::sms::{pick_sender, send_through_outbox, SmsError, SmsText, MAX_SMS_UNITS};
use crate::store::{ConversationSummary, Direction, OutboxState};
use crate::sync::RingCentral;

use super::format::{display, format_key};
use super::{Choice, Desk, DeskError, DeskEvent, Error, MessagesChange};
use views::{conversation_view, message_view, pending_view};

pub use new_text::NewText;
pub use views::{ConversationView, MessageView, SentView, SmsMeasure, ThreadEntries, ThreadView};

/// How many messages of a thread the window shows.
const THREAD_PAGE: usize = 200;
/// How many conversations the list shows.
const CONVERSATION_PAGE: usize = 300;

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

    /// Conversations, most recent first (the newest [`CONVERSATION_PAGE`]); with `search`, those
    /// whose contact or caller-ID name, number (any format) or any text matches it, searched in
    /// the whole cache (the store's search, not a filter over the page shown).
    pub async fn conversations(
        &self,
        search: Option<&str>,
    ) -> Result<Vec<ConversationView>, Error> {
        let home = self.home();
        let search = search.map(str::trim).filter(|s| !s.is_empty());
        self.with_cache(|store| {
            let found = match search {
                Some(text) => store.search_conversations(text, CONVERSATION_PAGE)?,
                None => store.conversations(None, CONVERSATION_PAGE)?.conversations,
            };
            Ok(found.iter().map(|c| conversation_view(c, home)).collect())
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
        let opted_out = sender
            .as_deref()
            .map(|from| self.opted_out(&key, from))
            .transpose()?
            .flatten()
            .map(|error| error.to_string());
        let contact = self.contact_for(&to);
        Ok(ThreadView {
            number: to.e164().to_string(),
            display: display(&to, home),
            contact_id: contact.as_ref().map(|c| c.id),
            name: name.or_else(|| contact.map(|c| c.name)),
            unread,
            messages,
            senders,
            sender,
            opted_out,
        })
    }

    /// The refusal for texts from `from` to the customer `key` when they opted out.
    fn opted_out(&self, key: &str, from: &str) -> Result<Option<DeskError>, Error> {
        let opt_out = self.with_cache(|store| Ok(store.opt_out(key, from)?))?;
        Ok(opt_out.map(|_| DeskError::OptedOut {
            number: format_key(key),
            from: format_key(from),
        }))
    }

    /// Sends `text` to `number` from `from` (any spelling; else the remembered sender, else the
    /// primary number that can text), through the outbox: stored first, sent once, kept for
    /// later when offline. A text RingCentral refuses is an error.
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
        let body = SmsText::new(text)?;
        let live = self.live().await?;
        let parse = |text: &str| phone::normalize(&phone::parse_input(text)?, live.country);
        let to = parse(number)?;
        let from = match from
            .map(str::to_string)
            .or(self.profile().settings.sms_sender)
        {
            Some(from) => parse(&from)?.e164().to_string(),
            None => {
                let numbers = list_phone_numbers(live.connection.client()).await?;
                pick_sender(&numbers).ok_or(SmsError::NoSender)?
            }
        };
        if let Some(refused) = self.opted_out(to.match_key().as_str(), &from)? {
            return Err(refused.into());
        }
        let client = live.connection.client();
        let upstream = RingCentral::new(client.clone());
        let mut store = self.open_store()?;
        let item = send_through_outbox(
            &mut store,
            &upstream,
            to.e164(),
            &from,
            body.as_str(),
            client.transport().clock(),
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
                outbox_id: item.id,
                state,
                from,
                to: to.e164().to_string(),
                to_display: to.display(DisplayFormat::International),
                units: body.units(),
                segments: body.segments(),
            }),
        }
    }

    /// Conversations as the cache holds them, most recent first (`ringdesk messages`).
    pub fn conversation_summaries(&self, limit: usize) -> Result<Vec<ConversationSummary>, Error> {
        self.with_cache(|store| Ok(store.conversations(None, limit)?.conversations))
    }

    /// The conversation with `number` (any spelling) as the cache holds it, newest first, with
    /// the texts still in the outbox (`ringdesk messages --thread`).
    pub fn thread_entries(&self, number: &str, limit: usize) -> Result<ThreadEntries, Error> {
        let key = MatchKey::from_text(number, self.home())?;
        self.with_cache(|store| {
            let thread = match store.conversation_with(key.as_str())? {
                Some(id) => Some(store.thread(id, None, limit)?),
                None => None,
            };
            Ok(match thread {
                Some(thread) => ThreadEntries {
                    number: key.to_string(),
                    messages: thread.messages,
                    pending: thread.pending,
                },
                None => ThreadEntries {
                    number: key.to_string(),
                    messages: Vec::new(),
                    pending: store.open_outbox_for(key.as_str())?,
                },
            })
        })
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

    /// Cancels a text still waiting in the outbox. A text a flush has claimed meanwhile (here or
    /// in another process) is already on its way: [`DeskError::TextUnderway`].
    pub fn cancel_outbox(&self, id: i64) -> Result<(), Error> {
        self.with_cache(|store| {
            let item = store.outbox_item(id)?;
            let cancelled = item.state == OutboxState::Pending
                && store.outbox_move(&item, OutboxState::Failed, Some("cancelled by the agent"))?;
            if !cancelled {
                return Err(DeskError::TextUnderway.into());
            }
            Ok(())
        })?;
        self.announce_messages(None);
        Ok(())
    }

    /// Tells the window (and the tray) messages changed, with the unread total of the whole
    /// cache ([`Store::unread_total`](crate::store::Store::unread_total)) — never a count of
    /// what a list shows. The window also asks once it listens, for the badge at start.
    pub fn announce_messages(&self, number: Option<String>) {
        let unread = self
            .with_cache(|store| Ok(store.unread_total()?))
            .unwrap_or_else(|error| {
                tracing::warn!(%error, "the unread count could not be read");
                0
            });
        self.emit(DeskEvent::Messages(MessagesChange { number, unread }));
    }

    /// The numbers the agent can text from, and the one a text goes out from by default (the
    /// remembered sender, else the primary one that can text).
    pub(crate) async fn sms_senders(&self) -> (Vec<Choice>, Option<String>) {
        let remembered = self.profile().settings.sms_sender;
        let Ok(live) = self.live().await else {
            return (Vec::new(), remembered);
        };
        let numbers = list_phone_numbers(live.connection.client())
            .await
            .unwrap_or_default();
        let default = pick_sender(&numbers);
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
        (senders, remembered.or(default))
    }
}

#[cfg(test)]
mod search_tests;

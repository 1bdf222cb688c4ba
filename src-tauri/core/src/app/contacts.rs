//! Contacts for the window: the list (alphabetical or searched) and a contact's page with its
//! numbers (each marked when the customer opted out of texts) and the timeline of calls and
//! messages.

use serde::Serialize;

use crate::store::{ContactCursor, ContactEntry, ContactPage, ContactQuery, TimelineItem};

use super::format::format_key;
use super::history::direction;
use super::{Desk, DeskError, Error};

/// A contact in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRow {
    /// Id in the cache.
    pub id: i64,
    /// Name (or company).
    pub name: String,
    /// Company.
    pub company: String,
    /// The first number, formatted.
    pub display: String,
    /// `personal`, `directory` or `local`.
    pub source: String,
}

/// A page of contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactsPage {
    /// Alphabetical (or best match first for a search).
    pub rows: Vec<ContactRow>,
    /// Pass back as `after`; `None` at the end.
    pub next: Option<String>,
}

/// One entry on a contact's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineView {
    /// `call` or `message`.
    pub kind: &'static str,
    /// ISO 8601.
    pub time: String,
    /// `Inbound` or `Outbound`.
    pub direction: &'static str,
    /// A missed call.
    pub missed: bool,
    /// Call seconds.
    pub duration: u32,
    /// Message text.
    pub text: String,
    /// A call's wrap-up outcome, once picked.
    pub disposition: Option<String>,
    /// A call's wrap-up notes.
    pub notes: String,
}

/// A number on a contact's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NumberView {
    /// `mobile`, `business` …
    pub label: String,
    /// Formatted.
    pub display: String,
    /// What Call and Text use.
    pub dial: String,
    /// Why texts to this number are refused (they opted out of one of the agent's numbers).
    pub opted_out: Option<String>,
}

/// A contact's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactView {
    /// Id in the cache.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Company.
    pub company: String,
    /// E-mail.
    pub email: String,
    /// `personal`, `directory`, `local` or `suitedash`.
    pub source: String,
    /// Tags, comma-separated (a SuiteDash contact's can be changed: *Save tags*).
    pub tags: String,
    /// A colleague's Team Messaging person id (directory contacts): *Chat* opens the direct
    /// chat with them.
    pub person_id: Option<String>,
    /// Numbers.
    pub numbers: Vec<NumberView>,
    /// Calls and messages, newest first.
    pub timeline: Vec<TimelineView>,
}

impl Desk {
    /// Contacts as the cache holds them, alphabetical or searched (`ringdesk contacts`).
    pub fn contact_entries(&self, query: &ContactQuery) -> Result<ContactPage, Error> {
        self.with_cache(|store| Ok(store.contacts(query)?))
    }

    /// A page of contacts, alphabetical, or the matches for `search`.
    pub fn contacts(
        &self,
        search: Option<&str>,
        after: Option<&str>,
        limit: usize,
    ) -> Result<ContactsPage, Error> {
        let query = ContactQuery {
            search: search
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            after: after.and_then(|a| serde_json::from_str::<ContactCursor>(a).ok()),
            limit,
            ..ContactQuery::default()
        };
        let page = self.with_cache(|store| Ok(store.contacts(&query)?))?;
        Ok(ContactsPage {
            rows: page.contacts.iter().map(contact_row).collect(),
            next: page.next.and_then(|c| serde_json::to_string(&c).ok()),
        })
    }

    /// One contact with its numbers and the timeline of calls and messages.
    pub fn contact(&self, id: i64) -> Result<ContactView, Error> {
        let (detail, wrapups) = self.with_cache(|store| {
            let detail = store.contact(id, 200)?;
            let wrapups = detail
                .timeline
                .iter()
                .map(|item| match item {
                    TimelineItem::Call(call) => store.wrapup_of(call),
                    TimelineItem::Message(_) => Ok(None),
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((detail, wrapups))
        })?;
        let c = &detail.contact;
        Ok(ContactView {
            id: c.id,
            name: c.display_name(),
            company: c.company.clone(),
            email: c.email.clone(),
            source: c.source.as_str().to_string(),
            tags: c.tags.clone(),
            person_id: c
                .remote_id
                .clone()
                .filter(|_| c.source == crate::store::ContactSource::Directory),
            numbers: c
                .numbers
                .iter()
                .map(|n| {
                    Ok(NumberView {
                        label: n.label.clone(),
                        display: format_key(&n.key),
                        dial: n.key.strip_prefix("ext:").unwrap_or(&n.key).to_string(),
                        opted_out: self.opted_out_of_any(&n.key)?,
                    })
                })
                .collect::<Result<_, Error>>()?,
            timeline: detail
                .timeline
                .iter()
                .zip(wrapups)
                .map(|(item, wrapup)| TimelineView {
                    disposition: wrapup.as_ref().and_then(|w| w.disposition.clone()),
                    notes: wrapup.map(|w| w.notes).unwrap_or_default(),
                    ..timeline_view(item)
                })
                .collect(),
        })
    }
}

impl Desk {
    /// Why texts to `key` are refused, when the customer opted out of one of the agent's
    /// numbers (any of them, for an account-wide record).
    fn opted_out_of_any(&self, key: &str) -> Result<Option<String>, Error> {
        let found = self.with_cache(|store| Ok(store.opt_outs_of(key)?))?;
        Ok(found.first().map(|(own, _)| {
            let from = match own.as_str() {
                "*" => "any of your numbers".to_string(),
                own => format_key(own),
            };
            DeskError::OptedOut {
                number: format_key(key),
                from,
            }
            .to_string()
        }))
    }
}

fn contact_row(c: &ContactEntry) -> ContactRow {
    ContactRow {
        id: c.id,
        name: c.display_name(),
        company: c.company.clone(),
        display: c
            .numbers
            .first()
            .map(|n| format_key(&n.key))
            .unwrap_or_default(),
        source: c.source.as_str().to_string(),
    }
}

fn timeline_view(item: &TimelineItem) -> TimelineView {
    match item {
        TimelineItem::Call(call) => TimelineView {
            kind: "call",
            time: call.start.to_rfc3339(),
            direction: direction(call.direction),
            missed: call.missed,
            duration: call.duration_secs,
            text: String::new(),
            disposition: None,
            notes: String::new(),
        },
        TimelineItem::Message(m) => TimelineView {
            kind: "message",
            time: m.created.to_rfc3339(),
            direction: direction(m.direction),
            missed: false,
            duration: 0,
            text: m.text.clone(),
            disposition: None,
            notes: String::new(),
        },
    }
}

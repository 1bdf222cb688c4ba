//! RingCentral's Team Messaging records read into the cache's own types — ids, names and texts
//! bounded, times read leniently, the event names of chat kinds (`PrivateChat`, `PersonalChat`)
//! mapped to the REST ones — and a post's text split into plain text and mentions for display.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::api::team::{ChatRecord, PersonRecord, PostRecord};
use crate::store::{Person, PostMention, TeamChat, TeamPost};

/// The longest id kept.
const LONGEST_ID: usize = 64;
/// The longest name or description kept.
const LONGEST_NAME: usize = 1000;
/// The longest post text kept (RingCentral takes 10 000 characters).
const LONGEST_TEXT: usize = 12_000;
/// At most this many members or mentions are kept from one record.
const MOST_ITEMS: usize = 500;

fn bounded(text: &str, most: usize) -> String {
    text.trim().chars().take(most).collect()
}

fn id(text: Option<&str>) -> Option<String> {
    Some(bounded(text?, LONGEST_ID)).filter(|id| !id.is_empty())
}

fn time(text: Option<&str>) -> DateTime<Utc> {
    text.and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// The REST name of a chat kind, from REST or from an event (`PrivateChat` → `Direct`).
pub fn chat_kind(text: &str) -> &'static str {
    match text {
        "Personal" | "PersonalChat" => "Personal",
        "Direct" | "PrivateChat" => "Direct",
        "Group" => "Group",
        "Everyone" => "Everyone",
        _ => "Team",
    }
}

/// A chat record; `member` when it is one of the agent's.
pub(crate) fn chat(record: &ChatRecord, member: bool) -> Option<TeamChat> {
    Some(TeamChat {
        id: id(Some(&record.id))?,
        kind: chat_kind(record.kind.as_deref().unwrap_or("Team")).into(),
        name: record.name.as_deref().map(|n| bounded(n, LONGEST_NAME)),
        description: record
            .description
            .as_deref()
            .map(|d| bounded(d, LONGEST_NAME)),
        public: record.public.unwrap_or(false),
        archived: record.status.as_deref() == Some("Archived"),
        member,
        members: record
            .members
            .iter()
            .take(MOST_ITEMS)
            .filter_map(|m| id(Some(&m.id)))
            .collect(),
        created: time(record.creation_time.as_deref()),
        modified: time(record.last_modified_time.as_deref()),
    })
}

/// A chat the agent is in (one just created or opened).
pub fn joined_chat(record: &ChatRecord) -> Option<TeamChat> {
    chat(record, true)
}

/// A post record; `chat` when the record names none (a page of one chat's posts).
pub(crate) fn post(record: &PostRecord, chat: Option<&str>) -> Option<TeamPost> {
    let chat_id = id(record.group_id.as_deref()).or_else(|| id(chat))?;
    let created = time(record.creation_time.as_deref());
    Some(TeamPost {
        remote_id: id(Some(&record.id))?,
        chat_id,
        kind: bounded(record.kind.as_deref().unwrap_or("TextMessage"), LONGEST_ID),
        creator: id(record.creator_id.as_deref()).unwrap_or_default(),
        text: bounded(record.text.as_deref().unwrap_or_default(), LONGEST_TEXT),
        mentions: record
            .mentions
            .iter()
            .flatten()
            .take(MOST_ITEMS)
            .filter_map(|m| {
                Some(PostMention {
                    id: id(Some(&m.id))?,
                    kind: bounded(m.kind.as_deref().unwrap_or("Person"), LONGEST_ID),
                    name: bounded(m.name.as_deref().unwrap_or_default(), LONGEST_NAME),
                })
            })
            .collect(),
        parent_id: id(record.parent_post_id.as_deref()),
        thread_id: id(record.thread_id.as_deref()),
        modified: record
            .last_modified_time
            .as_deref()
            .map(|t| time(Some(t)))
            .unwrap_or(created),
        created,
    })
}

/// A person record.
pub(crate) fn person(record: &PersonRecord) -> Option<Person> {
    Some(Person {
        id: id(Some(&record.id))?,
        first_name: bounded(
            record.first_name.as_deref().unwrap_or_default(),
            LONGEST_NAME,
        ),
        last_name: bounded(
            record.last_name.as_deref().unwrap_or_default(),
            LONGEST_NAME,
        ),
        email: bounded(record.email.as_deref().unwrap_or_default(), LONGEST_NAME),
    })
}

/// `text` for display: without the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) that would let a post or a name reorder what the agent reads
/// ("txt.exe" shown as "exe.txt"). The cache keeps the text as RingCentral sent it.
pub fn inert(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// A piece of a post's text, for display: never markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PostPart {
    /// Plain text.
    Text {
        /// The text.
        text: String,
    },
    /// A mention of a person or a team (`![:Person](id)`), shown by name.
    Mention {
        /// The person's or team's id.
        id: String,
        /// `Person` or `Team` (what an edit writes back).
        #[serde(rename = "mentionKind")]
        kind: String,
        /// The name shown (`@Ana Silva`).
        name: String,
        /// It mentions the agent.
        me: bool,
    },
}

/// Splits `text` into plain text and the mentions RingCentral found (`mentions`); markup that
/// names no mention RingCentral found stays plain text, as written.
pub fn parts(text: &str, mentions: &[PostMention], me: &str) -> Vec<PostPart> {
    let mut parts = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("![:") {
        let (before, markup) = rest.split_at(start);
        plain.push_str(&inert(before));
        let found = markup[3..].split_once("](").and_then(|(kind, after)| {
            let (id, after) = after.split_once(')')?;
            let mention = mentions.iter().find(|m| m.id == id && m.kind == kind)?;
            Some((mention, after))
        });
        match found {
            Some((mention, after)) => {
                if !plain.is_empty() {
                    parts.push(PostPart::Text {
                        text: std::mem::take(&mut plain),
                    });
                }
                parts.push(PostPart::Mention {
                    id: mention.id.clone(),
                    kind: mention.kind.clone(),
                    name: inert(&mention.name),
                    me: mention.id == me,
                });
                rest = after;
            }
            None => {
                plain.push_str("![:");
                rest = &markup[3..];
            }
        }
    }
    plain.push_str(&inert(rest));
    if !plain.is_empty() {
        parts.push(PostPart::Text { text: plain });
    }
    parts
}

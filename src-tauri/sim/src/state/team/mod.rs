//! RingCentral Team Messaging as the simulator keeps it: chats and their members, posts,
//! favourites, for every person of the account — the agent and the colleagues, who can sign in
//! with their own JWT (`POST /sim/jwt {"extension_id"}`) and chat through the public API.
//!
//! Every change answers the [`TeamEvent`]s subscribers hear (`/team-messaging/v1/posts`,
//! `/team-messaging/v1/chats`), each with the people to tell.

pub mod model;
pub mod posts;
mod teams;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

pub use model::{Chat, ChatKind, Mention, Post, Refusal, TeamEvent};
pub use teams::NewTeam;

/// At most this many members besides the caller in a new conversation.
const MOST_OTHERS: usize = 15;
/// The most favourites a person keeps.
const MOST_FAVORITES: usize = 250;

/// Team Messaging's state.
#[derive(Debug, Default)]
pub struct TeamMessaging {
    /// Every chat, in creation order.
    chats: Vec<Chat>,
    /// Every post, in creation order.
    posts: Vec<Post>,
    /// Each person's favourite chats, in the order they were added.
    favorites: BTreeMap<String, Vec<String>>,
    /// The account's people: id → (first name, last name, email).
    people: BTreeMap<String, (String, String, String)>,
    next_id: u64,
}

impl TeamMessaging {
    /// An empty Team Messaging for the account's people (id, first, last, email); ids start
    /// at `first_id`.
    pub fn new(
        people: impl IntoIterator<Item = (String, String, String, String)>,
        first_id: u64,
    ) -> Self {
        Self {
            people: people
                .into_iter()
                .map(|(id, first, last, email)| (id, (first, last, email)))
                .collect(),
            next_id: first_id,
            ..Self::default()
        }
    }

    fn id(&mut self) -> String {
        self.next_id += 1;
        self.next_id.to_string()
    }

    /// A person of the account: (first name, last name, email).
    pub fn person(&self, id: &str) -> Option<&(String, String, String)> {
        self.people.get(id)
    }

    /// The person whose id or email `text` is.
    pub fn person_id(&self, id: Option<&str>, email: Option<&str>) -> Option<String> {
        if let Some(id) = id.filter(|id| self.people.contains_key(*id)) {
            return Some(id.to_owned());
        }
        let email = email?.trim();
        self.people
            .iter()
            .find(|(_, (_, _, e))| e.eq_ignore_ascii_case(email))
            .map(|(id, _)| id.clone())
    }

    /// A chat by id, when `person` may see it.
    pub fn chat(&self, person: &str, id: &str) -> Result<&Chat, Refusal> {
        self.chats
            .iter()
            .find(|c| c.id == id)
            .filter(|c| c.visible_to(person))
            .ok_or(Refusal::NotFound("chatId"))
    }

    fn chat_mut(&mut self, id: &str) -> Result<&mut Chat, Refusal> {
        self.chats
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(Refusal::NotFound("chatId"))
    }

    /// `person`'s own Personal chat, made on first use.
    pub fn personal(&mut self, person: &str, now: DateTime<Utc>) -> Chat {
        if let Some(chat) = self
            .chats
            .iter()
            .find(|c| c.kind == ChatKind::Personal && c.members.contains(person))
        {
            return chat.clone();
        }
        self.add_chat(ChatKind::Personal, [person.to_owned()].into(), now)
    }

    fn add_chat(&mut self, kind: ChatKind, members: BTreeSet<String>, now: DateTime<Utc>) -> Chat {
        let chat = Chat {
            id: self.id(),
            kind,
            name: None,
            description: None,
            public: false,
            archived: false,
            members,
            admins: BTreeSet::new(),
            created: now,
            modified: now,
        };
        self.chats.push(chat.clone());
        chat
    }

    /// Starts the company-wide chat, every person of the account in it.
    pub fn add_everyone(&mut self, name: &str, now: DateTime<Utc>) -> Chat {
        let members = self.people.keys().cloned().collect();
        let mut chat = self.add_chat(ChatKind::Everyone, members, now);
        chat.name = Some(name.to_owned());
        chat.description = Some("Everyone in the company".into());
        if let Some(stored) = self.chats.iter_mut().find(|c| c.id == chat.id) {
            *stored = chat.clone();
        }
        chat
    }

    /// The company-wide chat.
    pub fn everyone(&self) -> Option<&Chat> {
        self.chats.iter().find(|c| c.kind == ChatKind::Everyone)
    }

    /// The chats `person` sees of `kinds` (all when empty), oldest first: theirs, and public
    /// teams they may join.
    pub fn chats_of(&self, person: &str, kinds: &[ChatKind]) -> Vec<&Chat> {
        self.chats
            .iter()
            .filter(|c| c.visible_to(person))
            .filter(|c| kinds.is_empty() || kinds.contains(&c.kind))
            .collect()
    }

    /// `person`'s own chats of `kinds`, most recently changed first.
    pub fn recent_of(&self, person: &str, kinds: &[ChatKind]) -> Vec<&Chat> {
        let mut chats: Vec<&Chat> = self
            .chats
            .iter()
            .filter(|c| c.members.contains(person))
            .filter(|c| kinds.is_empty() || kinds.contains(&c.kind))
            .collect();
        chats.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| b.id.cmp(&a.id)));
        chats
    }

    /// `person`'s favourite chats.
    pub fn favorites_of(&self, person: &str) -> Vec<&Chat> {
        self.favorites
            .get(person)
            .into_iter()
            .flatten()
            .filter_map(|id| self.chat(person, id).ok())
            .collect()
    }

    /// Adds or removes a favourite.
    pub fn favorite(&mut self, person: &str, chat_id: &str, on: bool) -> Result<(), Refusal> {
        let chat = self.chat(person, chat_id)?;
        if !chat.members.contains(person) {
            return Err(Refusal::Forbidden("not a member of the chat"));
        }
        let list = self.favorites.entry(person.to_owned()).or_default();
        list.retain(|id| id != chat_id);
        if on {
            if list.len() >= MOST_FAVORITES {
                return Err(Refusal::Invalid(
                    "Favorite chat list is limited to 250 unique chats",
                ));
            }
            list.push(chat_id.to_owned());
        }
        Ok(())
    }

    /// Opens the conversation of `person` with `others` (an existing one with exactly these
    /// members: `true`), or creates it: Personal alone, Direct with one other, Group with more.
    pub fn conversation(
        &mut self,
        person: &str,
        others: &[String],
        now: DateTime<Utc>,
    ) -> Result<(Chat, bool), Refusal> {
        let mut members: BTreeSet<String> = others.iter().cloned().collect();
        members.insert(person.to_owned());
        if members.len() - 1 > MOST_OTHERS {
            return Err(Refusal::Invalid("members"));
        }
        if let Some(unknown) = members.iter().find(|m| !self.people.contains_key(*m)) {
            let _ = unknown;
            return Err(Refusal::Invalid("members"));
        }
        let kind = match members.len() {
            1 => ChatKind::Personal,
            2 => ChatKind::Direct,
            _ => ChatKind::Group,
        };
        if kind == ChatKind::Personal {
            return Ok((self.personal(person, now), true));
        }
        if let Some(found) = self
            .chats
            .iter()
            .find(|c| c.kind == kind && c.members == members)
        {
            return Ok((found.clone(), true));
        }
        Ok((self.add_chat(kind, members, now), false))
    }
}

//! RingCentral Team Messaging as the simulator keeps it: chats and their members, posts,
//! favourites, for every person of the account — the agent and the colleagues, who can sign in
//! with their own JWT (`POST /sim/jwt {"extension_id"}`) and chat through the public API.
//!
//! Every change answers the [`TeamEvent`]s subscribers hear (`/team-messaging/v1/posts`,
//! `/team-messaging/v1/chats`), each with the people to tell.

pub mod model;
pub mod posts;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

pub use model::{Chat, ChatKind, Mention, Post, Refusal, TeamEvent};

/// At most this many members besides the caller in a new conversation.
const MOST_OTHERS: usize = 15;
/// The most favourites a person keeps.
const MOST_FAVORITES: usize = 250;
/// The longest team name and description.
const LONGEST_NAME: usize = 250;
const LONGEST_DESCRIPTION: usize = 1000;

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

/// A new team, as `createGlipTeamNew` asks for it.
#[derive(Clone, Debug, Default)]
pub struct NewTeam {
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Public.
    pub public: bool,
    /// Members besides the creator.
    pub members: Vec<String>,
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

    /// Creates a team with `person` as its admin; the events tell each member they joined.
    pub fn create_team(
        &mut self,
        person: &str,
        team: NewTeam,
        now: DateTime<Utc>,
    ) -> Result<(Chat, Vec<TeamEvent>), Refusal> {
        let name = team.name.trim();
        if name.is_empty() || name.chars().count() > LONGEST_NAME {
            return Err(Refusal::Invalid("name"));
        }
        if team
            .description
            .as_ref()
            .is_some_and(|d| d.chars().count() > LONGEST_DESCRIPTION)
        {
            return Err(Refusal::Invalid("description"));
        }
        let mut members: BTreeSet<String> = team.members.iter().cloned().collect();
        if members.iter().any(|m| !self.people.contains_key(m)) {
            return Err(Refusal::Invalid("members"));
        }
        members.insert(person.to_owned());
        let mut chat = self.add_chat(ChatKind::Team, members, now);
        chat.name = Some(name.to_owned());
        chat.description = team.description.clone();
        chat.public = team.public;
        chat.admins.insert(person.to_owned());
        *self.chat_mut(&chat.id)? = chat.clone();
        let to = chat.members.iter().cloned().collect();
        let joined = TeamEvent::Chat {
            kind: "GroupJoined",
            chat: chat.clone(),
            to,
        };
        Ok((chat, vec![joined]))
    }

    /// A team `person` administers, for a change.
    fn team_admin(&mut self, person: &str, id: &str) -> Result<&mut Chat, Refusal> {
        let chat = self.chat_mut(id)?;
        if chat.kind != ChatKind::Team || !chat.visible_to(person) {
            return Err(Refusal::NotFound("chatId"));
        }
        if !chat.admins.contains(person) {
            return Err(Refusal::Forbidden("User is not Team Admin"));
        }
        Ok(chat)
    }

    /// Renames a team, changes its description or privacy.
    pub fn patch_team(
        &mut self,
        person: &str,
        id: &str,
        name: Option<&str>,
        description: Option<&str>,
        public: Option<bool>,
        now: DateTime<Utc>,
    ) -> Result<(Chat, Vec<TeamEvent>), Refusal> {
        if name.is_some_and(|n| n.trim().is_empty() || n.chars().count() > LONGEST_NAME) {
            return Err(Refusal::Invalid("name"));
        }
        if description.is_some_and(|d| d.chars().count() > LONGEST_DESCRIPTION) {
            return Err(Refusal::Invalid("description"));
        }
        let chat = self.team_admin(person, id)?;
        let renamed = name.is_some() || description.is_some();
        if let Some(name) = name {
            chat.name = Some(name.trim().to_owned());
        }
        if let Some(description) = description {
            chat.description = Some(description.to_owned());
        }
        if let Some(public) = public {
            chat.public = public;
        }
        chat.modified = now;
        let chat = chat.clone();
        let kind = if renamed {
            "GroupRenamed"
        } else {
            "GroupChanged"
        };
        let to = chat.members.iter().cloned().collect();
        Ok((chat.clone(), vec![TeamEvent::Chat { kind, chat, to }]))
    }

    /// Deletes a team and its posts.
    pub fn delete_team(&mut self, person: &str, id: &str) -> Result<Vec<TeamEvent>, Refusal> {
        let chat = self.team_admin(person, id)?.clone();
        self.chats.retain(|c| c.id != id);
        self.posts.retain(|p| p.chat_id != id);
        let to = chat.members.iter().cloned().collect();
        Ok(vec![TeamEvent::Chat {
            kind: "GroupLeft",
            chat,
            to,
        }])
    }

    /// Joins a public active team, or leaves a team.
    pub fn join(
        &mut self,
        person: &str,
        id: &str,
        join: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<TeamEvent>, Refusal> {
        let chat = self.chat_mut(id)?;
        if chat.kind != ChatKind::Team || !chat.visible_to(person) {
            return Err(Refusal::NotFound("chatId"));
        }
        if join && (!chat.public || chat.archived) {
            return Err(Refusal::Forbidden("Team is not Active or not public"));
        }
        let changed = if join {
            chat.members.insert(person.to_owned())
        } else {
            chat.admins.remove(person);
            chat.members.remove(person)
        };
        if !changed {
            return Ok(Vec::new());
        }
        chat.modified = now;
        let chat = chat.clone();
        let kind = if join { "GroupJoined" } else { "GroupLeft" };
        Ok(vec![TeamEvent::Chat {
            kind,
            chat,
            to: vec![person.to_owned()],
        }])
    }

    /// Adds or removes team members (admins only).
    pub fn members(
        &mut self,
        person: &str,
        id: &str,
        people: &[String],
        add: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<TeamEvent>, Refusal> {
        if people.is_empty() || people.iter().any(|p| !self.people.contains_key(p)) {
            return Err(Refusal::Invalid("members"));
        }
        let chat = self.team_admin(person, id)?;
        let mut touched = Vec::new();
        for p in people {
            let changed = if add {
                chat.members.insert(p.clone())
            } else {
                chat.admins.remove(p);
                chat.members.remove(p)
            };
            if changed {
                touched.push(p.clone());
            }
        }
        chat.modified = now;
        let chat = chat.clone();
        let mut events = vec![TeamEvent::Chat {
            kind: if add { "GroupJoined" } else { "GroupLeft" },
            chat: chat.clone(),
            to: touched.clone(),
        }];
        let others: Vec<String> = chat
            .members
            .iter()
            .filter(|m| !touched.contains(m))
            .cloned()
            .collect();
        events.push(TeamEvent::Chat {
            kind: "GroupChanged",
            chat,
            to: others,
        });
        Ok(events)
    }

    /// Archives or restores a team (admins only).
    pub fn archive(
        &mut self,
        person: &str,
        id: &str,
        archived: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<TeamEvent>, Refusal> {
        let chat = self.team_admin(person, id)?;
        chat.archived = archived;
        chat.modified = now;
        let chat = chat.clone();
        let to = chat.members.iter().cloned().collect();
        Ok(vec![TeamEvent::Chat {
            kind: "GroupChanged",
            chat,
            to,
        }])
    }
}

//! Teams: created with the creator as admin, renamed, described, made public or private,
//! deleted, joined (public and active ones), left, members added and removed, archived — changes
//! by admins only.

use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

use super::{Chat, ChatKind, Refusal, TeamEvent, TeamMessaging};

/// The longest team name and description.
const LONGEST_NAME: usize = 250;
const LONGEST_DESCRIPTION: usize = 1000;

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

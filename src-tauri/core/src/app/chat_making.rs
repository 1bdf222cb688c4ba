//! Starting chats: colleagues found in the company directory (for *New chat*, *New team*, a
//! mention, or `--member`), a direct or group conversation with them (RingCentral answers the
//! existing one for the same people, so asking twice opens the same chat), and a new team. A team
//! created with no answer (a timeout, a lost connection) is looked up among the agent's newest
//! chats by its name before anything is said, and a team asked for again within five minutes is
//! the one made the first time: ringdesk never creates it twice.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::api::team::{self as api, ChatRecord, NewTeam};
use crate::api::{ApiError, Client, Priority};
use crate::store::Colleague;
use crate::team::{chat_kind, Mentioned, TeamError};

use super::chats::{chat_view, listed, names, summary_ids};
use super::{ChatView, ChatsChange, Desk, DeskError, DeskEvent, Error};

/// The longest team name RingCentral takes.
const LONGEST_TEAM_NAME: usize = 250;
/// The most people a conversation takes besides the agent.
const MOST_IN_CONVERSATION: usize = 15;
/// Recent chats read to find a team whose creation got no answer.
const LOOKUP_CHATS: u32 = 50;
/// A team of the same name made this recently is the one asked for again.
const RECENTLY_MINUTES: i64 = 5;
/// Waits (ms) before each look for a team whose creation got no answer.
const LOOKUP_WAITS: [u64; 3] = [0, 1_000, 3_000];

/// A colleague as a picker shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColleagueView {
    /// Their Team Messaging person id.
    pub person_id: String,
    /// "First Last".
    pub name: String,
    /// Email.
    pub email: String,
    /// Extension number.
    pub extension: String,
}

impl From<Colleague> for ColleagueView {
    fn from(c: Colleague) -> Self {
        Self {
            person_id: c.person_id,
            name: c.name,
            email: c.email,
            extension: c.extension,
        }
    }
}

impl Desk {
    /// Up to `limit` colleagues (never the agent) whose name or email holds `query`, or whose
    /// extension number or id it is.
    pub async fn colleagues(&self, query: &str, limit: usize) -> Result<Vec<ColleagueView>, Error> {
        let me = self.me().await.unwrap_or_default();
        self.with_cache(|store| {
            Ok(store
                .colleagues(query, limit.saturating_add(1))?
                .into_iter()
                .filter(|c| c.person_id != me)
                .take(limit)
                .map(ColleagueView::from)
                .collect())
        })
    }

    /// The one colleague `asked` names: their email, extension number, id or whole name, else
    /// the one whose name holds it.
    pub async fn find_colleague(&self, asked: &str) -> Result<ColleagueView, Error> {
        let wanted = asked.trim().to_lowercase();
        let found = self.colleagues(asked, 50).await?;
        let exact: Vec<&ColleagueView> = found
            .iter()
            .filter(|c| {
                c.email.to_lowercase() == wanted
                    || c.extension == wanted
                    || c.person_id == wanted
                    || c.name.to_lowercase() == wanted
            })
            .collect();
        let matching: Vec<&ColleagueView> = if exact.is_empty() {
            found.iter().collect()
        } else {
            exact
        };
        match matching.as_slice() {
            [one] if !wanted.is_empty() => Ok((*one).clone()),
            [] | [_] => Err(DeskError::NoSuchColleague(asked.to_string()).into()),
            many => Err(DeskError::AmbiguousColleague {
                asked: asked.to_string(),
                matches: listed(many.iter().map(|c| c.name.as_str())),
            }
            .into()),
        }
    }

    /// `text` mentioning the colleagues `who` names (name, email, extension): each one's
    /// `@Name` in the text becomes a mention, and one the text does not name is put in front.
    pub async fn mention_colleagues(
        &self,
        text: &str,
        who: &[String],
    ) -> Result<(String, Vec<Mentioned>), Error> {
        let mut text = text.to_string();
        let mut mentioned = Vec::with_capacity(who.len());
        for asked in who {
            let colleague = self.find_colleague(asked).await?;
            let written = format!("@{}", colleague.name);
            if !text.contains(&written) {
                text = format!("{written} {text}");
            }
            mentioned.push(Mentioned::person(&colleague.person_id, &colleague.name));
        }
        Ok((text, mentioned))
    }

    /// The agent's chat `asked` names (see [`Desk::find_chat`]), else the direct chat with the
    /// colleague it names by name, email or extension number (opened at RingCentral when it is
    /// new to the cache).
    pub async fn open_chat(&self, asked: &str) -> Result<ChatView, Error> {
        match self.find_chat(asked).await {
            Err(Error::Desk(DeskError::NoSuchChat(_))) => {
                let colleague = match self.find_colleague(asked).await {
                    Ok(colleague) => colleague,
                    Err(Error::Desk(DeskError::NoSuchColleague(_))) => {
                        return Err(DeskError::NoSuchChat(asked.to_string()).into())
                    }
                    Err(error) => return Err(error),
                };
                self.new_chat(&[colleague.person_id]).await
            }
            found => found,
        }
    }

    /// The direct chat with one colleague, or the group chat with several (person ids): the
    /// existing one when there is one.
    pub async fn new_chat(&self, people: &[String]) -> Result<ChatView, Error> {
        let me = self.me().await?;
        let others = others(people, &me);
        if others.is_empty() {
            return Err(DeskError::NoColleagues.into());
        }
        if others.len() > MOST_IN_CONVERSATION {
            return Err(TeamError::Refused(format!(
                "a group chat takes at most {MOST_IN_CONVERSATION} people besides you; make a team"
            ))
            .into());
        }
        let live = self.live().await?;
        let ids: Vec<&str> = others.iter().map(String::as_str).collect();
        let record = api::conversation(live.connection.client(), &ids)
            .await
            .map_err(TeamError::from)?;
        self.adopt_chat(&record, &me)
    }

    /// Creates a team named `name` with the colleagues `people` (person ids); `public`: anyone
    /// in the company may join.
    pub async fn new_team(
        &self,
        name: &str,
        people: &[String],
        public: bool,
    ) -> Result<ChatView, Error> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > LONGEST_TEAM_NAME {
            return Err(DeskError::TeamName(LONGEST_TEAM_NAME).into());
        }
        let me = self.me().await?;
        let members = others(people, &me);
        let live = self.live().await?;
        let client = live.connection.client();
        let started = client.transport().clock().now_utc();
        let team = NewTeam {
            name,
            public,
            members: &members,
        };
        // Asked again after an answer that never came (the agent pressed Create once more), the
        // team made the first time is the one: it is looked up before anything is sent.
        let recently = started - chrono::Duration::minutes(RECENTLY_MINUTES);
        if let Some(record) = created_team(client, name, recently).await {
            return self.adopt_chat(&record, &me);
        }
        let record = match api::create_team(client, &team).await {
            Ok(record) => record,
            Err(error @ ApiError::UnknownOutcome { .. }) => {
                match settled_team(client, name, recently).await {
                    Some(record) => record,
                    None => return Err(TeamError::from(error).into()),
                }
            }
            Err(error) => return Err(TeamError::from(error).into()),
        };
        self.adopt_chat(&record, &me)
    }

    /// Stores a chat RingCentral answered and tells every face.
    fn adopt_chat(&self, record: &ChatRecord, me: &str) -> Result<ChatView, Error> {
        let chat = crate::team::joined_chat(record)
            .ok_or_else(|| TeamError::Refused("RingCentral's answer named no chat".to_string()))?;
        let id = chat.id.clone();
        let view = self.with_cache(|store| {
            store.put_chats(&[chat])?;
            let summary = store
                .chat_summary(&id, me)?
                .ok_or_else(|| DeskError::NoSuchChat(id.clone()))?;
            let names = names(store, summary_ids(std::slice::from_ref(&summary)))?;
            Ok(chat_view(&summary, me, &names))
        })?;
        self.emit(DeskEvent::Chats(ChatsChange {
            chat: Some(id.clone()),
        }));
        Ok(view)
    }
}

/// `people` without the agent and without repeats, in order.
fn others(people: &[String], me: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for id in people.iter().map(|p| p.trim()) {
        if !id.is_empty() && id != me && !seen.iter().any(|s: &String| s == id) {
            seen.push(id.to_string());
        }
    }
    seen
}

/// The team named `name` created since `since`, among the agent's newest chats.
async fn created_team(client: &Client, name: &str, since: DateTime<Utc>) -> Option<ChatRecord> {
    let recent = api::recent_chats(client, LOOKUP_CHATS, Priority::Interactive)
        .await
        .ok()?;
    recent.records.into_iter().find(|chat| {
        chat_kind(chat.kind.as_deref().unwrap_or_default()) == "Team"
            && chat.name.as_deref().map(str::trim) == Some(name)
            && chat
                .creation_time
                .as_deref()
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .is_some_and(|t| t.with_timezone(&Utc) >= since)
    })
}

/// The team whose creation got no answer, looked for a few times (RingCentral may list it a
/// moment late): `None` when it never shows, and the agent is told the outcome is unknown.
async fn settled_team(client: &Client, name: &str, since: DateTime<Utc>) -> Option<ChatRecord> {
    let clock = client.transport().clock();
    for wait in LOOKUP_WAITS {
        clock.sleep(std::time::Duration::from_millis(wait)).await;
        if let Some(found) = created_team(client, name, since).await {
            return Some(found);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agent_and_repeats_are_left_out() {
        let people = ["7", "me", " 7", "", "8"].map(String::from);
        assert_eq!(others(&people, "me"), ["7", "8"]);
    }
}

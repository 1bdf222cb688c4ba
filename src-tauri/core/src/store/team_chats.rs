//! Team Messaging chats in the cache: what RingCentral says of each (kind, name, members), and
//! what only the agent's desk knows — favourite, read up to when, the notification level. A
//! chat's summary counts its unread posts and the unread ones that mention the agent.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::team_posts::{post_from_row, TeamPost, POST_COLUMNS};
use super::time::{from_millis, to_millis};
use super::{Batch, Store, StoreError};

/// A chat as RingCentral tells it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamChat {
    /// RingCentral's id.
    pub id: String,
    /// `Personal`, `Direct`, `Group`, `Team` or `Everyone`.
    pub kind: String,
    /// Teams and Everyone.
    pub name: Option<String>,
    /// Teams and Everyone.
    pub description: Option<String>,
    /// Teams: anyone in the company may join.
    pub public: bool,
    /// Teams: archived.
    pub archived: bool,
    /// The agent is a member (a public team listed to join is not).
    pub member: bool,
    /// Person ids (conversations; teams do not list them).
    pub members: Vec<String>,
    /// Created.
    pub created: DateTime<Utc>,
    /// Last changed (a post, a rename).
    pub modified: DateTime<Utc>,
}

/// How a chat notifies the agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotifyLevel {
    /// Every post.
    All,
    /// Posts that mention the agent.
    Mentions,
    /// None.
    Muted,
}

impl NotifyLevel {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Mentions => "mentions",
            Self::Muted => "muted",
        }
    }

    /// As stored, back.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::All, Self::Mentions, Self::Muted]
            .into_iter()
            .find(|l| l.as_str() == text)
    }
}

/// A chat with the agent's view of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatSummary {
    /// The chat.
    pub chat: TeamChat,
    /// A favourite of the agent.
    pub favorite: bool,
    /// The level the agent chose; `None`: the default for its kind.
    pub notify: Option<NotifyLevel>,
    /// Posts by others after the agent last read it.
    pub unread: u32,
    /// Of those, the ones that mention the agent.
    pub unread_mentions: u32,
    /// The newest post.
    pub last: Option<TeamPost>,
    /// How many people other than the agent posted in it (counted for private teams only, whose
    /// default notification level depends on it; 0 for other chats).
    pub other_posters: u32,
}

const CHAT_COLUMNS: &str =
    "id, kind, name, description, public, archived, member, members, created, modified";

fn chat_from_row(row: &Row<'_>) -> rusqlite::Result<TeamChat> {
    let members: String = row.get(7)?;
    Ok(TeamChat {
        id: row.get(0)?,
        kind: row.get(1)?,
        name: row.get(2)?,
        description: row.get(3)?,
        public: row.get(4)?,
        archived: row.get(5)?,
        member: row.get(6)?,
        members: serde_json::from_str(&members).unwrap_or_default(),
        created: from_millis(row.get(8)?).unwrap_or_default(),
        modified: from_millis(row.get(9)?).unwrap_or_default(),
    })
}

impl Batch<'_> {
    /// Stores chats as RingCentral tells them; the agent's favourite, read state and level stay,
    /// and so do the members when the record lists none (teams and some events never do).
    pub fn put_chats(&mut self, chats: &[TeamChat]) -> Result<(), StoreError> {
        let mut put = self.tx.prepare_cached(
            "INSERT INTO chats (id, kind, name, description, public, archived, member, members,
                                created, modified)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                 description = excluded.description, public = excluded.public,
                 archived = excluded.archived, member = excluded.member,
                 members = CASE excluded.members WHEN '[]' THEN chats.members
                           ELSE excluded.members END,
                 created = excluded.created,
                 modified = max(chats.modified, excluded.modified)",
        )?;
        for c in chats {
            let members = serde_json::to_string(&c.members).unwrap_or_else(|_| "[]".into());
            put.execute(params![
                c.id,
                c.kind,
                c.name,
                c.description,
                c.public,
                c.archived,
                c.member,
                members,
                to_millis(c.created),
                to_millis(c.modified),
            ])?;
        }
        Ok(())
    }
}

impl Store {
    /// Stores chats (see [`Batch::put_chats`]) in one transaction.
    pub fn put_chats(&mut self, chats: &[TeamChat]) -> Result<(), StoreError> {
        let mut batch = self.batch()?;
        batch.put_chats(chats)?;
        batch.commit()
    }

    /// Marks exactly the chats `ids` as the agent's favourites.
    pub fn set_favorite_chats(&mut self, ids: &[String]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("UPDATE chats SET favorite = 0 WHERE favorite = 1", [])?;
        {
            let mut mark = tx.prepare_cached("UPDATE chats SET favorite = 1 WHERE id = ?1")?;
            for id in ids {
                mark.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets a chat the agent left (or that was deleted), with its posts.
    pub fn forget_chat(&mut self, id: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM posts WHERE chat_id = ?1", [id])?;
        tx.execute("DELETE FROM chats WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the cache holds any chat yet (the first sync of chats has not run otherwise).
    pub fn has_chats(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM chats)")?
            .query_row([], |row| row.get(0))?)
    }

    /// One chat.
    pub fn team_chat(&self, id: &str) -> Result<Option<TeamChat>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {CHAT_COLUMNS} FROM chats WHERE id = ?1"))?
            .query_row([id], chat_from_row)
            .optional()?)
    }

    /// The agent's chats, favourites first, then the most recently active; `me` is the agent's
    /// person id (their own posts are never unread).
    pub fn chat_summaries(&self, me: &str) -> Result<Vec<ChatSummary>, StoreError> {
        self.chat_summaries_of(me, None)
    }

    /// One of the agent's chats, summarised like [`Store::chat_summaries`].
    pub fn chat_summary(&self, id: &str, me: &str) -> Result<Option<ChatSummary>, StoreError> {
        Ok(self.chat_summaries_of(me, Some(id))?.pop())
    }

    fn chat_summaries_of(
        &self,
        me: &str,
        only: Option<&str>,
    ) -> Result<Vec<ChatSummary>, StoreError> {
        let mut chats = self.conn.prepare_cached(&format!(
            "SELECT {CHAT_COLUMNS}, favorite, notify, read_until FROM chats
             WHERE member = 1 AND (?1 IS NULL OR id = ?1)
             ORDER BY favorite DESC, modified DESC, id"
        ))?;
        let rows: Vec<(TeamChat, bool, Option<String>, i64)> = chats
            .query_map([only], |row| {
                Ok((
                    chat_from_row(row)?,
                    row.get(10)?,
                    row.get(11)?,
                    row.get(12)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut unread = self.conn.prepare_cached(
            "SELECT count(*), count(*) FILTER (WHERE mentions LIKE ?3) FROM posts
             WHERE chat_id = ?1 AND created > ?2 AND creator != ?4",
        )?;
        let mut last = self.conn.prepare_cached(&format!(
            "SELECT {POST_COLUMNS} FROM posts WHERE chat_id = ?1
             ORDER BY created DESC, length(remote_id) DESC, remote_id DESC LIMIT 1"
        ))?;
        let mut posters = self.conn.prepare_cached(
            "SELECT count(DISTINCT creator) FROM posts
             WHERE chat_id = ?1 AND creator != ?2 AND kind = 'TextMessage'",
        )?;
        let mention = format!("%\"id\":\"{}\"%", me.replace(['%', '_', '"'], ""));
        let mut summaries = Vec::with_capacity(rows.len());
        for (chat, favorite, notify, read_until) in rows {
            let (count, mentions): (i64, i64) = unread
                .query_row(params![chat.id, read_until, mention, me], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?;
            let newest = last.query_row([&chat.id], post_from_row).optional()?;
            let other_posters: i64 = if chat.kind == "Team" && !chat.public {
                posters.query_row(params![chat.id, me], |row| row.get(0))?
            } else {
                0
            };
            summaries.push(ChatSummary {
                other_posters: other_posters.max(0) as u32,
                favorite,
                notify: notify.as_deref().and_then(NotifyLevel::parse),
                unread: count.max(0) as u32,
                unread_mentions: mentions.max(0) as u32,
                last: newest,
                chat,
            });
        }
        Ok(summaries)
    }

    /// Whether the chat's posts were caught up to its change at `modified` already.
    pub fn chat_posts_current(
        &self,
        id: &str,
        modified: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let until: Option<Option<i64>> = self
            .conn
            .prepare_cached("SELECT posts_until FROM chats WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?;
        Ok(until
            .flatten()
            .is_some_and(|until| until >= to_millis(modified)))
    }

    /// The chat's posts are caught up to its change at `modified`.
    pub fn chat_posts_caught_up(
        &mut self,
        id: &str,
        modified: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE chats SET posts_until = max(coalesce(posts_until, 0), ?2) WHERE id = ?1",
            params![id, to_millis(modified)],
        )?;
        Ok(())
    }

    /// The agent has read the chat up to `until` (a post's creation time).
    pub fn mark_chat_read(&mut self, id: &str, until: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE chats SET read_until = max(read_until, ?2) WHERE id = ?1",
            params![id, to_millis(until)],
        )?;
        Ok(())
    }

    /// Sets how the chat notifies the agent (`None`: the default for its kind).
    pub fn set_chat_notify(
        &mut self,
        id: &str,
        level: Option<NotifyLevel>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE chats SET notify = ?2 WHERE id = ?1",
            params![id, level.map(NotifyLevel::as_str)],
        )?;
        Ok(())
    }
}

//! Team Messaging posts in the cache, searchable with everything else (`posts_fts`), and the
//! persons who write them. A post is stored once by RingCentral's id: a later copy (an edit, a
//! replayed event, an overlapping page) replaces it only when it is not older.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::time::{from_millis, to_millis};
use super::{Batch, Store, StoreError};

/// A mention in a post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostMention {
    /// The person's or team's id.
    pub id: String,
    /// `Person`, `Team` …
    pub kind: String,
    /// Their name, as RingCentral gave it.
    pub name: String,
}

/// A post as RingCentral tells it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamPost {
    /// RingCentral's id.
    pub remote_id: String,
    /// The chat.
    pub chat_id: String,
    /// `TextMessage`, `PersonJoined`, `PersonsAdded` …
    pub kind: String,
    /// The author's person id.
    pub creator: String,
    /// Text, with mention markup as written.
    pub text: String,
    /// Mentions.
    pub mentions: Vec<PostMention>,
    /// The post replied to.
    pub parent_id: Option<String>,
    /// The thread.
    pub thread_id: Option<String>,
    /// Created.
    pub created: DateTime<Utc>,
    /// Last edited.
    pub modified: DateTime<Utc>,
}

/// A person of Team Messaging (a colleague, a guest, a service).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// Id.
    pub id: String,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Email.
    pub email: String,
}

impl Person {
    /// "First Last", else the email, else the id.
    pub fn display_name(&self) -> String {
        let name = format!("{} {}", self.first_name, self.last_name);
        let name = name.trim();
        if !name.is_empty() {
            name.to_string()
        } else if !self.email.is_empty() {
            self.email.clone()
        } else {
            self.id.clone()
        }
    }
}

/// The columns [`post_from_row`] reads.
pub(crate) const POST_COLUMNS: &str =
    "remote_id, chat_id, kind, creator, text, mentions, parent_id, thread_id, created, modified";

/// A post read back.
pub(crate) fn post_from_row(row: &Row<'_>) -> rusqlite::Result<TeamPost> {
    let mentions: String = row.get(5)?;
    Ok(TeamPost {
        remote_id: row.get(0)?,
        chat_id: row.get(1)?,
        kind: row.get(2)?,
        creator: row.get(3)?,
        text: row.get(4)?,
        mentions: serde_json::from_str(&mentions).unwrap_or_default(),
        parent_id: row.get(6)?,
        thread_id: row.get(7)?,
        created: from_millis(row.get(8)?).unwrap_or_default(),
        modified: from_millis(row.get(9)?).unwrap_or_default(),
    })
}

impl Batch<'_> {
    /// Stores posts; answers the ones new to the cache. Their chats' last change moves up to
    /// them. The batch holds the write lock, so of two connections storing one post, one alone
    /// finds it new.
    pub fn put_posts(&mut self, posts: &[TeamPost]) -> Result<Vec<TeamPost>, StoreError> {
        let mut new = Vec::new();
        let mut seen = self
            .tx
            .prepare_cached("SELECT 1 FROM posts WHERE remote_id = ?1")?;
        let mut put = self.tx.prepare_cached(
            "INSERT INTO posts (remote_id, chat_id, kind, creator, text, mentions, parent_id,
                                thread_id, created, modified)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (remote_id) DO UPDATE SET kind = excluded.kind, text = excluded.text,
                 mentions = excluded.mentions, modified = excluded.modified
             WHERE excluded.modified >= posts.modified",
        )?;
        let mut touch = self
            .tx
            .prepare_cached("UPDATE chats SET modified = max(modified, ?2) WHERE id = ?1")?;
        // Oldest first (pages come newest first), so the posts new to the cache are answered —
        // and announced — in the order they were written.
        let mut ordered: Vec<&TeamPost> = posts.iter().rev().collect();
        ordered.sort_by_key(|p| p.created);
        for p in ordered {
            if seen
                .query_row([&p.remote_id], |_| Ok(()))
                .optional()?
                .is_none()
            {
                new.push(p.clone());
            }
            let mentions = serde_json::to_string(&p.mentions).unwrap_or_else(|_| "[]".into());
            put.execute(params![
                p.remote_id,
                p.chat_id,
                p.kind,
                p.creator,
                p.text,
                mentions,
                p.parent_id,
                p.thread_id,
                to_millis(p.created),
                to_millis(p.modified),
            ])?;
            touch.execute(params![p.chat_id, to_millis(p.created)])?;
        }
        Ok(new)
    }
}

impl Store {
    /// Stores posts (see [`Batch::put_posts`]) in one transaction.
    pub fn put_posts(&mut self, posts: &[TeamPost]) -> Result<Vec<TeamPost>, StoreError> {
        let mut batch = self.batch()?;
        let new = batch.put_posts(posts)?;
        batch.commit()?;
        Ok(new)
    }

    /// Removes a post by RingCentral's id (a `PostRemoved` event names no chat); answers its
    /// chat, when the post was known.
    pub fn remove_post(&mut self, remote_id: &str) -> Result<Option<String>, StoreError> {
        let chat: Option<String> = self
            .conn
            .prepare_cached("DELETE FROM posts WHERE remote_id = ?1 RETURNING chat_id")?
            .query_row([remote_id], |row| row.get(0))
            .optional()?;
        Ok(chat)
    }

    /// A chat's posts, newest first: `limit` of them, from the newest or from just before the
    /// post `before` (RingCentral's id) in RingCentral's order — by creation time, then by id
    /// (numeric strings: the shorter is the smaller), so posts of one millisecond stay apart
    /// and in order however the cache came to hold them.
    pub fn chat_posts(
        &self,
        chat_id: &str,
        before: Option<&str>,
        limit: usize,
    ) -> Result<Vec<TeamPost>, StoreError> {
        let anchor: Option<i64> = match before {
            None => None,
            Some(remote_id) => self
                .conn
                .prepare_cached("SELECT created FROM posts WHERE remote_id = ?1")?
                .query_row([remote_id], |row| row.get(0))
                .optional()?,
        };
        let mut posts = self.conn.prepare_cached(&format!(
            "SELECT {POST_COLUMNS} FROM posts
             WHERE chat_id = ?1
               AND (?2 IS NULL OR (created, length(remote_id), remote_id) < (?2, length(?3), ?3))
             ORDER BY created DESC, length(remote_id) DESC, remote_id DESC LIMIT ?4"
        ))?;
        let found = posts
            .query_map(
                params![chat_id, anchor, before.unwrap_or_default(), limit as i64],
                post_from_row,
            )?
            .collect::<Result<_, _>>()?;
        Ok(found)
    }

    /// One post by RingCentral's id.
    pub fn team_post(&self, remote_id: &str) -> Result<Option<TeamPost>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {POST_COLUMNS} FROM posts WHERE remote_id = ?1"
            ))?
            .query_row([remote_id], post_from_row)
            .optional()?)
    }

    /// The newest post of a chat in the cache.
    pub fn newest_post(&self, chat_id: &str) -> Result<Option<TeamPost>, StoreError> {
        Ok(self.chat_posts(chat_id, None, 1)?.into_iter().next())
    }

    /// Stores persons as RingCentral tells them, at `now`.
    pub fn put_persons(
        &mut self,
        persons: &[Person],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut put = tx.prepare_cached(
                "INSERT OR REPLACE INTO persons (id, first_name, last_name, email, fetched)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for p in persons {
                put.execute(params![
                    p.id,
                    p.first_name,
                    p.last_name,
                    p.email,
                    to_millis(now)
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The persons of `ids` the cache knows: from Team Messaging, else the company directory
    /// (a colleague's person id is their directory entry's id).
    pub fn persons(&self, ids: &[String]) -> Result<Vec<Person>, StoreError> {
        let mut read = self.conn.prepare_cached(
            "SELECT id, first_name, last_name, email FROM persons WHERE id = ?1
             UNION ALL
             SELECT remote_id, first_name, last_name, email FROM contacts
             WHERE source = 'directory' AND remote_id = ?1
               AND NOT EXISTS (SELECT 1 FROM persons WHERE id = ?1)
             LIMIT 1",
        )?;
        let mut found = Vec::new();
        for id in ids {
            let person = read
                .query_row([id], |row| {
                    Ok(Person {
                        id: row.get(0)?,
                        first_name: row.get(1)?,
                        last_name: row.get(2)?,
                        email: row.get(3)?,
                    })
                })
                .optional()?;
            found.extend(person);
        }
        Ok(found)
    }

    /// The authors and members of cached chats and posts the cache has no person for (neither
    /// from Team Messaging nor in the company directory).
    pub fn unknown_persons(&self) -> Result<Vec<String>, StoreError> {
        let mut authors = self.conn.prepare_cached(
            "SELECT id FROM (
                 SELECT DISTINCT creator AS id FROM posts
                 UNION SELECT DISTINCT value FROM chats, json_each(chats.members))
             WHERE id != ''
               AND id NOT IN (SELECT id FROM persons)
               AND id NOT IN (SELECT remote_id FROM contacts
                              WHERE source = 'directory' AND remote_id IS NOT NULL)",
        )?;
        let ids = authors
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }
}

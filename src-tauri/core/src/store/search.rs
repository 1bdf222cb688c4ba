//! One search over contacts, calls, messages and team chat posts, fast enough to run on every
//! keystroke.
//!
//! The query is read two ways. Text with letters is matched word by word as prefixes (`jo sm`
//! finds "John Smith") against contact names, companies and e-mail, the names numbers were seen
//! with (caller ID), message text and post text (FTS5 with prefix indexes). Text that is only a number in
//! any format (`(650) 555-01`, `+44 20`, `0100`) is normalised with [`crate::phone`]: an exact
//! match key first, then numbers whose E.164 or national digits start with it, then numbers
//! ending with it. Calls and messages are found through the numbers that matched, so they come
//! from an index, newest first; calls also by the words of their wrap-ups (notes, disposition,
//! tags, follow-up).

use rusqlite::{params_from_iter, types::Value};
use serde::Serialize;

use super::contact_list::ContactEntry;
use super::history::{call_entry, CallEntry, CALL_COLUMNS, CALL_CONTACT_JOIN};
use super::messages::{message_entry, MessageEntry, MESSAGE_COLUMNS, MESSAGE_CONTACT_JOIN};
use super::numbers::{self, digits};
use super::team_posts::{post_from_row, TeamPost, POST_COLUMNS};
use super::{Store, StoreError};

/// At most this many numbers take part in one search; enough for any screen of results.
const KEY_LIMIT: usize = 200;

/// Up to this many matching contacts are ranked by relevance; more are listed alphabetically.
const RANKED_MATCHES: usize = 500;

/// What one search found, each list ranked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SearchResults {
    /// Contacts, best match first (an exact number first, then by relevance).
    pub contacts: Vec<ContactEntry>,
    /// Calls with matching people or numbers, newest first.
    pub calls: Vec<CallEntry>,
    /// Messages with matching people, numbers or text, newest first.
    pub messages: Vec<MessageEntry>,
    /// Team chat posts with matching text, newest first.
    pub posts: Vec<TeamPost>,
}

/// A call or a message on a contact's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimelineItem {
    /// A call.
    Call(CallEntry),
    /// A message.
    Message(MessageEntry),
}

impl TimelineItem {
    fn at(&self) -> chrono::DateTime<chrono::Utc> {
        match self {
            Self::Call(call) => call.start,
            Self::Message(message) => message.created,
        }
    }
}

/// How the agent's text is searched.
pub(super) enum Query {
    /// Words, as an FTS5 prefix query.
    Words(String),
    /// A number, as digits (and whether it was written with `+`).
    Number { digits: String, international: bool },
}

/// Reads the agent's text as words or as a number.
pub(super) fn read_query(text: &str) -> Option<Query> {
    let text = text.trim();
    let phone_like = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-./".contains(c));
    let number = digits(text);
    if phone_like && !number.is_empty() {
        return Some(Query::Number {
            digits: number,
            international: text.starts_with('+'),
        });
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| Query::Words(words.join(" ")))
}

/// The words of `text` worth matching against message or post text, as an FTS5 query; `None`
/// when none is. A word of one letter (the one being typed, usually) matches most of the
/// history and would make every keystroke slow: it waits for its second letter. Each word is a
/// prefix — or, with `whole_typed`, only the one being typed, the words before it matched whole
/// (post text: a team's history repeats its words, and prefixes of every word cost too much).
pub(super) fn text_words(text: &str, whole_typed: bool) -> Option<String> {
    let typing = !text.ends_with(|c: char| !c.is_alphanumeric());
    let all: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let terms: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(_, w)| w.chars().count() >= 2)
        .take(8)
        .map(|(i, w)| {
            let being_typed = typing && i + 1 == all.len();
            match being_typed || !whole_typed {
                true => format!("\"{w}\"*"),
                false => format!("\"{w}\""),
            }
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// A list of keys as one JSON parameter (`IN (SELECT value FROM json_each(?))`), so one
/// prepared statement serves any number of keys.
fn json_list(keys: &[String]) -> String {
    serde_json::to_string(keys).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// Searches everything for `text`, at most `limit` of each kind.
    pub fn search(&self, text: &str, limit: usize) -> Result<SearchResults, StoreError> {
        let limit = limit.clamp(1, 200);
        let Some(query) = read_query(text) else {
            return Ok(SearchResults::default());
        };
        let keys = self.keys_for(&query, text)?;
        let contact_ids = self.contacts_for(&query, &keys, limit)?;
        let contacts = contact_ids
            .into_iter()
            .map(|id| self.contact_entry(id))
            .collect::<Result<_, _>>()?;
        let mut calls = self.calls_with(&keys, limit)?;
        // Calls whose wrap-up (disposition, notes, tags, follow-up) holds the words.
        if let (Query::Words(_), Some(fts)) = (&query, text_words(text, false)) {
            for call in self.calls_wrapped_up_with(&fts, limit)? {
                if !calls.iter().any(|c| c.id == call.id) {
                    calls.push(call);
                }
            }
            calls.sort_by(|a, b| (b.start, &b.id).cmp(&(a.start, &a.id)));
            calls.truncate(limit);
        }
        let mut messages = self.messages_with(&keys, limit)?;
        // One letter is too vague for message text (names still answer it): a word of one
        // letter waits for its second.
        if let (Query::Words(_), Some(fts)) = (&query, text_words(text, false)) {
            let sql = format!(
                "SELECT {MESSAGE_COLUMNS} FROM messages {MESSAGE_CONTACT_JOIN}
                 WHERE messages.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?1
                                       ORDER BY rowid DESC LIMIT ?2)"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(rusqlite::params![fts, limit as i64])?;
            while let Some(row) = rows.next()? {
                let message = message_entry(row)?;
                if !messages.iter().any(|m| m.id == message.id) {
                    messages.push(message);
                }
            }
            messages.sort_by_key(|m| std::cmp::Reverse((m.created, m.id)));
            messages.truncate(limit);
        }
        let posts = match (&query, text_words(text, true)) {
            (Query::Words(_), Some(fts)) => self.posts_with(&fts, limit)?,
            _ => Vec::new(),
        };
        Ok(SearchResults {
            contacts,
            calls,
            messages,
            posts,
        })
    }

    /// Posts whose text matches the FTS5 query `fts`, newest first.
    fn posts_with(&self, fts: &str, limit: usize) -> Result<Vec<TeamPost>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {POST_COLUMNS} FROM posts
             WHERE id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?1
                          ORDER BY rowid DESC LIMIT ?2)"
        ))?;
        let mut posts: Vec<TeamPost> = stmt
            .query_map(rusqlite::params![fts, limit as i64], post_from_row)?
            .collect::<Result<_, _>>()?;
        posts.sort_by_key(|p| std::cmp::Reverse(p.created));
        Ok(posts)
    }

    /// Match keys of the numbers `text` finds (numbers, caller-ID names, contacts' numbers).
    pub(crate) fn matching_keys(&self, text: &str) -> Result<Vec<String>, StoreError> {
        match read_query(text) {
            Some(query) => self.keys_for(&query, text),
            None => Ok(Vec::new()),
        }
    }

    /// Contact ids `text` finds, best first.
    pub(crate) fn matching_contacts(
        &self,
        text: &str,
        limit: usize,
    ) -> Result<Vec<i64>, StoreError> {
        let Some(query) = read_query(text) else {
            return Ok(Vec::new());
        };
        let keys = match &query {
            Query::Number { .. } => self.keys_for(&query, text)?,
            Query::Words(_) => Vec::new(),
        };
        self.contacts_for(&query, &keys, limit)
    }

    fn keys_for(&self, query: &Query, text: &str) -> Result<Vec<String>, StoreError> {
        let mut keys: Vec<String> = match query {
            Query::Number { .. } => numbers::resolve(text, self.numbers.country())
                .map(|exact| vec![exact.key.as_str().to_owned()])
                .unwrap_or_default(),
            Query::Words(_) => Vec::new(),
        };
        let mut collect = |sql: &str, args: Vec<Value>| -> Result<(), StoreError> {
            if keys.len() >= KEY_LIMIT {
                return Ok(());
            }
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut rows = stmt.query(params_from_iter(args))?;
            while let Some(row) = rows.next()? {
                let key: String = row.get(0)?;
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            Ok(())
        };
        let limit = Value::Integer(KEY_LIMIT as i64);
        match query {
            Query::Number {
                digits,
                international,
            } => {
                let range = |column: &str| {
                    format!(
                        "SELECT match_key FROM numbers WHERE {column} >= ?1 AND {column} < ?1 || ':'
                         ORDER BY {column} LIMIT ?2"
                    )
                };
                let d = Value::Text(digits.clone());
                collect(&range("e164_digits"), vec![d.clone(), limit.clone()])?;
                if !international {
                    collect(&range("national_digits"), vec![d, limit.clone()])?;
                    if digits.len() >= 3 {
                        let reversed: String = digits.chars().rev().collect();
                        collect(
                            &range("reversed_digits"),
                            vec![Value::Text(reversed), limit],
                        )?;
                    }
                }
            }
            Query::Words(fts) => {
                let fts = Value::Text(fts.clone());
                collect(
                    "SELECT cn.match_key FROM contact_numbers cn
                     WHERE cn.contact_id IN (SELECT rowid FROM contacts_fts
                                             WHERE contacts_fts MATCH ?1 LIMIT ?2)",
                    vec![fts.clone(), limit.clone()],
                )?;
                collect(
                    "SELECT match_key FROM numbers WHERE id IN (
                         SELECT rowid FROM numbers_fts WHERE numbers_fts MATCH ?1 LIMIT ?2)",
                    vec![fts, limit],
                )?;
            }
        }
        keys.truncate(KEY_LIMIT);
        Ok(keys)
    }

    fn contacts_for(
        &self,
        query: &Query,
        keys: &[String],
        limit: usize,
    ) -> Result<Vec<i64>, StoreError> {
        let (sql, args): (String, Vec<Value>) = match query {
            // Relevance (bm25) costs a score per match: worth it for a few hundred matches, not
            // for the thousands a first letter finds, which come alphabetically instead.
            Query::Words(fts) if self.fts_matches(fts, RANKED_MATCHES)? > RANKED_MATCHES => (
                "SELECT id FROM contacts WHERE id IN (
                     SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?1 LIMIT 1000)
                 ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT ?2"
                    .into(),
                vec![Value::Text(fts.clone()), Value::Integer(limit as i64)],
            ),
            Query::Words(fts) => (
                "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?1 ORDER BY rank LIMIT ?2"
                    .into(),
                vec![Value::Text(fts.clone()), Value::Integer(limit as i64)],
            ),
            Query::Number { .. } if keys.is_empty() => return Ok(Vec::new()),
            // Keys come best first (exact number, then prefixes): keep that order.
            Query::Number { .. } => (
                "SELECT cn.contact_id FROM contact_numbers cn
                     JOIN (SELECT value AS key, key AS position FROM json_each(?1)) k
                       ON k.key = cn.match_key
                     GROUP BY cn.contact_id ORDER BY min(k.position), cn.contact_id LIMIT ?2"
                    .into(),
                vec![Value::Text(json_list(keys)), Value::Integer(limit as i64)],
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(args), |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// How many contacts match `fts`, counting no further than `cap + 1`.
    fn fts_matches(&self, fts: &str, cap: usize) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (
                     SELECT 1 FROM contacts_fts WHERE contacts_fts MATCH ?1 LIMIT ?2)",
            )?
            .query_row(rusqlite::params![fts, cap as i64 + 1], |row| row.get(0))?;
        Ok(n.max(0) as usize)
    }

    fn calls_with(&self, keys: &[String], limit: usize) -> Result<Vec<CallEntry>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {CALL_COLUMNS} FROM calls {CALL_CONTACT_JOIN}
             WHERE calls.peer_key IN (SELECT value FROM json_each(?1))
             ORDER BY calls.start_time DESC, calls.id DESC LIMIT {limit}"
        );
        self.rows_with_keys(&sql, keys, call_entry)
    }

    fn messages_with(
        &self,
        keys: &[String],
        limit: usize,
    ) -> Result<Vec<MessageEntry>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages {MESSAGE_CONTACT_JOIN}
             WHERE messages.peer_key IN (SELECT value FROM json_each(?1))
             ORDER BY messages.created DESC, messages.id DESC LIMIT {limit}"
        );
        self.rows_with_keys(&sql, keys, message_entry)
    }

    /// Runs `sql`, whose `?1` is `keys` as one JSON list, and reads each row with `read`.
    fn rows_with_keys<T>(
        &self,
        sql: &str,
        keys: &[String],
        read: fn(&rusqlite::Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query([json_list(keys)])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            found.push(read(row)?);
        }
        Ok(found)
    }

    /// Calls and messages with any of `keys`, newest first.
    pub(crate) fn timeline(
        &self,
        keys: &[String],
        limit: usize,
    ) -> Result<Vec<TimelineItem>, StoreError> {
        let mut items: Vec<TimelineItem> = self
            .calls_with(keys, limit)?
            .into_iter()
            .map(TimelineItem::Call)
            .chain(
                self.messages_with(keys, limit)?
                    .into_iter()
                    .map(TimelineItem::Message),
            )
            .collect();
        items.sort_by_key(|item| std::cmp::Reverse(item.at()));
        items.truncate(limit);
        Ok(items)
    }
}

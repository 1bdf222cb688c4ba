//! Bringing Team Messaging into the cache. Each sync reads the agent's recent chats (one
//! request) and their favourites, then the newest posts of every chat that changed since its
//! posts were last caught up — page after page back to its newest cached post, at most a few pages (a long absence
//! leaves older posts to be fetched when the agent scrolls up, [`older_posts`]) — and the persons
//! the cache does not know, 30 a request.

use chrono::{DateTime, Utc};

use super::convert;
use super::TeamError;
use crate::api::team::{self, MOST_PERSONS};
use crate::api::{Client, Priority};
use crate::store::{Store, TeamPost};

/// Posts asked per page.
const PAGE: u32 = 50;
/// The sync's reads leave a fifth of each rate budget to what the agent does meanwhile.
const BACKGROUND: Priority = Priority::Background;
/// Pages read per chat and sync, back to the newest cached post.
const CATCH_UP_PAGES: usize = 4;
/// Pages read to find older posts on demand.
const BACKFILL_PAGES: usize = 20;
/// At most this many new posts are told from one sync (the rest are in the cache all the same).
pub const MOST_TOLD: usize = 200;

/// What a sync of chats did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChatSyncReport {
    /// Chats told.
    pub chats: usize,
    /// Posts new to the cache — news, unless this was the cache's very first fill of chats —
    /// oldest first (at most [`MOST_TOLD`] of them).
    pub new_posts: Vec<TeamPost>,
    /// Persons fetched.
    pub persons: usize,
}

/// Brings the agent's recent chats, their new posts and unknown persons into `store`.
pub async fn sync_chats(store: &mut Store, client: &Client) -> Result<ChatSyncReport, TeamError> {
    // The very first fill of the cache is history; after it, a chat new to the cache (a
    // conversation a colleague just started) brings news.
    let first_fill = !store.has_chats()?;
    let recent = team::recent_chats(client, team::MOST_PER_PAGE, BACKGROUND).await?;
    let chats: Vec<_> = recent
        .records
        .iter()
        .filter_map(|r| convert::chat(r, true))
        .collect();
    store.put_chats(&chats)?;
    let favorites = team::favorites(client, BACKGROUND).await?;
    let ids: Vec<String> = favorites.records.iter().map(|c| c.id.clone()).collect();
    store.set_favorite_chats(&ids)?;
    let mut report = ChatSyncReport {
        chats: chats.len(),
        ..ChatSyncReport::default()
    };
    for chat in &chats {
        if store.chat_posts_current(&chat.id, chat.modified)? {
            continue;
        }
        let newest = store.newest_post(&chat.id)?.map(|p| p.created);
        let new = catch_up(store, client, &chat.id, newest).await?;
        if !first_fill {
            report.new_posts.extend(new);
        }
        store.chat_posts_caught_up(&chat.id, chat.modified)?;
    }
    report.persons = fetch_persons(store, client).await?;
    report.new_posts.sort_by_key(|p| p.created);
    let skip = report.new_posts.len().saturating_sub(MOST_TOLD);
    report.new_posts.drain(..skip);
    Ok(report)
}

/// Reads a chat's newest posts back to `newest` (the newest cached one); answers the ones new
/// to the cache. Without any cached post, the newest page alone.
async fn catch_up(
    store: &mut Store,
    client: &Client,
    chat: &str,
    newest: Option<DateTime<Utc>>,
) -> Result<Vec<TeamPost>, TeamError> {
    let mut token: Option<String> = None;
    let mut new = Vec::new();
    for _ in 0..CATCH_UP_PAGES {
        let page = team::posts(client, chat, PAGE, token.as_deref(), BACKGROUND).await?;
        let posts: Vec<TeamPost> = page
            .records
            .iter()
            .filter_map(|r| convert::post(r, Some(chat)))
            .collect();
        new.extend(store.put_posts(&posts)?);
        let reached = newest.is_none_or(|n| posts.iter().any(|p| p.created <= n));
        match page.navigation.next_page_token {
            Some(next) if !reached && Some(&next) != token.as_ref() => token = Some(next),
            _ => break,
        }
    }
    Ok(new)
}

/// Fetches the persons the cache does not know, 30 a request; answers how many arrived.
async fn fetch_persons(store: &mut Store, client: &Client) -> Result<usize, TeamError> {
    let unknown = store.unknown_persons()?;
    let mut fetched = 0;
    for ids in unknown.chunks(MOST_PERSONS) {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let persons: Vec<_> = team::persons(client, &ids, BACKGROUND)
            .await?
            .iter()
            .filter_map(convert::person)
            .collect();
        fetched += persons.len();
        store.put_persons(&persons, Utc::now())?;
    }
    Ok(fetched)
}

/// Fetches up to `count` posts of `chat` older than the post `before` (RingCentral's id; the
/// agent scrolled up to it) into `store`, reading pages from the newest: the posts that come
/// after it in RingCentral's order. Answers them, newest first.
pub async fn older_posts(
    store: &mut Store,
    client: &Client,
    chat: &str,
    before: &str,
    count: usize,
) -> Result<Vec<TeamPost>, TeamError> {
    let mut token: Option<String> = None;
    let mut older = Vec::new();
    let mut passed = false;
    for _ in 0..BACKFILL_PAGES {
        let page = team::posts(
            client,
            chat,
            team::MOST_PER_PAGE,
            token.as_deref(),
            Priority::Interactive,
        )
        .await?;
        let posts: Vec<TeamPost> = page
            .records
            .iter()
            .filter_map(|r| convert::post(r, Some(chat)))
            .collect();
        // Only the posts past `before` are stored: newer ones the WebSocket or the next sync has
        // not brought yet stay news for them (stored here, they would never notify).
        let mut past = Vec::new();
        for post in posts {
            if passed {
                past.push(post);
            } else {
                passed = post.remote_id == before;
            }
        }
        past.truncate(count - older.len());
        store.put_posts(&past)?;
        older.extend(past);
        if older.len() >= count {
            break;
        }
        match page.navigation.next_page_token {
            Some(next) if Some(&next) != token.as_ref() => token = Some(next),
            _ => break,
        }
    }
    Ok(older)
}

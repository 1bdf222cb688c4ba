//! Team chats for every face, from the cache: the list (favourites first, then the most recently
//! active; searched by name), a chat's posts with their authors' names and their text split into
//! plain text and mentions (never markup), the agent's read state, and older posts fetched when
//! the agent scrolls up.

use std::collections::HashMap;

use serde::Serialize;

use crate::api::Client;
use crate::sms::RECONCILE_GRACE_SECS;
use crate::store::{ChatSummary, OutboxState, Store, TeamPost};
use crate::team::{
    flush_posts, inert, notify, older_posts, parts, send_post, sync_chats, with_mentions,
    Mentioned, PostPart,
};

use super::{ChatsChange, Desk, DeskEvent, Error};

/// A chat in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatView {
    /// RingCentral's id.
    pub id: String,
    /// `Personal`, `Direct`, `Group`, `Team` or `Everyone`.
    pub kind: String,
    /// What the agent calls it: the team's name, the colleague's, the members', "Personal notes".
    pub name: String,
    /// A favourite of the agent.
    pub favorite: bool,
    /// Posts by others the agent has not read.
    pub unread: u32,
    /// Of those, the ones that mention the agent.
    pub unread_mentions: u32,
    /// The newest post's text, as plain text (mentions by name).
    pub last_text: Option<String>,
    /// Its author's name.
    pub last_author: Option<String>,
    /// When (ISO 8601).
    pub last_time: Option<String>,
    /// Which posts notify the agent: `all`, `mentions` or `muted`.
    pub notify: &'static str,
    /// Whether that is the chat's default (the agent chose no level for it).
    pub notify_default: bool,
    /// The chat's default level (what *Default* means for it).
    pub default_notify: &'static str,
}

/// A post as a chat shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostView {
    /// RingCentral's id.
    pub id: String,
    /// The author's name.
    pub author: String,
    /// The author's person id.
    pub author_id: String,
    /// The agent wrote it.
    pub mine: bool,
    /// When (ISO 8601).
    pub time: String,
    /// Edited after it was posted.
    pub edited: bool,
    /// The text: plain text and mentions, in order.
    pub parts: Vec<PostPart>,
    /// The thread it belongs to, when it is a reply.
    pub thread_id: Option<String>,
}

/// A chat's posts, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatPostsView {
    /// The chat.
    pub chat: ChatView,
    /// Its posts, oldest first.
    pub posts: Vec<PostView>,
}

/// A post the agent sent (or that waits to go).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostSentView {
    /// The chat.
    pub chat: String,
    /// The outbox item.
    pub outbox_id: i64,
    /// Where it stands: `sent`, or waiting (`pending`, `unknown` until it is looked up).
    pub state: OutboxState,
    /// RingCentral's post id, once sent.
    pub post_id: Option<String>,
}

/// Person names the cache knows, for the ids of `posts` and `summaries`.
pub(super) fn names(
    store: &Store,
    ids: impl IntoIterator<Item = String>,
) -> Result<HashMap<String, String>, Error> {
    let mut ids: Vec<String> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    Ok(store
        .persons(&ids)?
        .into_iter()
        .map(|p| (p.id.clone(), inert(&p.display_name())))
        .collect())
}

pub(super) fn name_of(names: &HashMap<String, String>, id: &str) -> String {
    names.get(id).cloned().unwrap_or_else(|| id.to_string())
}

/// Names, comma-separated (what an ambiguous name matched).
pub(super) fn listed<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

/// What the agent calls a chat.
fn chat_name(summary: &ChatSummary, me: &str, names: &HashMap<String, String>) -> String {
    let chat = &summary.chat;
    if let Some(name) = chat.name.as_deref().filter(|n| !n.trim().is_empty()) {
        return inert(name);
    }
    if chat.kind == "Personal" {
        return "Personal notes".into();
    }
    let others: Vec<String> = chat
        .members
        .iter()
        .filter(|m| *m != me)
        .map(|m| name_of(names, m))
        .collect();
    if others.is_empty() {
        format!("{} chat", chat.kind)
    } else {
        others.join(", ")
    }
}

/// A post's text as plain text: mentions by name.
pub(super) fn plain(post: &TeamPost, me: &str) -> String {
    parts(&post.text, &post.mentions, me)
        .into_iter()
        .map(|part| match part {
            PostPart::Text { text } => text,
            PostPart::Mention { name, .. } => format!("@{name}"),
        })
        .collect()
}

pub(super) fn chat_view(
    summary: &ChatSummary,
    me: &str,
    names: &HashMap<String, String>,
) -> ChatView {
    let last = summary.last.as_ref();
    let level = notify::level(&summary.chat, summary.notify, summary.other_posters);
    ChatView {
        id: summary.chat.id.clone(),
        kind: summary.chat.kind.clone(),
        name: chat_name(summary, me, names),
        favorite: summary.favorite,
        unread: summary.unread,
        unread_mentions: summary.unread_mentions,
        last_text: last.map(|p| plain(p, me)),
        last_author: last.map(|p| name_of(names, &p.creator)),
        last_time: last.map(|p| p.created.to_rfc3339()),
        notify: level.as_str(),
        notify_default: summary.notify.is_none(),
        default_notify: notify::default_level(&summary.chat, summary.other_posters).as_str(),
    }
}

pub(super) fn post_view(post: &TeamPost, me: &str, names: &HashMap<String, String>) -> PostView {
    PostView {
        id: post.remote_id.clone(),
        author: name_of(names, &post.creator),
        author_id: post.creator.clone(),
        mine: post.creator == me,
        time: post.created.to_rfc3339(),
        edited: post.modified > post.created,
        parts: parts(&post.text, &post.mentions, me),
        thread_id: post.thread_id.clone(),
    }
}

/// The ids a list of summaries names.
pub(super) fn summary_ids(summaries: &[ChatSummary]) -> Vec<String> {
    summaries
        .iter()
        .flat_map(|s| {
            s.chat
                .members
                .iter()
                .cloned()
                .chain(s.last.iter().map(|p| p.creator.clone()))
        })
        .collect()
}

impl Desk {
    /// The agent's person id in Team Messaging (their extension id).
    pub(super) async fn me(&self) -> Result<String, Error> {
        let live = self.live().await?;
        Ok(live
            .connection
            .session()
            .tokens()
            .and_then(|tokens| tokens.owner_id)
            .unwrap_or_default())
    }

    /// Brings Team Messaging into the cache with the sync (a post new to the cache is notified
    /// at its chat's level); answers the posts new since the last one. `None` without the permission, or when RingCentral could not be read this time
    /// (logged; the next sync tries again: chats never stop the rest of a sync).
    pub(crate) async fn sync_chats(&self, client: &Client, store: &mut Store) -> Option<usize> {
        if !self.granted("TeamMessaging").await {
            return None;
        }
        match sync_chats(store, client).await {
            Ok(report) => {
                if report.chats > 0 {
                    self.emit(DeskEvent::Chats(ChatsChange { chat: None }));
                }
                // A post the sync brought before its WebSocket event is news all the same: each
                // is new to the cache once, by whichever path, and notifies then.
                for post in &report.new_posts {
                    if let Some(alert) = self.chat_alert(post).await {
                        self.emit(DeskEvent::ChatAlert(alert));
                    }
                }
                Some(report.new_posts.len())
            }
            Err(error) => {
                tracing::warn!(%error, "chats could not be synced");
                None
            }
        }
    }

    /// Posts `text` to the agent's chat `chat` through the outbox: stored first, posted once,
    /// kept for the next sync when RingCentral cannot be reached; each `@name` of `mentioned`
    /// (people the agent picked) goes as a mention. A post RingCentral refuses, or one too long,
    /// is an error.
    pub async fn post_to_chat(
        &self,
        chat: &str,
        text: &str,
        mentioned: &[Mentioned],
    ) -> Result<PostSentView, Error> {
        let text = &with_mentions(text, mentioned);
        let me = self.me().await?;
        let live = self.live().await?;
        let client = live.connection.client().clone();
        let mut store = self.open_store()?;
        let grace = chrono::Duration::seconds(RECONCILE_GRACE_SECS);
        let clock = client.transport().clock();
        let item = send_post(&mut store, &client, chat, text, &me, clock, grace).await?;
        self.emit(DeskEvent::Chats(ChatsChange {
            chat: Some(chat.to_string()),
        }));
        Ok(PostSentView {
            chat: chat.to_string(),
            outbox_id: item.id,
            state: item.state,
            post_id: item.post_id,
        })
    }

    /// Sends the posts the outbox holds (with the sync); answers how many went. Never fails
    /// the sync: what could not go waits for the next one.
    pub(crate) async fn flush_chat_posts(&self, client: &Client, store: &mut Store) -> u32 {
        let Ok(me) = self.me().await else {
            return 0;
        };
        let grace = chrono::Duration::seconds(RECONCILE_GRACE_SECS);
        match flush_posts(store, client, &me, client.transport().clock(), grace).await {
            Ok(report) => report.sent + report.reconciled,
            Err(error) => {
                tracing::warn!(%error, "queued posts could not be sent now");
                0
            }
        }
    }

    /// The agent's chats from the cache, favourites first, then the most recent; only those
    /// whose name holds `search` (case-insensitive) when given.
    pub async fn chats(&self, search: Option<&str>) -> Result<Vec<ChatView>, Error> {
        let me = self.me().await?;
        let wanted = search
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty());
        self.with_cache(|store| {
            let summaries = store.chat_summaries(&me)?;
            let names = names(store, summary_ids(&summaries))?;
            Ok(summaries
                .iter()
                .map(|s| chat_view(s, &me, &names))
                .filter(|c| {
                    wanted
                        .as_deref()
                        .is_none_or(|w| c.name.to_lowercase().contains(w))
                })
                .collect())
        })
    }

    /// The agent's chat `asked` names: its id, its whole name, or the one chat whose name holds
    /// it (case-insensitive) — a team, a colleague, the members of a group.
    pub async fn find_chat(&self, asked: &str) -> Result<ChatView, Error> {
        let chats = self.chats(None).await?;
        let wanted = asked.trim().to_lowercase();
        let exact = chats
            .iter()
            .find(|c| c.id == asked.trim() || c.name.to_lowercase() == wanted);
        if let Some(chat) = exact {
            return Ok(chat.clone());
        }
        let matching: Vec<&ChatView> = chats
            .iter()
            .filter(|c| !wanted.is_empty() && c.name.to_lowercase().contains(&wanted))
            .collect();
        match matching.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(super::DeskError::NoSuchChat(asked.to_string()).into()),
            many => Err(super::DeskError::AmbiguousChat {
                asked: asked.to_string(),
                matches: listed(many.iter().map(|c| c.name.as_str())),
            }
            .into()),
        }
    }

    /// A chat's newest `limit` posts from the cache (or those just before the post `before`),
    /// oldest first.
    pub async fn chat_posts(
        &self,
        chat: &str,
        before: Option<&str>,
        limit: usize,
    ) -> Result<ChatPostsView, Error> {
        let me = self.me().await?;
        self.with_cache(|store| {
            let summary = store
                .chat_summary(chat, &me)?
                .ok_or_else(|| super::DeskError::NoSuchChat(chat.to_string()))?;
            let mut posts = store.chat_posts(chat, before, limit)?;
            posts.reverse();
            let ids = summary_ids(std::slice::from_ref(&summary))
                .into_iter()
                .chain(posts.iter().map(|p| p.creator.clone()));
            let names = names(store, ids)?;
            Ok(ChatPostsView {
                chat: chat_view(&summary, &me, &names),
                posts: posts.iter().map(|p| post_view(p, &me, &names)).collect(),
            })
        })
    }

    /// The agent has read the chat: every post in it up to the newest is read.
    pub fn mark_chat_read(&self, chat: &str) -> Result<(), Error> {
        self.with_cache(|store| {
            if let Some(newest) = store.newest_post(chat)? {
                store.mark_chat_read(chat, newest.created)?;
            }
            Ok(())
        })
    }

    /// Fetches up to `count` posts older than the post `before` from RingCentral (the agent
    /// scrolled up past the cache) and answers them, oldest first.
    pub async fn older_chat_posts(
        &self,
        chat: &str,
        before: &str,
        count: usize,
    ) -> Result<Vec<PostView>, Error> {
        let me = self.me().await?;
        let live = self.live().await?;
        let client = live.connection.client().clone();
        let mut store = self.open_store()?;
        let mut older = older_posts(&mut store, &client, chat, before, count).await?;
        older.reverse();
        let names = names(&store, older.iter().map(|p| p.creator.clone()))?;
        Ok(older.iter().map(|p| post_view(p, &me, &names)).collect())
    }
}

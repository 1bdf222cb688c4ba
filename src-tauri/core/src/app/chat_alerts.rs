//! Team chat posts worth a notification, and the level each chat notifies at. A post new to the
//! cache (live, or caught up after a WebSocket gap) notifies once, at its chat's level (see
//! [`crate::team::notify`]), never the agent's own, never one older than a day (a long time
//! offline is not a flood of banners); the notifier applies Do not disturb.

use serde::Serialize;

use crate::realtime::RealtimeOptions;
use crate::store::{NotifyLevel, TeamPost};
use crate::team::notify;

use super::chats::{chat_view, name_of, names, plain, summary_ids};
use super::{ChatView, ChatsChange, Desk, DeskError, DeskEvent, Error};

/// The longest notification body, in characters.
const LONGEST_BODY: usize = 240;

/// A chat post to notify the agent of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatAlert {
    /// The chat (a click opens it).
    pub chat: String,
    /// The post.
    pub post: String,
    /// "Ana Silva", or "Ana Silva in Support".
    pub title: String,
    /// The post as plain text (mentions by name), shortened.
    pub body: String,
    /// The post mentions the agent.
    pub mention: bool,
}

/// A notification level as the CLI and the window name it: `all`, `mentions`, `muted`, or
/// `default` (`None`: the chat's default).
pub fn parse_level(word: &str) -> Result<Option<NotifyLevel>, DeskError> {
    match word.trim().to_ascii_lowercase().as_str() {
        "default" => Ok(None),
        other => NotifyLevel::parse(other)
            .map(Some)
            .ok_or_else(|| DeskError::UnknownNotifyLevel(word.to_string())),
    }
}

impl Desk {
    /// The notification `post` (new to the cache) raises, if its chat's level wants one.
    pub(crate) async fn chat_alert(&self, post: &TeamPost) -> Option<ChatAlert> {
        let max_age = RealtimeOptions::default().announce_max_age;
        let age = chrono::Utc::now().signed_duration_since(post.created);
        if age.to_std().is_ok_and(|age| age > max_age) {
            return None;
        }
        let me = self.me().await.ok()?;
        self.know_chat(&post.chat_id).await;
        let alert = self.with_cache(|store| {
            let Some(summary) = store.chat_summary(&post.chat_id, &me)? else {
                return Ok(None);
            };
            let level = notify::level(&summary.chat, summary.notify, summary.other_posters);
            if !notify::notifies(level, post, &me) {
                return Ok(None);
            }
            let ids = summary_ids(std::slice::from_ref(&summary))
                .into_iter()
                .chain([post.creator.clone()]);
            let names = names(store, ids)?;
            let chat = chat_view(&summary, &me, &names);
            let author = name_of(&names, &post.creator);
            let title = if chat.kind == "Direct" || chat.name == author {
                author
            } else {
                format!("{author} in {}", chat.name)
            };
            Ok(Some(ChatAlert {
                chat: post.chat_id.clone(),
                post: post.remote_id.clone(),
                title,
                body: shortened(&plain(post, &me)),
                mention: notify::mentions_me(post, &me),
            }))
        });
        alert.unwrap_or_else(|error| {
            tracing::warn!(%error, "a chat post could not be considered for a notification");
            None
        })
    }

    /// Makes sure the cache holds the chat `id` (a colleague's first post in a new conversation
    /// can come before the event that tells of the chat): read from RingCentral when it does not.
    async fn know_chat(&self, id: &str) {
        let known = self.with_cache(|store| Ok(store.team_chat(id)?.is_some()));
        if !matches!(known, Ok(false)) {
            return;
        }
        let Ok(live) = self.live().await else {
            return;
        };
        match crate::api::team::chat(live.connection.client(), id).await {
            Ok(record) => {
                if let Some(chat) = crate::team::joined_chat(&record) {
                    if let Err(error) = self.with_cache(|store| Ok(store.put_chats(&[chat])?)) {
                        tracing::warn!(%error, "a new chat could not be stored");
                    }
                }
            }
            Err(error) => tracing::warn!(%error, "a new chat could not be read"),
        }
    }

    /// Sets which posts of the chat notify the agent (`None`: the chat's default) and answers
    /// the chat as the list shows it.
    pub async fn set_chat_notify(
        &self,
        chat: &str,
        level: Option<NotifyLevel>,
    ) -> Result<ChatView, Error> {
        let me = self.me().await?;
        let view = self.with_cache(|store| {
            if store.chat_summary(chat, &me)?.is_none() {
                return Err(DeskError::NoSuchChat(chat.to_string()).into());
            }
            store.set_chat_notify(chat, level)?;
            let summary = store
                .chat_summary(chat, &me)?
                .ok_or_else(|| DeskError::NoSuchChat(chat.to_string()))?;
            let names = names(store, summary_ids(std::slice::from_ref(&summary)))?;
            Ok(chat_view(&summary, &me, &names))
        })?;
        self.emit(DeskEvent::Chats(ChatsChange {
            chat: Some(chat.to_string()),
        }));
        Ok(view)
    }
}

/// `text` on one line, at most [`LONGEST_BODY`] characters (an ellipsis when cut).
fn shortened(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= LONGEST_BODY {
        return line;
    }
    let mut cut: String = line.chars().take(LONGEST_BODY - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_as_the_cli_and_window_write_them() {
        assert_eq!(parse_level("all").ok(), Some(Some(NotifyLevel::All)));
        assert_eq!(
            parse_level(" Mentions").ok(),
            Some(Some(NotifyLevel::Mentions))
        );
        assert_eq!(parse_level("MUTED").ok(), Some(Some(NotifyLevel::Muted)));
        assert_eq!(parse_level("default").ok(), Some(None));
        let error = parse_level("loud").expect_err("not a level");
        assert!(error.to_string().contains("loud"), "{error}");
    }

    #[test]
    fn a_long_post_is_one_short_line() {
        assert_eq!(shortened("two\n\nlines  here"), "two lines here");
        let long = "word ".repeat(100);
        let short = shortened(&long);
        assert_eq!(short.chars().count(), LONGEST_BODY);
        assert!(short.ends_with('…'));
    }
}

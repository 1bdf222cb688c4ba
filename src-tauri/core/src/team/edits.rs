//! The agent's own posts changed after the fact: edited (PATCH: sending the same text twice
//! changes nothing, so a lost answer is simply asked again) or deleted (a post already gone is
//! deleted). Only the agent's own posts, known to the cache in that chat, are touched: another's
//! is refused here before RingCentral's 403.

use super::convert;
use super::outbox::MOST_POST_CHARS;
use super::TeamError;
use crate::api::team;
use crate::api::{ApiError, Client};
use crate::store::{Store, TeamPost};

/// The agent's (`me`) post `post` of `chat` from the cache, or why it cannot be changed.
fn own_post(store: &Store, chat: &str, post: &str, me: &str) -> Result<TeamPost, TeamError> {
    match store.team_post(post)? {
        Some(found) if found.chat_id == chat && !me.is_empty() && found.creator == me => Ok(found),
        _ => Err(TeamError::NotYours(post.to_string())),
    }
}

/// Replaces the text of the agent's post; answers the post as RingCentral now has it.
pub async fn edit_post(
    store: &mut Store,
    client: &Client,
    chat: &str,
    post: &str,
    text: &str,
    me: &str,
) -> Result<TeamPost, TeamError> {
    let chars = text.chars().count();
    if chars > MOST_POST_CHARS {
        return Err(TeamError::TooLong {
            chars,
            most: MOST_POST_CHARS,
        });
    }
    if text.trim().is_empty() {
        return Err(TeamError::Empty);
    }
    let own = own_post(store, chat, post, me)?;
    let record = team::edit_post(client, chat, post, text).await?;
    // RingCentral took the edit; an answer too broken to read still means the new text.
    let edited = convert::post(&record, Some(chat))
        .filter(|edited| edited.remote_id == own.remote_id)
        .unwrap_or_else(|| TeamPost {
            text: text.to_string(),
            modified: chrono::Utc::now(),
            ..own
        });
    store.put_posts(std::slice::from_ref(&edited))?;
    Ok(edited)
}

/// Deletes the agent's post (one already gone at RingCentral is deleted too).
pub async fn delete_post(
    store: &mut Store,
    client: &Client,
    chat: &str,
    post: &str,
    me: &str,
) -> Result<(), TeamError> {
    own_post(store, chat, post, me)?;
    match team::delete_post(client, chat, post).await {
        Ok(()) | Err(ApiError::Status { status: 404, .. }) => {}
        Err(error) => return Err(error.into()),
    }
    store.remove_post(post)?;
    Ok(())
}

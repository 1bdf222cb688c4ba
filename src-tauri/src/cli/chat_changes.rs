//! `ringdesk chat new WHO…`, `chat new-team NAME --member WHO… [--public]`,
//! `chat notify CHAT LEVEL`, `chat edit CHAT POST TEXT` and `chat delete CHAT POST`: starting
//! chats, choosing which posts notify, changing the agent's own posts. Colleagues are named as
//! the company directory knows them (name, email, extension number).

use ringdesk_core::app::{parse_level, ChatView};

use super::Context;

/// The person ids of the colleagues `people` names, or the exit code of the first that names
/// nobody (or several).
async fn person_ids(context: &Context, people: &[String]) -> Result<Vec<String>, i32> {
    let mut ids = Vec::with_capacity(people.len());
    for who in people {
        match context.desk.find_colleague(who).await {
            Ok(colleague) => ids.push(colleague.person_id),
            Err(error) => return Err(context.fail(error)),
        }
    }
    Ok(ids)
}

fn opened(context: &Context, chat: &ChatView, words: &str) -> i32 {
    context.output.emit(chat);
    context.output.say(format!(
        "{words}: {} ({}, id {})",
        chat.name, chat.kind, chat.id
    ));
    0
}

/// Opens the direct or group chat with `people`.
pub async fn new_chat(context: &Context, people: &[String]) -> i32 {
    let ids = match person_ids(context, people).await {
        Ok(ids) => ids,
        Err(code) => return code,
    };
    match context.desk.new_chat(&ids).await {
        Ok(chat) => opened(context, &chat, "Chat"),
        Err(error) => context.fail(error),
    }
}

/// Creates the team `name` with `members`.
pub async fn new_team(context: &Context, name: &str, members: &[String], public: bool) -> i32 {
    let ids = match person_ids(context, members).await {
        Ok(ids) => ids,
        Err(code) => return code,
    };
    match context.desk.new_team(name, &ids, public).await {
        Ok(chat) => opened(context, &chat, "Team created"),
        Err(error) => context.fail(error),
    }
}

/// Sets which posts of `chat` notify.
pub async fn notify(context: &Context, chat: &str, level: &str) -> i32 {
    let level = match parse_level(level) {
        Ok(level) => level,
        Err(error) => return context.fail(error.into()),
    };
    let found = match context.desk.find_chat(chat).await {
        Ok(found) => found,
        Err(error) => return context.fail(error),
    };
    match context.desk.set_chat_notify(&found.id, level).await {
        Ok(chat) => {
            context.output.emit(&chat);
            let words = match chat.notify {
                "all" => "every post notifies you",
                "mentions" => "only posts that mention you notify you",
                _ => "no post notifies you",
            };
            let default = if chat.notify_default {
                " (its default)"
            } else {
                ""
            };
            context
                .output
                .say(format!("{}: {words}{default}.", chat.name));
            0
        }
        Err(error) => context.fail(error),
    }
}

/// Replaces the text of the agent's post.
pub async fn edit(context: &Context, chat: &str, post: &str, text: &str) -> i32 {
    let found = match context.desk.find_chat(chat).await {
        Ok(found) => found,
        Err(error) => return context.fail(error),
    };
    match context
        .desk
        .edit_chat_post(&found.id, post, text, &[])
        .await
    {
        Ok(edited) => {
            context.output.emit(&edited);
            context.output.say(format!("Edited in {}.", found.name));
            0
        }
        Err(error) => context.fail(error),
    }
}

/// Deletes the agent's post.
pub async fn delete(context: &Context, chat: &str, post: &str) -> i32 {
    let found = match context.desk.find_chat(chat).await {
        Ok(found) => found,
        Err(error) => return context.fail(error),
    };
    match context.desk.delete_chat_post(&found.id, post).await {
        Ok(()) => {
            context
                .output
                .emit(&serde_json::json!({ "deleted": post, "chat": found.id }));
            context.output.say(format!("Deleted from {}.", found.name));
            0
        }
        Err(error) => context.fail(error),
    }
}

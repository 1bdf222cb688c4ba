//! `ringdesk chats [--search Q]` and `ringdesk chat read CHAT [--limit N] [--before POST]`: team
//! chats and their posts from the local cache (`ringdesk sync` brings them; posts older than the
//! cache come from RingCentral). Reading a chat's newest posts marks it read.

use serde_json::json;

use super::Context;

/// Flags of `chats`.
#[derive(Debug, clap::Args)]
pub struct ChatsArgs {
    /// Only the chats whose name holds this text.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

/// What `chat` does.
#[derive(Debug, clap::Subcommand)]
pub enum ChatCommand {
    /// Post TEXT to a chat, exactly once (queued when RingCentral cannot be reached).
    Post {
        /// The chat: its id, a team's name, a colleague's name.
        chat: String,
        /// The text (at most 10 000 characters).
        text: String,
    },
    /// Print a chat's newest posts (CHAT: its id, a team's name, a colleague's name).
    Read {
        /// The chat.
        chat: String,
        /// At most this many posts.
        #[arg(long, value_name = "N", default_value_t = 30)]
        limit: usize,
        /// The posts before this one (its id): from the cache, else from RingCentral.
        #[arg(long, value_name = "POST")]
        before: Option<String>,
    },
}

/// Prints the agent's chats, favourites first.
pub async fn list(context: &Context, args: ChatsArgs) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    let chats = match context.desk.chats(args.search.as_deref()).await {
        Ok(chats) => chats,
        Err(error) => return context.fail(error),
    };
    context.output.emit(&json!({ "chats": chats }));
    for c in &chats {
        let unread = match (c.unread, c.unread_mentions) {
            (0, _) => String::new(),
            (n, 0) => format!(" ({n} unread)"),
            (n, m) => format!(" ({n} unread, {m} for you)"),
        };
        let star = if c.favorite { "*" } else { " " };
        let last = match (&c.last_author, &c.last_text) {
            (Some(author), Some(text)) => {
                format!("{author}: {}", text.lines().next().unwrap_or(""))
            }
            _ => String::new(),
        };
        context.output.say(format!(
            "{star} {:<8} {:<32}{unread}  {last}",
            c.kind, c.name
        ));
    }
    if chats.is_empty() {
        context
            .output
            .say("No chats in the cache. Run `ringdesk sync` to refresh it.");
    }
    0
}

/// Runs a `chat` subcommand.
pub async fn run(context: &Context, command: ChatCommand) -> i32 {
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    match command {
        ChatCommand::Post { chat, text } => post(context, &chat, &text).await,
        ChatCommand::Read {
            chat,
            limit,
            before,
        } => read(context, &chat, limit, before).await,
    }
}

/// Posts to a chat named by `chat`.
async fn post(context: &Context, chat: &str, text: &str) -> i32 {
    let found = match context.desk.find_chat(chat).await {
        Ok(found) => found,
        Err(error) => return context.fail(error),
    };
    let sent = match context.desk.post_to_chat(&found.id, text).await {
        Ok(sent) => sent,
        Err(error) => return context.fail(error),
    };
    context.output.emit(&sent);
    let words = match sent.state {
        ringdesk_core::app::OutboxState::Sent => "Posted",
        _ => "Queued: it goes once RingCentral can be reached",
    };
    context.output.say(format!("{words} to {}.", found.name));
    0
}

/// Prints a chat's posts.
async fn read(context: &Context, chat: &str, limit: usize, before: Option<String>) -> i32 {
    let found = match context.desk.find_chat(chat).await {
        Ok(found) => found,
        Err(error) => return context.fail(error),
    };
    let mut view = match context
        .desk
        .chat_posts(&found.id, before.as_deref(), limit)
        .await
    {
        Ok(view) => view,
        Err(error) => return context.fail(error),
    };
    // Scrolling back past the cache: the older posts come from RingCentral.
    if let Some(before) = before.as_deref().filter(|_| view.posts.len() < limit) {
        let anchor = view
            .posts
            .first()
            .map_or(before, |p| p.id.as_str())
            .to_string();
        let wanted = limit - view.posts.len();
        match context
            .desk
            .older_chat_posts(&found.id, &anchor, wanted)
            .await
        {
            Ok(mut older) => {
                older.append(&mut view.posts);
                view.posts = older;
            }
            Err(error) => return context.fail(error),
        }
    } else if let Err(error) = context.desk.mark_chat_read(&found.id) {
        return context.fail(error);
    }
    context.output.emit(&view);
    context
        .output
        .say(format!("{} ({})", view.chat.name, view.chat.kind));
    for post in &view.posts {
        let text: String = post
            .parts
            .iter()
            .map(|part| match part {
                ringdesk_core::app::PostPart::Text { text } => text.clone(),
                ringdesk_core::app::PostPart::Mention { name, .. } => format!("@{name}"),
            })
            .collect();
        let edited = if post.edited { " (edited)" } else { "" };
        context.output.say(format!(
            "{}  {}: {text}{edited}",
            &post.time[..16.min(post.time.len())],
            post.author
        ));
    }
    if view.posts.is_empty() {
        context.output.say("No posts in the cache yet.");
    }
    0
}

//! `ringdesk chats [--search Q]`, `ringdesk chat read CHAT [--limit N] [--before POST]` and
//! `ringdesk chat post CHAT TEXT [--mention WHO]`: team chats and their posts from the local
//! cache (`ringdesk sync` brings them; posts older than the cache come from RingCentral).
//! Reading a chat's newest posts marks it read. CHAT is a chat's id or name, or a colleague
//! (name, email, extension number: their direct chat). Starting chats, levels and edits are in
//! `chat_changes.rs`.

use serde_json::json;

use super::{chat_changes, Context};

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
        /// The chat: its id, a team's name, a colleague's name, email or extension.
        chat: String,
        /// The text (at most 10 000 characters).
        text: String,
        /// Mention a colleague (name, email or extension): their @Name in TEXT becomes a
        /// mention (added in front when TEXT does not hold it). Repeatable.
        #[arg(long = "mention", value_name = "WHO")]
        mentions: Vec<String>,
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
    /// Open the direct chat with a colleague, or a group chat with several.
    New {
        /// Colleagues: name, email or extension number.
        #[arg(required = true, value_name = "WHO")]
        people: Vec<String>,
    },
    /// Create a team.
    NewTeam {
        /// The team's name.
        name: String,
        /// A colleague to add (name, email or extension number). Repeatable.
        #[arg(long = "member", value_name = "WHO")]
        members: Vec<String>,
        /// Anyone in the company may find and join it.
        #[arg(long)]
        public: bool,
    },
    /// Choose which posts of a chat notify you: all, mentions, muted, or default.
    Notify {
        /// The chat.
        chat: String,
        /// all | mentions | muted | default
        level: String,
    },
    /// Replace the text of one of your posts.
    Edit {
        /// The chat.
        chat: String,
        /// The post's id (`ringdesk chat read CHAT --json`).
        post: String,
        /// The new text.
        text: String,
    },
    /// Delete one of your posts.
    Delete {
        /// The chat.
        chat: String,
        /// The post's id.
        post: String,
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
        ChatCommand::Post {
            chat,
            text,
            mentions,
        } => post(context, &chat, &text, &mentions).await,
        ChatCommand::Read {
            chat,
            limit,
            before,
        } => read(context, &chat, limit, before).await,
        ChatCommand::New { people } => chat_changes::new_chat(context, &people).await,
        ChatCommand::NewTeam {
            name,
            members,
            public,
        } => chat_changes::new_team(context, &name, &members, public).await,
        ChatCommand::Notify { chat, level } => chat_changes::notify(context, &chat, &level).await,
        ChatCommand::Edit { chat, post, text } => {
            chat_changes::edit(context, &chat, &post, &text).await
        }
        ChatCommand::Delete { chat, post } => chat_changes::delete(context, &chat, &post).await,
    }
}

/// Posts to a chat named by `chat`, mentioning the colleagues `mentions` names.
async fn post(context: &Context, chat: &str, text: &str, mentions: &[String]) -> i32 {
    let found = match context.desk.open_chat(chat).await {
        Ok(found) => found,
        Err(error) => return context.fail(error),
    };
    let (text, mentioned) = match context.desk.mention_colleagues(text, mentions).await {
        Ok(mentioning) => mentioning,
        Err(error) => return context.fail(error),
    };
    let sent = match context
        .desk
        .post_to_chat(&found.id, &text, &mentioned)
        .await
    {
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
        let reply = if post.thread_id.as_deref().is_some_and(|t| t != post.id) {
            "  ↳ "
        } else {
            ""
        };
        context.output.say(format!(
            "{}  {reply}{}: {text}{edited}",
            post.time.get(..16).unwrap_or(&post.time),
            post.author
        ));
    }
    if view.posts.is_empty() {
        context.output.say("No posts in the cache yet.");
    }
    0
}

//! `ringdesk messages [--thread NUMBER]`: conversations, or one thread, from the local cache.

use ringdesk_core::phone::MatchKey;
use serde_json::json;

use super::Context;

/// Flags of `messages`.
#[derive(Debug, clap::Args)]
pub struct MessagesArgs {
    /// Show the thread with this number (any format) instead of the conversation list.
    #[arg(long, value_name = "NUMBER")]
    pub thread: Option<String>,
    /// At most this many conversations or messages.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
}

/// Prints conversations or a thread.
pub async fn run(context: &Context, args: MessagesArgs) -> i32 {
    let (store, country) = match context.cache() {
        Ok(opened) => opened,
        Err(error) => return context.fail(*error),
    };
    let Some(number) = args.thread else {
        let page = match store.conversations(None, args.limit) {
            Ok(page) => page,
            Err(error) => return context.fail(error.into()),
        };
        context
            .output
            .emit(&json!({ "conversations": page.conversations }));
        for c in &page.conversations {
            let unread = if c.unread > 0 {
                format!(" ({} unread)", c.unread)
            } else {
                String::new()
            };
            let pending = if c.pending > 0 {
                format!(" [{} pending]", c.pending)
            } else {
                String::new()
            };
            context.output.say(format!(
                "{}  {:<28}{unread}{pending}  {}",
                c.last_message.created.format("%Y-%m-%d %H:%M"),
                c.last_message.peer.display_name(),
                first_line(&c.last_message.text)
            ));
        }
        if page.conversations.is_empty() {
            context
                .output
                .say("No conversations in the cache. Run `ringdesk sync` to refresh it.");
        }
        return 0;
    };
    let key = match MatchKey::from_text(&number, country) {
        Ok(key) => key,
        Err(error) => return context.fail(error.into()),
    };
    let conversation = match store.conversation_with(key.as_str()) {
        Ok(conversation) => conversation,
        Err(error) => return context.fail(error.into()),
    };
    let thread = match conversation.map(|id| store.thread(id, None, args.limit)) {
        Some(Ok(thread)) => Some(thread),
        Some(Err(error)) => return context.fail(error.into()),
        None => None,
    };
    let pending = match &thread {
        Some(thread) => thread.pending.clone(),
        None => match store.open_outbox_for(key.as_str()) {
            Ok(pending) => pending,
            Err(error) => return context.fail(error.into()),
        },
    };
    let messages = thread.map(|t| t.messages).unwrap_or_default();
    context
        .output
        .emit(&json!({ "number": key, "messages": messages, "pending": pending }));
    for message in messages.iter().rev() {
        let who = match message.direction.as_str() {
            "inbound" => message.peer.display_name().to_owned(),
            _ => "me".to_owned(),
        };
        context.output.say(format!(
            "{}  {who}: {}  ({})",
            message.created.format("%Y-%m-%d %H:%M"),
            message.text,
            message.status
        ));
    }
    for item in &pending {
        context
            .output
            .say(format!("(outbox, {:?})  me: {}", item.state, item.text).to_lowercase());
    }
    if messages.is_empty() && pending.is_empty() {
        context
            .output
            .say(format!("No messages with {key} in the cache."));
    }
    0
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(59).collect::<String>())
    } else {
        line.to_owned()
    }
}

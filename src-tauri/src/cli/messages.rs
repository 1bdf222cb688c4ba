//! `ringdesk messages [--thread NUMBER]`: conversations, or one thread, from the local cache.

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
    let Some(number) = args.thread else {
        let conversations = match context.desk.conversation_summaries(args.limit) {
            Ok(conversations) => conversations,
            Err(error) => return context.fail(error),
        };
        context
            .output
            .emit(&json!({ "conversations": conversations }));
        for c in &conversations {
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
        if conversations.is_empty() {
            context
                .output
                .say("No conversations in the cache. Run `ringdesk sync` to refresh it.");
        }
        return 0;
    };
    let thread = match context.desk.thread_entries(&number, args.limit) {
        Ok(thread) => thread,
        Err(error) => return context.fail(error),
    };
    let (key, messages, pending) = (thread.number, thread.messages, thread.pending);
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

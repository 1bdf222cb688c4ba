//! RingCentral Team Messaging for the agent: chats and posts brought into the cache (recent
//! chats and their newest posts at each sync, older posts on demand), kept current by the
//! WebSocket's post and chat events, persons resolved in bulk; posts sent exactly once through
//! the outbox. Values from the server are bounded and read defensively; RingCentral keeps no
//! read state, the cache does.

mod convert;
mod error;
mod events;
mod outbox;
mod sync;

pub use convert::{chat_kind, parts, PostPart};
pub use error::TeamError;
pub use events::{apply_chat_event, apply_post_event, ChatChange, PostChange};
pub use outbox::{flush_posts, send_post, PostOutboxReport, MOST_POST_CHARS};
pub use sync::{older_posts, sync_chats, ChatSyncReport};

#[cfg(test)]
mod tests;

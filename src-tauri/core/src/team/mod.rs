//! RingCentral Team Messaging for the agent: chats and posts brought into the cache (recent
//! chats and their newest posts at each sync, older posts on demand), kept current by the
//! WebSocket's post and chat events, persons resolved in bulk; posts sent exactly once through
//! the outbox. Values from the server are bounded and read defensively; RingCentral keeps no
//! read state, the cache does.

mod convert;
mod edits;
mod error;
mod events;
mod mentions;
pub mod notify;
mod outbox;
mod sync;

pub use convert::{chat_kind, inert, joined_chat, parts, PostPart};
pub use edits::{delete_post, edit_post};
pub use error::TeamError;
pub use events::{apply_chat_event, apply_post_event, ChatChange, PostChange};
pub use mentions::{with_mentions, Mentioned};
pub use outbox::{flush_posts, send_post, PostOutboxReport, MOST_POST_CHARS};
pub use sync::{older_posts, sync_chats, ChatSyncReport};

#[cfg(test)]
mod tests;

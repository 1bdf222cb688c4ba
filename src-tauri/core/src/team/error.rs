//! What can go wrong bringing Team Messaging into the cache.

use crate::api::ApiError;
use crate::recovery::Recovery;
use crate::store::StoreError;

/// A Team Messaging failure.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TeamError {
    /// RingCentral refused or could not be reached.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The cache could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A post longer than RingCentral takes (refused before it is queued).
    #[error("the post has {chars} characters; RingCentral takes at most {most}")]
    TooLong {
        /// Its length.
        chars: usize,
        /// The most.
        most: usize,
    },
    /// A post with nothing in it.
    #[error("the post is empty")]
    Empty,
    /// A post that is not the agent's own in that chat (or not in the cache).
    #[error("post {0} is not one of yours in this chat")]
    NotYours(String),
    /// RingCentral refused the post for good (not a member, a chat gone …).
    #[error("the post was not sent: {0}")]
    Refused(String),
}

impl TeamError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Api(error) => error.recovery(),
            Self::Store(error) => error.recovery(),
            Self::TooLong { .. } | Self::Empty | Self::NotYours(_) | Self::Refused(_) => {
                Recovery::FixInput
            }
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::Api(error) => error.hint(),
            Self::Store(error) => error.hint().into(),
            Self::TooLong { .. } => "Shorten it, or split it into several posts.".into(),
            Self::Empty => "Write something first.".into(),
            Self::NotYours(_) => "Only your own posts can be edited or deleted.".into(),
            Self::Refused(_) => "Check that you are still in this chat, then post again.".into(),
        }
    }
}

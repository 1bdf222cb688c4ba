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
}

impl TeamError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Api(error) => error.recovery(),
            Self::Store(error) => error.recovery(),
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::Api(error) => error.hint(),
            Self::Store(error) => error.hint().into(),
        }
    }
}

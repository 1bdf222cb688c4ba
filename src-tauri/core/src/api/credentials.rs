//! Where the client's bearer token comes from. The signed-in session
//! (`auth::Session`) implements [`Credentials`]; the client only asks for a token and,
//! after a 401, for a recovery — it never knows how tokens are obtained or kept.

use futures_util::future::BoxFuture;

use super::error::ApiError;
use crate::secret::Secret;

/// A source of access tokens for the client.
pub trait Credentials: Send + Sync + std::fmt::Debug {
    /// A valid access token (renewed first when it is about to expire).
    fn access_token(&self) -> BoxFuture<'_, Result<Secret, ApiError>>;

    /// RingCentral refused `failed` with a 401: renew the session unless another request
    /// already did. An error means the session cannot be recovered.
    fn recover<'a>(&'a self, failed: &'a Secret) -> BoxFuture<'a, Result<(), ApiError>>;
}

//! The signed-in extension.

use reqwest::Method;

use super::endpoint::{ext_path, Endpoint, Group};
use super::models::Extension;
use super::{ApiError, Call, Client};

/// `readExtension`.
pub const READ_EXTENSION: Endpoint = Endpoint {
    operation: "readExtension",
    method: Method::GET,
    path: ext_path!(""),
    group: Group::Light,
    idempotent: true,
};

/// readExtension — GET …/extension/~: who is signed in, home country, features.
pub async fn read_extension(client: &Client) -> Result<Extension, ApiError> {
    client.fetch(Call::new(&READ_EXTENSION, &[])).await
}

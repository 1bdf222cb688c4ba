//! The notification WebSocket's entry ticket.

use reqwest::Method;

use super::endpoint::{Endpoint, Group};
use super::models::WsToken;
use super::{ApiError, Call, Client};

/// `authWsToken`.
pub const WS_TOKEN: Endpoint = Endpoint {
    operation: "authWsToken",
    method: Method::POST,
    path: "/restapi/oauth/wstoken",
    group: Group::Auth,
    idempotent: true,
};

/// authWsToken — POST /restapi/oauth/wstoken: a single-use token and the `wss://` URI.
pub async fn ws_token(client: &Client) -> Result<WsToken, ApiError> {
    client.fetch(Call::new(&WS_TOKEN, &[])).await
}

//! OAuth endpoints (`/restapi/oauth/*`): authorize (login and consent page), token (all grants,
//! PKCE, rotation), revoke, and the WebSocket token.

pub mod authorize;
pub mod client;
pub mod form;
pub mod jwt;
pub mod page;
pub mod pkce;
pub mod revoke;
pub mod token;
pub mod wstoken;

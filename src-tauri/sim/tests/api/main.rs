//! End-to-end tests: every endpoint over real HTTP and WebSocket on 127.0.0.1:0, every JSON answer
//! validated against the vendored OpenAPI spec.

mod common;

mod account;
mod admin;
mod admin_token;
mod calls;
mod contacts;
mod endpoints;
mod fault_after_handling;
mod fault_body;
mod fault_shapes;
mod hostile;
mod lifecycle;
mod limits;
mod live_calls;
mod messages;
mod oauth_code;
mod oauth_tokens;
mod refused;
mod ringout;
mod robustness;
mod seed;
mod single_message;
mod spec_check;
mod team;
mod templates;
mod websocket;

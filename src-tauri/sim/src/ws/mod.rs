//! RingCentral's notification WebSocket: connection details with `wsc`, subscriptions made over
//! the socket, server notifications, heartbeats, REST tunnelling, recovery and timeouts.

pub mod client_request;
pub mod connection;
pub mod filters;
pub mod frames;
pub mod hub;

//! The real-time inbox against the simulator's notification WebSocket: delivery exactly once,
//! recovery after drops, polling when WebSockets are unavailable, and a latency measurement.

mod absurd_details;
mod calls;
mod delivery;
mod insecure_address;
mod keepalive;
mod latency;
mod outage;
mod polling;
mod support;
mod team;

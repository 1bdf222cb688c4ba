//! The session loop against a fake server that goes silent: the dead socket is noticed.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::mpsc::unbounded_channel;

use super::catch_up::CatchUp;
use super::error::RealtimeError;
use super::inbox::Inbox;
use super::listen::{listen, End, Resume};
use super::options::RealtimeOptions;
use super::side::Side;
use super::socket::Socket;
use crate::api::{Client, ClientOptions, Transport};
use crate::auth::{OAuthApp, Session, REDIRECT_URI};
use crate::clock::SystemClock;
use crate::keychain::MemoryStore;
use crate::phone::Country;

/// A client for a server that is never asked (the catch-up does not run in these tests).
async fn idle_client() -> Client {
    let app = OAuthApp {
        server: "http://127.0.0.1:9".into(),
        client_id: "test".into(),
        client_secret: None,
        redirect_uri: REDIRECT_URI.into(),
    };
    let transport =
        Arc::new(Transport::new(&app.server, ClientOptions::default()).expect("transport"));
    let tokens = Arc::new(MemoryStore::default());
    let session = Session::open("test", app, transport.clone(), tokens, None)
        .await
        .expect("a memory session opens");
    Client::new(transport, Arc::new(session))
}

#[tokio::test]
async fn a_socket_that_goes_silent_is_declared_dead() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = format!("ws://{}/ws", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.expect("a client");
        let ws = tokio_tungstenite::accept_async(tcp).await.expect("upgrade");
        // Never read again: no pong, no heartbeat echo, like a peer lost in a network change.
        tokio::time::sleep(Duration::from_secs(30)).await;
        drop(ws);
    });
    let mut socket = Socket::connect(&address, Duration::from_secs(5))
        .await
        .expect("the fake server upgrades");
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let path = dir.path().join("cache.sqlite3");
    let us = Country::from_iso_code("US").expect("US");
    let clock = Arc::new(SystemClock);
    let (events, _received) = unbounded_channel();
    let day = Duration::from_secs(86_400);
    let inbox = Inbox::open(&path, us, events, clock.clone(), day).expect("cache opens");
    let catch_up = CatchUp::new(
        idle_client().await,
        path,
        us,
        clock.clone(),
        Default::default(),
    );
    let (_control, commands) = unbounded_channel();
    let mut side = Side::new(inbox, catch_up, commands);
    let options = RealtimeOptions {
        heartbeat_after: Duration::from_millis(200),
        heartbeat_timeout: Duration::from_millis(200),
        ..RealtimeOptions::default()
    };
    let started = std::time::Instant::now();
    let end = listen(
        &mut socket,
        &mut side,
        &mut Resume::default(),
        &options,
        clock.as_ref(),
        Vec::new(),
    )
    .await;
    assert!(
        matches!(end, End::Dropped(RealtimeError::Timeout { .. })),
        "silence after a heartbeat means a dead socket: {end:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "noticed after heartbeat_after + heartbeat_timeout, not the OS's TCP timeout"
    );
}

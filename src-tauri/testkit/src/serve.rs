//! Serving a test's own HTTP service (the SuiteDash simulator, the webhook receiver) on
//! 127.0.0.1 until told to stop.

use std::net::SocketAddr;

/// Serves `app` at `addr` (port 0: any free port) on the current runtime; answers the address it
/// is bound to and the sender that stops it (dropping the sender stops it too).
pub async fn serve(
    app: axum::Router,
    addr: SocketAddr,
    what: &str,
) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .unwrap_or_else(|e| panic!("bind {what}: {e}"));
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
    });
    (addr, stop)
}

/// The loopback address with any free port.
pub fn any_port() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

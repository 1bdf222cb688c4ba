//! Binding, serving and stopping a simulator. Connections are served by hand (hyper-util) rather
//! than `axum::serve` so that a fault can drop one connection without answering.

use crate::clock::{Clock, PinnedClock, SystemClock};
use crate::config::SimConfig;
use crate::credentials::SimCredentials;
use crate::error::SimError;
use crate::observe::ConnectionKill;
use crate::sim::Sim;
use crate::state::account::MAIN_NUMBER;
use axum::http::{header, HeaderValue, StatusCode};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot, watch, Notify};
use tokio::task::JoinHandle;
use tower::ServiceExt;

/// A simulator serving in the background. Dropping it stops the server.
#[derive(Debug)]
pub struct RunningSim {
    credentials: SimCredentials,
    addr: SocketAddr,
    clock: Arc<dyn Clock>,
    stop: watch::Sender<bool>,
    listening: mpsc::UnboundedSender<Listening>,
    task: Option<JoinHandle<()>>,
}

/// A new listening socket for the accept loop (none: refuse connections), and who waits for it
/// to be in place.
type Listening = (Option<TcpListener>, oneshot::Sender<()>);

impl RunningSim {
    /// Server URL and credentials (the startup JSON line).
    pub fn credentials(&self) -> &SimCredentials {
        &self.credentials
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The simulator's clock.
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// Stops accepting connections: the listening socket closes, so every connection attempt is
    /// refused and nothing reaches the simulator — a server that is down, or a network that is
    /// gone — until [`RunningSim::accept_connections`]. Connections already open stay open (with
    /// [`SimConfig::keep_alive`] off, no idle one is left to carry a request).
    pub async fn refuse_connections(&self) {
        self.listen(None).await;
    }

    /// Listens again, at the same address, after [`RunningSim::refuse_connections`].
    pub async fn accept_connections(&self) -> Result<(), SimError> {
        let listener = TcpListener::bind(self.addr)
            .await
            .map_err(|source| SimError::Bind {
                addr: self.addr,
                source,
            })?;
        self.listen(Some(listener)).await;
        Ok(())
    }

    /// Hands the accept loop `listener` and waits until it is in use.
    async fn listen(&self, listener: Option<TcpListener>) {
        let (done, in_place) = oneshot::channel();
        if self.listening.send((listener, done)).is_ok() {
            let _ = in_place.await;
        }
    }

    /// Stops serving and waits until the listener is closed.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Serves until the process gets Ctrl-C or SIGTERM.
    pub async fn wait_for_signal(self) {
        shutdown_signal().await;
        self.shutdown().await;
    }
}

impl Drop for RunningSim {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

/// Most seeded call-log records (180 days of history at one call per ~150 ms).
pub const MAX_CALL_LOG: u64 = 100_000_000;

fn validate(config: &SimConfig) -> Result<(), SimError> {
    if config.access_ttl.is_zero() || config.refresh_ttl.is_zero() {
        return Err(SimError::Config("token lifetimes must be positive".into()));
    }
    if config.call_log > MAX_CALL_LOG {
        return Err(SimError::Config(format!(
            "--call-log is at most {MAX_CALL_LOG}"
        )));
    }
    let r = &config.rate_limits;
    if r.enabled && (r.window.is_zero() || [r.light, r.medium, r.heavy, r.auth].contains(&0)) {
        return Err(SimError::Config(
            "rate limits and window must be positive".into(),
        ));
    }
    Ok(())
}

/// Binds the listener (port 0 picks one), seeds the state and serves in the background.
pub async fn start(config: SimConfig) -> Result<RunningSim, SimError> {
    validate(&config)?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| SimError::Bind {
            addr: config.listen,
            source,
        })?;
    let addr = listener.local_addr()?;
    let host = if addr.ip().is_unspecified() {
        SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let clock: Arc<dyn Clock> = match (&config.clock, config.start_time) {
        (Some(clock), _) => clock.clone(),
        (None, Some(start)) => Arc::new(PinnedClock::starting_at(start)),
        (None, None) => Arc::new(SystemClock),
    };
    let sim = Arc::new(Sim::new(config, clock.clone(), format!("http://{host}")));
    let router = crate::routes::router(sim.clone());
    let _ = sim.router.set(router.clone());
    let (extension_id, jwt) = {
        let world = sim.world();
        let id = world.account.extension_id;
        (id, sim.mint_jwt(id, None, "startup"))
    };
    let credentials = SimCredentials {
        server_url: sim.base_url.clone(),
        client_id: sim.app.client_id.clone(),
        client_secret: sim.app.client_secret.clone(),
        jwt,
        extension_id: extension_id.to_string(),
        main_number: MAIN_NUMBER.to_owned(),
    };
    let (stop, stopped) = watch::channel(false);
    let (listening, listeners) = mpsc::unbounded_channel();
    let task = tokio::spawn(serve(listener, listeners, router, sim, stopped));
    Ok(RunningSim {
        credentials,
        addr,
        clock,
        stop,
        listening,
        task: Some(task),
    })
}

async fn serve(
    listener: TcpListener,
    mut listeners: mpsc::UnboundedReceiver<Listening>,
    router: axum::Router,
    sim: Arc<Sim>,
    mut stopped: watch::Receiver<bool>,
) {
    let ticker = tokio::spawn(tick(sim.clone(), stopped.clone()));
    let keep_alive = sim.config.keep_alive;
    let mut listener = Some(listener);
    loop {
        tokio::select! {
            _ = stopped.changed() => break,
            Some((next, done)) = listeners.recv() => {
                listener = next;
                let _ = done.send(());
            }
            accepted = accept(listener.as_ref()) => {
                let Ok((stream, _peer)) = accepted else {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                tokio::spawn(connection(stream, router.clone(), keep_alive, stopped.clone()));
            }
        }
    }
    ticker.abort();
    sim.world().hub.drop_all();
}

/// The next connection on `listener`; none while connections are refused.
async fn accept(listener: Option<&TcpListener>) -> std::io::Result<(TcpStream, SocketAddr)> {
    match listener {
        Some(listener) => listener.accept().await,
        None => std::future::pending().await,
    }
}

async fn connection(
    stream: TcpStream,
    router: axum::Router,
    keep_alive: bool,
    mut stopped: watch::Receiver<bool>,
) {
    let kill = Arc::new(Notify::new());
    let handle = kill.clone();
    let service =
        hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(ConnectionKill(handle.clone()));
            crate::routes::trim_trailing_slash(&mut req);
            let answer = router.clone().oneshot(req);
            async move {
                let mut response = answer.await?;
                // A WebSocket upgrade keeps its `Connection: upgrade`.
                if !keep_alive && response.status() != StatusCode::SWITCHING_PROTOCOLS {
                    response
                        .headers_mut()
                        .insert(header::CONNECTION, HeaderValue::from_static("close"));
                }
                Ok::<_, std::convert::Infallible>(response)
            }
        });
    let builder = Builder::new(TokioExecutor::new());
    let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = kill.notified() => {}
        _ = stopped.changed() => {}
    }
}

/// Moves time-driven state along even when nobody polls, so subscribers hear about SMS status
/// changes, and forgets WebSocket sessions past their recovery window.
async fn tick(sim: Arc<Sim>, mut stopped: watch::Receiver<bool>) {
    let period = sim
        .timings
        .sms_sent
        .min(Duration::from_millis(250))
        .max(Duration::from_millis(20));
    let recovery = crate::clock::never_past(sim.config.ws.recovery_timeout);
    let demo_every = sim
        .config
        .demo_inbound_sms
        .and_then(|d| chrono::Duration::from_std(d).ok());
    let mut next_demo = demo_every.map(|every| sim.now() + every);
    let mut demo_count = 0;
    loop {
        tokio::select! {
            _ = stopped.changed() => return,
            _ = tokio::time::sleep(period) => {
                let now = sim.now();
                let mut world = sim.world();
                world.hub.prune(now, recovery);
                if let (Some(at), Some(every)) = (next_demo, demo_every) {
                    if now >= at {
                        let urls = sim.urls(&world);
                        world.demo_inbound_sms(sim.config.seed, sim.config.contacts, demo_count, now, &urls);
                        demo_count += 1;
                        next_demo = Some(now + every);
                    }
                }
            }
        }
    }
}

//! One cell of the matrix: a fresh client of its own (its own clock, budgets and breaker, signed
//! in with the simulator's JWT), the fault made to happen at the moment the operation chooses,
//! and the recovery afterwards — the fault ends, and every wait it asked for passes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ringdesk_core::api::{BreakerState, ClientOptions};
use ringdesk_core::Secret;
use ringdesk_testkit::signin::{jwt_client, quick, TestClient};
use tempfile::TempDir;

use crate::bench::Bench;
use crate::kinds::{FaultKind, CLOCK_JUMP_SECS, STALL_TIMEOUT_MS};
use crate::operations::Operation;
use crate::warp::Warp;

/// One (operation, fault kind) pair being played.
pub struct Cell {
    /// The simulator and the oracle.
    pub bench: Arc<Bench>,
    /// What is done.
    pub operation: Operation,
    /// What goes wrong.
    pub kind: FaultKind,
    /// The client's clock.
    pub clock: Arc<Warp>,
    /// The client, signed in.
    pub client: TestClient,
    /// When the cell started (real time, the simulator's).
    pub started: DateTime<Utc>,
    /// How many requests the simulator had logged once the client was signed in: the cell's
    /// own requests come after (a time filter could catch the sign-in in the same millisecond).
    pub log_mark: usize,
    /// A folder for the cell's cache.
    dir: TempDir,
    /// The simulator refuses connections now.
    refusing: AtomicBool,
}

impl Cell {
    /// A cell with a client of its own: quick retries, status polls every 200 ms, the warped
    /// clock, and a short timeout when the fault is a stalled answer; then `adjust`ed.
    pub async fn new(
        bench: Arc<Bench>,
        operation: Operation,
        kind: FaultKind,
        adjust: fn(&mut ClientOptions),
    ) -> Self {
        let clock = Arc::new(Warp::default());
        let defaults = quick();
        let mut options = ClientOptions {
            clock: clock.clone(),
            ringout_poll: Duration::from_millis(200),
            timeout: match kind {
                FaultKind::Stalled => Duration::from_millis(STALL_TIMEOUT_MS),
                _ => defaults.timeout,
            },
            ..defaults
        };
        adjust(&mut options);
        let client = jwt_client(&bench.sim, options).await;
        let log_mark = bench.admin.requests().await.len();
        Self {
            bench,
            operation,
            kind,
            clock,
            client,
            started: Utc::now(),
            log_mark,
            dir: TempDir::new().expect("a temp dir"),
            refusing: AtomicBool::new(false),
        }
    }

    /// The cell's cache file.
    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("cache.sqlite3")
    }

    /// The session's current access token.
    fn access_token(&self) -> String {
        let tokens = self.client.session().tokens().expect("signed in");
        tokens.access_token.expose().to_owned()
    }

    /// Makes the fault happen, now.
    pub async fn inject(&self) {
        let target = self.operation.target();
        let link = self.operation.foreign_link();
        if let Some(fault) = self.kind.request_fault(target.method, &target.path, link) {
            self.bench.admin.arm(fault).await;
            return;
        }
        let admin = &self.bench.admin;
        let jump = Duration::from_secs(CLOCK_JUMP_SECS);
        match self.kind {
            FaultKind::Refused => {
                self.bench.sim.refuse_connections().await;
                self.refusing.store(true, Ordering::SeqCst);
            }
            FaultKind::TokenExpired => {
                admin.expire_session(&self.access_token()).await;
            }
            FaultKind::SessionRevoked => {
                admin.revoke_session(&self.access_token()).await;
            }
            FaultKind::SocketDropped => {
                admin.drop_sockets().await;
            }
            FaultKind::ClockForward => self.clock.jump(jump, true),
            FaultKind::ClockBack => self.clock.jump(jump, false),
            other => panic!("{other} does not apply to {}", self.operation),
        }
    }

    /// Lets connections reach the simulator again, if they were refused.
    async fn reconnect(&self) {
        if self.refusing.swap(false, Ordering::SeqCst) {
            self.bench
                .sim
                .accept_connections()
                .await
                .expect("the simulator listens again");
        }
    }

    /// The fault ends: connections go through, no fault is armed, a revoked session signs in
    /// again (as the agent would), and the client's clock moves past any rate-limit penalty or
    /// open breaker, as if the agent waited as told.
    pub async fn recover(&self) {
        self.reconnect().await;
        self.bench.admin.clear_faults().await;
        if self.kind == FaultKind::SessionRevoked {
            let jwt = Secret::new(self.bench.sim.credentials().jwt.clone());
            self.client
                .session()
                .sign_in_with_jwt(&jwt, false)
                .await
                .expect("signed in again");
        }
        let transport = self.client.transport();
        let breaker = match transport.breaker() {
            BreakerState::Open { retry_in_secs } => retry_in_secs,
            _ => 0,
        };
        let penalty = transport
            .budgets()
            .iter()
            .filter_map(|b| b.penalty_secs)
            .max()
            .unwrap_or(0);
        let pause = breaker.max(penalty);
        if pause > 0 {
            self.clock.skip(Duration::from_secs(pause + 1));
        }
    }
}

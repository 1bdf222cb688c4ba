//! The token-refresh row: RingCentral lets the session's access token expire, and three requests
//! need a fresh one at once. After the fault the session is signed in (a revoked one only after
//! signing in again), one refresh served all three when nothing failed, and no two token
//! requests were ever in flight together.

use futures_util::future::join_all;
use ringcentral_sim::SimConfig;
use ringdesk_core::api::extension::read_extension;
use ringdesk_core::api::ApiError;
use ringdesk_testkit::sim::TOKEN;

use crate::cell::Cell;
use crate::kinds::FaultKind;
use crate::operations::Operation;
use crate::outcome::Outcome;
use crate::runner::{play_row, Drill};

/// Requests that need the refresh at once.
const AT_ONCE: usize = 3;

/// Three requests on an expired access token.
pub struct Refresh;

impl Drill for Refresh {
    fn simulator(_: &mut SimConfig) {}

    async fn prepare(cell: &Cell) -> Self {
        let tokens = cell.client.session().tokens().expect("signed in");
        let expired = cell
            .bench
            .admin
            .expire_session(tokens.access_token.expose())
            .await;
        assert_eq!(expired, 1, "the cell's session, only");
        Self
    }

    async fn act(&mut self, cell: &Cell) -> Outcome {
        if cell.kind != FaultKind::TokenExpired {
            cell.inject().await;
        }
        // Polled together in this task: they start together and wait on one another in a
        // fixed way (the single refresh, the breaker), not as two worker threads happen to run.
        let client = cell.client.client();
        let requests = (0..AT_ONCE).map(|_| read_extension(&client));
        let failures: Vec<ApiError> = join_all(requests)
            .await
            .into_iter()
            .filter_map(Result::err)
            .collect();
        let signed_in = cell.client.session().tokens().is_some();
        assert_eq!(
            signed_in,
            cell.kind != FaultKind::SessionRevoked,
            "signed out only when the session was revoked"
        );
        let Some(first) = failures.first() else {
            return Outcome::Succeeds;
        };
        let class = first.recovery();
        for other in &failures {
            assert_eq!(
                other.recovery(),
                class,
                "the failed requests agree: {failures:?}"
            );
        }
        eprintln!(
            "  refresh × {}: {} of {AT_ONCE} failed: {first}",
            cell.kind,
            failures.len()
        );
        Outcome::Fails(class.into())
    }

    async fn settle(self, cell: &Cell, outcome: Outcome) {
        read_extension(&cell.client)
            .await
            .expect("signed in after the fault");
        assert!(cell.client.session().tokens().is_some(), "signed in");
        let log = cell.bench.admin.requests().await;
        let tokens: Vec<_> = log
            .iter()
            .skip(cell.log_mark)
            .filter(|r| r.method == "POST" && r.path == TOKEN)
            .collect();
        for pair in tokens.windows(2) {
            let end = pair[0].at + chrono::Duration::milliseconds(pair[0].duration_ms as i64);
            assert!(
                pair[1].at >= end,
                "two token requests in flight at once: {tokens:#?}"
            );
        }
        if matches!(outcome, Outcome::Succeeds | Outcome::WaitsThenSucceeds(_)) {
            let renewed = tokens.iter().filter(|r| r.status == 200).count();
            assert_eq!(
                renewed, 1,
                "one refresh for {AT_ONCE} requests: {tokens:#?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_refresh() {
    play_row::<Refresh>(Operation::Refresh).await;
}

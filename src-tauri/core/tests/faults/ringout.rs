//! The RingOut rows: placing a call, following it, cancelling it. Each cell calls a number of its
//! own, so the call log tells how many calls it placed: never two, and none when the agent was
//! told nothing happened.

use std::time::Duration;

use ringcentral_sim::{SimConfig, TimingMode};
use ringdesk_core::api::ClientOptions;
use ringdesk_core::calls::{place, plan_call, CallPhase, CallPlan, CallTarget, RingOutCall};
use ringdesk_testkit::fixtures::us;

use crate::cell::Cell;
use crate::kinds::{self, FaultKind};
use crate::operations::Operation;
use crate::outcome::{Class, Outcome};
use crate::runner::{play_row, Drill};

/// A phone of the agent's that never answers: its leg rings for 30 s (realistic timing), long
/// enough to cancel.
const NEVER_ANSWERS: &str = "+16505550160";

/// The number a cell calls: `+1 212 555 01NN`, NN from the fault kind (clear of the magic
/// numbers 0150–0179).
fn callee(kind: FaultKind) -> String {
    let index = kinds::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    format!("+1212555{:04}", 120 + index)
}

async fn plan(cell: &Cell, ring_me_at: Option<&str>) -> CallPlan {
    let target = CallTarget {
        number: callee(cell.kind),
        ring_me_at: ring_me_at.map(str::to_owned),
        caller_id: None,
        country: us(),
    };
    plan_call(&cell.client, &target).await.expect("planned")
}

/// How a followed call ended, as an outcome.
async fn followed(call: &RingOutCall) -> Outcome {
    let last = tokio::time::timeout(Duration::from_secs(30), call.finished())
        .await
        .expect("every call ends");
    match last.phase {
        CallPhase::Finished => Outcome::Succeeds,
        CallPhase::Unknown => Outcome::Untracked,
        CallPhase::Cancelled => Outcome::Unexpected("cancelled"),
        _ => Outcome::Unexpected("the call failed"),
    }
}

/// Checks the calls placed to the cell's number once all have ended: one when the operation
/// succeeded, at most one when the agent was told to check, none when told nothing happened.
async fn placed(cell: &Cell, outcome: Outcome) {
    cell.bench.calls_ended().await;
    let calls = cell.bench.calls_to(&callee(cell.kind), cell.started).await;
    let allowed = match outcome {
        Outcome::Fails(Class::Reconcile) => 0..=1,
        Outcome::Fails(_) => 0..=0,
        _ => 1..=1,
    };
    assert!(
        allowed.contains(&calls),
        "{calls} calls placed when the agent saw {outcome}"
    );
}

/// Placing a call.
pub struct Create {
    plan: CallPlan,
}

impl Drill for Create {
    fn simulator(_: &mut SimConfig) {}

    async fn prepare(cell: &Cell) -> Self {
        Self {
            plan: plan(cell, None).await,
        }
    }

    async fn act(&mut self, cell: &Cell) -> Outcome {
        cell.inject().await;
        match place(&cell.client, &self.plan).await {
            Ok(call) => followed(&call).await,
            Err(error) => Outcome::Fails(error.recovery().into()),
        }
    }

    async fn settle(self, cell: &Cell, outcome: Outcome) {
        placed(cell, outcome).await;
    }
}

/// Following a call: the fault strikes its status polls.
pub struct Poll {
    plan: CallPlan,
}

impl Drill for Poll {
    fn simulator(_: &mut SimConfig) {}

    async fn prepare(cell: &Cell) -> Self {
        Self {
            plan: plan(cell, None).await,
        }
    }

    async fn act(&mut self, cell: &Cell) -> Outcome {
        // A request fault is armed for the polls only (GET), before the call is placed; the
        // others must let the call be placed first.
        let target = cell.operation.target();
        let requests = cell
            .kind
            .request_fault(target.method, &target.path, None)
            .is_some();
        if requests {
            cell.inject().await;
        }
        let call = place(&cell.client, &self.plan).await.expect("placed");
        if !requests {
            cell.inject().await;
        }
        followed(&call).await
    }

    async fn settle(self, cell: &Cell, outcome: Outcome) {
        placed(cell, outcome).await;
    }
}

/// Cancelling a call while the agent's phone rings.
pub struct Cancel {
    call: RingOutCall,
}

impl Drill for Cancel {
    fn simulator(config: &mut SimConfig) {
        config.timing = TimingMode::Realistic;
    }

    /// The call's status polls stay quiet while the agent cancels (the first comes 9 s after
    /// the call is placed), so the cancel alone meets the fault: failed polls would add to the
    /// breaker's count and decide the outcome by their timing.
    fn client(options: &mut ClientOptions) {
        options.ringout_poll = Duration::from_secs(9);
    }

    async fn prepare(cell: &Cell) -> Self {
        let plan = plan(cell, Some(NEVER_ANSWERS)).await;
        let call = place(&cell.client, &plan).await.expect("placed");
        assert!(call.latest().phase.is_cancellable(), "{:?}", call.latest());
        Self { call }
    }

    async fn act(&mut self, cell: &Cell) -> Outcome {
        cell.inject().await;
        match self.call.cancel().await {
            Ok(()) => Outcome::Succeeds,
            Err(error) => Outcome::Fails(error.recovery().into()),
        }
    }

    async fn settle(self, cell: &Cell, outcome: Outcome) {
        if let Outcome::Fails(_) = outcome {
            self.call
                .cancel()
                .await
                .expect("the agent cancels again, and it works");
        }
        let last = tokio::time::timeout(Duration::from_secs(10), self.call.finished())
            .await
            .expect("a cancelled call ends");
        assert_eq!(last.phase, CallPhase::Cancelled, "{last:?}");
        placed(cell, Outcome::Succeeds).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ringout_create() {
    play_row::<Create>(Operation::RingOutCreate).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ringout_status() {
    play_row::<Poll>(Operation::RingOutPoll).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ringout_cancel() {
    play_row::<Cancel>(Operation::RingOutCancel).await;
}

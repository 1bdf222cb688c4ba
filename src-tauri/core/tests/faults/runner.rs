//! Playing one operation's row: every fault kind in turn, each cell on a fresh client against
//! the test's one simulator. A cell prepares the operation, acts under the fault (the outcome),
//! recovers, and settles — the recovery step and the invariants. Every cell is played, and the
//! test fails at the end with a report of each one that differed from the table, panicked or
//! hung, and of any panic outside the tests.

use std::any::Any;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use ringcentral_sim::SimConfig;
use ringdesk_core::api::ClientOptions;

use crate::bench::Bench;
use crate::cell::Cell;
use crate::kinds;
use crate::operations::Operation;
use crate::outcome::Outcome;
use crate::{panics, table};

/// How long one cell may take, all steps together.
const CELL_LIMIT: Duration = Duration::from_secs(90);

/// An operation, played under a fault.
pub trait Drill: Sized + Send + 'static {
    /// The simulator this operation's test runs against (applied to a fast one).
    fn simulator(config: &mut SimConfig);

    /// The cell's client options, as the operation needs them (applied to [`Cell::new`]'s).
    fn client(_options: &mut ClientOptions) {}

    /// Sets the operation up for `cell`, before anything goes wrong.
    fn prepare(cell: &Cell) -> impl Future<Output = Self> + Send;

    /// Makes the fault happen at the operation's moment ([`Cell::inject`]) and runs the
    /// operation: what the agent sees.
    fn act(&mut self, cell: &Cell) -> impl Future<Output = Outcome> + Send;

    /// After [`Cell::recover`]: the step that completes the operation, then the invariants —
    /// nothing lost, nothing doubled (panics when one does not hold).
    fn settle(self, cell: &Cell, outcome: Outcome) -> impl Future<Output = ()> + Send;
}

/// When a cell's act began and ended (real time, the simulator's).
type Act = (DateTime<Utc>, DateTime<Utc>);

/// Plays every cell of `operation`'s row with drill `D`; panics with the report unless every
/// cell came out as the table says.
pub async fn play_row<D: Drill>(operation: Operation) {
    panics::watch();
    let bench = Arc::new(Bench::start(D::simulator).await);
    let mut report = Vec::new();
    let mut wrong = Vec::new();
    for kind in kinds::ALL {
        let expected = table::expected(operation, kind).expect("the table is complete");
        if expected == Outcome::NotApplicable {
            report.push(format!("  {kind:<28} n/a"));
            continue;
        }
        let started = Instant::now();
        let cell = Cell::new(bench.clone(), operation, kind, D::client).await;
        let played = tokio::time::timeout(CELL_LIMIT, tokio::spawn(play::<D>(cell))).await;
        let hits = match &played {
            Ok(Ok((_, act))) => target_hits(&bench, operation, *act).await.to_string(),
            _ => "?".into(),
        };
        let line = |observed: &str| {
            format!(
                "  {kind:<28} {observed:<36} ({hits} to target, {:.1} s)",
                started.elapsed().as_secs_f64()
            )
        };
        match played {
            Ok(Ok((observed, _))) if observed == expected => {
                report.push(line(&observed.to_string()))
            }
            Ok(Ok((observed, _))) => {
                report.push(line(&format!("{observed}  <-- table: {expected}")));
                wrong.push(format!("{operation} × {kind}: {observed}, not {expected}"));
            }
            Ok(Err(failed)) => {
                let why = panic_text(failed.into_panic());
                report.push(line(&format!("PANICKED: {why}")));
                wrong.push(format!("{operation} × {kind} panicked: {why}"));
            }
            Err(_) => {
                report.push(line("HUNG"));
                wrong.push(format!("{operation} × {kind} took over {CELL_LIMIT:?}"));
            }
        }
        // A hung cell's fault must not outlive it.
        bench.admin.clear_faults().await;
    }
    println!("{operation}:\n{}", report.join("\n"));
    let panicked = panics::outside_tests();
    assert!(
        panicked.is_empty(),
        "ringdesk (or a dependency) panicked: {panicked:#?}"
    );
    assert!(
        wrong.is_empty(),
        "{operation}: cells unlike the table:\n{}\n\n{}",
        wrong.join("\n"),
        report.join("\n")
    );
}

/// One cell: prepare, act, recover, settle. The outcome, and when the act ran.
async fn play<D: Drill>(cell: Cell) -> (Outcome, Act) {
    let mut drill = D::prepare(&cell).await;
    let waited_before = cell.clock.waited();
    let began = Utc::now();
    let outcome = drill.act(&cell).await;
    let act = (began, Utc::now());
    let waited = (cell.clock.waited() - waited_before).as_secs();
    let outcome = match outcome {
        Outcome::Succeeds if waited > 0 => Outcome::WaitsThenSucceeds(waited),
        other => other,
    };
    cell.recover().await;
    drill.settle(&cell, outcome).await;
    (outcome, act)
}

/// How many requests to the operation's target arrived while the act ran (an answer held back
/// past the cell is logged only when it goes out, so a stalled one may be missing).
async fn target_hits(bench: &Bench, operation: Operation, (began, ended): Act) -> usize {
    let target = operation.target();
    let margin = chrono::Duration::milliseconds(1);
    let (from, to) = (began - margin, ended + margin);
    bench
        .admin
        .requests()
        .await
        .iter()
        .filter(|r| r.at >= from && r.at <= to)
        .filter(|r| r.method == target.method && r.path.starts_with(&target.path))
        .count()
}

fn panic_text(panic: Box<dyn Any + Send>) -> String {
    match panic.downcast::<String>() {
        Ok(text) => *text,
        Err(panic) => panic
            .downcast::<&str>()
            .map(|text| text.to_string())
            .unwrap_or_else(|_| "a panic without a message".into()),
    }
}

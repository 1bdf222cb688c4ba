//! The fault matrix (issue #13): every fault kind against every operation, against the simulator
//! over real HTTP and WebSocket, each cell asserting the outcome its table entry defines — and,
//! whatever the outcome, that nothing was lost or done twice once the fault was over, and that
//! nothing panicked.
//!
//! - [`kinds`]: the fault kinds, as data; [`operations`]: the operations and the request of each
//!   that a request fault strikes; [`outcome`]: the defined outcomes; [`table`]: the expected
//!   outcome of every (operation, fault kind) pair, "n/a" included.
//! - [`runner`]: one test per operation plays its row, cell after cell, each on a fresh client
//!   ([`cell`]) against the test's one simulator ([`bench`]); the client's clock is [`warp`]ed
//!   so long waits pass at once; [`panics`] catches a panic anywhere in ringdesk.
//! - The drills, with their tests: [`ringout`], [`sms`], [`sync`], [`subscription`],
//!   [`refresh`].
//!
//! Run it with `cargo test -p ringdesk-core --test faults -- --nocapture` to see every row as
//! played (outcome, requests the target saw, seconds).

mod bench;
mod cell;
mod kinds;
mod operations;
mod outcome;
mod panics;
mod refresh;
mod ringout;
mod runner;
mod sms;
mod subscription;
mod sync;
mod table;
mod warp;

#[test]
fn the_table_has_one_entry_for_every_operation_and_fault_kind() {
    let mut missing = Vec::new();
    for operation in operations::ALL {
        let rows = table::TABLE.iter().filter(|(o, _)| *o == operation).count();
        assert_eq!(rows, 1, "{operation} has {rows} rows");
        for kind in kinds::ALL {
            let entries = table::TABLE
                .iter()
                .filter(|(o, _)| *o == operation)
                .flat_map(|(_, cells)| cells.iter())
                .filter(|(k, _)| *k == kind)
                .count();
            if entries != 1 {
                missing.push(format!("{operation} × {kind}: {entries} entries"));
            }
        }
    }
    assert_eq!(table::TABLE.len(), operations::ALL.len(), "no other rows");
    assert!(missing.is_empty(), "{missing:#?}");
}

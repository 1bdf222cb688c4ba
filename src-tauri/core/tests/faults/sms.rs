//! The SMS row: a text written and sent through the outbox as both faces send it; after the
//! fault, a flush once the grace has passed settles it, and a clean flush finds nothing left.
//! The message store then holds the text exactly once, under the id the outbox recorded.

use std::time::Duration;

use ringcentral_sim::SimConfig;
use ringdesk_core::sms::{flush_outbox, send_through_outbox, OutboxReport, RECONCILE_GRACE_SECS};
use ringdesk_core::store::{OutboxState, Store};
use ringdesk_core::sync::RingCentral;
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::sim::CUSTOMER;

use crate::cell::Cell;
use crate::operations::Operation;
use crate::outcome::Outcome;
use crate::runner::{play_row, Drill};

/// The agent's SMS-capable number.
const FROM: &str = "+16505550101";

/// A text through the outbox.
pub struct Send {
    store: Store,
    upstream: RingCentral,
    text: String,
    item: Option<i64>,
}

impl Drill for Send {
    fn simulator(config: &mut SimConfig) {
        config.messages = 10;
    }

    async fn prepare(cell: &Cell) -> Self {
        Self {
            store: Store::open(&cell.cache(), us()).expect("the cache opens"),
            upstream: RingCentral::new(cell.client.client()),
            text: format!("fault matrix: {}", cell.kind),
            item: None,
        }
    }

    async fn act(&mut self, cell: &Cell) -> Outcome {
        cell.inject().await;
        let clock = cell.clock.as_ref();
        let sent = send_through_outbox(
            &mut self.store,
            &self.upstream,
            CUSTOMER,
            FROM,
            &self.text,
            clock,
        )
        .await;
        match sent {
            Ok(item) => {
                self.item = Some(item.id);
                match item.state {
                    OutboxState::Sent => Outcome::Succeeds,
                    OutboxState::Pending => Outcome::Queued,
                    OutboxState::Unknown => Outcome::UnknownThenReconciled,
                    OutboxState::Sending => Outcome::Unexpected("still sending"),
                    _ => Outcome::Unexpected("failed for good"),
                }
            }
            Err(error) => Outcome::Fails(error.recovery().into()),
        }
    }

    async fn settle(mut self, cell: &Cell, outcome: Outcome) {
        // The grace passes: an unknown outcome may be looked up now.
        cell.clock
            .skip(Duration::from_secs(RECONCILE_GRACE_SECS as u64 + 1));
        let grace = chrono::Duration::seconds(RECONCILE_GRACE_SECS);
        let clock = cell.clock.as_ref();
        let settled = flush_outbox(&mut self.store, &self.upstream, clock, grace)
            .await
            .expect("the flush after the fault");
        if outcome == Outcome::UnknownThenReconciled {
            assert!(
                settled.reconciled + settled.sent == 1,
                "the unknown send was looked up and settled: {settled:?}"
            );
        }
        let clean = flush_outbox(&mut self.store, &self.upstream, clock, grace)
            .await
            .expect("a clean flush");
        assert_eq!(clean, OutboxReport::default(), "nothing is left to send");
        let items = self.store.outbox().expect("the outbox");
        assert_eq!(items.len(), 1, "one item: {items:?}");
        let item = &items[0];
        assert_eq!(item.state, OutboxState::Sent, "sent in the end: {item:?}");
        if let Some(id) = self.item {
            assert_eq!(item.id, id);
        }
        let id = item.message_id.expect("the message id is recorded");
        let copies = cell.bench.texts_saying(&self.text, cell.started).await;
        assert_eq!(
            copies,
            [id.to_string()],
            "RingCentral holds the text exactly once, as the message the outbox recorded"
        );
        let stored = self.store.has_messages(&[id]);
        assert!(
            stored.expect("the cache reads"),
            "the sent message is in the cache"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_through_the_outbox() {
    play_row::<Send>(Operation::SmsSend).await;
}

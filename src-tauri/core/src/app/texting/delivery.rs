//! Handing new texts to the desktop's notifier at least once. The realtime inbox claims each
//! inbound text in the cache's ledger exactly once; the claim is delivered to the notifier
//! through the desk's event stream, and the notifier's receipt is written back to the ledger.
//! A claim never delivered — a notifier that fell behind the stream, a crash between claim and
//! notification — is handed over again from the ledger: on start, on every sign-in and whenever
//! the stream reports it dropped events.

use std::collections::VecDeque;
use std::sync::Arc;

use chrono::Utc;
use tokio::sync::broadcast::error::RecvError;

use crate::realtime::{InboundSms, RealtimeOptions, Via};

use super::super::{Desk, DeskEvent, SignInState};
use super::NewText;

/// How many delivered message ids are remembered to avoid handing one over twice in a run.
const REMEMBERED: usize = 512;
/// How many waiting announcements are read from the ledger at a time.
const REDELIVER_BATCH: usize = 100;

impl Desk {
    /// Hands every text a customer sends to `take`, at least once, until the desk's event
    /// stream ends; each is marked delivered in the ledger once `take` returned. `take` decides
    /// what to do with it (show a notification, or nothing while the agent is not to be
    /// disturbed). Run it in its own task.
    pub async fn deliver_new_texts(self: Arc<Self>, mut take: impl FnMut(&NewText) + Send) {
        let mut events = self.subscribe();
        let mut delivered = VecDeque::with_capacity(REMEMBERED);
        self.redeliver(&mut take, &mut delivered);
        loop {
            match events.recv().await {
                Ok(DeskEvent::NewText(text)) => self.deliver(&text, &mut take, &mut delivered),
                Ok(DeskEvent::SignIn(view)) if view.state == SignInState::SignedIn => {
                    self.redeliver(&mut take, &mut delivered)
                }
                Ok(_) => {}
                Err(RecvError::Lagged(missed)) => {
                    tracing::warn!(missed, "events dropped: new texts are read from the ledger");
                    self.redeliver(&mut take, &mut delivered);
                }
                Err(RecvError::Closed) => return,
            }
        }
    }

    fn deliver(
        &self,
        text: &NewText,
        take: &mut impl FnMut(&NewText),
        delivered: &mut VecDeque<i64>,
    ) {
        if !delivered.contains(&text.message_id) {
            take(text);
            if delivered.len() == REMEMBERED {
                delivered.pop_front();
            }
            delivered.push_back(text.message_id);
        }
        let marked =
            self.with_cache(|store| Ok(store.mark_delivered(text.message_id, Utc::now())?));
        if let Err(error) = marked {
            tracing::warn!(%error, message_id = text.message_id, "could not record a delivery");
        }
    }

    /// Hands over what the ledger holds as claimed but not delivered (recent texts only).
    fn redeliver(&self, take: &mut impl FnMut(&NewText), delivered: &mut VecDeque<i64>) {
        let max_age = RealtimeOptions::default().announce_max_age;
        let cutoff = Utc::now()
            - chrono::Duration::from_std(max_age).unwrap_or_else(|_| chrono::Duration::days(1));
        let waiting =
            self.with_cache(|store| Ok(store.undelivered_announcements(cutoff, REDELIVER_BATCH)?));
        match waiting {
            Ok(waiting) => {
                for entry in waiting {
                    let text = NewText::of(&InboundSms::from_entry(entry, Via::Sync));
                    self.deliver(&text, take, delivered);
                }
            }
            Err(error) => tracing::warn!(%error, "could not read texts waiting to be announced"),
        }
    }
}

//! What the engine keeps serving whatever it is waiting for: the shell's commands (stop, nudge)
//! and the end of catch-up runs, whose new texts are announced at once.

use std::future::Future;

use tokio::sync::mpsc::UnboundedReceiver;

use super::catch_up::{CatchUp, CaughtUp};
use super::error::RealtimeError;
use super::event::RealtimeEvent;
use super::event::Via;
use super::inbox::Inbox;
use super::line::Line;
use crate::team::PostChange;

/// A command from the [`InboxWatch`](super::InboxWatch) handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Control {
    /// Stop for good.
    Stop,
    /// The network changed or the machine woke: reconnect and catch up now.
    Nudge,
}

/// How a wait ended.
#[derive(Debug)]
pub(crate) enum Step<T> {
    /// The work finished.
    Done(T),
    /// A nudge interrupted it.
    Nudged,
    /// Stop was asked (or the handle is gone).
    Stop,
}

/// The inbox, the catch-up runs and the command channel.
#[derive(Debug)]
pub(crate) struct Side {
    pub inbox: Inbox,
    pub catch_up: CatchUp,
    /// Live calls and presence.
    pub line: Line,
    control: UnboundedReceiver<Control>,
    /// The last catch-up's failure, `None` after a success (polling shows it as offline).
    pub sync_failure: Option<RealtimeError>,
}

impl Side {
    pub fn new(inbox: Inbox, catch_up: CatchUp, control: UnboundedReceiver<Control>) -> Self {
        Self {
            inbox,
            catch_up,
            line: Line::default(),
            control,
            sync_failure: None,
        }
    }

    /// Awaits `work` while serving commands and catch-ups. A nudge always asks for a catch-up,
    /// and interrupts `work` when `nudge_wakes`.
    pub async fn during<T>(&mut self, work: impl Future<Output = T>, nudge_wakes: bool) -> Step<T> {
        tokio::pin!(work);
        loop {
            tokio::select! {
                out = &mut work => return Step::Done(out),
                control = self.control.recv() => match control {
                    Some(Control::Nudge) => {
                        self.catch_up.gap();
                        if nudge_wakes {
                            return Step::Nudged;
                        }
                    }
                    Some(Control::Stop) | None => return Step::Stop,
                },
                result = self.catch_up.finished() => self.caught_up(result),
            }
        }
    }

    /// Announces what a catch-up brought.
    fn caught_up(&mut self, result: Result<CaughtUp, RealtimeError>) {
        match result {
            Ok(CaughtUp {
                report,
                presence,
                new_posts,
            }) => {
                self.sync_failure = None;
                if let Some((presence, read_at)) = presence {
                    if let Err(error) = self.line.reread(&mut self.inbox, &presence, read_at) {
                        tracing::warn!(%error, "live calls could not be updated");
                    }
                }
                if let Err(error) = self.inbox.announce(Via::Sync) {
                    tracing::warn!(%error, "announcing synced texts failed");
                }
                if report.is_some_and(|r| r.stored + r.removed > 0) {
                    self.inbox.changed();
                }
                // Posts the socket missed are told like the ones it brought: each once, as the
                // cache found it new.
                if let Some(new_posts) = new_posts {
                    let count = new_posts.len();
                    for post in new_posts {
                        self.inbox
                            .emit(RealtimeEvent::TeamPost(PostChange::Added { post }));
                    }
                    self.inbox
                        .emit(RealtimeEvent::TeamCaughtUp { new_posts: count });
                }
            }
            Err(error) => self.sync_failure = Some(error),
        }
    }
}

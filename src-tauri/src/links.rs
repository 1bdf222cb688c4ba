//! Links arriving from the desktop (command line, single instance, deep links) wait here until
//! the window says it is ready, so a link that starts ringdesk is never lost; then the desk acts
//! on each and the window is told what to show. A link is kept whole up to the core's one limit
//! ([`ringdesk_core::app::MAX_LINK_BYTES`]); a longer one waits as its length only and is
//! refused with a message in the window — never cut short.

use std::sync::{Arc, Mutex};

use ringdesk_core::app::{Desk, Handover, IncomingLink, LinkView};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::window;

/// Links received before the window was ready, and whether it is.
#[derive(Debug)]
pub struct PendingLinks {
    state: Mutex<Queue>,
}

#[derive(Debug, Default)]
struct Queue {
    ready: bool,
    links: Vec<(IncomingLink, Handover)>,
}

impl PendingLinks {
    /// A queue holding the link the process was started with, if any.
    pub fn new(first: Option<String>) -> Self {
        Self {
            state: Mutex::new(Queue {
                ready: false,
                links: first
                    .map(|link| (IncomingLink::new(link), Handover::default()))
                    .into_iter()
                    .collect(),
            }),
        }
    }

    /// Takes a link (with what the process that handed it over asked for): acts at once if the
    /// window is ready, else keeps it.
    pub fn push<R: Runtime>(&self, app: &AppHandle<R>, link: String, handover: Handover) {
        // The scheme only: a link can carry an OAuth code and state.
        tracing::info!(scheme = scheme(&link), bytes = link.len(), "link received");
        let link = IncomingLink::new(link);
        let Ok(mut queue) = self.state.lock() else {
            return;
        };
        if queue.ready {
            drop(queue);
            act(app, link, handover);
        } else {
            queue.links.push((link, handover));
        }
    }

    /// The window is ready: act on what waited, in order.
    pub fn ready<R: Runtime>(&self, app: &AppHandle<R>) {
        let waiting = match self.state.lock() {
            Ok(mut queue) => {
                queue.ready = true;
                std::mem::take(&mut queue.links)
            }
            Err(_) => return,
        };
        tracing::info!(waiting = waiting.len(), "the window takes links");
        for (link, handover) in waiting {
            act(app, link, handover);
        }
    }
}

/// The part of a link before `:`, if it is a plausible scheme, for logs.
fn scheme(link: &str) -> &str {
    match link.split_once(':') {
        Some((scheme, _))
            if scheme.len() <= 16 && scheme.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            scheme
        }
        _ => "?",
    }
}

/// What a link became, in a word, for logs.
pub fn outcome(view: &LinkView) -> &'static str {
    match view {
        LinkView::Call { dialed: true, .. } => "dialed",
        LinkView::Call { .. } => "prefilled",
        LinkView::Held { .. } => "held",
        LinkView::Sms { .. } => "draft",
        LinkView::SignedIn => "signed_in",
        LinkView::Error { .. } => "refused",
    }
}

fn act<R: Runtime>(app: &AppHandle<R>, link: IncomingLink, handover: Handover) {
    let Some(desk) = app.try_state::<Arc<Desk>>().map(|d| d.inner().clone()) else {
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let view = desk.open_incoming(link, &handover).await;
        tracing::info!(outcome = outcome(&view), "link acted on");
        present(&app, view);
    });
}

/// Brings the window forward and tells it what a link (or a picked number) became.
pub fn present<R: Runtime>(app: &AppHandle<R>, view: LinkView) {
    window::reveal(app);
    if let Err(error) = app.emit("link", view) {
        tracing::warn!(%error, "could not show a link in the window");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The links waiting for the window, as the desk will be handed them (an over-long one as
    /// its length).
    fn waiting(pending: &PendingLinks) -> Vec<String> {
        let queue = pending.state.lock().expect("queue");
        let shown = |link: &IncomingLink| match link {
            IncomingLink::Whole(link) => link.clone(),
            IncomingLink::TooLong { len } => format!("<{len} bytes>"),
        };
        queue.links.iter().map(|(link, _)| shown(link)).collect()
    }

    #[test]
    fn a_long_sms_draft_waits_whole() {
        // 3 000 characters: over the shell's old 2 048-character cut, under the core's limit.
        let link = format!("sms:+16505550123?body={}", "a".repeat(2978));
        assert!(link.len() > 2048 && link.len() <= ringdesk_core::phone::MAX_SMS_LINK_BYTES);
        let pending = PendingLinks::new(Some(link.clone()));
        let waiting = waiting(&pending);
        assert_eq!(
            waiting.iter().map(String::len).collect::<Vec<_>>(),
            [link.len()],
            "never truncated"
        );
        assert!(waiting[0] == link, "the very link");
    }

    #[test]
    fn a_link_over_the_core_limit_waits_as_its_length() {
        let link = format!("sms:+16505550123?body={}", "a".repeat(5000));
        let pending = PendingLinks::new(Some(link.clone()));
        assert_eq!(
            waiting(&pending),
            [format!("<{} bytes>", link.len())],
            "refused when acted on, not held or cut"
        );
    }
}

//! Links arriving from the desktop (command line, single instance, deep links) wait here until
//! the window says it is ready, so a link that starts ringdesk is never lost; then the desk acts
//! on each and the window is told what to show.

use std::sync::{Arc, Mutex};

use ringdesk_core::app::{Desk, Handover, LinkView};
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
    links: Vec<(String, Handover)>,
}

/// A link longer than this is refused before anything reads it.
const MAX_LINK_BYTES: usize = 2048;

impl PendingLinks {
    /// A queue holding the link the process was started with, if any.
    pub fn new(first: Option<String>) -> Self {
        Self {
            state: Mutex::new(Queue {
                ready: false,
                links: first
                    .map(|link| (cap(link), Handover::default()))
                    .into_iter()
                    .collect(),
            }),
        }
    }

    /// Takes a link (with what the process that handed it over asked for): acts at once if the
    /// window is ready, else keeps it.
    pub fn push<R: Runtime>(&self, app: &AppHandle<R>, link: String, handover: Handover) {
        let link = cap(link);
        // The scheme only: a link can carry an OAuth code and state.
        tracing::info!(scheme = scheme(&link), "link received");
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

/// Cuts an absurdly long link down (the parser refuses it with a clear message) so a hostile
/// argument cannot make ringdesk hold megabytes.
fn cap(link: String) -> String {
    if link.len() > MAX_LINK_BYTES {
        link.chars().take(MAX_LINK_BYTES).collect()
    } else {
        link
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

fn act<R: Runtime>(app: &AppHandle<R>, link: String, handover: Handover) {
    let Some(desk) = app.try_state::<Arc<Desk>>().map(|d| d.inner().clone()) else {
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let view = desk.open_handed_link(&link, &handover).await;
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

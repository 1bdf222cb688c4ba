//! Links the desktop hands to ringdesk: `tel:` / `callto:` (prefill the dial view, or call at
//! once when the agent chose that), `sms:` (a draft, never sent by itself), and the OAuth
//! redirect `ringdesk://oauth/callback`. Every link is untrusted: a bad one says why and does
//! nothing else. One limit, in bytes, holds for every face ([`MAX_LINK_BYTES`]).

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::config::LinkAction;
use crate::phone::{self, Link, NormalizedNumber};

use super::{CallRequest, Desk, DeskError, Error};

/// How long a link that needs the session waits for ringdesk to finish connecting.
const START_PATIENCE: Duration = Duration::from_secs(30);

/// The OAuth redirect's prefix.
pub const OAUTH_CALLBACK: &str = "ringdesk://oauth/callback";

/// The longest link ringdesk reads, in bytes: an `sms:` link with a prefilled text
/// ([`phone::MAX_SMS_LINK_BYTES`]). `tel:` and `callto:` links are held to
/// [`phone::MAX_INPUT_BYTES`] when they are read.
pub const MAX_LINK_BYTES: usize = phone::MAX_SMS_LINK_BYTES;

/// A link as the desktop handed it, before anything reads it: whole, or — when it is longer
/// than [`MAX_LINK_BYTES`] — only its length, so that a hostile argument cannot make ringdesk
/// hold megabytes while it waits for the window. A link is never cut short: a shortened `sms:`
/// draft would be a different text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncomingLink {
    /// The link, at most [`MAX_LINK_BYTES`].
    Whole(String),
    /// A longer link, refused when opened.
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
}

impl IncomingLink {
    /// Keeps `raw`, or only its length when it is over [`MAX_LINK_BYTES`].
    pub fn new(raw: String) -> Self {
        if raw.len() > MAX_LINK_BYTES {
            Self::TooLong { len: raw.len() }
        } else {
            Self::Whole(raw)
        }
    }
}

/// What the window does with a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkView {
    /// Show this number in the dial view (the desk has already dialed it when `dialed`).
    Call {
        /// E.164 (with `;ext=` dropped: the extension is shown by the preview).
        number: String,
        /// The desk placed the call (the agent chose "call at once").
        dialed: bool,
    },
    /// Open the conversation with this number, the composer prefilled with `body`.
    Sms {
        /// E.164.
        number: String,
        /// The prefilled text.
        body: Option<String>,
    },
    /// Show this number in the dial view, not dialed although the agent chose "call at once":
    /// it is not an ordinary number of their country, or links came too fast. The agent
    /// presses Call.
    Held {
        /// E.164.
        number: String,
        /// Why it was not dialed at once.
        reason: String,
    },
    /// A browser sign-in completed.
    SignedIn,
    /// The link was refused: why, and what to do.
    Error {
        /// What is wrong.
        message: String,
        /// What to do.
        hint: String,
    },
}

impl LinkView {
    fn refused(error: &Error) -> Self {
        Self::Error {
            message: error.to_string(),
            hint: error.hint(),
        }
    }
}

/// What a second `ringdesk` asked for besides its link: the `--profile` it named (on its
/// command line or in `RINGDESK_PROFILE`) and `--demo`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Handover {
    /// The profile named, if any.
    pub profile: Option<String>,
    /// `--demo` was given.
    pub demo: bool,
}

/// The most selected text searched for a number (bytes): a page's worth.
const MOST_SELECTION_BYTES: usize = 64 * 1024;

impl Desk {
    /// Acts on a link the desktop handed over (see [`IncomingLink`]), with what the process
    /// that handed it over asked for: refused (and said why) when it asked for another
    /// profile, or for demo mode while a real account runs — never silently applied to the
    /// running one; a link over the limit is refused with its length and the limit, like any
    /// other bad link.
    pub async fn open_incoming(
        self: &Arc<Self>,
        link: IncomingLink,
        handover: &Handover,
    ) -> LinkView {
        let running = self.profile();
        if let Some(asked) = handover.profile.as_ref().filter(|p| **p != running.name) {
            let error = DeskError::OtherProfile {
                asked: asked.clone(),
                running: running.name,
            };
            return LinkView::refused(&error.into());
        }
        if handover.demo && running.mode != crate::config::Mode::Demo {
            return LinkView::refused(&DeskError::NotDemo.into());
        }
        match link {
            IncomingLink::Whole(raw) => self.open_link(&raw).await,
            IncomingLink::TooLong { len } => {
                LinkView::refused(&Error::Phone(phone::PhoneError::TooLong {
                    len,
                    max: MAX_LINK_BYTES,
                }))
            }
        }
    }

    /// Acts on a link from the desktop and says what the window should show.
    pub async fn open_link(self: &Arc<Self>, raw: &str) -> LinkView {
        if raw
            .trim_start()
            .to_ascii_lowercase()
            .starts_with(OAUTH_CALLBACK)
        {
            // The stored session (if any) is read first, so this sign-in is not undone by it.
            self.settled(START_PATIENCE).await;
            return match self.complete_browser_sign_in(raw.trim()).await {
                Ok(_) => LinkView::SignedIn,
                Err(error) => LinkView::refused(&error),
            };
        }
        match phone::parse_link(raw) {
            Ok(Link::Call(target)) => match phone::normalize(&target, self.home()) {
                Ok(number) => self.call_link(&number, raw).await,
                Err(error) => LinkView::refused(&error.into()),
            },
            Ok(Link::Sms { recipients, body }) => {
                let first = recipients.first().map(|t| phone::normalize(t, self.home()));
                match first {
                    Some(Ok(number)) => LinkView::Sms {
                        number: number.e164().to_string(),
                        body,
                    },
                    Some(Err(error)) => LinkView::refused(&error.into()),
                    None => LinkView::refused(&Error::Phone(phone::PhoneError::Empty)),
                }
            }
            Err(error) => LinkView::refused(&error.into()),
        }
    }

    /// Acts on a number the agent picked outside the window (the tray's "Dial clipboard
    /// number", the dial-from-anywhere shortcut's selection): like a `tel:` link — shown in the
    /// dial view, or dialed at once when the agent chose that. Text that is not a number as a
    /// whole is searched for its first one (a selected signature, a line of a page); text that
    /// holds none says why and does nothing else.
    pub async fn open_number(self: &Arc<Self>, text: &str) -> LinkView {
        if text.len() > MOST_SELECTION_BYTES {
            return LinkView::refused(&Error::Phone(phone::PhoneError::TooLong {
                len: text.len(),
                max: MOST_SELECTION_BYTES,
            }));
        }
        let target = match phone::parse_input(text) {
            Ok(target) => target,
            Err(error) => match phone::find_numbers(text).into_iter().next() {
                Some(found) => found.target,
                None => return LinkView::refused(&error.into()),
            },
        };
        match phone::normalize(&target, self.home()) {
            Ok(number) => self.call_link(&number, text).await,
            Err(error) => LinkView::refused(&error.into()),
        }
    }

    async fn call_link(self: &Arc<Self>, normalized: &NormalizedNumber, raw: &str) -> LinkView {
        let number = normalized.e164();
        let action = match self.link_action_in_force() {
            Ok(action) => action,
            Err(error) => return LinkView::refused(&error),
        };
        if action == LinkAction::Prefill {
            return LinkView::Call {
                number: number.to_string(),
                dialed: false,
            };
        }
        let held = match self.dial_guard.lock() {
            Ok(mut guard) => guard.hold(normalized, self.home(), Instant::now()),
            Err(_) => Some("ringdesk could not check this link: press Call to dial it.".into()),
        };
        if let Some(reason) = held {
            tracing::info!(link = raw.len(), "link held for the agent to confirm");
            return LinkView::Held {
                number: number.to_string(),
                reason,
            };
        }
        // A link that started ringdesk dials once the session is there.
        self.settled(START_PATIENCE).await;
        match self.place_call(&CallRequest::to(number)).await {
            Ok(_) => LinkView::Call {
                number: number.to_string(),
                dialed: true,
            },
            // A link fired twice, or a call already on: show the number, start nothing.
            Err(Error::Desk(DeskError::RepeatedDial | DeskError::CallInProgress)) => {
                tracing::info!(link = raw.len(), "repeated link ignored");
                LinkView::Call {
                    number: number.to_string(),
                    dialed: false,
                }
            }
            Err(error) => LinkView::refused(&error),
        }
    }
}

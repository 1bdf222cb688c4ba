//! What a desktop notification says about a call: an incoming call ("Incoming call — Ana
//! Silva, Acme Corp", or the number and its country when nobody knows it) and a missed one,
//! with the number and contact a click opens. The window's banner shows the same words.

use serde::Serialize;

use super::{Desk, DeskEvent};
use crate::live_calls::{LiveCall, LiveChange};

/// Why a call is worth a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// A customer calls: who it is, while the phone rings.
    Incoming,
    /// Nobody answered.
    Missed,
}

/// One call notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallAlert {
    /// Incoming or missed.
    pub kind: AlertKind,
    /// "Incoming call" or "Missed call".
    pub title: String,
    /// The contact and company, else the caller-ID name and number, else the number and its
    /// country.
    pub body: String,
    /// The caller's number (E.164 when it could be read): what *Call back* and *Text* use.
    pub number: String,
    /// The contact a click opens; `None`: a click offers a new contact.
    pub contact_id: Option<i64>,
    /// RingCentral's session id (one notification per call and kind).
    pub session_id: String,
}

/// Missed calls since History was last opened: the tray and the History button show it.
#[derive(Debug, Default)]
pub(crate) struct MissedCount(std::sync::atomic::AtomicU64);

impl Desk {
    /// Counts a missed call and tells the window and the tray.
    pub(crate) fn count_missed(&self) {
        let count = self
            .missed
            .0
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            .saturating_add(1);
        self.emit(DeskEvent::MissedCalls(count));
    }

    /// History was opened: the missed calls are seen.
    pub fn history_seen(&self) {
        self.missed.0.store(0, std::sync::atomic::Ordering::SeqCst);
        self.emit(DeskEvent::MissedCalls(0));
    }

    /// Missed calls since History was last opened.
    pub fn missed_unseen(&self) -> u64 {
        self.missed.0.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// The notification a live-call change deserves: an inbound call that rings, or one that
    /// ended unanswered. The agent's own RingOut and answered calls get none.
    pub fn call_alert(&self, change: &LiveChange) -> Option<CallAlert> {
        let (kind, call) = match change {
            LiveChange::Ringing { call } if call.inbound && !call.ring_out => {
                (AlertKind::Incoming, call)
            }
            LiveChange::Ended { call, missed: true } => (AlertKind::Missed, call),
            _ => return None,
        };
        let (number, contact_id, body) = self.who(call);
        Some(CallAlert {
            kind,
            title: match kind {
                AlertKind::Incoming => "Incoming call".into(),
                AlertKind::Missed => "Missed call".into(),
            },
            body,
            number,
            contact_id,
            session_id: call.session_id.clone(),
        })
    }

    /// The caller's number, contact and words.
    fn who(&self, call: &LiveCall) -> (String, Option<i64>, String) {
        let preview = self.number_preview(&call.number);
        let number = preview.e164.clone().unwrap_or_else(|| call.number.clone());
        let shown = preview
            .display
            .clone()
            .unwrap_or_else(|| call.number.clone());
        if let Some(contact) = &preview.contact {
            let company = self
                .with_cache(|store| Ok(store.contact_entry(contact.id)?.company))
                .unwrap_or_default();
            let body = match company.trim() {
                "" => contact.name.clone(),
                company => format!("{}, {company}", contact.name),
            };
            return (number, Some(contact.id), body);
        }
        let body = match (&call.name, &preview.country_name) {
            (Some(name), _) => format!("{name} · {shown}"),
            (None, Some(country)) => format!("{shown} · {country}"),
            (None, None) if call.number.is_empty() => "Unknown caller".into(),
            (None, None) => shown,
        };
        (number, None, body)
    }
}

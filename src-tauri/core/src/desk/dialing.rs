//! Dialing: the live preview of a typed number, suggestions, the "ring me at" and caller-ID
//! pickers, and one RingOut at a time — followed to its end, told to the window as it goes.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::api::phone_numbers::{list_forwarding_numbers, list_phone_numbers};
use crate::calls::{self, CallPhase, CallTarget, RingOutCall};
use crate::error::Error;
use crate::phone::{self, Country, DisplayFormat, NormalizedNumber};

use super::call_words::{call_words, phone_noun, CallWords};
use super::{
    CallOptions, Choice, ContactRef, Desk, DeskError, DeskEvent, NumberPreview, Suggestion,
};

/// The same number dialed again within this window is a repeat (a link fired twice).
pub const REDIAL_GUARD: Duration = Duration::from_secs(5);

/// Who the agent is calling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyView {
    /// The matched contact's name.
    pub name: Option<String>,
    /// The number, formatted.
    pub display: String,
    /// E.164.
    pub e164: String,
}

/// The live call, as the call bar shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallView {
    /// RingOut id.
    pub id: String,
    /// The customer.
    pub party: PartyView,
    /// `ringing_you`, `ringing_them`, `connected`, `finished`, `failed`, `cancelled`.
    pub phase: String,
    /// Both legs in words.
    pub words: CallWords,
    /// Cancel is still possible.
    pub cancellable: bool,
    /// Nothing more will happen.
    #[serde(rename = "final")]
    pub done: bool,
    /// It connected.
    pub success: bool,
    /// When the agent pressed Call (ms since the epoch).
    pub started_at: u64,
    /// When both legs connected.
    pub connected_at: Option<u64>,
    /// When it became final.
    pub ended_at: Option<u64>,
}

/// The call the desk follows.
pub(crate) struct ActiveCall {
    call: Arc<RingOutCall>,
    view: CallView,
    party: PartyView,
    phone: String,
    placed: Instant,
}

impl Desk {
    /// What `text` would dial: normalised, formatted, its country and matched contact, or why
    /// it cannot be dialed. Pure reading: nothing is sent.
    pub async fn preview_number(&self, text: &str) -> NumberPreview {
        let country = self.home();
        match phone::parse_input(text).and_then(|t| phone::normalize(&t, country)) {
            Ok(number) => {
                let contact = self.contact_for(&number);
                NumberPreview::of(text, &number, country, contact)
            }
            Err(error) => NumberPreview::refused(text, &error),
        }
    }

    /// Contacts and recent numbers matching what the agent is typing (at most `limit`).
    pub fn suggest(&self, text: &str, limit: usize) -> Result<Vec<Suggestion>, Error> {
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        self.with_cache(|store| {
            let found = store.search(text, limit)?;
            let mut out: Vec<Suggestion> = Vec::new();
            for contact in &found.contacts {
                for number in contact.numbers.iter().filter(|n| n.key.starts_with('+')) {
                    out.push(Suggestion {
                        name: Some(contact.display_name()),
                        display: format_key(&number.key),
                        dial: number.key.clone(),
                        detail: Some(if contact.company.is_empty() {
                            number.label.clone()
                        } else {
                            contact.company.clone()
                        }),
                    });
                }
            }
            for call in &found.calls {
                let Some(key) = call.peer.key.clone().filter(|k| k.starts_with('+')) else {
                    continue;
                };
                if out.iter().any(|s| s.dial == key) {
                    continue;
                }
                out.push(Suggestion {
                    name: (!call.peer.name.is_empty())
                        .then(|| call.peer.display_name().to_string()),
                    display: format_key(&key),
                    dial: key,
                    detail: Some("recent".into()),
                });
            }
            out.truncate(limit);
            Ok(out)
        })
    }

    /// The agent's phones ("ring me at") and the numbers that may be shown as caller ID.
    pub async fn call_options(&self) -> Result<CallOptions, Error> {
        let live = self.live().await?;
        let client = live.connection.client();
        let forwarding = list_forwarding_numbers(client).await?;
        let numbers = list_phone_numbers(client).await?;
        let settings = self.profile().settings;
        Ok(CallOptions {
            ring_me_at: forwarding
                .iter()
                .map(|f| Choice {
                    value: f.id.clone(),
                    label: format!(
                        "{} · {}",
                        phone_noun(f.label.as_deref(), f.kind.as_deref()),
                        format_key(&f.phone_number)
                    ),
                })
                .collect(),
            caller_ids: numbers
                .iter()
                .filter(|n| n.has("CallerId"))
                .map(|n| Choice {
                    value: n.phone_number.clone(),
                    label: format!(
                        "{} · {}",
                        format_key(&n.phone_number),
                        n.label.clone().unwrap_or_else(|| "company number".into())
                    ),
                })
                .collect(),
            selected_ring_me_at: settings
                .ring_me_at
                .or_else(|| forwarding.first().map(|f| f.id.clone())),
            selected_caller_id: settings.caller_id,
        })
    }

    /// Places a RingOut to `text` with the remembered "ring me at" and caller ID, and follows it;
    /// refuses a second call while one is being set up, and a repeat of the same number.
    pub async fn place_call(self: &Arc<Self>, text: &str) -> Result<CallView, Error> {
        let placed = self.place(text).await;
        self.reported(placed)
    }

    async fn place(self: &Arc<Self>, text: &str) -> Result<CallView, Error> {
        let live = self.live().await?;
        let mut slot = self.call.lock().await;
        let to = phone::normalize(&phone::parse_input(text)?, live.country)?;
        if let Some(active) = slot.as_ref() {
            if !active.view.done {
                return Err(DeskError::CallInProgress.into());
            }
            if active.party.e164 == to.e164() && active.placed.elapsed() < REDIAL_GUARD {
                return Err(DeskError::RepeatedDial.into());
            }
        }
        let settings = self.profile().settings;
        let target = CallTarget {
            number: to.e164().to_string(),
            ring_me_at: settings.ring_me_at.clone(),
            caller_id: settings.caller_id.clone(),
            country: live.country,
        };
        let client = live.connection.client();
        let plan = calls::plan_call(client, &target).await?;
        let phone = self.ring_me_at_noun(&plan.ring_me_at).await;
        let party = PartyView {
            name: self.contact_for(&to).map(|c| c.name),
            display: display(&to, live.country),
            e164: to.e164().to_string(),
        };
        let call = Arc::new(calls::place(client, &plan).await?);
        let started_at = now_ms();
        let view = view_of(
            &call.latest().phase,
            call.id(),
            &party,
            &phone,
            started_at,
            None,
        );
        *slot = Some(ActiveCall {
            call: call.clone(),
            view: view.clone(),
            party: party.clone(),
            phone: phone.clone(),
            placed: Instant::now(),
        });
        drop(slot);
        self.emit(DeskEvent::Call(view.clone()));
        tokio::spawn(follow(self.clone(), call, party, phone, started_at));
        Ok(view)
    }

    /// Cancels the live call while it is still ringing.
    pub async fn cancel_call(&self, id: &str) -> Result<CallView, Error> {
        let call = {
            let slot = self.call.lock().await;
            match slot.as_ref() {
                Some(active) if active.call.id() == id && !active.view.done => active.call.clone(),
                _ => return Err(DeskError::NoSuchCall.into()),
            }
        };
        call.cancel().await?;
        let finished = call.finished().await;
        let mut slot = self.call.lock().await;
        let Some(active) = slot.as_mut().filter(|a| a.call.id() == id) else {
            return Err(DeskError::NoSuchCall.into());
        };
        if !active.view.done {
            let view = &active.view;
            active.view = view_of(
                &finished.phase,
                id,
                &active.party,
                &active.phone,
                view.started_at,
                view.connected_at,
            );
        }
        Ok(active.view.clone())
    }

    /// The call being set up or live, if any.
    pub async fn current_call(&self) -> Option<CallView> {
        self.call.lock().await.as_ref().map(|a| a.view.clone())
    }

    async fn ring_me_at_noun(&self, ring_me_at: &calls::RingMeAt) -> String {
        let calls::RingMeAt::Forwarding { id, .. } = ring_me_at else {
            return "phone".into();
        };
        let Ok(live) = self.live().await else {
            return "phone".into();
        };
        match list_forwarding_numbers(live.connection.client()).await {
            Ok(list) => list
                .iter()
                .find(|f| &f.id == id)
                .map(|f| phone_noun(f.label.as_deref(), f.kind.as_deref()))
                .unwrap_or_else(|| "phone".into()),
            Err(_) => "phone".into(),
        }
    }

    /// The contact with exactly this number, from the cache.
    pub(crate) fn contact_for(&self, number: &NormalizedNumber) -> Option<ContactRef> {
        let key = number.match_key().to_string();
        self.with_cache(|store| Ok(store.search(number.e164(), 3)?))
            .ok()?
            .contacts
            .into_iter()
            .find(|c| c.numbers.iter().any(|n| n.key == key))
            .map(|c| ContactRef {
                name: c.display_name(),
                id: c.id,
            })
    }

    /// The country for numbers typed without `+`: the account's, else the profile's.
    pub(crate) fn home(&self) -> Country {
        match self.home.read() {
            Ok(home) => *home,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }
}

/// Follows `call` to its end, keeping the desk's view current and telling the window of each
/// new phase.
async fn follow(
    desk: Arc<Desk>,
    call: Arc<RingOutCall>,
    party: PartyView,
    phone: String,
    started_at: u64,
) {
    let mut progress = call.progress();
    let mut connected_at = None;
    let mut shown: Option<String> = Some(phase_name(&call.latest().phase).to_string());
    loop {
        let phase = progress.borrow_and_update().phase.clone();
        if phase.is_success() && connected_at.is_none() {
            connected_at = Some(now_ms());
        }
        let view = view_of(&phase, call.id(), &party, &phone, started_at, connected_at);
        if shown.as_deref() != Some(view.phase.as_str()) {
            {
                let mut slot = desk.call.lock().await;
                match slot.as_mut() {
                    Some(active) if active.call.id() == call.id() && !active.view.done => {
                        active.view = view.clone()
                    }
                    _ => return,
                }
            }
            desk.emit(DeskEvent::Call(view.clone()));
            shown = Some(view.phase.clone());
        }
        if view.done || progress.changed().await.is_err() {
            return;
        }
    }
}

/// The call bar's view of `phase`.
fn view_of(
    phase: &CallPhase,
    id: &str,
    party: &PartyView,
    phone: &str,
    started_at: u64,
    connected_at: Option<u64>,
) -> CallView {
    let name = party.name.clone().unwrap_or_else(|| party.display.clone());
    let done = phase.is_final();
    CallView {
        id: id.to_string(),
        party: party.clone(),
        phase: phase_name(phase).into(),
        words: call_words(phase, &name, phone),
        cancellable: phase.is_cancellable(),
        done,
        success: phase.is_success() || connected_at.is_some() && *phase == CallPhase::Finished,
        started_at,
        connected_at,
        ended_at: done.then(now_ms),
    }
}

fn phase_name(phase: &CallPhase) -> &'static str {
    match phase {
        CallPhase::RingingYou => "ringing_you",
        CallPhase::RingingThem => "ringing_them",
        CallPhase::Connected => "connected",
        CallPhase::Finished => "finished",
        CallPhase::Failed { .. } => "failed",
        CallPhase::Cancelled => "cancelled",
    }
}

/// A number for display in the agent's format: national at home, international abroad.
pub(crate) fn display(number: &NormalizedNumber, home: Country) -> String {
    if number.country() == Some(home) {
        number.display(DisplayFormat::National)
    } else {
        number.display(DisplayFormat::International)
    }
}

/// An E.164 number (or match key) in international format; the text itself if it is not one.
pub(crate) fn format_key(key: &str) -> String {
    phone::parse_input(key)
        .and_then(|t| phone::normalize(&t, Country::united_states()))
        .map(|n| n.display(DisplayFormat::International))
        .unwrap_or_else(|_| key.to_string())
}

pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}

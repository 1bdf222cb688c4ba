//! Dialing: one RingOut at a time — planned from what the agent asked for, placed, followed to
//! its end and told to every face as it goes ([`DeskEvent::Call`]), cancellable while it rings.
//! What the agent types before that is [`entry`]; what a call would send is [`preview`].

mod entry;
mod preview;

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::api::phone_numbers::list_forwarding_numbers;
use crate::calls::{
    self, call_words, phone_noun, CallPhase, CallProgress, CallWords, RingMeAt, RingOutCall,
};
use crate::phone::{self, DisplayFormat};

use super::format::{display, now_ms};
use super::{Desk, DeskError, DeskEvent, Error};

pub use preview::{CallPreview, RequestPreview};

/// What to call: the number as typed or pasted (any format), and — for this call only — the
/// agent's phone and caller ID; absent ones are the remembered settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallRequest {
    /// The number, in any format (national numbers use the account's country).
    pub number: String,
    /// "Ring me at": a number or a forwarding-number id.
    pub ring_me_at: Option<String>,
    /// The caller ID the customer sees.
    pub caller_id: Option<String>,
}

impl CallRequest {
    /// A call to `number` with the remembered settings.
    pub fn to(number: &str) -> Self {
        Self {
            number: number.to_string(),
            ..Self::default()
        }
    }
}

/// The same number dialed again within this window is a repeat (a link fired twice).
pub const REDIAL_GUARD: Duration = Duration::from_secs(5);

/// Who the agent is calling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyView {
    /// The matched contact's name.
    pub name: Option<String>,
    /// The number, formatted as the agent reads it (national at home).
    pub display: String,
    /// The number in international format.
    pub international: String,
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
    /// Where the call stands, in one word.
    pub phase: PhaseName,
    /// Both legs in words.
    pub words: CallWords,
    /// RingCentral's view: the phase with the raw status of the call and of each leg.
    pub progress: CallProgress,
    /// The agent's phone for leg 1.
    pub ring_me_at: RingMeAt,
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
    facts: CallFacts,
    placed: Instant,
}

/// A call's phase without its details, as the window's call bar keys its look on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseName {
    /// The agent's phone rings.
    RingingYou,
    /// The customer's phone rings.
    RingingThem,
    /// Both legs are up.
    Connected,
    /// The connected call ended.
    Finished,
    /// It did not connect.
    Failed,
    /// Cancelled before it connected.
    Cancelled,
    /// ringdesk no longer knows where it stands.
    Unknown,
}

impl PhaseName {
    /// The name as the window reads it (`ringing_you`, `connected` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RingingYou => "ringing_you",
            Self::RingingThem => "ringing_them",
            Self::Connected => "connected",
            Self::Finished => "finished",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
            Self::Unknown => "unknown",
        }
    }
}

/// Compares with the name the window reads.
impl PartialEq<&str> for PhaseName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<&CallPhase> for PhaseName {
    fn from(phase: &CallPhase) -> Self {
        match phase {
            CallPhase::RingingYou => Self::RingingYou,
            CallPhase::RingingThem => Self::RingingThem,
            CallPhase::Connected => Self::Connected,
            CallPhase::Finished => Self::Finished,
            CallPhase::Failed { .. } => Self::Failed,
            CallPhase::Cancelled => Self::Cancelled,
            CallPhase::Unknown => Self::Unknown,
        }
    }
}

/// What stays the same while a call goes on, for its views.
#[derive(Debug, Clone)]
struct CallFacts {
    id: String,
    party: PartyView,
    phone: String,
    ring_me_at: RingMeAt,
    started_at: u64,
}

impl Desk {
    /// Places the RingOut `request` asks for and follows it; refuses a second call while one is
    /// being set up, and a repeat of the same number.
    pub async fn place_call(self: &Arc<Self>, request: &CallRequest) -> Result<CallView, Error> {
        let placed = self.place(request).await;
        self.reported(placed)
    }

    async fn place(self: &Arc<Self>, request: &CallRequest) -> Result<CallView, Error> {
        let live = self.live().await?;
        let mut slot = self.call.lock().await;
        let to = phone::normalize(&phone::parse_input(&request.number)?, live.country)?;
        self.check_do_not_call(&to)?;
        if let Some(active) = slot.as_ref() {
            if !active.view.done {
                return Err(DeskError::CallInProgress.into());
            }
            if active.view.party.e164 == to.e164() && active.placed.elapsed() < REDIAL_GUARD {
                return Err(DeskError::RepeatedDial.into());
            }
        }
        let plan = self.plan(request, live.country, &live).await?;
        let phone = self.ring_me_at_noun(&plan.ring_me_at).await;
        let party = PartyView {
            name: self.contact_for(&to).map(|c| c.name),
            display: display(&to, live.country),
            international: to.display(DisplayFormat::International),
            e164: to.e164().to_string(),
        };
        let call = Arc::new(calls::place(live.connection.client(), &plan).await?);
        let facts = CallFacts {
            id: call.id().to_string(),
            party,
            phone,
            ring_me_at: plan.ring_me_at.clone(),
            started_at: now_ms(),
        };
        let view = view_of(&call.latest(), &facts, None);
        *slot = Some(ActiveCall {
            call: call.clone(),
            view: view.clone(),
            facts: facts.clone(),
            placed: Instant::now(),
        });
        drop(slot);
        self.emit(DeskEvent::Call(Box::new(view.clone())));
        tokio::spawn(follow(self.clone(), call, facts));
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
            active.view = view_of(&finished, &active.facts, active.view.connected_at);
        }
        Ok(active.view.clone())
    }

    /// The call being set up or live, if any.
    pub async fn current_call(&self) -> Option<CallView> {
        self.call.lock().await.as_ref().map(|a| a.view.clone())
    }

    async fn ring_me_at_noun(&self, ring_me_at: &RingMeAt) -> String {
        let RingMeAt::Forwarding { id, .. } = ring_me_at else {
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
}

/// Follows `call` to its end, keeping the desk's view current and telling every face of each
/// new phase. A follower that ends without a final word leaves the call `Unknown`.
async fn follow(desk: Arc<Desk>, call: Arc<RingOutCall>, facts: CallFacts) {
    let mut progress = call.progress();
    let mut connected_at = None;
    let mut shown = PhaseName::from(&call.latest().phase);
    loop {
        let mut now = progress.borrow_and_update().clone();
        let closed = !now.phase.is_final() && progress.has_changed().is_err();
        if closed {
            now = call.finished().await;
        }
        if now.phase.is_success() && connected_at.is_none() {
            connected_at = Some(now_ms());
        }
        let view = view_of(&now, &facts, connected_at);
        if shown != view.phase {
            // The draft is kept before the call is told over anywhere — in the desk's slot or
            // in an event — so nothing sees an ended call with no wrap-up yet.
            let card = view.done.then(|| desk.keep_wrapup_draft(&view)).flatten();
            {
                let mut slot = desk.call.lock().await;
                match slot.as_mut() {
                    Some(active) if active.call.id() == call.id() && !active.view.done => {
                        active.view = view.clone()
                    }
                    _ => return,
                }
            }
            desk.emit(DeskEvent::Call(Box::new(view.clone())));
            shown = view.phase;
            if let Some(card) = card {
                desk.emit(DeskEvent::WrapUp(Box::new(card)));
            }
        }
        if view.done || closed {
            return;
        }
        // A closed channel is seen at the top of the loop.
        let _ = progress.changed().await;
    }
}

impl Desk {
    /// Stops following the live call (signing out, resetting the connection): it ends as
    /// `Unknown` for ringdesk, so the dialer is free; the call itself goes on on the phone.
    pub(crate) async fn stop_following(&self) {
        let mut slot = self.call.lock().await;
        let Some(active) = slot.as_mut().filter(|a| !a.view.done) else {
            return;
        };
        active.call.abandon();
        let unknown = CallProgress {
            phase: CallPhase::Unknown,
            status: active.view.progress.status.clone(),
        };
        active.view = view_of(&unknown, &active.facts, active.view.connected_at);
        let view = active.view.clone();
        drop(slot);
        self.emit(DeskEvent::Call(Box::new(view)));
    }
}

/// The call bar's view of `progress`.
fn view_of(progress: &CallProgress, facts: &CallFacts, connected_at: Option<u64>) -> CallView {
    let party = &facts.party;
    let phase = &progress.phase;
    let name = party.name.clone().unwrap_or_else(|| party.display.clone());
    let done = phase.is_final();
    CallView {
        id: facts.id.clone(),
        party: party.clone(),
        phase: PhaseName::from(phase),
        words: call_words(phase, &name, &facts.phone),
        progress: progress.clone(),
        ring_me_at: facts.ring_me_at.clone(),
        cancellable: phase.is_cancellable(),
        done,
        success: phase.is_success() || connected_at.is_some() && *phase == CallPhase::Finished,
        started_at: facts.started_at,
        connected_at,
        ended_at: done.then(now_ms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phase_name_reads_as_it_is_serialised() {
        for name in [
            PhaseName::RingingYou,
            PhaseName::RingingThem,
            PhaseName::Connected,
            PhaseName::Finished,
            PhaseName::Failed,
            PhaseName::Cancelled,
            PhaseName::Unknown,
        ] {
            assert_eq!(
                serde_json::to_value(name).ok(),
                Some(serde_json::Value::from(name.as_str())),
                "one spelling for the window and for comparisons"
            );
        }
    }
}

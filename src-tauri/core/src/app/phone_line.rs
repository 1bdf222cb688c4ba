//! The agent's phone line: RingCentral presence (Available, Busy, Do not disturb, Invisible)
//! read and set — the window's picker, the tray's Do not disturb and `ringdesk presence` — and
//! Call Control on the call on the line (hang up, hold, resume, reject).

use serde::{Deserialize, Serialize};

use super::{Desk, DeskError, Error, SettingsPatch, SettingsView};
use crate::api::call_control;
use crate::api::models::{ActiveCall, Presence};
use crate::api::presence::{read_presence, update_presence, PresenceUpdate};
use crate::api::ApiError;
use crate::config::AppSettings;
use crate::realtime::PresenceView;

/// RingCentral's Do not disturb.
const DND: &str = "DoNotAcceptAnyCalls";
/// What Do not disturb turns back to when nothing else is known.
const TAKE_ALL: &str = "TakeAllCalls";

/// The replies *Text back* offers while a customer's call rings (editable before sending),
/// unless the agent set their own.
pub const QUICK_REPLIES: [&str; 3] = [
    "Sorry I missed you — I'm on another call and will call you back shortly.",
    "Can't talk right now. Can I call you back later today?",
    "Please text me what this is about and I'll get right back to you.",
];

/// What the agent can pick, as RingCentral's own apps offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresenceChoice {
    /// Calls ring; shown as available.
    Available,
    /// Calls ring; shown as busy.
    Busy,
    /// No calls ring (`dndStatus: DoNotAcceptAnyCalls`).
    Dnd,
    /// Calls ring; shown as offline to colleagues ("Invisible").
    Offline,
}

impl PresenceChoice {
    /// Reads the CLI's and the window's word (`available`, `busy`, `dnd`, `offline`; also
    /// `invisible` and `do-not-disturb`).
    pub fn parse(word: &str) -> Result<Self, Error> {
        match word.trim().to_ascii_lowercase().as_str() {
            "available" => Ok(Self::Available),
            "busy" => Ok(Self::Busy),
            "dnd" | "do-not-disturb" => Ok(Self::Dnd),
            "offline" | "invisible" => Ok(Self::Offline),
            _ => Err(DeskError::UnknownPresence(word.chars().take(40).collect()).into()),
        }
    }

    /// The words the status strip, the tray and the CLI show.
    pub fn words(self) -> &'static str {
        match self {
            Self::Available => "Available",
            Self::Busy => "Busy",
            Self::Dnd => "Do not disturb",
            Self::Offline => "Offline (invisible to colleagues)",
        }
    }

    /// What presence shows: Do not disturb first, else the status the agent set.
    pub fn of(view: &PresenceView) -> Self {
        match (view.dnd_status.as_str(), view.user_status.as_str()) {
            (DND, _) => Self::Dnd,
            (_, "Busy") => Self::Busy,
            (_, "Offline") => Self::Offline,
            _ => Self::Available,
        }
    }

    /// The update that makes presence show this choice. Leaving Do not disturb turns calls back
    /// on (`TakeAllCalls`) unless another non-DND setting (queue calls off) is in force.
    fn update(self, now: &PresenceView) -> PresenceUpdate {
        let ringing = match now.dnd_status.as_str() {
            DND | "Unknown" | "" => TAKE_ALL,
            other => other,
        }
        .to_owned();
        let status = |s: &str| Some(s.to_owned());
        match self {
            Self::Dnd => PresenceUpdate {
                user_status: None,
                dnd_status: status(DND),
            },
            Self::Available => PresenceUpdate {
                user_status: status("Available"),
                dnd_status: Some(ringing),
            },
            Self::Busy => PresenceUpdate {
                user_status: status("Busy"),
                dnd_status: Some(ringing),
            },
            Self::Offline => PresenceUpdate {
                user_status: status("Offline"),
                dnd_status: Some(ringing),
            },
        }
    }
}

/// The agent's line as the window shows it: presence, its words, and whether Call Control
/// (hang up, hold) is available to this app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineView {
    /// What the presence picker shows.
    pub choice: PresenceChoice,
    /// Its words.
    pub words: &'static str,
    /// RingCentral's fields.
    #[serde(flatten)]
    pub presence: PresenceView,
    /// Whether RingCentral granted the app Call Control (hang up and hold are offered).
    pub call_control: bool,
    /// What *Text back* offers.
    pub quick_replies: Vec<String>,
}

/// The agent's quick replies, else ringdesk's own.
pub(crate) fn quick_replies_in_force(settings: &AppSettings) -> Vec<String> {
    match settings.quick_replies.is_empty() {
        true => QUICK_REPLIES.iter().map(|r| (*r).to_owned()).collect(),
        false => settings.quick_replies.clone(),
    }
}

/// The status strip's view of presence read over REST.
fn view(presence: &Presence) -> PresenceView {
    let text = |t: Option<&str>, default: &str| t.unwrap_or(default).chars().take(40).collect();
    PresenceView {
        user_status: text(presence.user_status.as_deref(), "Available"),
        dnd_status: text(presence.dnd_status.as_deref(), TAKE_ALL),
        telephony_status: text(presence.telephony_status.as_deref(), "NoCall"),
    }
}

/// A 403 from Call Control means the app lacks the permission.
fn call_control_error(error: ApiError) -> Error {
    match error.status() {
        Some(403) => DeskError::NoCallControl.into(),
        _ => error.into(),
    }
}

/// The call on the line that Call Control acts on: the connected or held one first, else the
/// ringing one; for a RingOut, its outbound leg (the callback's session is its own).
fn on_the_line(presence: &Presence) -> Option<&ActiveCall> {
    let rank = |call: &ActiveCall| match call.telephony_status.as_deref() {
        Some("CallConnected") => Some(0),
        Some("OnHold") => Some(1),
        Some("Ringing") => Some(2),
        _ => None,
    };
    presence
        .active_calls
        .iter()
        .filter(|call| call.telephony_session_id.is_some())
        .filter_map(|call| {
            let inbound = call.direction.as_deref() != Some("Outbound");
            rank(call).map(|rank| ((rank, inbound), call))
        })
        .min_by_key(|(order, _)| *order)
        .map(|(_, call)| call)
}

impl Desk {
    /// Whether the signed-in session's scope grants RingCentral's Call Control.
    pub async fn call_control(&self) -> bool {
        self.granted("CallControl").await
    }

    /// Whether the signed-in session's scope grants the app permission `permission`.
    pub(crate) async fn granted(&self, permission: &str) -> bool {
        let Ok(live) = self.live().await else {
            return false;
        };
        live.connection
            .session()
            .tokens()
            .and_then(|tokens| tokens.scope)
            .is_some_and(|scope| scope.split_whitespace().any(|p| p == permission))
    }

    /// The window's view of the line: presence, its words, Call Control.
    pub async fn line(&self, presence: PresenceView) -> LineView {
        let choice = PresenceChoice::of(&presence);
        LineView {
            choice,
            words: choice.words(),
            presence,
            call_control: self.call_control().await,
            quick_replies: quick_replies_in_force(&self.settings_in_force()),
        }
    }

    /// The agent's presence now.
    pub async fn presence(&self) -> Result<PresenceView, Error> {
        let live = self.live().await?;
        let presence = read_presence(live.connection.client()).await?;
        Ok(view(&presence))
    }

    /// Sets presence to `choice`; answers the presence RingCentral now shows.
    pub async fn set_presence(&self, choice: PresenceChoice) -> Result<PresenceView, Error> {
        let live = self.live().await?;
        let client = live.connection.client();
        let now = view(&read_presence(client).await?);
        let answer = update_presence(client, &choice.update(&now)).await?;
        let mut shown = view(&answer);
        // RingCentral may answer `Unknown` for a value it just took: keep what was asked.
        if shown.dnd_status == "Unknown" {
            shown.dnd_status = choice.update(&now).dnd_status.unwrap_or(now.dnd_status);
        }
        Ok(shown)
    }

    /// Do not disturb as the tray and the window's toggle set it: notifications muted (the
    /// profile's setting) and, when signed in, RingCentral's `dndStatus`, so calls stop ringing
    /// on every device. RingCentral refusing is logged; the local setting stands either way.
    pub async fn set_do_not_disturb(&self, on: bool) -> Result<SettingsView, Error> {
        let settings = self
            .save_settings(SettingsPatch {
                do_not_disturb: Some(on),
                ..SettingsPatch::default()
            })
            .await?;
        if let Ok(live) = self.live().await {
            let client = live.connection.client();
            let result = async {
                let now = view(&read_presence(client).await?);
                let update = match on {
                    true => PresenceChoice::Dnd.update(&now),
                    false => PresenceUpdate {
                        user_status: None,
                        dnd_status: PresenceChoice::Available.update(&now).dnd_status,
                    },
                };
                update_presence(client, &update).await
            }
            .await;
            if let Err(error) = result {
                tracing::warn!(%error, on, "RingCentral's Do not disturb could not be set");
            }
        }
        Ok(settings)
    }

    /// Hangs up the call on the line, for everyone (Call Control).
    pub async fn hang_up(&self) -> Result<(), Error> {
        let live = self.live().await?;
        let client = live.connection.client();
        let presence = read_presence(client).await?;
        let call = on_the_line(&presence).ok_or(DeskError::NoLiveCall)?;
        let session = call.telephony_session_id.as_deref().unwrap_or_default();
        call_control::hang_up(client, session)
            .await
            .map_err(call_control_error)
    }

    /// Sends the ringing inbound call on to voicemail (Call Control).
    pub async fn reject_call(&self) -> Result<(), Error> {
        let live = self.live().await?;
        let client = live.connection.client();
        let presence = read_presence(client).await?;
        let call = presence
            .active_calls
            .iter()
            .find(|c| {
                c.direction.as_deref() == Some("Inbound")
                    && c.telephony_status.as_deref() == Some("Ringing")
                    && c.telephony_session_id.is_some()
                    && c.party_id.is_some()
            })
            .ok_or(DeskError::NoLiveCall)?;
        let session = call.telephony_session_id.as_deref().unwrap_or_default();
        let party = call.party_id.as_deref().unwrap_or_default();
        call_control::reject(client, session, party)
            .await
            .map_err(call_control_error)
    }

    /// Puts the call on the line on hold (`hold`) or takes it off hold (Call Control).
    pub async fn hold(&self, hold: bool) -> Result<(), Error> {
        let live = self.live().await?;
        let client = live.connection.client();
        let presence = read_presence(client).await?;
        let call = on_the_line(&presence).ok_or(DeskError::NoLiveCall)?;
        let session = call.telephony_session_id.as_deref().unwrap_or_default();
        let party = call.party_id.as_deref().ok_or(DeskError::NoLiveCall)?;
        call_control::hold(client, session, party, hold)
            .await
            .map_err(call_control_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now(user: &str, dnd: &str) -> PresenceView {
        PresenceView {
            user_status: user.into(),
            dnd_status: dnd.into(),
            telephony_status: "NoCall".into(),
        }
    }

    #[test]
    fn choices_map_to_ringcentrals_fields_and_back() {
        let busy_dnd = now("Busy", DND);
        assert_eq!(
            PresenceChoice::of(&busy_dnd),
            PresenceChoice::Dnd,
            "DND wins"
        );
        let back = PresenceChoice::Available.update(&busy_dnd);
        assert_eq!(
            (back.user_status.as_deref(), back.dnd_status.as_deref()),
            (Some("Available"), Some(TAKE_ALL)),
            "leaving DND turns calls back on"
        );
        let queues_off = now("Available", "DoNotAcceptDepartmentCalls");
        let busy = PresenceChoice::Busy.update(&queues_off);
        assert_eq!(
            busy.dnd_status.as_deref(),
            Some("DoNotAcceptDepartmentCalls"),
            "a queue setting is kept"
        );
        let dnd = PresenceChoice::Dnd.update(&queues_off);
        assert_eq!(
            (dnd.user_status, dnd.dnd_status.as_deref()),
            (None, Some(DND))
        );
        assert_eq!(
            PresenceChoice::parse(" Invisible ").ok(),
            Some(PresenceChoice::Offline)
        );
        assert!(PresenceChoice::parse("sleeping").is_err());
    }
}

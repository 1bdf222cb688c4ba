//! What the window renders: plain serialisable views of the desk's state (camelCase JSON).

use serde::Serialize;

use crate::config::{Mode, SignInPolicy};
use crate::phone::{Country, DisplayFormat, NormalizedNumber, PhoneError};
use crate::store::{ContactRef, Feed};
use crate::Recovery;

use super::Error;

/// Signed in, signed out, or on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInState {
    /// A session exists; calls and texts work.
    SignedIn,
    /// No session: the window offers sign-in.
    SignedOut,
    /// Signing in or connecting.
    Connecting,
}

/// The signed-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    /// Display name.
    pub name: String,
    /// Extension number.
    pub extension_number: String,
}

/// The session as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInView {
    /// Signed in or not.
    pub state: SignInState,
    /// Demo or live.
    pub mode: Mode,
    /// Who, when signed in.
    pub user: Option<UserView>,
    /// Whether browser sign-in is possible (a RingCentral app is configured).
    pub can_sign_in: bool,
    /// How the machine's policy lets agents sign in (`browser`, `jwt` or `either`).
    pub sign_in_methods: SignInPolicy,
    /// Whether the machine's policy lets demo mode run.
    pub demo_allowed: bool,
}

/// What the typed number will dial, shown under the number field as the agent types.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NumberPreview {
    /// The text as typed.
    pub input: String,
    /// Whether it can be dialed.
    pub ok: bool,
    /// E.164.
    pub e164: Option<String>,
    /// The agent's display format (national for home-country numbers, else international).
    pub display: Option<String>,
    /// International format.
    pub international: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// The country's English name.
    pub country_name: Option<String>,
    /// The number is valid for its country (not only possible).
    pub valid: bool,
    /// Mobile, fixed line, toll free …
    pub kind: Option<String>,
    /// An extension to reach after the call connects.
    pub extension: Option<String>,
    /// Post-dial digits the agent must key in.
    pub post_dial: Option<String>,
    /// The contact this number belongs to.
    pub contact: Option<ContactRef>,
    /// A caution that does not stop dialing.
    pub warning: Option<String>,
    /// Why it cannot be dialed.
    pub error: Option<Problem>,
}

impl NumberPreview {
    /// A dialable number; `home` decides between national and international display.
    pub fn of(
        input: &str,
        number: &NormalizedNumber,
        home: Country,
        contact: Option<ContactRef>,
    ) -> Self {
        let country = number.country();
        let format = if country == Some(home) {
            DisplayFormat::National
        } else {
            DisplayFormat::International
        };
        let validity = number.validity();
        Self {
            input: input.to_string(),
            ok: true,
            e164: Some(number.e164().to_string()),
            display: Some(number.display(format)),
            international: Some(number.display(DisplayFormat::International)),
            country: country.map(|c| c.iso_code().to_string()),
            country_name: country.and_then(country_name),
            valid: validity.valid,
            kind: serde_json::to_value(number.number_type())
                .ok()
                .and_then(|v| v.as_str().map(str::to_string)),
            extension: number.extension().map(str::to_string),
            post_dial: number.post_dial().map(str::to_string),
            contact,
            warning: validity.warning().map(str::to_string),
            error: None,
        }
    }

    /// Something that cannot be dialed, and why.
    pub fn refused(input: &str, error: &PhoneError) -> Self {
        Self {
            input: input.to_string(),
            error: Some(Problem::of(&Error::from(error.clone()))),
            ..Self::default()
        }
    }
}

/// The English name of a country, e.g. `United Kingdom` for `GB`.
pub fn country_name(country: Country) -> Option<String> {
    isocountry::CountryCode::for_alpha2_caseless(country.iso_code())
        .ok()
        .map(|c| c.name().to_string())
}

/// A failure as the faces show it: what went wrong, what to do next, and the recovery the
/// hint comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What went wrong.
    pub message: String,
    /// What to do next.
    pub hint: String,
    /// The way out.
    pub recovery: Recovery,
}

impl Problem {
    /// The problem `error` describes.
    pub fn of(error: &Error) -> Self {
        Self {
            message: error.to_string(),
            hint: error.hint(),
            recovery: error.recovery(),
        }
    }
}

/// A choice in a picker ("ring me at", caller ID, SMS sender).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// What is saved (a number or a forwarding-number id).
    pub value: String,
    /// What the agent reads.
    pub label: String,
}

/// The pickers of the dial view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallOptions {
    /// The agent's phones.
    pub ring_me_at: Vec<Choice>,
    /// Numbers that may be shown to the customer.
    pub caller_ids: Vec<Choice>,
    /// The remembered "ring me at".
    pub selected_ring_me_at: Option<String>,
    /// The remembered caller ID.
    pub selected_caller_id: Option<String>,
}

/// A suggestion under the number field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Contact name, when a contact.
    pub name: Option<String>,
    /// The number, formatted.
    pub display: String,
    /// What goes into the number field (E.164).
    pub dial: String,
    /// Company, or "recent".
    pub detail: Option<String>,
}

/// A sync's progress or result, for the History header and the status panel.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncView {
    /// A sync is running.
    pub running: bool,
    /// Records stored so far in the current feed.
    pub done: u64,
    /// Records expected in the current feed, when known.
    pub total: Option<u64>,
    /// The feed being synced.
    pub feed: Option<Feed>,
    /// The last sync finished (ISO 8601).
    pub finished: bool,
    /// The finished sync stored or removed something.
    pub changed: bool,
    /// When the last successful sync ended (ISO 8601).
    pub last_synced_at: Option<String>,
    /// Why the last sync failed.
    pub error: Option<Problem>,
}

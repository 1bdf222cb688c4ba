//! Turning what the agent typed into the exact RingOut request: number normalised with
//! `phone::` against the account's country, "ring me at" and caller ID chosen.

use serde::Serialize;

use crate::api::models::ForwardingNumber;
use crate::api::phone_numbers::list_forwarding_numbers;
use crate::api::ringout::{MakeRingOut, PhoneRef, RingOutFrom};
use crate::api::{ApiError, Client};
use crate::phone::{self, Country, NormalizedNumber, PhoneError};
use crate::recovery::Recovery;

/// Why a call could not be planned, placed or followed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CallError {
    /// The number is not a callable number.
    #[error(transparent)]
    Number(#[from] PhoneError),
    /// RingCentral refused or failed.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// No "ring me at" number is known.
    #[error("no \"ring me at\" phone is set and RingCentral lists no forwarding number")]
    NoRingMeAt,
}

impl CallError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Number(_) => Recovery::CheckNumber,
            Self::Api(e) => e.recovery(),
            Self::NoRingMeAt => Recovery::FixConfig,
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::Number(e) => e.hint().to_string(),
            Self::Api(ApiError::UnknownOutcome { .. }) => {
                "The call may have been placed: check your phone and the call log before calling again.".into()
            }
            Self::Api(e) => e.hint(),
            Self::NoRingMeAt => "Pass --from with your phone's number, or set ring_me_at in the profile.".into(),
        }
    }
}

/// The agent's phone for leg 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum RingMeAt {
    /// A number in E.164.
    Number(String),
    /// A RingCentral forwarding number by id (with its number, for display).
    Forwarding {
        /// `forwardingNumberId`.
        id: String,
        /// Its number.
        phone_number: String,
    },
}

/// What the agent asked for, before resolution.
#[derive(Debug, Clone)]
pub struct CallTarget {
    /// The number as typed or pasted.
    pub number: String,
    /// `--from` or the profile's `ring_me_at` (a number or a forwarding-number id).
    pub ring_me_at: Option<String>,
    /// `--caller-id` or the profile's `caller_id`.
    pub caller_id: Option<String>,
    /// The country for numbers without a country code.
    pub country: Country,
}

/// A resolved call, ready to place (or to print with `--dry-run`).
#[derive(Debug, Clone, Serialize)]
pub struct CallPlan {
    /// The customer, normalised.
    pub to: NormalizedNumber,
    /// Leg 1.
    pub ring_me_at: RingMeAt,
    /// The number shown to the customer, if chosen.
    pub caller_id: Option<NormalizedNumber>,
    /// The exact request body.
    pub request: MakeRingOut,
}

/// Resolves `target`: normalises the numbers and picks "ring me at" (the first forwarding
/// number when none is given).
pub async fn plan_call(client: &Client, target: &CallTarget) -> Result<CallPlan, CallError> {
    let number = |text: &str| -> Result<NormalizedNumber, PhoneError> {
        phone::normalize(&phone::parse_input(text)?, target.country)
    };
    let to = number(&target.number)?;
    let caller_id = target.caller_id.as_deref().map(number).transpose()?;
    let ring_me_at = match target.ring_me_at.as_deref() {
        Some(text) if text.bytes().all(|b| b.is_ascii_digit()) => {
            match forwarding(client, |f| f.id == text).await {
                Ok(found) => found,
                Err(CallError::NoRingMeAt) => RingMeAt::Number(number(text)?.e164().to_string()),
                Err(e) => return Err(e),
            }
        }
        Some(text) => RingMeAt::Number(number(text)?.e164().to_string()),
        None => forwarding(client, |_| true).await?,
    };
    let from = match &ring_me_at {
        RingMeAt::Number(e164) => RingOutFrom::Number(PhoneRef {
            phone_number: e164.clone(),
        }),
        RingMeAt::Forwarding { id, .. } => RingOutFrom::Forwarding { id: id.clone() },
    };
    let request = MakeRingOut {
        from,
        to: PhoneRef {
            phone_number: to.e164().to_string(),
        },
        caller_id: caller_id.as_ref().map(|n| PhoneRef {
            phone_number: n.e164().to_string(),
        }),
        play_prompt: false,
    };
    Ok(CallPlan {
        to,
        ring_me_at,
        caller_id,
        request,
    })
}

async fn forwarding(
    client: &Client,
    pick: impl Fn(&ForwardingNumber) -> bool,
) -> Result<RingMeAt, CallError> {
    let numbers = list_forwarding_numbers(client).await?;
    let chosen = numbers
        .into_iter()
        .find(|f| pick(f))
        .ok_or(CallError::NoRingMeAt)?;
    Ok(RingMeAt::Forwarding {
        id: chosen.id,
        phone_number: chosen.phone_number,
    })
}

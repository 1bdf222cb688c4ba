//! What a call would do, placing nothing: the normalised number, the agent's phone, the caller
//! ID and the exact RingOut request (`ringdesk call --dry-run`).

use serde::Serialize;

use crate::api::ringout::create_call;
use crate::api::Group;
use crate::calls::{plan_call, CallPlan, CallTarget, RingMeAt};
use crate::phone::DisplayFormat;

use super::super::{Desk, Error};
use super::CallRequest;

/// A RingCentral request as it would be sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestPreview {
    /// `POST`.
    pub method: String,
    /// The whole URL.
    pub url: String,
    /// The API operation.
    pub operation: &'static str,
    /// Its rate-limit group.
    pub rate_limit_group: Group,
    /// The JSON body.
    pub body: Option<serde_json::Value>,
}

/// A planned call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallPreview {
    /// The customer's number (E.164).
    pub to: String,
    /// The customer's number, international format.
    pub to_display: String,
    /// An extension to reach after the call connects (never dialed by RingOut itself).
    pub extension: Option<String>,
    /// The agent's phone for leg 1.
    pub ring_me_at: RingMeAt,
    /// The number shown to the customer, if chosen (E.164).
    pub caller_id: Option<String>,
    /// The request that would go to RingCentral.
    pub request: RequestPreview,
}

impl Desk {
    /// Plans `request` and shows what would be sent, sending nothing.
    pub async fn preview_call(&self, request: &CallRequest) -> Result<CallPreview, Error> {
        let live = self.live().await?;
        let plan = self.plan(request, live.country, &live).await?;
        let call = create_call(&plan.request);
        let base_url = live.connection.client().transport().base_url();
        let endpoint = call.endpoint();
        Ok(CallPreview {
            to: plan.to.e164().to_string(),
            to_display: plan.to.display(DisplayFormat::International),
            extension: plan.to.extension().map(str::to_string),
            ring_me_at: plan.ring_me_at.clone(),
            caller_id: plan.caller_id.as_ref().map(|n| n.e164().to_string()),
            request: RequestPreview {
                method: endpoint.method.as_str().to_string(),
                url: call.url(base_url),
                operation: endpoint.operation,
                rate_limit_group: endpoint.group,
                body: call.body().cloned(),
            },
        })
    }

    /// Resolves `request` with the remembered "ring me at" and caller ID where it names none.
    pub(super) async fn plan(
        &self,
        request: &CallRequest,
        country: crate::phone::Country,
        live: &super::super::Live,
    ) -> Result<CallPlan, Error> {
        let (ring_me_at, caller_id) = super::super::policy::numbers_for_call(
            &self.policy()?,
            self.profile().settings,
            request.ring_me_at.clone(),
            request.caller_id.clone(),
        )?;
        let target = CallTarget {
            number: request.number.clone(),
            ring_me_at,
            caller_id,
            country,
        };
        Ok(plan_call(live.connection.client(), &target).await?)
    }
}

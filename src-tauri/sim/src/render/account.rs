//! Extension, phone numbers, forwarding numbers, caller ID and presence.

use super::Urls;
use crate::state::account::{Account, ForwardingNumber, PhoneNumber};
use crate::time_fmt::iso;
use serde_json::{json, Value};

/// `GetExtensionInfoResponse`.
pub fn extension(a: &Account, urls: &Urls) -> Value {
    let features: Vec<Value> = [
        ("RingOut", true),
        ("SMS", true),
        ("SMSReceiving", true),
        ("InternationalSMS", false),
        ("Presence", true),
        ("CallerIdControl", true),
        ("CallForwarding", true),
        ("InternationalCalling", true),
        ("VoipCalling", true),
        ("Fax", false),
        ("MMS", true),
        ("Voicemail", true),
    ]
    .into_iter()
    .map(|(name, on)| {
        let mut f = json!({ "featureName": name, "enabled": on });
        if !on {
            f["reason"] = json!("AccountLimitation");
        }
        f
    })
    .collect();
    let us = json!({ "id": "1", "uri": urls.api("/dictionary/country/1"), "name": "United States", "isoCode": "US", "callingCode": "1" });
    let english = json!({ "id": "1033", "localeCode": "en-US", "name": "English (United States)" });
    json!({
        "id": a.extension_id,
        "uri": urls.ext(""),
        "extensionNumber": a.extension_number,
        "name": a.name(),
        "type": "User",
        "status": "Enabled",
        "account": { "id": a.account_id.to_string(), "uri": urls.account("") },
        "contact": {
            "firstName": a.first_name, "lastName": a.last_name, "company": a.company, "email": a.email,
            "businessPhone": a.sms_sender().map(|n| n.phone.clone()), "emailAsLoginName": true, "department": "Sales",
        },
        "regionalSettings": {
            "homeCountry": us,
            "timezone": { "id": "58", "uri": urls.api("/dictionary/timezone/58"), "name": "US/Pacific", "description": "Pacific Time (US & Canada)", "bias": "-480" },
            "language": english, "greetingLanguage": english, "formattingLocale": english, "timeFormat": "12h",
        },
        "permissions": { "admin": { "enabled": false }, "internationalCalling": { "enabled": true } },
        "serviceFeatures": features,
        "setupWizardState": "Completed",
        "hidden": false,
        "creationTime": iso(a.created),
        "profileImage": { "uri": urls.ext("/profile-image") },
        "assignedCountry": { "id": "1", "uri": urls.api("/dictionary/country/1"), "isoCode": "US", "name": "United States" },
    })
}

/// `UserPhoneNumberInfo`.
pub fn phone_number(n: &PhoneNumber, a: &Account, urls: &Urls) -> Value {
    let (id, _, name) = n.country;
    json!({
        "uri": urls.account(&format!("/phone-number/{}", n.id)),
        "id": n.id,
        "phoneNumber": n.phone,
        "label": n.label,
        "location": n.location,
        "primary": n.primary,
        "type": "VoiceFax",
        "usageType": n.usage_type,
        "paymentType": n.payment_type,
        "status": "Normal",
        "features": n.features,
        "country": { "id": id, "uri": urls.api(&format!("/dictionary/country/{id}")), "name": name },
        "extension": { "id": a.extension_id, "uri": urls.ext(""), "extensionNumber": a.extension_number, "type": "User", "name": a.name() },
        "callerIdName": a.company,
    })
}

/// `ForwardingNumberInfo`.
pub fn forwarding_number(f: &ForwardingNumber, a: &Account, urls: &Urls) -> Value {
    json!({
        "id": f.id,
        "uri": urls.ext(&format!("/forwarding-number/{}", f.id)),
        "phoneNumber": f.phone,
        "label": f.label,
        "type": f.kind,
        "features": ["CallFlip", "CallForwarding"],
        "flipNumber": "1",
        "extension": { "id": a.extension_id.to_string(), "name": a.name(), "extensionNumber": a.extension_number },
    })
}

/// `ExtensionCallerIdInfo`.
pub fn caller_id(a: &Account, urls: &Urls) -> Value {
    let phone_info = |phone: &str| {
        let id = a
            .number(phone)
            .map(|n| n.id.to_string())
            .unwrap_or_default();
        json!({ "id": id, "uri": urls.account(&format!("/phone-number/{id}")), "phoneNumber": phone })
    };
    let by_feature: Vec<Value> = ["RingOut", "RingMe", "CallFlip", "MobileApp"]
        .into_iter()
        .map(|feature| json!({ "feature": feature, "callerId": { "type": "PhoneNumber", "phoneInfo": phone_info(&a.ringout_caller_id) } }))
        .collect();
    json!({
        "uri": urls.ext("/caller-id"),
        "byDevice": [],
        "byFeature": by_feature,
        "extensionNameForOutboundCalls": true,
        "extensionNumberForInternalCalls": false,
    })
}

/// Presence's `activeCalls`: the newest few entries, and how many calls there are in all.
#[derive(Clone, Copy, Debug)]
pub struct ActiveCalls<'a> {
    /// The entries shown (the newest [`PRESENCE_CALLS`](crate::state::live::PRESENCE_CALLS)).
    pub shown: &'a [Value],
    /// `totalActiveCalls`.
    pub total: usize,
}

/// `dndStatusPersonal`, which follows `dndStatus` on accounts with the new call handling.
fn dnd_personal(dnd_status: &str) -> &'static str {
    if dnd_status == "DoNotAcceptAnyCalls" {
        "DoNotAcceptAnyCalls"
    } else {
        "TakeAllCalls"
    }
}

/// `ExtensionPresenceEventBody` (or the detailed variant with `activeCalls`).
pub fn presence_event(
    a: &Account,
    telephony: &str,
    sequence: u64,
    active_calls: Option<ActiveCalls<'_>>,
) -> Value {
    let p = &a.presence;
    let mut v = json!({
        "extensionId": a.extension_id.to_string(),
        "telephonyStatus": telephony,
        "sequence": sequence,
        "presenceStatus": aggregate(&p.user_status, telephony),
        "userStatus": p.user_status,
        "dndStatus": p.dnd_status,
        "dndStatusPersonal": dnd_personal(&p.dnd_status),
        "allowSeeMyPresence": p.allow_see,
        "ringOnMonitoredCall": false,
        "pickUpCallsOnHold": false,
        "ownerId": a.extension_id.to_string(),
    });
    if let Some(calls) = active_calls {
        v["activeCalls"] = json!(calls.shown);
        v["totalActiveCalls"] = json!(calls.total);
        v["meetingStatus"] = json!("Disconnected");
    }
    v
}

/// The aggregated `presenceStatus`: busy on a call or when set busy.
fn aggregate<'a>(user_status: &'a str, telephony: &str) -> &'a str {
    if telephony != "NoCall" {
        "Busy"
    } else {
        user_status
    }
}

/// `PresenceInfoResponse`; `active_calls` only with `detailedTelephonyState=true`.
pub fn presence(
    a: &Account,
    telephony: &str,
    active_calls: Option<ActiveCalls<'_>>,
    urls: &Urls,
) -> Value {
    let p = &a.presence;
    let aggregated = aggregate(&p.user_status, telephony);
    let mut v = json!({
        "uri": urls.ext("/presence"),
        "extension": { "id": a.extension_id, "uri": urls.ext(""), "extensionNumber": a.extension_number },
        "presenceStatus": aggregated,
        "userStatus": p.user_status,
        "dndStatus": p.dnd_status,
        "dndStatusPersonal": dnd_personal(&p.dnd_status),
        "telephonyStatus": telephony,
        "message": p.message,
        "allowSeeMyPresence": p.allow_see,
        "ringOnMonitoredCall": false,
        "pickUpCallsOnHold": false,
        "meetingStatus": "Disconnected",
    });
    if let Some(calls) = active_calls {
        v["activeCalls"] = json!(calls.shown);
    }
    v
}

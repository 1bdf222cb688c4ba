//! RingOut's two legs. RingCentral shows a RingOut as two active calls: the callback to the
//! agent's phone (Inbound, from the callee's number) and the call to the callee (Outbound).
//! Their legacy session ids differ by exactly 1000, 2000, 3000 or 4000 and their numbers mirror
//! each other (the rule of RingCentral's own widgets).

use crate::api::models::ActiveCall;

/// The last ten digits of a number, for comparing numbers written differently.
pub fn digits(number: Option<&str>) -> String {
    let all: String = number
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let skip = all.len().saturating_sub(10);
    all[skip..].to_owned()
}

fn session(call: &ActiveCall) -> Option<i64> {
    call.session_id.as_deref()?.trim().parse().ok()
}

fn inbound(call: &ActiveCall) -> bool {
    call.direction.as_deref() == Some("Inbound")
}

/// Whether `callback` (Inbound) and `outbound` are the two legs of one RingOut.
pub fn two_legs(callback: &ActiveCall, outbound: &ActiveCall) -> bool {
    if !inbound(callback) || inbound(outbound) {
        return false;
    }
    let apart = match (session(callback), session(outbound)) {
        (Some(a), Some(b)) => a.abs_diff(b),
        _ => return false,
    };
    let mirrored = digits(callback.from.as_deref()) == digits(outbound.to.as_deref())
        && !digits(callback.from.as_deref()).is_empty();
    [1000, 2000, 3000, 4000].contains(&apart) && mirrored
}

/// Splits `calls` into the calls to show (RingOut callbacks removed) and the ids of outbound
/// calls that are RingOuts.
pub fn merge(calls: &[ActiveCall]) -> (Vec<&ActiveCall>, Vec<String>) {
    let mut ring_outs = Vec::new();
    let mut shown = Vec::new();
    for call in calls {
        let partner = calls
            .iter()
            .find(|other| two_legs(call, other) || two_legs(other, call));
        match partner {
            Some(_) if inbound(call) => {}
            Some(_) => {
                ring_outs.push(call.id.clone());
                shown.push(call);
            }
            None => shown.push(call),
        }
    }
    (shown, ring_outs)
}

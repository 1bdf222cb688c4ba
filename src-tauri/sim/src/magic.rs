//! Phone-number normalisation and the documented magic numbers that drive outcomes.
//!
//! Magic numbers are US numbers in the fictional 555-01xx block, `+1 NPA 555 01xx` with any area
//! code; the last three digits pick the outcome (see the README for the table). Any other valid
//! number succeeds.

/// What happens when the callee leg of a RingOut is dialled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalleeOutcome {
    /// 555-0150: the callee is busy.
    Busy,
    /// 555-0151: the callee never answers.
    NoAnswer,
    /// 555-0152: the callee rejects the call.
    Rejected,
    /// 555-0153: the callee cannot be reached (PSTN error).
    CannotReach,
    /// 555-0154: international calling is disabled for this destination.
    InternationalDisabled,
    /// 555-0155: the destination is blocked.
    DestinationBlocked,
}

/// What the caller's own phone (RingOut leg 1) does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallerOutcome {
    /// 555-0160: the caller never answers.
    NoAnswer,
    /// 555-0161: the caller's phone is busy.
    Busy,
    /// 555-0162: the caller declines the call.
    Rejected,
}

/// What happens to an outbound SMS to a recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmsOutcome {
    /// 555-0170: the carrier reports `DeliveryFailed`.
    DeliveryFailed,
    /// 555-0171: sending fails (`SendingFailed`).
    SendingFailed,
}

/// The magic suffix (the last three digits) of `+1 NPA 555 0xxx` numbers, if any.
fn magic_suffix(e164: &str) -> Option<u32> {
    let digits = e164.strip_prefix("+1")?;
    if digits.len() != 10 || !digits.bytes().all(|c| c.is_ascii_digit()) || &digits[3..7] != "5550"
    {
        return None;
    }
    digits[7..].parse().ok()
}

/// The callee outcome a number triggers, `None` for a normal (successful) number.
pub fn callee_outcome(e164: &str) -> Option<CalleeOutcome> {
    Some(match magic_suffix(e164)? {
        150 => CalleeOutcome::Busy,
        151 => CalleeOutcome::NoAnswer,
        152 => CalleeOutcome::Rejected,
        153 => CalleeOutcome::CannotReach,
        154 => CalleeOutcome::InternationalDisabled,
        155 => CalleeOutcome::DestinationBlocked,
        _ => return None,
    })
}

/// The caller-leg outcome a "ring me at" number triggers, `None` when it answers.
pub fn caller_outcome(e164: &str) -> Option<CallerOutcome> {
    Some(match magic_suffix(e164)? {
        160 => CallerOutcome::NoAnswer,
        161 => CallerOutcome::Busy,
        162 => CallerOutcome::Rejected,
        _ => return None,
    })
}

/// The SMS outcome for a recipient, `None` when it is delivered.
pub fn sms_outcome(e164: &str) -> Option<SmsOutcome> {
    Some(match magic_suffix(e164)? {
        170 => SmsOutcome::DeliveryFailed,
        171 => SmsOutcome::SendingFailed,
        _ => return None,
    })
}

/// Normalises a dialable number to E.164, the way RingCentral accepts numbers: `+` and 7–15
/// digits, or a 10-digit (or `1` + 10-digit) NANP number; spaces, dashes, dots and brackets are
/// ignored. Returns `None` for anything else.
pub fn normalize(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let plus = trimmed.starts_with('+');
    let mut digits = String::with_capacity(trimmed.len());
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return None,
        }
    }
    if plus {
        return (7..=15)
            .contains(&digits.len())
            .then(|| format!("+{digits}"));
    }
    match digits.len() {
        10 => Some(format!("+1{digits}")),
        11 if digits.starts_with('1') => Some(format!("+{digits}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_common_formats() {
        assert_eq!(
            normalize("(650) 555-0100").as_deref(),
            Some("+16505550100"),
            "US national format"
        );
        assert_eq!(
            normalize("1 650 555 0100").as_deref(),
            Some("+16505550100"),
            "US with trunk 1"
        );
        assert_eq!(
            normalize("+44 20 7946 0123").as_deref(),
            Some("+442079460123"),
            "international"
        );
        assert_eq!(normalize("12ab"), None, "letters are not a number");
        assert_eq!(normalize("+12"), None, "too short");
        assert_eq!(normalize(""), None, "empty");
    }

    #[test]
    fn magic_numbers_pick_outcomes_and_normal_numbers_succeed() {
        assert_eq!(
            callee_outcome("+16505550150"),
            Some(CalleeOutcome::Busy),
            "0150 is busy"
        );
        assert_eq!(
            callee_outcome("+12125550155"),
            Some(CalleeOutcome::DestinationBlocked),
            "any area code"
        );
        assert_eq!(
            callee_outcome("+16505550101"),
            None,
            "a normal number succeeds"
        );
        assert_eq!(
            callee_outcome("+442079460150"),
            None,
            "only US 555-01xx numbers are magic"
        );
        assert_eq!(
            caller_outcome("+16505550160"),
            Some(CallerOutcome::NoAnswer),
            "0160 never answers"
        );
        assert_eq!(
            sms_outcome("+16505550170"),
            Some(SmsOutcome::DeliveryFailed),
            "0170 fails delivery"
        );
    }
}

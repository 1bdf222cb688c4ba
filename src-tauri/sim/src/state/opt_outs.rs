//! Business-SMS opt-out as RingCentral enforces it, per (business number, recipient) pair: a
//! customer who texts STOP (or UNSUBSCRIBE, QUIT, CANCEL, END) blocks further texts from that
//! number to them — accepted, then failed with `deliveryErrorCode` `SMS-RC-413`; START (or
//! SUBSCRIBE, RESUME, CONTINUE, UNSTOP) lifts it. The keyword lists are RingCentral's documented
//! High Volume SMS ones (docs/ringcentral/NEXT-APIS.md §3.2). Each keyword leaves a consent
//! record, read with `searchSmsConsentRecords`.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

const STOP: [&str; 5] = ["STOP", "UNSUBSCRIBE", "QUIT", "CANCEL", "END"];
const START: [&str; 5] = ["START", "SUBSCRIBE", "RESUME", "CONTINUE", "UNSTOP"];

/// A consent record (`SmsOptRecord`, coverage `PhoneNumber`, source `Recipient`): the
/// recipient's last keyword to one business number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consent {
    /// The business number (`from`).
    pub ours: String,
    /// The recipient (`to`).
    pub theirs: String,
    /// Whether they opted out (`OptOut`) or back in (`OptIn`).
    pub opted_out: bool,
    /// `lastModifiedTime`.
    pub modified: DateTime<Utc>,
}

/// The consent records, keyed by (our number, their number).
#[derive(Debug, Default)]
pub struct OptOuts(BTreeMap<(String, String), Consent>);

impl OptOuts {
    /// Takes in a text `theirs` sent to `ours` at `at`: a keyword alone opts out or in.
    pub fn heard(&mut self, ours: &str, theirs: &str, text: &str, at: DateTime<Utc>) {
        let word = text
            .trim()
            .trim_end_matches(['.', '!'])
            .to_ascii_uppercase();
        let opted_out = if STOP.contains(&word.as_str()) {
            true
        } else if START.contains(&word.as_str()) {
            false
        } else {
            return;
        };
        let key = (ours.to_owned(), theirs.to_owned());
        self.0.insert(
            key,
            Consent {
                ours: ours.to_owned(),
                theirs: theirs.to_owned(),
                opted_out,
                modified: at,
            },
        );
    }

    /// Whether texts from `ours` to `theirs` are blocked.
    pub fn blocks(&self, ours: &str, theirs: &str) -> bool {
        self.0
            .get(&(ours.to_owned(), theirs.to_owned()))
            .is_some_and(|c| c.opted_out)
    }

    /// Every record, in a stable order (our number, then theirs).
    pub fn records(&self) -> impl Iterator<Item = &Consent> {
        self.0.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_blocks_the_pair_and_start_lifts_it() {
        let mut outs = OptOuts::default();
        let at = Utc::now();
        outs.heard("+1650", "+1415", " stop ", at);
        assert!(outs.blocks("+1650", "+1415"));
        assert!(!outs.blocks("+1651", "+1415"), "per business number");
        outs.heard("+1650", "+1415", "please stop texting me", at);
        assert!(outs.blocks("+1650", "+1415"), "only a keyword alone counts");
        outs.heard("+1650", "+1415", "Start", at);
        assert!(!outs.blocks("+1650", "+1415"));
        let records: Vec<_> = outs.records().collect();
        assert_eq!(records.len(), 1, "the opt-in is a record too");
        assert!(!records[0].opted_out);
    }
}

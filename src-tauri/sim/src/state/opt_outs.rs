//! Business-SMS opt-out as RingCentral enforces it, per (business number, recipient) pair: a
//! customer who texts STOP (or UNSUBSCRIBE, QUIT, CANCEL, END) blocks further texts from that
//! number to them — accepted, then failed with `deliveryErrorCode` `SMS-RC-413`; START (or
//! SUBSCRIBE, RESUME, CONTINUE, UNSTOP) lifts it. The keyword lists are RingCentral's documented
//! High Volume SMS ones (docs/ringcentral/NEXT-APIS.md §3.2).

use std::collections::HashSet;

const STOP: [&str; 5] = ["STOP", "UNSUBSCRIBE", "QUIT", "CANCEL", "END"];
const START: [&str; 5] = ["START", "SUBSCRIBE", "RESUME", "CONTINUE", "UNSTOP"];

/// The opted-out pairs (our number, their number).
#[derive(Debug, Default)]
pub struct OptOuts(HashSet<(String, String)>);

impl OptOuts {
    /// Takes in a text `theirs` sent to `ours`: a keyword alone opts out or in.
    pub fn heard(&mut self, ours: &str, theirs: &str, text: &str) {
        let word = text
            .trim()
            .trim_end_matches(['.', '!'])
            .to_ascii_uppercase();
        let pair = (ours.to_owned(), theirs.to_owned());
        if STOP.contains(&word.as_str()) {
            self.0.insert(pair);
        } else if START.contains(&word.as_str()) {
            self.0.remove(&pair);
        }
    }

    /// Whether texts from `ours` to `theirs` are blocked.
    pub fn blocks(&self, ours: &str, theirs: &str) -> bool {
        self.0.contains(&(ours.to_owned(), theirs.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_blocks_the_pair_and_start_lifts_it() {
        let mut outs = OptOuts::default();
        outs.heard("+1650", "+1415", " stop ");
        assert!(outs.blocks("+1650", "+1415"));
        assert!(!outs.blocks("+1651", "+1415"), "per business number");
        outs.heard("+1650", "+1415", "please stop texting me");
        assert!(outs.blocks("+1650", "+1415"), "only a keyword alone counts");
        outs.heard("+1650", "+1415", "Start");
        assert!(!outs.blocks("+1650", "+1415"));
    }
}

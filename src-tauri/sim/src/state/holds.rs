//! When Call Control put a party on hold and took it off again.

use chrono::{DateTime, Utc};

/// The instants a party's hold was toggled, oldest first: held after an odd number of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holds(Vec<DateTime<Utc>>);

impl Holds {
    /// Whether the party is on hold at `t`.
    pub fn held_at(&self, t: DateTime<Utc>) -> bool {
        self.0.iter().filter(|toggle| **toggle <= t).count() % 2 == 1
    }

    /// Puts the party on hold at `t`, or takes it off hold.
    pub fn toggle(&mut self, t: DateTime<Utc>) {
        self.0.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn hold_and_resume_alternate() {
        let t0 = Utc::now();
        let mut holds = Holds::default();
        assert!(!holds.held_at(t0), "not held at first");
        holds.toggle(t0 + Duration::seconds(1));
        holds.toggle(t0 + Duration::seconds(3));
        assert!(!holds.held_at(t0), "before the hold");
        assert!(holds.held_at(t0 + Duration::seconds(2)), "held between");
        assert!(!holds.held_at(t0 + Duration::seconds(4)), "resumed");
    }
}

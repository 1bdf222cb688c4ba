//! What a link may dial at once. With "call at once" chosen, a clicked link places a real call
//! without a second look, and any process of the session can hand ringdesk a link: only
//! ordinary numbers of the agent's own country (fixed line or mobile) are dialed straight away,
//! and never more than a few links a minute. Anything else is shown with the reason, and the
//! agent presses Call.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::phone::{Country, NormalizedNumber, NumberType};

/// Links that may dial at once within [`BURST_WINDOW`].
pub const BURST_LIMIT: usize = 3;
/// The window a burst is counted in.
pub const BURST_WINDOW: Duration = Duration::from_secs(60);

/// The dial-at-once links of the last minute.
#[derive(Debug, Default)]
pub(crate) struct DialGuard {
    recent: VecDeque<Instant>,
}

impl DialGuard {
    /// Why `number`, asked for at `now` by a link, is shown instead of dialed; `None` to dial.
    /// Every link asking counts towards the burst, dialed or not.
    pub(crate) fn hold(
        &mut self,
        number: &NormalizedNumber,
        home: Country,
        now: Instant,
    ) -> Option<String> {
        while self
            .recent
            .front()
            .is_some_and(|at| now.duration_since(*at) >= BURST_WINDOW)
        {
            self.recent.pop_front();
        }
        let burst = self.recent.len() >= BURST_LIMIT;
        self.recent.push_back(now);
        if burst {
            return Some(format!(
                "More than {BURST_LIMIT} links asked to call within a minute: press Call to dial this one."
            ));
        }
        unusual(number, home)
    }
}

/// Why the agent should look at `number` first; `None` for a fixed-line or mobile number of
/// `home`.
fn unusual(number: &NormalizedNumber, home: Country) -> Option<String> {
    if number.country() != Some(home) {
        return Some("An international number: press Call to dial it.".into());
    }
    let why = match number.number_type() {
        NumberType::FixedLine | NumberType::Mobile | NumberType::FixedLineOrMobile => return None,
        NumberType::PremiumRate => "A premium-rate number: press Call to dial it.",
        NumberType::Unknown => "A number of no known kind: check it, then press Call to dial it.",
        _ => "Not an ordinary phone number: check it, then press Call to dial it.",
    };
    Some(why.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phone;

    fn number(text: &str) -> NormalizedNumber {
        phone::normalize(
            &phone::parse_input(text).expect("reads"),
            Country::united_states(),
        )
        .expect("valid")
    }

    #[test]
    fn only_ordinary_home_numbers_dial_at_once() {
        let us = Country::united_states();
        let mut guard = DialGuard::default();
        let start = Instant::now();
        let minutes = |n: u64| start + Duration::from_secs(61 * n);
        assert_eq!(guard.hold(&number("+1 650 555 0123"), us, minutes(0)), None);
        assert!(
            guard
                .hold(&number("+44 20 7946 0018"), us, minutes(1))
                .is_some_and(|why| why.contains("international")),
            "a number abroad is shown first"
        );
        assert!(
            guard
                .hold(&number("+1 900 555 0123"), us, minutes(2))
                .is_some_and(|why| why.contains("premium")),
            "a premium-rate number is shown first"
        );
    }

    #[test]
    fn a_burst_of_links_is_held_then_forgotten() {
        let us = Country::united_states();
        let mut guard = DialGuard::default();
        let start = Instant::now();
        for second in 0..3 {
            let at = start + Duration::from_secs(second);
            assert_eq!(guard.hold(&number("+1 650 555 0123"), us, at), None);
        }
        let fourth = guard.hold(
            &number("+1 650 555 0124"),
            us,
            start + Duration::from_secs(3),
        );
        assert!(fourth.is_some_and(|why| why.contains("within a minute")));
        let later = start + Duration::from_secs(3) + BURST_WINDOW;
        assert_eq!(
            guard.hold(&number("+1 650 555 0125"), us, later),
            None,
            "a minute later links dial again"
        );
    }
}

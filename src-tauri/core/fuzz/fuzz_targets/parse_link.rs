//! Any bytes as a link the OS hands over: `parse_link` never panics, and every target it returns
//! is well formed and resolves (or is rejected) without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ringdesk_core::phone::{self, Country, Destination, Link, MAX_EXTENSION_DIGITS};

const HOMES: [&str; 6] = ["US", "GB", "DE", "IN", "BR", "JP"];

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let link = match phone::parse_link(raw) {
        Ok(link) => link,
        Err(error) => {
            assert!(!error.to_string().is_empty() && !error.hint().is_empty());
            return;
        }
    };
    let targets = match &link {
        Link::Call(target) => vec![target],
        Link::Sms { recipients, .. } => recipients.iter().collect(),
    };
    let Ok(home) = HOMES[data.len() % HOMES.len()].parse::<Country>() else {
        return;
    };
    for target in targets {
        let digits = target.number().strip_prefix('+').unwrap_or(target.number());
        assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{target:?}");
        let extension = target.extension().unwrap_or_default();
        assert!(extension.bytes().all(|b| b.is_ascii_digit()), "{target:?}");
        assert!(extension.len() <= MAX_EXTENSION_DIGITS, "{target:?}");
        if let Ok(Destination::External(number)) = phone::resolve(target, home) {
            assert!(number.e164().starts_with('+'), "{number:?}");
            let _ = number.match_key();
        }
    }
});

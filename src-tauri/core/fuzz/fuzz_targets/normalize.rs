//! Any text pasted into the dial field, under any home country: parsing and normalising never
//! panic, and normalisation is idempotent — an E.164 result normalises to itself from anywhere.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ringdesk_core::phone::{self, Country, Destination, DisplayFormat};

const HOMES: [&str; 10] = ["US", "GB", "DE", "FR", "IN", "AU", "BR", "JP", "IT", "NZ"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let home_code = HOMES[usize::from(selector) % HOMES.len()];
    let Ok(home) = home_code.parse::<Country>() else {
        return;
    };
    let Ok(target) = phone::parse_input(text) else {
        return;
    };
    let Ok(Destination::External(number)) = phone::resolve(&target, home) else {
        return;
    };
    for format in [
        DisplayFormat::E164,
        DisplayFormat::International,
        DisplayFormat::National,
        DisplayFormat::Rfc3966,
    ] {
        assert!(!number.display(format).is_empty());
    }
    let elsewhere = HOMES[(usize::from(selector) + 1) % HOMES.len()];
    let Ok(other_home) = elsewhere.parse::<Country>() else {
        return;
    };
    let again = phone::parse_input(number.e164()).and_then(|t| phone::normalize(&t, other_home));
    match again {
        Ok(again) => assert_eq!(again.e164(), number.e164(), "{text:?} from {home_code}"),
        Err(error) => panic!(
            "{text:?} from {home_code} gave {} which fails: {error}",
            number.e164()
        ),
    }
});

//! Properties over the tables and over generated input: idempotence, round trips, no panics.

use super::{countries, country, external};
use crate::phone::{
    parse_input, parse_link, resolve, Destination, DisplayFormat, Link, MAX_EXTENSION_DIGITS,
    MAX_NUMBER_DIGITS,
};

const HOMES: [&str; 9] = ["US", "GB", "DE", "FR", "IN", "AU", "BR", "JP", "IT"];

#[test]
fn case_count() {
    let tables = [
        super::links::CALL_LINKS.len(),
        super::sms::SMS_LINKS.len(),
        super::text::PASTED.len(),
        countries::NORMALISED.len(),
        countries::FORMATS.len(),
        super::context::LOCAL_LINKS.len(),
        super::short_numbers::SHORT.len(),
        super::matching::PAIRS.len(),
        super::matching::KEYS.len(),
        super::hostile::rejected_text().len(),
        super::hostile::rejected_links().len(),
    ];
    let total: usize = tables.iter().sum();
    assert!(
        total >= 150,
        "the issue asks for at least 150 table cases, found {total}"
    );
    eprintln!("phone: {total} table cases"); // shown with --nocapture
}

#[test]
fn normalising_an_e164_number_again_changes_nothing_whatever_the_home_country() {
    for (text, home, ..) in countries::NORMALISED {
        let first = external(text, home);
        for other_home in HOMES {
            let again = external(first.e164(), other_home);
            assert_eq!(again, first, "{text:?}: {} from {other_home}", first.e164());
        }
    }
}

#[test]
fn every_display_format_reads_back_as_the_same_number() {
    for (text, home, ..) in countries::NORMALISED {
        let number = external(&format!("{text} x 42"), home);
        let mut shown = vec![
            (
                number.display(DisplayFormat::International),
                home.to_owned(),
            ),
            (number.display(DisplayFormat::E164), "JP".to_owned()),
        ];
        // The national format reads back in the number's own country (non-geographic numbers,
        // such as +800, have none).
        if let Some(region) = number.country() {
            shown.push((
                number.display(DisplayFormat::National),
                region.iso_code().to_owned(),
            ));
        }
        for (display, read_in) in &shown {
            let back = external(display, read_in);
            assert_eq!(
                back.match_key(),
                number.match_key(),
                "{display:?} in {read_in}"
            );
        }
        let link = number.display(DisplayFormat::Rfc3966);
        let Ok(Link::Call(target)) = parse_link(&link) else {
            panic!("{link:?} is a tel: link");
        };
        let Ok(Destination::External(back)) = resolve(&target, country("FR")) else {
            panic!("{link:?} resolves");
        };
        assert_eq!(back.match_key(), number.match_key(), "{link:?}");
    }
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, pieces: &[&'a str]) -> &'a str {
        let index = usize::try_from(self.next() % pieces.len() as u64).unwrap_or(0);
        pieces[index]
    }
}

/// Fragments that exercise every branch of the parsers when strung together.
const PIECES: [&str; 48] = [
    "0",
    "1",
    "5",
    "9",
    "00",
    "011",
    "+",
    "+1",
    "+44",
    "*",
    "#",
    ",",
    ";",
    "=",
    "%",
    "%2B",
    "%20",
    "%3B",
    "%0",
    "%FF",
    "%F0%9F%93%9E",
    " ",
    "-",
    ".",
    "(",
    ")",
    "/",
    "x",
    "ext",
    "p",
    "w",
    "FLOWERS",
    "mobile",
    "é",
    "٣",
    "５",
    "📞",
    "\u{202E}",
    "\u{0}",
    "\n",
    ";ext=",
    ";postd=",
    ";phone-context=",
    "example.com",
    "?body=",
    "&",
    "tel:",
    "sms:",
];

#[test]
fn generated_input_never_panics_and_every_success_is_well_formed() {
    let mut generator = Generator(0x5EED_1234_ABCD_0001);
    for _ in 0..4000 {
        let len = generator.next() % 12;
        let text: String = (0..len).map(|_| generator.pick(&PIECES)).collect();
        let home = country(generator.pick(&HOMES));
        let mut targets = Vec::new();
        match parse_link(&text) {
            Ok(Link::Call(target)) => targets.push(target),
            Ok(Link::Sms { recipients, .. }) => targets.extend(recipients),
            Err(error) => assert!(!error.hint().is_empty()),
        }
        targets.extend(parse_input(&text));
        for target in targets {
            let digits = target.number().trim_start_matches('+');
            assert!(
                digits.bytes().all(|b| b.is_ascii_digit()),
                "{text:?} → {target:?}"
            );
            assert!(digits.len() <= MAX_NUMBER_DIGITS, "{text:?}");
            let extension = target.extension().unwrap_or("0");
            assert!(extension.bytes().all(|b| b.is_ascii_digit()), "{text:?}");
            assert!(extension.len() <= MAX_EXTENSION_DIGITS, "{text:?}");
            if let Ok(Destination::External(number)) = resolve(&target, home) {
                let e164 = number.e164();
                assert!(
                    e164.starts_with('+') && e164.len() <= 1 + 3 + 17,
                    "{text:?} → {e164}"
                );
                assert_eq!(external(e164, "US").e164(), e164, "{text:?}: idempotent");
            }
        }
    }
}

/// Inputs the fuzzer found, kept as regression cases: (pasted text, home country, other home).
const FUZZ_FINDINGS: [(&str, &str, &str); 2] = [
    // A US local number whose E.164 form, read again, matched Dominica's rule for dialling local
    // numbers at home (`767 0767` → `767 767 0767`).
    (" 76Q0 Q6 Q", "US", "GB"),
    // `0002` in France read as `+33 02`, which is too short to read back.
    ("000B", "FR", "IN"),
];

/// The fuzz target's property: whatever normalises, normalises to itself from anywhere.
#[test]
fn fuzz_findings_stay_fixed() {
    for (text, home, other_home) in FUZZ_FINDINGS {
        let target = parse_input(text).unwrap_or_else(|error| panic!("{text:?}: {error}"));
        let Ok(Destination::External(first)) = resolve(&target, country(home)) else {
            continue;
        };
        let again = external(first.e164(), other_home);
        assert_eq!(
            again.e164(),
            first.e164(),
            "{text:?} from {home}, then {other_home}"
        );
    }
}

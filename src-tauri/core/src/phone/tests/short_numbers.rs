//! Short numbers: internal extensions, emergency numbers, and what is too short to be either.

use super::country;
use crate::phone::{normalize, parse_input, resolve, Destination, PhoneError};

#[derive(Debug)]
pub(super) enum Outcome {
    /// An internal extension of the agent's account.
    Extension(&'static str),
    /// An outside number, in E.164.
    Number(&'static str),
    /// Refused as an emergency number.
    Emergency,
    /// Refused as too short.
    TooShort,
    /// Refused: a short number with an extension of its own.
    Conflict,
}

use Outcome::{Conflict, Emergency, Extension, Number, TooShort};

/// (as written, home country, outcome)
pub(super) const SHORT: [(&str, &str, Outcome); 26] = [
    ("101", "US", Extension("101")),
    ("2270", "US", Extension("2270")),
    ("12345", "GB", Extension("12345")),
    ("123456", "DE", Extension("123456")),
    ("*227", "US", Extension("227")),
    ("#227", "US", Extension("227")),
    ("ext. 227", "FR", Extension("227")),
    ("x 9", "US", Extension("9")),
    ("tel:*227", "US", Extension("227")),
    ("999", "US", Extension("999")),
    ("101", "GB", Extension("101")),
    // Seven digits and up are outside numbers, as are short numbers with a trunk `0`.
    ("555-0100", "US", Number("+15550100")),
    ("0800 123 4567", "GB", Number("+448001234567")),
    // Emergency numbers are never dialled, and never mistaken for extensions.
    ("911", "US", Emergency),
    ("tel:911", "US", Emergency),
    ("911 x 5", "US", Emergency),
    ("112", "DE", Emergency),
    ("999", "GB", Emergency),
    ("000", "AU", Emergency),
    ("101", "IN", Emergency),
    ("110", "JP", Emergency),
    ("190", "BR", Emergency),
    ("+1 911", "GB", Emergency),
    ("+44 999", "US", Emergency),
    ("12", "US", TooShort),
    ("101 x 5", "US", Conflict),
];

#[test]
fn short_numbers_are_extensions_unless_they_are_emergencies() {
    for (text, home, expected) in &SHORT {
        let case = format!("{text:?} in {home}");
        let target = parse_input(text).unwrap_or_else(|error| panic!("{case}: {error}"));
        let outcome = resolve(&target, country(home));
        match (expected, &outcome) {
            (Extension(want), Ok(Destination::Internal { extension, .. })) => {
                assert_eq!(extension, want, "{case}");
            }
            (Number(want), Ok(Destination::External(number))) => {
                assert_eq!(number.e164(), *want, "{case}");
            }
            (Emergency, Err(PhoneError::EmergencyNumber { .. }))
            | (TooShort, Err(PhoneError::TooShort { .. }))
            | (Conflict, Err(PhoneError::Conflict { .. })) => {}
            _ => panic!("{case}: expected {expected:?}, got {outcome:?}"),
        }
    }
}

#[test]
fn normalize_refuses_an_extension_with_an_explanation() {
    let error = normalize(&parse_input("101").expect("parses"), country("US"))
        .expect_err("an extension is no outside number");
    assert_eq!(
        error,
        PhoneError::InternalExtension {
            extension: "101".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "101 is an internal extension, not an outside number"
    );
}

#[test]
fn an_emergency_refusal_tells_the_agent_to_use_a_phone() {
    let error = resolve(&parse_input("911").expect("parses"), country("US"))
        .expect_err("emergency numbers are refused");
    assert_eq!(
        error.to_string(),
        "911 is an emergency number; ringdesk cannot place emergency calls"
    );
    assert!(error.hint().contains("from a phone"));
}

#[test]
fn a_destination_serialises_with_its_kind() {
    let internal = resolve(&parse_input("*227").expect("parses"), country("US")).expect("ext");
    let json = serde_json::to_value(&internal).expect("serialisable");
    assert_eq!(
        json,
        serde_json::json!({ "kind": "internal", "extension": "227", "post_dial": null })
    );
    let external =
        resolve(&parse_input("+16505550100").expect("parses"), country("US")).expect("a number");
    let json = serde_json::to_value(&external).expect("serialisable");
    assert_eq!(json["kind"], "external");
    assert_eq!(json["e164"], "+16505550100");
}

#[test]
fn an_extension_keeps_its_post_dial_digits() {
    let destination = resolve(&parse_input("ext. 227,,5").expect("parses"), country("US"));
    assert_eq!(
        destination,
        Ok(Destination::Internal {
            extension: "227".into(),
            post_dial: Some(",,5".into())
        })
    );
}

//! Local numbers, with a `phone-context` (a `+` prefix or a domain) and without one.

use super::{call, country};
use crate::phone::{resolve, Destination, ValidityIssue};

/// (link, home country, where it leads: an E.164 number or `ext:` and the extension)
pub(super) const LOCAL_LINKS: [(&str, &str, &str); 16] = [
    // A `+` prefix makes the local number global, whatever the home country.
    ("tel:5550100;phone-context=+1-650", "US", "+16505550100"),
    ("tel:5550100;phone-context=+1650", "GB", "+16505550100"),
    ("tel:555-0100;phone-context=+1-650", "DE", "+16505550100"),
    ("tel:331-6005;phone-context=+64-3", "US", "+6433316005"),
    ("tel:03-331-6005;phone-context=+64", "US", "+6433316005"),
    ("tel:7946-0958;phone-context=+44-20", "JP", "+442079460958"),
    ("tel:101;phone-context=+1-650-555-0", "US", "+16505550101"),
    // A global number ignores a phone-context (RFC 3966 forbids one there).
    ("tel:+16505550100;phone-context=+44", "US", "+16505550100"),
    // A domain is a private plan: short numbers are extensions, the rest uses the home country.
    ("tel:101;phone-context=example.com", "US", "ext:101"),
    ("tel:2270;PHONE-CONTEXT=pbx.Example.com", "GB", "ext:2270"),
    (
        "tel:650-555-0100;phone-context=example.com",
        "US",
        "+16505550100",
    ),
    (
        "tel:020-7946-0958;phone-context=example.co.uk.",
        "GB",
        "+442079460958",
    ),
    // No context at all: the home country decides (what real links do).
    ("tel:020-7946-0958", "GB", "+442079460958"),
    ("tel:030-123456", "DE", "+4930123456"),
    ("tel:06-12-34-56-78", "FR", "+33612345678"),
    ("tel:101", "US", "ext:101"),
];

#[test]
fn local_numbers_resolve_through_their_context_or_the_home_country() {
    for (link, home, expected) in LOCAL_LINKS {
        let destination = resolve(&call(link), country(home))
            .unwrap_or_else(|error| panic!("{link:?} in {home}: {error}"));
        let found = match &destination {
            Destination::External(number) => number.e164().to_owned(),
            Destination::Internal { extension, .. } => format!("ext:{extension}"),
        };
        assert_eq!(found, expected, "{link:?} in {home}");
    }
}

#[test]
fn a_local_number_without_area_code_is_normalised_but_flagged() {
    for link in [
        "tel:5550100",
        "tel://+1-555-0100",
        "tel:5550100;phone-context=example.com",
    ] {
        let Ok(Destination::External(number)) = resolve(&call(link), country("US")) else {
            panic!("{link:?} is an outside number");
        };
        assert_eq!(number.e164(), "+15550100", "{link:?}");
        assert!(!number.validity().valid, "{link:?} cannot connect as is");
        assert_eq!(
            number.validity().issue,
            Some(ValidityIssue::LocalOnly),
            "{link:?}"
        );
        assert_eq!(
            number.validity().warning(),
            Some("This looks like a local number; add the area code.")
        );
    }
}

#[test]
fn the_anchors_dash_bug_keeps_all_seven_digits_and_warns() {
    let target = call("tel:12345-45");
    assert_eq!(target.number(), "1234545", "no digit dropped at the dash");
    let Ok(Destination::External(number)) = resolve(&target, country("US")) else {
        panic!("seven digits are an outside number");
    };
    assert!(!number.validity().valid, "but not one that connects");
    assert!(number.validity().warning().is_some());
}

//! `tel:` and `callto:` links in every form TEL-LINKS.md lists, and the anchors' bug cases.

use super::{call, parts, Parts};
use crate::phone::PhoneContext;

/// (link, expected number, extension, post-dial)
pub(super) const CALL_LINKS: [(&str, Parts<'static>); 44] = [
    // The RFC forms.
    ("tel:+16505550100", ("+16505550100", None, None)),
    ("tel:+1-650-555-0100", ("+16505550100", None, None)),
    ("tel:+1.650.555.0100", ("+16505550100", None, None)),
    ("tel:+1(650)555-0100", ("+16505550100", None, None)),
    ("tel:5550100", ("5550100", None, None)),
    (
        "tel:+16505550100;ext=101",
        ("+16505550100", Some("101"), None),
    ),
    (
        "tel:+16505550100;ext=1-0-1",
        ("+16505550100", Some("101"), None),
    ),
    ("tel:+16505550100;ext=", ("+16505550100", None, None)),
    (
        "tel:+16505550100;ext=101;ext=101",
        ("+16505550100", Some("101"), None),
    ),
    (
        "tel:+16505550100;foo=bar;ext=101",
        ("+16505550100", Some("101"), None),
    ),
    (
        "tel:+16505550100;flag;ext=101",
        ("+16505550100", Some("101"), None),
    ),
    (
        "TEL:+16505550100;EXT=101",
        ("+16505550100", Some("101"), None),
    ),
    ("tel:+16505550100;isub=1234", ("+16505550100", None, None)),
    (
        "tel:+1-650-555-0100;postd=pp22",
        ("+16505550100", None, Some(",,22")),
    ),
    (
        "tel:+16505550100;postd=1w2",
        ("+16505550100", None, Some("1w2")),
    ),
    (
        "tel:+16505550100;ext=101;postd=p5",
        ("+16505550100", Some("101"), Some(",5")),
    ),
    // Slashes after the scheme are not RFC syntax, but arrive.
    ("tel://+1-555-0100", ("+15550100", None, None)),
    ("tel:/+1-650-555-0100", ("+16505550100", None, None)),
    ("tel:///+16505550100", ("+16505550100", None, None)),
    // Percent-encoding (the anchors' `%2B` bug) and spaces.
    ("tel:+1%20(650)%20555-0100", ("+16505550100", None, None)),
    ("tel:%2B16505550100", ("+16505550100", None, None)),
    ("tel:%2b1%20650%20555%200100", ("+16505550100", None, None)),
    ("tel:+1 650 555 0100", ("+16505550100", None, None)),
    (" tel:+16505550100 ", ("+16505550100", None, None)),
    ("tel:+49%2030%20123456", ("+4930123456", None, None)),
    (
        "tel:+16505550100%3Bext%3D101",
        ("+16505550100", Some("101"), None),
    ),
    (
        "tel:+1-650-555-0100%20x101",
        ("+16505550100", Some("101"), None),
    ),
    (
        "tel:+1%E2%80%91650%E2%80%91555%E2%80%910100",
        ("+16505550100", None, None),
    ),
    // The anchors' other bugs: foreign `+` numbers ignored, a dash read as a range.
    ("tel:+31201234567", ("+31201234567", None, None)),
    ("tel:+44-20-7946-0958", ("+442079460958", None, None)),
    ("tel:12345-45", ("1234545", None, None)),
    // RingCentral's extension conventions and comma pauses.
    ("tel:+16505550100*101", ("+16505550100", Some("101"), None)),
    ("tel:+16505550100#101", ("+16505550100", Some("101"), None)),
    (
        "tel:+16505550100%23101",
        ("+16505550100", Some("101"), None),
    ),
    ("tel:+16505550100,,22", ("+16505550100", None, Some(",,22"))),
    (
        "tel:+16505550100*101,,5",
        ("+16505550100", Some("101"), Some(",,5")),
    ),
    ("tel:*227", ("", Some("227"), None)),
    // Keypad letters, and digits in other scripts.
    ("tel:1-800-FLOWERS", ("18003569377", None, None)),
    ("tel:+1-800-GOT-JUNK", ("+18004685865", None, None)),
    ("tel:０３-１２３４-５６７８", ("0312345678", None, None)),
    // callto: is handled exactly like tel:.
    ("callto:+16505550100", ("+16505550100", None, None)),
    ("callto://+16505550100", ("+16505550100", None, None)),
    (
        "CALLTO:+1 650 555 0100;ext=7",
        ("+16505550100", Some("7"), None),
    ),
    ("tel:+16505550100?call", ("+16505550100", None, None)),
];

#[test]
fn call_links_keep_every_digit_in_its_place() {
    for (link, expected) in CALL_LINKS {
        assert_eq!(parts(&call(link)), expected, "{link:?}");
    }
}

#[test]
fn a_link_keeps_its_context_subaddress_and_original_text() {
    let target = call(" tel:5550100;phone-context=Example.COM;isub=%41B ");
    assert_eq!(
        target.phone_context(),
        Some(&PhoneContext::Domain("example.com".into()))
    );
    assert_eq!(
        target.subaddress(),
        Some("AB"),
        "isub is decoded and kept, never dialled"
    );
    assert_eq!(
        target.original(),
        "tel:5550100;phone-context=Example.COM;isub=%41B"
    );
    assert!(!target.is_global());
    assert!(call("tel:+16505550100").is_global());
}

#[test]
fn a_link_serialises_for_the_ui_with_its_kind() {
    let link = crate::phone::parse_link("tel:+16505550100;ext=101").expect("a call");
    let json = serde_json::to_value(&link).expect("serialisable");
    assert_eq!(json["kind"], "call");
    assert_eq!(json["number"], "+16505550100");
    assert_eq!(json["extension"], "101");
    assert_eq!(json["post_dial"], serde_json::Value::Null);
}

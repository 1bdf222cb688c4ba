//! Numbers as agents paste them from CRMs, spreadsheets, signatures and web pages.

use super::{parts, Parts};
use crate::phone::parse_input;

/// (pasted text, expected number, extension, post-dial)
pub(super) const PASTED: [(&str, Parts<'static>); 50] = [
    // The brief's examples.
    ("(650) 555-0100 x 12", ("6505550100", Some("12"), None)),
    ("555.555.5555 x 9", ("5555555555", Some("9"), None)),
    ("ext. 227", ("", Some("227"), None)),
    ("+44 20 7946 0958", ("+442079460958", None, None)),
    ("1-800-FLOWERS", ("18003569377", None, None)),
    ("+16505550100*101", ("+16505550100", Some("101"), None)),
    ("+16505550100#101", ("+16505550100", Some("101"), None)),
    ("+16505550100,,22", ("+16505550100", None, Some(",,22"))),
    // Extensions written as text.
    ("x227", ("", Some("227"), None)),
    ("650-555-0100 ext. 227", ("6505550100", Some("227"), None)),
    ("650-555-0100 ext 227", ("6505550100", Some("227"), None)),
    (
        "650-555-0100 extension 227",
        ("6505550100", Some("227"), None),
    ),
    ("650-555-0100 X 227", ("6505550100", Some("227"), None)),
    ("650-555-0100 Ext:227", ("6505550100", Some("227"), None)),
    ("650-555-0100 extn. 227", ("6505550100", Some("227"), None)),
    (
        "+33 1 42 68 53 00 poste 12",
        ("+33142685300", Some("12"), None),
    ),
    ("+16505550100;ext=101", ("+16505550100", Some("101"), None)),
    (
        "+1 650 555 0100 ext. 0012",
        ("+16505550100", Some("0012"), None),
    ),
    ("*227", ("", Some("227"), None)),
    ("#227", ("", Some("227"), None)),
    // Post-dial pauses and waits.
    ("+16505550100pp22", ("+16505550100", None, Some(",,22"))),
    (
        "+16505550100 x12,,3",
        ("+16505550100", Some("12"), Some(",,3")),
    ),
    ("+1 650 555 0100 w 5", ("+16505550100", None, Some("w5"))),
    ("650.555.0100;5", ("6505550100", None, Some("w5"))),
    ("+16505550100,,", ("+16505550100", None, None)),
    // Separators of every kind, and white space around.
    ("+1 (650) 555-0100", ("+16505550100", None, None)),
    ("+1 650 555 0100\n", ("+16505550100", None, None)),
    ("  +1 650 555 0100  ", ("+16505550100", None, None)),
    ("650/555-0100", ("6505550100", None, None)),
    (
        "+1\u{00A0}650\u{00A0}555\u{00A0}0100",
        ("+16505550100", None, None),
    ),
    (
        "+1\u{2011}650\u{2011}555\u{2011}0100",
        ("+16505550100", None, None),
    ),
    (
        "\u{200E}+1 650 555 0100\u{200E}",
        ("+16505550100", None, None),
    ),
    ("+44 (0)20 7946 0958", ("+4402079460958", None, None)),
    // Digits of other scripts.
    ("٠١٢٣٤٥٦٧٨٩", ("0123456789", None, None)),
    ("＋８１ ３-１２３４-５６７８", ("+81312345678", None, None)),
    // Labels before, notes after.
    ("Phone: +1 650 555 0100", ("+16505550100", None, None)),
    ("T. +44 20 7946 0958", ("+442079460958", None, None)),
    ("Mobile +1 650 555 0100", ("+16505550100", None, None)),
    (
        "Téléphone : +33 1 42 68 53 00",
        ("+33142685300", None, None),
    ),
    ("+1 650 555 0100 (mobile)", ("+16505550100", None, None)),
    ("+1 650 555 0100 [work]", ("+16505550100", None, None)),
    ("+1 650 555 0100, mobile", ("+16505550100", None, None)),
    ("(650) 555-0100, ext. 12", ("6505550100", Some("12"), None)),
    // Keypad letters where they continue the number.
    ("1 800 FLOWERS", ("18003569377", None, None)),
    ("1-800-Flowers", ("18003569377", None, None)),
    ("+1-800-GOT-JUNK", ("+18004685865", None, None)),
    // Short numbers and RingCentral's E.164 without `+` stay as written.
    ("101", ("101", None, None)),
    ("16505550100", ("16505550100", None, None)),
    // Links pasted into the dial field.
    (
        "tel:+16505550100;ext=101",
        ("+16505550100", Some("101"), None),
    ),
    ("sms:+15105550101?body=hi", ("+15105550101", None, None)),
];

#[test]
fn pasted_numbers_keep_every_digit_in_its_place() {
    for (text, expected) in PASTED {
        let target = parse_input(text).unwrap_or_else(|error| panic!("{text:?}: {error}"));
        assert_eq!(parts(&target), expected, "{text:?}");
    }
}

#[test]
fn the_original_text_is_kept_trimmed() {
    let target = parse_input("  Phone: (650) 555-0100 x 12\r\n").expect("a number");
    assert_eq!(target.original(), "Phone: (650) 555-0100 x 12");
}

//! Number matching for contacts and history: spellings match, extensions tell lines apart.

use super::{country, external};
use crate::phone::{numbers_match, MatchKey};

/// (one spelling, another, home country, same line?)
pub(super) const PAIRS: [(&str, &str, &str, bool); 18] = [
    ("(650) 555-0100", "+1 650-555-0100", "US", true),
    ("650.555.0100", "tel:+16505550100", "US", true),
    ("+16505550100", "16505550100", "US", true),
    ("+1 650 555 0100 x 101", "+16505550100*101", "US", true),
    ("tel:+16505550100;ext=101", "+16505550100#101", "US", true),
    ("+16505550100,,22", "+16505550100", "US", true),
    ("1-800-FLOWERS", "+1 800 356 9377", "US", true),
    ("020 7946 0958", "+44 20 7946 0958", "GB", true),
    ("+44 (0)20 7946 0958", "0044 20 7946 0958", "GB", true),
    ("011 44 20 7946 0958", "+442079460958", "US", true),
    ("030 123456", "+49 30 123456", "DE", true),
    ("06 12 34 56 78", "+33 6 12 34 56 78", "FR", true),
    ("+16505550100 x101", "+16505550100 x102", "US", false),
    ("+16505550100 x101", "+16505550100", "US", false),
    ("+16505550100 x 012", "+16505550100 x 12", "US", false),
    ("+16505550100", "+16505550101", "US", false),
    ("416-555-0100", "650-555-0100", "US", false),
    ("020 7946 0958", "+1 020 7946 0958", "GB", false),
];

#[test]
fn two_spellings_of_one_line_match_and_other_lines_do_not() {
    for (a, b, home, same) in PAIRS {
        let (first, second) = (external(a, home), external(b, home));
        assert_eq!(
            numbers_match(&first, &second),
            same,
            "{a:?} vs {b:?} in {home}"
        );
        assert_eq!(
            first.match_key() == second.match_key(),
            same,
            "the stored keys of {a:?} and {b:?} agree with numbers_match"
        );
    }
}

/// (as written, home country, the stored key)
pub(super) const KEYS: [(&str, &str, &str); 6] = [
    ("+1 650 555 0100", "US", "+16505550100"),
    ("(650) 555-0100 x 101", "US", "+16505550100;ext=101"),
    ("+16505550100*101,,5", "US", "+16505550100;ext=101"),
    ("101", "US", "ext:101"),
    ("ext. 101", "GB", "ext:101"),
    ("020 7946 0958", "GB", "+442079460958"),
];

#[test]
fn match_keys_have_a_fixed_format() {
    for (text, home, key) in KEYS {
        let found = MatchKey::from_text(text, country(home))
            .unwrap_or_else(|error| panic!("{text:?}: {error}"));
        assert_eq!(found.as_str(), key, "{text:?} in {home}");
        assert_eq!(found.to_string(), key);
    }
    let internal = MatchKey::from_text("101", country("US")).expect("an extension");
    let outside = MatchKey::from_text("+16505550100 x101", country("US")).expect("a number");
    assert_ne!(
        internal, outside,
        "an extension here is not an extension behind a number"
    );
}

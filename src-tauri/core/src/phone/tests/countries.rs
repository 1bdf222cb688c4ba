//! E.164 normalisation, line types and display formats across countries.

use super::external;
use crate::phone::{DisplayFormat, NumberType};

use NumberType::{FixedLine, FixedLineOrMobile, Mobile, PremiumRate, TollFree};

/// (as written, home country, E.164, line type, the number's region)
#[rustfmt::skip]
pub(super) const NORMALISED: [(&str, &str, &str, NumberType, Option<&str>); 48] = [
    // United States (and the rest of +1).
    ("(650) 555-0100", "US", "+16505550100", FixedLineOrMobile, Some("US")),
    ("650.555.0100", "US", "+16505550100", FixedLineOrMobile, Some("US")),
    ("1-650-555-0100", "US", "+16505550100", FixedLineOrMobile, Some("US")),
    ("16505550100", "US", "+16505550100", FixedLineOrMobile, Some("US")),
    ("+1 650 555 0100", "GB", "+16505550100", FixedLineOrMobile, Some("US")),
    ("1-800-FLOWERS", "US", "+18003569377", TollFree, Some("US")),
    ("+1 900 555 0100", "US", "+19005550100", PremiumRate, Some("US")),
    ("416-555-0100", "CA", "+14165550100", FixedLineOrMobile, Some("CA")),
    ("416-555-0100", "US", "+14165550100", FixedLineOrMobile, Some("CA")),
    ("011 44 20 7946 0958", "US", "+442079460958", FixedLine, Some("GB")),
    // `phonenumber` alone would drop the 1 of these two (see numbering/mod.rs).
    ("+44 121 234 5678", "US", "+441212345678", FixedLine, Some("GB")),
    ("+800 1234 5678", "US", "+80012345678", TollFree, None),
    // United Kingdom.
    ("020 7946 0958", "GB", "+442079460958", FixedLine, Some("GB")),
    ("+44 (0)20 7946 0958", "GB", "+442079460958", FixedLine, Some("GB")),
    ("+44 (0)20 7946 0958", "US", "+442079460958", FixedLine, Some("GB")),
    ("0121 234 5678", "GB", "+441212345678", FixedLine, Some("GB")),
    ("07400 123456", "GB", "+447400123456", Mobile, Some("GB")),
    ("0800 123 4567", "GB", "+448001234567", TollFree, Some("GB")),
    ("00 1 650 555 0100", "GB", "+16505550100", FixedLineOrMobile, Some("US")),
    // Germany.
    ("030 123456", "DE", "+4930123456", FixedLine, Some("DE")),
    ("030/1234567", "DE", "+49301234567", FixedLine, Some("DE")),
    ("+49 30 1234567", "US", "+49301234567", FixedLine, Some("DE")),
    ("0049 30 1234567", "DE", "+49301234567", FixedLine, Some("DE")),
    ("0151 23456789", "DE", "+4915123456789", Mobile, Some("DE")),
    // France.
    ("01 42 68 53 00", "FR", "+33142685300", FixedLine, Some("FR")),
    ("06 12 34 56 78", "FR", "+33612345678", Mobile, Some("FR")),
    ("+33 1 42 68 53 00", "US", "+33142685300", FixedLine, Some("FR")),
    ("0033 6 12 34 56 78", "FR", "+33612345678", Mobile, Some("FR")),
    // India.
    ("098765 43210", "IN", "+919876543210", Mobile, Some("IN")),
    ("98765 43210", "IN", "+919876543210", Mobile, Some("IN")),
    ("+91 98765 43210", "US", "+919876543210", Mobile, Some("IN")),
    ("022 2345 6789", "IN", "+912223456789", FixedLine, Some("IN")),
    ("1800 123 4567", "IN", "+9118001234567", TollFree, Some("IN")),
    // Australia.
    ("(02) 9374 4000", "AU", "+61293744000", FixedLine, Some("AU")),
    ("0412 345 678", "AU", "+61412345678", Mobile, Some("AU")),
    ("1800 123 456", "AU", "+611800123456", TollFree, Some("AU")),
    ("0011 44 20 7946 0958", "AU", "+442079460958", FixedLine, Some("GB")),
    // Brazil, with and without a carrier selection code.
    ("(11) 91234-5678", "BR", "+5511912345678", Mobile, Some("BR")),
    ("+55 11 3456-7890", "US", "+551134567890", FixedLine, Some("BR")),
    ("0800 123 4567", "BR", "+558001234567", TollFree, Some("BR")),
    ("0 15 11 91234-5678", "BR", "+5511912345678", Mobile, Some("BR")),
    // Japan.
    ("03-1234-5678", "JP", "+81312345678", FixedLine, Some("JP")),
    ("090-1234-5678", "JP", "+819012345678", Mobile, Some("JP")),
    ("0120-123-456", "JP", "+81120123456", TollFree, Some("JP")),
    ("010 1 650 555 0100", "JP", "+16505550100", FixedLineOrMobile, Some("US")),
    // Italy keeps its leading zero (see numbering/classify.rs); Spain.
    ("06 1234 5678", "IT", "+390612345678", FixedLine, Some("IT")),
    ("+39 06 1234 5678", "US", "+390612345678", FixedLine, Some("IT")),
    ("+34 612 345 678", "US", "+34612345678", Mobile, Some("ES")),
];

#[test]
fn numbers_normalise_to_e164_with_their_type_and_region() {
    for (text, home, e164, number_type, region) in NORMALISED {
        let number = external(text, home);
        let case = format!("{text:?} from {home}");
        assert_eq!(number.e164(), e164, "{case}");
        assert_eq!(number.number_type(), number_type, "{case}");
        assert_eq!(
            number.country().map(|c| c.iso_code().to_owned()).as_deref(),
            region,
            "{case}"
        );
        assert!(number.validity().valid, "{case} is a valid number");
        assert!(number.validity().possible, "{case} has a possible length");
        assert_eq!(number.validity().warning(), None, "{case} needs no warning");
    }
}

/// (as written, home country, national format, international format)
pub(super) const FORMATS: [(&str, &str, &str, &str); 8] = [
    ("6505550100", "US", "(650) 555-0100", "+1 650-555-0100"),
    ("02079460958", "GB", "020 7946 0958", "+44 20 7946 0958"),
    ("030123456", "DE", "030 123456", "+49 30 123456"),
    ("0142685300", "FR", "01 42 68 53 00", "+33 1 42 68 53 00"),
    ("9876543210", "IN", "098765 43210", "+91 98765 43210"),
    ("0293744000", "AU", "(02) 9374 4000", "+61 2 9374 4000"),
    ("11912345678", "BR", "(11) 91234-5678", "+55 11 91234-5678"),
    ("0312345678", "JP", "03-1234-5678", "+81 3-1234-5678"),
];

#[test]
fn each_country_formats_its_numbers_its_own_way() {
    for (text, home, national, international) in FORMATS {
        let number = external(text, home);
        assert_eq!(number.national(), national, "{text} in {home}");
        assert_eq!(number.international(), international, "{text} in {home}");
    }
}

#[test]
fn display_follows_the_agents_format_and_shows_the_extension() {
    let number = external("(650) 555-0100 x 12", "US");
    let cases = [
        (DisplayFormat::E164, "+16505550100 ext. 12"),
        (DisplayFormat::International, "+1 650-555-0100 ext. 12"),
        (DisplayFormat::National, "(650) 555-0100 ext. 12"),
        (DisplayFormat::Rfc3966, "tel:+1-650-555-0100;ext=12"),
    ];
    for (format, shown) in cases {
        assert_eq!(number.display(format), shown, "{format:?}");
    }
    assert_eq!(
        number.to_string(),
        "+1 650-555-0100 ext. 12",
        "Display is international"
    );
    assert_eq!(DisplayFormat::default(), DisplayFormat::International);
}

#[test]
fn a_normalised_number_serialises_every_field_for_the_ui() {
    let number = external("+16505550100*101,,5", "US");
    let json = serde_json::to_value(&number).expect("serialisable");
    assert_eq!(json["e164"], "+16505550100");
    assert_eq!(json["extension"], "101");
    assert_eq!(json["post_dial"], ",,5");
    assert_eq!(json["country"], "US");
    assert_eq!(json["calling_code"], 1);
    assert_eq!(json["national"], "(650) 555-0100");
    assert_eq!(json["international"], "+1 650-555-0100");
    assert_eq!(json["number_type"], "fixed_line_or_mobile");
    assert_eq!(json["validity"]["valid"], true);
    assert_eq!(json["validity"]["issue"], serde_json::Value::Null);
}

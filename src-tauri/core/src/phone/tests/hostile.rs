//! Hostile and broken input: every rejection is the right typed error, at the right place.

use super::country;
use crate::phone::{
    normalize, parse_input, parse_link, Country, PhoneError, MAX_INPUT_BYTES, MAX_SMS_LINK_BYTES,
};

use PhoneError::*;

fn word(text: &str) -> String {
    text.to_owned()
}

/// (pasted text, the error)
#[rustfmt::skip]
pub(super) fn rejected_text() -> Vec<(&'static str, PhoneError)> {
    vec![
        ("", Empty),
        ("   ", Empty),
        ("\r\n\t", Empty),
        ("---", NoDigits),
        ("( ) - . /", NoDigits),
        ("+", NoDigits),
        ("x", NoDigits),
        ("Phone: ", NoDigits),
        ("+1 650\u{0}555 0100", ControlCharacter { code: 0, position: 7 }),
        ("650\t555 0100", ControlCharacter { code: 9, position: 4 }),
        ("650\n555 0100", ControlCharacter { code: 10, position: 4 }),
        ("+1 650 555 0100\u{7F}", ControlCharacter { code: 0x7F, position: 16 }),
        ("650\u{202E}5550100", ControlCharacter { code: 0x202E, position: 4 }),
        ("📞 +1 650 555 0100", Emoji { emoji: '📞', position: 1 }),
        ("☎ 650-555-0100", Emoji { emoji: '☎', position: 1 }),
        ("🇺🇸 +1 650 555 0100", Emoji { emoji: '\u{1F1FA}', position: 1 }),
        ("1\u{FE0F}\u{20E3} 650", Emoji { emoji: '\u{FE0F}', position: 2 }),
        ("+1 650 555 €100", InvalidCharacter { character: '€', position: 12 }),
        (",,22", InvalidCharacter { character: ',', position: 1 }),
        ("+1 650 555 0100 or +1 650 555 0101", UnexpectedText { word: word("or") }),
        ("+1 650 555 0100 +1 650 555 0101", MisplacedPlus { position: 17 }),
        ("650-555-0100, 650-555-0101", SeveralNumbers),
        ("650-555-0100; +1 650 555 0101", SeveralNumbers),
        ("(650) 555-0100 x 12, (650) 555-0101", SeveralNumbers),
        ("hello", UnexpectedText { word: word("hello") }),
        ("Call me at 650-555-0100", UnexpectedText { word: word("me") }),
        ("*67 650 555 0100", ServiceCode { code: word("*67 650 555 0100") }),
        ("#31#6505550100", ServiceCode { code: word("#31#6505550100") }),
        ("+1 650 555 0100 5555 5555 5555", TooManyDigits { digits: 23, max: 20 }),
        ("+16505550100 x 1234567890123456", InvalidExtension { value: word("123456789012345") }),
        ("+16505550100 x 12 x 13", UnexpectedText { word: word("x") }),
        ("+16505550100;ext=101;ext=102", Conflict { what: "extension" }),
        ("mailto:bob@example.com", UnsupportedScheme { scheme: word("mailto") }),
        ("sip:+16505550100@example.com", UnsupportedScheme { scheme: word("sip") }),
        ("sms:+15105550101,+15105550102", TooManyRecipients { count: 2, max: 1 }),
    ]
}

/// (link, the error)
#[rustfmt::skip]
pub(super) fn rejected_links() -> Vec<(&'static str, PhoneError)> {
    vec![
        ("  ", Empty),
        ("tel:", NoDigits),
        ("tel://", NoDigits),
        ("tel:---", NoDigits),
        ("tel:%20%20", NoDigits),
        ("sms:", Empty),
        ("sms:?body=", Empty),
        ("tel:+16505550100\u{7}", ControlCharacter { code: 7, position: 17 }),
        ("tel:+1650%00555", ControlCharacter { code: 0, position: 10 }),
        ("tel:+16505550100%0A", ControlCharacter { code: 10, position: 17 }),
        ("sms:+15105550101?body=%00", ControlCharacter { code: 0, position: 23 }),
        ("tel:+1650555%F0%9F%93%9E0100", Emoji { emoji: '📞', position: 13 }),
        ("sms:+1510555010📞1", Emoji { emoji: '📞', position: 16 }),
        ("tel:+1650%2", BadPercentEncoding { position: 10 }),
        ("tel:+1650%GG5550100", BadPercentEncoding { position: 10 }),
        ("tel:%FF", BadPercentEncoding { position: 5 }),
        ("sms:+15105550101?body=%FF", BadPercentEncoding { position: 23 }),
        ("mailto:bob@example.com", UnsupportedScheme { scheme: word("mailto") }),
        ("ringdesk://oauth/callback?code=x", UnsupportedScheme { scheme: word("ringdesk") }),
        ("HTTPS://example.com/call?n=1", UnsupportedScheme { scheme: word("https") }),
        ("+16505550100", MissingScheme),
        ("6505550100", MissingScheme),
        ("callto:echo123", UnexpectedText { word: word("echo") }),
        ("callto://john.smith", UnexpectedText { word: word("john") }),
        ("tel:+1%2B650", MisplacedPlus { position: 7 }),
        ("tel:*67%206505550100", ServiceCode { code: word("*67 6505550100") }),
        ("tel:+16505550100;phone-context=exa mple", InvalidPhoneContext { value: word("exa mple") }),
        ("tel:5550100;phone-context=+", InvalidPhoneContext { value: word("+") }),
        ("tel:+16505550100;ext=12a", InvalidExtension { value: word("12a") }),
        ("tel:+16505550100;ext=1234567890123456", InvalidExtension { value: word("1234567890123456") }),
        ("tel:+16505550100;postd=22x", InvalidPostDial { value: word("22x") }),
        ("tel:+16505550100*101;ext=102", Conflict { what: "extension" }),
        ("tel:+16505550100,,1;postd=2", Conflict { what: "post-dial sequence" }),
        ("tel:5550100;phone-context=+1;phone-context=+44", Conflict { what: "phone-context" }),
    ]
}

#[test]
fn hostile_text_is_rejected_with_the_right_error() {
    for (text, expected) in rejected_text() {
        assert_eq!(parse_input(text), Err(expected), "{text:?}");
    }
}

#[test]
fn hostile_links_are_rejected_with_the_right_error() {
    for (link, expected) in rejected_links() {
        assert_eq!(parse_link(link), Err(expected), "{link:?}");
    }
}

#[test]
fn oversized_input_is_rejected_by_its_length_alone() {
    let ten_kb_digits = "5".repeat(10 * 1024);
    let ten_kb_controls = "\u{0}".repeat(10 * 1024);
    let recipients = vec!["+15105550101"; 60].join(",");
    let cases = [
        (format!("tel:+1{}", "0".repeat(600)), MAX_INPUT_BYTES, true),
        (format!("tel:+1{ten_kb_digits}"), MAX_INPUT_BYTES, true),
        (format!("callto:{ten_kb_controls}"), MAX_INPUT_BYTES, true),
        (
            format!("sms:+15105550101?body={}", "a".repeat(5000)),
            MAX_SMS_LINK_BYTES,
            true,
        ),
        (format!("sms:{recipients}?body=hi"), MAX_INPUT_BYTES, true),
        (ten_kb_digits.clone(), MAX_INPUT_BYTES, false),
        (format!("+1 {ten_kb_controls}"), MAX_INPUT_BYTES, false),
    ];
    for (input, max, is_link) in cases {
        let result = if is_link {
            parse_link(&input).map(|_| ())
        } else {
            parse_input(&input).map(|_| ())
        };
        let len = if input.starts_with("sms:+15105550101,") {
            recipients.len()
        } else {
            input.len()
        };
        assert_eq!(result, Err(TooLong { len, max }), "{} bytes", input.len());
    }
}

#[test]
fn an_sms_link_may_name_at_most_ten_recipients() {
    let eleven = ["+15105550101"; 11].join(",");
    assert_eq!(
        parse_link(&format!("sms:{eleven}")).map(|_| ()),
        Err(TooManyRecipients { count: 11, max: 10 })
    );
    let ten = ["+15105550101"; 10].join(",");
    assert!(parse_link(&format!("sms:{ten}")).is_ok(), "ten are fine");
}

#[test]
fn resolving_rejects_what_cannot_be_dialled() {
    let cases = [
        (
            "+999 123456",
            InvalidCountryCode {
                number: word("+999123456"),
            },
        ),
        ("+1", NotANumber { number: word("+1") }),
        (
            "x 12 650-555-0100",
            InvalidExtension {
                value: word("126505550100"),
            },
        ),
        (
            "+1 2345678901234567890",
            TooManyDigits {
                digits: 20,
                max: 17,
            },
        ),
    ];
    for (text, expected) in cases {
        let target = parse_input(text).unwrap_or_else(|error| panic!("{text:?}: {error}"));
        assert_eq!(normalize(&target, country("US")), Err(expected), "{text:?}");
    }
    assert_eq!(
        "XX".parse::<Country>(),
        Err(UnknownCountry { code: word("XX") })
    );
}

#[test]
fn every_rejection_explains_itself_and_says_what_to_do() {
    for (_, error) in rejected_text().into_iter().chain(rejected_links()) {
        let message = error.to_string();
        assert!(!message.is_empty() && message.len() < 200, "{message:?}");
        assert!(error.hint().ends_with('.'), "hint of {error:?}");
    }
}

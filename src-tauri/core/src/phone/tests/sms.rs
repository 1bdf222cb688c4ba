//! `sms:` links (RFC 5724): several recipients, a prefilled body, and the platforms' variants.

use crate::phone::{parse_link, Link, PhoneContext};

/// (link, recipients' numbers, body)
pub(super) const SMS_LINKS: [(&str, &[&str], Option<&str>); 16] = [
    ("sms:+15105550101", &["+15105550101"], None),
    (
        "sms:+15105550101?body=hello",
        &["+15105550101"],
        Some("hello"),
    ),
    (
        "sms:+15105550101,+15105550102",
        &["+15105550101", "+15105550102"],
        None,
    ),
    (
        "sms:+15105550101,,+15105550102",
        &["+15105550101", "+15105550102"],
        None,
    ),
    (
        "sms:+15105550101,+44%2020%207946%200958?body=x",
        &["+15105550101", "+442079460958"],
        Some("x"),
    ),
    (
        "sms:+15105550101?body=hello%20world%21",
        &["+15105550101"],
        Some("hello world!"),
    ),
    ("sms:+15105550101?body=a+b", &["+15105550101"], Some("a+b")),
    (
        "sms:+15105550101?subject=x&body=line1%0Aline2",
        &["+15105550101"],
        Some("line1\nline2"),
    ),
    (
        "sms:+1%20510%20555%200101?body=%F0%9F%91%8B",
        &["+15105550101"],
        Some("👋"),
    ),
    ("sms:+15105550101?body=", &["+15105550101"], None),
    ("sms://+15105550101?body=hi", &["+15105550101"], Some("hi")),
    ("SMS:+15105550101?BODY=hi", &["+15105550101"], Some("hi")),
    ("sms:+15105550101&body=hi", &["+15105550101"], Some("hi")),
    ("smsto:+15105550101", &["+15105550101"], None),
    ("sms:?body=just%20text", &[], Some("just text")),
    ("sms:(510)%20555-0101", &["5105550101"], None),
];

#[test]
fn sms_links_name_their_recipients_and_body() {
    for (link, numbers, body) in SMS_LINKS {
        let Ok(Link::Sms {
            recipients,
            body: found,
        }) = parse_link(link)
        else {
            panic!("{link:?} should be an sms link, got {:?}", parse_link(link));
        };
        let found_numbers: Vec<&str> = recipients.iter().map(|r| r.number()).collect();
        assert_eq!(found_numbers, numbers, "{link:?} recipients");
        assert_eq!(found.as_deref(), body, "{link:?} body");
    }
}

#[test]
fn an_sms_recipient_keeps_its_own_parameters() {
    let Ok(Link::Sms { recipients, .. }) = parse_link("sms:5105550101;phone-context=+1?body=x")
    else {
        panic!("an sms link");
    };
    assert_eq!(
        recipients[0].phone_context(),
        Some(&PhoneContext::Prefix("+1".into()))
    );
    assert_eq!(recipients[0].original(), "5105550101;phone-context=+1");
}

//! A contact added by hand (the new-contact form for a caller nobody knows): stored at once as a
//! local contact, found by name, and the caller's number is theirs from then on; a form without
//! a name or with a bad number is refused and stores nothing.

use ringdesk_core::app::{DeskError, Error, NewContact};

use crate::support::demo_desk;

const NUMBER: &str = "+14155550111";

#[tokio::test(flavor = "multi_thread")]
async fn a_contact_added_by_hand_is_found_and_names_the_caller() {
    let demo = demo_desk().await;
    let before = demo
        .desk
        .contacts(Some("Quist"), None, 10)
        .expect("contacts");
    assert!(before.rows.is_empty());
    let unnamed = demo.desk.add_contact(&NewContact {
        number: NUMBER.into(),
        ..NewContact::default()
    });
    assert!(
        matches!(unnamed, Err(Error::Desk(DeskError::UnnamedContact))),
        "{unnamed:?}"
    );
    let bad = demo.desk.add_contact(&NewContact {
        name: "Nora Quist".into(),
        number: "call me maybe".into(),
        ..NewContact::default()
    });
    assert!(bad.is_err(), "not a number: {bad:?}");
    assert!(
        demo.desk
            .contacts(Some("Quist"), None, 10)
            .expect("contacts")
            .rows
            .is_empty(),
        "a refused form stores nothing"
    );
    let added = demo
        .desk
        .add_contact(&NewContact {
            name: " Nora  Quist ".into(),
            company: "Acme".into(),
            number: "(415) 555-0111".into(),
            ..NewContact::default()
        })
        .expect("added");
    assert_eq!(
        (
            added.name.as_str(),
            added.company.as_str(),
            added.source.as_str()
        ),
        ("Nora Quist", "Acme", "local")
    );
    assert_eq!(added.numbers.len(), 1);
    assert_eq!(
        (
            added.numbers[0].dial.as_str(),
            added.numbers[0].label.as_str()
        ),
        (NUMBER, "mobile")
    );
    let found = demo
        .desk
        .contacts(Some("Quist"), None, 10)
        .expect("contacts");
    assert_eq!(
        found.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [added.id]
    );
    let preview = demo.desk.preview_number("415-555-0111").await;
    assert_eq!(
        preview.contact.as_ref().map(|c| c.name.as_str()),
        Some("Nora Quist"),
        "the number is theirs: {preview:?}"
    );
}

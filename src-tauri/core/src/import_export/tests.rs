//! Round trips through CSV.

use crate::phone::Country;
use crate::store::{ContactQuery, Store};

use super::{export_contacts, import_contacts, CONTACT_COLUMNS};

fn us() -> Country {
    Country::from_iso_code("US").expect("US")
}

#[test]
fn bad_rows_are_reported_and_the_rest_imported_once() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let mut store = Store::open(&dir.path().join("c.sqlite3"), us()).expect("opens");
    let csv = "First Name,Last Name,Email,Phone,Company,Tags,Notes\n\
               Ada,Lovelace,ada@example.com,(415) 555-0120,Analytical,vip,first programmer\n\
               Bad,Number,,call me maybe,,,\n\
               ,,,,,,\n\
               Grace,Hopper,,+1 212 555 0199,Navy,\"a,b\",\n";
    let report = import_contacts(&mut store, csv.as_bytes(), us()).expect("import runs");
    assert_eq!(report.imported, 2, "two good rows");
    let lines: Vec<u64> = report.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [3, 4], "the bad phone and the empty row, by line");
    assert!(
        report.skipped[0].reason.contains("call me maybe"),
        "the reason names the value"
    );
    let again = import_contacts(&mut store, csv.as_bytes(), us()).expect("import runs");
    assert_eq!(again.imported, 0, "importing twice adds nothing");
    let ada = store
        .contacts(&ContactQuery {
            search: Some("ada".into()),
            ..ContactQuery::default()
        })
        .expect("search");
    assert_eq!(
        ada.contacts[0].numbers[0].key, "+14155550120",
        "stored in E.164"
    );

    let mut out = Vec::new();
    assert_eq!(export_contacts(&store, &mut out).expect("export"), 2);
    let text = String::from_utf8(out).expect("UTF-8");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(CONTACT_COLUMNS.join(",").as_str()),
        "SuiteDash layout"
    );
    assert_eq!(
        lines.next(),
        Some("Grace,Hopper,,+12125550199,Navy,\"a,b\",")
    );
    assert_eq!(
        lines.next(),
        Some("Ada,Lovelace,ada@example.com,+14155550120,Analytical,vip,first programmer")
    );
}

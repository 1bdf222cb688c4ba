//! Call lists on the command line of the real binary in demo mode: a
//! list imported from CSV, `list next` dialing each entry in order and following its call to
//! the end, refusing to go on before the call is wrapped up, and saying when the list is through.

mod demo_cli;

use demo_cli::{json, ringdesk};

#[test]
fn a_list_is_called_entry_by_entry_each_wrapped_up_before_the_next() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let csv = dir.path().join("leads.csv");
    std::fs::write(
        &csv,
        "Name,Phone\nAna Silva,+1 650 555 0101\nBo Chen,+1 650 555 0102\n",
    )
    .expect("csv");
    let csv = csv.to_str().expect("utf-8");
    let imported = ringdesk(dir.path(), &["list", "import", csv, "--name", "Leads"]);
    assert!(imported.status.success(), "{imported:?}");
    assert_eq!(
        json(&imported)["list"]["entries"].as_array().map(Vec::len),
        Some(2)
    );

    for expected in ["+16505550101", "+16505550102"] {
        let next = ringdesk(dir.path(), &["list", "next", "leads"]);
        assert!(next.status.success(), "{next:?}");
        let early = ringdesk(dir.path(), &["list", "next", "leads"]);
        assert_eq!(early.status.code(), Some(1), "{early:?}");
        assert!(String::from_utf8_lossy(&early.stdout).contains("wrap up"));
        let to_do = json(&ringdesk(dir.path(), &["wrapups"]));
        let draft = &to_do["to_wrap_up"][0];
        assert_eq!(draft["number"], expected, "{to_do}");
        let call = draft["callKey"].as_str().expect("call key");
        let saved = ringdesk(dir.path(), &["wrapup", call, "--disposition", "Connected"]);
        assert!(saved.status.success(), "{saved:?}");
    }
    let through = ringdesk(dir.path(), &["list", "next", "leads"]);
    assert!(through.status.success(), "{through:?}");
    assert_eq!(json(&through)["event"], "through");
    let shown = json(&ringdesk(dir.path(), &["list", "show", "Leads"]));
    assert_eq!(shown["finished"], 2, "{shown}");
}

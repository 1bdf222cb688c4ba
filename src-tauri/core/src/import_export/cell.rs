//! CSV cells that a spreadsheet cannot run: every exported cell goes through [`CsvOut`], which
//! neutralises text that would start a formula, and [`restore`] undoes it on import.
//!
//! Following OWASP's advice on CSV injection, a cell that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return gets a leading apostrophe: `=HYPERLINK(…)` in a text or a caller-ID name
//! is shown as text, never run.
//!
//! One exception, chosen deliberately: a cell that is only a phone number in E.164 — `+` and
//! digits, as ringdesk writes every number it has validated (`+16505550123`) — is written as it
//! is. It cannot carry a function, a reference or a link: at worst a spreadsheet shows it as the
//! number 16505550123, and CRMs (SuiteDash among them) import the `+` form as the phone. To keep
//! the `+` in a spreadsheet, open the Phone column as text. Anything else in a number column (an
//! extension, or what the server sent for an anonymous caller) is text and neutralised.
//!
//! A cell that starts with an apostrophe which [`restore`] would remove gets a second one, so
//! that what `ringdesk export contacts` writes, `ringdesk import contacts` reads back exactly.

use std::borrow::Cow;
use std::io::Write;

/// What a spreadsheet reads as the start of a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The longest bare number written without an apostrophe (E.164 has at most 15 digits).
const MAX_BARE_DIGITS: usize = 20;

/// `+` and digits only: a number, which a spreadsheet cannot run.
fn is_bare_number(text: &str) -> bool {
    text.strip_prefix('+').is_some_and(|digits| {
        (1..=MAX_BARE_DIGITS).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Whether `text` would be changed by [`restore`] or run by a spreadsheet, and so needs an
/// apostrophe in front.
fn needs_apostrophe(text: &str) -> bool {
    if is_bare_number(text) {
        return false;
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if TRIGGERS.contains(&c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || TRIGGERS.contains(&c)),
        _ => false,
    }
}

/// The cell as written: `text`, behind an apostrophe when it needs one.
pub(crate) fn neutralise(text: &str) -> Cow<'_, str> {
    if needs_apostrophe(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text of a cell read from CSV: the apostrophe [`neutralise`] (or another program
/// following the same advice, such as `'+14155550120`) put in front is removed; any other
/// apostrophe stays.
pub(crate) fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_apostrophe(rest) || is_bare_number(rest) => rest,
        _ => cell,
    }
}

/// A neutralised cell, as the CSV writer takes it.
struct Cell<'a>(Cow<'a, str>);

impl AsRef<[u8]> for Cell<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A CSV writer whose every cell is neutralised: the one way export writes a row.
pub(crate) struct CsvOut<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> CsvOut<W> {
    /// Writes CSV to `out`.
    pub(crate) fn new(out: W) -> Self {
        Self {
            csv: csv::Writer::from_writer(out),
        }
    }

    /// Writes one row.
    pub(crate) fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> csv::Result<()> {
        self.csv
            .write_record(cells.into_iter().map(|cell| Cell(neutralise(cell))))
    }

    /// Flushes what is buffered.
    pub(crate) fn finish(mut self) -> csv::Result<()> {
        self.csv.flush().map_err(csv::Error::from)
    }
}

/// A stored number as a CSV's Phone cell: E.164, an extension after ` x` (`+16505550100 x12`).
pub(crate) fn phone_cell(key: &str) -> String {
    key.replace(";ext=", " x").replace("ext:", "x")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_text_reads_back() {
        for text in [
            "",
            "Ada",
            "=1+1",
            "+16505550123",
            "-x",
            "@a",
            "\tx",
            "\rx",
            "'",
            "'x",
            "'=x",
            "''",
            "'''=",
            "a=b",
        ] {
            let cell = neutralise(text);
            assert!(
                !cell.starts_with(TRIGGERS) || is_bare_number(&cell),
                "{cell:?} would run in a spreadsheet"
            );
            assert_eq!(restore(&cell), text, "{text:?} survives a round trip");
        }
    }

    #[test]
    fn other_programs_apostrophes_are_read_too() {
        assert_eq!(restore("'+14155550120"), "+14155550120");
        assert_eq!(
            neutralise("+16505550100 x101"),
            "'+16505550100 x101",
            "only a bare number goes out without an apostrophe"
        );
        assert_eq!(
            restore("'O'Brien"),
            "'O'Brien",
            "an apostrophe of the text stays"
        );
    }
}

//! Numbers found in free text: a pasted column of a spreadsheet, an e-mail signature, a web
//! page's selection. Each run of digits and the separators numbers are written with (`+`,
//! spaces, `-`, `.`, `(`, `)`, `/`) of 7 to 17 digits, with an extension after it (`x 12`,
//! `ext. 12`), is read with [`parse_input`]; what it cannot read is not a number. The text around
//! a number stays the caller's: a name before it, a note after.

use std::ops::Range;

use super::text::parse_input;
use super::DialTarget;

/// The fewest digits a found number has (shorter runs are dates, prices, order numbers).
const FEWEST_DIGITS: usize = 7;
/// The most digits a found number has (E.164's 15, a trunk prefix and a little slack).
const MOST_DIGITS: usize = 17;
/// The longest run of a number's characters read at once (bytes).
const MOST_RUN_BYTES: usize = 160;
/// The most numbers found in one text.
pub const MOST_FOUND: usize = 1_000;

/// A number found in text, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundNumber {
    /// Where it is in the text (bytes).
    pub span: Range<usize>,
    /// The number as read.
    pub target: DialTarget,
}

/// The numbers in `text`, in the order written (at most [`MOST_FOUND`]).
///
/// ```
/// use ringdesk_core::phone::find_numbers;
///
/// let found = find_numbers("Ana Silva, (650) 555-0100 x 12 — and 2026-12-04, order 4411");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].target.number(), "6505550100");
/// assert_eq!(found[0].target.extension(), Some("12"));
/// ```
pub fn find_numbers(text: &str) -> Vec<FoundNumber> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() && found.len() < MOST_FOUND {
        let Some(start) = next_start(text, at) else {
            break;
        };
        let end = run_end(text, start);
        // Numbers written side by side (`650-555-0100 / 650-555-0199`, a column pasted as one
        // line) make one run: the longest part up to a gap that reads as a number is the first.
        let read = gaps(text, start, end)
            .into_iter()
            .chain([end])
            .rev()
            .find_map(|end| read_number(text, start, end));
        match read {
            Some(number) => {
                at = span_end(text, start, number.span.end);
                found.push(number);
            }
            None => at = span_end(text, start, end),
        }
    }
    found
}

/// The number written from `start` to `end` (with an extension after it), if it is one.
fn read_number(text: &str, start: usize, end: usize) -> Option<FoundNumber> {
    let digits = text[start..end].bytes().filter(u8::is_ascii_digit).count();
    if !(FEWEST_DIGITS..=MOST_DIGITS).contains(&digits) || is_date(&text[start..end]) {
        return None;
    }
    let span = with_extension(text, start, end);
    let target = parse_input(&text[span.clone()]).ok()?;
    Some(FoundNumber { span, target })
}

/// Where a run may be cut in two: before each space or `/` that follows a digit (all ASCII,
/// so every cut is a character boundary).
fn gaps(text: &str, start: usize, end: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    (start + 1..end)
        .filter(|&i| matches!(bytes[i], b' ' | b'/') && bytes[i - 1].is_ascii_digit())
        .collect()
}

/// Where the next number may start: a digit, or a `+` or `(` right before one.
fn next_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find(|&i| {
        let starts = bytes[i].is_ascii_digit()
            || (matches!(bytes[i], b'+' | b'(')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        // Digits glued to a word (`A123…`, `id_555…`) are not a number's start.
        let glued = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        starts && !glued
    })
}

/// Where the run of a number's characters that starts at `start` ends (trailing separators
/// left out).
fn run_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut last_digit = start;
    let mut i = start;
    // A run longer than any few numbers written side by side is read a piece at a time: the
    // scan of a long line stays linear.
    while i < bytes.len() && i - start < MOST_RUN_BYTES {
        let b = bytes[i];
        let fits = b.is_ascii_digit()
            || matches!(b, b' ' | b'-' | b'.' | b'(' | b')' | b'/')
            || (b == b'+' && i == start);
        if !fits {
            break;
        }
        if b.is_ascii_digit() {
            last_digit = i + 1;
        }
        i += 1;
        end = i;
    }
    // `(650) 555-0100)` keeps its `)` only when a `(` opened it.
    let mut end = last_digit.max(start + 1).min(end);
    if text[start..end].matches('(').count() > text[start..end].matches(')').count()
        && bytes.get(end) == Some(&b')')
    {
        end += 1;
    }
    end
}

/// The number's span with an extension written after it (`x 12`, `ext. 12`, `ext 12`).
fn with_extension(text: &str, start: usize, end: usize) -> Range<usize> {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    let lower = trimmed.to_ascii_lowercase();
    let word = ["ext.", "ext", "x"]
        .into_iter()
        .find(|w| lower.starts_with(w));
    let Some(word) = word else {
        return start..end;
    };
    let after = trimmed[word.len()..].trim_start();
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return start..end;
    }
    let extension_end = text.len() - after.len() + digits;
    start..extension_end
}

/// Where scanning goes on after a run (past every character looked at, at least one).
fn span_end(text: &str, start: usize, end: usize) -> usize {
    let mut next = end.max(start + 1);
    while !text.is_char_boundary(next) {
        next += 1;
    }
    next
}

/// `2026-12-04`, `04/12/2026`, `2026.12.04`: a date, not a number.
fn is_date(run: &str) -> bool {
    let groups: Vec<&str> = run
        .split(['-', '/', '.'])
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .collect();
    groups.len() == 3
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups.iter().any(|g| g.len() == 4)
        && groups.iter().filter(|g| g.len() <= 2).count() == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        find_numbers(text)
            .into_iter()
            .map(|f| {
                let ext = f
                    .target
                    .extension()
                    .map(|e| format!(" x{e}"))
                    .unwrap_or_default();
                format!("{}{ext}", f.target.number())
            })
            .collect()
    }

    #[test]
    fn numbers_are_found_where_people_write_them() {
        assert_eq!(
            numbers("Ana Silva, (650) 555-0100, promised a quote"),
            ["6505550100"]
        );
        assert_eq!(
            numbers("call +44 20 7946 0958 or 650.555.0101 x 12 today"),
            ["+442079460958", "6505550101 x12"]
        );
        assert_eq!(
            numbers("Ana\t+16505550100\nBo\t650-555-0102\n"),
            ["+16505550100", "6505550102"]
        );
        assert_eq!(numbers("Phone: 650 555 0103 ext. 7"), ["6505550103 x7"]);
    }

    #[test]
    fn numbers_side_by_side_are_each_found() {
        assert_eq!(
            numbers("6505550100 6505550101"),
            ["6505550100", "6505550101"]
        );
        assert_eq!(
            numbers("650-555-0100 / 650-555-0199"),
            ["6505550100", "6505550199"]
        );
        assert_eq!(
            numbers("+44 20 7946 0958 +1 650 555 0102"),
            ["+442079460958", "+16505550102"]
        );
    }

    #[test]
    fn dates_prices_and_short_codes_are_not_numbers() {
        assert!(numbers("on 2026-12-04 at 10:30, order 4411, $1,250.00").is_empty());
        assert!(numbers("12/04/2026").is_empty());
        assert!(numbers("id A6505550100").is_empty(), "glued to a word");
        assert!(numbers("").is_empty());
    }

    #[test]
    fn the_spans_point_at_the_numbers() {
        let text = "Bo — 650 555 0100 (mobile)";
        let found = find_numbers(text);
        assert_eq!(&text[found[0].span.clone()], "650 555 0100");
    }

    #[test]
    fn any_text_is_scanned_without_panicking() {
        for text in [
            "((((",
            "+",
            "+ 1",
            "ééé 650 555 0100 ééé",
            "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9",
        ] {
            let _ = find_numbers(text);
        }
        let long = "650 555 0100, ".repeat(2_000);
        assert_eq!(find_numbers(&long).len(), MOST_FOUND);
    }
}

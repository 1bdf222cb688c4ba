//! Numbers as the cache stores them: every number is kept under its [`MatchKey`], and the
//! `numbers` table remembers each key once with its digits (for as-you-type search) and the first
//! name seen for it (a caller-ID name, for people who are not contacts).

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Transaction};

use crate::phone::{self, Country, Destination, MatchKey};

/// How many spellings the per-store cache remembers before it starts over. Bounded so memory
/// stays flat however long a sync runs.
const CACHE_LIMIT: usize = 20_000;

/// A number read for storage: its key and the digits search matches against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The match key, e.g. `+16505550100`.
    pub key: MatchKey,
    /// Digits of the E.164 number (or of the extension), e.g. `16505550100`.
    pub e164_digits: String,
    /// Digits of the national number, e.g. `6505550100`.
    pub national_digits: String,
}

/// Reads numbers under the home country, remembering recent spellings: a call log repeats the
/// same few thousand numbers, and the numbering plan is the costly part of a sync.
#[derive(Debug, Clone)]
pub(crate) struct NumberBook {
    country: Country,
    cache: HashMap<String, Option<Resolved>>,
    registered: HashSet<String>,
}

impl NumberBook {
    pub(crate) fn new(country: Country) -> Self {
        Self {
            country,
            cache: HashMap::new(),
            registered: HashSet::new(),
        }
    }

    /// The home country numbers without `+` are read in.
    pub(crate) fn country(&self) -> Country {
        self.country
    }

    /// Reads `text` (any spelling); `None` when it is no number at all (anonymous, blank, junk).
    pub(crate) fn resolve(&mut self, text: &str) -> Option<Resolved> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if let Some(hit) = self.cache.get(text) {
            return hit.clone();
        }
        let resolved = resolve(text, self.country);
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(text.to_owned(), resolved.clone());
        resolved
    }

    /// Whether `key` was already written to the `numbers` table with a name, so the write can be
    /// skipped.
    pub(crate) fn is_registered(&self, key: &str) -> bool {
        self.registered.contains(key)
    }

    /// Remembers keys committed to the `numbers` table with a name.
    pub(crate) fn remember(&mut self, keys: impl IntoIterator<Item = String>) {
        if self.registered.len() >= CACHE_LIMIT {
            self.registered.clear();
        }
        self.registered.extend(keys);
    }
}

/// Reads one spelling without the cache.
pub(crate) fn resolve(text: &str, country: Country) -> Option<Resolved> {
    let destination = phone::resolve(&phone::parse_input(text).ok()?, country).ok()?;
    let key = destination.match_key();
    let (e164_digits, national_digits) = match &destination {
        Destination::External(number) => (digits(number.e164()), digits(number.national())),
        Destination::Internal { extension, .. } => (extension.clone(), extension.clone()),
    };
    Some(Resolved {
        key,
        e164_digits,
        national_digits,
    })
}

/// The ASCII digits of `text`.
pub(crate) fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Writes `number` to the `numbers` table (once per key), keeping the first non-empty name.
pub(crate) fn register(
    tx: &Transaction<'_>,
    number: &Resolved,
    name: &str,
) -> rusqlite::Result<()> {
    let reversed: String = number.e164_digits.chars().rev().collect();
    tx.prepare_cached(
        "INSERT INTO numbers (match_key, e164_digits, national_digits, reversed_digits, name)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (match_key) DO UPDATE SET name = excluded.name
         WHERE numbers.name = '' AND excluded.name <> ''",
    )?
    .execute(params![
        number.key.as_str(),
        number.e164_digits,
        number.national_digits,
        reversed,
        name.trim()
    ])?;
    Ok(())
}

/// Migration step: numbers stored before the search index existed get their digits.
pub(crate) fn fill_missing_digits(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let pending: Vec<(i64, String)> = tx
        .prepare("SELECT id, match_key FROM numbers WHERE e164_digits = ''")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let any_country = Country::from_iso_code("US")
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let mut update = tx.prepare(
        "UPDATE numbers SET e164_digits = ?2, national_digits = ?3, reversed_digits = ?4 WHERE id = ?1",
    )?;
    for (id, key) in pending {
        // A key is E.164 with `+` (the country does not matter) or `ext:N`.
        let spelling = key.strip_prefix("ext:").unwrap_or(&key);
        let (e164, national) = match resolve(spelling, any_country) {
            Some(r) => (r.e164_digits, r.national_digits),
            None => (digits(&key), digits(&key)),
        };
        let reversed: String = e164.chars().rev().collect();
        update.execute(params![id, e164, national, reversed])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> Country {
        Country::from_iso_code("US").expect("US has numbering metadata")
    }

    #[test]
    fn spellings_of_one_number_share_a_key_and_digits() {
        let mut book = NumberBook::new(us());
        let a = book.resolve("+1 (650) 555-0100").expect("a US number");
        let b = book
            .resolve("16505550100")
            .expect("RingCentral's E.164 without +");
        assert_eq!(a, b, "one line, one key");
        assert_eq!(a.e164_digits, "16505550100");
        assert_eq!(a.national_digits, "6505550100");
        let ext = book.resolve("101").expect("a short number is an extension");
        assert_eq!(ext.key.as_str(), "ext:101");
        assert!(book.resolve("anonymous").is_none(), "no digits, no key");
        assert!(book.resolve("  ").is_none(), "blank is no number");
    }
}

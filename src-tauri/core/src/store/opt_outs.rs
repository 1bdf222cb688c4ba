//! Who opted out of the agent's texts, as the cache shows it: RingCentral fails a text to a
//! customer who replied STOP with `deliveryErrorCode` `SMS-RC-413` (or `SMS-UP-413`,
//! `SMS-CAR-413`), per business number; a later START from them lifts it.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::time::from_millis;
use super::{Store, StoreError};

/// The delivery errors that mean "the recipient opted out".
pub const OPT_OUT_ERRORS: [&str; 3] = ["SMS-RC-413", "SMS-UP-413", "SMS-CAR-413"];

/// What lifts an opt-out when the customer texts it alone.
const OPT_IN_WORDS: [&str; 5] = ["START", "SUBSCRIBE", "RESUME", "CONTINUE", "UNSTOP"];

/// A customer's opt-out from one of the agent's numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOut {
    /// When a text to them last failed for it.
    pub since: DateTime<Utc>,
    /// RingCentral's delivery error.
    pub code: String,
}

impl Store {
    /// Whether texts from `own_number` to the customer `peer_key` are refused because they
    /// opted out (and have not texted START since).
    pub fn opt_out(&self, peer_key: &str, own_number: &str) -> Result<Option<OptOut>, StoreError> {
        let failed: Option<(i64, String)> = self
            .conn
            .prepare_cached(
                "SELECT created, delivery_error FROM messages
                 WHERE peer_key = ?1 AND own_number = ?2 AND direction = 'outbound'
                   AND delivery_error IN (?3, ?4, ?5)
                 ORDER BY created DESC LIMIT 1",
            )?
            .query_row(
                params![
                    peer_key,
                    own_number,
                    OPT_OUT_ERRORS[0],
                    OPT_OUT_ERRORS[1],
                    OPT_OUT_ERRORS[2]
                ],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((at, code)) = failed else {
            return Ok(None);
        };
        let mut later = self.conn.prepare_cached(
            "SELECT text FROM messages
             WHERE peer_key = ?1 AND own_number = ?2 AND direction = 'inbound' AND created > ?3",
        )?;
        let opted_in = later
            .query_map(params![peer_key, own_number, at], |row| {
                row.get::<_, String>(0)
            })?
            .filter_map(Result::ok)
            .any(|text| {
                let word = text
                    .trim()
                    .trim_end_matches(['.', '!'])
                    .to_ascii_uppercase();
                OPT_IN_WORDS.contains(&word.as_str())
            });
        Ok((!opted_in).then(|| OptOut {
            since: from_millis(at).unwrap_or_default(),
            code,
        }))
    }
}

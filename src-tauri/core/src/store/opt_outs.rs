//! Who opted out of the agent's texts, as the cache shows it. Two kinds of evidence, the newest
//! wins:
//! - RingCentral's consent records (`searchSmsConsentRecords`, replaced whole at each read):
//!   `OptOut` or `OptIn` per business number (or `*`, all of them) and recipient;
//! - the messages themselves: a text to the customer failed with `deliveryErrorCode`
//!   `SMS-RC-413` (or `SMS-UP-413`, `SMS-CAR-413`), and a later START from them lifts it.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::numbers;
use super::time::{from_millis, to_millis};
use super::{Store, StoreError};

/// The delivery errors that mean "the recipient opted out".
pub const OPT_OUT_ERRORS: [&str; 3] = ["SMS-RC-413", "SMS-UP-413", "SMS-CAR-413"];

/// What lifts an opt-out when the customer texts it alone.
const OPT_IN_WORDS: [&str; 5] = ["START", "SUBSCRIBE", "RESUME", "CONTINUE", "UNSTOP"];

/// The longest business number or source kept from a consent record.
const LONGEST_FIELD: usize = 32;

/// A customer's opt-out from one of the agent's numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOut {
    /// Since when (the failed text, or the consent record's last change).
    pub since: DateTime<Utc>,
    /// RingCentral's delivery error, or `OptOut` for a consent record.
    pub code: String,
}

/// One consent record, for [`Store::replace_consents`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// The business number (E.164), or `*` for every number of the account.
    pub own_number: String,
    /// The customer's number, any spelling.
    pub peer: String,
    /// `OptOut` (true) or `OptIn`.
    pub opted_out: bool,
    /// Who recorded it: `Recipient`, `Api`, `Upstream`, `Carrier`.
    pub source: Option<String>,
    /// When it last changed.
    pub modified: DateTime<Utc>,
}

fn bounded(text: &str) -> String {
    text.trim().chars().take(LONGEST_FIELD).collect()
}

impl Store {
    /// Replaces the consent records with `records` (the whole list RingCentral holds), in one
    /// transaction. Records whose customer number cannot be read are skipped; answers how many
    /// were kept.
    pub fn replace_consents(&mut self, records: &[Consent]) -> Result<usize, StoreError> {
        let country = self.numbers.country();
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM sms_consents", [])?;
        let mut kept = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR REPLACE INTO sms_consents
                 (own_number, peer_key, opted_out, source, modified) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for record in records {
                let Some(peer) = numbers::resolve(&record.peer, country) else {
                    continue;
                };
                insert.execute(params![
                    bounded(&record.own_number),
                    peer.key.as_str(),
                    record.opted_out,
                    record.source.as_deref().map(bounded),
                    to_millis(record.modified),
                ])?;
                kept += 1;
            }
        }
        tx.commit()?;
        Ok(kept)
    }

    /// Whether texts from `own_number` to the customer `peer_key` are refused because they
    /// opted out (and have not opted back in since).
    pub fn opt_out(&self, peer_key: &str, own_number: &str) -> Result<Option<OptOut>, StoreError> {
        let consent: Option<(i64, bool)> = self
            .conn
            .prepare_cached(
                "SELECT modified, opted_out FROM sms_consents
                 WHERE peer_key = ?1 AND own_number IN (?2, '*')
                 ORDER BY modified DESC LIMIT 1",
            )?
            .query_row(params![peer_key, own_number], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        let failed = self.opt_out_failure(peer_key, own_number)?;
        let (at, code) = match (consent, failed) {
            (Some((when, out)), failed) if failed.as_ref().is_none_or(|(at, _)| when >= *at) => {
                if !out {
                    return Ok(None);
                }
                (when, "OptOut".to_string())
            }
            (_, Some(failed)) => failed,
            (_, None) => return Ok(None),
        };
        if self.opted_in_since(peer_key, own_number, at)? {
            return Ok(None);
        }
        Ok(Some(OptOut {
            since: from_millis(at).unwrap_or_default(),
            code,
        }))
    }

    /// Every number of the agent's (`*` for all of them) the customer `peer_key` opted out of,
    /// among those that texted them or that a consent record names.
    pub fn opt_outs_of(&self, peer_key: &str) -> Result<Vec<(String, OptOut)>, StoreError> {
        let mut numbers = self.conn.prepare_cached(
            "SELECT DISTINCT own_number FROM messages WHERE peer_key = ?1 AND own_number != ''
             UNION SELECT own_number FROM sms_consents WHERE peer_key = ?1
             ORDER BY 1",
        )?;
        let own: Vec<String> = numbers
            .query_map([peer_key], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut found = Vec::new();
        for number in own {
            if let Some(opt_out) = self.opt_out(peer_key, &number)? {
                found.push((number, opt_out));
            }
        }
        Ok(found)
    }

    /// The newest text to the customer that failed because they opted out: when, and the code.
    fn opt_out_failure(
        &self,
        peer_key: &str,
        own_number: &str,
    ) -> Result<Option<(i64, String)>, StoreError> {
        Ok(self
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
            .optional()?)
    }

    /// Whether the customer texted an opt-in word alone after `at`.
    fn opted_in_since(
        &self,
        peer_key: &str,
        own_number: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
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
        Ok(opted_in)
    }
}

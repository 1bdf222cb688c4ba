//! Searching conversations in the whole cache, read like [`Store::search`] reads the agent's
//! text: words as prefixes of contact names, companies and e-mail, caller-ID names and message
//! text (FTS5); a number in any format by its digits (an exact match, then numbers whose E.164 or
//! national digits start with it, then numbers ending with it). Every conversation is searched;
//! only the answer is limited.

use rusqlite::types::Value;

use super::conversations::ConversationSummary;
use super::numbers;
use super::search::{read_query, Query};
use super::{Store, StoreError};

impl Store {
    /// Conversations with people, numbers or texts matching `text`, most recent first, at most
    /// `limit` (up to 500).
    pub fn search_conversations(
        &self,
        text: &str,
        limit: usize,
    ) -> Result<Vec<ConversationSummary>, StoreError> {
        let Some(query) = read_query(text) else {
            return Ok(Vec::new());
        };
        let (condition, args) = match query {
            Query::Number {
                digits,
                international,
            } => {
                let exact = numbers::resolve(text, self.numbers.country())
                    .map(|n| n.key.as_str().to_owned())
                    .unwrap_or_default();
                let range = |column: &str| {
                    format!(
                        "conversations.peer_key IN (SELECT match_key FROM numbers
                             WHERE {column} >= ?2 AND {column} < ?2 || ':')"
                    )
                };
                let mut condition =
                    format!("conversations.peer_key = ?1 OR {}", range("e164_digits"));
                let mut args = vec![Value::Text(exact), Value::Text(digits.clone())];
                if !international {
                    condition.push_str(&format!(" OR {}", range("national_digits")));
                    if digits.len() >= 3 {
                        condition.push_str(&format!(
                            " OR {}",
                            range("reversed_digits").replace("?2", "?3")
                        ));
                        args.push(Value::Text(digits.chars().rev().collect()));
                    }
                }
                (condition, args)
            }
            Query::Words(fts) => {
                let mut condition = String::from(
                    "conversations.peer_key IN (SELECT cn.match_key FROM contact_numbers cn
                         WHERE cn.contact_id IN (SELECT rowid FROM contacts_fts
                                                 WHERE contacts_fts MATCH ?1))
                     OR conversations.peer_key IN (SELECT match_key FROM numbers
                         WHERE id IN (SELECT rowid FROM numbers_fts WHERE numbers_fts MATCH ?1))",
                );
                // One letter is too vague for message text (as in the global search).
                if text.trim().chars().count() >= 2 {
                    condition.push_str(
                        " OR conversations.id IN (SELECT conversation_id FROM messages
                             WHERE id IN (SELECT rowid FROM messages_fts
                                          WHERE messages_fts MATCH ?1))",
                    );
                }
                (condition, vec![Value::Text(fts)])
            }
        };
        Ok(self.summaries(&condition, args, limit)?.0)
    }
}

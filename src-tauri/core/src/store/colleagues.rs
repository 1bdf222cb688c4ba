//! Colleagues: the company directory's people, found by name, email, extension number or id —
//! whom the agent can chat with, add to a team or mention. A colleague's Team Messaging person
//! id is their directory entry's id (their extension id).

use rusqlite::params;

use super::{Store, StoreError};

/// A colleague from the company directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colleague {
    /// The directory entry's id: their Team Messaging person id.
    pub person_id: String,
    /// "First Last".
    pub name: String,
    /// Email.
    pub email: String,
    /// Extension number.
    pub extension: String,
}

impl Store {
    /// Up to `limit` colleagues whose name or email holds `query`, or whose extension number
    /// or id is `query` (every colleague for an empty query): the exact matches first (an
    /// email, an extension, a whole name), then by name.
    pub fn colleagues(&self, query: &str, limit: usize) -> Result<Vec<Colleague>, StoreError> {
        let query = query.trim();
        let pattern = format!(
            "%{}%",
            query
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut found = self.conn.prepare_cached(
            "SELECT remote_id, first_name, last_name, email, extension FROM contacts
             WHERE source = 'directory' AND remote_id IS NOT NULL
               AND (?1 = ''
                    OR trim(first_name || ' ' || last_name) LIKE ?2 ESCAPE '\\'
                    OR email LIKE ?2 ESCAPE '\\'
                    OR extension = ?1 OR remote_id = ?1)
             ORDER BY (lower(email) = lower(?1) OR extension = ?1 OR remote_id = ?1
                       OR lower(trim(first_name || ' ' || last_name)) = lower(?1)) DESC,
                      first_name COLLATE NOCASE, last_name COLLATE NOCASE, id
             LIMIT ?3",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = found.query_map(params![query, pattern, limit], |row| {
            let first: String = row.get(1)?;
            let last: String = row.get(2)?;
            Ok(Colleague {
                person_id: row.get(0)?,
                name: format!("{first} {last}").trim().to_string(),
                email: row.get(3)?,
                extension: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::tests::fixtures::store;
    use crate::store::{ContactRecord, ContactSource};

    fn colleague(id: &str, first: &str, last: &str, email: &str, ext: &str) -> ContactRecord {
        ContactRecord {
            remote_id: Some(id.into()),
            first_name: first.into(),
            last_name: last.into(),
            email: email.into(),
            extension: ext.into(),
            ..ContactRecord::default()
        }
    }

    #[test]
    fn colleagues_are_found_by_name_email_extension_or_id_never_by_wildcards() {
        let (_dir, mut store) = store();
        let mut batch = store.batch().expect("batch");
        for (id, first, last, email, ext) in [
            ("101", "Ana", "Silva", "ana@example.com", "201"),
            ("102", "Bo", "Chen", "bo_chen@example.com", "202"),
            ("103", "Aaron", "Ana Silvano", "aaron@example.com", "203"),
        ] {
            batch
                .put_contact(
                    ContactSource::Directory,
                    &colleague(id, first, last, email, ext),
                    1,
                )
                .expect("put");
        }
        batch
            .put_contact(
                ContactSource::Personal,
                &colleague("9", "Ana", "Customer", "", ""),
                1,
            )
            .expect("put");
        batch.commit().expect("commit");
        let names = |q: &str| -> Vec<String> {
            store
                .colleagues(q, 10)
                .expect("query")
                .into_iter()
                .map(|c| c.name)
                .collect()
        };
        assert_eq!(
            names("silva"),
            ["Aaron Ana Silvano", "Ana Silva"],
            "the directory only, by name"
        );
        assert_eq!(
            names("ana silva"),
            ["Ana Silva", "Aaron Ana Silvano"],
            "the whole name first"
        );
        assert_eq!(names("202"), ["Bo Chen"], "by extension");
        assert_eq!(names("101"), ["Ana Silva"], "by id");
        assert_eq!(names("bo_"), ["Bo Chen"], "an underscore is itself");
        assert!(names("%").is_empty(), "a percent sign is itself");
        assert_eq!(names("").len(), 3);
    }
}

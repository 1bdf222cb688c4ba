//! The company directory: colleagues on the same account (plus the signed-in user).

use super::ids::Ids;
use crate::seed::people::person;

/// A directory entry (`ContactResource`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// String id (the extension id).
    pub id: String,
    /// `type`.
    pub kind: &'static str,
    /// Extension number.
    pub extension_number: String,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Job title.
    pub job_title: &'static str,
    /// Department.
    pub department: &'static str,
    /// Direct number.
    pub phone: String,
}

const TITLES: [(&str, &str); 6] = [
    ("Account Executive", "Sales"),
    ("Support Engineer", "Support"),
    ("Sales Manager", "Sales"),
    ("Customer Success Manager", "Support"),
    ("Solutions Consultant", "Sales"),
    ("Office Manager", "Operations"),
];

/// `count` colleagues, deterministic for the seed.
pub fn colleagues(ids: &mut Ids, count: usize) -> Vec<Entry> {
    let base = ids.number(70_000_000_000..79_999_999_999);
    (0..count)
        .map(|i| {
            let p = person(ids.rng());
            let (job_title, department) = TITLES[i % TITLES.len()];
            let email = format!("{}.{}@example.com", p.first, p.last).to_lowercase();
            let email: String = email
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '@'))
                .collect();
            Entry {
                id: (base + i as u64 * 13).to_string(),
                kind: if i % 10 == 9 { "Department" } else { "User" },
                extension_number: (102 + i).to_string(),
                first_name: p.first,
                last_name: p.last,
                email,
                job_title,
                department,
                phone: p.phone,
            }
        })
        .collect()
}

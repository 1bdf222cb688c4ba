//! SuiteDash's records read defensively: a list page's envelope, and its contacts and companies
//! turned into cache contacts. Unknown fields are ignored, missing ones are empty, every string is
//! bounded, and a record without a uid is skipped — an odd answer never stops a pull.

use serde::Deserialize;
use serde_json::Value;

use super::assumptions::PHONE_FIELDS;
use crate::store::{ContactNumber, ContactRecord};

/// The longest text kept from any field.
const LONGEST_FIELD: usize = 200;
/// The most tags kept per record.
const MOST_TAGS: usize = 50;

/// One page of a list: `{success, message?, data: [...], meta: {pagination: {…}}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct ListPage {
    #[serde(default = "yes")]
    pub success: bool,
    #[serde(default)]
    pub message: Option<Value>,
    #[serde(default)]
    pub data: Vec<Value>,
    #[serde(default)]
    pub meta: Option<Meta>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
pub(crate) struct Meta {
    #[serde(default)]
    pub pagination: Option<Pagination>,
}

/// Where a page stands in its list.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Pagination {
    #[serde(default)]
    pub total_pages: Option<u32>,
    #[serde(default)]
    pub total_items: Option<u64>,
}

impl ListPage {
    /// Whether pages follow `page`.
    pub fn has_more(&self, page: u32) -> bool {
        let pagination = self.meta.as_ref().and_then(|m| m.pagination.as_ref());
        match pagination.and_then(|p| p.total_pages) {
            Some(total) => page < total,
            None => false,
        }
    }

    /// How many records the whole list holds, when told.
    pub fn total(&self) -> Option<u64> {
        self.meta
            .as_ref()
            .and_then(|m| m.pagination.as_ref())
            .and_then(|p| p.total_items)
    }
}

/// A text field, bounded and trimmed; numbers are accepted as text.
pub(crate) fn text(record: &Value, field: &str) -> String {
    let value = match record.get(field) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    value.trim().chars().take(LONGEST_FIELD).collect()
}

fn numbers(record: &Value) -> Vec<ContactNumber> {
    PHONE_FIELDS
        .iter()
        .filter_map(|(field, label)| {
            let number = text(record, field);
            (!number.is_empty()).then(|| ContactNumber {
                number,
                label: label.to_string(),
            })
        })
        .collect()
}

fn tags(record: &Value) -> String {
    let Some(Value::Array(tags)) = record.get("tags") else {
        return String::new();
    };
    tags.iter()
        .filter_map(|tag| match tag {
            Value::String(name) => Some(name.clone()),
            Value::Object(_) => Some(text(tag, "name")),
            _ => None,
        })
        .map(|name| {
            name.replace(',', " ")
                .trim()
                .chars()
                .take(60)
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .take(MOST_TAGS)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A SuiteDash contact as a cache contact (`remote_id` `contact:<uid>`); `None` without a uid.
pub(crate) fn contact(record: &Value) -> Option<ContactRecord> {
    let uid = text(record, "uid");
    if uid.is_empty() {
        return None;
    }
    let company = match record.get("companies") {
        Some(Value::Array(companies)) => companies
            .first()
            .map(|c| text(c, "name"))
            .unwrap_or_default(),
        _ => String::new(),
    };
    Some(ContactRecord {
        remote_id: Some(format!("contact:{uid}")),
        first_name: text(record, "first_name"),
        last_name: text(record, "last_name"),
        company,
        email: text(record, "email"),
        job_title: text(record, "title"),
        tags: tags(record),
        numbers: numbers(record),
        ..ContactRecord::default()
    })
}

/// A SuiteDash company as a cache contact named by the company (`remote_id` `company:<uid>`).
pub(crate) fn company(record: &Value) -> Option<ContactRecord> {
    let uid = text(record, "uid");
    let name = text(record, "name");
    if uid.is_empty() || name.is_empty() {
        return None;
    }
    Some(ContactRecord {
        remote_id: Some(format!("company:{uid}")),
        company: name,
        tags: tags(record),
        numbers: numbers(record),
        ..ContactRecord::default()
    })
}

/// The uid of a created contact in `{success, data: {uid}}` (or `{uid}`).
pub(crate) fn created_uid(answer: &Value) -> Option<String> {
    let uid = answer
        .get("data")
        .map(|data| text(data, "uid"))
        .filter(|uid| !uid.is_empty())
        .unwrap_or_else(|| text(answer, "uid"));
    (!uid.is_empty()).then_some(uid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_contact_keeps_every_phone_field_and_its_company() {
        let record = json!({
            "uid": "c-1", "first_name": " Ana ", "last_name": "Silva", "email": "ana@example.com",
            "phone": "+1 650 555 0101", "work_phone": "6505550102", "home_phone": "",
            "shop_phone": 6505550104u64, "tags": ["vip", {"name": "renewal"}, 7],
            "companies": [{"uid": "co-1", "name": "Acme"}], "unknown": {"deep": true}
        });
        let contact = contact(&record).expect("contact");
        assert_eq!(contact.remote_id.as_deref(), Some("contact:c-1"));
        assert_eq!(contact.first_name, "Ana");
        assert_eq!(contact.company, "Acme");
        assert_eq!(contact.tags, "vip, renewal");
        let labels: Vec<_> = contact.numbers.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["phone", "work", "shop"]);
    }

    #[test]
    fn odd_records_are_skipped_or_bounded_never_fatal() {
        assert!(contact(&json!({"first_name": "no uid"})).is_none());
        assert!(contact(&json!("a string")).is_none());
        assert!(
            company(&json!({"uid": "x"})).is_none(),
            "a company needs a name"
        );
        let long = "x".repeat(10_000);
        let contact = contact(&json!({"uid": "u", "first_name": long})).expect("contact");
        assert_eq!(contact.first_name.len(), 200);
    }

    #[test]
    fn pages_follow_until_the_last() {
        let page: ListPage = serde_json::from_value(json!({
            "success": true, "data": [],
            "meta": {"pagination": {"totalPages": 3, "currentPageNumber": 2, "totalItems": 25}}
        }))
        .expect("page");
        assert!(page.has_more(2));
        assert!(!page.has_more(3));
        assert_eq!(page.total(), Some(25));
        let bare: ListPage = serde_json::from_value(json!({"data": []})).expect("bare");
        assert!(!bare.has_more(1), "no pagination: one page");
    }

    #[test]
    fn a_created_uid_is_found_in_either_shape() {
        assert_eq!(
            created_uid(&json!({"success": true, "data": {"uid": "n-1"}})).as_deref(),
            Some("n-1")
        );
        assert_eq!(created_uid(&json!({"uid": "n-2"})).as_deref(), Some("n-2"));
        assert_eq!(created_uid(&json!({"success": true})), None);
    }
}

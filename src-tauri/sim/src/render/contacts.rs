//! Personal contacts (`PersonalContactResource`) and directory entries (`ContactResource`).

use super::Urls;
use crate::state::contacts::Contact;
use crate::state::directory::Entry;
use serde_json::{json, Value};

/// `PersonalContactResource`.
pub fn contact(c: &Contact, urls: &Urls) -> Value {
    let mut v = c.fields.to_json();
    v.insert("id".into(), json!(c.id));
    v.insert(
        "uri".into(),
        json!(urls.ext(&format!("/address-book/contact/{}", c.id))),
    );
    v.insert(
        "availability".into(),
        json!(if c.deleted { "Deleted" } else { "Alive" }),
    );
    Value::Object(v)
}

/// `ContactResource`.
pub fn directory_entry(e: &Entry, account_id: u64, company: &str) -> Value {
    json!({
        "id": e.id,
        "type": e.kind,
        "status": "Enabled",
        "firstName": e.first_name,
        "lastName": e.last_name,
        "name": format!("{} {}", e.first_name, e.last_name),
        "email": e.email,
        "extensionNumber": e.extension_number,
        "jobTitle": e.job_title,
        "department": e.department,
        "hidden": false,
        "account": { "id": account_id.to_string(), "companyName": company },
        "phoneNumbers": [{
            "phoneNumber": e.phone,
            "formattedPhoneNumber": e.phone,
            "type": "VoiceFax",
            "usageType": "DirectNumber",
            "primary": true,
            "hidden": false,
            "e164": e.phone,
            "smsAvailabilityStatus": "Active",
        }],
    })
}

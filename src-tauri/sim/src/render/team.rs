//! Team Messaging records: `TMChatInfo` (and its conversation and team cuts), `TMPostInfo`,
//! `TMPersonInfo`, and the post and chat event bodies (their shapes from RingCentral's docs:
//! the spec has no schema for them — chat types named `PrivateChat`/`PersonalChat`, `members`
//! as strings, `isPublic`, unused fields as `null`).

use crate::state::team::{Chat, ChatKind, Post};
use crate::time_fmt::iso;
use serde_json::{json, Value};

/// `TMChatInfo` (`members` for conversations only: teams never list them).
pub fn chat(c: &Chat) -> Value {
    let mut v = json!({
        "id": c.id,
        "type": c.kind.rest(),
        "creationTime": iso(c.created),
        "lastModifiedTime": iso(c.modified),
    });
    match c.kind {
        ChatKind::Team => {
            v["public"] = json!(c.public);
            v["status"] = json!(if c.archived { "Archived" } else { "Active" });
            v["name"] = json!(c.name.clone().unwrap_or_default());
            if let Some(description) = &c.description {
                v["description"] = json!(description);
            }
        }
        ChatKind::Everyone => {
            v["name"] = json!(c.name.clone().unwrap_or_default());
            v["description"] = json!(c.description.clone().unwrap_or_default());
        }
        _ => {
            v["members"] = json!(c
                .members
                .iter()
                .map(|id| json!({ "id": id }))
                .collect::<Vec<_>>());
        }
    }
    v
}

/// `TMTeamInfo` (no members).
pub fn team(c: &Chat) -> Value {
    json!({
        "id": c.id,
        "type": "Team",
        "public": c.public,
        "name": c.name.clone().unwrap_or_default(),
        "description": c.description.clone().unwrap_or_default(),
        "status": if c.archived { "Archived" } else { "Active" },
        "creationTime": iso(c.created),
        "lastModifiedTime": iso(c.modified),
    })
}

/// `TMPostInfo`.
pub fn post(p: &Post, is_parent: bool) -> Value {
    let mut v = json!({
        "id": p.id,
        "groupId": p.chat_id,
        "type": p.kind,
        "text": p.text,
        "creatorId": p.creator,
        "creationTime": iso(p.created),
        "lastModifiedTime": iso(p.modified),
        "attachments": [],
        "mentions": p.mentions.iter().map(|m| json!({ "id": m.id, "type": m.kind, "name": m.name })).collect::<Vec<_>>(),
    });
    if !p.added.is_empty() {
        v["addedPersonIds"] = json!(p.added);
    }
    if let Some(parent) = &p.parent_post_id {
        v["parentPostId"] = json!(parent);
    }
    if let Some(thread) = &p.thread_id {
        v["threadId"] = json!(thread);
    }
    if is_parent {
        v["isParent"] = json!(true);
    }
    v
}

/// `TMPersonInfo`.
pub fn person(id: &str, first: &str, last: &str, email: &str, company: u64) -> Value {
    json!({
        "id": id,
        "firstName": first,
        "lastName": last,
        "email": email,
        "companyId": company.to_string(),
    })
}

/// The body of a `/team-messaging/v1/posts` event. `PostRemoved` carries the id alone.
pub fn post_event(kind: &str, p: &Post) -> Value {
    if kind == "PostRemoved" {
        return json!({ "id": p.id, "eventType": kind });
    }
    let mentions: Value = if p.mentions.is_empty() {
        Value::Null
    } else {
        json!(p
            .mentions
            .iter()
            .map(|m| json!({ "id": m.id, "type": m.kind, "name": m.name }))
            .collect::<Vec<_>>())
    };
    json!({
        "id": p.id,
        "groupId": p.chat_id,
        "type": p.kind,
        "text": p.text,
        "creatorId": p.creator,
        "addedPersonIds": if p.added.is_empty() { Value::Null } else { json!(p.added) },
        "creationTime": iso(p.created),
        "lastModifiedTime": iso(p.modified),
        "attachments": Value::Null,
        "activity": Value::Null,
        "title": Value::Null,
        "iconUri": Value::Null,
        "iconEmoji": Value::Null,
        "mentions": mentions,
        "parentPostId": p.parent_post_id,
        "threadId": p.thread_id,
        "eventType": kind,
    })
}

/// The body of a `/team-messaging/v1/chats` event. `GroupLeft` carries the id alone.
pub fn chat_event(kind: &str, c: &Chat) -> Value {
    if kind == "GroupLeft" {
        return json!({ "id": c.id, "eventType": kind });
    }
    json!({
        "id": c.id,
        "name": c.name,
        "description": c.description,
        "type": c.kind.event(),
        "status": if c.archived { "Archived" } else { "Active" },
        "members": c.members.iter().collect::<Vec<_>>(),
        "isPublic": c.public,
        "creationTime": iso(c.created),
        "lastModifiedTime": iso(c.modified),
        "eventType": kind,
    })
}

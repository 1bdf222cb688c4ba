//! Team Messaging's records as RingCentral sends them (`TMChatInfo`, `TMPostInfo`,
//! `TMPersonInfo`, their lists), the fields ringdesk uses; unknown fields are ignored, absent
//! ones are `None` or empty.

use serde::Deserialize;

/// `TMChatMemberInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct MemberRecord {
    /// Person id.
    pub id: String,
}

/// `TMChatInfo` (and `TMConversationInfo`, `TMTeamInfo`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ChatRecord {
    /// Id.
    pub id: String,
    /// `Personal`, `Direct`, `Group`, `Team` or `Everyone`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Teams: anyone may join.
    pub public: Option<bool>,
    /// Teams and Everyone.
    pub name: Option<String>,
    /// Teams and Everyone.
    pub description: Option<String>,
    /// Teams: `Active` or `Archived`.
    pub status: Option<String>,
    /// ISO 8601.
    pub creation_time: Option<String>,
    /// ISO 8601.
    pub last_modified_time: Option<String>,
    /// Conversations list their members; teams never do.
    pub members: Vec<MemberRecord>,
}

/// `TMNavigationInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Navigation {
    /// The next (older) page.
    pub next_page_token: Option<String>,
    /// The previous (newer) page.
    pub prev_page_token: Option<String>,
}

/// `TMChatList`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ChatPage {
    /// Chats.
    pub records: Vec<ChatRecord>,
    /// Paging.
    pub navigation: Navigation,
}

/// `TMChatListWithoutNavigation`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ChatRecords {
    /// Chats.
    pub records: Vec<ChatRecord>,
}

/// `TMMentionsInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Mention {
    /// The person's or team's id.
    pub id: String,
    /// `Person`, `Team` …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Their name.
    pub name: Option<String>,
}

/// `TMPostInfo` (and the body of a post event).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PostRecord {
    /// Id.
    pub id: String,
    /// The chat (missing from a `PostRemoved` event).
    pub group_id: Option<String>,
    /// `TextMessage`, `PersonJoined`, `PersonsAdded` …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Text, with mention markup.
    pub text: Option<String>,
    /// Author.
    pub creator_id: Option<String>,
    /// `PersonsAdded`: who.
    pub added_person_ids: Option<Vec<String>>,
    /// ISO 8601.
    pub creation_time: Option<String>,
    /// ISO 8601.
    pub last_modified_time: Option<String>,
    /// Mentions.
    pub mentions: Option<Vec<Mention>>,
    /// The post replied to.
    pub parent_post_id: Option<String>,
    /// The thread.
    pub thread_id: Option<String>,
    /// Events only: `PostAdded`, `PostChanged`, `PostRemoved`.
    pub event_type: Option<String>,
}

/// `TMPostsList`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PostPage {
    /// Posts, newest first.
    pub records: Vec<PostRecord>,
    /// Paging.
    pub navigation: Navigation,
}

/// `TMPersonInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonRecord {
    /// Id (the extension id for users of the account).
    pub id: String,
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Email.
    pub email: Option<String>,
}

/// One part of a 207 batch answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchPart<T> {
    /// The id asked for.
    #[serde(default)]
    pub resource_id: String,
    /// Its HTTP status.
    #[serde(default)]
    pub status: u16,
    /// The record, when the status is 200.
    #[serde(default = "none")]
    pub body: Option<T>,
}

fn none<T>() -> Option<T> {
    None
}

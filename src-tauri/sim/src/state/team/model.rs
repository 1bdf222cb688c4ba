//! Team Messaging's things: chats (personal, direct, group, team, everyone), posts and their
//! mentions, and why a request is refused.

use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

/// The kind of a chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChatKind {
    /// The user's own "me" chat.
    Personal,
    /// Two people.
    Direct,
    /// A fixed set of 3 to 16 people, no name.
    Group,
    /// Named, membership changes, public or private.
    Team,
    /// The company-wide chat.
    Everyone,
}

impl ChatKind {
    /// The REST name (`TMChatInfo.type`).
    pub fn rest(self) -> &'static str {
        match self {
            ChatKind::Personal => "Personal",
            ChatKind::Direct => "Direct",
            ChatKind::Group => "Group",
            ChatKind::Team => "Team",
            ChatKind::Everyone => "Everyone",
        }
    }

    /// The name chat events use (`PersonalChat`, `PrivateChat` …).
    pub fn event(self) -> &'static str {
        match self {
            ChatKind::Personal => "PersonalChat",
            ChatKind::Direct => "PrivateChat",
            ChatKind::Group => "Group",
            ChatKind::Team => "Team",
            ChatKind::Everyone => "Everyone",
        }
    }

    /// The kind a REST `type` names.
    pub fn parse(text: &str) -> Option<Self> {
        [
            ChatKind::Personal,
            ChatKind::Direct,
            ChatKind::Group,
            ChatKind::Team,
            ChatKind::Everyone,
        ]
        .into_iter()
        .find(|k| k.rest() == text)
    }

    /// Whether this is a conversation (`…/conversations`): personal, direct or group.
    pub fn conversation(self) -> bool {
        matches!(
            self,
            ChatKind::Personal | ChatKind::Direct | ChatKind::Group
        )
    }
}

/// A chat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chat {
    /// String id.
    pub id: String,
    /// Kind.
    pub kind: ChatKind,
    /// Name (teams and Everyone).
    pub name: Option<String>,
    /// Description (teams and Everyone).
    pub description: Option<String>,
    /// Anyone in the company may join (teams).
    pub public: bool,
    /// Archived (teams).
    pub archived: bool,
    /// Person ids.
    pub members: BTreeSet<String>,
    /// Team admins (the creator).
    pub admins: BTreeSet<String>,
    /// `creationTime`.
    pub created: DateTime<Utc>,
    /// `lastModifiedTime`: changed by a post or a change of the chat.
    pub modified: DateTime<Utc>,
}

impl Chat {
    /// Whether `person` may read it: a member, or anyone for an active public team.
    pub fn visible_to(&self, person: &str) -> bool {
        self.members.contains(person)
            || (self.kind == ChatKind::Team && self.public && !self.archived)
            || self.kind == ChatKind::Everyone
    }
}

/// A mention in a post (`TMMentionsInfo`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The person's or team's id.
    pub id: String,
    /// `Person` or `Team`.
    pub kind: &'static str,
    /// Their name.
    pub name: String,
}

/// A post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    /// String id.
    pub id: String,
    /// The chat (`groupId`).
    pub chat_id: String,
    /// `TextMessage`, `PersonJoined` or `PersonsAdded`.
    pub kind: &'static str,
    /// Text, with mention markup as written.
    pub text: String,
    /// The author's person id.
    pub creator: String,
    /// `addedPersonIds` of a `PersonsAdded` post.
    pub added: Vec<String>,
    /// Mentions found in the text.
    pub mentions: Vec<Mention>,
    /// The post replied to, in a thread.
    pub parent_post_id: Option<String>,
    /// The thread (the first post's id).
    pub thread_id: Option<String>,
    /// `creationTime`.
    pub created: DateTime<Utc>,
    /// `lastModifiedTime`.
    pub modified: DateTime<Utc>,
}

/// Why Team Messaging refuses a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such chat, post or person (404).
    NotFound(&'static str),
    /// Not allowed: not a member, not the author, not a team admin (403).
    Forbidden(&'static str),
    /// A bad value (400), naming the field.
    Invalid(&'static str),
}

/// What subscribers hear: a post added, changed or removed, or a chat joined, left, renamed
/// or changed — with the people to tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamEvent {
    /// `PostAdded`, `PostChanged` or `PostRemoved`.
    Post {
        /// The event type.
        kind: &'static str,
        /// The post as it is now (as it was, for a removal).
        post: Post,
        /// Who hears it.
        to: Vec<String>,
    },
    /// `GroupJoined`, `GroupLeft`, `GroupRenamed` or `GroupChanged`.
    Chat {
        /// The event type.
        kind: &'static str,
        /// The chat as it is now.
        chat: Chat,
        /// Who hears it.
        to: Vec<String>,
    },
}

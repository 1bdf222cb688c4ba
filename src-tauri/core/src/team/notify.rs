//! Which posts notify the agent: each chat at the level the agent chose for it, or its kind's
//! default — every post in direct and group chats and in a *dedicated* team (a private team
//! whose posts all come from one other person: a service such as a website that opens a team
//! per customer conversation and posts the customer's words into it, or a colleague's one-to-one
//! team), and in other teams and the company-wide chat only the posts that mention the agent.
//! The agent's own posts never notify.

use crate::store::{NotifyLevel, TeamChat, TeamPost};

/// The level `chat` notifies at: the agent's `chosen` one, else its default; `other_posters` is
/// how many people other than the agent have posted in it.
pub fn level(chat: &TeamChat, chosen: Option<NotifyLevel>, other_posters: u32) -> NotifyLevel {
    chosen.unwrap_or_else(|| default_level(chat, other_posters))
}

/// The level a chat notifies at when the agent chose none.
pub fn default_level(chat: &TeamChat, other_posters: u32) -> NotifyLevel {
    match chat.kind.as_str() {
        "Direct" | "Group" | "Personal" => NotifyLevel::All,
        "Team" if !chat.public && other_posters <= 1 => NotifyLevel::All,
        _ => NotifyLevel::Mentions,
    }
}

/// Whether `post` mentions the agent `me`: by name, or the whole chat it is in (`@team`).
pub fn mentions_me(post: &TeamPost, me: &str) -> bool {
    post.mentions
        .iter()
        .any(|m| (m.kind == "Person" && m.id == me) || (m.kind == "Team" && m.id == post.chat_id))
}

/// Whether `post` notifies the agent `me` in a chat at `level`.
pub fn notifies(level: NotifyLevel, post: &TeamPost, me: &str) -> bool {
    if me.is_empty() || post.creator == me || post.kind != "TextMessage" {
        return false;
    }
    match level {
        NotifyLevel::All => true,
        NotifyLevel::Mentions => mentions_me(post, me),
        NotifyLevel::Muted => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::PostMention;

    fn chat(kind: &str, public: bool) -> TeamChat {
        TeamChat {
            id: "c1".into(),
            kind: kind.into(),
            public,
            member: true,
            ..TeamChat::default()
        }
    }

    fn post(creator: &str, mentions: &[(&str, &str)]) -> TeamPost {
        TeamPost {
            remote_id: "p1".into(),
            chat_id: "c1".into(),
            kind: "TextMessage".into(),
            creator: creator.into(),
            text: "hello".into(),
            mentions: mentions
                .iter()
                .map(|(kind, id)| PostMention {
                    id: (*id).into(),
                    kind: (*kind).into(),
                    name: "Someone".into(),
                })
                .collect(),
            ..TeamPost::default()
        }
    }

    #[test]
    fn conversations_and_dedicated_teams_notify_every_post_other_teams_mentions() {
        assert_eq!(default_level(&chat("Direct", false), 1), NotifyLevel::All);
        assert_eq!(default_level(&chat("Group", false), 5), NotifyLevel::All);
        assert_eq!(
            default_level(&chat("Team", false), 1),
            NotifyLevel::All,
            "a private team one other person posts in: a service's dedicated chat"
        );
        assert_eq!(
            default_level(&chat("Team", false), 2),
            NotifyLevel::Mentions,
            "a team where several people talk"
        );
        assert_eq!(
            default_level(&chat("Team", true), 1),
            NotifyLevel::Mentions,
            "a public team is never a dedicated chat"
        );
        assert_eq!(
            default_level(&chat("Everyone", false), 0),
            NotifyLevel::Mentions
        );
        assert_eq!(
            level(&chat("Direct", false), Some(NotifyLevel::Muted), 1),
            NotifyLevel::Muted,
            "the agent's choice wins"
        );
    }

    #[test]
    fn a_post_notifies_by_level_never_the_agents_own() {
        let plain = post("7", &[]);
        let named = post("7", &[("Person", "me")]);
        let whole_team = post("7", &[("Team", "c1")]);
        let someone_else = post("7", &[("Person", "8")]);
        assert!(notifies(NotifyLevel::All, &plain, "me"));
        assert!(!notifies(NotifyLevel::Mentions, &plain, "me"));
        assert!(notifies(NotifyLevel::Mentions, &named, "me"));
        assert!(notifies(NotifyLevel::Mentions, &whole_team, "me"));
        assert!(!notifies(NotifyLevel::Mentions, &someone_else, "me"));
        assert!(!notifies(NotifyLevel::Muted, &named, "me"));
        assert!(!notifies(NotifyLevel::All, &post("me", &[]), "me"));
        assert!(!notifies(NotifyLevel::All, &plain, ""), "who is the agent?");
        let joined = TeamPost {
            kind: "PersonJoined".into(),
            ..plain
        };
        assert!(!notifies(NotifyLevel::All, &joined, "me"), "not a message");
    }
}

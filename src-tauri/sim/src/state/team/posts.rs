//! Posts: listed newest first with page tokens, created (≤ 10 000 characters, mentions found
//! in `![:Person](id)` / `![:Team](id)` markup), edited and deleted by their author, threads.

use chrono::{DateTime, Utc};

use super::{Chat, Mention, Post, Refusal, TeamEvent, TeamMessaging};

/// The longest post text, in characters.
pub const LONGEST_POST: usize = 10_000;

/// A page of posts and the token of the next (older) one.
#[derive(Debug)]
pub struct PostPage<'a> {
    /// Newest first.
    pub posts: Vec<&'a Post>,
    /// The next page, when there are older posts.
    pub next: Option<String>,
    /// The previous (newer) page, when this is not the first.
    pub previous: Option<String>,
}

/// A new post, as `createGlipPostNew` asks for it.
#[derive(Clone, Debug, Default)]
pub struct NewPost {
    /// Text.
    pub text: String,
    /// The post replied to.
    pub parent_post_id: Option<String>,
}

/// A page token: `chat:offset`, bound to the chat (and thread) it was made for.
fn token(scope: &str, offset: usize) -> String {
    format!("{scope}:{offset}")
}

fn offset(scope: &str, token: Option<&str>) -> Result<usize, Refusal> {
    match token {
        None => Ok(0),
        Some(token) => token
            .strip_prefix(scope)
            .and_then(|rest| rest.strip_prefix(':'))
            .and_then(|n| n.parse().ok())
            .ok_or(Refusal::Invalid("pageToken")),
    }
}

impl TeamMessaging {
    /// A chat `person` may post in and read the posts of: a member's, or Everyone.
    fn member_chat(&self, person: &str, chat_id: &str) -> Result<&Chat, Refusal> {
        let chat = self.chat(person, chat_id)?;
        if chat.members.contains(person) || chat.kind == super::ChatKind::Everyone {
            Ok(chat)
        } else {
            Err(Refusal::Forbidden("not a member of the chat"))
        }
    }

    /// A page of the chat's posts (or of one thread), newest first.
    pub fn posts(
        &self,
        person: &str,
        chat_id: &str,
        thread: Option<&str>,
        count: usize,
        page_token: Option<&str>,
    ) -> Result<PostPage<'_>, Refusal> {
        self.member_chat(person, chat_id)?;
        let scope = match thread {
            Some(thread) => format!("{chat_id}/{thread}"),
            None => chat_id.to_owned(),
        };
        let skip = offset(&scope, page_token)?;
        let all: Vec<&Post> = self
            .posts
            .iter()
            .rev()
            .filter(|p| p.chat_id == chat_id)
            .filter(|p| thread.is_none_or(|t| p.thread_id.as_deref() == Some(t) || p.id == t))
            .collect();
        let posts: Vec<&Post> = all.iter().skip(skip).take(count).copied().collect();
        Ok(PostPage {
            next: (skip + count < all.len()).then(|| token(&scope, skip + count)),
            previous: (skip > 0).then(|| token(&scope, skip.saturating_sub(count))),
            posts,
        })
    }

    /// Whether replies were made to the post (it starts a thread).
    pub fn is_parent(&self, post_id: &str) -> bool {
        self.posts
            .iter()
            .any(|p| p.thread_id.as_deref() == Some(post_id))
    }

    /// One post.
    pub fn post(&self, person: &str, chat_id: &str, post_id: &str) -> Result<&Post, Refusal> {
        self.member_chat(person, chat_id)?;
        self.posts
            .iter()
            .find(|p| p.id == post_id && p.chat_id == chat_id)
            .ok_or(Refusal::NotFound("postId"))
    }

    /// The mentions in `text`: `![:Person](id)` and `![:Team](id)` of known people and chats.
    fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut found = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("![:") {
            rest = &rest[start + 3..];
            let Some((kind, after)) = rest.split_once("](") else {
                break;
            };
            let Some((id, after)) = after.split_once(')') else {
                break;
            };
            let name = match kind {
                "Person" => self
                    .person(id)
                    .map(|(first, last, _)| format!("{first} {last}")),
                "Team" => self
                    .chats
                    .iter()
                    .find(|c| c.id == id)
                    .and_then(|c| c.name.clone()),
                _ => None,
            };
            if let Some(name) = name {
                let kind = if kind == "Person" { "Person" } else { "Team" };
                if !found.iter().any(|m: &Mention| m.id == id) {
                    found.push(Mention {
                        id: id.to_owned(),
                        kind,
                        name,
                    });
                }
            }
            rest = after;
        }
        found
    }

    fn checked_text(text: &str) -> Result<(), Refusal> {
        let length = text.chars().count();
        if text.trim().is_empty() || length > LONGEST_POST {
            return Err(Refusal::Invalid("text"));
        }
        Ok(())
    }

    /// Posts `post` in the chat as `person`.
    pub fn create_post(
        &mut self,
        person: &str,
        chat_id: &str,
        post: NewPost,
        now: DateTime<Utc>,
    ) -> Result<(Post, Vec<TeamEvent>), Refusal> {
        Self::checked_text(&post.text)?;
        let chat = self.member_chat(person, chat_id)?;
        if chat.archived {
            return Err(Refusal::Forbidden("the team is archived"));
        }
        let to: Vec<String> = chat.members.iter().cloned().collect();
        let thread_id = match &post.parent_post_id {
            Some(parent) => {
                let parent = self.post(person, chat_id, parent)?;
                Some(
                    parent
                        .thread_id
                        .clone()
                        .unwrap_or_else(|| parent.id.clone()),
                )
            }
            None => None,
        };
        let created = Post {
            id: self.id(),
            chat_id: chat_id.to_owned(),
            kind: "TextMessage",
            mentions: self.mentions(&post.text),
            text: post.text,
            creator: person.to_owned(),
            added: Vec::new(),
            parent_post_id: post.parent_post_id,
            thread_id,
            created: now,
            modified: now,
        };
        self.posts.push(created.clone());
        self.chat_mut(chat_id)?.modified = now;
        let event = TeamEvent::Post {
            kind: "PostAdded",
            post: created.clone(),
            to,
        };
        Ok((created, vec![event]))
    }

    /// The index of a post `person` wrote, for a change.
    fn own_post(&self, person: &str, chat_id: &str, post_id: &str) -> Result<usize, Refusal> {
        let post = self.post(person, chat_id, post_id)?;
        if post.creator != person {
            return Err(Refusal::Forbidden(
                "not allowed to change another person's post",
            ));
        }
        self.posts
            .iter()
            .position(|p| p.id == post_id)
            .ok_or(Refusal::NotFound("postId"))
    }

    /// Replaces the text of `person`'s own post.
    pub fn patch_post(
        &mut self,
        person: &str,
        chat_id: &str,
        post_id: &str,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(Post, Vec<TeamEvent>), Refusal> {
        Self::checked_text(text)?;
        let at = self.own_post(person, chat_id, post_id)?;
        let mentions = self.mentions(text);
        let post = &mut self.posts[at];
        post.text = text.to_owned();
        post.mentions = mentions;
        post.modified = now;
        let post = post.clone();
        let to = self
            .chat(person, chat_id)?
            .members
            .iter()
            .cloned()
            .collect();
        Ok((
            post.clone(),
            vec![TeamEvent::Post {
                kind: "PostChanged",
                post,
                to,
            }],
        ))
    }

    /// Deletes `person`'s own post.
    pub fn delete_post(
        &mut self,
        person: &str,
        chat_id: &str,
        post_id: &str,
    ) -> Result<Vec<TeamEvent>, Refusal> {
        let at = self.own_post(person, chat_id, post_id)?;
        let post = self.posts.remove(at);
        let to = self
            .chat(person, chat_id)?
            .members
            .iter()
            .cloned()
            .collect();
        Ok(vec![TeamEvent::Post {
            kind: "PostRemoved",
            post,
            to,
        }])
    }
}

//! Telling Team Messaging's changes: each event goes to the WebSocket subscriptions of every
//! person it concerns (`/team-messaging/v1/posts`, `/team-messaging/v1/chats`).

use super::team::TeamEvent;
use super::World;
use crate::render::{team, Urls};
use crate::ws::filters::EventKind;
use chrono::{DateTime, Utc};

impl World {
    /// Delivers `events` to the people they name.
    pub fn publish_team(&mut self, events: Vec<TeamEvent>, now: DateTime<Utc>, urls: &Urls) {
        let stamp = crate::time_fmt::iso(now);
        let ids = (urls.account, urls.extension);
        for event in events {
            let (kind, body, to) = match &event {
                TeamEvent::Post { kind, post, to } => {
                    (EventKind::TeamPost, team::post_event(kind, post), to)
                }
                TeamEvent::Chat { kind, chat, to } => {
                    (EventKind::TeamChat, team::chat_event(kind, chat), to)
                }
            };
            for person in to {
                let Ok(owner) = person.parse::<u64>() else {
                    continue;
                };
                let uuids = &mut self.ids;
                self.hub
                    .publish(owner, kind, ids, &stamp, &mut || uuids.uuid(), &|_| {
                        body.clone()
                    });
            }
        }
    }
}

//! The simulator's whole mutable state ([`World`]) and how it moves forward in time.

pub mod account;
pub mod call_log;
pub mod codes;
pub mod contacts;
pub mod directory;
pub mod holds;
pub mod ids;
pub mod inbound;
pub mod live;
pub mod live_world;
pub mod messages;
pub mod opt_outs;
pub mod ringout;
pub mod ringout_legs;
pub mod session;
pub mod sessions;
pub mod team;
mod team_world;
pub mod templates;

use crate::config::{SimConfig, Timings};
use crate::render::{self, Urls};
use crate::seed;
use crate::ws::filters::EventKind;
use crate::ws::hub::Hub;
use account::Account;
use call_log::CallLog;
use chrono::{DateTime, Utc};
use codes::Codes;
use contacts::AddressBook;
use directory::Entry;
use ids::Ids;
use inbound::InboundCall;
use live::SessionLedger;
use messages::{Delivery, Direction, MessageStore};
use ringout::RingOut;
use serde_json::json;
use sessions::Sessions;

/// Everything that changes while the simulator runs.
#[derive(Debug)]
pub struct World {
    /// Bumped by every reset; sync tokens from an older epoch need a full sync.
    pub epoch: u64,
    /// Deterministic ids and secrets.
    pub ids: Ids,
    /// The account and extension.
    pub account: Account,
    /// OAuth sessions.
    pub sessions: Sessions,
    /// Authorization codes and WS tokens.
    pub codes: Codes,
    /// Placed RingOut calls.
    pub ringouts: Vec<RingOut>,
    /// Inbound calls started through the admin API.
    pub inbound: Vec<InboundCall>,
    /// SMS.
    pub messages: MessageStore,
    /// Call history.
    pub call_log: CallLog,
    /// Personal contacts.
    pub contacts: AddressBook,
    /// Company directory.
    pub directory: Vec<Entry>,
    /// SMS templates.
    pub templates: templates::Templates,
    /// Team Messaging: chats, teams, posts.
    pub team: team::TeamMessaging,
    /// WebSocket sessions.
    pub hub: Hub,
    next_record: u64,
    presence_sequence: u64,
    /// What presence subscribers were last told of the live calls (id, status).
    presence_told: Vec<(String, &'static str)>,
    /// What telephony-session subscribers were last told.
    sessions_told: SessionLedger,
}

impl World {
    /// The seeded world for `config` at `now`.
    pub fn seeded(config: &SimConfig, now: DateTime<Utc>, epoch: u64) -> Self {
        let mut setup = Ids::new(config.seed, 0);
        let account = Account::seeded(&mut setup, now);
        let own = account
            .sms_sender()
            .map(|n| n.phone.clone())
            .unwrap_or_default();
        let first_message = setup.number(1_000_000_000..9_000_000_000) as i64 * 10;
        let messages = seed::messages(
            config.seed,
            config.messages,
            config.contacts,
            &own,
            now,
            setup.rng(),
            first_message,
        );
        let first_contact = setup.number(100_000_000..900_000_000) as i64;
        let contacts = seed::contacts(
            config.seed,
            config.contacts,
            now,
            setup.rng(),
            first_contact,
        );
        let mut directory = directory::colleagues(&mut setup, 30);
        directory.insert(0, self_entry(&account));
        let team = seed::team::team(
            &directory,
            &account.extension_id.to_string(),
            &account.company,
            now,
            setup.rng(),
        );
        let calls = seed::call_log::SeededCalls::new(
            config.seed,
            config.call_log,
            now,
            (&own, &account.name(), account.extension_id),
            seed::people::pool(config.contacts),
        );
        Self {
            epoch,
            ids: Ids::new(config.seed, 100 + epoch),
            account,
            sessions: Sessions::default(),
            codes: Codes::default(),
            ringouts: Vec::new(),
            inbound: Vec::new(),
            messages,
            call_log: CallLog::new(calls),
            contacts,
            directory,
            templates: templates::Templates::seeded(),
            team,
            hub: Hub::default(),
            next_record: 0,
            presence_sequence: 0,
            presence_told: Vec::new(),
            sessions_told: SessionLedger::default(),
        }
    }

    /// Brings calls and messages up to `now`: subscribers hear about live-call changes, ended
    /// calls enter the call log, outbound SMS progress, and subscribers hear about message
    /// changes.
    pub fn advance(&mut self, now: DateTime<Utc>, timings: &Timings, urls: &Urls) {
        self.publish_calls(now, timings, urls);
        self.log_ended_calls(now, timings);
        let delivery = Delivery {
            sent: chrono::Duration::from_std(timings.sms_sent).unwrap_or_default(),
            delivered: chrono::Duration::from_std(timings.sms_delivered).unwrap_or_default(),
        };
        let changed = self.messages.advance(now, delivery);
        if !changed.is_empty() {
            self.publish_messages(&[], changed.len(), Direction::Outbound, now, urls);
        }
    }

    /// The next call-log record id.
    fn next_record_id(&mut self) -> String {
        self.next_record += 1;
        format!("{}B", self.next_record + 7_000_000)
    }

    /// Tells subscribers about new or changed messages (`message-store` filter), and about a new
    /// inbound SMS (`message-store/instant?type=SMS` filter).
    pub fn publish_messages(
        &mut self,
        new_ids: &[i64],
        updated: usize,
        direction: Direction,
        now: DateTime<Utc>,
        urls: &Urls,
    ) {
        let inbound = direction == Direction::Inbound;
        let owner = self.account.extension_id;
        let body = json!({
            "extensionId": owner.to_string(),
            "lastUpdated": crate::time_fmt::iso(now),
            "changes": [{ "type": "SMS", "newCount": new_ids.len(), "updatedCount": updated, "newMessageIds": new_ids }],
            "ownerId": owner.to_string(),
        });
        let kind = EventKind::MessageStore {
            inbound,
            outbound: !inbound,
        };
        self.publish(kind, now, urls, &|_| body.clone());
        if inbound {
            for id in new_ids {
                let Some(message) = self.messages.get(*id) else {
                    continue;
                };
                let instant = render::instant_sms(message, owner, urls);
                self.publish(EventKind::InboundSms, now, urls, &|_| instant.clone());
            }
        }
    }

    /// Demo mode: customer text number `k` arrives now (stored, subscribers notified).
    pub fn demo_inbound_sms(
        &mut self,
        seed: u64,
        contacts: usize,
        k: u64,
        now: DateTime<Utc>,
        urls: &Urls,
    ) {
        let (person, text) = seed::demo_text(seed, contacts, k);
        let from = messages::Party {
            name: Some(person.name()),
            location: Some(person.location.clone()),
            ..messages::Party::number(&person.phone)
        };
        let own = self
            .account
            .sms_sender()
            .map(|n| n.phone.clone())
            .unwrap_or_default();
        let to = messages::Party {
            name: Some(self.account.name()),
            ..messages::Party::number(&own)
        };
        let id = self.messages.receive(from, to, text, now, false);
        self.publish_messages(&[id], 0, Direction::Inbound, now, urls);
    }

    /// The current access token of the OAuth session behind a WebSocket session.
    pub fn ws_access_token(&mut self, wsc: &str) -> Option<String> {
        let id = self.hub.session_mut(wsc)?.oauth_session.clone();
        self.sessions.get(&id).map(|s| s.access.clone())
    }

    fn publish(
        &mut self,
        kind: EventKind,
        now: DateTime<Utc>,
        urls: &Urls,
        payload: &dyn Fn(&crate::ws::filters::Filter) -> serde_json::Value,
    ) {
        let owner = self.account.extension_id;
        let ids = &mut self.ids;
        let stamp = crate::time_fmt::iso(now);
        self.hub.publish(
            owner,
            kind,
            (urls.account, urls.extension),
            &stamp,
            &mut || ids.uuid(),
            payload,
        );
    }
}

fn self_entry(account: &Account) -> Entry {
    Entry {
        id: account.extension_id.to_string(),
        kind: "User",
        extension_number: account.extension_number.clone(),
        first_name: account.first_name.clone(),
        last_name: account.last_name.clone(),
        email: account.email.clone(),
        job_title: "Account Executive",
        department: "Sales",
        phone: account
            .sms_sender()
            .map(|n| n.phone.clone())
            .unwrap_or_default(),
    }
}

//! The simulator's whole mutable state ([`World`]) and how it moves forward in time.

pub mod account;
pub mod call_log;
pub mod codes;
pub mod contacts;
pub mod directory;
pub mod ids;
pub mod messages;
pub mod ringout;
pub mod session;
pub mod sessions;

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
    /// SMS.
    pub messages: MessageStore,
    /// Call history.
    pub call_log: CallLog,
    /// Personal contacts.
    pub contacts: AddressBook,
    /// Company directory.
    pub directory: Vec<Entry>,
    /// WebSocket sessions.
    pub hub: Hub,
    next_record: u64,
    presence_sequence: u64,
    last_telephony: &'static str,
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
            messages,
            call_log: CallLog::new(calls),
            contacts,
            directory,
            hub: Hub::default(),
            next_record: 0,
            presence_sequence: 0,
            last_telephony: "NoCall",
        }
    }

    /// Brings calls and messages up to `now`: ended RingOuts enter the call log, outbound SMS
    /// progress, and subscribers hear about message changes.
    pub fn advance(&mut self, now: DateTime<Utc>, timings: &Timings, urls: &Urls) {
        for i in 0..self.ringouts.len() {
            if self.ringouts[i].logged {
                continue;
            }
            let snapshot = self.ringouts[i].status(timings, now);
            if snapshot.ended.is_none_or(|end| end > now) {
                continue;
            }
            self.next_record += 1;
            let id = format!("{}B", self.next_record + 7_000_000);
            let name = self.account.name();
            let record = self.ringouts[i].record(id, &name, self.account.extension_id, &snapshot);
            self.call_log.add(record);
            self.ringouts[i].logged = true;
        }
        let delivery = Delivery {
            sent: chrono::Duration::from_std(timings.sms_sent).unwrap_or_default(),
            delivered: chrono::Duration::from_std(timings.sms_delivered).unwrap_or_default(),
        };
        let changed = self.messages.advance(now, delivery);
        if !changed.is_empty() {
            self.publish_messages(&[], changed.len(), Direction::Outbound, now, urls);
        }
        if self.telephony_status(timings, now) != self.last_telephony {
            self.publish_presence(now, timings, urls);
        }
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

    /// Tells presence subscribers the current presence.
    pub fn publish_presence(&mut self, now: DateTime<Utc>, timings: &Timings, urls: &Urls) {
        let telephony = self.telephony_status(timings, now);
        let active = self.active_calls(timings, now);
        self.last_telephony = telephony;
        self.presence_sequence += 1;
        let (sequence, account) = (self.presence_sequence, self.account.clone());
        self.publish(EventKind::Presence, now, urls, &|filter| {
            let detailed = matches!(
                filter,
                crate::ws::filters::Filter::Presence { detailed: true }
            );
            render::presence_event(
                &account,
                telephony,
                sequence,
                detailed.then_some(active.as_slice()),
            )
        });
    }

    /// `telephonyStatus` from live RingOut calls.
    pub fn telephony_status(&self, timings: &Timings, now: DateTime<Utc>) -> &'static str {
        let live = self.live_calls(timings, now);
        if live.iter().any(|(_, status)| *status == "CallConnected") {
            "CallConnected"
        } else if live.is_empty() {
            "NoCall"
        } else {
            "Ringing"
        }
    }

    /// RingOut calls not yet ended, with their telephony status (`Ringing` / `CallConnected`).
    pub fn live_calls(
        &self,
        timings: &Timings,
        now: DateTime<Utc>,
    ) -> Vec<(&RingOut, &'static str)> {
        self.ringouts
            .iter()
            .filter(|call| !call.logged)
            .filter_map(|call| {
                let s = call.status(timings, now);
                s.ended.is_none().then_some((
                    call,
                    if s.connected {
                        "CallConnected"
                    } else {
                        "Ringing"
                    },
                ))
            })
            .collect()
    }

    /// `activeCalls` of the presence answers.
    pub fn active_calls(&self, timings: &Timings, now: DateTime<Utc>) -> Vec<serde_json::Value> {
        let name = self.account.name();
        self.live_calls(timings, now)
            .into_iter()
            .map(|(call, status)| render::active_call(call, status, &name))
            .collect()
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

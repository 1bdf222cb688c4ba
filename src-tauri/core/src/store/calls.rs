//! Call-log records as the cache stores them, and how a batch writes them.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::time::to_millis;
use super::{Batch, Direction, StoreError};

/// One side of a call, as RingCentral reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallParty {
    /// The phone number in any spelling (RingCentral sends E.164).
    pub number: Option<String>,
    /// The extension number, for internal calls.
    pub extension: Option<String>,
    /// The caller-ID or directory name.
    pub name: Option<String>,
}

impl CallParty {
    /// The number to match on: the phone number, else the extension.
    pub fn dialable(&self) -> Option<&str> {
        self.number
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .or(self.extension.as_deref())
    }
}

/// A leg of a call (RingCentral's Detailed view), e.g. the two legs of a RingOut.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLeg {
    /// `legType`, e.g. `RingOutWebToSubscriber`.
    pub leg_type: String,
    /// Caller of this leg.
    pub from: CallParty,
    /// Callee of this leg.
    pub to: CallParty,
    /// `result` of this leg.
    pub result: String,
    /// Seconds.
    pub duration_secs: u32,
    /// The main leg.
    pub master: bool,
}

/// A call-log record to store; `id` is RingCentral's record id and unique in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    /// RingCentral's call-log record id.
    pub id: String,
    /// `sessionId`, shared by the legs of one call.
    pub session_id: String,
    /// When the call started.
    pub start: DateTime<Utc>,
    /// Seconds.
    pub duration_secs: u32,
    /// Inbound or outbound.
    pub direction: Direction,
    /// `Voice` or `Fax`.
    pub kind: String,
    /// `action`, e.g. `RingOut Web`.
    pub action: String,
    /// `result`, e.g. `Call connected`, `Missed`.
    pub result: String,
    /// The caller.
    pub from: CallParty,
    /// The callee.
    pub to: CallParty,
    /// Legs, when RingCentral sent them.
    pub legs: Vec<CallLeg>,
    /// The record as received, for fields not modelled yet.
    pub raw: Option<String>,
}

impl CallRecord {
    /// An inbound call nobody took.
    pub fn is_missed(&self) -> bool {
        self.direction == Direction::Inbound && self.result.eq_ignore_ascii_case("Missed")
    }

    /// The other party: the caller of an inbound call, the callee of an outbound one.
    pub fn peer(&self) -> &CallParty {
        match self.direction {
            Direction::Inbound => &self.from,
            Direction::Outbound => &self.to,
        }
    }

    /// The agent's own side.
    pub fn own(&self) -> &CallParty {
        match self.direction {
            Direction::Inbound => &self.to,
            Direction::Outbound => &self.from,
        }
    }
}

impl Batch<'_> {
    /// Stores a call record, replacing the one with the same id (sync answers overlap).
    pub fn put_call(&mut self, call: &CallRecord) -> Result<(), StoreError> {
        let peer = call.peer();
        let peer_name = peer.name.as_deref().unwrap_or_default();
        let key = self.number(peer.dialable(), peer_name)?.map(|r| r.key);
        let legs = serde_json::to_string(&call.legs).map_err(|e| StoreError::Invalid {
            what: "call legs",
            detail: e.to_string(),
        })?;
        self.tx
            .prepare_cached(
                "INSERT INTO calls (remote_id, session_id, start_time, duration, direction, kind,
                     action, result, missed, peer_key, peer_number, peer_name, own_number, legs, raw)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                 ON CONFLICT (remote_id) DO UPDATE SET
                     session_id = excluded.session_id, start_time = excluded.start_time,
                     duration = excluded.duration, direction = excluded.direction,
                     kind = excluded.kind, action = excluded.action, result = excluded.result,
                     missed = excluded.missed, peer_key = excluded.peer_key,
                     peer_number = excluded.peer_number, peer_name = excluded.peer_name,
                     own_number = excluded.own_number, legs = excluded.legs, raw = excluded.raw",
            )?
            .execute(params![
                call.id,
                call.session_id,
                to_millis(call.start),
                call.duration_secs,
                call.direction.as_str(),
                call.kind,
                call.action,
                call.result,
                call.is_missed(),
                key.as_ref().map(|k| k.as_str()),
                peer.dialable().unwrap_or_default(),
                peer_name,
                call.own().dialable().unwrap_or_default(),
                legs,
                call.raw,
            ])?;
        self.drop_live_twin(call)
    }

    /// Removes a call record (RingCentral reported it deleted).
    pub fn remove_call(&mut self, id: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM calls WHERE remote_id = ?1")?
            .execute([id])?;
        Ok(())
    }
}

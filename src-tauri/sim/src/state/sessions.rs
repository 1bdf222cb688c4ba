//! OAuth sessions and their tokens: issue, authenticate, rotate on refresh (with RingCentral's
//! documented grace rules), revoke, and expire. Pure state; the HTTP side is in `oauth/`.

use super::ids::Ids;
pub use super::session::scope;
pub use super::session::{AccessFailure, Lifetimes, RefreshFailure, Session, SessionPolicy};
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};

/// Grace rules for a superseded refresh token (DOCS `refresh-tokens.md`).
const REUSE_AFTER_USE: i64 = 10;
const REUSE_UNUSED_MINUTES: i64 = 60;

/// All sessions.
#[derive(Debug, Default)]
pub struct Sessions {
    sessions: HashMap<String, Session>,
    by_access: HashMap<String, String>,
    by_refresh: HashMap<String, String>,
    retired: HashSet<String>,
}

impl Sessions {
    /// Starts a session for `owner`, ending the oldest ones beyond `policy.max` for that user and
    /// app.
    pub fn login(
        &mut self,
        ids: &mut Ids,
        owner: u64,
        client_id: &str,
        life: Lifetimes,
        policy: SessionPolicy,
        now: DateTime<Utc>,
    ) -> Session {
        let session = Session {
            id: ids.secret("", 12),
            endpoint_id: ids.secret("", 12),
            owner,
            client_id: client_id.to_owned(),
            created: now,
            access: ids.secret("SIMAT", 48),
            access_expires: now + life.access,
            access_first_used: None,
            refresh: ids.secret("SIMRT", 48),
            refresh_expires: now + life.refresh,
            previous_refresh: None,
            expires_at: policy.absolute.map(|d| now + d),
            idle: policy.idle,
            last_used: now,
        };
        self.by_access
            .insert(session.access.clone(), session.id.clone());
        self.by_refresh
            .insert(session.refresh.clone(), session.id.clone());
        self.sessions.insert(session.id.clone(), session.clone());
        let mut same: Vec<(DateTime<Utc>, String)> = self
            .sessions
            .values()
            .filter(|s| s.owner == owner && s.client_id == client_id)
            .map(|s| (s.created, s.id.clone()))
            .collect();
        same.sort();
        while same.len() > policy.max.max(1) {
            let (_, oldest) = same.remove(0);
            self.end(&oldest);
        }
        session
    }

    /// The session an access token belongs to, marking the token used.
    pub fn authenticate(
        &mut self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Session, AccessFailure> {
        let Some(id) = self.by_access.get(token) else {
            return Err(if self.retired.contains(token) {
                AccessFailure::Revoked
            } else {
                AccessFailure::Unknown
            });
        };
        let id = id.clone();
        let session = self.sessions.get_mut(&id).ok_or(AccessFailure::Revoked)?;
        if !session.alive(now) {
            self.end(&id);
            return Err(AccessFailure::SessionExpired);
        }
        if session.access_expires <= now {
            return Err(AccessFailure::Expired);
        }
        session.access_first_used.get_or_insert(now);
        session.last_used = now;
        Ok(session.clone())
    }

    /// Exchanges a refresh token for new tokens. A superseded refresh token still returns the
    /// current tokens while its grace window lasts (10 s after the new access token is first used,
    /// or up to 60 min while it is unused).
    pub fn refresh(
        &mut self,
        ids: &mut Ids,
        token: &str,
        client_id: &str,
        life: Lifetimes,
        now: DateTime<Utc>,
    ) -> Result<Session, RefreshFailure> {
        let Some(id) = self.by_refresh.get(token).cloned() else {
            return Err(if self.retired.contains(token) {
                RefreshFailure::Revoked
            } else {
                RefreshFailure::Unknown
            });
        };
        let session = self.sessions.get_mut(&id).ok_or(RefreshFailure::Revoked)?;
        if !session.alive(now) {
            self.end(&id);
            return Err(RefreshFailure::SessionExpired);
        }
        session.last_used = now;
        if session.client_id != client_id {
            return Err(RefreshFailure::WrongClient);
        }
        if session.refresh != token {
            let (_, rotated_at) = session
                .previous_refresh
                .clone()
                .ok_or(RefreshFailure::Revoked)?;
            let in_grace = match session.access_first_used {
                Some(used) => now - used < Duration::seconds(REUSE_AFTER_USE),
                None => now - rotated_at < Duration::minutes(REUSE_UNUSED_MINUTES),
            };
            return if in_grace {
                Ok(session.clone())
            } else {
                Err(RefreshFailure::Revoked)
            };
        }
        if session.refresh_expires <= now {
            return Err(RefreshFailure::Expired);
        }
        let old_access = std::mem::replace(&mut session.access, ids.secret("SIMAT", 48));
        let old_refresh = std::mem::replace(&mut session.refresh, ids.secret("SIMRT", 48));
        if let Some((older, _)) = session.previous_refresh.take() {
            self.by_refresh.remove(&older);
            self.retired.insert(older);
        }
        session.previous_refresh = Some((old_refresh, now));
        session.access_expires = now + life.access;
        session.refresh_expires = now + life.refresh;
        session.access_first_used = None;
        let session = session.clone();
        self.by_access.remove(&old_access);
        self.retired.insert(old_access);
        self.by_access.insert(session.access.clone(), id.clone());
        self.by_refresh.insert(session.refresh.clone(), id);
        Ok(session)
    }

    /// Revokes the whole session that `token` (access or refresh) belongs to. Returns whether a
    /// live session was found.
    pub fn revoke(&mut self, token: &str) -> bool {
        let id = self
            .by_access
            .get(token)
            .or_else(|| self.by_refresh.get(token))
            .cloned();
        match id {
            Some(id) => {
                self.end(&id);
                true
            }
            None => false,
        }
    }

    /// Ends every session (`/sim/tokens/revoke` without a token).
    pub fn revoke_all(&mut self) -> usize {
        let ids: Vec<String> = self.sessions.keys().cloned().collect();
        ids.iter().for_each(|id| self.end(id));
        ids.len()
    }

    /// Makes access tokens (and with `refresh`, refresh tokens too) expire now: those of the
    /// session owning `token`, or all sessions. Returns how many sessions were touched.
    pub fn expire(&mut self, token: Option<&str>, refresh: bool, now: DateTime<Utc>) -> usize {
        let target = token.and_then(|t| {
            self.by_access
                .get(t)
                .or_else(|| self.by_refresh.get(t))
                .cloned()
        });
        let mut touched = 0;
        for session in self.sessions.values_mut() {
            if token.is_some() && target.as_deref() != Some(session.id.as_str()) {
                continue;
            }
            session.access_expires = now;
            if refresh {
                session.refresh_expires = now;
            }
            touched += 1;
        }
        touched
    }

    /// The live session with this id.
    pub fn get(&self, id: &str) -> Option<&Session> {
        self.sessions.get(id)
    }

    fn end(&mut self, id: &str) {
        if let Some(session) = self.sessions.remove(id) {
            for token in [
                Some(session.access),
                Some(session.refresh),
                session.previous_refresh.map(|p| p.0),
            ]
            .into_iter()
            .flatten()
            {
                self.by_access.remove(&token);
                self.by_refresh.remove(&token);
                self.retired.insert(token);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(max: usize) -> SessionPolicy {
        SessionPolicy {
            max,
            absolute: None,
            idle: None,
        }
    }

    #[test]
    fn session_timeouts_end_sessions() {
        let (mut ids, mut s, now) = (Ids::new(1, 9), Sessions::default(), Utc::now());
        let idle = SessionPolicy {
            max: 5,
            absolute: Some(Duration::hours(8)),
            idle: Some(Duration::minutes(30)),
        };
        let session = s.login(&mut ids, 42, "app", life(), idle, now);
        assert!(
            s.authenticate(&session.access, now + Duration::minutes(29))
                .is_ok(),
            "used within the idle window"
        );
        let late = s.authenticate(&session.access, now + Duration::minutes(60));
        assert_eq!(
            late.err(),
            Some(AccessFailure::SessionExpired),
            "idle for 31 minutes ends the session"
        );
        let day = Lifetimes {
            access: Duration::days(1),
            refresh: Duration::days(7),
        };
        let absolute = s.login(&mut ids, 42, "app", day, idle, now);
        for minutes in (20..480).step_by(20) {
            assert!(
                s.authenticate(&absolute.access, now + Duration::minutes(minutes))
                    .is_ok(),
                "active use at {minutes} min"
            );
        }
        let over = s.refresh(
            &mut ids,
            &absolute.refresh,
            "app",
            life(),
            now + Duration::minutes(481),
        );
        assert_eq!(
            over.err(),
            Some(RefreshFailure::SessionExpired),
            "the absolute timeout ends even an active session"
        );
    }

    fn life() -> Lifetimes {
        Lifetimes {
            access: Duration::seconds(3600),
            refresh: Duration::days(7),
        }
    }

    #[test]
    fn refresh_rotates_and_kills_the_old_access_token() {
        let (mut ids, mut s, now) = (Ids::new(1, 9), Sessions::default(), Utc::now());
        let first = s.login(&mut ids, 42, "app", life(), policy(5), now);
        let second = s
            .refresh(&mut ids, &first.refresh, "app", life(), now)
            .map_err(|e| format!("{e:?}"));
        let second = second.unwrap_or_else(|e| panic!("refresh failed: {e}"));
        assert_ne!(second.access, first.access, "a new access token");
        assert_ne!(second.refresh, first.refresh, "a new refresh token");
        assert_eq!(
            s.authenticate(&first.access, now).err(),
            Some(AccessFailure::Revoked),
            "old access token is dead"
        );
        assert!(
            s.authenticate(&second.access, now).is_ok(),
            "new access token works"
        );
        let reuse = s.refresh(
            &mut ids,
            &first.refresh,
            "app",
            life(),
            now + Duration::seconds(5),
        );
        assert_eq!(
            reuse.map(|x| x.access),
            Ok(second.access.clone()),
            "reuse within 10 s of first use returns the same token"
        );
        let late = s.refresh(
            &mut ids,
            &first.refresh,
            "app",
            life(),
            now + Duration::seconds(11),
        );
        assert_eq!(
            late.err(),
            Some(RefreshFailure::Revoked),
            "after the grace window the old refresh token is dead"
        );
    }

    #[test]
    fn revoke_ends_the_session_and_session_limit_evicts_the_oldest() {
        let (mut ids, mut s, now) = (Ids::new(1, 9), Sessions::default(), Utc::now());
        let first = s.login(&mut ids, 42, "app", life(), policy(2), now);
        let _second = s.login(
            &mut ids,
            42,
            "app",
            life(),
            policy(2),
            now + Duration::seconds(1),
        );
        let third = s.login(
            &mut ids,
            42,
            "app",
            life(),
            policy(2),
            now + Duration::seconds(2),
        );
        assert_eq!(
            s.authenticate(&first.access, now).err(),
            Some(AccessFailure::Revoked),
            "oldest session evicted at the limit"
        );
        assert!(
            s.revoke(&third.refresh),
            "revoking by refresh token finds the session"
        );
        assert_eq!(
            s.authenticate(&third.access, now).err(),
            Some(AccessFailure::Revoked),
            "revoke kills the access token too"
        );
        assert_eq!(
            s.authenticate("nonsense", now).err(),
            Some(AccessFailure::Unknown),
            "unknown tokens are told apart"
        );
    }

    #[test]
    fn expired_access_token_is_refused() {
        let (mut ids, mut s, now) = (Ids::new(1, 9), Sessions::default(), Utc::now());
        let session = s.login(&mut ids, 42, "app", life(), policy(5), now);
        assert_eq!(
            s.authenticate(&session.access, now + Duration::seconds(3600))
                .err(),
            Some(AccessFailure::Expired),
            "expired at TTL"
        );
    }
}

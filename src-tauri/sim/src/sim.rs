//! The state shared by every request handler of one running simulator.

use crate::clock::Clock;
use crate::config::{SimConfig, Timings};
use crate::faults::Faults;
use crate::oauth::jwt::{Claims, JwtKey};
use crate::rate_limit::RateLimiter;
use crate::render::Urls;
use crate::request_log::RequestLog;
use crate::state::ids::Ids;
use crate::state::World;
use axum::Router;
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// The simulated app's registered client.
#[derive(Clone, Debug)]
pub struct App {
    /// `client_id`.
    pub client_id: String,
    /// `client_secret`.
    pub client_secret: String,
}

/// Shared simulator state.
#[derive(Debug)]
pub struct Sim {
    /// The configuration it runs with.
    pub config: SimConfig,
    /// Phase durations of the timing mode.
    pub timings: Timings,
    /// Its clock.
    pub clock: Arc<dyn Clock>,
    /// `http://host:port`.
    pub base_url: String,
    /// The registered app.
    pub app: App,
    /// Signs and verifies JWT credentials.
    pub jwt_key: JwtKey,
    world: Mutex<World>,
    /// Rate-limit buckets.
    pub limiter: Mutex<RateLimiter>,
    /// Injected faults.
    pub faults: Mutex<Faults>,
    /// Request log.
    pub log: Mutex<RequestLog>,
    /// The full router, for REST requests tunnelled over WebSocket.
    pub router: OnceLock<Router>,
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Sim {
    /// A simulator for `config`, serving at `base_url`.
    pub fn new(config: SimConfig, clock: Arc<dyn Clock>, base_url: String) -> Self {
        let mut ids = Ids::new(config.seed, 7);
        let app = App {
            client_id: ids.secret("", 16),
            client_secret: ids.secret("", 24),
        };
        let world = World::seeded(&config, clock.now_utc(), 0);
        Self {
            timings: config.timing.timings(),
            jwt_key: JwtKey::for_seed(config.seed),
            config,
            clock,
            base_url,
            app,
            world: Mutex::new(world),
            limiter: Mutex::new(RateLimiter::default()),
            faults: Mutex::new(Faults::default()),
            log: Mutex::new(RequestLog::default()),
            router: OnceLock::new(),
        }
    }

    /// Simulator time.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now_utc()
    }

    /// The world, brought up to the current time.
    pub fn world(&self) -> MutexGuard<'_, World> {
        let mut world = lock(&self.world);
        let urls = self.urls(&world);
        world.advance(self.now(), &self.timings, &urls);
        world
    }

    /// The scope every session of the simulated app is granted.
    pub fn scope(&self) -> String {
        crate::state::sessions::scope(self.config.call_control, self.config.team_messaging)
    }

    /// URI builder for the world's account.
    pub fn urls(&self, world: &World) -> Urls {
        Urls {
            base: self.base_url.clone(),
            account: world.account.account_id,
            extension: world.account.extension_id,
        }
    }

    /// A JWT credential for the seeded user; `ttl` `None` = never expires.
    pub fn mint_jwt(&self, extension_id: u64, ttl: Option<chrono::Duration>, jti: &str) -> String {
        let now = self.now();
        self.jwt_key.mint(&Claims {
            iss: "ringcentral-sim".into(),
            sub: extension_id.to_string(),
            aud: format!("{}/restapi/oauth/token", self.base_url),
            client_id: self.app.client_id.clone(),
            iat: now.timestamp(),
            exp: ttl.map(|t| (now + t).timestamp()),
            jti: jti.into(),
        })
    }

    /// Back to the seeded state. Sessions survive unless `sessions`; WebSocket sessions, faults,
    /// rate-limit counters and the request log are cleared.
    pub fn reset(&self, sessions: bool) {
        let mut world = lock(&self.world);
        let mut fresh = World::seeded(&self.config, self.now(), world.epoch + 1);
        if !sessions {
            fresh.sessions = std::mem::take(&mut world.sessions);
        }
        world.hub.drop_all();
        *world = fresh;
        drop(world);
        lock(&self.limiter).clear();
        lock(&self.faults).clear();
        lock(&self.log).clear();
    }
}

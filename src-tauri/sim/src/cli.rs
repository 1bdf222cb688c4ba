//! Command-line flags, shared by the `ringcentral-sim` binary and `ringdesk sim`.

use crate::config::{RateLimitConfig, SimConfig, TimingMode, WsConfig};
use chrono::{DateTime, Utc};
use std::net::SocketAddr;
use std::time::Duration;

/// `on` / `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    /// Enabled.
    On,
    /// Disabled.
    Off,
}

/// `fast` / `realistic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Timing {
    /// Phases take fractions of a second (tests).
    Fast,
    /// Phones ring for seconds (demos).
    Realistic,
}

fn parse_time(value: &str) -> Result<DateTime<Utc>, String> {
    crate::time_fmt::parse(value).ok_or_else(|| format!("not an ISO 8601 date-time: {value}"))
}

/// The simulator's flags.
#[derive(Clone, Debug, clap::Args)]
pub struct SimArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    pub listen: SocketAddr,
    /// Seed for all generated data, ids and tokens.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Maximum access-token lifetime in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    pub access_ttl: u64,
    /// Maximum refresh-token lifetime in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 604_800)]
    pub refresh_ttl: u64,
    /// Parallel sessions per user and app before the oldest is ended.
    #[arg(long, default_value_t = 5)]
    pub max_sessions: usize,
    /// Absolute session timeout in seconds (0 = not enforced).
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub session_ttl: u64,
    /// Session idle timeout in seconds (0 = not enforced).
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub session_idle: u64,
    /// Seeded call-log records (generated lazily; millions are fine).
    #[arg(long = "call-log", value_name = "N", default_value_t = 1000)]
    pub call_log: u64,
    /// Seeded personal contacts.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub contacts: usize,
    /// Seeded SMS messages.
    #[arg(long, value_name = "N", default_value_t = 300)]
    pub messages: usize,
    /// Rate limiting and X-Rate-Limit-* headers.
    #[arg(long, value_enum, default_value = "on")]
    pub rate_limits: Switch,
    /// Light group limit per window.
    #[arg(long, default_value_t = 50)]
    pub limit_light: u32,
    /// Medium group limit per window.
    #[arg(long, default_value_t = 40)]
    pub limit_medium: u32,
    /// Heavy group limit per window.
    #[arg(long, default_value_t = 10)]
    pub limit_heavy: u32,
    /// Auth group limit per window.
    #[arg(long, default_value_t = 5)]
    pub limit_auth: u32,
    /// Rate-limit window in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub rate_window: u64,
    /// Penalty after a 429 in seconds (restarted by every request during it).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub rate_penalty: u64,
    /// How fast calls and messages progress.
    #[arg(long, value_enum, default_value = "realistic")]
    pub timing: Timing,
    /// Pin the clock's start (ISO 8601) for fully reproducible timestamps.
    #[arg(long, value_parser = parse_time)]
    pub start_time: Option<DateTime<Utc>>,
    /// WebSocket idle timeout in seconds (WSG-902).
    #[arg(long, value_name = "SECONDS", default_value_t = 1800)]
    pub ws_idle_timeout: u64,
    /// WebSocket absolute timeout in seconds (WSG-903).
    #[arg(long, value_name = "SECONDS", default_value_t = 86_400)]
    pub ws_absolute_timeout: u64,
    /// WebSocket session recovery window in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 180)]
    pub ws_recovery_timeout: u64,
    /// Demo mode: a seeded customer sends an SMS every SECONDS (0 = never).
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub demo_inbound_sms: u64,
    /// Largest accepted request body in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 1_048_576)]
    pub body_limit: usize,
    /// Require this token (header `X-Sim-Admin-Token`) on the admin API; open when absent.
    #[arg(long, value_name = "TOKEN", env = "RINGCENTRAL_SIM_ADMIN_TOKEN")]
    pub admin_token: Option<String>,
    /// Whether the simulated app holds the `CallControl` permission (telephony-session events,
    /// hang up, hold, reject); RingCentral grants it on request only.
    #[arg(long = "call-control", value_enum, default_value = "on")]
    pub call_control: Switch,
    /// Whether the simulated app holds the `TeamMessaging` permission (chats, teams, posts).
    #[arg(long = "team-messaging", value_enum, default_value = "on")]
    pub team_messaging: Switch,
}

impl From<SimArgs> for SimConfig {
    fn from(a: SimArgs) -> Self {
        let secs = Duration::from_secs;
        SimConfig {
            seed: a.seed,
            listen: a.listen,
            access_ttl: secs(a.access_ttl),
            refresh_ttl: secs(a.refresh_ttl),
            max_sessions: a.max_sessions,
            session_ttl: (a.session_ttl > 0).then(|| secs(a.session_ttl)),
            session_idle: (a.session_idle > 0).then(|| secs(a.session_idle)),
            call_log: a.call_log,
            contacts: a.contacts,
            messages: a.messages,
            rate_limits: RateLimitConfig {
                enabled: a.rate_limits == Switch::On,
                light: a.limit_light,
                medium: a.limit_medium,
                heavy: a.limit_heavy,
                auth: a.limit_auth,
                window: secs(a.rate_window),
                penalty: secs(a.rate_penalty),
            },
            timing: match a.timing {
                Timing::Fast => TimingMode::Fast,
                Timing::Realistic => TimingMode::Realistic,
            },
            ws: WsConfig {
                idle_timeout: secs(a.ws_idle_timeout),
                absolute_timeout: secs(a.ws_absolute_timeout),
                recovery_timeout: secs(a.ws_recovery_timeout),
                ..WsConfig::default()
            },
            demo_inbound_sms: (a.demo_inbound_sms > 0).then(|| secs(a.demo_inbound_sms)),
            body_limit: a.body_limit,
            start_time: a.start_time,
            clock: None,
            admin_token: a.admin_token,
            call_control: a.call_control == Switch::On,
            team_messaging: a.team_messaging == Switch::On,
            keep_alive: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        sim: SimArgs,
    }

    #[test]
    fn defaults_match_sim_config_defaults_and_flags_apply() {
        let defaults: SimConfig = Cli::parse_from(["sim"]).sim.into();
        let expected = SimConfig::default();
        assert_eq!(
            (defaults.seed, defaults.listen, defaults.call_log),
            (expected.seed, expected.listen, expected.call_log),
            "flag defaults are the config defaults"
        );
        assert_eq!(
            defaults.rate_limits, expected.rate_limits,
            "rate-limit defaults agree"
        );
        let cli = Cli::parse_from([
            "sim",
            "--call-log",
            "1000000",
            "--rate-limits",
            "off",
            "--timing",
            "fast",
            "--start-time",
            "2026-01-01T00:00:00Z",
        ]);
        let config: SimConfig = cli.sim.into();
        assert_eq!(config.call_log, 1_000_000, "--call-log");
        assert!(!config.rate_limits.enabled, "--rate-limits off");
        assert_eq!(config.timing, TimingMode::Fast, "--timing fast");
        assert!(config.start_time.is_some(), "--start-time");
    }
}

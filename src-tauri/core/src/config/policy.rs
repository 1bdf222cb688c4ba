//! The machine-wide policy an IT admin rolls out with the package: `/etc/ringdesk/policy.toml` on
//! Linux (`RINGDESK_POLICY_FILE` points elsewhere, for tests and other layouts). It can set the
//! RingCentral app and server, the sign-in method, whether demo mode is allowed, defaults for
//! some settings and a do-not-call list — and lock settings agents may not change. A file that
//! cannot be read is an error naming its line: a policy is never half applied or silently
//! ignored.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::file::{invalid, io_error};
use super::{ConfigError, Environment, LinkAction, Server, SettingDefaults};

/// The variable that names the policy file instead of the platform's place.
pub const POLICY_FILE_ENV: &str = "RINGDESK_POLICY_FILE";

/// The managed preferences an MDM profile installs for ringdesk on macOS.
pub const MACOS_MANAGED_PREFERENCES: &str =
    "/Library/Managed Preferences/app.ringdesk.desktop.plist";

/// Where the policy file is looked for: `RINGDESK_POLICY_FILE`, else the platform's place —
/// Linux: `/etc/ringdesk/policy.toml`; macOS: the managed preferences plist
/// ([`MACOS_MANAGED_PREFERENCES`]); Windows keeps its policy in the registry
/// (`HKLM\Software\Policies\ringdesk`), read instead of a file. A path ending in `.plist` is
/// read as a property list, anything else as TOML.
pub fn policy_path(env: &Environment) -> Option<PathBuf> {
    if let Some(path) = env.get(POLICY_FILE_ENV).filter(|p| !p.trim().is_empty()) {
        return Some(PathBuf::from(path));
    }
    if cfg!(target_os = "macos") {
        return Some(PathBuf::from(MACOS_MANAGED_PREFERENCES));
    }
    cfg!(target_os = "linux").then(|| PathBuf::from("/etc/ringdesk/policy.toml"))
}

/// How agents may sign in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInPolicy {
    /// In the browser only.
    Browser,
    /// With a JWT credential only.
    Jwt,
    /// Either way.
    #[default]
    Either,
}

/// A setting the policy can lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lockable {
    /// What a clicked link does.
    LinkAction,
    /// Desktop notifications.
    Notifications,
    /// Starting at login.
    StartAtLogin,
    /// The phone RingOut rings first.
    RingMeAt,
    /// The number customers see.
    CallerId,
}

impl Lockable {
    /// As written in the file and shown in Settings.
    pub fn name(self) -> &'static str {
        match self {
            Self::LinkAction => "link_action",
            Self::Notifications => "notifications",
            Self::StartAtLogin => "start_at_login",
            Self::RingMeAt => "ring_me_at",
            Self::CallerId => "caller_id",
        }
    }
}

/// What the policy file says (`[policy]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// The only RingCentral app agents use (with `server`).
    pub client_id: Option<String>,
    /// The only RingCentral server agents use: `production`, `sandbox` or a URL.
    pub server: Option<String>,
    /// How agents sign in.
    pub sign_in: SignInPolicy,
    /// Whether demo mode may run (`None`: it may).
    pub allow_demo: Option<bool>,
    /// What a clicked link does.
    pub link_action: Option<LinkAction>,
    /// The phones RingOut may ring first (E.164); empty: any.
    pub allowed_ring_me_at: Vec<String>,
    /// The numbers customers may see (E.164); empty: any.
    pub allowed_caller_ids: Vec<String>,
    /// Desktop notifications.
    pub notifications: Option<bool>,
    /// Starting at login.
    pub start_at_login: Option<bool>,
    /// Numbers never dialed, on top of each profile's list.
    pub do_not_call: Vec<String>,
    /// Settings agents cannot change.
    pub locked: Vec<Lockable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    policy: Policy,
}

/// The policy in force and the file it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyInForce {
    /// The file read; `None` when there is none.
    pub path: Option<PathBuf>,
    /// What it says (the default: nothing set, nothing locked).
    pub policy: Policy,
}

impl PolicyInForce {
    /// Reads the policy for `env`: none when there is no file; an error naming the line when
    /// the file cannot be read as a policy.
    pub fn load(env: &Environment) -> Result<Self, ConfigError> {
        let Some(path) = policy_path(env) else {
            return super::managed_policy::from_registry();
        };
        if path.extension().is_some_and(|e| e == "plist") {
            return super::managed_policy::from_plist(&path);
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(io_error(&path, source)),
        };
        let policy = read(&path, &text)?;
        Ok(Self {
            path: Some(path),
            policy,
        })
    }

    /// What a setting the agent has not set starts as: the policy's value where it gives one
    /// (locked or not), else ringdesk's own. Ring-me-at and caller ID start as the first
    /// allowed number.
    pub fn defaults(&self) -> SettingDefaults {
        let set = &self.policy;
        let mut defaults = SettingDefaults::default();
        defaults.app.notifications = set.notifications.unwrap_or(defaults.app.notifications);
        defaults.app.start_at_login = set.start_at_login.unwrap_or(defaults.app.start_at_login);
        defaults.profile.link_action = set.link_action.unwrap_or_default();
        defaults.profile.ring_me_at = set.allowed_ring_me_at.first().cloned();
        defaults.profile.caller_id = set.allowed_caller_ids.first().cloned();
        defaults
    }

    /// Whether agents may sign in with `method` (`Browser` or `Jwt`).
    pub fn allows_sign_in(&self, method: SignInPolicy) -> bool {
        self.policy.sign_in == SignInPolicy::Either || self.policy.sign_in == method
    }

    /// Whether agents may not change `setting`.
    pub fn locks(&self, setting: Lockable) -> bool {
        self.policy.locked.contains(&setting)
    }
}

/// Reads `text` (the file at `path`) as a policy, checked whole.
fn read(path: &Path, text: &str) -> Result<Policy, ConfigError> {
    let file: PolicyFile = toml::from_str(text).map_err(|e| invalid(path, text, &e))?;
    let policy = file.policy;
    check(&policy).map_err(|(key, message)| problem(path, line_of(text, key), &message))?;
    Ok(policy)
}

/// Checks what one key alone cannot say: a bad server, `client_id` without `server`, a locked
/// setting without a value. The error names the key to fix.
pub(super) fn check(policy: &Policy) -> Result<(), (&'static str, String)> {
    if let Some(server) = &policy.server {
        Server::parse(server).map_err(|e| ("server", e.to_string()))?;
    }
    if policy.server.is_some() != policy.client_id.is_some() {
        let key = if policy.server.is_some() {
            "server"
        } else {
            "client_id"
        };
        return Err((
            key,
            "client_id and server go together: set both, or neither".into(),
        ));
    }
    for setting in &policy.locked {
        let has_value = match setting {
            Lockable::LinkAction => policy.link_action.is_some(),
            Lockable::Notifications => policy.notifications.is_some(),
            Lockable::StartAtLogin => policy.start_at_login.is_some(),
            Lockable::RingMeAt => !policy.allowed_ring_me_at.is_empty(),
            Lockable::CallerId => !policy.allowed_caller_ids.is_empty(),
        };
        if !has_value {
            return Err((
                "locked",
                format!(
                    "{} is locked but the policy gives it no value",
                    setting.name()
                ),
            ));
        }
    }
    Ok(())
}

/// The line (from 1) where `key = …` is written, else 1.
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |at| at + 1)
}

fn problem(path: &Path, line: usize, message: &str) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        column: 1,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"
[policy]
client_id = "fleet-app"
server = "production"
sign_in = "either"
allow_demo = false
link_action = "prefill"
allowed_ring_me_at = ["+16505550110"]
allowed_caller_ids = ["+16505550100"]
notifications = true
start_at_login = true
do_not_call = ["+16505550199"]
locked = ["link_action", "notifications", "start_at_login"]
"#;

    fn at(text: &str) -> Result<PolicyInForce, ConfigError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("policy.toml");
        std::fs::write(&path, text).expect("written");
        let env = Environment::from_pairs([(POLICY_FILE_ENV, path.to_str().expect("utf-8"))]);
        PolicyInForce::load(&env)
    }

    #[test]
    fn the_readme_example_is_read_and_locks_what_it_says() {
        let read = at(EXAMPLE).expect("read");
        assert!(read.path.is_some());
        assert_eq!(read.policy.client_id.as_deref(), Some("fleet-app"));
        assert_eq!(read.policy.allow_demo, Some(false));
        assert!(read.locks(Lockable::LinkAction));
        assert!(read.locks(Lockable::StartAtLogin));
        assert!(!read.locks(Lockable::CallerId));
    }

    #[test]
    fn no_file_is_no_policy() {
        let env = Environment::from_pairs([(POLICY_FILE_ENV, "/nonexistent/ringdesk/policy.toml")]);
        assert_eq!(
            PolicyInForce::load(&env).expect("none"),
            PolicyInForce::default()
        );
    }

    #[test]
    fn a_bad_policy_names_its_line() {
        let cases = [
            ("[policy]\nlink_action = \"ring\"\n", 2),
            ("[policy]\nlocked = [\"theme\"]\n", 2),
            ("[policy]\nsign_in = \"sso\"\n", 2),
            ("[policy]\nunknown_key = 1\n", 2),
            (
                "[policy]\nnotifications = true\nlocked = [\"link_action\"]\n",
                3,
            ),
            (
                "[policy]\nserver = \"http://example.com\"\nclient_id = \"x\"\n",
                2,
            ),
            ("[policy]\n\nclient_id = \"x\"\n", 3),
            ("link_action = \"dial\"\n", 1),
        ];
        for (text, line) in cases {
            match at(text) {
                Err(ConfigError::Invalid { line: got, .. }) => assert_eq!(got, line, "{text}"),
                other => panic!("{text:?} must be refused with its line, got {other:?}"),
            }
        }
    }
}

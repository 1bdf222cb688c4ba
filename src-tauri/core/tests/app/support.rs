//! A demo desk in a temp dir.

use std::sync::Arc;
use std::time::Duration;

use ringdesk_core::app::{
    CallRequest, CallView, DemoTiming, Desk, DeskEvent, DeskOptions, Error, SignInState,
};
use ringdesk_core::config::{Environment, Paths, Profile};
use ringdesk_testkit::SimAdmin;
use tokio::sync::broadcast::Receiver;

/// The demo simulator's admin token in these tests.
pub const ADMIN_TOKEN: &str = "app-tests";

/// The demo simulator's admin API (`/sim/…`), with its token.
pub async fn sim_admin(desk: &Desk) -> SimAdmin {
    let server = desk.demo_server().await.expect("the demo simulator runs");
    SimAdmin::new(&server).with_token(ADMIN_TOKEN)
}

/// How many RingOuts the demo simulator has been asked for.
pub async fn ringouts(desk: &Desk) -> usize {
    sim_admin(desk)
        .await
        .requests()
        .await
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/ring-out"))
        .count()
}

/// A started demo desk and its folders.
pub struct DemoDesk {
    pub desk: Arc<Desk>,
    pub events: Receiver<DeskEvent>,
    _dirs: tempfile::TempDir,
}

/// Starts a demo desk (fast simulator timing) and waits until it is signed in.
pub async fn demo_desk() -> DemoDesk {
    demo_desk_timed(DemoTiming::Fast).await
}

/// Starts a demo desk at `timing` (human pace: a call rings for seconds, long enough to be
/// cancelled before it ends by itself on any machine) and waits until it is signed in.
pub async fn demo_desk_timed(timing: DemoTiming) -> DemoDesk {
    let (desk, dirs) = demo_desk_at(timing);
    let events = desk.subscribe();
    let session = desk.start().await;
    assert_eq!(
        session.state,
        SignInState::SignedIn,
        "the demo signs in by itself: {session:?}"
    );
    DemoDesk {
        desk,
        events,
        _dirs: dirs,
    }
}

impl DemoDesk {
    /// Where this desk's machine policy is read from (`RINGDESK_POLICY_FILE`).
    pub fn policy_file(&self) -> std::path::PathBuf {
        self._dirs.path().join("policy.toml")
    }

    /// Places a call to `number` as the dialer's Call button does.
    pub async fn call(&self, number: &str) -> Result<CallView, Error> {
        self.desk.place_call(&CallRequest::to(number)).await
    }
}

/// A demo desk not yet started (as at the very beginning of a cold start), and its folders.
pub fn unstarted_demo_desk() -> (Arc<Desk>, tempfile::TempDir) {
    demo_desk_at(DemoTiming::Fast)
}

/// Starts a demo desk (fast timing) whose follow-ups come due by `clock`, signed in.
pub async fn demo_desk_clocked(clock: Arc<dyn ringdesk_clock::Clock>) -> DemoDesk {
    let (desk, dirs) = demo_desk_with(DeskOptions {
        demo_timing: DemoTiming::Fast,
        clock: Some(clock),
        ..DeskOptions::default()
    });
    let events = desk.subscribe();
    let session = desk.start().await;
    assert_eq!(session.state, SignInState::SignedIn, "{session:?}");
    DemoDesk {
        desk,
        events,
        _dirs: dirs,
    }
}

fn demo_desk_at(timing: DemoTiming) -> (Arc<Desk>, tempfile::TempDir) {
    demo_desk_with(DeskOptions {
        demo_timing: timing,
        ..DeskOptions::default()
    })
}

fn demo_desk_with(options: DeskOptions) -> (Arc<Desk>, tempfile::TempDir) {
    demo_desk_in(tempfile::tempdir().expect("temp dir"), options)
}

/// The folders and environment of a demo desk in `dirs`, as a launch resolves them.
pub fn desk_env(dirs: &tempfile::TempDir) -> Environment {
    Environment::from_pairs([
        (
            "RINGDESK_CONFIG_DIR",
            dirs.path().join("config").to_str().expect("utf-8"),
        ),
        (
            "RINGDESK_DATA_DIR",
            dirs.path().join("data").to_str().expect("utf-8"),
        ),
        (ringdesk_core::demo::ADMIN_TOKEN_ENV, ADMIN_TOKEN),
        // The machine's policy is the test's own (none until a test writes it).
        (
            ringdesk_core::config::POLICY_FILE_ENV,
            dirs.path().join("policy.toml").to_str().expect("utf-8"),
        ),
    ])
}

fn demo_desk_in(dirs: tempfile::TempDir, options: DeskOptions) -> (Arc<Desk>, tempfile::TempDir) {
    let env = desk_env(&dirs);
    let paths = Paths::resolve(&env).expect("paths");
    let profile = Profile::for_launch("default", &paths, &env, true).expect("profile");
    (Desk::new(profile, env, paths, options), dirs)
}

/// Starts a demo desk (fast timing) on a machine whose policy file says `policy`, as a launch
/// reads it, and waits until it is signed in.
pub async fn demo_desk_under_policy(policy: &str) -> DemoDesk {
    let dirs = tempfile::tempdir().expect("temp dir");
    std::fs::write(dirs.path().join("policy.toml"), policy).expect("policy written");
    let (desk, dirs) = demo_desk_in(
        dirs,
        DeskOptions {
            demo_timing: DemoTiming::Fast,
            ..DeskOptions::default()
        },
    );
    let events = desk.subscribe();
    let session = desk.start().await;
    assert_eq!(session.state, SignInState::SignedIn, "{session:?}");
    DemoDesk {
        desk,
        events,
        _dirs: dirs,
    }
}

/// A demo desk for the CRM connectors, signed in, with nothing running in the background (each
/// test runs the connectors itself), its connectors' secrets in memory and, when given, `clock`.
pub async fn integrations_desk(clock: Option<Arc<dyn ringdesk_clock::Clock>>) -> DemoDesk {
    let (desk, dirs) = demo_desk_with(DeskOptions {
        demo_timing: DemoTiming::Fast,
        background: ringdesk_core::app::Background::Off,
        clock,
        secrets: Some(Arc::new(ringdesk_core::keychain::MemoryStore::default())),
    });
    let events = desk.subscribe();
    let session = desk.connect().await.expect("connects");
    assert_eq!(session.state, SignInState::SignedIn, "{session:?}");
    DemoDesk {
        desk,
        events,
        _dirs: dirs,
    }
}

/// Waits for the first event `pick` accepts, or fails after a while.
pub async fn next_event<T>(
    events: &mut Receiver<DeskEvent>,
    what: &str,
    pick: impl Fn(&DeskEvent) -> Option<T>,
) -> T {
    let wait = async {
        loop {
            match events.recv().await {
                Ok(event) => {
                    if let Some(found) = pick(&event) {
                        return found;
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(error) => panic!("event stream ended while waiting for {what}: {error}"),
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(30), wait)
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for {what}"))
}

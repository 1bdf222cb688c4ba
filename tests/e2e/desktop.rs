//! The `Desktop` fixture: a private X display, D-Bus session and keyring, WebKitWebDriver,
//! and a WebDriver session on the real `ringdesk` binary. Its own HOME and XDG folders keep
//! handler registration, autostart entries and keyrings out of the real desktop; a second
//! `ringdesk` (a link, `login`) and `dunstctl` run inside the same display and bus.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

use crate::dunst;
use ringdesk_testkit::admin::matching;
use ringdesk_testkit::{LoggedRequest, SimAdmin};
use serde_json::{json, Map, Value};

/// How long any single wait in a test may take before it fails (never hangs CI).
pub const PATIENCE: Duration = Duration::from_secs(20);

/// How long a WebDriver session may take to reach ringdesk's page (a cold start under load).
const SESSION_PATIENCE: Duration = Duration::from_secs(120);

/// One running ringdesk window under test, torn down on drop.
pub struct Desktop {
    /// The WebDriver session on the ringdesk window.
    pub client: Client,
    /// `xvfb-run`, the root of the test's process tree.
    session: Child,
    /// The test's private folders (config, data, home, logs), removed on drop.
    dirs: tempfile::TempDir,
    /// The environment ringdesk was started with (folders and the test's variables), for
    /// second processes.
    env: Vec<(String, String)>,
    /// The `ringdesk` program under test: the build's, or an installed one.
    program: String,
}

/// The variables that put a process into the test's display and session bus.
const SESSION_VARS: [&str; 3] = ["DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XAUTHORITY"];

/// The demo simulator's admin token in these tests (`RINGDESK_DEMO_ADMIN_TOKEN`).
const ADMIN_TOKEN: &str = "e2e";

impl Desktop {
    /// Starts ringdesk with `args` and extra environment, and waits for its window.
    pub async fn launch(args: &[&str], env: &[(&str, &str)]) -> Desktop {
        Self::launch_configured(args, env, None).await
    }

    /// Like [`Desktop::launch`], with `config` (TOML) as ringdesk's configuration file.
    pub async fn launch_configured(
        args: &[&str],
        env: &[(&str, &str)],
        config: Option<&str>,
    ) -> Desktop {
        Self::launch_program(env!("CARGO_BIN_EXE_ringdesk"), args, env, config).await
    }

    /// Like [`Desktop::launch_configured`], starting `program` (an installed `ringdesk`) instead
    /// of the build's; second processes run it too.
    pub async fn launch_program(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        config: Option<&str>,
    ) -> Desktop {
        let dirs = tempfile::tempdir().expect("temp dir");
        if let Some(config) = config {
            std::fs::create_dir_all(dirs.path().join("config")).expect("config dir");
            std::fs::write(dirs.path().join("config/config.toml"), config).expect("config file");
        }
        let home = dirs.path().join("home");
        let mut own_env: Vec<(String, String)> = [
            ("RINGDESK_CONFIG_DIR", dirs.path().join("config")),
            ("RINGDESK_DATA_DIR", dirs.path().join("data")),
            ("HOME", home.clone()),
            ("XDG_DATA_HOME", home.join(".local/share")),
            ("XDG_CONFIG_HOME", home.join(".config")),
            ("XDG_CACHE_HOME", home.join(".cache")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.display().to_string()))
        .collect();
        own_env.push(("RINGDESK_DEMO_ADMIN_TOKEN".into(), ADMIN_TOKEN.into()));
        own_env.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        std::fs::create_dir_all(&home).expect("home dir");
        dunst::pick_actions_with_a_file(&home);
        let port = free_port();
        // `exec` keeps WebKitWebDriver's pid equal to the shell's, which we record to stop it;
        // the session's variables are recorded for second processes (`Desktop::ringdesk`).
        let script = format!(
            "eval \"$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)\" >/dev/null; \
             for v in {vars}; do eval \"echo $v=\\$$v\"; done > '{envfile}'; \
             echo $$ > '{pidfile}'; exec WebKitWebDriver --port={port}",
            vars = SESSION_VARS.join(" "),
            envfile = dirs.path().join("session.env").display(),
            pidfile = dirs.path().join("driver.pid").display(),
        );
        let mut command = Command::new("xvfb-run");
        command
            .args([
                "-a",
                "-s",
                "-screen 0 1280x800x24",
                "dbus-run-session",
                "--",
                "sh",
                "-c",
            ])
            .arg(script)
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            .env("NO_AT_BRIDGE", "1")
            .env_remove("RINGCENTRAL_CLIENT_ID")
            .envs(own_env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(Stdio::from(log_file(dirs.path())))
            .process_group(0);
        let session = command
            .spawn()
            .expect("xvfb-run starts (is xvfb installed?)");
        wait_for_port(port);

        let mut options = Map::new();
        options.insert(
            "webkitgtk:browserOptions".into(),
            json!({ "binary": program, "args": args }),
        );
        let mut builder = ClientBuilder::rustls().expect("TLS roots");
        builder.capabilities(options);
        let driver = format!("http://127.0.0.1:{port}");
        // WebKitWebDriver waits for ever when the program exits before its page loads.
        let client = match tokio::time::timeout(SESSION_PATIENCE, builder.connect(&driver)).await {
            Ok(connected) => connected.expect("a WebDriver session on ringdesk"),
            Err(_) => {
                signal("-KILL", &format!("-{}", session.id()));
                let log = std::fs::read_to_string(dirs.path().join("desktop.log"));
                panic!(
                    "ringdesk's window never reached WebDriver in {SESSION_PATIENCE:?}:\n{}",
                    log.unwrap_or_default()
                );
            }
        };
        let desktop = Desktop {
            client,
            session,
            dirs,
            env: own_env,
            program: program.to_string(),
        };
        desktop.wait_for_css(".status-strip").await;
        desktop
    }

    /// Invokes the action labelled `label` (a button such as *Call back*) of a notification
    /// dunst displays, as a person choosing it from dunst's context menu would.
    pub fn notification_action(&self, label: &str) {
        let home = self.dirs.path().join("home");
        std::fs::write(home.join(dunst::PICK_FILE), label).expect("the action to pick");
        self.dunstctl(&["context"]);
    }

    /// Waits until the line (`line`, presence read at the simulator) shows `value` in `field`
    /// — presence set here reaching RingCentral.
    pub async fn wait_for_line(&self, field: &str, value: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let line = self.invoke("line", json!({})).await.expect("line");
            if line[field] == value {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the simulator's presence never had {field} = {value}: {line}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until an element matching `css` exists, and returns it.
    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
    }

    /// Runs `script` in the window and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Calls a backend command the way the window does; `Err` holds the `{code, message, hint}`.
    pub async fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        let answer = self
            .client
            .execute_async(
                "const [command, args, done] = arguments; \
                 window.__TAURI__.core.invoke(command, args) \
                   .then(ok => done({ ok }), err => done({ err }));",
                vec![json!(command), args],
            )
            .await
            .unwrap_or_else(|e| panic!("invoke {command}: {e}"));
        match answer.get("err") {
            Some(err) => Err(err.clone()),
            None => Ok(answer.get("ok").cloned().unwrap_or(Value::Null)),
        }
    }

    /// The demo simulator's base URL, once ringdesk has started it.
    pub async fn simulator(&self) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let info = self.invoke("app_info", json!({})).await.expect("app_info");
            if let Some(server) = info["server"].as_str() {
                return server.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "the demo simulator never started: {info}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the demo has signed in to its simulator (the status strip says so).
    pub async fn wait_signed_in_demo(&self) {
        self.wait_until(
            "the demo to sign in",
            "return document.querySelector('.status-text')?.textContent === 'Connected to the simulator';",
        )
        .await;
    }

    /// The demo simulator's admin API (with this run's token), once ringdesk has started it.
    pub async fn admin(&self) -> SimAdmin {
        SimAdmin::new(&self.simulator().await).with_token(ADMIN_TOKEN)
    }

    /// The RingOut requests the demo simulator has received, oldest first.
    pub async fn ringouts(&self) -> Vec<LoggedRequest> {
        let log = self.admin().await.requests().await;
        matching(&log, "POST", "/ring-out")
            .into_iter()
            .cloned()
            .collect()
    }

    /// Clicks the control whose accessible name is `label`.
    pub async fn click(&self, label: &str) {
        self.client
            .find(Locator::Css(&format!("[aria-label='{label}']")))
            .await
            .unwrap_or_else(|e| panic!("no control named {label:?}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("could not click {label:?}: {e}"));
    }

    /// Types `text` into the field matching `css`, once it is shown (views build their fields
    /// up front and reveal them later).
    pub async fn type_into(&self, css: &str, text: &str) {
        self.wait_until(
            &format!("{css} to be shown"),
            &format!(
                "const el = document.querySelector({css:?}); \
                 return !!el && el.offsetParent !== null && !el.disabled;"
            ),
        )
        .await;
        let field = self.wait_for_css(css).await;
        // A click can land on something passing over the field (a toast, a list re-rendered
        // by a sync): then the field takes the focus as a Tab would give it.
        if let Err(error) = field.click().await {
            note_missed_click(css, &error);
            self.eval(&format!(
                "document.querySelector({css:?}).focus(); return document.activeElement === document.querySelector({css:?});"
            ))
            .await;
        }
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Waits until `script` returns `true` (polling), or fails with `what`.
    pub async fn wait_until(&self, what: &str, script: &str) {
        self.wait_up_to(PATIENCE, what, script).await;
    }

    /// Like [`Desktop::wait_until`] with a longer patience (calls take ~10 s to connect).
    pub async fn wait_up_to(&self, patience: Duration, what: &str, script: &str) {
        let deadline = Instant::now() + patience;
        while Instant::now() < deadline {
            if self.eval(script).await == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("timed out waiting for {what}");
    }

    /// Like [`Desktop::wait_up_to`], and on timeout says what the window shows (the view's and
    /// the wrap-up card's text, the toasts) and what ringdesk logged.
    pub async fn wait_or_show(&self, patience: Duration, what: &str, script: &str) {
        let deadline = Instant::now() + patience;
        while Instant::now() < deadline {
            if self.eval(script).await == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let shown = self
            .eval(
                "return [document.querySelector('main .view:not([hidden])')?.innerText, \
                         document.querySelector('section.wrapup')?.dataset.callKey + ': ' + document.querySelector('section.wrapup')?.innerText, \
                         [...document.querySelectorAll('.toast')].map(t => t.textContent).join(' / ')];",
            )
            .await;
        let to_do = self.invoke("wrapups_to_do", json!({})).await;
        let mut asked = std::collections::BTreeMap::<String, usize>::new();
        for request in self.admin().await.requests().await {
            *asked
                .entry(format!(
                    "{} {} {}",
                    request.method, request.path, request.status
                ))
                .or_default() += 1;
        }
        panic!(
            "timed out waiting for {what}: {shown}\nto wrap up: {to_do:?}\nrequests: {asked:#?}\n{}",
            self.log()
        );
    }

    /// Saves a PNG of the window to `target/e2e-screenshots/NAME.png` and returns the path.
    ///
    /// WebKit snapshots the last painted frame, which can trail the DOM: wait until two
    /// animation frames (so at least one paint) have passed since the last change.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.client
            .execute_async(
                "const done = arguments[0]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .expect("two animation frames");
        let png = self.client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"), "WebDriver returned a PNG");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Runs `ringdesk ARGS` as a second process in the same display, session bus and folders
    /// (what the desktop does with a clicked link), and waits for it to exit.
    pub fn ringdesk(&self, args: &[&str]) -> Output {
        self.run(&self.program, args)
    }

    /// Runs `program ARGS` in the test's display, bus and folders, and waits for it. A program
    /// that leaves a process behind (xclip) must redirect that one's output, or reading the
    /// output waits for it.
    pub fn run(&self, program: &str, args: &[&str]) -> Output {
        let child = self
            .command(program, args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{program} starts: {e}"));
        finish(child, &format!("{program} {args:?}"))
    }

    /// Starts `ringdesk ARGS` in the session without waiting (e.g. `login`, which waits itself);
    /// its standard output goes to `stdout`.
    pub fn spawn_ringdesk(&self, args: &[&str], stdout: &Path) -> Child {
        self.command(&self.program, args)
            .stdout(Stdio::from(
                std::fs::File::create(stdout).expect("output file"),
            ))
            .stderr(Stdio::from(log_file_named(self.dirs.path(), "spawned.log")))
            .spawn()
            .expect("ringdesk starts")
    }

    /// Runs `dunstctl ARGS` against the session's notification daemon; returns its output.
    pub fn dunstctl(&self, args: &[&str]) -> String {
        let output = self.run("dunstctl", args);
        assert!(
            output.status.success(),
            "dunstctl {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Every notification dunst received so far, oldest first, as `{summary, body, appname, id,
    /// timestamp}`: closes the displayed ones first (dunst's history lists only closed ones).
    pub fn notifications(&self) -> Vec<Value> {
        self.dunstctl(&["close-all"]);
        let history: Value =
            serde_json::from_str(&self.dunstctl(&["history"])).expect("dunstctl history is JSON");
        let mut all: Vec<Value> = history["data"][0]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|n| {
                let field = |name: &str| n[name]["data"].clone();
                json!({
                    "summary": field("summary"),
                    "body": field("body"),
                    "appname": field("appname"),
                    "id": field("id"),
                    "timestamp": field("timestamp"),
                })
            })
            .collect();
        all.sort_by_key(|n| n["id"].as_i64());
        all
    }

    /// What ringdesk (the window's process) wrote to standard error so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dirs.path().join("desktop.log")).unwrap_or_default()
    }

    /// Sends `keys` (WebDriver key codes allowed) to whatever has the focus.
    pub async fn keys(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .expect("something has the focus")
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("keys {keys:?}: {e}"));
    }

    /// Waits (up to `patience`) for the wrap-up card to be offered with the focus on its
    /// dispositions, as a call's end offers it.
    pub async fn wait_for_wrap_up_card(&self, patience: Duration) {
        self.wait_or_show(
            patience,
            "the wrap-up card",
            "const card = document.querySelector('section.wrapup'); \
             return !!card && !card.hidden && document.activeElement?.getAttribute('role') === 'radio';",
        )
        .await;
    }

    /// Kills ringdesk's window program with SIGKILL, as a crash or a power cut would end it:
    /// the `ringdesk-window` process whose data folder is this test's.
    pub fn kill_window(&self) {
        let windows = self.windows();
        assert_eq!(windows.len(), 1, "one ringdesk-window of this test to kill");
        for (pid, _) in windows {
            signal("-KILL", &pid);
        }
    }

    /// This test's `ringdesk-window` processes: pid and the program file each runs.
    pub fn windows(&self) -> Vec<(String, PathBuf)> {
        let data = format!(
            "RINGDESK_DATA_DIR={}",
            self.dirs.path().join("data").display()
        );
        let mut found = Vec::new();
        for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let path = entry.path();
            let cmdline = std::fs::read(path.join("cmdline")).unwrap_or_default();
            let environ = std::fs::read(path.join("environ")).unwrap_or_default();
            let program = cmdline.split(|b| *b == 0).next().unwrap_or_default();
            let ours = environ.split(|b| *b == 0).any(|v| v == data.as_bytes());
            if ours && program.ends_with(b"ringdesk-window") {
                let exe = std::fs::read_link(path.join("exe")).unwrap_or_default();
                found.push((entry.file_name().to_string_lossy().into_owned(), exe));
            }
        }
        found
    }

    /// The test's private folders (`config`, `data`, `home`).
    pub fn dir(&self) -> &Path {
        self.dirs.path()
    }

    /// A command inside the test's display, bus and folders.
    fn command(&self, program: &str, args: &[&str]) -> Command {
        let recorded = std::fs::read_to_string(self.dirs.path().join("session.env"))
            .expect("the session recorded its variables");
        let mut command = Command::new(program);
        command
            .args(args)
            .env_remove("RINGCENTRAL_CLIENT_ID")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .envs(recorded.lines().filter_map(|line| line.split_once('=')));
        command
    }

    /// Ends the WebDriver session (closing ringdesk) and lets the session tear itself down.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.clone().close()).await;
        self.shut_down();
    }

    /// Stops WebKitWebDriver so `dbus-run-session` removes its bus (and the keyring with it)
    /// and `xvfb-run` stops the display; kills the whole group only if that stalls.
    fn shut_down(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(self.dirs.path().join("driver.pid")) {
            signal("-TERM", pid.trim());
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if !matches!(self.session.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        signal("-KILL", &format!("-{}", self.session.id()));
        let _ = self.session.wait();
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        // After `close` this returns at once; after a panic it leaves no processes behind.
        self.shut_down();
    }
}

fn signal(signal: &str, target: &str) {
    let _ = Command::new("kill")
        .args([signal, "--", target])
        .stderr(Stdio::null())
        .status();
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + PATIENCE;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "WebKitWebDriver never listened on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn log_file(dir: &Path) -> std::fs::File {
    log_file_named(dir, "desktop.log")
}

fn log_file_named(dir: &Path, name: &str) -> std::fs::File {
    std::fs::File::create(dir.join(name)).expect("log file")
}

/// Waits for `child` (at most [`PATIENCE`]; killed after that) and collects its output.
fn finish(mut child: Child, what: &str) -> Output {
    let deadline = Instant::now() + PATIENCE;
    while matches!(child.try_wait(), Ok(None)) {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{what} did not finish within {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// Says why a click did not reach a field (the test goes on with the keyboard's focus).
fn note_missed_click(css: &str, error: &fantoccini::error::CmdError) {
    eprintln!("clicking {css} did not land ({error:?}); focusing it instead");
}

//! `ringdesk-cache-sync`: syncs one cache file from a RingCentral server with a JWT credential
//! and reports progress as JSON lines — the process the crash test kills with `kill -9` and the
//! benchmark measures (its last line carries its peak resident memory).
//!
//! With `--flush-outbox GRACE_MS` it syncs nothing and sends the cache's SMS outbox instead,
//! flush after flush until nothing is left open (an unknown outcome is looked up after
//! `GRACE_MS`): the process the outbox tests run side by side and kill mid-flush. It prints
//! `{"flushing":true}` once signed in with the cache open, then each flush's report.
//!
//! ```text
//! RINGDESK_SYNC_JWT=… ringdesk-cache-sync --db FILE --server URL --client-id ID \
//!     --client-secret SECRET [--feeds call_log,messages,contacts,directory] [--per-page N]
//!     [--flush-outbox GRACE_MS]
//! ```

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use ringdesk_core::api::ClientOptions;
use ringdesk_core::phone::Country;
use ringdesk_core::sms::flush_outbox;
use ringdesk_core::store::{Feed, Store};
use ringdesk_core::sync::{sync_all, Progress, RingCentral, SyncOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut flags = HashMap::new();
    for pair in args.chunks(2) {
        if let [name, value] = pair {
            flags.insert(name.trim_start_matches("--").to_owned(), value.clone());
        }
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(&error),
    };
    match runtime.block_on(run(&flags)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => fail(&failure),
    }
}

/// Why the run stopped.
#[derive(Debug, thiserror::Error)]
enum Failure {
    /// The command line or environment is incomplete.
    #[error("{0}")]
    Usage(String),
    /// Signing in, the cache or the sync failed.
    #[error(transparent)]
    Core(Box<ringdesk_core::Error>),
}

impl<E: Into<ringdesk_core::Error>> From<E> for Failure {
    fn from(error: E) -> Self {
        Self::Core(Box::new(error.into()))
    }
}

fn fail(failure: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("ringdesk-cache-sync: {failure}");
    ExitCode::FAILURE
}

async fn run(flags: &HashMap<String, String>) -> Result<(), Failure> {
    let flag = |name: &str| {
        flags
            .get(name)
            .cloned()
            .ok_or_else(|| Failure::Usage(format!("--{name} is required")))
    };
    let jwt = std::env::var("RINGDESK_SYNC_JWT")
        .map_err(|_| Failure::Usage("RINGDESK_SYNC_JWT is not set".into()))?;
    let upstream = RingCentral::sign_in_with_jwt(
        &flag("server")?,
        &flag("client-id")?,
        &flag("client-secret")?,
        &jwt,
        ClientOptions::default(),
    )
    .await?;
    let country = Country::from_iso_code(flags.get("country").map_or("US", String::as_str))?;
    let mut store = Store::open(&PathBuf::from(flag("db")?), country)?;
    if let Some(grace) = flags.get("flush-outbox") {
        let grace = grace
            .parse()
            .map_err(|_| Failure::Usage("--flush-outbox takes milliseconds".into()))?;
        return flush(&mut store, &upstream, grace).await;
    }
    let mut options = SyncOptions::new(chrono::Utc::now());
    if let Some(feeds) = flags.get("feeds") {
        options.feeds = feeds
            .split(',')
            .map(|f| match f {
                "call_log" => Ok(Feed::CallLog),
                "messages" => Ok(Feed::Messages),
                "contacts" => Ok(Feed::Contacts),
                "directory" => Ok(Feed::Directory),
                other => Err(Failure::Usage(format!("unknown feed {other:?}"))),
            })
            .collect::<Result<_, _>>()?;
    }
    if let Some(n) = flags.get("per-page") {
        options.per_page = n
            .parse()
            .map_err(|_| Failure::Usage("--per-page takes a number".into()))?;
    }
    let report = |p: &Progress| {
        println!(
            "{}",
            serde_json::json!({ "feed": p.feed, "stage": p.stage, "done": p.done, "total": p.total })
        );
    };
    let summary = sync_all(&mut store, &upstream, &options, &report).await?;
    println!(
        "{}",
        serde_json::json!({ "finished": summary, "peak_rss_kb": peak_rss_kb(), "cpu_ms": cpu_ms() })
    );
    Ok(())
}

/// Flushes the outbox until nothing is open, reconciling unknown outcomes after `grace_ms`.
async fn flush(store: &mut Store, upstream: &RingCentral, grace_ms: i64) -> Result<(), Failure> {
    let grace = chrono::Duration::milliseconds(grace_ms);
    let pause = std::time::Duration::from_millis((grace_ms / 4).clamp(10, 200) as u64);
    println!("{}", serde_json::json!({ "flushing": true }));
    loop {
        let clock = upstream.client().transport().clock();
        let report = flush_outbox(store, upstream, clock, grace).await?;
        println!("{}", serde_json::json!({ "flushed": report }));
        if store.open_outbox()?.is_empty() {
            return Ok(());
        }
        tokio::time::sleep(pause).await;
    }
}

/// This process's CPU time (user + system) in milliseconds, where /proc tells (clock ticks of
/// 10 ms, Linux's USER_HZ).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}

/// This process's peak resident set (`VmHWM`), in KiB, where /proc tells.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

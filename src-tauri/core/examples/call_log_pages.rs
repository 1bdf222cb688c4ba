//! Measures paging through a large call log against the simulator, page by page as the sync
//! engine will (nothing collected): `cargo run --release -p ringdesk-core --example
//! call_log_pages -- [RECORDS]` (default 1 000 000). Rate limits are raised so the figure is the
//! client's own cost; against RingCentral the Heavy group (10 pages a minute) is the bound.

use std::sync::Arc;
use std::time::Instant;

use ringcentral_sim::{RateLimitConfig, SimConfig};
use ringdesk_core::api::call_log::{read_call_log, CallLogQuery};
use ringdesk_core::api::{Client, ClientOptions, Transport};
use ringdesk_core::auth::{OAuthApp, Session, REDIRECT_URI};
use ringdesk_core::keychain::MemoryStore;
use ringdesk_core::Secret;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let sim = ringcentral_sim::start(SimConfig {
        call_log: records,
        rate_limits: RateLimitConfig {
            heavy: 1_000_000,
            ..RateLimitConfig::default()
        },
        ..SimConfig::fast()
    })
    .await?;
    let credentials = sim.credentials().clone();
    let app = OAuthApp {
        server: credentials.server_url.clone(),
        client_id: credentials.client_id.clone(),
        client_secret: Some(Secret::new(credentials.client_secret.clone())),
        redirect_uri: REDIRECT_URI.into(),
    };
    let transport = Arc::new(Transport::new(&app.server, ClientOptions::default())?);
    let session = Session::open(
        "bench",
        app,
        transport.clone(),
        Arc::new(MemoryStore::default()),
        None,
    )
    .await?;
    session
        .sign_in_with_jwt(&Secret::new(credentials.jwt.clone()), false)
        .await?;
    let client = Client::new(transport, Arc::new(session));
    let query = CallLogQuery {
        date_from: Some("2000-01-01T00:00:00Z".into()),
        ..CallLogQuery::default()
    };
    let started = Instant::now();
    let (mut pages, mut seen) = (read_call_log(&client, &query), 0usize);
    let mut count = 0;
    while let Some(page) = pages.next_page().await? {
        seen += page.records.len();
        count += 1;
    }
    let elapsed = started.elapsed();
    println!(
        "{seen} records in {count} pages: {:.1} s, {:.0} records/s, {:.1} ms/page, peak RSS {} kB",
        elapsed.as_secs_f64(),
        seen as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / count.max(1) as f64,
        peak_rss_kb()
    );
    Ok(())
}

fn peak_rss_kb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().trim_end_matches(" kB").to_string())
        })
        .unwrap_or_else(|| "?".into())
}

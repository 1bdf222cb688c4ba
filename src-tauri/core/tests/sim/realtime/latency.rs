//! A measurement, not a timed assertion: from `POST /sim/inbound-sms` to the `InboundSms`
//! event, over 50 texts on loopback (`cargo test -p ringdesk-core --test sim latency --
//! --nocapture` prints the figures).

use std::time::{Duration, Instant};

use super::support::*;

#[tokio::test]
async fn inbound_sms_latency_figures() {
    let mut rig = rig(|_| {}).await;
    rig.start(fast());
    rig.connected().await;
    let mut samples = Vec::new();
    for n in 0..50 {
        let started = Instant::now();
        let id = rig.push(&format!("latency probe {n}")).await;
        let sms = rig
            .next_sms(Duration::from_secs(5))
            .await
            .expect("announced");
        samples.push(started.elapsed());
        assert_eq!(sms.message_id, id, "in order, one each");
    }
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "inbound SMS → event over {} texts: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        samples.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
    rig.stop().await;
}

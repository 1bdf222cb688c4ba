//! A measurement, not a timed assertion: from `POST /sim/inbound-sms` to the `InboundSms`
//! event, over 50 texts on loopback (`cargo test -p ringdesk-core --test sim latency --
//! --nocapture` prints the figures).

use std::time::{Duration, Instant};

use super::support::*;

#[tokio::test]
async fn inbound_sms_latency_figures() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    let (mut samples, mut posts) = (Vec::new(), Vec::new());
    for n in 0..50 {
        let started = Instant::now();
        let id = rig.push(&format!("latency probe {n}")).await;
        posts.push(started.elapsed());
        let sms = rig
            .next_sms(Duration::from_secs(5))
            .await
            .expect("announced");
        samples.push(started.elapsed());
        assert_eq!(sms.message_id, id, "in order, one each");
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (events, posted) = (quantiles(samples), quantiles(posts));
    println!(
        "inbound SMS → InboundSms event over 50 texts: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms \
         (the admin POST's own round trip: p50 {:.1} ms, p95 {:.1} ms)",
        ms(events[0]),
        ms(events[1]),
        ms(events[2]),
        ms(posted[0]),
        ms(posted[1])
    );
    rig.stop().await;
}

/// p50, p95 and max.
fn quantiles(mut samples: Vec<Duration>) -> [Duration; 3] {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    [at(0.5), at(0.95), at(1.0)]
}

//! A webhook receiver for tests, over real HTTP on 127.0.0.1: it checks every request's
//! `X-Ringdesk-Signature` with its own HMAC-SHA256 (written here from the documented scheme, not
//! ringdesk's code), records each delivery, takes an event id once (a repeat is answered 200 and
//! counted), and can fail the next requests or hold them unanswered (a receiver that hangs).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::serve::{any_port, serve};

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// `X-Ringdesk-Event-Id`.
    pub event_id: String,
    /// The signature matched the raw body and the secret, made within 5 minutes.
    pub signature_ok: bool,
    /// The body, parsed.
    pub body: Value,
    /// What the receiver answered.
    pub status: u16,
}

/// What the receiver saw and how it behaves.
#[derive(Debug, Default)]
pub struct Inbox {
    /// The signing secret it checks with.
    pub secret: String,
    /// Every request, in arrival order.
    pub deliveries: Vec<Delivery>,
    /// Statuses the next requests get instead of 200.
    pub fail_next: VecDeque<u16>,
    /// Requests are held unanswered while this is on.
    pub hold: bool,
    /// Requests that arrived (held ones too).
    pub arrived: usize,
}

impl Inbox {
    /// The events taken (answered 2xx), each once, in the order first taken.
    pub fn taken(&self) -> Vec<Value> {
        let mut seen = std::collections::HashSet::new();
        self.deliveries
            .iter()
            .filter(|d| (200..300).contains(&d.status) && seen.insert(d.event_id.clone()))
            .map(|d| d.body.clone())
            .collect()
    }

    /// How many times each event id arrived, for the ones that arrived more than once.
    pub fn repeats(&self) -> usize {
        let mut seen = std::collections::HashSet::new();
        self.deliveries
            .iter()
            .filter(|d| !seen.insert(d.event_id.clone()))
            .count()
    }
}

/// A running receiver.
pub struct WebhookReceiver {
    /// `http://127.0.0.1:PORT/hook`.
    pub url: String,
    inbox: Arc<Mutex<Inbox>>,
    held: Arc<tokio::sync::Notify>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

type Shared = (Arc<Mutex<Inbox>>, Arc<tokio::sync::Notify>);

impl WebhookReceiver {
    /// Starts a receiver checking signatures with `secret`.
    pub async fn start(secret: &str) -> Self {
        let inbox = Arc::new(Mutex::new(Inbox {
            secret: secret.into(),
            ..Inbox::default()
        }));
        let held = Arc::new(tokio::sync::Notify::new());
        let app = Router::new()
            .route("/hook", post(receive))
            .with_state((inbox.clone(), held.clone()));
        let (addr, stop) = serve(app, any_port(), "the webhook receiver").await;
        Self {
            url: format!("http://{addr}/hook"),
            inbox,
            held,
            stop: Some(stop),
        }
    }

    /// Works on the inbox.
    pub fn inbox<T>(&self, work: impl FnOnce(&mut Inbox) -> T) -> T {
        let mut inbox = self.inbox.lock().unwrap_or_else(|e| e.into_inner());
        work(&mut inbox)
    }

    /// Stops holding requests and answers the held ones.
    pub fn release(&self) {
        self.inbox(|inbox| inbox.hold = false);
        self.held.notify_waiters();
    }
}

impl Drop for WebhookReceiver {
    fn drop(&mut self) {
        self.release();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Checks `t=…,v1=…` against the raw body, the secret and the clock (5 minutes either way).
pub fn signature_ok(secret: &str, header: &str, body: &[u8]) -> bool {
    let mut timestamp = None;
    let mut given = Vec::new();
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v)) => given.push(v.to_string()),
            _ => {}
        }
    }
    let Some(timestamp) = timestamp else {
        return false;
    };
    let now = chrono::Utc::now().timestamp();
    if (now - timestamp).abs() > 300 {
        return false;
    }
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key");
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    let expected = hex::encode(mac.finalize().into_bytes());
    given.contains(&expected)
}

async fn receive(
    State((inbox, held)): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    inbox.lock().unwrap_or_else(|e| e.into_inner()).arrived += 1;
    loop {
        let notified = held.notified();
        if !inbox.lock().unwrap_or_else(|e| e.into_inner()).hold {
            break;
        }
        notified.await;
    }
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let mut inbox = inbox.lock().unwrap_or_else(|e| e.into_inner());
    let signature_ok = signature_ok(&inbox.secret, &header("x-ringdesk-signature"), &body);
    let status = match (signature_ok, inbox.fail_next.pop_front()) {
        (false, _) => 401,
        (true, Some(status)) => status,
        (true, None) => 200,
    };
    inbox.deliveries.push(Delivery {
        event_id: header("x-ringdesk-event-id"),
        signature_ok,
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        status,
    });
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

//! The outermost middleware: applies injected faults and records every request in the log.

use crate::api_error::ApiError;
use crate::faults::{default_code, merge_patch, FaultSpec};
use crate::request_log::Entry;
use crate::sim::{lock, Sim};
use crate::time_fmt::iso;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// Inserted into every request by the accept loop: notifying it drops the TCP connection.
#[derive(Clone, Debug)]
pub struct ConnectionKill(pub Arc<Notify>);

/// Logs the request and applies the first matching fault.
pub async fn observe(State(sim): State<Arc<Sim>>, req: Request, next: Next) -> Response {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or("").to_owned();
    let started = Instant::now();
    let timestamp = iso(sim.now());
    let fault = if path.starts_with("/sim/") {
        None
    } else {
        lock(&sim.faults).take(&method, &path)
    };
    let log = |status: u16, fault: Option<&'static str>| {
        if path != "/sim/requests" {
            let duration_ms = started.elapsed().as_millis() as u64;
            let entry = Entry {
                seq: 0,
                method: method.clone(),
                path: path.clone(),
                query: query.clone(),
                status,
                timestamp: timestamp.clone(),
                duration_ms,
                fault,
            };
            lock(&sim.log).push(entry);
        }
    };
    let Some(spec) = fault else {
        let response = next.run(req).await;
        log(response.status().as_u16(), None);
        return response;
    };
    let kind = fault_kind(&spec);
    let kill = req.extensions().get::<ConnectionKill>().cloned();
    let mut handling = Handling::Pending(req, next);
    if spec.processed {
        // The request reaches the handler (a proxy forwarded it); the fault is in its answer.
        handling = Handling::Done(handling.answer().await);
    }
    if let Some(ms) = spec.delay_ms {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    if spec.drop {
        log(0, kind);
        if let Some(ConnectionKill(kill)) = kill {
            kill.notify_one();
            std::future::pending::<()>().await;
        }
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "CMN-211",
            "Connection dropped",
        )
        .into_response();
    }
    let response = match spec.status.and_then(|s| StatusCode::from_u16(s).ok()) {
        Some(status) => error_answer(status, &spec),
        None => handling.answer().await,
    };
    let response = match (&spec.body, spec.malformed) {
        (Some(body), _) => replaced(response, body.clone()),
        (None, true) => replaced(response, r#"{"uri":"http://"#.to_owned()),
        (None, false) => response,
    };
    let mut response = match &spec.patch {
        Some(patch) => patched(response, patch).await,
        None => response,
    };
    for (name, value) in &spec.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    log(response.status().as_u16(), kind);
    response
}

/// A request on its way through the fault: not handled yet, or handled with this answer.
enum Handling {
    Pending(Request, Next),
    Done(Response),
}

impl Handling {
    /// The handler's answer (running it now unless it ran already).
    async fn answer(self) -> Response {
        match self {
            Handling::Pending(req, next) => next.run(req).await,
            Handling::Done(response) => response,
        }
    }
}

/// The injected error answer for `status`: RingCentral's JSON error body, or with `html` a
/// gateway's HTML page; `Retry-After` when the fault has one.
fn error_answer(status: StatusCode, spec: &FaultSpec) -> Response {
    let reason = status.canonical_reason().unwrap_or("Injected fault");
    let mut response = if spec.html {
        let page = format!(
            "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            code = status.as_u16()
        );
        let mut page = (status, page).into_response();
        page.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        page
    } else {
        let code = spec
            .error_code
            .clone()
            .unwrap_or_else(|| default_code(status.as_u16()).to_owned());
        ApiError::new(status, &code, reason).into_response()
    };
    if let Some(seconds) = spec.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

fn fault_kind(spec: &FaultSpec) -> Option<&'static str> {
    Some(if spec.drop {
        "drop"
    } else if spec.html && spec.status.is_some() {
        "html"
    } else if spec.malformed {
        "malformed"
    } else if spec.body.is_some() {
        "body"
    } else if spec.status.is_some() {
        "status"
    } else if spec.patch.is_some() {
        "patch"
    } else if !spec.headers.is_empty() {
        "headers"
    } else {
        "delay"
    })
}

/// The answer with `patch` merged into its JSON body (a body that is not JSON stays as it is).
async fn patched(response: Response, patch: &serde_json::Value) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(mut json) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    merge_patch(&mut json, patch);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(json.to_string()))
}

/// Keeps the handler's status and headers but answers `body` (JSON) instead of its body.
fn replaced(response: Response, body: String) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

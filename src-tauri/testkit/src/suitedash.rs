//! A SuiteDash Secure API simulator for tests (never shipped): what is known of the API
//! (`docs/ringcentral/NEXT-APIS.md` §5) over real HTTP on 127.0.0.1 — the `X-Public-ID` /
//! `X-Secret-Key` headers, the list envelope with `meta.pagination` and 1-based `?page=N` for
//! `/contacts` and `/companies`, `POST /contact` (first name, last name and role required; an
//! e-mail unless the role is Lead), `PUT /contact/{uid}`, and `{success: false, message}` errors.
//! It counts every request, and a test can make the next requests fail, stop it and start it
//! again on the same port with the same accounts (an outage).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::serve::{any_port, serve};

/// The simulated account and what happened to it.
#[derive(Debug)]
pub struct Account {
    /// The Public ID requests must carry.
    pub public_id: String,
    /// The secret key requests must carry.
    pub secret_key: String,
    /// Contacts, in order.
    pub contacts: Vec<Value>,
    /// Companies, in order.
    pub companies: Vec<Value>,
    /// Records per page.
    pub page_size: usize,
    /// Every request, as `METHOD /path?query`.
    pub requests: Vec<String>,
    /// Statuses the next requests answer with, instead of their work.
    pub fail_next: VecDeque<u16>,
    /// Contacts created through `POST /contact`, as sent.
    pub created: Vec<Value>,
    /// Bytes of filler every list answer carries (an answer too big to read).
    pub filler: usize,
    next_uid: u64,
}

/// A running simulator.
pub struct SuiteDashSim {
    /// `http://127.0.0.1:PORT/secure-api`.
    pub url: String,
    addr: SocketAddr,
    account: Arc<Mutex<Account>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl SuiteDashSim {
    /// Starts an account with `public_id` and `secret_key`, no records, 10 per page.
    pub async fn start(public_id: &str, secret_key: &str) -> Self {
        let account = Arc::new(Mutex::new(Account {
            public_id: public_id.into(),
            secret_key: secret_key.into(),
            contacts: Vec::new(),
            companies: Vec::new(),
            page_size: 10,
            requests: Vec::new(),
            fail_next: VecDeque::new(),
            created: Vec::new(),
            filler: 0,
            next_uid: 1,
        }));
        Self::start_at(account, any_port()).await
    }

    async fn start_at(account: Arc<Mutex<Account>>, addr: SocketAddr) -> Self {
        let (addr, stop) = serve(Self::router(&account), addr, "the SuiteDash simulator").await;
        Self {
            url: format!("http://{addr}/secure-api"),
            addr,
            account,
            stop: Some(stop),
        }
    }

    fn router(account: &Arc<Mutex<Account>>) -> Router {
        Router::new()
            .route("/secure-api/contacts", get(list_contacts))
            .route("/secure-api/companies", get(list_companies))
            .route("/secure-api/contact", post(create_contact))
            .route("/secure-api/contact/{uid}", put(update_contact))
            .with_state(account.clone())
    }

    /// Stops answering (the port refuses connections) until [`SuiteDashSim::restart`].
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Answers again on the same port, with the same account.
    pub async fn restart(&mut self) {
        self.stop();
        for _ in 0..50 {
            if tokio::net::TcpListener::bind(self.addr).await.is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let (_, stop) = serve(
            Self::router(&self.account),
            self.addr,
            "the SuiteDash simulator",
        )
        .await;
        self.stop = Some(stop);
    }

    /// Works on the account.
    pub fn account<T>(&self, work: impl FnOnce(&mut Account) -> T) -> T {
        let mut account = self.account.lock().unwrap_or_else(|e| e.into_inner());
        work(&mut account)
    }

    /// Adds a contact (a `uid` is given when it has none).
    pub fn add_contact(&self, mut contact: Value) -> String {
        self.account(|account| {
            let uid = contact["uid"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| account.new_uid());
            contact["uid"] = json!(uid);
            account.contacts.push(contact);
            uid
        })
    }

    /// Adds a company (a `uid` is given when it has none).
    pub fn add_company(&self, mut company: Value) -> String {
        self.account(|account| {
            let uid = company["uid"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| account.new_uid());
            company["uid"] = json!(uid);
            account.companies.push(company);
            uid
        })
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<String> {
        self.account(|account| account.requests.clone())
    }
}

impl Drop for SuiteDashSim {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Account {
    fn new_uid(&mut self) -> String {
        self.next_uid += 1;
        format!("sd-{:06}", self.next_uid)
    }

    /// Counts a request and checks its keys; answers the error to send instead, if any.
    fn admit(&mut self, headers: &HeaderMap, line: String) -> Option<(StatusCode, Json<Value>)> {
        self.requests.push(line);
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
        };
        if header("x-public-id") != self.public_id || header("x-secret-key") != self.secret_key {
            return Some(error(StatusCode::UNAUTHORIZED, "Invalid API credentials"));
        }
        let status = self.fail_next.pop_front()?;
        Some(error(
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            "Simulated failure",
        ))
    }
}

fn error(status: StatusCode, message: &str) -> (StatusCode, Json<Value>) {
    (
        status,
        Json(json!({ "success": false, "message": message })),
    )
}

#[derive(Deserialize)]
struct Page {
    page: Option<usize>,
}

fn page_of(records: &[Value], page: usize, size: usize, path: &str) -> Value {
    let total_pages = records.len().div_ceil(size).max(1);
    let start = (page - 1) * size;
    let data: Vec<Value> = records.iter().skip(start).take(size).cloned().collect();
    let link = |n: usize| {
        json!(format!(
            "https://app.suitedash.com/secure-api{path}?page={n}"
        ))
    };
    json!({
        "success": true,
        "data": data,
        "meta": {"pagination": {
            "pageSize": size,
            "totalPages": total_pages,
            "totalItems": records.len(),
            "currentPageNumber": page,
            "previousPage": if page > 1 { link(page - 1) } else { Value::Null },
            "nextPage": if page < total_pages { link(page + 1) } else { Value::Null },
        }}
    })
}

fn list(
    account: &Mutex<Account>,
    headers: &HeaderMap,
    page: Page,
    path: &str,
    companies: bool,
) -> (StatusCode, Json<Value>) {
    let mut account = account.lock().unwrap_or_else(|e| e.into_inner());
    let number = page.page.unwrap_or(1);
    if let Some(refused) = account.admit(headers, format!("GET {path}?page={number}")) {
        return refused;
    }
    if number == 0 {
        return error(StatusCode::UNPROCESSABLE_ENTITY, "page must be 1 or more");
    }
    let records = if companies {
        &account.companies
    } else {
        &account.contacts
    };
    let mut page = page_of(records, number, account.page_size, path);
    if account.filler > 0 {
        page["filler"] = json!("x".repeat(account.filler));
    }
    (StatusCode::OK, Json(page))
}

async fn list_contacts(
    State(account): State<Arc<Mutex<Account>>>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> (StatusCode, Json<Value>) {
    list(&account, &headers, page, "/contacts", false)
}

async fn list_companies(
    State(account): State<Arc<Mutex<Account>>>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> (StatusCode, Json<Value>) {
    list(&account, &headers, page, "/companies", true)
}

async fn create_contact(
    State(account): State<Arc<Mutex<Account>>>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> (StatusCode, Json<Value>) {
    let mut account = account.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(refused) = account.admit(&headers, "POST /contact".into()) {
        return refused;
    }
    let Some(Json(body)) = body else {
        return error(StatusCode::BAD_REQUEST, "JSON body required");
    };
    let text = |field: &str| body[field].as_str().unwrap_or("").trim().to_string();
    for required in ["first_name", "last_name", "role"] {
        if text(required).is_empty() {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("{required} is required"),
            );
        }
    }
    let role = text("role");
    if !["Lead", "Prospect", "Client"].contains(&role.as_str()) {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "role must be Lead, Prospect or Client",
        );
    }
    if role != "Lead" && text("email").is_empty() {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "email is required unless role is Lead",
        );
    }
    account.created.push(body.clone());
    let uid = account.new_uid();
    let mut contact = json!({
        "uid": uid, "first_name": text("first_name"), "last_name": text("last_name"),
        "email": text("email"), "phone": text("phone"), "role": role,
        "tags": body.get("tags").cloned().unwrap_or(json!([])),
        "companies": [],
    });
    if !text("company_name").is_empty() {
        contact["companies"] =
            json!([{ "uid": format!("co-{uid}"), "name": text("company_name") }]);
    }
    account.contacts.push(contact.clone());
    (
        StatusCode::CREATED,
        Json(json!({ "success": true, "message": "Contact created", "data": contact })),
    )
}

async fn update_contact(
    State(account): State<Arc<Mutex<Account>>>,
    headers: HeaderMap,
    Path(uid): Path<String>,
    body: Option<Json<Value>>,
) -> (StatusCode, Json<Value>) {
    let mut account = account.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(refused) = account.admit(&headers, format!("PUT /contact/{uid}")) {
        return refused;
    }
    let Some(Json(body)) = body else {
        return error(StatusCode::BAD_REQUEST, "JSON body required");
    };
    let Some(contact) = account.contacts.iter_mut().find(|c| c["uid"] == json!(uid)) else {
        return error(StatusCode::NOT_FOUND, "Contact not found");
    };
    if let Value::Object(fields) = body {
        for (field, value) in fields {
            contact[field] = value;
        }
    }
    (
        StatusCode::OK,
        Json(json!({ "success": true, "data": contact.clone() })),
    )
}

//! The router: every RingCentral endpoint behind the gate, the WebSocket endpoint, the admin API,
//! and RingCentral-shaped answers for unknown paths and methods.

use crate::admin;
use crate::api_error::ApiError;
use crate::gate::gate;
use crate::oauth::{authorize, revoke, token, wstoken};
use crate::observe::observe;
use crate::rest::{
    call_log, contacts, directory, extension, message_store, message_sync, presence, ringout, sms,
    subscription,
};
use crate::sim::Sim;
use crate::ws::connection;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;

macro_rules! ext {
    ($suffix:literal) => {
        concat!(
            "/restapi/v1.0/account/{accountId}/extension/{extensionId}",
            $suffix
        )
    };
}

const ACCOUNT: &str = "/restapi/v1.0/account/{accountId}";

fn api(sim: &Arc<Sim>) -> Router<Arc<Sim>> {
    Router::new()
        .route(
            "/restapi/oauth/authorize",
            get(authorize::get).post(authorize::post),
        )
        .route("/restapi/oauth/token", post(token::token))
        .route("/restapi/oauth/revoke", post(revoke::revoke))
        .route("/restapi/oauth/wstoken", post(wstoken::issue))
        .route(ext!(""), get(extension::read))
        .route(ext!("/phone-number"), get(extension::phone_numbers))
        .route(
            ext!("/forwarding-number"),
            get(extension::forwarding_numbers).post(extension::create_forwarding_number),
        )
        .route(ext!("/caller-id"), get(extension::caller_id))
        .route(ext!("/ring-out"), post(ringout::create))
        .route(
            ext!("/ring-out/{ringoutId}"),
            get(ringout::read).delete(ringout::cancel),
        )
        .route(ext!("/sms"), post(sms::send))
        .route(ext!("/message-store"), get(message_store::list))
        .route(
            ext!("/message-store/{messageId}"),
            get(message_store::read)
                .put(message_store::update)
                .patch(message_store::patch)
                .delete(message_store::delete),
        )
        .route(
            ext!("/message-store/{messageId}/content/{attachmentId}"),
            get(message_store::content),
        )
        .route(ext!("/message-sync"), get(message_sync::sync))
        .route(ext!("/call-log"), get(call_log::list))
        .route(ext!("/call-log/{callRecordId}"), get(call_log::read))
        .route(ext!("/call-log-sync"), get(call_log::sync))
        .route(
            ext!("/address-book/contact"),
            get(contacts::list).post(contacts::create),
        )
        .route(
            ext!("/address-book/contact/{contactId}"),
            get(contacts::read)
                .put(contacts::update)
                .patch(contacts::patch)
                .delete(contacts::delete),
        )
        .route(ext!("/address-book-sync"), get(contacts::sync))
        .route(
            &format!("{ACCOUNT}/directory/entries"),
            get(directory::list),
        )
        .route(
            &format!("{ACCOUNT}/directory/entries/{{entryId}}"),
            get(directory::read),
        )
        .route(
            &format!("{ACCOUNT}/directory/entries/search"),
            post(directory::search),
        )
        .route(ext!("/presence"), get(presence::read).put(presence::update))
        .route(
            "/restapi/v1.0/subscription",
            get(subscription::list).post(subscription::create),
        )
        .route(
            "/restapi/v1.0/subscription/{subscriptionId}",
            get(subscription::read)
                .put(subscription::update)
                .delete(subscription::delete),
        )
        .route(
            "/restapi/v1.0/subscription/{subscriptionId}/renew",
            post(subscription::read),
        )
        .route_layer(from_fn_with_state(sim.clone(), gate))
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "CMN-102",
        format!("Resource for parameter [path] is not found: {}", uri.path()),
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "CMN-101",
        "Method is not allowed for this resource",
    )
}

/// The complete application.
pub fn router(sim: Arc<Sim>) -> Router {
    Router::new()
        .merge(api(&sim))
        .merge(admin::routes())
        .route("/ws", get(connection::upgrade))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(sim.config.body_limit))
        .layer(from_fn_with_state(sim.clone(), observe))
        .with_state(sim)
}

/// RingCentral ignores a trailing slash (`/restapi/v1.0/subscription/`); strip it before routing.
pub fn trim_trailing_slash<B>(req: &mut Request<B>) {
    let path = req.uri().path();
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let rebuilt = match req.uri().query() {
            Some(q) => format!("{trimmed}?{q}"),
            None => trimmed.to_owned(),
        };
        if let Ok(uri) = rebuilt.parse() {
            *req.uri_mut() = uri;
        }
    }
}

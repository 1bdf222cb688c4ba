//! The router: every RingCentral endpoint of the [`ENDPOINTS`] table behind the gate, the
//! WebSocket endpoint, the admin API, and RingCentral-shaped answers for unknown paths and
//! methods.

use crate::admin;
use crate::api_error::ApiError;
use crate::endpoints::ENDPOINTS;
use crate::gate::{gate, Gated};
use crate::observe::observe;
use crate::sim::Sim;
use crate::ws::connection;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

/// Every entry of [`ENDPOINTS`], each behind the gate with its own entry.
fn api(sim: &Arc<Sim>) -> Router<Arc<Sim>> {
    ENDPOINTS.iter().fold(Router::new(), |router, endpoint| {
        let gated = Gated {
            sim: sim.clone(),
            endpoint,
        };
        router.route(
            endpoint.path(),
            endpoint
                .route()
                .route_layer(from_fn_with_state(gated, gate)),
        )
    })
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
        .merge(admin::routes(&sim))
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

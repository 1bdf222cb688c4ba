//! The simulated app: client authentication and its registered redirect URIs.

use super::form::Form;
use crate::api_error::ApiError;
use crate::gate::basic_client;
use crate::sim::Sim;
use axum::http::StatusCode;

/// The app's custom-scheme redirect URI (ringdesk's deep link).
pub const APP_REDIRECT: &str = "ringdesk://oauth/callback";

/// Whether `uri` is registered: `ringdesk://oauth/callback`, or a loopback
/// `http://127.0.0.1:<any port>/…`, `http://localhost:<any port>/…`, `http://[::1]:<port>/…`.
pub fn redirect_registered(uri: &str) -> bool {
    if uri == APP_REDIRECT {
        return true;
    }
    let Ok(url) = url::Url::parse(uri) else {
        return false;
    };
    url.scheme() == "http"
        && matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
        && url.fragment().is_none()
}

/// How the client identified itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client {
    /// `client_id`.
    pub id: String,
    /// Authenticated with its secret (Basic header or `client_secret`).
    pub confidential: bool,
}

fn invalid_client(status: StatusCode, code: &str, message: &str) -> ApiError {
    ApiError::oauth(status, "invalid_client", code, message)
}

/// Authenticates the client: `Authorization: Basic` (confidential), `client_id` +
/// `client_secret` in the body (confidential), or `client_id` alone (public, PKCE).
pub fn authenticate(sim: &Sim, form: &Form) -> Result<Client, ApiError> {
    if form.headers.contains_key(axum::http::header::AUTHORIZATION) {
        let (id, secret) = basic_client(&form.headers).ok_or_else(|| {
            invalid_client(
                StatusCode::UNAUTHORIZED,
                "OAU-123",
                "Invalid Authorization header value",
            )
        })?;
        if id != sim.app.client_id || secret != sim.app.client_secret {
            return Err(invalid_client(
                StatusCode::UNAUTHORIZED,
                "OAU-146",
                "Invalid client credentials",
            ));
        }
        return Ok(Client {
            id,
            confidential: true,
        });
    }
    let id = form.get("client_id").ok_or_else(|| {
        invalid_client(
            StatusCode::BAD_REQUEST,
            "OAU-123",
            "Client authentication is required",
        )
    })?;
    if id != sim.app.client_id {
        return Err(invalid_client(
            StatusCode::BAD_REQUEST,
            "OAU-120",
            "Wrong Application ID",
        ));
    }
    match form.get("client_secret") {
        Some(secret) if secret != sim.app.client_secret => Err(invalid_client(
            StatusCode::UNAUTHORIZED,
            "OAU-146",
            "Invalid client credentials",
        )),
        Some(_) => Ok(Client {
            id: id.to_owned(),
            confidential: true,
        }),
        None => Ok(Client {
            id: id.to_owned(),
            confidential: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_redirects() {
        assert!(
            redirect_registered("ringdesk://oauth/callback"),
            "the app's deep link"
        );
        assert!(
            redirect_registered("http://127.0.0.1:53682/callback"),
            "loopback, any port"
        );
        assert!(
            redirect_registered("http://localhost:8080/"),
            "localhost, any port"
        );
        assert!(
            !redirect_registered("https://evil.example/cb"),
            "anything else is refused"
        );
        assert!(
            !redirect_registered("ringdesk://oauth/other"),
            "other deep links are refused"
        );
    }
}

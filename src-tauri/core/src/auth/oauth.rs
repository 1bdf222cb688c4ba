//! The OAuth calls, through the `oauth2` crate (authorize URL with PKCE S256 and a random
//! `state`, code exchange, refresh) over ringdesk's own [`Transport`], so they obey the Auth
//! budget, the breaker and the timeouts. The JWT bearer grant (which `oauth2` lacks) and revoke
//! (which `oauth2` allows only over HTTPS) are form posts of the same shape.

use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, HttpRequest, HttpResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RefreshToken, RequestTokenError, RevocationUrl, StandardRevocableToken, StandardTokenResponse,
    TokenResponse as _, TokenUrl,
};
use reqwest::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use super::tokens::{TokenResponse, TokenSet};
use super::AuthError;
use crate::api::{decode, status_error, ApiError, Endpoint, Group, Outgoing, Priority, Transport};
use crate::secret::Secret;

/// `getToken`. Not idempotent: a refresh token or an authorization code is single use, so a
/// request whose answer was lost is never repeated by the transport (the session reads the
/// keychain first: another process may hold the new tokens).
pub const GET_TOKEN: Endpoint = Endpoint {
    operation: "getToken",
    method: Method::POST,
    path: "/restapi/oauth/token",
    group: Group::Auth,
    idempotent: false,
};

/// `revokeToken`.
pub const REVOKE_TOKEN: Endpoint = Endpoint {
    operation: "revokeToken",
    method: Method::POST,
    path: "/restapi/oauth/revoke",
    group: Group::Auth,
    idempotent: true,
};

/// The deep link RingCentral redirects to after the browser sign-in.
pub const REDIRECT_URI: &str = "ringdesk://oauth/callback";

/// The RingCentral app ringdesk signs in with.
#[derive(Debug, Clone)]
pub struct OAuthApp {
    /// Server base URL.
    pub server: String,
    /// The app's client id.
    pub client_id: String,
    /// The app's client secret (confidential apps, JWT).
    pub client_secret: Option<Secret>,
    /// Where the browser comes back.
    pub redirect_uri: String,
}

/// RingCentral's extra `TokenInfo` fields.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct RingCentralFields {
    refresh_token_expires_in: Option<u64>,
    owner_id: Option<String>,
}

impl ExtraTokenFields for RingCentralFields {}

type RingCentralClient = oauth2::Client<
    BasicErrorResponse,
    StandardTokenResponse<RingCentralFields, BasicTokenType>,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
    EndpointSet,
>;

fn url_error(e: impl std::fmt::Display) -> AuthError {
    AuthError::BadCallback {
        reason: format!("bad server or redirect URL: {e}"),
    }
}

impl OAuthApp {
    fn client(&self) -> Result<RingCentralClient, AuthError> {
        let client = oauth2::Client::new(ClientId::new(self.client_id.clone()))
            .set_auth_uri(
                AuthUrl::new(format!("{}/restapi/oauth/authorize", self.server))
                    .map_err(url_error)?,
            )
            .set_token_uri(
                TokenUrl::new(format!("{}{}", self.server, GET_TOKEN.path)).map_err(url_error)?,
            )
            .set_revocation_url(
                RevocationUrl::new(format!("{}{}", self.server, REVOKE_TOKEN.path))
                    .map_err(url_error)?,
            )
            .set_redirect_uri(RedirectUrl::new(self.redirect_uri.clone()).map_err(url_error)?);
        Ok(match &self.client_secret {
            Some(secret) => {
                client.set_client_secret(ClientSecret::new(secret.expose().to_string()))
            }
            None => client,
        })
    }

    /// The authorize URL with a PKCE S256 challenge and a random `state`; returns the URL, the
    /// state and the verifier.
    pub fn authorize_url(&self) -> Result<(String, Secret, Secret), AuthError> {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = self
            .client()?
            .authorize_url(CsrfToken::new_random)
            .set_pkce_challenge(challenge)
            .url();
        Ok((
            url.to_string(),
            Secret::new(state.secret().clone()),
            Secret::new(verifier.secret().clone()),
        ))
    }

    /// Exchanges an authorization code (with its PKCE verifier) for tokens.
    pub async fn exchange_code(
        &self,
        transport: &Arc<Transport>,
        code: &str,
        verifier: &Secret,
    ) -> Result<TokenSet, AuthError> {
        let http = Http {
            transport: transport.clone(),
            endpoint: &GET_TOKEN,
        };
        let response = self
            .client()?
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .set_pkce_verifier(PkceCodeVerifier::new(verifier.expose().to_string()))
            .request_async(&http)
            .await
            .map_err(|e| lost(oauth_error(e)))?;
        Ok(self.token_set(transport, response, false))
    }

    /// Trades a refresh token for new tokens (the old refresh token dies).
    pub async fn refresh(
        &self,
        transport: &Arc<Transport>,
        refresh: &Secret,
        via_jwt: bool,
    ) -> Result<TokenSet, ApiError> {
        let http = Http {
            transport: transport.clone(),
            endpoint: &GET_TOKEN,
        };
        let token = RefreshToken::new(refresh.expose().to_string());
        let client = self.client().map_err(|e| ApiError::Malformed {
            operation: GET_TOKEN.operation,
            message: e.to_string(),
        })?;
        let response = client
            .exchange_refresh_token(&token)
            .request_async(&http)
            .await
            .map_err(|e| lost(oauth_error(e)))?;
        Ok(self.token_set(transport, response, via_jwt))
    }

    /// The JWT bearer grant (`urn:ietf:params:oauth:grant-type:jwt-bearer`).
    pub async fn jwt_grant(
        &self,
        transport: &Arc<Transport>,
        jwt: &Secret,
    ) -> Result<TokenSet, AuthError> {
        let secret = self
            .client_secret
            .as_ref()
            .ok_or(AuthError::MissingSecret)?;
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
            .append_pair("assertion", jwt.expose())
            .finish();
        let request = self.form_request(&GET_TOKEN, form, Some(secret));
        let answer = transport.execute(&request).await.map_err(lost)?;
        if answer.status != 200 {
            return Err(status_error(&GET_TOKEN, &answer).into());
        }
        let response: TokenResponse = decode(&GET_TOKEN, &answer.body).map_err(lost)?;
        let now = transport.clock().now();
        Ok(response.into_tokens(now, &self.server, &self.client_id, true))
    }

    /// Revokes the whole session of `token` (RFC 7009 form post; `oauth2` insists on HTTPS for
    /// revocation, which the simulator does not serve).
    pub async fn revoke(&self, transport: &Arc<Transport>, token: &Secret) -> Result<(), ApiError> {
        // The serializer is not `Send`: finish the body before anything is awaited.
        let body = {
            let mut form = url::form_urlencoded::Serializer::new(String::new());
            form.append_pair("token", token.expose());
            if self.client_secret.is_none() {
                form.append_pair("client_id", &self.client_id);
            }
            form.finish()
        };
        let request = self.form_request(&REVOKE_TOKEN, body, self.client_secret.as_ref());
        let answer = transport.execute(&request).await?;
        match answer.status {
            200..=299 => Ok(()),
            _ => Err(status_error(&REVOKE_TOKEN, &answer)),
        }
    }

    fn form_request(
        &self,
        endpoint: &'static Endpoint,
        body: String,
        secret: Option<&Secret>,
    ) -> Outgoing {
        use base64::Engine as _;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        if let Some(secret) = secret {
            let basic = base64::engine::general_purpose::STANDARD.encode(format!(
                "{}:{}",
                self.client_id,
                secret.expose()
            ));
            if let Ok(mut value) = HeaderValue::from_str(&format!("Basic {basic}")) {
                value.set_sensitive(true);
                headers.insert(AUTHORIZATION, value);
            }
        }
        Outgoing {
            endpoint,
            url: format!("{}{}", self.server, endpoint.path),
            headers,
            body: body.into_bytes(),
            priority: Priority::Interactive,
        }
    }

    fn token_set(
        &self,
        transport: &Arc<Transport>,
        response: StandardTokenResponse<RingCentralFields, BasicTokenType>,
        via_jwt: bool,
    ) -> TokenSet {
        let extra = response.extra_fields().clone();
        let expires_in = response.expires_in().map_or(3600, |d| d.as_secs());
        TokenResponse {
            access_token: Secret::new(response.access_token().secret().clone()),
            expires_in,
            refresh_token: response
                .refresh_token()
                .map(|t| Secret::new(t.secret().clone())),
            refresh_token_expires_in: extra.refresh_token_expires_in,
            scope: response.scopes().map(|s| {
                s.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
            owner_id: extra.owner_id,
        }
        .into_tokens(
            transport.clock().now(),
            &self.server,
            &self.client_id,
            via_jwt,
        )
    }
}

/// `oauth2`'s HTTP client over the transport (a named type with a boxed `Send` future, so the
/// futures that use it stay `Send`).
struct Http {
    transport: Arc<Transport>,
    endpoint: &'static Endpoint,
}

impl<'c> oauth2::AsyncHttpClient<'c> for Http {
    type Error = ApiError;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<HttpResponse, ApiError>> + Send + 'c>,
    >;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(call(self.transport.clone(), self.endpoint, request))
    }
}

/// One OAuth request through the transport; any non-200 becomes an
/// [`ApiError`] here, with RingCentral's `errorCode` intact.
async fn call(
    transport: Arc<Transport>,
    endpoint: &'static Endpoint,
    request: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (parts, body) = request.into_parts();
    let outgoing = Outgoing {
        endpoint,
        url: parts.uri.to_string(),
        headers: parts.headers,
        body,
        priority: Priority::Interactive,
    };
    let answer = transport.execute(&outgoing).await?;
    if answer.status != 200 {
        return Err(status_error(endpoint, &answer));
    }
    let mut response = HttpResponse::new(answer.body);
    *response.headers_mut() = answer.headers;
    Ok(response)
}

/// A token request whose answer was lost (timeout, dropped connection, a 5xx that may have
/// been handled) or cannot be read is [`ApiError::TokenLost`]: the tokens it may have produced
/// are unknown — a refresh token or code may be spent — but nothing the agent asked for went
/// with it. Other errors stay as they are.
fn lost(error: ApiError) -> ApiError {
    match error {
        ApiError::UnknownOutcome { operation } | ApiError::Malformed { operation, .. } => {
            ApiError::TokenLost { operation }
        }
        other => other,
    }
}

fn oauth_error(error: RequestTokenError<ApiError, impl oauth2::ErrorResponse>) -> ApiError {
    match error {
        RequestTokenError::Request(e) => e,
        RequestTokenError::ServerResponse(e) => ApiError::Malformed {
            operation: GET_TOKEN.operation,
            message: e.to_string(),
        },
        RequestTokenError::Parse(e, _) => ApiError::Malformed {
            operation: GET_TOKEN.operation,
            message: e.to_string(),
        },
        RequestTokenError::Other(message) => ApiError::Malformed {
            operation: GET_TOKEN.operation,
            message,
        },
    }
}

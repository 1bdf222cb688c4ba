//! `application/x-www-form-urlencoded` bodies of the OAuth endpoints.

use crate::api_error::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use std::collections::HashMap;

/// A parsed form (first value of each field) plus the request headers.
#[derive(Debug, Default)]
pub struct Form {
    fields: HashMap<String, String>,
    /// The request headers (for client authentication).
    pub headers: HeaderMap,
}

impl Form {
    /// Parses a form body.
    pub fn parse(bytes: &[u8], headers: HeaderMap) -> Self {
        let mut fields = HashMap::new();
        for (k, v) in url::form_urlencoded::parse(bytes) {
            fields
                .entry(k.into_owned())
                .or_insert_with(|| v.into_owned());
        }
        Self { fields, headers }
    }

    /// A non-empty field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Every field, as name/value pairs.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = self
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        pairs.sort();
        pairs
    }

    /// A required field, or `invalid_request`.
    pub fn require(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name).ok_or_else(|| {
            ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "OAU-101",
                format!("Parameter [{name}] is required"),
            )
            .with_parameter(name, None)
        })
    }
}

impl<S: Send + Sync> FromRequest<S> for Form {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let query = req.uri().query().unwrap_or("").to_owned();
        let is_form = content_type
            .to_ascii_lowercase()
            .starts_with("application/x-www-form-urlencoded");
        if !is_form && !content_type.is_empty() {
            return Err(ApiError::oauth(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "invalid_request",
                "OAU-250",
                format!("Unsupported Media Type [{content_type}]"),
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            let status = if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            };
            ApiError::oauth(
                status,
                "invalid_request",
                "OAU-101",
                "Request body could not be read",
            )
        })?;
        let mut form = Self::parse(&bytes, headers);
        // Query parameters fill in what the body lacks (e.g. `?token=` on revoke).
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            form.fields
                .entry(k.into_owned())
                .or_insert_with(|| v.into_owned());
        }
        Ok(form)
    }
}

//! RingCentral's error answers. Every failure the simulator sends goes through [`ApiError`], so
//! clients always see the body shape the spec names for that status:
//! `{"errorCode", "message", "errors": [{"errorCode", "message", "parameterName"?, "parameterValue"?}]}`,
//! the OAuth shape `{"error", "error_description", "errors": [...]}`, or the directory's
//! `ADGErrorResponse`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// Which error body family a failure uses.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shape {
    /// `ApiErrorResponseModel` / `ParameterizedErrorResponseModel`.
    Standard,
    /// `OauthInvalidRequest` with the RFC 6749 `error` code.
    OAuth(&'static str),
    /// `ADGErrorResponse` (company directory).
    Directory,
}

/// A RingCentral error response (boxed: errors travel through many `Result`s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError(Box<Detail>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Detail {
    status: StatusCode,
    code: String,
    message: String,
    parameter: Option<(String, Option<String>)>,
    shape: Shape,
    retry_after: Option<u64>,
}

impl ApiError {
    /// A standard error with a status, an `errorCode` and a message.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self(Box::new(Detail {
            status,
            code: code.to_owned(),
            message: message.into(),
            parameter: None,
            shape: Shape::Standard,
            retry_after: None,
        }))
    }

    /// An OAuth endpoint error: RFC 6749 `error` plus RingCentral's `OAU-` code.
    pub fn oauth(
        status: StatusCode,
        error: &'static str,
        code: &str,
        message: impl Into<String>,
    ) -> Self {
        let mut e = Self::new(status, code, message);
        e.0.shape = Shape::OAuth(error);
        e
    }

    /// A company-directory (`ADG-`) error.
    pub fn directory(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new(status, code, message);
        e.0.shape = Shape::Directory;
        e
    }

    /// Names the offending parameter (and its value when known).
    pub fn with_parameter(mut self, name: &str, value: Option<&str>) -> Self {
        self.0.parameter = Some((name.to_owned(), value.map(str::to_owned)));
        self
    }

    /// 400 `CMN-101` "Parameter [name] value is invalid".
    pub fn invalid_parameter(name: &str, value: Option<&str>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "CMN-101",
            format!("Parameter [{name}] value is invalid"),
        )
        .with_parameter(name, value)
    }

    /// 400 `CMN-101` "Parameter [name] is required".
    pub fn missing_parameter(name: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "CMN-101",
            format!("Parameter [{name}] is required"),
        )
        .with_parameter(name, None)
    }

    /// 404 `CMN-102` "Resource for parameter [name] is not found".
    pub fn not_found(name: &str, value: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "CMN-102",
            format!("Resource for parameter [{name}] is not found"),
        )
        .with_parameter(name, Some(value))
    }

    /// 429 `CMN-301` "Request rate exceeded" with `Retry-After`.
    pub fn rate_limited(retry_after: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "CMN-301",
            "Request rate exceeded",
        );
        e.0.retry_after = Some(retry_after);
        e
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// The RingCentral `errorCode`.
    #[cfg(test)]
    pub fn code(&self) -> &str {
        &self.0.code
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        let d = &self.0;
        let mut entry = json!({ "errorCode": d.code, "message": d.message });
        if let Some((name, value)) = &d.parameter {
            entry["parameterName"] = json!(name);
            if let (Some(value), Shape::Standard) = (value, &d.shape) {
                entry["parameterValue"] = json!(value);
            }
        }
        match &d.shape {
            Shape::Standard => json!({
                "errorCode": d.code,
                "message": d.message,
                "errors": [entry],
            }),
            Shape::OAuth(error) => json!({
                "error": error,
                "error_description": d.message,
                "errors": [entry],
            }),
            Shape::Directory => json!({ "errors": [entry] }),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = self.body().to_string();
        let mut response = (self.0.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(seconds) = self.0.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_error_names_the_parameter() {
        let body = ApiError::invalid_parameter("perPage", Some("abc")).body();
        assert_eq!(
            body["errors"][0]["errorCode"], "CMN-101",
            "invalid parameters are CMN-101"
        );
        assert_eq!(
            body["errors"][0]["parameterName"], "perPage",
            "the parameter is named"
        );
        assert_eq!(
            body["errors"][0]["parameterValue"], "abc",
            "and its value echoed"
        );
    }

    #[test]
    fn oauth_error_has_rfc6749_code_and_description() {
        let body = ApiError::oauth(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "OAU-211",
            "Token revoked",
        )
        .body();
        assert_eq!(body["error"], "invalid_grant", "RFC 6749 code");
        assert_eq!(
            body["error_description"], "Token revoked",
            "SDKs read error_description"
        );
        assert_eq!(
            body["errors"][0]["errorCode"], "OAU-211",
            "RingCentral code inside errors[]"
        );
    }
}

//! JSON request bodies with RingCentral's answers for bad ones: 415 for another media type, 413
//! past the body limit, `CMN-103` for unparsable JSON and `CMN-101` (naming the field) for wrong
//! types or missing fields.

use crate::api_error::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

/// A JSON body deserialized into `T`.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/json");
        if !content_type.to_ascii_lowercase().contains("json") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "CMN-415",
                format!("Unsupported Media Type [{content_type}]"),
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "CMN-104",
                    "Request entity is too large",
                )
            } else {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "CMN-104",
                    "Request body could not be read",
                )
            }
        })?;
        parse(&bytes).map(JsonBody)
    }
}

/// Parses JSON bytes into `T` with RingCentral-style errors.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "CMN-103",
            "Request body is not valid JSON",
        )
    })?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let name = match inner.split_once("missing field `") {
            Some((_, rest)) if path == "." => rest.split('`').next().unwrap_or("body").to_owned(),
            Some((_, rest)) => format!("{path}.{}", rest.split('`').next().unwrap_or("")),
            None if path == "." => "body".to_owned(),
            None => path,
        };
        ApiError::invalid_parameter(&name, None)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Sms {
        text: String,
        to: Vec<To>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct To {
        #[serde(rename = "phoneNumber")]
        phone_number: String,
    }

    #[test]
    fn errors_name_the_field() {
        let missing = parse::<Sms>(br#"{"to":[]}"#).err().map(|e| e.body());
        assert_eq!(
            missing.map(|b| b["errors"][0]["parameterName"].clone()),
            Some("text".into()),
            "missing field is named"
        );
        let wrong = parse::<Sms>(br#"{"text":"x","to":[{"phoneNumber":5}]}"#)
            .err()
            .map(|e| e.body());
        assert_eq!(
            wrong.map(|b| b["errors"][0]["parameterName"].clone()),
            Some("to[0].phoneNumber".into()),
            "wrong type names the path"
        );
        let garbage = parse::<Sms>(b"{not json")
            .err()
            .map(|e| e.code().to_owned());
        assert_eq!(garbage.as_deref(), Some("CMN-103"), "unparsable JSON");
    }
}

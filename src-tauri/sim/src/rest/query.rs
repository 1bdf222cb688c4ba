//! Query parameters as RingCentral reads them: repeated keys for arrays
//! (`messageType=SMS&messageType=Pager`), typed values, and `CMN-101` for bad ones.

use crate::api_error::ApiError;
use crate::time_fmt;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use std::convert::Infallible;

/// The parsed query string of a request.
#[derive(Clone, Debug, Default)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for Query {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::parse(parts.uri.query().unwrap_or("")))
    }
}

impl Query {
    /// Parses a raw query string.
    pub fn parse(raw: &str) -> Self {
        Self {
            pairs: url::form_urlencoded::parse(raw.as_bytes())
                .into_owned()
                .collect(),
        }
    }

    /// The first value of `name`.
    pub fn one(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name` (repeated keys; comma-separated values are split too).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// An integer in `min..=max`.
    pub fn int(&self, name: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        let Some(raw) = self.one(name) else {
            return Ok(None);
        };
        match raw.parse::<i64>() {
            Ok(v) if (min..=max).contains(&v) => Ok(Some(v)),
            _ => Err(ApiError::invalid_parameter(name, Some(raw))),
        }
    }

    /// A boolean (`true` / `false`).
    pub fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.one(name) {
            None => Ok(None),
            Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(v) => Err(ApiError::invalid_parameter(name, Some(v))),
        }
    }

    /// An ISO 8601 date-time.
    pub fn date(&self, name: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
        match self.one(name) {
            None => Ok(None),
            Some(v) => time_fmt::parse(v)
                .map(Some)
                .ok_or_else(|| ApiError::invalid_parameter(name, Some(v))),
        }
    }

    /// Every value of an enum array parameter; each must be one of `allowed`.
    pub fn enums(&self, name: &str, allowed: &[&str]) -> Result<Vec<String>, ApiError> {
        self.all(name)
            .into_iter()
            .map(|v| {
                if allowed.contains(&v) {
                    Ok(v.to_owned())
                } else {
                    Err(ApiError::invalid_parameter(name, Some(v)))
                }
            })
            .collect()
    }

    /// A single enum value.
    pub fn one_of(&self, name: &str, allowed: &[&str]) -> Result<Option<String>, ApiError> {
        match self.one(name) {
            None => Ok(None),
            Some(v) if allowed.contains(&v) => Ok(Some(v.to_owned())),
            Some(v) => Err(ApiError::invalid_parameter(name, Some(v))),
        }
    }

    /// The query string with `name` set to `value` (other parameters kept, in order).
    pub fn with(&self, name: &str, value: &str) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        let mut replaced = false;
        for (k, v) in &self.pairs {
            if k == name {
                if !replaced {
                    out.append_pair(k, value);
                    replaced = true;
                }
            } else {
                out.append_pair(k, v);
            }
        }
        if !replaced {
            out.append_pair(name, value);
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_types_and_rebuilding() {
        let q = Query::parse("messageType=SMS&messageType=Pager&page=2&perPage=abc&flag=true");
        assert_eq!(
            q.all("messageType"),
            vec!["SMS", "Pager"],
            "repeated keys form an array"
        );
        assert_eq!(
            q.int("page", 1, 1000).ok().flatten(),
            Some(2),
            "integers parse"
        );
        assert_eq!(
            q.int("perPage", 1, 1000)
                .err()
                .map(|e| e.code().to_owned())
                .as_deref(),
            Some("CMN-101"),
            "wrong types are CMN-101"
        );
        assert_eq!(q.bool("flag").ok().flatten(), Some(true), "booleans parse");
        assert!(
            q.with("page", "3").contains("page=3"),
            "navigation rebuilds the query"
        );
        assert!(
            q.enums("messageType", &["SMS"]).is_err(),
            "unknown enum values are refused"
        );
    }
}

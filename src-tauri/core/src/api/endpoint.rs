//! Endpoints as data: each RingCentral operation ringdesk uses names its method, path template,
//! rate-limit group and whether repeating it is safe.

use reqwest::Method;
use serde::Serialize;

/// RingCentral's rate-limit groups (`x-throttling-group`), each with its own per-minute budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Group {
    /// 50 requests a minute by default.
    Light,
    /// 40 requests a minute by default.
    Medium,
    /// 10 requests a minute by default.
    Heavy,
    /// 5 requests a minute by default (sign-in, refresh, revoke, WebSocket tokens).
    Auth,
}

impl Group {
    /// Every group, in a fixed order.
    pub const ALL: [Group; 4] = [Group::Light, Group::Medium, Group::Heavy, Group::Auth];

    /// RingCentral's documented default limit per window.
    pub fn default_limit(self) -> u32 {
        match self {
            Group::Light => 50,
            Group::Medium => 40,
            Group::Heavy => 10,
            Group::Auth => 5,
        }
    }

    /// Parses `X-Rate-Limit-Group` (any case).
    pub fn parse(name: &str) -> Option<Group> {
        Group::ALL
            .into_iter()
            .find(|g| g.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The spelling RingCentral uses.
    pub fn name(self) -> &'static str {
        match self {
            Group::Light => "Light",
            Group::Medium => "Medium",
            Group::Heavy => "Heavy",
            Group::Auth => "Auth",
        }
    }

    /// Position in [`Group::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Who is waiting for a request: a person (a call, a text) or a background job (sync).
///
/// Background requests never use the last fifth of a group's budget and wait while an
/// interactive request of the same group is waiting, so a sync can never starve a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Someone is watching: placing a call, sending a text, showing status.
    #[default]
    Interactive,
    /// Sync and other work nobody waits for.
    Background,
}

/// One RingCentral API operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The spec's `operationId`, used in errors and logs.
    pub operation: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path from the server root; each `{}` is filled with an id, in order.
    pub path: &'static str,
    /// The rate-limit group it counts against.
    pub group: Group,
    /// Whether sending it twice is harmless. Non-idempotent requests (RingOut create, SMS send)
    /// are never repeated after an ambiguous failure.
    pub idempotent: bool,
}

impl Endpoint {
    /// The path with its `{}` placeholders replaced by `ids` (percent-encoded).
    pub fn path_with(&self, ids: &[&str]) -> String {
        let mut out = String::with_capacity(self.path.len() + 16);
        let mut ids = ids.iter();
        let mut rest = self.path;
        while let Some(at) = rest.find("{}") {
            out.push_str(&rest[..at]);
            if let Some(id) = ids.next() {
                out.extend(url::form_urlencoded::byte_serialize(id.as_bytes()));
            }
            rest = &rest[at + 2..];
        }
        out.push_str(rest);
        out
    }
}

/// `/restapi/v1.0/account/~/extension/~` followed by `$suffix`.
macro_rules! ext_path {
    ($suffix:literal) => {
        concat!("/restapi/v1.0/account/~/extension/~", $suffix)
    };
}
pub(crate) use ext_path;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_filled_in_and_encoded() {
        let endpoint = Endpoint {
            operation: "readRingOutCallStatus",
            method: Method::GET,
            path: ext_path!("/ring-out/{}"),
            group: Group::Light,
            idempotent: true,
        };
        assert_eq!(
            endpoint.path_with(&["12/3"]),
            "/restapi/v1.0/account/~/extension/~/ring-out/12%2F3",
            "an id cannot add path segments"
        );
        assert_eq!(Group::parse("light"), Some(Group::Light), "any case");
    }
}

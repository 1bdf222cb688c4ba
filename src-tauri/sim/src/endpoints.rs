//! Every simulated RingCentral operation with its rate-limit group, as data. The router registers
//! these paths, the gate looks the group up by matched path, and a test checks the table against
//! the spec's `x-throttling-group`.

use crate::rate_limit::Group;
use axum::http::Method;

/// One API operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// HTTP method.
    pub method: &'static str,
    /// Path template as in the spec (and axum): `{param}` segments.
    pub path: &'static str,
    /// The spec's `operationId`.
    pub operation: &'static str,
    /// Rate-limit group.
    pub group: Group,
    /// Whether a bearer token is required.
    pub bearer: bool,
}

/// `…/ext` + a suffix, as a literal.
macro_rules! ext {
    ($suffix:literal) => {
        concat!(
            "/restapi/v1.0/account/{accountId}/extension/{extensionId}",
            $suffix
        )
    };
}

macro_rules! ep {
    ($method:literal, $path:expr, $op:literal, $group:ident) => {
        ep!($method, $path, $op, $group, true)
    };
    ($method:literal, $path:expr, $op:literal, $group:ident, $bearer:expr) => {
        Endpoint {
            method: $method,
            path: $path,
            operation: $op,
            group: Group::$group,
            bearer: $bearer,
        }
    };
}

/// The table.
pub const ENDPOINTS: &[Endpoint] = &[
    ep!("GET", "/restapi/oauth/authorize", "authorize", Auth, false),
    ep!(
        "POST",
        "/restapi/oauth/authorize",
        "authorize2",
        Auth,
        false
    ),
    ep!("POST", "/restapi/oauth/token", "getToken", Auth, false),
    ep!("POST", "/restapi/oauth/revoke", "revokeToken", Auth, false),
    ep!("POST", "/restapi/oauth/wstoken", "authWsToken", Auth),
    ep!("GET", ext!(""), "readExtension", Light),
    ep!(
        "GET",
        ext!("/phone-number"),
        "listExtensionPhoneNumbers",
        Light
    ),
    ep!(
        "GET",
        ext!("/forwarding-number"),
        "listForwardingNumbers",
        Light
    ),
    ep!(
        "POST",
        ext!("/forwarding-number"),
        "createForwardingNumber",
        Medium
    ),
    ep!("GET", ext!("/caller-id"), "readExtensionCallerId", Light),
    ep!("POST", ext!("/ring-out"), "createRingOutCall", Heavy),
    ep!(
        "GET",
        ext!("/ring-out/{ringoutId}"),
        "readRingOutCallStatus",
        Light
    ),
    ep!(
        "DELETE",
        ext!("/ring-out/{ringoutId}"),
        "deleteRingOutCall",
        Heavy
    ),
    ep!("POST", ext!("/sms"), "createSMSMessage", Medium),
    ep!("GET", ext!("/message-store"), "listMessages", Light),
    ep!(
        "GET",
        ext!("/message-store/{messageId}"),
        "readMessage",
        Light
    ),
    ep!(
        "PUT",
        ext!("/message-store/{messageId}"),
        "updateMessage",
        Medium
    ),
    ep!(
        "PATCH",
        ext!("/message-store/{messageId}"),
        "patchMessage",
        Medium
    ),
    ep!(
        "DELETE",
        ext!("/message-store/{messageId}"),
        "deleteMessage",
        Medium
    ),
    ep!(
        "GET",
        ext!("/message-store/{messageId}/content/{attachmentId}"),
        "readMessageContent",
        Medium
    ),
    ep!("GET", ext!("/message-sync"), "syncMessages", Light),
    ep!("GET", ext!("/call-log"), "readUserCallLog", Heavy),
    ep!(
        "GET",
        ext!("/call-log/{callRecordId}"),
        "readUserCallRecord",
        Heavy
    ),
    ep!("GET", ext!("/call-log-sync"), "syncUserCallLog", Heavy),
    ep!("GET", ext!("/address-book/contact"), "listContacts", Heavy),
    ep!(
        "POST",
        ext!("/address-book/contact"),
        "createContact",
        Heavy
    ),
    ep!(
        "GET",
        ext!("/address-book/contact/{contactId}"),
        "readContact",
        Heavy
    ),
    ep!(
        "PUT",
        ext!("/address-book/contact/{contactId}"),
        "updateContact",
        Heavy
    ),
    ep!(
        "PATCH",
        ext!("/address-book/contact/{contactId}"),
        "patchContact",
        Heavy
    ),
    ep!(
        "DELETE",
        ext!("/address-book/contact/{contactId}"),
        "deleteContact",
        Heavy
    ),
    ep!("GET", ext!("/address-book-sync"), "syncAddressBook", Heavy),
    ep!(
        "GET",
        "/restapi/v1.0/account/{accountId}/directory/entries",
        "listDirectoryEntries",
        Medium
    ),
    ep!(
        "GET",
        "/restapi/v1.0/account/{accountId}/directory/entries/{entryId}",
        "readDirectoryEntry",
        Medium
    ),
    ep!(
        "POST",
        "/restapi/v1.0/account/{accountId}/directory/entries/search",
        "searchDirectoryEntries",
        Heavy
    ),
    ep!("GET", ext!("/presence"), "readUserPresenceStatus", Light),
    ep!("PUT", ext!("/presence"), "updateUserPresenceStatus", Medium),
    ep!(
        "GET",
        "/restapi/v1.0/subscription",
        "listSubscriptions",
        Light
    ),
    ep!(
        "POST",
        "/restapi/v1.0/subscription",
        "createSubscription",
        Medium
    ),
    ep!(
        "GET",
        "/restapi/v1.0/subscription/{subscriptionId}",
        "readSubscription",
        Light
    ),
    ep!(
        "PUT",
        "/restapi/v1.0/subscription/{subscriptionId}",
        "updateSubscription",
        Medium
    ),
    ep!(
        "DELETE",
        "/restapi/v1.0/subscription/{subscriptionId}",
        "deleteSubscription",
        Medium
    ),
    ep!(
        "POST",
        "/restapi/v1.0/subscription/{subscriptionId}/renew",
        "renewSubscription",
        Light
    ),
];

/// The endpoint for a method and matched path template.
pub fn find(method: &Method, path: &str) -> Option<&'static Endpoint> {
    ENDPOINTS
        .iter()
        .find(|e| e.method == method.as_str() && e.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_is_resolved_and_unique() {
        for e in ENDPOINTS {
            assert!(
                e.path.starts_with("/restapi/"),
                "{} has a real path",
                e.operation
            );
        }
        let mut keys: Vec<_> = ENDPOINTS.iter().map(|e| (e.method, e.path)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), ENDPOINTS.len(), "no duplicate (method, path)");
    }
}

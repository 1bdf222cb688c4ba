//! What a client needs to talk to a running simulator; printed as the startup JSON line.

use serde::{Deserialize, Serialize};

/// Connection details and credentials of a running simulator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimCredentials {
    /// Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub server_url: String,
    /// The simulated app's client id.
    pub client_id: String,
    /// The simulated app's client secret.
    pub client_secret: String,
    /// A non-expiring JWT credential for the seeded user (`jwt-bearer` grant).
    pub jwt: String,
    /// The seeded user's extension id.
    pub extension_id: String,
    /// The account's main company number (E.164).
    pub main_number: String,
}

impl SimCredentials {
    /// The one-line JSON the binary prints on startup.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

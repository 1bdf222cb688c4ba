//! SMS consent records (`/restapi/v2/accounts/~/sms/consents`, app permission `SMS`): who opted
//! out of (or back in to) texts from the account's numbers, as RingCentral keeps it.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::endpoint::{Endpoint, Group};
use super::{ApiError, Call, Client};

/// `searchSmsConsentRecords` (a search: a POST that changes nothing, safe to repeat).
pub const SEARCH_CONSENTS: Endpoint = Endpoint {
    operation: "searchSmsConsentRecords",
    method: Method::POST,
    path: "/restapi/v2/accounts/~/sms/consents/search",
    group: Group::Light,
    idempotent: true,
};

/// Records asked per page (RingCentral's most).
const PER_PAGE: u32 = 1000;
/// At most this many pages are read (a million records): a server that never stops paging
/// cannot keep ringdesk reading.
const MOST_PAGES: usize = 1000;

/// `SearchSmsConsentRecordsRequest`, the fields ringdesk sends.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchRequest<'a> {
    per_page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_token: Option<&'a str>,
}

/// `SmsOptRecord`: one recipient's consent for one business number (`*` for all of them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ConsentRecord {
    /// The business number, or `*` for every number of the account.
    pub from: Option<String>,
    /// The recipient.
    pub to: String,
    /// `OptOut` or `OptIn`.
    pub opt_status: String,
    /// `Recipient`, `Api`, `Upstream` or `Carrier`.
    pub source: Option<String>,
    /// When it last changed.
    pub last_modified_time: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Paging {
    next_page_token: Option<String>,
}

/// `OptRecordList`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RecordPage {
    records: Vec<ConsentRecord>,
    paging: Paging,
}

/// searchSmsConsentRecords — POST …/sms/consents/search, every page: all the account's
/// consent records.
pub async fn all_consents(client: &Client) -> Result<Vec<ConsentRecord>, ApiError> {
    let mut records = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..MOST_PAGES {
        let request = SearchRequest {
            per_page: PER_PAGE,
            page_token: token.as_deref(),
        };
        let page: RecordPage = client
            .fetch(Call::new(&SEARCH_CONSENTS, &[]).json(&request))
            .await?;
        records.extend(page.records);
        match page.paging.next_page_token.filter(|next| !next.is_empty()) {
            Some(next) if Some(&next) != token.as_ref() => token = Some(next),
            _ => break,
        }
    }
    Ok(records)
}

//! Paging that follows `navigation.nextPage.uri`, one page at a time, so a sync can write each
//! page to SQLite before asking for the next (nothing is collected).

use std::marker::PhantomData;

use futures_util::Stream;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::client::{Call, Client};
use super::error::ApiError;

/// `paging`: where this page sits.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Paging {
    /// 1-based page number.
    pub page: Option<u64>,
    /// Records per page.
    pub per_page: Option<u64>,
    /// Total pages, when the server counts them.
    pub total_pages: Option<u64>,
    /// Total records, when the server counts them.
    pub total_elements: Option<u64>,
}

/// A link in `navigation`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageLink {
    /// Absolute URI.
    pub uri: String,
}

/// `navigation`: links to neighbouring pages.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Navigation {
    /// The next page, absent on the last one.
    pub next_page: Option<PageLink>,
}

/// One page of a list answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
pub struct Page<T> {
    /// The records of this page.
    pub records: Vec<T>,
    /// Where it sits.
    #[serde(default)]
    pub paging: Paging,
    /// Links onwards.
    #[serde(default)]
    pub navigation: Navigation,
}

/// The pages of a list, fetched on demand.
#[derive(Debug)]
pub struct Pages<T> {
    client: Client,
    next: Option<Call>,
    records: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Pages<T> {
    /// Pages starting with `first`.
    pub fn new(client: Client, first: Call) -> Self {
        Self {
            client,
            next: Some(first),
            records: PhantomData,
        }
    }

    /// The next page, or `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<Page<T>>, ApiError> {
        let Some(call) = self.next.take() else {
            return Ok(None);
        };
        let page: Page<T> = self.client.fetch(call.clone()).await?;
        self.next = page
            .navigation
            .next_page
            .as_ref()
            .filter(|_| !page.records.is_empty())
            .map(|link| call.at(link.uri.clone()));
        Ok(Some(page))
    }

    /// The same pages as a stream.
    pub fn into_stream(self) -> impl Stream<Item = Result<Page<T>, ApiError>> {
        futures_util::stream::unfold(Some(self), |state| async move {
            let mut pages = state?;
            match pages.next_page().await {
                Ok(Some(page)) => Some((Ok(page), Some(pages))),
                Ok(None) => None,
                Err(e) => Some((Err(e), None)),
            }
        })
    }
}

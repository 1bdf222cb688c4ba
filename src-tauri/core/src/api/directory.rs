//! The company directory.

use reqwest::Method;

use super::endpoint::{Endpoint, Group, Priority};
use super::models::DirectoryEntry;
use super::paging::Pages;
use super::Call;
use super::Client;

/// `listDirectoryEntries`.
pub const LIST_DIRECTORY: Endpoint = Endpoint {
    operation: "listDirectoryEntries",
    method: Method::GET,
    path: "/restapi/v1.0/account/~/directory/entries",
    group: Group::Medium,
    idempotent: true,
};

/// listDirectoryEntries — GET /restapi/v1.0/account/~/directory/entries, as pages.
///
/// The directory answers without `navigation`; pages are requested by number until one comes
/// back short.
pub fn list_directory(client: &Client, per_page: u32, priority: Priority) -> DirectoryPages {
    DirectoryPages {
        client: client.clone(),
        per_page: per_page.clamp(1, 2000),
        page: 1,
        done: false,
        priority,
    }
}

/// Pages of the directory.
#[derive(Debug)]
pub struct DirectoryPages {
    client: Client,
    per_page: u32,
    page: u32,
    done: bool,
    priority: Priority,
}

impl DirectoryPages {
    /// The next page of entries, or `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<Vec<DirectoryEntry>>, super::ApiError> {
        if self.done {
            return Ok(None);
        }
        let call = Call::new(&LIST_DIRECTORY, &[])
            .query("page", self.page)
            .query("perPage", self.per_page)
            .priority(self.priority);
        let mut pages: Pages<DirectoryEntry> = Pages::new(self.client.clone(), call);
        let page = pages.next_page().await?;
        let records = page.map(|p| p.records).unwrap_or_default();
        self.done = records.len() < self.per_page as usize;
        self.page += 1;
        Ok(Some(records))
    }
}

//! `ringdesk contacts [--search Q]`: contacts from the local cache.

use ringdesk_core::app::ContactQuery;
use serde_json::json;

use super::Context;

/// Flags of `contacts`.
#[derive(Debug, clap::Args)]
pub struct ContactsArgs {
    /// Only contacts matching this (names, company, e-mail, numbers in any format).
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
    /// At most this many contacts.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
}

/// Prints the contacts.
pub async fn run(context: &Context, args: ContactsArgs) -> i32 {
    let page = match context.desk.contact_entries(&ContactQuery {
        search: args.search,
        limit: args.limit.max(1),
        ..ContactQuery::default()
    }) {
        Ok(page) => page,
        Err(error) => return context.fail(error),
    };
    context
        .output
        .emit(&json!({ "contacts": page.contacts, "more": page.next.is_some() }));
    for contact in &page.contacts {
        let numbers: Vec<&str> = contact.numbers.iter().map(|n| n.key.as_str()).collect();
        context.output.say(format!(
            "{:<28} {:<22} {:<9} {}",
            contact.display_name(),
            contact.company,
            contact.source,
            numbers.join(", ")
        ));
    }
    if page.contacts.is_empty() {
        context.output.say("No contacts in the cache match.");
    }
    0
}

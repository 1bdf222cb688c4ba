//! What the agent types into the dial view: the live preview of a number, suggestions from
//! contacts and recent calls, and the "ring me at" and caller-ID pickers.

use crate::api::phone_numbers::{list_forwarding_numbers, list_phone_numbers};
use crate::calls::phone_noun;
use crate::phone::{self, Country, NormalizedNumber};
use crate::store::ContactRef;

use super::super::format::format_key;
use super::super::{CallOptions, Choice, Desk, Error, NumberPreview, Suggestion};

impl Desk {
    /// What `text` would dial: normalised, formatted, its country and matched contact, or why
    /// it cannot be dialed. Pure reading: nothing is sent.
    pub async fn preview_number(&self, text: &str) -> NumberPreview {
        self.number_preview(text)
    }

    /// [`Desk::preview_number`] without the `async` (it reads only the cache).
    pub(crate) fn number_preview(&self, text: &str) -> NumberPreview {
        let country = self.home();
        match phone::parse_input(text).and_then(|t| phone::normalize(&t, country)) {
            Ok(number) => {
                let contact = self.contact_for(&number);
                NumberPreview::of(text, &number, country, contact)
            }
            Err(error) => NumberPreview::refused(text, &error),
        }
    }

    /// Contacts and recent numbers matching what the agent is typing (at most `limit`).
    pub fn suggest(&self, text: &str, limit: usize) -> Result<Vec<Suggestion>, Error> {
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        self.with_cache(|store| {
            let found = store.search(text, limit)?;
            let mut out: Vec<Suggestion> = Vec::new();
            for contact in &found.contacts {
                for number in contact.numbers.iter().filter(|n| n.key.starts_with('+')) {
                    out.push(Suggestion {
                        name: Some(contact.display_name()),
                        display: format_key(&number.key),
                        dial: number.key.clone(),
                        detail: Some(if contact.company.is_empty() {
                            number.label.clone()
                        } else {
                            contact.company.clone()
                        }),
                    });
                }
            }
            for call in &found.calls {
                let Some(key) = call.peer.key.clone().filter(|k| k.starts_with('+')) else {
                    continue;
                };
                if out.iter().any(|s| s.dial == key) {
                    continue;
                }
                out.push(Suggestion {
                    name: (!call.peer.name.is_empty())
                        .then(|| call.peer.display_name().to_string()),
                    display: format_key(&key),
                    dial: key,
                    detail: Some("recent".into()),
                });
            }
            out.truncate(limit);
            Ok(out)
        })
    }

    /// The agent's phones ("ring me at") and the numbers that may be shown as caller ID.
    pub async fn call_options(&self) -> Result<CallOptions, Error> {
        let policy = self.policy()?.policy;
        let live = self.live().await?;
        let client = live.connection.client();
        let forwarding = list_forwarding_numbers(client).await?;
        let numbers = list_phone_numbers(client).await?;
        let settings = self.profile_settings_in_force()?;
        let allowed =
            |list: &[String], number: &str| list.is_empty() || list.iter().any(|a| a == number);
        // Under the policy's list the choice is the number itself, so that what is picked can be
        // checked against the list; else the forwarding number's id.
        let ring_me_at: Vec<Choice> = forwarding
            .iter()
            .filter(|f| allowed(&policy.allowed_ring_me_at, &f.phone_number))
            .map(|f| Choice {
                value: if policy.allowed_ring_me_at.is_empty() {
                    f.id.clone()
                } else {
                    f.phone_number.clone()
                },
                label: format!(
                    "{} · {}",
                    phone_noun(f.label.as_deref(), f.kind.as_deref()),
                    format_key(&f.phone_number)
                ),
            })
            .collect();
        Ok(CallOptions {
            selected_ring_me_at: settings
                .ring_me_at
                .or_else(|| ring_me_at.first().map(|f| f.value.clone())),
            ring_me_at,
            caller_ids: numbers
                .iter()
                .filter(|n| n.has("CallerId"))
                .filter(|n| allowed(&policy.allowed_caller_ids, &n.phone_number))
                .map(|n| Choice {
                    value: n.phone_number.clone(),
                    label: format!(
                        "{} · {}",
                        format_key(&n.phone_number),
                        n.label.clone().unwrap_or_else(|| "company number".into())
                    ),
                })
                .collect(),
            selected_caller_id: settings.caller_id,
        })
    }

    /// The contact with exactly this number, from the cache.
    pub(crate) fn contact_for(&self, number: &NormalizedNumber) -> Option<ContactRef> {
        let key = number.match_key().to_string();
        self.with_cache(|store| Ok(store.search(number.e164(), 3)?))
            .ok()?
            .contacts
            .into_iter()
            .find(|c| c.numbers.iter().any(|n| n.key == key))
            .map(|c| ContactRef {
                name: c.display_name(),
                id: c.id,
            })
    }

    /// The country for numbers typed without `+`: the account's, else the profile's.
    pub(crate) fn home(&self) -> Country {
        match self.home.read() {
            Ok(home) => *home,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }
}

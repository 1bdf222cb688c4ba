//! Seed data: realistic people, messages, contacts and (lazy) call history, all derived from the
//! seed so that a given `--seed` always produces the same account.

pub mod call_log;
pub mod people;
pub mod team;

use crate::state::contacts::{Address, AddressBook, ContactFields};
use crate::state::messages::{MessageStore, Party};
use chrono::{DateTime, Duration, Utc};
use people::{nth, pool};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

const COMPANIES: [&str; 10] = [
    "Northwind Traders",
    "Contoso Ltd",
    "Globex",
    "Initech",
    "Umbrella Foods",
    "Stark Logistics",
    "Wayne Media",
    "Acme Supplies",
    "Hooli",
    "Vandelay Industries",
];
const TITLES: [&str; 6] = [
    "Purchasing Manager",
    "CTO",
    "Office Manager",
    "Buyer",
    "Operations Lead",
    "Founder",
];
const INBOUND: [&str; 10] = [
    "Hi, can you call me back about the quote?",
    "Is the delivery still on for Thursday?",
    "Thanks for your help today!",
    "Running 10 minutes late, sorry.",
    "Could you send the invoice again?",
    "Got it, thanks 👍",
    "What time works for a quick call tomorrow?",
    "The new units arrived, all good.",
    "Please call me when you have a minute.",
    "Can we move our meeting to 3pm?",
];
const OUTBOUND: [&str; 8] = [
    "Sure, I'll call you in 5 minutes.",
    "Yes, Thursday before noon.",
    "You're welcome!",
    "No problem, see you soon.",
    "Sent it again just now.",
    "How about 10:30?",
    "Great to hear.",
    "3pm works for me.",
];

/// `count` personal contacts: persons `0..count` of the seeded population.
pub fn contacts(
    seed: u64,
    count: usize,
    now: DateTime<Utc>,
    rng: &mut ChaCha8Rng,
    first_id: i64,
) -> AddressBook {
    let mut book = AddressBook::new(first_id);
    for k in 0..count {
        let p = nth(seed, k as u64);
        let company = COMPANIES[rng.random_range(0..COMPANIES.len())];
        let email: String = format!(
            "{}.{}@{}.example",
            p.first,
            p.last,
            company.split(' ').next().unwrap_or("mail")
        )
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '@'))
        .collect();
        let mobile = rng.random_bool(0.6);
        let fields = ContactFields {
            first_name: Some(p.first.clone()),
            last_name: Some(p.last.clone()),
            company: Some(company.to_owned()),
            job_title: Some(TITLES[rng.random_range(0..TITLES.len())].to_owned()),
            email: Some(email),
            mobile_phone: mobile.then(|| p.phone.clone()),
            business_phone: (!mobile).then(|| p.phone.clone()),
            business_address: rng.random_bool(0.3).then(|| Address {
                city: Some(p.location.clone()),
                country: Some(p.country.to_owned()),
                ..Address::default()
            }),
            ..ContactFields::default()
        };
        let age = Duration::minutes(rng.random_range(60..60 * 24 * 365));
        book.create(fields, now - age);
    }
    book
}

/// The `k`-th customer text of demo mode: who sends it and what it says.
pub fn demo_text(seed: u64, contacts: usize, k: u64) -> (people::Person, &'static str) {
    let person = nth(seed, k.wrapping_mul(7) % pool(contacts).min(40));
    (person, INBOUND[(k as usize) % INBOUND.len()])
}

/// `count` SMS messages in threads with seeded people, denser towards now (so the default
/// 24-hour message-store window is never empty), oldest first.
pub fn messages(
    seed: u64,
    count: usize,
    contacts: usize,
    own: &str,
    now: DateTime<Utc>,
    rng: &mut ChaCha8Rng,
    first_id: i64,
) -> MessageStore {
    let mut store = MessageStore::new(first_id);
    let pool = pool(contacts);
    let mut times: Vec<DateTime<Utc>> = (0..count)
        .map(|_| {
            let x: f64 = rng.random();
            now - Duration::seconds((x * x * 30.0 * 86_400.0) as i64 + 30)
        })
        .collect();
    times.sort();
    for (i, at) in times.into_iter().enumerate() {
        let other = nth(seed, rng.random_range(0..pool.min(40)));
        let them = Party {
            name: Some(other.name()),
            location: Some(other.location.clone()),
            ..Party::number(&other.phone)
        };
        let us = Party::number(own);
        if rng.random_bool(0.55) {
            let read = now - at > Duration::hours(6) || rng.random_bool(0.3);
            store.receive(them, us, INBOUND[i % INBOUND.len()], at, read);
        } else {
            store.send(us, vec![them], OUTBOUND[i % OUTBOUND.len()], at, true);
        }
    }
    store
}

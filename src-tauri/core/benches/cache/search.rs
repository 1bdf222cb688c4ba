//! Search as you type over a large generated cache.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use ringdesk_core::phone::Country;
use ringdesk_core::store::{
    CallParty, CallRecord, ContactNumber, ContactRecord, ContactSource, Direction, MessageParty,
    MessageRecord, Store, TeamChat, TeamPost,
};

use crate::ms;

/// A deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Chen",
    "Aisha",
    "Mateo",
    "Sofia",
    "Hiroshi",
    "Olga",
    "Ravi",
    "Fatima",
];
const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Nakamura",
    "Okafor",
    "Novak",
    "Kowalski",
    "Schmidt",
    "Rossi",
    "Dubois",
    "Silva",
];
const COMPANY: &[&str] = &[
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Wonka",
    "Soylent",
    "Cyberdyne",
    "Tyrell",
    "Aperture",
    "Vandelay",
    "Pied Piper",
    "Dunder Mifflin",
    "Oscorp",
];
const WORDS: &[&str] = &[
    "invoice",
    "meeting",
    "tomorrow",
    "call",
    "back",
    "please",
    "thanks",
    "order",
    "shipping",
    "delivery",
    "contract",
    "renewal",
    "quote",
    "price",
    "schedule",
    "confirm",
    "available",
    "question",
    "support",
    "ticket",
    "urgent",
    "payment",
    "received",
    "update",
    "office",
];
const AREAS: &[&str] = &[
    "415", "212", "312", "617", "206", "305", "512", "646", "702", "808",
];

fn number(i: u64) -> String {
    let area = AREAS[(i % AREAS.len() as u64) as usize];
    format!("+1{area}{:03}{:04}", 200 + (i / 10_000) % 700, i % 10_000)
}

fn build_search_cache(store: &mut Store) {
    let mut rng = Rng(7);
    let base = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("date");
    let mut batch = store.batch().expect("batch");
    for i in 0..50_000u64 {
        let contact = ContactRecord {
            remote_id: Some(i.to_string()),
            first_name: rng.pick(FIRST).into(),
            last_name: rng.pick(LAST).into(),
            company: rng.pick(COMPANY).into(),
            email: format!("user{i}@example.com"),
            numbers: vec![ContactNumber {
                number: number(i),
                label: "mobile".into(),
            }],
            ..ContactRecord::default()
        };
        batch
            .put_contact(ContactSource::Personal, &contact, 1)
            .expect("contact");
    }
    batch.commit().expect("commit");
    let own = CallParty {
        number: Some("+16505550101".into()),
        extension: Some("101".into()),
        name: Some("Agent".into()),
    };
    for chunk in 0..50u64 {
        let mut batch = store.batch().expect("batch");
        for j in 0..10_000u64 {
            let i = chunk * 10_000 + j;
            // Most calls are with contacts; some with numbers nobody saved.
            let who = rng.next() % 60_000;
            let them = CallParty {
                number: Some(number(who)),
                extension: None,
                name: (who >= 50_000)
                    .then(|| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)).to_uppercase()),
            };
            let inbound = rng.next().is_multiple_of(2);
            let call = CallRecord {
                id: format!("C{i}"),
                session_id: i.to_string(),
                start: base + chrono::Duration::seconds(i as i64 * 30),
                duration_secs: (rng.next() % 900) as u32,
                direction: if inbound {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                kind: "Voice".into(),
                action: "Phone Call".into(),
                result: if inbound && rng.next().is_multiple_of(5) {
                    "Missed"
                } else {
                    "Accepted"
                }
                .into(),
                from: if inbound { them.clone() } else { own.clone() },
                to: if inbound { own.clone() } else { them },
                legs: Vec::new(),
                raw: None,
            };
            batch.put_call(&call).expect("call");
        }
        batch.commit().expect("commit");
    }
    for chunk in 0..20u64 {
        let mut batch = store.batch().expect("batch");
        for j in 0..10_000u64 {
            let i = chunk * 10_000 + j;
            let who = rng.next() % 60_000;
            let inbound = rng.next().is_multiple_of(2);
            let them = MessageParty {
                number: number(who),
                name: None,
            };
            let us = MessageParty {
                number: "+16505550101".into(),
                name: None,
            };
            let text = (0..6)
                .map(|_| rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" ");
            let at = base + chrono::Duration::seconds(i as i64 * 75);
            let message = MessageRecord {
                id: 1_000_000 + i as i64,
                conversation_id: who as i64,
                direction: if inbound {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                created: at,
                modified: at,
                from: if inbound { them.clone() } else { us.clone() },
                to: vec![if inbound { us } else { them }],
                text,
                read: !inbound || !rng.next().is_multiple_of(3),
                status: "Delivered".into(),
                delivery_error: None,
                deleted: false,
                raw: None,
            };
            batch.put_message(&message).expect("message");
        }
        batch.commit().expect("commit");
    }
}

/// Team chat posts in the search cache.
const POSTS: u64 = 200_000;

/// 200 000 team chat posts in 40 chats, a few days of a busy support team's history each.
fn build_posts(store: &mut Store, rng: &mut Rng, base: chrono::DateTime<Utc>) {
    let chats: Vec<TeamChat> = (0..40u64)
        .map(|i| TeamChat {
            id: format!("chat-{i}"),
            kind: if i % 4 == 0 { "Team" } else { "Direct" }.into(),
            member: true,
            created: base,
            modified: base,
            ..TeamChat::default()
        })
        .collect();
    store.put_chats(&chats).expect("chats");
    for chunk in 0..POSTS / 10_000 {
        let posts: Vec<TeamPost> = (0..10_000u64)
            .map(|j| {
                let i = chunk * 10_000 + j;
                let at = base + chrono::Duration::seconds(i as i64 * 40);
                TeamPost {
                    remote_id: format!("P{i}"),
                    chat_id: format!("chat-{}", i % 40),
                    kind: "TextMessage".into(),
                    creator: (1000 + rng.next() % 30).to_string(),
                    text: (0..8)
                        .map(|_| rng.pick(WORDS))
                        .collect::<Vec<_>>()
                        .join(" "),
                    created: at,
                    modified: at,
                    ..TeamPost::default()
                }
            })
            .collect();
        store.put_posts(&posts).expect("posts");
    }
}

/// Builds the cache, then times every keystroke of the typed words.
pub fn benchmark() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let path = dir.path().join("search.sqlite3");
    let mut store = Store::open(&path, Country::from_iso_code("US").expect("US")).expect("cache");
    let started = Instant::now();
    build_search_cache(&mut store);
    let base = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("date");
    build_posts(&mut store, &mut Rng(11), base);
    let counts = store.counts().expect("counts");
    println!(
        "\n== search as you type ({} contacts, {} calls, {} messages, {POSTS} chat posts; built in {:.0} s) ==",
        counts.contacts,
        counts.calls,
        counts.messages,
        started.elapsed().as_secs_f64()
    );
    let typed = [
        "jennifer",
        "smith",
        "jo sm",
        "acme",
        "pied piper",
        "nakamura",
        "invoice",
        "renewal quote",
        "415",
        "(415) 2",
        "+1 212 205",
        "0199",
        "6172051234",
        "xyzzy",
    ];
    let mut all = Vec::new();
    let mut slowest: Vec<(Duration, &str)> = Vec::new();
    for _ in 0..10 {
        for word in typed {
            for end in word.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let query = &word[..end];
                let t = Instant::now();
                let found = store.search(query, 20).expect("search");
                let took = t.elapsed();
                all.push(took);
                slowest.push((took, query));
                std::hint::black_box(found);
            }
        }
    }
    all.sort();
    slowest.sort_by_key(|(took, _)| std::cmp::Reverse(*took));
    let mut seen = std::collections::HashSet::new();
    slowest.retain(|(_, q)| seen.insert(*q));
    let at = |p: f64| ms(all[((all.len() - 1) as f64 * p) as usize]);
    println!(
        "{} keystrokes: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (each: top 20 contacts, calls, messages and posts)",
        all.len(),
        at(0.50),
        at(0.99),
        ms(all[all.len() - 1])
    );
    let worst: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(took, q)| format!("{q:?} {:.1} ms", ms(*took)))
        .collect();
    println!("slowest keystrokes: {}", worst.join(", "));
}

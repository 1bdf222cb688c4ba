//! Team Messaging seed: the account's people (the agent, the colleagues of the directory and the
//! company website's service user), the company-wide chat, teams (one the agent is in, a public
//! one to join), direct and group chats with colleagues, and a dedicated chat per customer
//! conversation that the website opened with the agent and posts the customer's words into — a
//! few days of history, the same for a given seed.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::state::directory::Entry;
use crate::state::team::posts::NewPost;
use crate::state::team::{NewTeam, TeamMessaging};

/// The website's service user: a person of the account that only posts.
pub const WEBSITE_ID: &str = "69999999901";

const CHATTER: [&str; 12] = [
    "Can someone take the Contoso renewal call at 3?",
    "Quote for Northwind is out, waiting on their PO.",
    "Heads up: the billing portal is slow this morning.",
    "Who has the latest price sheet?",
    "Thanks for covering my queue yesterday!",
    "Customer asked for a callback after 5 pm their time.",
    "New shipment ETA is Thursday.",
    "Lunch order in 10 minutes 🍕",
    "Reminder: team sync moved to 2:30.",
    "I left notes on the Globex account.",
    "Does anyone speak French? A caller needs help.",
    "Great job on the demo today 👏",
];

const CUSTOMER_WORDS: [&str; 6] = [
    "Hi, I ordered last week and haven't received a tracking number.",
    "Do you ship to Canada?",
    "I'd like someone to call me about a bulk order.",
    "The form on your site didn't go through, can you help?",
    "Is there a discount for non-profits?",
    "What are your opening hours on Saturday?",
];

/// The seeded Team Messaging for the directory's people (`agent` first) at `now`.
pub fn team(
    directory: &[Entry],
    agent: &str,
    company: &str,
    now: DateTime<Utc>,
    rng: &mut ChaCha8Rng,
) -> TeamMessaging {
    let mut people: Vec<(String, String, String, String)> = directory
        .iter()
        .filter(|e| e.kind == "User")
        .map(|e| {
            (
                e.id.clone(),
                e.first_name.clone(),
                e.last_name.clone(),
                e.email.clone(),
            )
        })
        .collect();
    people.push((
        WEBSITE_ID.into(),
        "Website".into(),
        "Chat".into(),
        "website@example.com".into(),
    ));
    let colleagues: Vec<String> = people
        .iter()
        .map(|p| p.0.clone())
        .filter(|id| id != agent && id != WEBSITE_ID)
        .collect();
    let mut tm = TeamMessaging::new(people, 900_000_000_000);
    let start = now - Duration::days(4);
    tm.add_everyone(company, start);
    let at = |minutes: i64| start + Duration::minutes(minutes);
    let team = |tm: &mut TeamMessaging,
                admin: &str,
                name: &str,
                public: bool,
                members: Vec<String>,
                when: DateTime<Utc>| {
        tm.create_team(
            admin,
            NewTeam {
                name: name.into(),
                description: Some(format!("{name} team")),
                public,
                members,
            },
            when,
        )
        .map(|(chat, _)| chat.id)
        .ok()
    };
    let lead = colleagues
        .first()
        .cloned()
        .unwrap_or_else(|| agent.to_owned());
    let mut support: Vec<String> = colleagues.iter().take(8).cloned().collect();
    support.push(agent.to_owned());
    let support = team(&mut tm, &lead, "Support", false, support, at(0));
    let sales_members: Vec<String> = colleagues.iter().skip(4).take(6).cloned().collect();
    let sales = team(&mut tm, &lead, "Sales", true, sales_members, at(1));
    let mut chats: Vec<(String, Vec<String>)> = Vec::new();
    if let Some(id) = support.clone() {
        chats.push((id, colleagues.iter().take(8).cloned().collect()));
    }
    if let Some(id) = sales {
        chats.push((id, colleagues.iter().skip(4).take(6).cloned().collect()));
    }
    for colleague in colleagues.iter().take(3) {
        if let Ok((chat, _)) = tm.conversation(agent, std::slice::from_ref(colleague), at(2)) {
            chats.push((chat.id, vec![colleague.clone(), agent.to_owned()]));
        }
    }
    let trio: Vec<String> = colleagues.iter().skip(1).take(2).cloned().collect();
    if let Ok((chat, _)) = tm.conversation(agent, &trio, at(3)) {
        let mut authors = trio.clone();
        authors.push(agent.to_owned());
        chats.push((chat.id, authors));
    }
    let mut minute = 10;
    let mut asked_in_support = None;
    for round in 0..12 {
        for (chat, authors) in &chats {
            if authors.is_empty() {
                continue;
            }
            let author = &authors[rng.random_range(0..authors.len())];
            let mut text = CHATTER[rng.random_range(0..CHATTER.len())].to_owned();
            if round % 4 == 3 && author != agent {
                text = format!("![:Person]({agent}) {text}");
            }
            minute += rng.random_range(5..40);
            let posted = tm.create_post(
                author,
                chat,
                NewPost {
                    text,
                    ..NewPost::default()
                },
                at(minute),
            );
            if round == 0 && Some(chat) == support.as_ref() {
                asked_in_support = posted.ok().map(|(post, _)| post.id);
            }
        }
    }
    // A thread in Support: two colleagues answer the day's first question in reply to it.
    if let (Some(team), Some(question)) = (support.as_ref(), asked_in_support) {
        for (i, answer) in ["I can take it.", "Thanks — notes are in the account."]
            .into_iter()
            .enumerate()
        {
            let author = colleagues.get(i + 1).unwrap_or(&lead);
            minute += 3;
            let _ = tm.create_post(
                author,
                team,
                NewPost {
                    text: answer.into(),
                    parent_post_id: Some(question.clone()),
                },
                at(minute),
            );
        }
    }
    for (i, words) in CUSTOMER_WORDS.iter().take(3).enumerate() {
        let name = format!("Web chat · visitor {}", i + 1);
        let when = at(minute + 30 * (i as i64 + 1));
        if let Some(id) = team(
            &mut tm,
            WEBSITE_ID,
            &name,
            false,
            vec![agent.to_owned()],
            when,
        ) {
            let text = format!("Visitor wrote: {words}");
            let _ = tm.create_post(
                WEBSITE_ID,
                &id,
                NewPost {
                    text,
                    ..NewPost::default()
                },
                when,
            );
        }
    }
    tm
}

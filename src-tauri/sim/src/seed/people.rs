//! Realistic people for seed data: names and E.164 numbers from several countries. Numbers come
//! from ranges reserved for fiction where a country has one (US 555-01xx, UK Ofcom drama ranges,
//! French and Australian fiction ranges); they never hit the magic outcome numbers.

use rand::Rng;

/// One country's naming and numbering conventions.
pub struct Country {
    /// ISO 3166 alpha-2.
    pub iso: &'static str,
    first: &'static [&'static str],
    last: &'static [&'static str],
    cities: &'static [&'static str],
    number: fn(&mut dyn rand::RngCore) -> String,
}

/// A generated person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Given name.
    pub first: String,
    /// Family name.
    pub last: String,
    /// E.164 number.
    pub phone: String,
    /// City, as RingCentral's `location` field shows it.
    pub location: String,
    /// ISO country code.
    pub country: &'static str,
}

impl Person {
    /// "First Last".
    pub fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

fn digits(rng: &mut dyn rand::RngCore, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

fn us(rng: &mut dyn rand::RngCore) -> String {
    const AREAS: [&str; 8] = ["212", "415", "312", "617", "206", "512", "303", "404"];
    let area = AREAS[rng.random_range(0..AREAS.len())];
    // 555-0100..0149: fictional, and clear of the magic outcome range 0150..0179.
    format!("+1{area}5550{}", rng.random_range(100..150u32))
}

fn gb(rng: &mut dyn rand::RngCore) -> String {
    if rng.random_bool(0.5) {
        format!("+442079460{}", digits(rng, 3))
    } else {
        format!("+447700900{}", digits(rng, 3))
    }
}

fn de(rng: &mut dyn rand::RngCore) -> String {
    if rng.random_bool(0.5) {
        format!("+4930{}", digits(rng, 8))
    } else {
        format!("+49151{}", digits(rng, 8))
    }
}

fn fr(rng: &mut dyn rand::RngCore) -> String {
    if rng.random_bool(0.5) {
        format!("+3319900{}", digits(rng, 4))
    } else {
        format!("+3363998{}", digits(rng, 4))
    }
}

fn au(rng: &mut dyn rand::RngCore) -> String {
    if rng.random_bool(0.5) {
        format!("+6125550{}", digits(rng, 4))
    } else {
        format!("+61491570{}", digits(rng, 3))
    }
}

fn india(rng: &mut dyn rand::RngCore) -> String {
    format!("+9198{}", digits(rng, 8))
}

fn br(rng: &mut dyn rand::RngCore) -> String {
    format!("+55119{}", digits(rng, 8))
}

fn jp(rng: &mut dyn rand::RngCore) -> String {
    format!("+813{}", digits(rng, 8))
}

/// The countries seed data draws from, US-heavy like a typical US account.
pub const COUNTRIES: &[Country] = &[
    Country {
        iso: "US",
        first: &[
            "James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer",
            "Chris", "Ashley", "Daniel", "Emily",
        ],
        last: &[
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Garcia",
            "Miller",
            "Davis",
            "Rodriguez",
            "Martinez",
            "Wilson",
            "Anderson",
            "Taylor",
        ],
        cities: &[
            "New York, NY",
            "San Francisco, CA",
            "Chicago, IL",
            "Boston, MA",
            "Seattle, WA",
            "Austin, TX",
            "Denver, CO",
            "Atlanta, GA",
        ],
        number: us,
    },
    Country {
        iso: "GB",
        first: &[
            "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily", "Charlie",
            "Sophie",
        ],
        last: &[
            "Jones", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Green", "Hall",
            "Clarke",
        ],
        cities: &["London", "Manchester", "Leeds", "Bristol"],
        number: gb,
    },
    Country {
        iso: "DE",
        first: &[
            "Lukas", "Hannah", "Leon", "Mia", "Felix", "Lena", "Jonas", "Laura", "Paul", "Anna",
        ],
        last: &[
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Hoffmann",
            "Schäfer",
        ],
        cities: &["Berlin", "Hamburg", "München", "Köln"],
        number: de,
    },
    Country {
        iso: "FR",
        first: &[
            "Lucas", "Chloé", "Hugo", "Léa", "Louis", "Manon", "Gabriel", "Camille", "Arthur",
            "Inès",
        ],
        last: &[
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau",
        ],
        cities: &["Paris", "Lyon", "Marseille", "Toulouse"],
        number: fr,
    },
    Country {
        iso: "IN",
        first: &[
            "Aarav", "Ananya", "Vivaan", "Diya", "Arjun", "Isha", "Rohan", "Priya", "Karan", "Neha",
        ],
        last: &[
            "Sharma", "Patel", "Gupta", "Singh", "Kumar", "Reddy", "Iyer", "Nair", "Das", "Mehta",
        ],
        cities: &["Mumbai", "Bengaluru", "Delhi", "Chennai"],
        number: india,
    },
    Country {
        iso: "AU",
        first: &[
            "Noah",
            "Charlotte",
            "William",
            "Olivia",
            "Jack",
            "Mia",
            "Thomas",
            "Grace",
            "Lachlan",
            "Zoe",
        ],
        last: &[
            "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "White", "Kelly",
            "Ryan",
        ],
        cities: &["Sydney", "Melbourne", "Brisbane", "Perth"],
        number: au,
    },
    Country {
        iso: "BR",
        first: &[
            "Miguel",
            "Helena",
            "Arthur",
            "Alice",
            "Heitor",
            "Laura",
            "Davi",
            "Valentina",
            "Bernardo",
            "Sophia",
        ],
        last: &[
            "Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Ferreira", "Costa",
            "Almeida", "Ribeiro",
        ],
        cities: &["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba"],
        number: br,
    },
    Country {
        iso: "JP",
        first: &[
            "Haruto", "Yui", "Sota", "Hina", "Yuto", "Aoi", "Riku", "Sakura", "Kaito", "Mei",
        ],
        last: &[
            "Sato",
            "Suzuki",
            "Takahashi",
            "Tanaka",
            "Watanabe",
            "Ito",
            "Yamamoto",
            "Nakamura",
            "Kobayashi",
            "Kato",
        ],
        cities: &["Tokyo", "Osaka", "Yokohama", "Nagoya"],
        number: jp,
    },
];

/// Relative weights of [`COUNTRIES`] (US-heavy).
const WEIGHTS: [u32; 8] = [50, 12, 8, 8, 7, 6, 5, 4];

/// A random person from a weighted random country.
pub fn person(rng: &mut dyn rand::RngCore) -> Person {
    let total: u32 = WEIGHTS.iter().sum();
    let mut pick = rng.random_range(0..total);
    let mut index = 0;
    for (i, weight) in WEIGHTS.iter().enumerate() {
        if pick < *weight {
            index = i;
            break;
        }
        pick -= weight;
    }
    let country = &COUNTRIES[index];
    Person {
        first: country.first[rng.random_range(0..country.first.len())].to_owned(),
        last: country.last[rng.random_range(0..country.last.len())].to_owned(),
        phone: (country.number)(rng),
        location: country.cities[rng.random_range(0..country.cities.len())].to_owned(),
        country: country.iso,
    }
}

/// Person number `k` of the seeded population: contacts are persons `0..contacts`, and call
/// history and messages draw from a slightly larger pool, so most calls match a contact.
pub fn nth(seed: u64, k: u64) -> Person {
    use rand::SeedableRng;
    let mut rng =
        rand_chacha::ChaCha8Rng::seed_from_u64(seed ^ k.wrapping_mul(0x2545_F491_4F6C_DD1D));
    person(&mut rng)
}

/// Size of the pool calls and messages draw counterparts from.
pub fn pool(contacts: usize) -> u64 {
    (contacts as u64 * 3 / 2).max(20)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn people_are_deterministic_and_e164() {
        let mut a = ChaCha8Rng::seed_from_u64(7);
        let mut b = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..500 {
            let p = person(&mut a);
            assert_eq!(p, person(&mut b), "same seed, same person");
            assert!(p.phone.starts_with('+'), "E.164 starts with +: {}", p.phone);
            let len = p.phone.len() - 1;
            assert!(
                (8..=15).contains(&len) && p.phone[1..].bytes().all(|c| c.is_ascii_digit()),
                "E.164 digits: {}",
                p.phone
            );
            assert!(
                crate::magic::callee_outcome(&p.phone).is_none(),
                "seeded numbers never hit magic outcomes: {}",
                p.phone
            );
        }
    }

    #[test]
    fn several_countries_appear() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let countries: std::collections::BTreeSet<_> =
            (0..400).map(|_| person(&mut rng).country).collect();
        assert!(
            countries.len() >= 6,
            "seed data spans many countries: {countries:?}"
        );
    }
}

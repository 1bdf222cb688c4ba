//! Deterministic identifiers and secrets. Every random-looking value the simulator hands out
//! (tokens, codes, UUIDs) comes from one seeded ChaCha stream, so a given `--seed` replays the
//! same values for the same sequence of requests.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A seeded source of ids and secrets.
#[derive(Debug)]
pub struct Ids {
    rng: ChaCha8Rng,
    counter: u64,
}

impl Ids {
    /// A source seeded from `seed` and a purpose-specific `stream` number.
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Self { rng, counter: 0 }
    }

    /// `bytes` random bytes as unpadded base64url (no `+ / =`), with a readable prefix.
    pub fn secret(&mut self, prefix: &str, bytes: usize) -> String {
        let mut buf = vec![0u8; bytes];
        self.rng.fill_bytes(&mut buf);
        format!("{prefix}{}", URL_SAFE_NO_PAD.encode(buf))
    }

    /// A random version-4 UUID string.
    pub fn uuid(&mut self) -> String {
        let mut buf = [0u8; 16];
        self.rng.fill_bytes(&mut buf);
        uuid::Builder::from_random_bytes(buf)
            .into_uuid()
            .to_string()
    }

    /// A number in `range`.
    pub fn number(&mut self, range: std::ops::Range<u64>) -> u64 {
        self.rng.random_range(range)
    }

    /// The next value of a monotonically increasing counter (starting at 1).
    pub fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// The underlying RNG, for seed-data generators.
    pub fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_secrets_and_no_url_unsafe_chars() {
        let mut a = Ids::new(5, 1);
        let mut b = Ids::new(5, 1);
        let (x, y) = (a.secret("AT-", 32), b.secret("AT-", 32));
        assert_eq!(x, y, "same seed and stream give the same token");
        assert!(!x.contains(['+', '/', '=']), "tokens are URL-safe: {x}");
        assert_ne!(
            Ids::new(5, 2).secret("AT-", 32),
            x,
            "another stream gives other values"
        );
        assert_eq!(a.uuid().len(), 36, "uuid format");
    }
}

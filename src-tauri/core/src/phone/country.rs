//! The country whose numbering plan applies to numbers written without `+`.

use std::fmt;
use std::str::FromStr;

use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::excerpt;
use super::PhoneError;

/// An ISO 3166-1 alpha-2 region with numbering metadata: `US`, `GB`, `DE` …
///
/// The default comes from RingCentral's `regionalSettings.homeCountry.isoCode` for the signed-in
/// extension; the agent can override it. Serialises as the two-letter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country(Id);

impl Country {
    /// Reads a two-letter code, case-insensitive, surrounding space ignored. `UK` is taken as `GB`.
    pub fn from_iso_code(code: &str) -> Result<Self, PhoneError> {
        let unknown = || PhoneError::UnknownCountry {
            code: excerpt(code),
        };
        let trimmed = code.trim();
        if trimmed.len() != 2 || !trimmed.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(unknown());
        }
        let upper = match trimmed.to_ascii_uppercase().as_str() {
            "UK" => "GB".to_owned(),
            other => other.to_owned(),
        };
        let id = Id::from_str(&upper).map_err(|_| unknown())?;
        if DATABASE.by_id(id.as_ref()).is_none() {
            return Err(unknown());
        }
        Ok(Self(id))
    }

    /// The United States: the fallback when neither the profile nor the account names a country.
    pub fn united_states() -> Self {
        Self(Id::US)
    }

    /// The two-letter code, upper-case.
    pub fn iso_code(&self) -> &str {
        self.0.as_ref()
    }

    /// The country calling code dialled before its numbers from abroad (`1` for US, `44` for GB).
    pub fn calling_code(&self) -> Option<u16> {
        DATABASE
            .by_id(self.iso_code())
            .map(|meta| meta.country_code())
    }

    pub(crate) fn id(self) -> Id {
        self.0
    }

    pub(crate) fn from_id(id: Id) -> Self {
        Self(id)
    }
}

impl FromStr for Country {
    type Err = PhoneError;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Self::from_iso_code(code)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iso_code())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.iso_code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Self::from_iso_code(&code).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_leniently() {
        for (code, iso, calling) in [
            ("us", "US", 1),
            (" GB ", "GB", 44),
            ("uk", "GB", 44),
            ("jp", "JP", 81),
        ] {
            let country = Country::from_iso_code(code).expect("known country");
            assert_eq!(country.iso_code(), iso);
            assert_eq!(country.calling_code(), Some(calling));
        }
    }

    #[test]
    fn rejects_what_is_not_a_country() {
        for code in ["", "U", "USA", "ZZ", "1", "U$", "日本"] {
            assert_eq!(
                Country::from_iso_code(code),
                Err(PhoneError::UnknownCountry { code: code.into() }),
                "{code:?}"
            );
        }
    }

    #[test]
    fn serialises_as_its_code_and_back() {
        let de: Country = "DE".parse().expect("known country");
        assert_eq!(serde_json::to_string(&de).ok().as_deref(), Some("\"DE\""));
        let back: Country = serde_json::from_str("\"de\"").expect("round trip");
        assert_eq!(back, de);
        assert!(serde_json::from_str::<Country>("\"XX\"").is_err());
    }
}

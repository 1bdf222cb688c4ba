//! Emergency numbers: never to be mistaken for an internal extension, never to go out by RingOut.
//!
//! This is a safety net, not numbering metadata: the `phonenumber` crate ships no short-number
//! data, and a short number that is not caught here would be dialled as an extension of the
//! agent's own company. So the list covers the numbers people actually dial in the countries
//! RingCentral serves, plus 112 and 911, which mobile phones route everywhere.

use super::Country;

/// Dialled as emergency numbers whatever the home country.
const EVERYWHERE: [&str; 2] = ["112", "911"];

/// Emergency (and police / fire / ambulance) numbers by home country, besides [`EVERYWHERE`].
const BY_COUNTRY: [(&str, &[&str]); 21] = [
    ("AT", &["122", "133", "144"]),
    ("AU", &["000", "106"]),
    ("BE", &["100", "101"]),
    ("BR", &["190", "192", "193"]),
    ("CH", &["117", "118", "144"]),
    ("CN", &["110", "119", "120", "122"]),
    ("DE", &["110"]),
    ("ES", &["061", "080", "085", "091", "092"]),
    ("FR", &["15", "17", "18", "114", "115", "119"]),
    ("GB", &["999"]),
    ("HK", &["999"]),
    ("IE", &["999"]),
    ("IL", &["100", "101", "102"]),
    ("IN", &["100", "101", "102", "108"]),
    ("IT", &["113", "115", "118"]),
    ("JP", &["110", "118", "119"]),
    ("MX", &["065", "066", "080"]),
    ("NZ", &["111"]),
    ("PH", &["117"]),
    ("SG", &["995", "999"]),
    ("ZA", &["10111", "10177"]),
];

/// Whether `digits` (no `+`) are an emergency number in `country`.
pub(crate) fn is_emergency(digits: &str, country: Country) -> bool {
    let local = BY_COUNTRY
        .iter()
        .find(|(code, _)| *code == country.iso_code())
        .map_or(&[][..], |(_, numbers)| *numbers);
    EVERYWHERE.contains(&digits) || local.contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Country {
        code.parse().expect("known country")
    }

    #[test]
    fn universal_numbers_are_emergencies_everywhere() {
        for code in ["US", "GB", "DE", "FR", "IN", "AU", "BR", "JP", "KE"] {
            assert!(is_emergency("112", country(code)), "112 in {code}");
            assert!(is_emergency("911", country(code)), "911 in {code}");
        }
    }

    #[test]
    fn national_numbers_count_only_at_home() {
        assert!(is_emergency("999", country("GB")));
        assert!(
            !is_emergency("999", country("US")),
            "999 may be an extension in the US"
        );
        assert!(is_emergency("101", country("IN")));
        assert!(
            !is_emergency("101", country("US")),
            "101 is a typical US extension"
        );
        assert!(is_emergency("000", country("AU")));
    }

    #[test]
    fn the_table_is_sorted_and_names_real_countries() {
        let codes: Vec<&str> = BY_COUNTRY.iter().map(|(code, _)| *code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted, "kept sorted for review");
        for code in codes {
            assert!(code.parse::<Country>().is_ok(), "{code} is a country");
        }
    }
}

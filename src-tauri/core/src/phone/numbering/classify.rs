//! Region, line type and validity of a parsed number, from the metadata's patterns and lengths.

use phonenumber::metadata::{Metadata, DATABASE};
use phonenumber::Type;

use crate::phone::number::{NumberType, Validity, ValidityIssue};
use crate::phone::Country;

/// Every line type the metadata describes, in libphonenumber's order of precedence (the special
/// services first, fixed line and mobile last).
const SPECIAL_TYPES: [(Type, NumberType); 8] = [
    (Type::PremiumRate, NumberType::PremiumRate),
    (Type::TollFree, NumberType::TollFree),
    (Type::SharedCost, NumberType::SharedCost),
    (Type::Voip, NumberType::Voip),
    (Type::PersonalNumber, NumberType::PersonalNumber),
    (Type::Pager, NumberType::Pager),
    (Type::Uan, NumberType::Uan),
    (Type::Voicemail, NumberType::Voicemail),
];

/// The region id libphonenumber gives non-geographic entities.
const NON_GEOGRAPHIC: &str = "001";

/// What the metadata says about one number.
pub(super) struct Classified {
    /// The region, when it is a geographic one that the number belongs to.
    pub(super) region: Option<Country>,
    /// The line type; `Unknown` unless valid.
    pub(super) number_type: NumberType,
    /// Whether it can connect.
    pub(super) validity: Validity,
}

/// Classifies the national significant number `national` (leading zeros included) under
/// `calling_code`.
pub(super) fn classify(calling_code: u16, national: &str) -> Classified {
    let region = region(calling_code, national);
    let number_type = region.map_or(NumberType::Unknown, |meta| number_type(meta, national));
    let valid = number_type != NumberType::Unknown;
    // Lengths come from the number's region, or the main region of its calling code.
    let metadata = region.or_else(|| {
        DATABASE
            .by_code(&calling_code)
            .and_then(|metas| metas.into_iter().next())
    });
    Classified {
        region: region
            .filter(|meta| meta.id() != NON_GEOGRAPHIC)
            .and_then(|meta| meta.id().parse().ok())
            .map(Country::from_id),
        number_type,
        validity: validity(metadata, national, valid),
    }
}

/// The region whose patterns the number fits, as libphonenumber's `getRegionCodeForNumber`.
fn region(calling_code: u16, national: &str) -> Option<&'static Metadata> {
    let regions = DATABASE.region(&calling_code)?;
    if let [only] = regions.as_slice() {
        return metadata(only, calling_code);
    }
    regions
        .iter()
        .filter_map(|id| metadata(id, calling_code))
        .find(|meta| match meta.leading_digits() {
            Some(pattern) => pattern.find(national).is_some_and(|m| m.start() == 0),
            None => number_type(meta, national) != NumberType::Unknown,
        })
}

/// The metadata of region `id`. Non-geographic entities (+800, +882 …) all share the id `001`
/// and are told apart by their calling code.
fn metadata(id: &str, calling_code: u16) -> Option<&'static Metadata> {
    if id == NON_GEOGRAPHIC {
        DATABASE
            .by_code(&calling_code)
            .and_then(|metas| metas.into_iter().next())
    } else {
        DATABASE.by_id(id)
    }
}

fn number_type(meta: &Metadata, national: &str) -> NumberType {
    let descriptors = meta.descriptors();
    let matches = |kind: Type| {
        descriptors
            .get(kind)
            .is_some_and(|descriptor| descriptor.is_match(national))
    };
    if !descriptors.general().is_match(national) {
        return NumberType::Unknown;
    }
    if let Some((_, special)) = SPECIAL_TYPES.iter().find(|(kind, _)| matches(*kind)) {
        return *special;
    }
    let pattern = |kind: Type| descriptors.get(kind).map(|d| d.national_number().as_str());
    let same_pattern = pattern(Type::FixedLine) == pattern(Type::Mobile);
    match (matches(Type::FixedLine), matches(Type::Mobile)) {
        (true, true) => NumberType::FixedLineOrMobile,
        (true, false) if same_pattern => NumberType::FixedLineOrMobile,
        (true, false) => NumberType::FixedLine,
        (false, true) => NumberType::Mobile,
        (false, false) => NumberType::Unknown,
    }
}

/// Possible lengths (and local-only lengths) of every line type of the region.
fn lengths(meta: &Metadata) -> (Vec<u16>, Vec<u16>) {
    let descriptors = meta.descriptors();
    let kinds = SPECIAL_TYPES
        .iter()
        .map(|(kind, _)| *kind)
        .chain([Type::FixedLine, Type::Mobile]);
    let mut possible = Vec::new();
    let mut local = Vec::new();
    for descriptor in kinds.filter_map(|kind| descriptors.get(kind)) {
        possible.extend_from_slice(descriptor.possible_length());
        local.extend_from_slice(descriptor.possible_local_length());
    }
    for list in [&mut possible, &mut local] {
        list.sort_unstable();
        list.dedup();
    }
    (possible, local)
}

fn validity(meta: Option<&Metadata>, national: &str, valid: bool) -> Validity {
    let (possible_lengths, local_lengths) = meta.map(lengths).unwrap_or_default();
    let length = u16::try_from(national.len()).unwrap_or(u16::MAX);
    let possible = possible_lengths.contains(&length);
    let issue = if valid {
        None
    } else if local_lengths.contains(&length) {
        Some(ValidityIssue::LocalOnly)
    } else if possible_lengths
        .first()
        .is_none_or(|shortest| length < *shortest)
    {
        Some(ValidityIssue::TooShort)
    } else if possible_lengths
        .last()
        .is_some_and(|longest| length > *longest)
    {
        Some(ValidityIssue::TooLong)
    } else if !possible {
        Some(ValidityIssue::InvalidLength)
    } else {
        Some(ValidityIssue::UnassignedRange)
    };
    Validity {
        possible,
        valid,
        issue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_numbers_keep_their_region_and_type() {
        let classified = classify(39, "0612345678");
        assert_eq!(
            classified
                .region
                .map(|c| c.iso_code().to_owned())
                .as_deref(),
            Some("IT")
        );
        assert_eq!(classified.number_type, NumberType::FixedLine);
        assert!(classified.validity.valid);
    }

    #[test]
    fn shared_calling_codes_find_the_right_region() {
        let toronto = classify(1, "4165550100");
        assert_eq!(
            toronto.region.map(|c| c.iso_code().to_owned()).as_deref(),
            Some("CA")
        );
        let freephone = classify(800, "12345678");
        assert_eq!(freephone.region, None, "+800 belongs to no country");
        assert_eq!(freephone.number_type, NumberType::TollFree);
    }

    #[test]
    fn a_us_number_without_area_code_is_local_only() {
        let local = classify(1, "5550100");
        assert_eq!(local.validity.issue, Some(ValidityIssue::LocalOnly));
        assert!(!local.validity.possible);
    }
}

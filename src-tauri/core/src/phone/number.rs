//! A number normalised to E.164, with its display formats, validity and type.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Country;

/// An outside number in E.164, ready for RingOut's `to.phoneNumber`, with what the UI shows.
///
/// Built by [`normalize`](super::normalize) / [`resolve`](super::resolve) only, so its parts
/// always agree. Serialises (snake_case) with every field for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NormalizedNumber {
    pub(crate) e164: String,
    pub(crate) extension: Option<String>,
    pub(crate) post_dial: Option<String>,
    pub(crate) country: Option<Country>,
    pub(crate) calling_code: u16,
    pub(crate) national: String,
    pub(crate) international: String,
    pub(crate) rfc3966: String,
    pub(crate) validity: Validity,
    pub(crate) number_type: NumberType,
}

impl NormalizedNumber {
    /// `+` and up to 15 digits, e.g. `+16505550100`: what RingOut and the store use.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// The extension to reach behind the number, digits only. RingOut cannot dial it: the agent
    /// asks for it, or the company's auto-attendant does.
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }

    /// DTMF to send once connected (digits, `*`, `#`, `,` pause, `w` wait), shown to the agent.
    pub fn post_dial(&self) -> Option<&str> {
        self.post_dial.as_deref()
    }

    /// The region the number belongs to (`US`, `CA` …); `None` for non-geographic numbers such as
    /// `+800` international freephone.
    pub fn country(&self) -> Option<Country> {
        self.country
    }

    /// The country calling code, e.g. `1` or `44`.
    pub fn calling_code(&self) -> u16 {
        self.calling_code
    }

    /// The national format, e.g. `(650) 555-0100` or `020 7946 0958`.
    pub fn national(&self) -> &str {
        &self.national
    }

    /// The international format, e.g. `+1 650-555-0100` or `+44 20 7946 0958`.
    pub fn international(&self) -> &str {
        &self.international
    }

    /// Whether the number can connect at all, for a warning before dialling.
    pub fn validity(&self) -> Validity {
        self.validity
    }

    /// Mobile, fixed line, toll free … as far as the numbering plan tells.
    pub fn number_type(&self) -> NumberType {
        self.number_type
    }

    /// The number in the agent's chosen format, with its extension (` ext. 101`, or `;ext=101`
    /// in a `tel:` URI). Post-dial DTMF is not included: show [`post_dial`](Self::post_dial)
    /// beside it.
    pub fn display(&self, format: DisplayFormat) -> String {
        let number = match format {
            DisplayFormat::E164 => &self.e164,
            DisplayFormat::International => &self.international,
            DisplayFormat::National => &self.national,
            DisplayFormat::Rfc3966 => &self.rfc3966,
        };
        match (&self.extension, format) {
            (None, _) => number.clone(),
            (Some(extension), DisplayFormat::Rfc3966) => format!("{number};ext={extension}"),
            (Some(extension), _) => format!("{number} ext. {extension}"),
        }
    }
}

/// The international format, with the extension.
impl fmt::Display for NormalizedNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(DisplayFormat::International))
    }
}

/// How the agent likes numbers written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisplayFormat {
    /// `+16505550100`
    E164,
    /// `+1 650-555-0100`
    #[default]
    International,
    /// `(650) 555-0100`
    National,
    /// `tel:+1-650-555-0100`
    Rfc3966,
}

/// Whether a number can connect, from Google's numbering metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Validity {
    /// The length fits numbers of its region.
    pub possible: bool,
    /// The digits fall in a range the region actually assigns.
    pub valid: bool,
    /// What is wrong, when it is not valid.
    pub issue: Option<ValidityIssue>,
}

impl Validity {
    /// A sentence to show before dialling, when the number is unlikely to connect.
    pub fn warning(&self) -> Option<&'static str> {
        self.issue.map(ValidityIssue::warning)
    }
}

/// Why a number is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValidityIssue {
    /// Fewer digits than any number of its region.
    TooShort,
    /// More digits than any number of its region.
    TooLong,
    /// A length between valid ones that no number of the region has.
    InvalidLength,
    /// A local number without its area code: it only connects from inside the area.
    LocalOnly,
    /// The right length, but the region assigns no numbers that start like this.
    UnassignedRange,
}

impl ValidityIssue {
    /// A sentence to show before dialling.
    pub fn warning(self) -> &'static str {
        match self {
            Self::TooShort => "This number looks too short; check for missing digits.",
            Self::TooLong => "This number looks too long; check for extra digits.",
            Self::InvalidLength => "No number in this country has this many digits.",
            Self::LocalOnly => "This looks like a local number; add the area code.",
            Self::UnassignedRange => "This number is not in use in this country as far as known.",
        }
    }
}

/// The kind of line a number belongs to, from its numbering plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberType {
    /// A landline.
    FixedLine,
    /// A mobile phone (SMS capable as a rule).
    Mobile,
    /// Either: the plan does not tell them apart (the US, Canada and the rest of +1).
    FixedLineOrMobile,
    /// Free for the caller (800, 0800 …).
    TollFree,
    /// Charged at a premium (900, 09 …).
    PremiumRate,
    /// Cost shared between caller and callee.
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number that forwards anywhere.
    PersonalNumber,
    /// A pager.
    Pager,
    /// A company's universal access number.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// Not a known range (or not a valid number).
    Unknown,
}

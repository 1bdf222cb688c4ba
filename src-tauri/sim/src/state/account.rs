//! The simulated account: the signed-in user's extension, its phone numbers (with `features`),
//! "ring me at" forwarding numbers, caller-ID settings and presence.

use super::ids::Ids;
use chrono::{DateTime, Duration, Utc};

/// The main company number, also the extension's default caller ID.
pub const MAIN_NUMBER: &str = "+16505550100";

/// One number assigned to the extension (`UserPhoneNumberInfo`).
#[derive(Clone, Debug)]
pub struct PhoneNumber {
    /// int64 id.
    pub id: u64,
    /// E.164 number.
    pub phone: String,
    /// `usageType`.
    pub usage_type: &'static str,
    /// `paymentType`.
    pub payment_type: &'static str,
    /// `features` (`CallerId`, `SmsSender`, ...).
    pub features: Vec<&'static str>,
    /// Whether this is the primary number.
    pub primary: bool,
    /// `label`.
    pub label: &'static str,
    /// `location`.
    pub location: &'static str,
    /// ISO country of the number.
    pub country: (&'static str, &'static str, &'static str),
}

impl PhoneNumber {
    /// Whether `features` contains `feature`.
    pub fn has(&self, feature: &str) -> bool {
        self.features.contains(&feature)
    }
}

/// A "ring me at" number (`ForwardingNumberInfo`).
#[derive(Clone, Debug)]
pub struct ForwardingNumber {
    /// String id (used as RingOut `from.forwardingNumberId`).
    pub id: String,
    /// E.164 number.
    pub phone: String,
    /// `label`.
    pub label: String,
    /// `type` (`Mobile`, `Home`, `PhoneLine`, ...).
    pub kind: String,
}

/// The user's presence settings.
#[derive(Clone, Debug)]
pub struct Presence {
    /// `userStatus`.
    pub user_status: String,
    /// `dndStatus`.
    pub dnd_status: String,
    /// `message` (≤ 75 chars).
    pub message: String,
    /// `allowSeeMyPresence`.
    pub allow_see: bool,
}

/// The signed-in user and their account.
#[derive(Clone, Debug)]
pub struct Account {
    /// Account id.
    pub account_id: u64,
    /// Extension id (int64 in the API, string in token `owner_id`).
    pub extension_id: u64,
    /// Short extension number.
    pub extension_number: String,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Company name.
    pub company: String,
    /// When the extension was created.
    pub created: DateTime<Utc>,
    /// Assigned numbers.
    pub phone_numbers: Vec<PhoneNumber>,
    /// "Ring me at" numbers.
    pub forwarding: Vec<ForwardingNumber>,
    /// RingOut caller ID (`byFeature` RingOut).
    pub ringout_caller_id: String,
    /// Presence.
    pub presence: Presence,
}

const US: (&str, &str, &str) = ("1", "US", "United States");
const GB: (&str, &str, &str) = ("224", "GB", "United Kingdom");

impl Account {
    /// The seeded account. Ids depend on the seed; numbers and names are fixed so docs and demos
    /// can name them.
    pub fn seeded(ids: &mut Ids, now: DateTime<Utc>) -> Self {
        let account_id = ids.number(100_000_000..999_999_999);
        let extension_id = ids.number(60_000_000_000..69_999_999_999);
        let mut number_id = ids.number(1_000_000_000..2_000_000_000);
        let mut num = |phone: &str,
                       usage_type,
                       features: Vec<&'static str>,
                       primary,
                       label,
                       location,
                       country| {
            number_id += 1;
            PhoneNumber {
                id: number_id,
                phone: phone.to_owned(),
                usage_type,
                payment_type: "Local",
                features,
                primary,
                label,
                location,
                country,
            }
        };
        let phone_numbers = vec![
            num(
                MAIN_NUMBER,
                "MainCompanyNumber",
                vec!["CallerId"],
                false,
                "Main",
                "San Mateo, CA",
                US,
            ),
            num(
                "+16505550101",
                "DirectNumber",
                vec!["CallerId", "SmsSender", "MmsSender", "A2PSmsSender"],
                true,
                "Direct",
                "San Mateo, CA",
                US,
            ),
            num(
                "+16505550102",
                "DirectNumber",
                vec!["SmsSender"],
                false,
                "Texting",
                "San Mateo, CA",
                US,
            ),
            num(
                "+442079460100",
                "DirectNumber",
                vec!["CallerId"],
                false,
                "London",
                "London",
                GB,
            ),
            num(
                "+16505550103",
                "ForwardedNumber",
                vec![],
                false,
                "Fax line",
                "San Mateo, CA",
                US,
            ),
        ];
        let mut fwd_id = ids.number(500_000_000..600_000_000);
        let mut fwd = |phone: &str, label: &str, kind: &str| {
            fwd_id += 1;
            ForwardingNumber {
                id: fwd_id.to_string(),
                phone: phone.to_owned(),
                label: label.to_owned(),
                kind: kind.to_owned(),
            }
        };
        let forwarding = vec![
            fwd("+16505550110", "My Mobile", "Mobile"),
            fwd("+16505550111", "Home", "Home"),
            fwd("+16505550112", "Desk Phone", "PhoneLine"),
            fwd("+16505550160", "Old Mobile (never answers)", "Other"),
        ];
        Self {
            account_id,
            extension_id,
            extension_number: "101".to_owned(),
            first_name: "Jordan".to_owned(),
            last_name: "Avery".to_owned(),
            email: "jordan.avery@example.com".to_owned(),
            company: "Acme Demo Inc.".to_owned(),
            created: now - Duration::days(400),
            phone_numbers,
            forwarding,
            ringout_caller_id: MAIN_NUMBER.to_owned(),
            presence: Presence {
                user_status: "Available".to_owned(),
                dnd_status: "TakeAllCalls".to_owned(),
                message: String::new(),
                allow_see: true,
            },
        }
    }

    /// "First Last".
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// The extension's number `phone`, if it owns it.
    pub fn number(&self, phone: &str) -> Option<&PhoneNumber> {
        self.phone_numbers.iter().find(|n| n.phone == phone)
    }

    /// The default SMS sender: the first `SmsSender` number.
    pub fn sms_sender(&self) -> Option<&PhoneNumber> {
        self.phone_numbers.iter().find(|n| n.has("SmsSender"))
    }
}

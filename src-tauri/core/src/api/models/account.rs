//! The extension, its numbers, "ring me at" numbers and caller ID.

use serde::{Deserialize, Serialize};

/// `GetExtensionInfoResponse`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Extension {
    /// Extension id.
    pub id: u64,
    /// Short extension number (`101`).
    pub extension_number: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// `User`, `Department` …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// `Enabled`, `Disabled` …
    pub status: Option<String>,
    /// Contact details.
    pub contact: Option<ExtensionContact>,
    /// Country, time zone, language.
    pub regional_settings: Option<RegionalSettings>,
    /// Features and whether they are on.
    pub service_features: Vec<ServiceFeature>,
}

impl Extension {
    /// The home country's ISO code, if RingCentral says.
    pub fn home_country(&self) -> Option<&str> {
        self.regional_settings
            .as_ref()?
            .home_country
            .as_ref()?
            .iso_code
            .as_deref()
    }

    /// Whether `feature` (`RingOut`, `SMS` …) is enabled; `None` when not listed.
    pub fn feature(&self, feature: &str) -> Option<bool> {
        self.service_features
            .iter()
            .find(|f| f.feature_name == feature)
            .map(|f| f.enabled)
    }
}

/// `contact` of an extension.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExtensionContact {
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Company.
    pub company: Option<String>,
}

/// `regionalSettings`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RegionalSettings {
    /// Home country.
    pub home_country: Option<CountryInfo>,
}

/// A country reference.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CountryInfo {
    /// RingCentral's country id.
    pub id: Option<String>,
    /// ISO 3166 alpha-2.
    pub iso_code: Option<String>,
    /// Name.
    pub name: Option<String>,
}

/// One of `serviceFeatures`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServiceFeature {
    /// `RingOut`, `SMS` …
    pub feature_name: String,
    /// Whether it is on.
    pub enabled: bool,
    /// Why not, when off.
    pub reason: Option<String>,
}

/// `UserPhoneNumberInfo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PhoneNumber {
    /// Id.
    pub id: u64,
    /// E.164.
    pub phone_number: String,
    /// Label.
    pub label: Option<String>,
    /// `DirectNumber`, `MainCompanyNumber` …
    pub usage_type: Option<String>,
    /// `CallerId`, `SmsSender` …
    pub features: Vec<String>,
    /// Primary number of the extension.
    pub primary: bool,
}

impl PhoneNumber {
    /// Whether the number has `feature`.
    pub fn has(&self, feature: &str) -> bool {
        self.features.iter().any(|f| f == feature)
    }
}

/// `ForwardingNumberInfo`: a "ring me at" candidate.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ForwardingNumber {
    /// Id (RingOut `from.forwardingNumberId`).
    pub id: String,
    /// E.164.
    pub phone_number: String,
    /// Label ("My Mobile").
    pub label: Option<String>,
    /// `Mobile`, `Home` …
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

/// `ExtensionCallerIdInfo` (kept as JSON: only shown, never interpreted).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CallerIdInfo {
    /// Caller ID per feature.
    pub by_feature: Vec<serde_json::Value>,
    /// Caller ID per device.
    pub by_device: Vec<serde_json::Value>,
}

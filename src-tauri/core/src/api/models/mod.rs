//! Typed RingCentral resources, the fields ringdesk uses. Unknown fields are ignored, absent
//! optional ones are `None`, so new server fields never break decoding.

mod account;
mod calls;
mod contacts;
mod messages;
mod presence;
mod telephony;

pub use account::{
    CallerIdInfo, CountryInfo, Extension, ForwardingNumber, PhoneNumber, RegionalSettings,
    ServiceFeature,
};
pub use calls::{
    CallLogRecord, CallLogSync, CallerInfo, RingOutStatus, RingOutStatusDetail, SyncInfo,
};
pub use contacts::{AddressBookSync, DirectoryEntry, DirectoryPhone, PersonalContact};
pub use messages::{Message, MessageCallerInfo, MessageSync};
pub use presence::{ActiveCall, Presence, WsToken};
pub use telephony::{PartyNumber, PartyStatus, SessionOrigin, SessionParty, TelephonySessionEvent};

//! Typed RingCentral resources, the fields ringdesk uses. Unknown fields are ignored, absent
//! optional ones are `None`, so new server fields never break decoding.

mod account;
mod calls;
mod contacts;
mod messages;
mod presence;

pub use account::{
    CallerIdInfo, Country, Extension, ForwardingNumber, PhoneNumber, RegionalSettings,
    ServiceFeature,
};
pub use calls::{
    CallLogRecord, CallLogSync, CallParty, RingOutStatus, RingOutStatusDetail, SyncInfo,
};
pub use contacts::{AddressBookSync, DirectoryEntry, DirectoryPhone, PersonalContact};
pub use messages::{Message, MessageParty, MessageSync};
pub use presence::{Presence, WsToken};

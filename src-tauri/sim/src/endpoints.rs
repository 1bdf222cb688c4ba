//! Every simulated RingCentral operation, as one table: method, path, handler, rate-limit group,
//! operation id and access. The router is built from it and serves each entry behind the gate
//! with that entry, and a test checks the table against the spec (`operationId`,
//! `x-throttling-group`, `x-app-permission`).

use crate::access::{Access, Permission};
use crate::endpoint::{Endpoint, Verb};
use crate::oauth::{authorize, revoke, token, wstoken};
use crate::rate_limit::Group;
use crate::rest::team::{chats, people, posts, teams};
use crate::rest::{
    call_control, call_log, consents, contacts, directory, extension, message_store, message_sync,
    presence, ringout, sms, subscription, templates,
};
use axum::routing::on;

/// `/restapi/v1.0/account/{accountId}` + a suffix, as a literal.
macro_rules! account {
    ($suffix:literal) => {
        concat!("/restapi/v1.0/account/{accountId}", $suffix)
    };
}

/// The caller's extension (`…/extension/{extensionId}` of the account) + a suffix, as a literal.
macro_rules! ext {
    ($suffix:literal) => {
        concat!(
            "/restapi/v1.0/account/{accountId}/extension/{extensionId}",
            $suffix
        )
    };
}

/// `endpoint!(Method path, handler, "operationId", Group, access)`; access is `Client` (OAuth
/// endpoints, no bearer token), `Token` (bearer token, no app permission) or the app
/// permission a bearer token's scope must grant.
macro_rules! endpoint {
    ($method:ident $path:expr, $handler:path, $op:literal, $group:ident, Client) => {
        endpoint!(@ $method $path, $handler, $op, $group, Access::Client)
    };
    ($method:ident $path:expr, $handler:path, $op:literal, $group:ident, Token) => {
        endpoint!(@ $method $path, $handler, $op, $group, Access::Token)
    };
    ($method:ident $path:expr, $handler:path, $op:literal, $group:ident, $permission:ident) => {
        endpoint!(@ $method $path, $handler, $op, $group,
            Access::Permission(Permission::$permission))
    };
    (@ $method:ident $path:expr, $handler:path, $op:literal, $group:ident, $access:expr) => {
        Endpoint::new(
            Verb::$method,
            $path,
            |method| on(method, $handler),
            $op,
            Group::$group,
            $access,
        )
    };
}

/// A Team Messaging path, as a literal.
macro_rules! tm {
    ($suffix:literal) => {
        concat!("/team-messaging/v1", $suffix)
    };
}

/// The table.
#[rustfmt::skip]
pub const ENDPOINTS: &[Endpoint] = &[
    endpoint!(Get "/restapi/oauth/authorize", authorize::get, "authorize", Auth, Client),
    endpoint!(Post "/restapi/oauth/authorize", authorize::post, "authorize2", Auth, Client),
    endpoint!(Post "/restapi/oauth/token", token::token, "getToken", Auth, Client),
    endpoint!(Post "/restapi/oauth/revoke", revoke::revoke, "revokeToken", Auth, Client),
    endpoint!(Post "/restapi/oauth/wstoken", wstoken::issue, "authWsToken", Auth, WebSocket),
    endpoint!(Get ext!(""), extension::read, "readExtension", Light, ReadAccounts),
    endpoint!(Get ext!("/phone-number"), extension::phone_numbers,
        "listExtensionPhoneNumbers", Light, ReadAccounts),
    endpoint!(Get ext!("/forwarding-number"), extension::forwarding_numbers,
        "listForwardingNumbers", Light, ReadAccounts),
    endpoint!(Post ext!("/forwarding-number"), extension::create_forwarding_number,
        "createForwardingNumber", Medium, EditExtensions),
    endpoint!(Get ext!("/caller-id"), extension::caller_id,
        "readExtensionCallerId", Light, ReadAccounts),
    endpoint!(Post ext!("/ring-out"), ringout::create, "createRingOutCall", Heavy, RingOut),
    endpoint!(Get ext!("/ring-out/{ringoutId}"), ringout::read,
        "readRingOutCallStatus", Light, RingOut),
    endpoint!(Delete ext!("/ring-out/{ringoutId}"), ringout::cancel,
        "deleteRingOutCall", Heavy, RingOut),
    endpoint!(Post ext!("/sms"), sms::send, "createSMSMessage", Medium, Sms),
    endpoint!(Get ext!("/message-store"), message_store::list,
        "listMessages", Light, ReadMessages),
    endpoint!(Get ext!("/message-store/{messageId}"), message_store::read,
        "readMessage", Light, ReadMessages),
    endpoint!(Put ext!("/message-store/{messageId}"), message_store::update,
        "updateMessage", Medium, EditMessages),
    endpoint!(Patch ext!("/message-store/{messageId}"), message_store::patch,
        "patchMessage", Medium, EditMessages),
    endpoint!(Delete ext!("/message-store/{messageId}"), message_store::delete,
        "deleteMessage", Medium, EditMessages),
    endpoint!(Get ext!("/message-store/{messageId}/content/{attachmentId}"),
        message_store::content, "readMessageContent", Medium, ReadMessages),
    endpoint!(Get ext!("/message-sync"), message_sync::sync, "syncMessages", Light, ReadMessages),
    endpoint!(Get ext!("/call-log"), call_log::list, "readUserCallLog", Heavy, ReadCallLog),
    endpoint!(Get ext!("/call-log/{callRecordId}"), call_log::read,
        "readUserCallRecord", Heavy, ReadCallLog),
    endpoint!(Get ext!("/call-log-sync"), call_log::sync, "syncUserCallLog", Heavy, ReadCallLog),
    endpoint!(Get ext!("/address-book/contact"), contacts::list,
        "listContacts", Heavy, ReadContacts),
    endpoint!(Post ext!("/address-book/contact"), contacts::create,
        "createContact", Heavy, Contacts),
    endpoint!(Get ext!("/address-book/contact/{contactId}"), contacts::read,
        "readContact", Heavy, ReadContacts),
    endpoint!(Put ext!("/address-book/contact/{contactId}"), contacts::update,
        "updateContact", Heavy, Contacts),
    endpoint!(Patch ext!("/address-book/contact/{contactId}"), contacts::patch,
        "patchContact", Heavy, Contacts),
    endpoint!(Delete ext!("/address-book/contact/{contactId}"), contacts::delete,
        "deleteContact", Heavy, Contacts),
    endpoint!(Get ext!("/address-book-sync"), contacts::sync,
        "syncAddressBook", Heavy, ReadContacts),
    endpoint!(Get account!("/directory/entries"), directory::list,
        "listDirectoryEntries", Medium, ReadAccounts),
    endpoint!(Get account!("/directory/entries/{entryId}"), directory::read,
        "readDirectoryEntry", Medium, ReadAccounts),
    endpoint!(Post account!("/directory/entries/search"), directory::search,
        "searchDirectoryEntries", Heavy, ReadAccounts),
    endpoint!(Get ext!("/message-store-templates"), templates::list_user,
        "listUserMessageTemplates", Light, ReadAccounts),
    endpoint!(Post ext!("/message-store-templates"), templates::create_user,
        "createUserMessageTemplate", Medium, EditExtensions),
    endpoint!(Get ext!("/message-store-templates/{templateId}"), templates::read_user,
        "readUserMessageTemplate", Light, ReadAccounts),
    endpoint!(Put ext!("/message-store-templates/{templateId}"), templates::update_user,
        "updateUserMessageTemplate", Medium, EditExtensions),
    endpoint!(Delete ext!("/message-store-templates/{templateId}"), templates::delete_user,
        "deleteUserMessageTemplate", Medium, EditExtensions),
    endpoint!(Get account!("/message-store-templates"), templates::list_company,
        "listCompanyMessageTemplates", Light, ReadAccounts),
    endpoint!(Post "/restapi/v2/accounts/{accountId}/sms/consents/search", consents::search,
        "searchSmsConsentRecords", Light, Sms),
    endpoint!(Get ext!("/presence"), presence::read,
        "readUserPresenceStatus", Light, ReadPresence),
    endpoint!(Put ext!("/presence"), presence::update,
        "updateUserPresenceStatus", Medium, EditPresence),
    endpoint!(Get account!("/telephony/sessions/{telephonySessionId}"), call_control::read,
        "readCallSessionStatus", Light, CallControl),
    endpoint!(Delete account!("/telephony/sessions/{telephonySessionId}"), call_control::hang_up,
        "deleteCallSession", Light, CallControl),
    endpoint!(Post account!("/telephony/sessions/{telephonySessionId}/parties/{partyId}/reject"),
        call_control::reject, "rejectParty", Light, CallControl),
    endpoint!(Post account!("/telephony/sessions/{telephonySessionId}/parties/{partyId}/reply"),
        call_control::reply, "replyParty", Light, CallControl),
    endpoint!(Post account!("/telephony/sessions/{telephonySessionId}/parties/{partyId}/hold"),
        call_control::hold, "holdCallParty", Light, CallControl),
    endpoint!(Post account!("/telephony/sessions/{telephonySessionId}/parties/{partyId}/unhold"),
        call_control::unhold, "unholdCallParty", Light, CallControl),
    endpoint!(Get tm!("/chats"), chats::list, "listGlipChatsNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/chats/{chatId}"), chats::read, "readGlipChatNew", Light, TeamMessaging),
    endpoint!(Get tm!("/recent/chats"), chats::recent, "listRecentChatsNew", Light, TeamMessaging),
    endpoint!(Get tm!("/favorites"), chats::favorites, "listFavoriteChatsNew", Light, TeamMessaging),
    endpoint!(Post tm!("/chats/{chatId}/favorite"), chats::favorite,
        "favoriteGlipChatNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/chats/{chatId}/unfavorite"), chats::unfavorite,
        "unfavoriteGlipChatNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/conversations"), chats::conversations,
        "listGlipConversationsNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/conversations"), chats::create_conversation,
        "createGlipConversationNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/conversations/{chatId}"), chats::conversation,
        "readGlipConversationNew", Light, TeamMessaging),
    endpoint!(Get tm!("/everyone"), chats::everyone, "readGlipEveryoneNew", Light, TeamMessaging),
    endpoint!(Get tm!("/teams"), teams::list, "listGlipTeamsNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/teams"), teams::create, "createGlipTeamNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/teams/{chatId}"), teams::read, "readGlipTeamNew", Light, TeamMessaging),
    endpoint!(Patch tm!("/teams/{chatId}"), teams::patch, "patchGlipTeamNew", Medium, TeamMessaging),
    endpoint!(Delete tm!("/teams/{chatId}"), teams::delete, "deleteGlipTeamNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/teams/{chatId}/join"), teams::join, "joinGlipTeamNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/teams/{chatId}/leave"), teams::leave, "leaveGlipTeamNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/teams/{chatId}/add"), teams::add, "addGlipTeamMembersNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/teams/{chatId}/remove"), teams::remove,
        "removeGlipTeamMembersNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/teams/{chatId}/archive"), teams::archive,
        "archiveGlipTeamNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/teams/{chatId}/unarchive"), teams::unarchive,
        "unarchiveGlipTeamNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/chats/{chatId}/posts"), posts::list, "readGlipPostsNew", Medium, TeamMessaging),
    endpoint!(Post tm!("/chats/{chatId}/posts"), posts::create,
        "createGlipPostNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/chats/{chatId}/posts/{postId}"), posts::read,
        "readGlipPostNew", Light, TeamMessaging),
    endpoint!(Patch tm!("/chats/{chatId}/posts/{postId}"), posts::patch,
        "patchGlipPostNew", Medium, TeamMessaging),
    endpoint!(Delete tm!("/chats/{chatId}/posts/{postId}"), posts::delete,
        "deleteGlipPostNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/chats/{chatId}/threads/{threadId}/posts"), posts::thread,
        "readGlipThreadPostsNew", Medium, TeamMessaging),
    endpoint!(Get tm!("/persons/{personId}"), people::person,
        "readGlipPersonNew", Light, TeamMessaging),
    endpoint!(Get tm!("/companies/{companyId}"), people::company,
        "readTMCompanyInfoNew", Light, TeamMessaging),
    endpoint!(Get "/restapi/v1.0/subscription", subscription::list,
        "listSubscriptions", Light, Token),
    endpoint!(Post "/restapi/v1.0/subscription", subscription::create,
        "createSubscription", Medium, Token),
    endpoint!(Get "/restapi/v1.0/subscription/{subscriptionId}", subscription::read,
        "readSubscription", Light, Token),
    endpoint!(Put "/restapi/v1.0/subscription/{subscriptionId}", subscription::update,
        "updateSubscription", Medium, Token),
    endpoint!(Delete "/restapi/v1.0/subscription/{subscriptionId}", subscription::delete,
        "deleteSubscription", Medium, Token),
    endpoint!(Post "/restapi/v1.0/subscription/{subscriptionId}/renew", subscription::read,
        "renewSubscription", Light, Token),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::sessions::scope;

    #[test]
    fn every_path_is_resolved_and_unique() {
        for e in ENDPOINTS {
            assert!(
                e.path().starts_with("/restapi/") || e.path().starts_with("/team-messaging/v1/"),
                "{} has a real path",
                e.operation()
            );
        }
        let mut keys: Vec<_> = ENDPOINTS.iter().map(|e| (e.method(), e.path())).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), ENDPOINTS.len(), "no duplicate (method, path)");
    }

    #[test]
    fn the_simulated_app_holds_every_permission_the_table_needs() {
        for e in ENDPOINTS {
            if let Some(permission) = e.access().permission() {
                assert!(
                    permission.check(&scope(true, true)).is_ok(),
                    "{} needs {}, which the app's scope must grant",
                    e.operation(),
                    permission.as_str()
                );
            }
        }
    }
}

//! The desk in demo mode, end to end in core: the simulator in-process over real HTTP, a real
//! SQLite cache in a temp dir — sign-in, the number preview, a call followed to its end, a
//! text through the outbox, links, settings.

mod business_sms;
mod call_lists;
mod calls;
mod chats;
mod demo_admin;
mod do_not_call;
mod integrations_suitedash;
mod integrations_webhook;
mod link_guard;
mod links;
mod list_editing;
mod lost_calls;
mod new_contact;
mod new_texts;
mod outbox_cancel;
mod policy;
mod support;
mod texts;
mod wrapups;

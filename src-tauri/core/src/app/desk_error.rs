//! What the desk itself can refuse, beyond the errors of the parts it drives.

use crate::recovery::Recovery;

/// Signing in in the browser, as a refusal names it.
pub(crate) const SIGN_IN_BROWSER: &str = "in the browser";
/// Signing in with a JWT credential, as a refusal names it.
pub(crate) const SIGN_IN_JWT: &str = "with a JWT credential";

/// A request the desk cannot carry out in its current state.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DeskError {
    /// Nothing can be sent before signing in.
    #[error("you are not signed in")]
    NotSignedIn,
    /// One call at a time: a RingOut is still being set up or is live.
    #[error("a call is already in progress")]
    CallInProgress,
    /// The call asked about is not the current one.
    #[error("that call has already ended")]
    NoSuchCall,
    /// The same number was just dialed (a link fired twice, a double click).
    #[error("that number was dialed a moment ago")]
    RepeatedDial,
    /// RingCentral refused a text for good.
    #[error("the text was not sent: {0}")]
    TextRefused(String),
    /// The outbox item is no longer waiting (it was sent, or is being sent).
    #[error("that text is already on its way")]
    TextUnderway,
    /// A link handed over by a second `ringdesk` asked for another profile than the running one.
    #[error(
        "this link asked for profile \"{asked}\", but ringdesk is running profile \"{running}\""
    )]
    OtherProfile {
        /// The profile the link asked for.
        asked: String,
        /// The running profile.
        running: String,
    },
    /// A link handed over with `--demo` while ringdesk runs with a real account.
    #[error("this link asked for demo mode, but ringdesk is running with a real account")]
    NotDemo,
    /// The customer replied STOP to texts from this number: RingCentral would refuse the text.
    #[error("{number} opted out of texts from {from} (they replied STOP)")]
    OptedOut {
        /// The customer.
        number: String,
        /// The agent's number.
        from: String,
    },
    /// Hang up, hold or resume with no call on the line.
    #[error("there is no call on your line")]
    NoLiveCall,
    /// RingCentral has not granted the app the `CallControl` permission.
    #[error("RingCentral has not given this app the Call Control permission")]
    NoCallControl,
    /// A template without a name, or with one too long.
    #[error("a template needs a name of at most {0} characters")]
    TemplateName(usize),
    /// More quick replies than ringdesk keeps.
    #[error("at most {0} quick replies can be kept")]
    TooManyQuickReplies(usize),
    /// A presence word ringdesk does not know.
    #[error("\"{0}\" is not a presence: use available, busy, dnd or offline")]
    UnknownPresence(String),
    /// A chat the cache does not hold (not the agent's, or not synced yet).
    #[error("there is no chat {0} among yours")]
    NoSuchChat(String),
    /// A chat named ambiguously: several of the agent's chats match.
    #[error("\"{asked}\" names several chats: {matches}")]
    AmbiguousChat {
        /// What was asked.
        asked: String,
        /// The chats it matches, by name.
        matches: String,
    },
    /// A chat notification level ringdesk does not know.
    #[error("\"{0}\" is not a notification level: use all, mentions, muted or default")]
    UnknownNotifyLevel(String),
    /// A new team without a name.
    #[error("a team needs a name of 1 to {0} characters")]
    TeamName(usize),
    /// A new chat or team with nobody but the agent in it.
    #[error("name at least one colleague to chat with")]
    NoColleagues,
    /// A colleague nobody in the company directory or Team Messaging matches.
    #[error("no colleague matches \"{0}\"")]
    NoSuchColleague(String),
    /// A colleague named ambiguously.
    #[error("\"{asked}\" names several colleagues: {matches}")]
    AmbiguousColleague {
        /// What was asked.
        asked: String,
        /// The colleagues it matches, by name.
        matches: String,
    },
    /// A number on the profile's do-not-call list.
    #[error("{0} is on your do-not-call list")]
    DoNotCall(String),
    /// A wrap-up saved without one of the profile's dispositions.
    #[error("\"{given}\" is not a disposition: use one of {known}")]
    UnknownDisposition {
        /// What was given.
        given: String,
        /// The ones there are.
        known: String,
    },
    /// Wrap-up notes longer than ringdesk keeps.
    #[error("notes can be at most {0} characters")]
    NotesTooLong(usize),
    /// A time ringdesk cannot read.
    #[error("\"{0}\" is not a time ringdesk can read")]
    BadTime(String),
    /// A call with no wrap-up to write to.
    #[error("there is no call {0} to wrap up")]
    NoSuchWrapUp(String),
    /// A call list without a name.
    #[error("a call list needs a name")]
    ListName,
    /// A call list the cache does not hold.
    #[error("there is no call list {0:?}")]
    NoSuchList(String),
    /// A paste longer than a list takes (KiB).
    #[error("a paste can be at most {0} KiB")]
    PasteTooLong(usize),
    /// A list entry's place the list does not have.
    #[error("the list has no entry {0}")]
    NoSuchEntry(i64),
    /// A call list countdown longer than ringdesk waits.
    #[error("a call list waits at most {0} seconds")]
    CountdownTooLong(u32),
    /// A global shortcut ringdesk cannot read.
    #[error("\"{0}\" is not a shortcut ringdesk can use")]
    BadShortcut(String),
    /// A setting the machine's policy locks.
    #[error("{setting} is set by your organization ({file})")]
    SetByOrganization {
        /// The setting, as the policy names it.
        setting: &'static str,
        /// The policy file.
        file: String,
    },
    /// A value the machine's policy does not allow.
    #[error("{value} is not allowed for {setting} by your organization ({file})")]
    NotAllowedByOrganization {
        /// The setting, as the policy names it.
        setting: &'static str,
        /// What was asked for.
        value: String,
        /// The policy file.
        file: String,
    },
    /// A way of signing in the machine's policy does not allow.
    #[error("signing in {method} is not allowed by your organization ({file})")]
    SignInNotAllowed {
        /// "in the browser" or "with a JWT credential".
        method: &'static str,
        /// The policy file.
        file: String,
    },
    /// A list's next call while one of its calls waits for its wrap-up.
    #[error("wrap up the call to {0} first")]
    WrapUpFirst(String),
    /// A new contact with neither a name nor a company.
    #[error("a contact needs a name or a company")]
    UnnamedContact,
    /// A SuiteDash lead for an extension or a short code.
    #[error("{0} is not a phone number SuiteDash can keep")]
    NotAPhoneNumber(String),
    /// Tags for a contact that did not come from SuiteDash.
    #[error("this contact is not a SuiteDash contact")]
    NotASuiteDashContact,
    /// *Mark as exported* before any export.
    #[error("no contacts have been exported yet")]
    NoExportYet,
    /// A shared lock was poisoned by a panic elsewhere.
    #[error("ringdesk hit an internal error ({0})")]
    Internal(&'static str),
}

impl DeskError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::NotSignedIn => Recovery::SignInAgain,
            Self::CallInProgress | Self::NoSuchCall | Self::RepeatedDial | Self::TextUnderway => {
                Recovery::FixInput
            }
            Self::TextRefused(_) => Recovery::CheckNumber,
            Self::OtherProfile { .. } | Self::NotDemo => Recovery::FixInput,
            Self::NoLiveCall
            | Self::UnknownPresence(_)
            | Self::TooManyQuickReplies(_)
            | Self::TemplateName(_)
            | Self::UnnamedContact
            | Self::NotAPhoneNumber(_)
            | Self::NotASuiteDashContact
            | Self::NoExportYet
            | Self::NoSuchChat(_)
            | Self::AmbiguousChat { .. }
            | Self::UnknownNotifyLevel(_)
            | Self::TeamName(_)
            | Self::NoColleagues
            | Self::NoSuchColleague(_)
            | Self::AmbiguousColleague { .. }
            | Self::DoNotCall(_)
            | Self::UnknownDisposition { .. }
            | Self::NotesTooLong(_)
            | Self::BadTime(_)
            | Self::NoSuchWrapUp(_)
            | Self::ListName
            | Self::NoSuchList(_)
            | Self::PasteTooLong(_)
            | Self::NoSuchEntry(_)
            | Self::CountdownTooLong(_)
            | Self::BadShortcut(_)
            | Self::WrapUpFirst(_) => Recovery::FixInput,
            Self::SetByOrganization { .. }
            | Self::NotAllowedByOrganization { .. }
            | Self::SignInNotAllowed { .. } => Recovery::AskAdmin {
                permission: "the ringdesk policy".into(),
            },
            Self::OptedOut { .. } => Recovery::CheckNumber,
            Self::NoCallControl => Recovery::AskAdmin {
                permission: "CallControl".into(),
            },
            Self::Internal(_) => Recovery::Report,
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::NotSignedIn => "Sign in with RingCentral, or try the demo.",
            Self::CallInProgress => "Wait for the current call to finish, or cancel it first.",
            Self::NoSuchCall => "Nothing to do: the call is over.",
            Self::RepeatedDial => "The first call is on its way; wait a few seconds to redial.",
            Self::TextRefused(_) => "Check the number and the sender number, then send it again.",
            Self::TextUnderway => "Nothing to cancel: it has been sent or is being sent.",
            Self::OtherProfile { .. } => {
                "Open the link without --profile, or quit ringdesk and start it with that profile."
            }
            Self::NotDemo => {
                "Open the link without --demo, or quit ringdesk and start it with --demo."
            }
            Self::NoLiveCall => "Nothing to do: no call is ringing or connected.",
            Self::OptedOut { .. } => {
                "Call them instead; texts reach them again once they text START to your number."
            }
            Self::NoCallControl => {
                "Use your phone for this; your RingCentral admin can ask RingCentral to grant the app Call Control."
            }
            Self::UnknownPresence(_) => "Choose available, busy, dnd (Do not disturb) or offline.",
            Self::TooManyQuickReplies(_) => "Remove a reply before adding another.",
            Self::TemplateName(_) => "Give the template a short name, such as \"On my way\".",
            Self::UnnamedContact => "Type their name (or their company's), then save.",
            Self::NotAPhoneNumber(_) => "Add a customer's phone number (E.164, such as +16505550123).",
            Self::NotASuiteDashContact => "Add the caller to SuiteDash first, or pull SuiteDash's contacts.",
            Self::NoExportYet => "Export first: ringdesk export contacts --for suitedash --csv FILE.",
            Self::NoSuchChat(_) => "Pick a chat from `ringdesk chats`, or run `ringdesk sync` first.",
            Self::AmbiguousChat { .. } => "Name the chat more fully, or use its id from `ringdesk chats`.",
            Self::UnknownNotifyLevel(_) => "Choose all (every post), mentions (posts naming you), muted, or default.",
            Self::TeamName(_) => "Give the team a short name.",
            Self::NoColleagues => "Pick one or more colleagues by name, email or extension number.",
            Self::NoSuchColleague(_) => "Use a colleague's name, email or extension number as the company directory shows it (`ringdesk contacts --search`).",
            Self::AmbiguousColleague { .. } => "Use the colleague's email or extension number.",
            Self::UnknownDisposition { .. } => "Pick one of the dispositions listed (a profile's own list is set in config.toml).",
            Self::NotesTooLong(_) => "Shorten the notes.",
            Self::BadTime(_) => "Write it as 2026-12-05T15:00 (your time) or with a time zone.",
            Self::NoSuchWrapUp(_) => "Pick a call from `ringdesk wrapups`.",
            Self::ListName => "Give the list a name (--name).",
            Self::NoSuchList(_) => "Make it first: import a CSV file (`ringdesk list import FILE.csv --name NAME`) or paste numbers in Lists.",
            Self::SetByOrganization { .. } | Self::NotAllowedByOrganization { .. } => "Your IT administrator sets this in ringdesk's policy file; ask them to change it.",
            Self::SignInNotAllowed { method: SIGN_IN_BROWSER, .. } => "Sign in with your JWT credential (`ringdesk login --jwt`, or Sign in with JWT in the window).",
            Self::SignInNotAllowed { .. } => "Sign in in the browser (`ringdesk login`, or Sign in in the window).",
            Self::CountdownTooLong(_) => "Pick a shorter pause, or 0 to dial only on Next.",
            Self::BadShortcut(_) => "Write it as modifiers and a key, such as Ctrl+Alt+D (Ctrl, Alt, Shift, Super; a letter, digit or F1–F24); empty turns it off.",
            Self::PasteTooLong(_) => "Paste fewer lines at a time, or import the file as CSV.",
            Self::NoSuchEntry(_) => "Use an entry's number as `ringdesk list show` prints it.",
            Self::WrapUpFirst(_) => "Save its wrap-up (the \"to wrap up\" count opens it), then go on with the list.",
            Self::DoNotCall(_) => "Take it off the list first (Settings, or `ringdesk dnc remove`) if calling is allowed again.",
            Self::Internal(_) => "Restart ringdesk; if it happens again, report it with the log.",
        }
    }
}

//! The command line: `ringdesk [--profile NAME] [--demo] [--json] [LINK | COMMAND]`.
//!
//! Every subcommand only adapts the application layer (`ringdesk_core::app`, the same door the
//! window's commands use): it parses its flags, asks the profile's [`Desk`](ringdesk_core::app::Desk)
//! one question and prints the answer for people (default) or as JSON (`--json`, stable field
//! names). The exit code is 0 only on success.

mod call;
mod calls;
mod chat_changes;
mod chats;
mod contacts;
mod context;
mod dnc;
mod export;
mod hangup;
mod import;
mod integrations;
mod lists;
mod live_calls;
mod login;
mod logout;
mod messages;
mod output;
mod presence;
mod settings;
mod sim;
mod sms;
mod status;
mod sync;
mod wrapups;

use clap::{Parser, Subcommand};

pub use context::Context;
pub use output::Output;

/// ringdesk — click-to-call and SMS for RingCentral.
///
/// With no arguments, opens the window. With a tel:, callto:, sms: or ringdesk:// link,
/// hands the link to the running window (or starts one). With a command, runs it and exits.
#[derive(Debug, Parser)]
#[command(name = "ringdesk", version)]
pub struct Cli {
    /// The profile (RingCentral account) to use.
    #[arg(long, global = true, env = "RINGDESK_PROFILE", default_value = ringdesk_core::app::DEFAULT_PROFILE)]
    pub profile: String,

    /// Use the built-in RingCentral simulator instead of a real account.
    #[arg(long, global = true)]
    pub demo: bool,

    /// Print machine-readable JSON instead of sentences.
    #[arg(long, global = true)]
    pub json: bool,

    /// Start hidden in the tray (for start at login).
    #[arg(long)]
    pub minimized: bool,

    /// Started by the system's login items (the package's `/etc/xdg/autostart` entry): start
    /// hidden in the tray if start at login is on, else do nothing.
    #[arg(long, hide = true)]
    pub at_login: bool,

    /// A tel:, callto:, sms: or ringdesk:// link to open.
    #[arg(value_name = "LINK")]
    pub link: Option<String>,

    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign in to RingCentral (browser, or --jwt for unattended machines).
    Login(login::LoginArgs),
    /// Sign out: revoke the session and remove it from the keychain.
    Logout,
    /// Show sign-in, token expiry, rate-limit budgets, breaker, server and profile.
    Status,
    /// Place a RingOut call and follow it.
    Call(call::CallArgs),
    /// Send an SMS.
    Sms(sms::SmsArgs),
    /// Your RingCentral presence: read it, or set available, busy, dnd or offline.
    Presence(presence::PresenceArgs),
    /// Hang up the call on your line (needs RingCentral's Call Control permission).
    Hangup,
    /// Bring the local cache up to date (call log, messages, contacts, chats), then send the
    /// outbox.
    Sync,
    /// Call history from the local cache.
    Calls(calls::CallsArgs),
    /// Conversations, or one thread, from the local cache.
    Messages(messages::MessagesArgs),
    /// Contacts from the local cache.
    Contacts(contacts::ContactsArgs),
    /// Team chats from the local cache, favourites first.
    Chats(chats::ChatsArgs),
    /// One team chat.
    #[command(subcommand)]
    Chat(chats::ChatCommand),
    /// The calls still to wrap up, and the dispositions to pick from.
    Wrapups,
    /// Wrap up a call: disposition, notes, tags, follow-up.
    Wrapup(wrapups::WrapUpArgs),
    /// Follow-ups promised in wrap-ups: overdue, today, upcoming.
    Followups,
    /// Call lists: import one, show it, dial its next entry.
    #[command(subcommand)]
    List(lists::ListCommand),
    /// Print the settings in force (and what your organization locks), or change one:
    /// `ringdesk settings link_action dial`.
    Settings(settings::SettingsArgs),
    /// The do-not-call list: numbers ringdesk never dials.
    #[command(subcommand)]
    Dnc(dnc::DncCommand),
    /// Write calls, messages or contacts to a CSV file.
    Export(export::ExportArgs),
    /// Read local contacts from a CSV file.
    Import(import::ImportArgs),
    /// CRM links: the signed webhook and SuiteDash (secrets, test, status, replay, pull, leads).
    #[command(subcommand)]
    Integrations(integrations::IntegrationsCommand),
    /// Run the RingCentral simulator in the foreground.
    Sim(sim::SimCommand),
}

/// Exit code of a failed command.
pub const FAILURE: i32 = 1;
/// Exit code of a call cancelled with Ctrl-C.
pub const INTERRUPTED: i32 = 130;

/// Runs a subcommand and returns the exit code.
pub fn run(cli: Cli, command: Command) -> i32 {
    let output = Output::new(cli.json);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ringdesk: cannot start: {error}");
            return FAILURE;
        }
    };
    if let Command::Sim(args) = command {
        return runtime.block_on(sim::run(args, &output));
    }
    let context = match Context::from_cli(&cli, output) {
        Ok(context) => context,
        Err(error) => return context::fail(&output, error.into()),
    };
    runtime.block_on(async move {
        match command {
            Command::Login(args) => login::run(&context, args).await,
            Command::Logout => logout::run(&context).await,
            Command::Status => status::run(&context).await,
            Command::Call(args) => call::run(&context, args).await,
            Command::Sms(args) => sms::run(&context, args).await,
            Command::Presence(args) => presence::run(&context, args).await,
            Command::Hangup => hangup::run(&context).await,
            Command::Dnc(command) => dnc::run(&context, command),
            Command::Settings(args) => settings::run(&context, args).await,
            Command::List(command) => lists::run(&context, command).await,
            Command::Wrapups => wrapups::list(&context),
            Command::Wrapup(args) => wrapups::save(&context, args),
            Command::Followups => wrapups::follow_ups(&context),
            Command::Sync => sync::run(&context).await,
            Command::Calls(args) => calls::run(&context, args).await,
            Command::Messages(args) => messages::run(&context, args).await,
            Command::Contacts(args) => contacts::run(&context, args).await,
            Command::Chats(args) => chats::list(&context, args).await,
            Command::Chat(command) => chats::run(&context, command).await,
            Command::Export(args) => export::run(&context, args).await,
            Command::Import(args) => import::run(&context, args).await,
            Command::Integrations(command) => integrations::run(&context, command).await,
            Command::Sim(_) => FAILURE,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_link_is_a_positional_argument() {
        let cli = Cli::try_parse_from(["ringdesk", "--demo", "tel:+16505550100"]).expect("parses");
        assert_eq!(cli.link.as_deref(), Some("tel:+16505550100"));
        assert!(cli.demo);
        assert!(cli.command.is_none(), "a link is not a command");
        assert_eq!(
            cli.profile, "default",
            "no --profile means the default profile"
        );
    }

    #[test]
    fn subcommands_take_global_flags_anywhere() {
        let cli = Cli::try_parse_from([
            "ringdesk",
            "call",
            "+16505550123",
            "--demo",
            "--json",
            "--dry-run",
        ])
        .expect("parses");
        assert!(cli.demo && cli.json, "global flags after the subcommand");
        let Some(Command::Call(args)) = cli.command else {
            panic!("call parses as the call command");
        };
        assert!(args.dry_run);
        assert_eq!(args.number, "+16505550123");
    }
}

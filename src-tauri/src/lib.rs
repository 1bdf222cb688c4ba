//! The ringdesk desktop shell: Tauri and OS wiring over `ringdesk_core`.
//!
//! Two programs, three faces: `ringdesk` runs the command line and hands links to the window
//! ([`front`], no GTK); `ringdesk-window` ([`run`]) is the window, which takes links from a
//! second ringdesk and from its own arguments. All of them sit on `ringdesk_core`.

mod autostart;
mod cli;
mod commands;
mod deep_link;
mod desktop;
mod error;
mod events;
pub mod front;
mod launch;
mod links;
mod notify;
mod shortcut;
mod tray;
mod wake;
mod window;

pub use cli::{Cli, Command};
pub use error::{UiError, UiErrorCode};
pub use launch::Launch;
pub use links::PendingLinks;

use std::sync::Arc;

use clap::Parser;
use ringdesk_core::app::{Background, Desk};
use tauri::{Manager, Runtime};

/// Registers ringdesk's commands, state and plugins on a Tauri builder, and connects the desk
/// for `launch` when the app starts.
///
/// Generic over the runtime so tests can drive it with `tauri::test::mock_builder()`.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, launch: Launch) -> tauri::Builder<R> {
    let desk = launch.desk(Background::On);
    let links = PendingLinks::new(launch.link.clone());
    builder
        .manage(launch)
        .manage(desk.clone())
        .manage(links)
        .manage(shortcut::Shortcuts::default())
        .plugin(connect())
        .setup(move |app| {
            events::forward(app.handle().clone(), &desk);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::ui_ready,
            commands::session::session,
            commands::session::sign_in_browser,
            commands::session::sign_in_jwt,
            commands::session::start_demo,
            commands::session::sign_out,
            commands::session::reset_connection,
            commands::dial::parse_number,
            commands::dial::suggest,
            commands::dial::call_options,
            commands::dial::place_call,
            commands::dial::cancel_call,
            commands::line::line,
            commands::line::set_presence,
            commands::line::hang_up,
            commands::line::hold_call,
            commands::line::reject_call,
            commands::line::caller,
            commands::history::list_calls,
            commands::history::history_seen,
            commands::history::sync_now,
            commands::messages::list_conversations,
            commands::messages::open_thread,
            commands::messages::measure_sms,
            commands::messages::send_sms,
            commands::messages::sms_templates,
            commands::messages::create_sms_template,
            commands::messages::update_sms_template,
            commands::messages::delete_sms_template,
            commands::messages::mark_read,
            commands::messages::cancel_outbox,
            commands::contacts::list_contacts,
            commands::contacts::contact,
            commands::contacts::add_contact,
            commands::chats::list_chats,
            commands::chats::chat_posts,
            commands::chats::mark_chat_read,
            commands::chats::older_chat_posts,
            commands::chats::post_to_chat,
            commands::chats::edit_chat_post,
            commands::chats::delete_chat_post,
            commands::chats::set_chat_notify,
            commands::chats::colleagues,
            commands::chats::new_chat,
            commands::chats::new_team,
            commands::dnc::do_not_call_list,
            commands::dnc::add_do_not_call,
            commands::dnc::remove_do_not_call,
            commands::integrations::integrations,
            commands::integrations::set_webhook,
            commands::integrations::set_suitedash,
            commands::integrations::test_integration,
            commands::integrations::replay_event,
            commands::integrations::pull_suitedash,
            commands::integrations::add_suitedash_lead,
            commands::integrations::set_suitedash_tags,
            commands::integrations::generate_suitedash_export,
            commands::integrations::mark_exported,
            commands::wrapups::dispositions,
            commands::wrapups::autosave_wrapup,
            commands::wrapups::save_wrapup,
            commands::wrapups::wrapup,
            commands::wrapups::wrapups_to_do,
            commands::wrapups::wrapup_for_call,
            commands::desktop::dial_shortcut_status,
            commands::lists::call_lists,
            commands::lists::call_list,
            commands::lists::paste_call_list,
            commands::lists::add_to_call_list,
            commands::lists::skip_list_entry,
            commands::lists::move_list_entry,
            commands::lists::delete_call_list,
            commands::lists::next_in_list,
            commands::wrapups::follow_ups,
            commands::settings::settings,
            commands::settings::save_settings,
            commands::settings::status,
            commands::desktop::handler_status,
            commands::desktop::make_default_handler,
        ])
}

/// Connects the desk while the app is built — after single-instance, which comes first, has
/// sent a second ringdesk away (a second process must never touch the account), and before the
/// event loop (`setup`) starts. The window asks for the state it missed when it loads, so events
/// before the forwarder attaches are not lost.
fn connect<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("ringdesk-connect")
        .setup(|app, _| {
            let desk = app.state::<Arc<Desk>>().inner().clone();
            tauri::async_runtime::spawn(async move {
                desk.start().await;
            });
            Ok(())
        })
        .build()
}

/// Runs ringdesk with the process arguments and returns the exit code.
pub fn run() -> i32 {
    let mut cli = Cli::parse();
    init_logging();
    if let Some(command) = cli.command.take() {
        return cli::run(cli, command);
    }
    match Launch::from_cli(&cli) {
        Ok(launch) if cli.at_login && !launch.start_at_login_wanted() => {
            tracing::info!("start at login is off: not starting");
            0
        }
        Ok(launch) => window::run(launch),
        Err(error) => {
            eprintln!("ringdesk: {error}\n{}", error.hint());
            2
        }
    }
}

/// Logs go to stderr; `RINGDESK_LOG` (or `RUST_LOG`) picks the level, `warn` by default.
pub(crate) fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RINGDESK_LOG")
        .or_else(|_| tracing_subscriber::EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

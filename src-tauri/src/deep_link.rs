//! Links from the desktop. On Linux and Windows the system starts `ringdesk <link>`: a second
//! process hands its arguments to the running one through the single-instance plugin (D-Bus on
//! Linux) and exits; the first process reads its own link from its arguments. On macOS the link
//! arrives as an "opened" event (the deep-link plugin's `on_open_url`), also at cold start.
//!
//! Every link goes into [`PendingLinks`], which holds it until the window is ready. Each source
//! is used on one platform only, so a link is never acted on twice.

use clap::parser::ValueSource;
use clap::{CommandFactory, Parser};
use ringdesk_core::app::Handover;
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};

use crate::{window, Cli, Launch, PendingLinks};

/// The single-instance plugin; register it before any other plugin, so a second ringdesk
/// hands over its arguments before anything else starts.
///
/// A second `ringdesk <link>` delivers the link; a second plain `ringdesk` shows the window
/// (the way back when the tray is not visible).
pub fn single_instance<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, argv, _cwd| match link_in(&argv) {
        Some(link) => {
            let handover = handover_in(&argv);
            app.state::<PendingLinks>().push(app, link, handover);
        }
        None => window::reveal(app),
    })
}

/// Cold start: the link this process was started with is already queued from its arguments
/// ([`Launch::link`]); when there was none, the deep-link plugin may hold one (macOS). On macOS,
/// later links arrive through `on_open_url`.
pub fn attach<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_deep_link::DeepLinkExt;

    let started_with_link = app.state::<Launch>().link.is_some();
    if !started_with_link {
        match app.deep_link().get_current() {
            Ok(urls) => {
                for url in urls.unwrap_or_default() {
                    pending(app, url.to_string());
                }
            }
            Err(error) => tracing::warn!(%error, "could not read the launch link"),
        }
    }
    #[cfg(target_os = "macos")]
    {
        let handle = app.clone();
        app.deep_link().on_open_url(move |event| {
            for url in event.urls() {
                pending(&handle, url.to_string());
            }
        });
    }
}

fn pending<R: Runtime>(app: &AppHandle<R>, link: String) {
    app.state::<PendingLinks>()
        .push(app, link, Handover::default());
}

/// The link in a second instance's arguments, read exactly as this process reads its own
/// (`ringdesk [--profile P] [--demo] LINK`); `None` for no link or unreadable arguments.
pub fn link_in(argv: &[String]) -> Option<String> {
    let cli = Cli::try_parse_from(argv).ok()?;
    if cli.command.is_some() {
        return None;
    }
    cli.link
}

/// What a second instance asked for besides its link: a profile it named (flag or
/// `RINGDESK_PROFILE`, not the default) and `--demo`.
pub fn handover_in(argv: &[String]) -> Handover {
    let Ok(matches) = Cli::command().try_get_matches_from(argv) else {
        return Handover::default();
    };
    let named = !matches!(
        matches.value_source("profile"),
        None | Some(ValueSource::DefaultValue)
    );
    Handover {
        profile: named
            .then(|| matches.get_one::<String>("profile").cloned())
            .flatten(),
        demo: matches.get_flag("demo"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn the_link_is_found_with_or_without_flags() {
        assert_eq!(
            link_in(&argv(&["/usr/bin/ringdesk", "tel:+1%20650%20555%200100"])).as_deref(),
            Some("tel:+1%20650%20555%200100"),
            "the form the desktop uses: [binary, url], kept byte for byte"
        );
        assert_eq!(
            link_in(&argv(&[
                "ringdesk",
                "--profile",
                "work",
                "sms:+15105550101?body=hi"
            ]))
            .as_deref(),
            Some("sms:+15105550101?body=hi"),
            "flags before the link do not hide it"
        );
    }

    #[test]
    fn a_named_profile_and_demo_are_handed_over_with_the_link() {
        assert_eq!(
            handover_in(&argv(&["ringdesk", "tel:+16505550100"])),
            Handover::default(),
            "the desktop's plain [binary, url] names nothing"
        );
        assert_eq!(
            handover_in(&argv(&["ringdesk", "--profile", "work", "--demo", "tel:1"])),
            Handover {
                profile: Some("work".into()),
                demo: true
            }
        );
    }

    #[test]
    fn no_link_means_show_the_window() {
        assert_eq!(link_in(&argv(&["ringdesk"])), None);
        assert_eq!(link_in(&argv(&["ringdesk", "--minimized"])), None);
        assert_eq!(
            link_in(&argv(&["ringdesk", "--no-such-flag", "tel:1"])),
            None,
            "unreadable arguments are not guessed at"
        );
    }
}

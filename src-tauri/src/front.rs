//! The `ringdesk` program itself: a front without GTK or WebKit, so that what the system starts
//! for every clicked link, and every command-line use, starts in a few milliseconds instead of
//! the ~55 ms it takes to load WebKitGTK's libraries.
//!
//! - A subcommand runs the command line here.
//! - Otherwise (no arguments, a link, `--minimized`) the window is wanted: on Linux, when
//!   ringdesk already runs, the arguments are handed to it over D-Bus — the same call the
//!   single-instance plugin's second process makes — and the front exits; else the front
//!   becomes the window program ([`WINDOW_PROGRAM`], installed next to it) with the same
//!   arguments, which claims the single instance itself.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;

use crate::Cli;

/// The window program's file name (with `.exe` on Windows), next to `ringdesk`.
pub const WINDOW_PROGRAM: &str = "ringdesk-window";

/// Runs the front with the process arguments and returns the exit code.
pub fn run() -> i32 {
    let mut cli = Cli::parse();
    crate::init_logging();
    if let Some(command) = cli.command.take() {
        return crate::cli::run(cli, command);
    }
    #[cfg(target_os = "linux")]
    match handoff::to_running_window() {
        handoff::Handoff::Taken => return 0,
        handoff::Handoff::NobodyRuns => {}
        handoff::Handoff::NotAnswering(error) => {
            eprintln!(
                "ringdesk: a running ringdesk does not answer ({error}).\n\
                 Wait a moment and try again, or quit ringdesk (tray → Quit, or end the \
                 ringdesk-window process) and start it again."
            );
            return 1;
        }
    }
    start_window()
}

/// The program links and the login item should start: `ringdesk` next to the running program
/// when it is there (the front), else the running program.
pub fn front_program(current: PathBuf) -> PathBuf {
    let front = current.with_file_name(format!("ringdesk{}", std::env::consts::EXE_SUFFIX));
    if front.is_file() {
        front
    } else {
        current
    }
}

/// Becomes (Unix) or starts (Windows) the window program with this process's arguments.
fn start_window() -> i32 {
    let arguments: Vec<OsString> = std::env::args_os().skip(1).collect();
    let program = match std::env::current_exe() {
        Ok(front) => {
            front.with_file_name(format!("{WINDOW_PROGRAM}{}", std::env::consts::EXE_SUFFIX))
        }
        Err(error) => {
            eprintln!("ringdesk: cannot find its own program: {error}");
            return 2;
        }
    };
    let mut command = std::process::Command::new(&program);
    command.args(arguments);
    #[cfg(unix)]
    let error = {
        use std::os::unix::process::CommandExt;
        command.exec()
    };
    #[cfg(not(unix))]
    let error = match command.status() {
        Ok(status) => return status.code().unwrap_or(1),
        Err(error) => error,
    };
    eprintln!(
        "ringdesk: the window program {} could not start: {error}\n\
         Reinstall ringdesk: {WINDOW_PROGRAM} belongs next to ringdesk.",
        program.display()
    );
    2
}

#[cfg(target_os = "linux")]
mod handoff {
    use std::time::Duration;

    use zbus::blocking::connection::Builder;

    /// The single-instance plugin's bus name: the app identifier (`tauri.conf.json`) +
    /// `.SingleInstance`.
    pub const BUS_NAME: &str = "app.ringdesk.desktop.SingleInstance";
    /// Its object path: the bus name with `/` for `.`.
    const OBJECT_PATH: &str = "/app/ringdesk/desktop/SingleInstance";
    /// Its interface.
    const INTERFACE: &str = "org.SingleInstance.DBus";
    /// A running window answers at once; one that takes longer is stuck.
    const PATIENCE: Duration = Duration::from_secs(10);

    /// What became of the arguments.
    pub enum Handoff {
        /// The running ringdesk took them.
        Taken,
        /// No ringdesk runs (or there is no session bus): this process starts the window.
        NobodyRuns,
        /// A ringdesk owns the name but did not take them.
        NotAnswering(zbus::Error),
    }

    /// Hands this process's arguments to a running ringdesk.
    pub fn to_running_window() -> Handoff {
        let bus = match Builder::session().and_then(|b| b.method_timeout(PATIENCE).build()) {
            Ok(bus) => bus,
            Err(error) => {
                tracing::debug!(%error, "no session bus: starting the window");
                return Handoff::NobodyRuns;
            }
        };
        let arguments: Vec<String> = std::env::args_os()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let folder = std::env::current_dir()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        match bus.call_method(
            Some(BUS_NAME),
            OBJECT_PATH,
            Some(INTERFACE),
            "ExecuteCallback",
            &(arguments, folder),
        ) {
            Ok(_) => Handoff::Taken,
            Err(zbus::Error::MethodError(name, _, _))
                if matches!(
                    name.as_str(),
                    "org.freedesktop.DBus.Error.ServiceUnknown"
                        | "org.freedesktop.DBus.Error.NameHasNoOwner"
                ) =>
            {
                Handoff::NobodyRuns
            }
            Err(error) => Handoff::NotAnswering(error),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_bus_name_and_path_are_the_plugins_for_this_identifier() {
            let config: serde_json::Value =
                serde_json::from_str(include_str!("../../tauri.conf.json")).expect("JSON");
            let identifier = config["identifier"].as_str().expect("an identifier");
            assert_eq!(BUS_NAME, format!("{identifier}.SingleInstance"));
            assert_eq!(
                OBJECT_PATH,
                format!("/{}", BUS_NAME.replace('.', "/").replace('-', "_"))
            );
        }
    }
}

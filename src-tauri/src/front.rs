//! The `ringdesk` program itself: what the system starts for every clicked link and every
//! command-line use. On Linux and macOS it is a small program without GTK, WebKit, or even the
//! core: a link reaches a running window in a few milliseconds instead of the ~55 ms it takes to
//! load WebKitGTK's libraries, and the two installed programs share one copy of the core.
//!
//! - `--version` is answered here.
//! - A window launch (no command: nothing, a link, `--minimized`, `--demo`, `--profile NAME`): on
//!   Linux, when ringdesk already runs, the arguments are handed to it over D-Bus — the same
//!   call the single-instance plugin's second process makes — and the front exits.
//! - Everything else (a command, `--help`, `--at-login`, a window launch nobody took) becomes
//!   the window program ([`WINDOW_PROGRAM`], installed next to it) with the same arguments: it
//!   runs the command line without opening a window, or opens the window.
//!
//! On Windows, where the window program is not a console program and so cannot print, the
//! front runs the command line itself and starts the window program for the window.

use std::ffi::OsString;
use std::path::PathBuf;

/// The window program's file name (with `.exe` on Windows), next to `ringdesk`.
pub const WINDOW_PROGRAM: &str = "ringdesk-window";

/// The command line's subcommands (and clap's `help`): an argument naming one is a command,
/// not a link. A test keeps this list equal to the parser's.
pub const SUBCOMMANDS: &[&str] = &[
    "login",
    "logout",
    "status",
    "call",
    "hangup",
    "sms",
    "presence",
    "sync",
    "calls",
    "messages",
    "contacts",
    "chats",
    "chat",
    "wrapups",
    "wrapup",
    "followups",
    "list",
    "settings",
    "dnc",
    "export",
    "import",
    "integrations",
    "sim",
    "help",
];

/// What the arguments ask of the front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invocation {
    /// `--version`: answered here.
    Version,
    /// The window, maybe with a link: a running one takes it.
    Window,
    /// Anything else: the window program's parser answers.
    Other,
}

impl Invocation {
    /// Reads the arguments (without the program name) as the front needs them.
    pub fn of(arguments: &[OsString]) -> Self {
        let mut links = 0;
        let mut rest = arguments.iter();
        while let Some(argument) = rest.next() {
            let Some(argument) = argument.to_str() else {
                return Self::Other;
            };
            match argument {
                "--version" | "-V" => return Self::Version,
                "--demo" | "--minimized" | "--json" => {}
                "--profile" => {
                    if rest.next().is_none() {
                        return Self::Other;
                    }
                }
                flag if flag.starts_with("--profile=") => {}
                flag if flag.starts_with('-') => return Self::Other,
                command if SUBCOMMANDS.contains(&command) => return Self::Other,
                _ => {
                    links += 1;
                    if links > 1 {
                        return Self::Other;
                    }
                }
            }
        }
        Self::Window
    }
}

/// Runs the front with the process arguments and returns the exit code.
#[cfg(not(windows))]
pub fn run() -> i32 {
    let arguments: Vec<OsString> = std::env::args_os().skip(1).collect();
    match Invocation::of(&arguments) {
        Invocation::Version => {
            println!("ringdesk {}", env!("CARGO_PKG_VERSION"));
            return 0;
        }
        Invocation::Window =>
        {
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
        }
        Invocation::Other => {}
    }
    become_window_program(arguments)
}

/// Runs the front with the process arguments and returns the exit code: the command line here
/// (a console program can print), the window program for the window.
#[cfg(windows)]
pub fn run() -> i32 {
    use clap::Parser;
    let mut cli = crate::Cli::parse();
    crate::init_logging();
    if let Some(command) = cli.command.take() {
        return crate::cli::run(cli, command);
    }
    become_window_program(std::env::args_os().skip(1).collect())
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

/// Becomes (Unix) or starts and waits for (Windows) the window program with `arguments`.
fn become_window_program(arguments: Vec<OsString>) -> i32 {
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
            // No session bus: nobody to hand over to.
            Err(_) => return Handoff::NobodyRuns,
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn of(arguments: &[&str]) -> Invocation {
        let arguments: Vec<OsString> = arguments.iter().map(OsString::from).collect();
        Invocation::of(&arguments)
    }

    #[test]
    fn the_front_knows_every_subcommand_of_the_parser() {
        let mut parsed: Vec<String> = crate::Cli::command()
            .get_subcommands()
            .flat_map(|c| {
                std::iter::once(c.get_name().to_string())
                    .chain(c.get_all_aliases().map(str::to_string))
            })
            .collect();
        parsed.push("help".into());
        parsed.sort();
        let mut known: Vec<String> = SUBCOMMANDS.iter().map(|s| s.to_string()).collect();
        known.sort();
        assert_eq!(known, parsed);
    }

    #[test]
    fn links_and_window_flags_are_window_launches_and_the_rest_goes_to_the_parser() {
        assert_eq!(of(&[]), Invocation::Window);
        assert_eq!(of(&["tel:+16505550100"]), Invocation::Window);
        assert_eq!(of(&["--minimized"]), Invocation::Window);
        assert_eq!(
            of(&["--profile", "work", "--demo", "sms:+1650"]),
            Invocation::Window
        );
        assert_eq!(of(&["--profile=work", "callto:123"]), Invocation::Window);
        assert_eq!(of(&["--version"]), Invocation::Version);
        assert_eq!(of(&["-V"]), Invocation::Version);
        for other in [
            &["call", "+16505550100"][..],
            &["--demo", "status"],
            &["--help"],
            &["--at-login"],
            &["--profile"],
            &["tel:1", "tel:2"],
            &["--unknown"],
            &["call", "--version"],
        ] {
            assert_eq!(of(other), Invocation::Other, "{other:?}");
        }
    }
}

//! Linux: ringdesk's handler entry in `$XDG_DATA_HOME/applications`, made the default with
//! `xdg-mime`, which writes `$XDG_CONFIG_HOME/mimeapps.list` (or asks the desktop's own tool).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::entry::{desktop_entry, exec_program};
use super::{HandlerAction, HandlerError, HandlerStatus, SchemeHandler, SchemeStatus, ALL_SCHEMES};
use crate::config::Environment;

/// The entry ringdesk writes for itself.
pub const HANDLER_ENTRY: &str = "ringdesk-handler.desktop";

/// The entry the .deb and AppImage bundles install (their template has `%u` and the schemes).
pub const BUNDLED_ENTRY: &str = "ringdesk.desktop";

/// ringdesk as the handler of its schemes on a freedesktop.org system.
#[derive(Debug, Clone)]
pub struct XdgHandler {
    exe: PathBuf,
    data_home: PathBuf,
    config_home: PathBuf,
}

impl XdgHandler {
    /// For the program at `exe` (the AppImage, when run from one), with explicit XDG folders.
    pub fn new(exe: PathBuf, data_home: PathBuf, config_home: PathBuf) -> Self {
        Self {
            exe,
            data_home,
            config_home,
        }
    }

    /// For the program at `exe` and the XDG folders `env` names (`XDG_DATA_HOME`,
    /// `XDG_CONFIG_HOME`, else `$HOME/.local/share`, `$HOME/.config`).
    pub fn from_env(exe: PathBuf, env: &Environment) -> Result<Self, HandlerError> {
        let home = env.get("HOME").map(PathBuf::from);
        let folder = |var: &str, under_home: &str| {
            env.get(var)
                .map(PathBuf::from)
                .filter(|path| path.is_absolute())
                .or_else(|| home.as_ref().map(|home| home.join(under_home)))
                .ok_or(HandlerError::NoHome)
        };
        Ok(Self::new(
            exe,
            folder("XDG_DATA_HOME", ".local/share")?,
            folder("XDG_CONFIG_HOME", ".config")?,
        ))
    }

    /// Where the handler entry lives.
    pub fn entry_path(&self) -> PathBuf {
        self.data_home.join("applications").join(HANDLER_ENTRY)
    }

    /// Who opens each scheme's links now.
    pub fn status(&self) -> Result<HandlerStatus, HandlerError> {
        let ours = std::fs::read_to_string(self.entry_path())
            .ok()
            .and_then(|entry| exec_program(&entry));
        let mut schemes = Vec::with_capacity(ALL_SCHEMES.len());
        for scheme in ALL_SCHEMES {
            let answer = self.xdg_mime(&["query", "default", &mime(scheme)])?;
            schemes.push(SchemeStatus {
                scheme: scheme.to_string(),
                handler: self.classify(answer.trim(), ours.as_deref()),
            });
        }
        let is_default = schemes.iter().all(|s| s.handler == SchemeHandler::Ringdesk);
        let advice = if is_default {
            "ringdesk opens tel:, callto: and sms: links on this computer."
        } else {
            "Other apps (or none) open some phone links: make ringdesk the handler to call them from here."
        };
        Ok(HandlerStatus {
            schemes,
            action: HandlerAction::Register,
            is_default,
            advice: advice.to_string(),
        })
    }

    /// Writes the handler entry for this ringdesk, makes it the default for every scheme, and
    /// returns the state read back from the system.
    pub fn make_default(&self) -> Result<HandlerStatus, HandlerError> {
        let path = self.entry_path();
        let dir = self.data_home.join("applications");
        std::fs::create_dir_all(&dir).map_err(|source| HandlerError::Write {
            path: dir.clone(),
            source,
        })?;
        write_atomically(&path, &desktop_entry(&self.exe)?)?;
        // Refreshes the MIME cache where the tool exists; `xdg-mime default` works without it.
        if let Err(error) = self.run("update-desktop-database", &[dir.as_os_str()]) {
            tracing::debug!(%error, "update-desktop-database skipped");
        }
        let mut args = vec!["default".to_string(), HANDLER_ENTRY.to_string()];
        args.extend(ALL_SCHEMES.iter().map(|s| mime(s)));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.xdg_mime(&args)?;
        self.status()
    }

    fn classify(&self, answer: &str, ours: Option<&str>) -> SchemeHandler {
        match answer {
            "" => SchemeHandler::Nobody,
            BUNDLED_ENTRY => SchemeHandler::Ringdesk,
            HANDLER_ENTRY if ours == self.exe.to_str() => SchemeHandler::Ringdesk,
            // The entry starts a ringdesk that is not this one (moved, or another copy).
            HANDLER_ENTRY => SchemeHandler::Other {
                app: format!("another ringdesk ({})", ours.unwrap_or("missing")),
            },
            other => SchemeHandler::Other {
                app: other.trim_end_matches(".desktop").to_string(),
            },
        }
    }

    fn xdg_mime(&self, args: &[&str]) -> Result<String, HandlerError> {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        self.run("xdg-mime", &args)
    }

    /// Runs a desktop tool with this handler's XDG folders; returns its standard output.
    fn run(&self, tool: &'static str, args: &[&std::ffi::OsStr]) -> Result<String, HandlerError> {
        let output = Command::new(tool)
            .args(args)
            .env("XDG_DATA_HOME", &self.data_home)
            .env("XDG_CONFIG_HOME", &self.config_home)
            .output()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => HandlerError::ToolMissing { tool },
                _ => HandlerError::ToolFailed {
                    tool,
                    message: error.to_string(),
                },
            })?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(HandlerError::ToolFailed {
                tool,
                message: match stderr.trim() {
                    "" => output.status.to_string(),
                    text => text.to_string(),
                },
            });
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

fn mime(scheme: &str) -> String {
    format!("x-scheme-handler/{scheme}")
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`, so a
/// launcher never reads half an entry.
fn write_atomically(path: &Path, text: &str) -> Result<(), HandlerError> {
    let temporary = path.with_extension("desktop.tmp");
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|source| HandlerError::Write {
            path: path.to_path_buf(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// These tests drive the real `xdg-mime`; without it they fail rather than pass unrun.
    fn require_xdg_mime() {
        Command::new("xdg-mime").arg("--version").output().expect(
            "xdg-mime is missing: install the xdg-utils package (scripts/setup.sh --test does)",
        );
    }

    fn handler(dir: &Path, exe: &str) -> XdgHandler {
        XdgHandler::new(PathBuf::from(exe), dir.join("data"), dir.join("config"))
    }

    #[test]
    fn make_default_registers_every_scheme_and_reads_it_back() {
        require_xdg_mime();
        let dir = tempfile::tempdir().expect("temp dir");
        let handler = handler(dir.path(), "/opt/ringdesk/ringdesk");
        let before = handler.status().expect("query on an empty profile");
        assert!(
            !before.is_default,
            "a fresh profile has no handler: {before:?}"
        );
        assert!(
            before
                .schemes
                .iter()
                .all(|s| s.handler == SchemeHandler::Nobody),
            "{before:?}"
        );

        let after = handler.make_default().expect("registration");
        assert!(
            after.is_default,
            "every scheme is ringdesk's now: {after:?}"
        );
        let list = std::fs::read_to_string(dir.path().join("config/mimeapps.list"))
            .expect("xdg-mime wrote mimeapps.list");
        assert!(
            list.contains("x-scheme-handler/tel=ringdesk-handler.desktop"),
            "{list}"
        );
        let entry = std::fs::read_to_string(handler.entry_path()).expect("entry written");
        assert!(
            entry.contains("\nExec=/opt/ringdesk/ringdesk %u\n"),
            "unquoted Exec with %u: {entry}"
        );
    }

    #[test]
    fn an_entry_for_another_copy_of_ringdesk_needs_repair() {
        require_xdg_mime();
        let dir = tempfile::tempdir().expect("temp dir");
        handler(dir.path(), "/old/place/ringdesk")
            .make_default()
            .expect("registration of the old copy");
        let moved = handler(dir.path(), "/new/place/ringdesk");
        let status = moved.status().expect("query");
        assert!(
            !status.is_default,
            "links would start the old copy, so this ringdesk is not the handler: {status:?}"
        );
        assert!(matches!(
            &status.schemes[0].handler,
            SchemeHandler::Other { app } if app.contains("/old/place/ringdesk")
        ));
        assert!(
            moved.make_default().expect("repair").is_default,
            "registering again repairs it"
        );
    }

    #[test]
    fn folders_follow_xdg_variables_then_home() {
        let env = Environment::from_pairs([("HOME", "/home/agent"), ("XDG_CONFIG_HOME", "/cfg")]);
        let handler =
            XdgHandler::from_env(PathBuf::from("/usr/bin/ringdesk"), &env).expect("HOME is enough");
        assert_eq!(
            handler.entry_path(),
            PathBuf::from("/home/agent/.local/share/applications/ringdesk-handler.desktop")
        );
        assert_eq!(handler.config_home, PathBuf::from("/cfg"));
        assert!(
            XdgHandler::from_env(PathBuf::from("/x"), &Environment::default()).is_err(),
            "without HOME or XDG folders there is nowhere to register"
        );
    }

    #[test]
    fn another_app_is_named_without_its_suffix() {
        let handler = handler(Path::new("/tmp"), "/usr/bin/ringdesk");
        assert_eq!(
            handler.classify("org.gnome.Contacts.desktop", None),
            SchemeHandler::Other {
                app: "org.gnome.Contacts".into()
            }
        );
        assert_eq!(
            handler.classify("ringdesk.desktop", None),
            SchemeHandler::Ringdesk,
            "the bundle's own entry counts"
        );
        assert_eq!(handler.classify("", None), SchemeHandler::Nobody);
    }
}

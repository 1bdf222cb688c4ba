//! The `.desktop` entry that makes ringdesk a link handler on Linux (Desktop Entry
//! Specification 1.5): `Exec=<ringdesk> %u` and one `x-scheme-handler/…` MIME type per scheme.
//!
//! The path is written **unquoted** whenever it can be: Debian 12's generic `xdg-open` cannot
//! run a quoted `Exec=` (which tauri-plugin-deep-link's `register()` writes), while `gio open`
//! and every desktop run both forms.

use std::path::Path;

use super::{HandlerError, ALL_SCHEMES};

/// Characters a path may hold and still be written unquoted in `Exec=`.
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ',' | ':' | '@' | '=')
}

/// The `Exec=` value that starts `exe` with the link as its only argument (`%u`).
pub fn exec_line(exe: &Path) -> Result<String, HandlerError> {
    let path = exe
        .to_str()
        .ok_or_else(|| HandlerError::BadPath(exe.to_path_buf()))?;
    if path.chars().any(char::is_control) {
        return Err(HandlerError::BadPath(exe.to_path_buf()));
    }
    if path.chars().all(plain) {
        return Ok(format!("{path} %u"));
    }
    // Quoted argument: `"`, `` ` ``, `$` and `\` take a backslash; then the general string
    // escape doubles every backslash, and `%` is a field code unless doubled.
    let mut quoted = String::from("\"");
    for c in path.chars() {
        match c {
            '"' | '`' | '$' => {
                quoted.push_str("\\\\");
                quoted.push(c);
            }
            '\\' => quoted.push_str("\\\\\\\\"),
            '%' => quoted.push_str("%%"),
            _ => quoted.push(c),
        }
    }
    quoted.push_str("\" %u");
    Ok(quoted)
}

/// The whole entry: hidden from menus (the app's own launcher is the bundle's `ringdesk.desktop`),
/// handling every scheme of [`ALL_SCHEMES`].
pub fn desktop_entry(exe: &Path) -> Result<String, HandlerError> {
    let mime: String = ALL_SCHEMES
        .iter()
        .map(|scheme| format!("x-scheme-handler/{scheme};"))
        .collect();
    Ok(format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=ringdesk\n\
         Comment=Call and text phone links with RingCentral\n\
         Exec={exec}\n\
         Icon=ringdesk\n\
         Terminal=false\n\
         NoDisplay=true\n\
         MimeType={mime}\n",
        exec = exec_line(exe)?,
    ))
}

/// The program an entry's `Exec=` starts, unquoted again; `None` when there is no `Exec=`.
pub(super) fn exec_program(entry: &str) -> Option<String> {
    let exec = entry
        .lines()
        .find_map(|line| line.trim().strip_prefix("Exec="))?
        .trim();
    if let Some(rest) = exec.strip_prefix('"') {
        let unescaped = rest.replace("\\\\", "\\").replace("%%", "%");
        let mut chars = unescaped.chars();
        let mut program = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => program.extend(chars.next()),
                '"' => return Some(program),
                _ => program.push(c),
            }
        }
        return None;
    }
    exec.split_whitespace().next().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_plain_path_is_written_unquoted() {
        let exec = exec_line(Path::new("/usr/bin/ringdesk")).expect("plain path");
        assert_eq!(
            exec, "/usr/bin/ringdesk %u",
            "Debian's generic xdg-open runs only an unquoted Exec"
        );
    }

    #[test]
    fn a_path_with_spaces_is_quoted_and_escaped() {
        let exe = PathBuf::from("/home/a b/My \"Apps\"/100%/ring$desk");
        let exec = exec_line(&exe).expect("quotable path");
        assert_eq!(
            exec, r#""/home/a b/My \\"Apps\\"/100%%/ring\\$desk" %u"#,
            "reserved characters are escaped twice (argument quoting, then string escapes)"
        );
        let entry = format!("[Desktop Entry]\nExec={exec}\n");
        assert_eq!(
            exec_program(&entry).as_deref(),
            exe.to_str(),
            "the program reads back as the path it was written from"
        );
    }

    #[test]
    fn control_characters_are_refused() {
        assert!(
            exec_line(Path::new("/tmp/ring\ndesk")).is_err(),
            "a newline would end the Exec line and inject keys"
        );
    }

    #[test]
    fn the_entry_handles_every_scheme_and_stays_out_of_menus() {
        let entry = desktop_entry(Path::new("/opt/ringdesk/ringdesk")).expect("entry");
        assert!(
            entry.contains("\nExec=/opt/ringdesk/ringdesk %u\n"),
            "{entry}"
        );
        assert!(
            entry.contains(
                "\nMimeType=x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/sms;x-scheme-handler/ringdesk;\n"
            ),
            "{entry}"
        );
        assert!(
            entry.contains("\nNoDisplay=true\n"),
            "the handler entry must not add a second menu item"
        );
        assert_eq!(
            exec_program(&entry).as_deref(),
            Some("/opt/ringdesk/ringdesk")
        );
    }
}

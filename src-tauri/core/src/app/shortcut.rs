//! The dial-from-anywhere shortcut as the agent writes it (`Ctrl+Alt+D`): read and written
//! back in one spelling, so Settings, `config.toml` and the desktop's key grab agree.

use super::DeskError;

/// Modifiers, as written back.
const MODIFIERS: [(&str, &[&str]); 4] = [
    (
        "Ctrl",
        &["ctrl", "control", "commandorcontrol", "cmdorctrl"],
    ),
    ("Alt", &["alt", "option"]),
    ("Shift", &["shift"]),
    ("Super", &["super", "meta", "cmd", "command", "win"]),
];

/// Reads `text` as modifiers and one key (`Ctrl+Alt+D`, `super+shift+f9`); empty turns the
/// shortcut off. At least Ctrl, Alt or Super is needed: a bare key or Shift+key would take a
/// key from typing everywhere.
pub(crate) fn read_shortcut(text: &str) -> Result<String, DeskError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    let bad = || DeskError::BadShortcut(text.chars().take(40).collect());
    let parts: Vec<&str> = text.split('+').map(str::trim).collect();
    let (key, modifiers) = parts.split_last().ok_or_else(bad)?;
    let mut held = [false; 4];
    for part in modifiers {
        let lower = part.to_ascii_lowercase();
        let at = MODIFIERS
            .iter()
            .position(|(_, names)| names.contains(&lower.as_str()))
            .ok_or_else(bad)?;
        held[at] = true;
    }
    if !(held[0] || held[1] || held[3]) {
        return Err(bad());
    }
    let key = read_key(key).ok_or_else(bad)?;
    let mut written: Vec<&str> = MODIFIERS
        .iter()
        .zip(held)
        .filter(|(_, on)| *on)
        .map(|((name, _), _)| *name)
        .collect();
    written.push(&key);
    Ok(written.join("+"))
}

/// A letter, a digit or F1–F24, as written back.
fn read_key(key: &str) -> Option<String> {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphanumeric() => Some(c.to_ascii_uppercase().to_string()),
        _ => {
            let n: u8 = key.strip_prefix(['F', 'f'])?.parse().ok()?;
            (1..=24).contains(&n).then(|| format!("F{n}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_read_in_any_spelling_and_written_in_one() {
        assert_eq!(read_shortcut("Ctrl+Alt+D").unwrap(), "Ctrl+Alt+D");
        assert_eq!(read_shortcut(" alt + control + d ").unwrap(), "Ctrl+Alt+D");
        assert_eq!(read_shortcut("super+shift+f9").unwrap(), "Shift+Super+F9");
        assert_eq!(read_shortcut("").unwrap(), "", "off");
    }

    #[test]
    fn a_shortcut_that_would_take_a_typed_key_is_refused() {
        for bad in [
            "D",
            "Shift+D",
            "Ctrl+",
            "Ctrl+Alt+Home",
            "Hyper+D",
            "Ctrl+F25",
            "Ctrl+é",
        ] {
            assert!(read_shortcut(bad).is_err(), "{bad}");
        }
    }
}

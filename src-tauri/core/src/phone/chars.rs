//! What each character of a number means: digit, separator, letter, emoji, control, or junk.

/// The role of one character inside a written number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharKind {
    /// A decimal digit in any common script, as its ASCII digit.
    Digit(char),
    /// A visual separator or an invisible mark, skipped (space, `-`, `.`, `(`, `)`, `/`, NBSP …).
    Separator,
    /// An ASCII letter: keypad letters, extension words, pauses or a note.
    Letter,
    /// An emoji or an emoji modifier.
    Emoji,
    /// A control character or a bidirectional override: never accepted.
    Control,
    /// Anything else.
    Other,
}

/// The zero digit of each script whose digits libphonenumber also accepts (Arabic-Indic, Extended
/// Arabic-Indic, Devanagari, Bengali, Thai, full-width). Each script's digits are contiguous.
const ZEROS: [u32; 6] = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10];

/// Classifies one character.
pub(crate) fn classify(c: char) -> CharKind {
    if c.is_ascii_digit() {
        return CharKind::Digit(c);
    }
    if c.is_ascii_alphabetic() {
        return CharKind::Letter;
    }
    if is_separator(c) {
        return CharKind::Separator;
    }
    if is_control(c) {
        return CharKind::Control;
    }
    if is_emoji(c) {
        return CharKind::Emoji;
    }
    match script_digit(c) {
        Some(digit) => CharKind::Digit(digit),
        None => CharKind::Other,
    }
}

/// Control characters and the bidirectional embeddings and overrides that can make a number read
/// differently on screen than it dials.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-' | '.' | '(' | ')' | '/' | '[' | ']' | ':' | '~'
            // no-break, typographic and ideographic spaces
            | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
            // invisible marks that ride along with copied text
            | '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
            // dashes, minus, and their full-width and Japanese forms
            | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'
            | '\u{FF08}' | '\u{FF09}' | '\u{FF0E}' | '\u{FF0F}'
    )
}

fn is_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}'      // pictographs, emoticons, flags, transport …
            | '\u{2600}'..='\u{27BF}'  // ☎ ✆ and the other miscellaneous symbols and dingbats
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{231A}' | '\u{231B}' | '\u{23E9}'..='\u{23FA}'
            | '\u{20E3}'               // combining keycap, as in 1️⃣
            | '\u{FE00}'..='\u{FE0F}'  // variation selectors
            | '\u{E0020}'..='\u{E007F}' // tag characters of subdivision flags
    )
}

fn script_digit(c: char) -> Option<char> {
    let code = u32::from(c);
    ZEROS.iter().find_map(|&zero| {
        let value = code.checked_sub(zero).filter(|value| *value < 10)?;
        char::from_digit(value, 10)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_other_scripts_read_as_ascii_digits() {
        assert_eq!(classify('٣'), CharKind::Digit('3'), "Arabic-Indic three");
        assert_eq!(
            classify('۷'),
            CharKind::Digit('7'),
            "Extended Arabic-Indic seven"
        );
        assert_eq!(classify('९'), CharKind::Digit('9'), "Devanagari nine");
        assert_eq!(classify('５'), CharKind::Digit('5'), "full-width five");
        assert_eq!(
            classify('٫'),
            CharKind::Other,
            "Arabic decimal separator is no digit"
        );
    }

    #[test]
    fn invisible_marks_are_separators_but_bidi_overrides_are_controls() {
        assert_eq!(
            classify('\u{200E}'),
            CharKind::Separator,
            "left-to-right mark"
        );
        assert_eq!(classify('\u{00A0}'), CharKind::Separator, "no-break space");
        assert_eq!(
            classify('\u{202E}'),
            CharKind::Control,
            "right-to-left override"
        );
        assert_eq!(classify('\u{0007}'), CharKind::Control, "bell");
    }

    #[test]
    fn phone_symbols_and_flags_are_emoji() {
        for c in ['☎', '📞', '📱', '\u{1F1FA}', '\u{FE0F}', '\u{20E3}'] {
            assert_eq!(classify(c), CharKind::Emoji, "{c:?}");
        }
        assert_eq!(classify('é'), CharKind::Other);
    }
}

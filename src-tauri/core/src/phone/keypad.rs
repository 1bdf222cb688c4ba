//! The E.161 telephone keypad: letters to digits, for vanity numbers such as 1-800-FLOWERS.

/// The digit that carries `letter` on an E.161 keypad (`Q` on 7 and `Z` on 9, as on every phone
/// sold since the 1990s), or `None` for anything that is not an ASCII letter.
pub(crate) fn digit_for_letter(letter: char) -> Option<char> {
    let digit = match letter.to_ascii_uppercase() {
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        'W'..='Z' => '9',
        _ => return None,
    };
    Some(digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(word: &str) -> String {
        word.chars().filter_map(digit_for_letter).collect()
    }

    #[test]
    fn every_letter_has_its_key() {
        assert_eq!(
            spell("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            "22233344455566677778889999"
        );
        assert_eq!(
            spell("abcdefghijklmnopqrstuvwxyz"),
            "22233344455566677778889999"
        );
    }

    #[test]
    fn vanity_words_spell_their_numbers() {
        assert_eq!(spell("FLOWERS"), "3569377");
        assert_eq!(spell("GOTJUNK"), "4685865");
    }

    #[test]
    fn non_letters_have_no_key() {
        for c in ['1', '*', '#', 'é', ' '] {
            assert_eq!(digit_for_letter(c), None, "{c:?}");
        }
    }
}

//! The grammar of a written number, shared by pasted text and the number part of links.
//!
//! `+1 (650) 555-0100 x 12`, `555.555.5555 ext. 9`, `+16505550100*101`, `…#101`, `1-800-FLOWERS`,
//! `…,,22`, `…;postd=pp22`, `ext. 227`, `*227`. The number, the extension and the post-dial DTMF
//! come out separately; separators are dropped; nothing else is.

use super::chars::{classify, CharKind};
use super::error::excerpt;
use super::{keypad, PhoneError, MAX_EXTENSION_DIGITS, MAX_NUMBER_DIGITS, MAX_POST_DIAL_CHARS};

/// A written number taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DialString {
    /// An optional `+`, then digits; empty when the text names only an extension (`*227`).
    pub(crate) number: String,
    /// Extension digits (`x 12`, `ext. 227`, `*101`, `#101`, `;ext=101`).
    pub(crate) extension: Option<String>,
    /// DTMF to send once connected: digits, `*`, `#`, `,` (pause) and `w` (wait for the agent).
    pub(crate) post_dial: Option<String>,
}

/// Words that start an extension, in the languages RingCentral sells in.
pub(crate) const EXTENSION_WORDS: [&str; 7] =
    ["x", "ext", "extn", "extension", "poste", "anexo", "ramal"];

/// A word continues an unfinished number (`1 800 FLOWERS`) while fewer digits than this came first.
const VANITY_LEADING_DIGITS: usize = 7;

/// Reads `text` as one number; `offset` is where `text` starts in what the agent sees, so that
/// error positions point into the whole input.
pub(crate) fn parse(text: &str, offset: usize) -> Result<DialString, PhoneError> {
    let mut reader = Reader {
        text,
        offset,
        number: String::new(),
        digits: 0,
        extension: String::new(),
        post_dial: String::new(),
        part: Part::Number,
        previous: None,
    };
    reader.read()?;
    reader.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Number,
    Extension,
    PostDial,
}

/// What to do after one character.
enum Step {
    /// Go on with the next character.
    Next,
    /// Skip this many more bytes (ASCII) first.
    Skip(usize),
    /// The rest is not part of the number (a trailing note, or all consumed).
    Stop,
}

struct Reader<'a> {
    text: &'a str,
    offset: usize,
    number: String,
    digits: usize,
    extension: String,
    post_dial: String,
    part: Part,
    previous: Option<char>,
}

impl Reader<'_> {
    fn read(&mut self) -> Result<(), PhoneError> {
        let text = self.text;
        let mut index = 0;
        let mut position = self.offset;
        while let Some(c) = text.get(index..).and_then(|from| from.chars().next()) {
            position += 1;
            let from = &text[index..];
            index += c.len_utf8();
            match self.step(c, from, position)? {
                Step::Next => {}
                Step::Skip(bytes) => {
                    index += bytes;
                    position += bytes;
                }
                Step::Stop => return Ok(()),
            }
            self.previous = text[..index].chars().next_back();
        }
        Ok(())
    }

    fn step(&mut self, c: char, from: &str, position: usize) -> Result<Step, PhoneError> {
        let rest = &from[c.len_utf8()..];
        match c {
            '+' | '\u{FF0B}' => self.plus(position),
            '*' | '\u{FF0A}' => self.star_or_hash('*', from, rest),
            '#' | '\u{FF03}' => self.star_or_hash('#', from, rest),
            ',' => self.pause(',', position, c, rest),
            ';' => self.semicolon(rest, position),
            _ => match classify(c) {
                CharKind::Digit(digit) => self.digit(digit).map(|()| Step::Next),
                CharKind::Separator => Ok(Step::Next),
                CharKind::Letter => self.word(from),
                CharKind::Emoji => Err(PhoneError::Emoji { emoji: c, position }),
                CharKind::Control => Err(PhoneError::ControlCharacter {
                    code: u32::from(c),
                    position,
                }),
                CharKind::Other => Err(PhoneError::InvalidCharacter {
                    character: c,
                    position,
                }),
            },
        }
    }

    fn plus(&mut self, position: usize) -> Result<Step, PhoneError> {
        if self.part == Part::Number && self.number.is_empty() {
            self.number.push('+');
            Ok(Step::Next)
        } else {
            Err(PhoneError::MisplacedPlus { position })
        }
    }

    fn digit(&mut self, digit: char) -> Result<(), PhoneError> {
        match self.part {
            Part::Number if self.digits >= MAX_NUMBER_DIGITS => Err(PhoneError::TooManyDigits {
                digits: count_digits(self.text),
                max: MAX_NUMBER_DIGITS,
            }),
            Part::Number => {
                self.number.push(digit);
                self.digits += 1;
                Ok(())
            }
            Part::Extension if self.extension.len() >= MAX_EXTENSION_DIGITS => {
                Err(PhoneError::InvalidExtension {
                    value: excerpt(&self.extension),
                })
            }
            Part::Extension => {
                self.extension.push(digit);
                Ok(())
            }
            Part::PostDial => self.push_post_dial(digit),
        }
    }

    /// `*` / `#` after a number start its RingCentral extension (`+16505550100*101`); alone before
    /// digits they dial an internal extension (`*227`); anything else is a service code (`*67`).
    fn star_or_hash(&mut self, key: char, from: &str, rest: &str) -> Result<Step, PhoneError> {
        match self.part {
            Part::Number if self.digits == 0 => {
                let extension_only = self.number.is_empty()
                    && (1..=MAX_EXTENSION_DIGITS).contains(&rest.len())
                    && rest.bytes().all(|b| b.is_ascii_digit());
                if !extension_only {
                    return Err(PhoneError::ServiceCode {
                        code: excerpt(from),
                    });
                }
                self.extension.push_str(rest);
                self.part = Part::Extension;
                Ok(Step::Stop)
            }
            Part::Number => {
                self.part = Part::Extension;
                Ok(Step::Next)
            }
            Part::Extension => Err(PhoneError::InvalidExtension {
                value: excerpt(&format!("{}{from}", self.extension)),
            }),
            Part::PostDial => self.push_post_dial(key).map(|()| Step::Next),
        }
    }

    /// `,` pauses (and `;` waits) before post-dial DTMF, written tight (`…,,22`). Followed by a
    /// space, they separate a list: another number is an error, anything else (`, ext. 12`,
    /// `, mobile`) reads on as if the mark were a space.
    fn pause(
        &mut self,
        mark: char,
        position: usize,
        written: char,
        rest: &str,
    ) -> Result<Step, PhoneError> {
        if rest.starts_with(char::is_whitespace) {
            let next = rest.trim_start().chars().next();
            let another_number = next.is_some_and(|c| {
                matches!(c, '+' | '(' | '\u{FF0B}') || matches!(classify(c), CharKind::Digit(_))
            });
            return if another_number && self.part != Part::PostDial {
                Err(PhoneError::SeveralNumbers)
            } else {
                Ok(Step::Next)
            };
        }
        if self.part == Part::Number && self.digits == 0 {
            return Err(PhoneError::InvalidCharacter {
                character: written,
                position,
            });
        }
        self.part = Part::PostDial;
        self.push_post_dial(mark).map(|()| Step::Next)
    }

    /// `;ext=` and `;postd=` as in a tel: URI; a lone `;` is a wait, as Android writes it.
    fn semicolon(&mut self, rest: &str, position: usize) -> Result<Step, PhoneError> {
        if starts_with_ignore_case(rest, "ext=") {
            if self.part != Part::Number {
                return Err(PhoneError::Conflict { what: "extension" });
            }
            self.part = Part::Extension;
            return Ok(Step::Skip(4));
        }
        if starts_with_ignore_case(rest, "postd=") {
            if self.part == Part::PostDial {
                return Err(PhoneError::Conflict {
                    what: "post-dial sequence",
                });
            }
            self.part = Part::PostDial;
            return Ok(Step::Skip(6));
        }
        self.pause('w', position, ';', rest)
    }

    /// A run of ASCII letters: an extension word, pauses, keypad letters or a trailing note.
    fn word(&mut self, from: &str) -> Result<Step, PhoneError> {
        let len = from.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (word, after) = from.split_at(len);
        let skip = Step::Skip(len - 1);
        if EXTENSION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            if self.part != Part::Number {
                return Err(unexpected(word));
            }
            self.part = Part::Extension;
            return Ok(skip);
        }
        let attached = self
            .previous
            .is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '.');
        let named_something = self.digits > 0 || !self.extension.is_empty();
        if word.bytes().all(|b| b == b'p' || b == b'w') && named_something {
            self.part = Part::PostDial;
            for mark in word.chars() {
                self.push_post_dial(if mark == 'p' { ',' } else { 'w' })?;
            }
            return Ok(skip);
        }
        let continues_number = self.part == Part::Number
            && self.digits > 0
            && (attached || self.digits < VANITY_LEADING_DIGITS);
        if continues_number {
            for letter in word.chars() {
                let digit = keypad::digit_for_letter(letter).ok_or_else(|| unexpected(word))?;
                self.digit(digit)?;
            }
            return Ok(skip);
        }
        let note = after
            .chars()
            .all(|c| c.is_alphabetic() || classify(c) == CharKind::Separator);
        if named_something && !attached && note {
            return Ok(Step::Stop);
        }
        Err(unexpected(word))
    }

    fn push_post_dial(&mut self, key: char) -> Result<(), PhoneError> {
        if self.post_dial.len() >= MAX_POST_DIAL_CHARS {
            return Err(PhoneError::InvalidPostDial {
                value: excerpt(&self.post_dial),
            });
        }
        self.post_dial.push(key);
        Ok(())
    }

    fn finish(self) -> Result<DialString, PhoneError> {
        let extension = Some(self.extension).filter(|extension| !extension.is_empty());
        if self.digits == 0 && (extension.is_none() || !self.number.is_empty()) {
            return Err(PhoneError::NoDigits);
        }
        let dials_something = self.post_dial.chars().any(|c| c != ',' && c != 'w');
        Ok(DialString {
            number: self.number,
            extension,
            post_dial: Some(self.post_dial).filter(|_| dials_something),
        })
    }
}

fn unexpected(word: &str) -> PhoneError {
    PhoneError::UnexpectedText {
        word: excerpt(word),
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn count_digits(text: &str) -> usize {
    text.chars()
        .filter(|&c| matches!(classify(c), CharKind::Digit(_)))
        .count()
}

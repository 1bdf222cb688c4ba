//! Printing for people or for scripts, and failures as `{code, message, hint}`.

use serde::Serialize;

use crate::UiError;

/// Where results go: sentences on stdout, or one JSON document (or JSON lines) on stdout.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    json: bool,
}

impl Output {
    /// `json` selects machine-readable output.
    pub fn new(json: bool) -> Self {
        Self { json }
    }

    /// Whether JSON is printed.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// A sentence for people (nothing in JSON mode).
    pub fn say(&self, line: impl std::fmt::Display) {
        if !self.json {
            println!("{line}");
        }
    }

    /// A JSON document or line (nothing in human mode).
    pub fn emit(&self, value: &impl Serialize) {
        if self.json {
            match serde_json::to_string(value) {
                Ok(text) => println!("{text}"),
                Err(error) => eprintln!("ringdesk: cannot print JSON: {error}"),
            }
        }
    }

    /// Reports a failure (JSON `{"error": {code, message, hint}}` on stdout, or two lines on
    /// stderr) and returns the failure exit code.
    pub fn fail(&self, error: &UiError) -> i32 {
        if self.json {
            self.emit(&serde_json::json!({ "error": error }));
        } else {
            eprintln!("ringdesk: {}", error.message);
            eprintln!("{}", error.hint);
        }
        super::FAILURE
    }
}

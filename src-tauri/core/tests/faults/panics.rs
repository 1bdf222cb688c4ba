//! "The process never panics": a panic hook that records every panic outside the tests' own code
//! (ringdesk-core, the simulator, their dependencies — also in tasks nobody joins), so a test can
//! fail on one however it was swallowed.

use std::sync::{Mutex, Once};

static HOOK: Once = Once::new();
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Installs the hook (once per process); the default hook still prints every panic.
pub fn watch() {
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let tests = place.contains("/tests/") || place.contains("testkit/");
            if !tests {
                let mut panics = PANICS.lock().unwrap_or_else(|e| e.into_inner());
                panics.push(format!("{place}: {info}"));
            }
            default(info);
        }));
    });
}

/// The panics outside the tests so far.
pub fn outside_tests() -> Vec<String> {
    PANICS.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

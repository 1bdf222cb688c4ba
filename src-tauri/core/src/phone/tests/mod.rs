//! Table-driven tests of the whole phone module, through its public API.
//!
//! Each table row is one case; `case_count` in `properties.rs` adds them up.

mod context;
mod countries;
mod hostile;
mod links;
mod matching;
mod properties;
mod short_numbers;
mod sms;
mod text;

use crate::phone::{
    normalize, parse_input, parse_link, Country, DialTarget, Link, NormalizedNumber,
};

/// The expected parts of a [`DialTarget`]: number, extension, post-dial.
pub(super) type Parts<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

pub(super) fn country(code: &str) -> Country {
    code.parse()
        .unwrap_or_else(|error| panic!("{code} is a country: {error}"))
}

pub(super) fn parts(target: &DialTarget) -> Parts<'_> {
    (target.number(), target.extension(), target.post_dial())
}

/// The call a `tel:` / `callto:` link asks for.
pub(super) fn call(link: &str) -> DialTarget {
    match parse_link(link) {
        Ok(Link::Call(target)) => target,
        other => panic!("{link:?} should be a call, got {other:?}"),
    }
}

/// Pasted `text` normalised with home country `code`.
pub(super) fn external(text: &str, code: &str) -> NormalizedNumber {
    let target = parse_input(text).unwrap_or_else(|error| panic!("{text:?}: {error}"));
    normalize(&target, country(code)).unwrap_or_else(|error| panic!("{text:?} in {code}: {error}"))
}

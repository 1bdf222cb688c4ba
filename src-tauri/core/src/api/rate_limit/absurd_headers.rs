//! `X-Rate-Limit-*` and a 429's penalty are the server's numbers: absurd ones are bounded, and
//! no budget arithmetic can overflow.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue};

use super::*;

fn window(seconds: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert("x-rate-limit-group", HeaderValue::from_static("light"));
    h.insert("x-rate-limit-limit", HeaderValue::from_static("2"));
    h.insert("x-rate-limit-remaining", HeaderValue::from_static("1"));
    h.insert(
        "x-rate-limit-window",
        HeaderValue::from_str(seconds).expect("header"),
    );
    h
}

#[test]
fn an_absurd_window_is_at_most_an_hour() {
    let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let mut budgets = Budgets::default();
    budgets.observe(Group::Light, &window("18446744073709551615"), t0);
    let _ = budgets.admit(Group::Light, Priority::Interactive, t0);
    let wait = budgets
        .admit(Group::Light, Priority::Interactive, t0)
        .expect_err("the learned limit is reached");
    assert!(
        wait <= Duration::from_secs(3600),
        "no wait longer than an hour, whatever the server says: {wait:?}"
    );
    let light = budgets
        .view(t0)
        .into_iter()
        .find(|b| b.group == Group::Light);
    assert_eq!(light.map(|b| b.window_secs), Some(3600));
}

#[test]
fn a_zero_or_tiny_window_is_at_least_a_second() {
    let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let mut budgets = Budgets::default();
    budgets.observe(Group::Light, &window("0"), t0);
    let light = budgets
        .view(t0)
        .into_iter()
        .find(|b| b.group == Group::Light);
    assert_eq!(
        light.map(|b| b.window_secs),
        Some(60),
        "a zero window says nothing: the default stays"
    );
}

#[test]
fn an_absurd_penalty_cannot_overflow_the_clock() {
    let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let mut budgets = Budgets::default();
    budgets.penalise(Group::Heavy, Duration::MAX, t0);
    let wait = budgets
        .admit(Group::Heavy, Priority::Background, t0)
        .expect_err("penalised");
    assert!(
        wait <= Duration::from_secs(3600),
        "a penalty is at most an hour: {wait:?}"
    );
}

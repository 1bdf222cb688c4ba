//! `ringdesk status`.

use ringdesk_core::clock::unix_seconds;
use ringdesk_core::status::{status, StatusReport};

use super::{Context, FAILURE};

/// Prints the status; exits non-zero when not signed in.
pub async fn run(context: &Context) -> i32 {
    let connection = match context.connect().await {
        Ok(connection) => connection,
        Err(error) => return context.fail(error),
    };
    let report = status(&connection).await;
    context.output.emit(&report);
    if !context.output.is_json() {
        print_human(&report);
    }
    if report.signed_in {
        0
    } else {
        FAILURE
    }
}

fn print_human(report: &StatusReport) {
    let mode = match report.mode {
        ringdesk_core::config::Mode::Demo => " (DEMO — built-in simulator)",
        ringdesk_core::config::Mode::Live => "",
    };
    println!("Profile:   {}{mode}", report.profile);
    println!("Server:    {}", report.server);
    match &report.user {
        Some(user) => println!(
            "Signed in: {} (extension {}, id {})",
            user.name.as_deref().unwrap_or("?"),
            user.extension_number.as_deref().unwrap_or("?"),
            user.extension_id
        ),
        None => println!("Signed in: no"),
    }
    if let Some(token) = &report.token {
        let now = unix_seconds(std::time::SystemTime::now());
        println!(
            "Token:     expires in {} s{}",
            token.access_expires_at.saturating_sub(now),
            if token.via_jwt { " (JWT session)" } else { "" }
        );
    }
    for budget in &report.budgets {
        let penalty = budget
            .penalty_secs
            .map(|s| format!(", penalty {s} s"))
            .unwrap_or_default();
        println!(
            "Budget:    {:<6} {}/{} left per {} s{penalty}",
            budget.group.name(),
            budget.remaining,
            budget.limit,
            budget.window_secs
        );
    }
    println!(
        "Breaker:   {}",
        serde_json::to_string(&report.breaker).unwrap_or_default()
    );
    if let Some(problem) = &report.problem {
        println!("Problem:   {}", problem.message);
        println!("           {}", problem.hint);
    }
}

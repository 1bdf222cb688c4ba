//! `ringdesk status`.

use ringdesk_core::app::{Mode, StatusReport};

use super::{Context, FAILURE};

/// Prints the status; exits non-zero when not signed in.
pub async fn run(context: &Context) -> i32 {
    context.announce();
    let report = match context.desk.check_status().await {
        Ok(report) => report,
        Err(error) => return context.fail(error),
    };
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
        Mode::Demo => " (DEMO — built-in simulator)",
        Mode::Live => "",
    };
    println!("Profile:   {}{mode}", report.profile);
    println!("Server:    {}", report.server);
    if let Some(policy) = &report.policy_file {
        println!("Policy:    {policy} (set by your organization)");
    }
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
        println!(
            "Token:     expires in {} s{}",
            token.expires_in_secs(),
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

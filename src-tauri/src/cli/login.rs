//! `ringdesk login [--jwt TOKEN | --callback URL]`.

use std::io::Read;
use std::time::Duration;

use ringdesk_core::app::{Error, SIGN_IN_TTL};
use serde_json::json;

use super::Context;
use crate::{UiError, UiErrorCode};

/// Flags of `login`.
#[derive(Debug, clap::Args)]
pub struct LoginArgs {
    /// Sign in with a JWT credential (kept in the keychain for unattended re-login);
    /// `-` reads it from standard input.
    #[arg(long, value_name = "TOKEN", conflicts_with = "callback")]
    pub jwt: Option<String>,
    /// Complete a browser sign-in with the redirect address
    /// (`ringdesk://oauth/callback?code=…&state=…`).
    #[arg(long, value_name = "URL")]
    pub callback: Option<String>,
    /// Print the sign-in address but do not open a browser.
    #[arg(long)]
    pub no_browser: bool,
}

/// Signs in and prints who.
pub async fn run(context: &Context, args: LoginArgs) -> i32 {
    let output = &context.output;
    if let Err(error) = context.connect().await {
        return context.fail(error);
    }
    if context.is_demo() {
        output.say("Demo mode: signed in to the built-in RingCentral simulator (nothing to do).");
        return report(context, "demo").await;
    }
    let desk = &context.desk;
    let result = if let Some(jwt) = args.jwt {
        match read_jwt(&jwt) {
            Ok(jwt) => desk.sign_in_jwt(&jwt).await.map(|_| "jwt"),
            Err(error) => return output.fail(&error),
        }
    } else if let Some(callback) = args.callback {
        desk.complete_browser_sign_in(&callback)
            .await
            .map(|_| "browser")
    } else {
        browser(context, args.no_browser).await.map(|_| "browser")
    };
    match result {
        Ok(method) => report(context, method).await,
        Err(error) => context.fail(error),
    }
}

fn read_jwt(value: &str) -> Result<String, UiError> {
    if value != "-" {
        return Ok(value.to_string());
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| UiError {
            code: UiErrorCode::Validation,
            message: format!("cannot read the JWT from standard input: {e}"),
            hint: "Pipe the JWT credential into `ringdesk login --jwt -`.".into(),
        })?;
    Ok(text)
}

async fn browser(context: &Context, no_browser: bool) -> Result<(), Error> {
    let started = std::time::SystemTime::now();
    let start = context.desk.begin_browser_sign_in().await?;
    let output = &context.output;
    output.emit(&json!({ "event": "authorize", "authorize_url": start.authorize_url, "expires_at": start.expires_at }));
    output.say("Sign in to RingCentral in your browser:");
    output.say(&start.authorize_url);
    if !no_browser {
        if let Err(error) = opener::open_browser(&start.authorize_url) {
            tracing::warn!(%error, "could not open a browser");
            output.say("(Open the address above yourself.)");
        }
    }
    output.say("Waiting for the browser to come back to ringdesk… (or run `ringdesk login --callback URL`)");
    let patience = SIGN_IN_TTL + Duration::from_secs(5);
    context
        .desk
        .wait_for_browser_sign_in(started, patience)
        .await
        .map(|_| ())
}

async fn report(context: &Context, method: &str) -> i32 {
    let report = context.desk.status_report().await;
    let Some(user) = report.user else {
        return match report.problem {
            Some(problem) => context.output.fail(&UiError::from(problem)),
            None => crate::cli::FAILURE,
        };
    };
    context.output.emit(&json!({
        "signed_in": true,
        "method": method,
        "profile": report.profile,
        "user": { "name": user.name, "extension_id": user.extension_id, "extension_number": user.extension_number },
    }));
    context.output.say(format!(
        "Signed in as {} (extension {}) on profile {}.",
        user.name.as_deref().unwrap_or("?"),
        user.extension_number.as_deref().unwrap_or("?"),
        report.profile,
    ));
    0
}

//! `ringdesk login [--jwt TOKEN | --callback URL]`.

use std::io::Read;
use std::time::Duration;

use ringdesk_core::api::extension::read_extension;
use ringdesk_core::auth::{begin_sign_in, complete_sign_in, wait_for_sign_in, SIGN_IN_TTL};
use ringdesk_core::connection::Connection;
use ringdesk_core::Secret;
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
    let connection = match context.connect().await {
        Ok(connection) => connection,
        Err(error) => return context.fail(error),
    };
    if context.is_demo() {
        output.say("Demo mode: signed in to the built-in RingCentral simulator (nothing to do).");
        return report(context, &connection, "demo").await;
    }
    let session = connection.session();
    let result = if let Some(jwt) = args.jwt {
        match read_jwt(&jwt) {
            Ok(jwt) => session.sign_in_with_jwt(&jwt, true).await.map(|_| "jwt"),
            Err(error) => return output.fail(&error),
        }
    } else if let Some(callback) = args.callback {
        complete_sign_in(session, &callback)
            .await
            .map(|_| "browser")
    } else {
        browser(context, &connection, args.no_browser)
            .await
            .map(|_| "browser")
    };
    match result {
        Ok(method) => report(context, &connection, method).await,
        Err(error) => context.fail(error.into()),
    }
}

fn read_jwt(value: &str) -> Result<Secret, UiError> {
    if value != "-" {
        return Ok(Secret::new(value.trim()));
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| UiError {
            code: UiErrorCode::Validation,
            message: format!("cannot read the JWT from standard input: {e}"),
            hint: "Pipe the JWT credential into `ringdesk login --jwt -`.".into(),
        })?;
    Ok(Secret::new(text.trim()))
}

async fn browser(
    context: &Context,
    connection: &Connection,
    no_browser: bool,
) -> Result<(), ringdesk_core::auth::AuthError> {
    let session = connection.session();
    let started = std::time::SystemTime::now();
    let start = begin_sign_in(session).await?;
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
    wait_for_sign_in(session, started, patience)
        .await
        .map(|_| ())
}

async fn report(context: &Context, connection: &Connection, method: &str) -> i32 {
    let user = match read_extension(connection.client()).await {
        Ok(user) => user,
        Err(error) => return context.fail(error.into()),
    };
    let profile = &connection.profile().name;
    context.output.emit(&json!({
        "signed_in": true,
        "method": method,
        "profile": profile,
        "user": { "name": user.name, "extension_id": user.id, "extension_number": user.extension_number },
    }));
    context.output.say(format!(
        "Signed in as {} (extension {}) on profile {profile}.",
        user.name.as_deref().unwrap_or("?"),
        user.extension_number.as_deref().unwrap_or("?"),
    ));
    0
}

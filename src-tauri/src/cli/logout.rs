//! `ringdesk logout`.

use serde_json::json;

use super::Context;

/// Revokes the session and removes tokens, stored JWT and pending sign-in from the keychain.
pub async fn run(context: &Context) -> i32 {
    let output = &context.output;
    if context.is_demo() {
        output.emit(&json!({ "signed_out": true, "revoked": false, "demo": true }));
        output.say("Demo mode keeps no session; nothing to sign out of.");
        return 0;
    }
    match context.desk.sign_out().await {
        Ok(signed_out) => {
            output.emit(&json!({ "signed_out": true, "revoked": signed_out.revoked, "profile": context.launch.profile.name }));
            output.say(if signed_out.revoked {
                "Signed out: the session is revoked and removed from the keychain."
            } else {
                "Signed out: the session is removed from the keychain."
            });
            0
        }
        Err(error) => context.fail(error),
    }
}

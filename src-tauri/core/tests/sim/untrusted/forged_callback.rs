//! Any web page can fire `ringdesk://oauth/callback?…`: only the callback that carries the
//! pending sign-in's `state` may consume it.

use ringdesk_core::api::extension::read_extension;
use ringdesk_core::auth::{begin_sign_in, complete_sign_in, AuthError};
use ringdesk_core::keychain::Slot;

use crate::support::*;

/// Consents on the simulator's authorize endpoint (`sim_consent=allow`, as its Allow button
/// does) and returns the redirect's `Location`.
async fn allow(authorize_url: &str) -> String {
    let url = url::Url::parse(authorize_url).expect("authorize URL");
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("sim_consent".into(), "allow".into()));
    let action = authorize_url.split('?').next().expect("base");
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("browser");
    let redirect = browser
        .post(action)
        .form(&form)
        .send()
        .await
        .expect("consent posts");
    assert_eq!(redirect.status(), 302, "consent redirects to the app");
    redirect.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_string()
}

#[tokio::test]
async fn a_forged_callback_leaves_the_real_sign_in_completable() {
    let sim = sim(|_| {}).await;
    let (client, store) = client_for(app(&sim, false), quick()).await;
    let start = begin_sign_in(client.session())
        .await
        .expect("sign-in starts");
    let location = allow(&start.authorize_url).await;
    for forged in [
        "ringdesk://oauth/callback?state=x".to_string(),
        "ringdesk://oauth/callback?error=access_denied".to_string(),
        location.replace("state=", "state=x"),
    ] {
        let err = complete_sign_in(client.session(), &forged)
            .await
            .expect_err("a forged callback is refused");
        assert!(matches!(err, AuthError::StateMismatch), "{forged}: {err}");
        assert!(
            store
                .read("test", Slot::PendingSignIn)
                .expect("read")
                .is_some(),
            "{forged}: the sign-in in progress is not cancelled by a page that fires a callback"
        );
    }
    complete_sign_in(client.session(), &location)
        .await
        .expect("the real callback still completes");
    read_extension(&client).await.expect("signed in");
    assert!(
        matches!(
            complete_sign_in(client.session(), &location).await,
            Err(AuthError::NoPendingSignIn)
        ),
        "a matching callback consumes the sign-in: it cannot be replayed"
    );
}

//! Any web page can fire `ringdesk://oauth/callback?…`: only the callback that carries the
//! pending sign-in's `state` may consume it.

use ringdesk_core::api::extension::read_extension;
use ringdesk_core::auth::{begin_sign_in, complete_sign_in, AuthError};
use ringdesk_core::keychain::Slot;

use ringdesk_testkit::consent::allow;
use ringdesk_testkit::signin::{app, client_for, quick};
use ringdesk_testkit::sim::sim;

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

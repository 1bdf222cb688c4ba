//! A JWT kept in the keychain belongs to the server and app it was given for: a profile pointed
//! at another server (or app) never presents it there.

use std::sync::Arc;

use ringdesk_core::api::{ApiError, Transport};
use ringdesk_core::auth::{OAuthApp, Session};
use ringdesk_core::keychain::{MemoryStore, Slot, TokenStore};
use ringdesk_core::Secret;

use ringdesk_testkit::admin::matching;
use ringdesk_testkit::signin::{app, quick};
use ringdesk_testkit::sim::{sim, TOKEN};
use ringdesk_testkit::SimAdmin;

async fn session(app: OAuthApp, keychain: Arc<dyn TokenStore>) -> Arc<Session> {
    let transport = Arc::new(Transport::new(&app.server, quick()).expect("transport"));
    Arc::new(
        Session::open("shared", app, transport, keychain, None)
            .await
            .expect("opens"),
    )
}

#[tokio::test]
async fn a_remembered_jwt_is_never_presented_to_another_server_or_app() {
    let home = sim(|_| {}).await;
    let other = sim(|config| config.seed = 2).await;
    let keychain: Arc<dyn TokenStore> = Arc::new(MemoryStore::default());
    let signed_in = session(app(&home, true), keychain.clone()).await;
    let jwt = Secret::new(home.credentials().jwt.clone());
    signed_in
        .sign_in_with_jwt(&jwt, true)
        .await
        .expect("signed in at home, JWT remembered");
    assert!(
        keychain.read("shared", Slot::Jwt).expect("read").is_some(),
        "the JWT is kept for unattended re-login"
    );

    // The same profile, now pointed at another server (RINGCENTRAL_SERVER_URL, say).
    let elsewhere = session(app(&other, true), keychain.clone()).await;
    let err = elsewhere
        .access_token()
        .await
        .expect_err("no session there");
    assert!(matches!(err, ApiError::SignedOut { .. }), "{err:?}");
    let log = SimAdmin::of(&other).requests().await;
    assert!(
        matching(&log, "POST", TOKEN).is_empty(),
        "the JWT was not presented to the other server: {log:?}"
    );

    // The same server, another app.
    let mut other_app = app(&home, true);
    other_app.client_id = "another-app".into();
    let another = session(other_app, keychain.clone()).await;
    let err = another.access_token().await.expect_err("no session there");
    assert!(matches!(err, ApiError::SignedOut { .. }), "{err:?}");
    let log = SimAdmin::of(&home).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        1,
        "only the sign-in: the JWT was not presented for another app: {log:?}"
    );
}

//! Sign-in flows and the token lifecycle.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ringdesk_core::api::extension::read_extension;
use ringdesk_core::api::{ApiError, ClientOptions};
use ringdesk_core::auth::{begin_sign_in, complete_sign_in, AuthError};
use ringdesk_core::clock::ManualClock;
use ringdesk_core::keychain::Slot;
use ringdesk_core::Recovery;
use ringdesk_testkit::admin::matching;
use ringdesk_testkit::consent::ConsentPage;
use ringdesk_testkit::signin::{app, client_for, jwt_client, quick, TestClient};
use ringdesk_testkit::sim::{roomy, sim, EXTENSION, TOKEN};
use ringdesk_testkit::SimAdmin;

#[tokio::test]
async fn jwt_sign_in_reaches_the_api() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    let extension = read_extension(&client).await.expect("signed in");
    assert_eq!(
        extension.id.to_string(),
        sim.credentials().extension_id,
        "the JWT's user is signed in"
    );
    let tokens = client.session().tokens().expect("tokens kept");
    assert!(tokens.via_jwt, "a JWT session can re-present its JWT");
    assert!(
        tokens.refresh_token.is_some(),
        "RingCentral issues a refresh token"
    );
}

/// Fetches the authorize form, checks it carries PKCE (S256), submits it with `answer`, and
/// returns the redirect's `Location`.
async fn consent(authorize_url: &str, answer: &str) -> String {
    let page = ConsentPage::open(authorize_url).await;
    let form = page.fields();
    assert!(
        form.iter().any(|(k, _)| k == "code_challenge"),
        "PKCE challenge carried by the form"
    );
    assert!(
        form.iter()
            .any(|(k, v)| k == "code_challenge_method" && v == "S256"),
        "S256, never plain"
    );
    page.answer(answer).await
}

#[tokio::test]
async fn code_and_pkce_sign_in_through_the_authorize_form() {
    let sim = sim(|_| {}).await;
    let (client, store) = client_for(app(&sim, false), quick()).await;
    let start = begin_sign_in(client.session())
        .await
        .expect("sign-in starts");
    assert!(
        store
            .read("test", Slot::PendingSignIn)
            .expect("read")
            .is_some(),
        "the pending sign-in is kept where another process can find it"
    );
    let location = consent(&start.authorize_url, "allow").await;
    assert!(
        location.starts_with("ringdesk://oauth/callback?"),
        "{location}"
    );

    // A forged state is refused and leaves the pending sign-in alone (#13 D14: any page can
    // fire the callback; untrusted/forged_callback.rs completes the real one after it).
    let forged = location.replace("state=", "state=x");
    let err = complete_sign_in(client.session(), &forged)
        .await
        .expect_err("forged state");
    assert!(matches!(err, AuthError::StateMismatch), "{err}");
    assert!(
        store
            .read("test", Slot::PendingSignIn)
            .expect("read")
            .is_some(),
        "a forged redirect does not cancel the sign-in in progress"
    );

    // The real flow.
    let start = begin_sign_in(client.session())
        .await
        .expect("sign-in starts again");
    let location = consent(&start.authorize_url, "allow").await;
    let tokens = complete_sign_in(client.session(), &location)
        .await
        .expect("code exchanged");
    assert!(!tokens.via_jwt, "a browser session");
    read_extension(&client)
        .await
        .expect("the new session works");
    assert!(
        store
            .read("test", Slot::PendingSignIn)
            .expect("read")
            .is_none(),
        "completed sign-ins are forgotten"
    );
}

#[tokio::test]
async fn an_expired_pending_sign_in_is_refused() {
    let sim = sim(|_| {}).await;
    let clock = ManualClock::new(SystemTime::now());
    let options = ClientOptions {
        clock: Arc::new(clock.clone()),
        ..quick()
    };
    let (client, _) = client_for(app(&sim, false), options).await;
    let start = begin_sign_in(client.session())
        .await
        .expect("sign-in starts");
    let location = consent(&start.authorize_url, "allow").await;
    clock.advance(Duration::from_secs(11 * 60));
    let err = complete_sign_in(client.session(), &location)
        .await
        .expect_err("too old");
    assert!(matches!(err, AuthError::PendingExpired { .. }), "{err}");
}

#[tokio::test]
async fn tokens_are_refreshed_before_they_expire() {
    let sim = sim(|_| {}).await;
    let clock = ManualClock::new(SystemTime::now());
    let options = ClientOptions {
        clock: Arc::new(clock.clone()),
        ..quick()
    };
    let client = jwt_client(&sim, options).await;
    let first = client.session().tokens().expect("signed in");
    clock.advance(Duration::from_secs(3600 - 200));
    read_extension(&client)
        .await
        .expect("works across the refresh");
    let second = client.session().tokens().expect("still signed in");
    assert_ne!(
        first.access_token, second.access_token,
        "a new access token"
    );
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        2,
        "the JWT grant, then one refresh"
    );
    assert!(
        log.iter().all(|r| r.status != 401),
        "refreshed before expiry, never after a 401: {log:?}"
    );
}

#[tokio::test]
async fn fifty_concurrent_calls_during_expiry_refresh_once() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let clock = ManualClock::new(SystemTime::now());
    let options = ClientOptions {
        clock: Arc::new(clock.clone()),
        ..quick()
    };
    let client = jwt_client(&sim, options).await;
    SimAdmin::of(&sim).expire_tokens().await;
    clock.advance(Duration::from_secs(3601));
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { read_extension(&client).await })
        })
        .collect();
    for call in calls {
        call.await.expect("task").expect("every call succeeds");
    }
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        2,
        "one refresh per expiry, however many callers (plus the sign-in)"
    );
    assert_eq!(matching(&log, "GET", EXTENSION).len(), 50);
}

#[tokio::test]
async fn a_revoked_browser_session_needs_a_new_sign_in() {
    let sim = sim(|_| {}).await;
    let (client, store) = client_for(app(&sim, false), quick()).await;
    let start = begin_sign_in(client.session()).await.expect("starts");
    let location = consent(&start.authorize_url, "allow").await;
    complete_sign_in(client.session(), &location)
        .await
        .expect("signed in");
    SimAdmin::of(&sim).revoke_tokens().await;
    let err = read_extension(&client)
        .await
        .expect_err("the session is gone");
    assert!(matches!(err, ApiError::SignedOut { .. }), "{err}");
    assert_eq!(
        err.recovery(),
        Recovery::SignInAgain,
        "auth_required for the shell"
    );
    assert!(
        store.read("test", Slot::Tokens).expect("read").is_none(),
        "dead tokens are removed from the keychain"
    );
}

#[tokio::test]
async fn a_revoked_jwt_session_signs_in_again_by_itself() {
    let sim = sim(|_| {}).await;
    let (client, _) = client_for(app(&sim, true), quick()).await;
    let jwt = ringdesk_core::Secret::new(sim.credentials().jwt.clone());
    client
        .session()
        .sign_in_with_jwt(&jwt, true)
        .await
        .expect("signed in, JWT remembered");
    SimAdmin::of(&sim).revoke_tokens().await;
    read_extension(&client)
        .await
        .expect("the JWT is presented again");
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        3,
        "sign-in, the refused refresh, the JWT again"
    );
}

#[tokio::test]
async fn sign_out_revokes_the_session() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    let token = client.session().tokens().expect("signed in").access_token;
    let revoked = client.session().sign_out().await.expect("keychain ok");
    let log = SimAdmin::of(&sim).requests().await;
    assert!(revoked, "revoked at RingCentral: {log:?}");
    let check = reqwest::Client::new()
        .get(format!("{}{EXTENSION}", sim.credentials().server_url))
        .bearer_auth(token.expose())
        .send()
        .await
        .expect("answer");
    assert_eq!(
        check.status(),
        401,
        "the old token no longer works anywhere"
    );
    let err = read_extension(&client).await.expect_err("signed out");
    assert_eq!(err.recovery(), Recovery::SignInAgain);
}

#[tokio::test]
async fn two_processes_sharing_the_keychain_do_not_sign_each_other_out() {
    use ringdesk_core::api::{Client, Transport};
    use ringdesk_core::auth::Session;
    use ringdesk_core::keychain::{MemoryStore, TokenStore};
    let sim = sim(|_| {}).await;
    let clock = ManualClock::new(SystemTime::now());
    let keychain: Arc<dyn TokenStore> = Arc::new(MemoryStore::default());
    let open = |keychain: Arc<dyn TokenStore>| {
        let options = ClientOptions {
            clock: Arc::new(clock.clone()),
            ..quick()
        };
        let transport =
            Arc::new(Transport::new(&sim.credentials().server_url, options).expect("transport"));
        let app = app(&sim, true);
        async move {
            let session = Arc::new(
                Session::open("shared", app, transport.clone(), keychain, None)
                    .await
                    .expect("opens"),
            );
            TestClient::new(Client::new(transport, session.clone()), session)
        }
    };
    let window = open(keychain.clone()).await;
    let jwt = ringdesk_core::Secret::new(sim.credentials().jwt.clone());
    window
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("signed in");
    let command = open(keychain.clone()).await;
    assert!(
        command.session().tokens().is_some(),
        "the second process finds the session"
    );
    clock.advance(Duration::from_secs(3590));
    read_extension(&window)
        .await
        .expect("the window refreshes (the old refresh token dies)");
    read_extension(&command)
        .await
        .expect("the command adopts the window's new tokens");
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        2,
        "sign-in and one refresh, not a second one"
    );
    assert!(
        keychain
            .read("shared", Slot::Tokens)
            .expect("read")
            .is_some(),
        "nobody was signed out"
    );
}

#[tokio::test]
async fn a_lost_renewal_answer_is_a_passing_problem_and_the_next_request_renews() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await;
    let admin = SimAdmin::of(&sim);
    let lost = [
        ringdesk_testkit::Fault::on("POST", TOKEN)
            .status(500)
            .processed(),
        ringdesk_testkit::Fault::on("POST", TOKEN)
            .drop_connection()
            .processed(),
        ringdesk_testkit::Fault::on("POST", TOKEN).malformed(),
    ];
    for fault in lost {
        let tokens = client.session().tokens().expect("signed in");
        admin.expire_session(tokens.access_token.expose()).await;
        admin.arm(fault.clone()).await;
        let err = read_extension(&client)
            .await
            .expect_err("the renewal's answer was lost");
        assert!(
            matches!(err, ApiError::TokenLost { .. }),
            "{fault:?}: {err}"
        );
        assert_eq!(
            err.recovery(),
            Recovery::Retry,
            "nothing to check (no call, no text): try again, which is safe"
        );
        read_extension(&client)
            .await
            .expect("the next request renews (RingCentral answers a superseded refresh token with the current tokens)");
    }
}

//! The keychain is slow, locked or shared with other processes: fresh tokens are never lost to a
//! failed write after the single-use refresh token was spent, a lost token answer is not blindly
//! re-sent, and tokens another process has just saved are never deleted.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use ringdesk_core::api::extension::read_extension;
use ringdesk_core::api::{ApiError, Client, ClientOptions, Transport};
use ringdesk_core::auth::{AuthError, OAuthApp, Session, TokenSet};
use ringdesk_core::clock::ManualClock;
use ringdesk_core::keychain::{KeychainError, MemoryStore, Slot, TokenStore};
use ringdesk_core::Secret;

use ringdesk_testkit::admin::matching;
use ringdesk_testkit::signin::{app, client_for, jwt_client, quick, TestClient};
use ringdesk_testkit::sim::{sim, TOKEN};
use ringdesk_testkit::{Fault, SimAdmin};

/// A keychain whose writes of the tokens fail while `failing` is above zero (`usize::MAX`: for
/// good), counting every write attempted.
#[derive(Debug, Default)]
struct Flaky {
    inner: MemoryStore,
    failing: AtomicUsize,
    writes: AtomicUsize,
}

impl Flaky {
    fn fail(&self, times: usize) {
        self.failing.store(times, Ordering::SeqCst);
        self.writes.store(0, Ordering::SeqCst);
    }
}

impl TokenStore for Flaky {
    fn read(&self, profile: &str, slot: Slot) -> Result<Option<Secret>, KeychainError> {
        self.inner.read(profile, slot)
    }

    fn write(&self, profile: &str, slot: Slot, value: &Secret) -> Result<(), KeychainError> {
        if slot == Slot::Tokens {
            self.writes.fetch_add(1, Ordering::SeqCst);
            let failing = self.failing.load(Ordering::SeqCst);
            if failing > 0 {
                if failing != usize::MAX {
                    self.failing.store(failing - 1, Ordering::SeqCst);
                }
                return Err(KeychainError::Locked {
                    message: "test double: the keychain refused".into(),
                });
            }
        }
        self.inner.write(profile, slot, value)
    }

    fn delete(&self, profile: &str, slot: Slot) -> Result<(), KeychainError> {
        self.inner.delete(profile, slot)
    }
}

/// A keychain shared with another process that saves its fresh tokens the moment this process
/// looks for a JWT — the last look before it gives a dead session up.
#[derive(Debug, Default)]
struct Shared {
    inner: MemoryStore,
    saved_elsewhere: Mutex<Option<Secret>>,
    armed: AtomicBool,
}

impl TokenStore for Shared {
    fn read(&self, profile: &str, slot: Slot) -> Result<Option<Secret>, KeychainError> {
        if slot == Slot::Jwt && self.armed.swap(false, Ordering::SeqCst) {
            let saved = self.saved_elsewhere.lock().expect("lock").clone();
            if let Some(tokens) = saved {
                self.inner.write(profile, Slot::Tokens, &tokens)?;
            }
        }
        self.inner.read(profile, slot)
    }

    fn write(&self, profile: &str, slot: Slot, value: &Secret) -> Result<(), KeychainError> {
        self.inner.write(profile, slot, value)
    }

    fn delete(&self, profile: &str, slot: Slot) -> Result<(), KeychainError> {
        self.inner.delete(profile, slot)
    }
}

async fn open(app: OAuthApp, keychain: Arc<dyn TokenStore>, options: ClientOptions) -> TestClient {
    let transport = Arc::new(Transport::new(&app.server, options).expect("transport"));
    let session = Arc::new(
        Session::open("shared", app, transport.clone(), keychain, None)
            .await
            .expect("opens"),
    );
    TestClient::new(Client::new(transport, session.clone()), session)
}

fn stored(keychain: &dyn TokenStore) -> Option<TokenSet> {
    let secret = keychain.read("shared", Slot::Tokens).expect("read")?;
    Some(serde_json::from_str(secret.expose()).expect("tokens"))
}

fn manual() -> (ManualClock, ClientOptions) {
    let clock = ManualClock::new(SystemTime::now());
    let options = ClientOptions {
        clock: Arc::new(clock.clone()),
        ..quick()
    };
    (clock, options)
}

#[tokio::test]
async fn a_refresh_survives_a_keychain_that_refuses_to_save() {
    let sim = sim(|_| {}).await;
    let (clock, options) = manual();
    let keychain = Arc::new(Flaky::default());
    let client = open(app(&sim, true), keychain.clone(), options).await;
    let jwt = Secret::new(sim.credentials().jwt.clone());
    client
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("signed in");
    let before = client.session().tokens().expect("tokens");

    keychain.fail(usize::MAX);
    SimAdmin::of(&sim).expire_tokens().await;
    clock.advance(Duration::from_secs(3601));
    read_extension(&client)
        .await
        .expect("the refreshed tokens are used though the keychain refused them");
    let after = client.session().tokens().expect("still signed in");
    assert_ne!(after.access_token, before.access_token, "new tokens");
    let writes = keychain.writes.load(Ordering::SeqCst);
    assert!(
        (2..=3).contains(&writes),
        "the write is retried, a bounded number of times: {writes}"
    );
    read_extension(&client)
        .await
        .expect("and the session goes on for this process");
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        2,
        "the sign-in and one refresh: the spent refresh token is not re-sent"
    );
}

#[tokio::test]
async fn a_keychain_that_refuses_twice_gets_the_tokens_on_the_third_try() {
    let sim = sim(|_| {}).await;
    let (clock, options) = manual();
    let keychain = Arc::new(Flaky::default());
    let client = open(app(&sim, true), keychain.clone(), options).await;
    let jwt = Secret::new(sim.credentials().jwt.clone());
    client
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("signed in");
    keychain.fail(2);
    SimAdmin::of(&sim).expire_tokens().await;
    clock.advance(Duration::from_secs(3601));
    read_extension(&client).await.expect("refreshed");
    assert_eq!(
        stored(keychain.as_ref()).map(|t| t.access_token),
        client.session().tokens().map(|t| t.access_token),
        "the keychain holds the new tokens for the next process"
    );
}

#[tokio::test]
async fn a_sign_in_the_keychain_refuses_is_reported_and_kept_for_this_process() {
    let sim = sim(|_| {}).await;
    let keychain = Arc::new(Flaky::default());
    let client = open(app(&sim, true), keychain.clone(), quick()).await;
    keychain.fail(usize::MAX);
    let jwt = Secret::new(sim.credentials().jwt.clone());
    let err = client
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect_err("the keychain problem is reported");
    assert!(matches!(err, AuthError::Keychain(_)), "{err:?}");
    assert!(
        client.session().tokens().is_some(),
        "yet this process is signed in"
    );
    read_extension(&client).await.expect("and works");
}

#[tokio::test]
async fn a_lost_refresh_answer_is_not_re_sent() {
    let sim = sim(|_| {}).await;
    let (clock, options) = manual();
    let client = jwt_client(&sim, options).await;
    let before = client.session().tokens().expect("tokens");
    SimAdmin::of(&sim)
        .arm(Fault::on("POST", TOKEN).drop_connection())
        .await;
    clock.advance(Duration::from_secs(3600 - 200));
    read_extension(&client)
        .await
        .expect("the current token is still good meanwhile");
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        2,
        "the sign-in and the lost refresh: a spent refresh token is not blindly re-sent: {log:?}"
    );
    assert_eq!(
        client.session().tokens().map(|t| t.access_token),
        Some(before.access_token),
        "nothing newer was found"
    );
}

#[tokio::test]
async fn after_a_lost_refresh_answer_another_processs_tokens_are_adopted() {
    let sim = sim(|_| {}).await;
    let (clock, options) = manual();
    let keychain: Arc<dyn TokenStore> = Arc::new(MemoryStore::default());
    let window = open(app(&sim, true), keychain.clone(), options.clone()).await;
    let jwt = Secret::new(sim.credentials().jwt.clone());
    window
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("signed in");
    let command = open(app(&sim, true), keychain.clone(), options).await;
    // The window's refresh hangs, then its connection drops; the command refreshes meanwhile.
    SimAdmin::of(&sim)
        .arm(Fault::on("POST", TOKEN).delay_ms(700).drop_connection())
        .await;
    clock.advance(Duration::from_secs(3600 - 200));
    let lost = {
        let window = window.clone();
        tokio::spawn(async move { window.session().access_token().await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    read_extension(&command)
        .await
        .expect("the command refreshes");
    let adopted = lost.await.expect("task").expect("a token");
    let saved = stored(keychain.as_ref()).expect("saved");
    assert_eq!(
        adopted, saved.access_token,
        "after the lost answer the keychain is read first: the command's tokens are adopted"
    );
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", TOKEN).len(),
        3,
        "sign-in, the lost refresh, the command's refresh — nothing re-sent: {log:?}"
    );
}

#[tokio::test]
async fn a_session_given_up_never_deletes_tokens_another_process_just_saved() {
    let sim = sim(|_| {}).await;
    let keychain = Arc::new(Shared::default());
    let dying = open(app(&sim, true), keychain.clone(), quick()).await;
    let jwt = Secret::new(sim.credentials().jwt.clone());
    dying
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("signed in");
    // Its session ends at RingCentral (revoked elsewhere)…
    SimAdmin::of(&sim).revoke_tokens().await;
    // …while another process signs in afresh and saves its tokens just as this one gives up.
    let (elsewhere, _) = client_for(app(&sim, true), quick()).await;
    let fresh = elsewhere
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("the other process signs in");
    let fresh_json = serde_json::to_string(&fresh).expect("json");
    *keychain.saved_elsewhere.lock().expect("lock") = Some(Secret::new(fresh_json));
    keychain.armed.store(true, Ordering::SeqCst);
    let _ = read_extension(&dying).await;
    assert_eq!(
        stored(keychain.as_ref()).map(|t| t.access_token),
        Some(fresh.access_token.clone()),
        "the other process's tokens are still in the keychain"
    );
    read_extension(&dying)
        .await
        .expect("and this process uses them");
}

#[tokio::test]
async fn a_profile_pointed_elsewhere_does_not_delete_the_sessions_tokens() {
    let home = sim(|_| {}).await;
    let other = sim(|config| config.seed = 2).await;
    let keychain: Arc<dyn TokenStore> = Arc::new(MemoryStore::default());
    let signed_in = open(app(&home, true), keychain.clone(), quick()).await;
    let jwt = Secret::new(home.credentials().jwt.clone());
    signed_in
        .session()
        .sign_in_with_jwt(&jwt, false)
        .await
        .expect("signed in");
    let elsewhere = open(app(&other, true), keychain.clone(), quick()).await;
    let err = read_extension(&elsewhere)
        .await
        .expect_err("no session on the other server");
    assert!(matches!(err, ApiError::SignedOut { .. }), "{err:?}");
    assert!(
        stored(keychain.as_ref()).is_some(),
        "the home server's session is left alone"
    );
    read_extension(&signed_in).await.expect("and still works");
}

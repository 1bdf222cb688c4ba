//! The kit against a real simulator: every admin call does what it says, and the consent form is
//! answered the way a browser would.

use ringdesk_testkit::admin::matching;
use ringdesk_testkit::consent::{self, ConsentPage};
use ringdesk_testkit::sim::{sim, unthrottled, CUSTOMER, EXTENSION};
use ringdesk_testkit::{Fault, SimAdmin};

#[tokio::test]
async fn faults_are_armed_logged_and_cleared() {
    let sim = sim(|c| c.rate_limits = unthrottled()).await;
    let admin = SimAdmin::of(&sim);
    let url = format!("{}{EXTENSION}", sim.credentials().server_url);
    let id = admin
        .arm(
            Fault::on("GET", EXTENSION)
                .status(503)
                .retry_after(7)
                .times(2),
        )
        .await;
    assert!(id > 0, "the fault has an id");
    let faulted = reqwest::get(&url).await.expect("an answer");
    assert_eq!(faulted.status(), 503, "the fault answers first");
    assert_eq!(faulted.headers()["retry-after"], "7");
    admin.clear_faults().await;
    let plain = reqwest::get(&url).await.expect("an answer");
    assert_eq!(plain.status(), 401, "cleared: back to the bearer check");

    let log = admin.requests().await;
    let gets = matching(&log, "GET", EXTENSION);
    let statuses: Vec<u16> = gets.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [503, 401], "both requests logged: {log:?}");
    assert!(gets[0].at <= gets[1].at, "oldest first");
}

#[tokio::test]
async fn texts_tokens_sockets_and_reset() {
    let sim = sim(|_| {}).await;
    let admin = SimAdmin::new(&format!("{}/", sim.credentials().server_url));
    let stored = admin.inbound_sms_named(CUSTOMER, "Dana", "hello").await;
    assert_eq!(stored["direction"], "Inbound", "{stored}");
    assert_eq!(stored["from"]["phoneNumber"], CUSTOMER);
    assert_eq!(stored["from"]["name"], "Dana");
    assert_eq!(stored["subject"], "hello");

    assert_eq!(admin.expire_tokens().await, 0, "nobody has signed in");
    assert_eq!(admin.revoke_tokens().await, 0);
    assert_eq!(admin.drop_sockets().await, 0, "no WebSocket is open");
    let jwt = admin.mint_jwt(60).await;
    assert_eq!(jwt.split('.').count(), 3, "a JWT: {jwt}");
    admin.reset(true).await;
    let log = admin.requests().await;
    let paths: Vec<&str> = log.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        ["/sim/reset"],
        "a reset clears the log, then logs itself"
    );
}

#[tokio::test]
async fn the_consent_form_is_answered_like_a_browser() {
    let sim = sim(|_| {}).await;
    let credentials = sim.credentials();
    let authorize = format!(
        "{}/restapi/oauth/authorize?response_type=code&client_id={}&redirect_uri={}&state=a%26b",
        credentials.server_url, credentials.client_id, "ringdesk%3A%2F%2Foauth%2Fcallback"
    );
    let page = ConsentPage::open(&authorize).await;
    assert!(
        page.fields()
            .iter()
            .any(|(name, value)| name == "state" && value == "a&b"),
        "hidden fields carry the request, unescaped: {:?}",
        page.fields()
    );
    let denied = page.answer("deny").await;
    assert!(denied.contains("error=access_denied"), "{denied}");
    let allowed = consent::allow(&authorize).await;
    assert!(
        allowed.starts_with("ringdesk://oauth/callback?code="),
        "{allowed}"
    );
}

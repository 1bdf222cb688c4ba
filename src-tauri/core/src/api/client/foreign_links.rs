//! A server-given link (a `navigation.nextPage.uri`) is followed only on the client's own server:
//! spellings that merely start with the server's address are refused before a token is asked
//! for, so the bearer token never goes with them.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use futures_util::future::BoxFuture;

use super::*;
use crate::api::phone_numbers::LIST_PHONE_NUMBERS;
use crate::api::ClientOptions;
use crate::secret::Secret;

/// Counts the tokens asked for, and gives none (nothing here may reach a network).
#[derive(Debug, Default)]
struct Counting {
    asked: AtomicUsize,
}

impl Credentials for Counting {
    fn access_token(&self) -> BoxFuture<'_, Result<Secret, ApiError>> {
        self.asked.fetch_add(1, Ordering::SeqCst);
        Box::pin(async {
            Err(ApiError::SignedOut {
                reason: "test double".into(),
            })
        })
    }

    fn recover<'a>(&'a self, _failed: &'a Secret) -> BoxFuture<'a, Result<(), ApiError>> {
        Box::pin(async { Ok(()) })
    }
}

const BASE: &str = "https://platform.ringcentral.com";

#[tokio::test]
async fn links_to_another_origin_are_refused_before_a_token_is_asked_for() {
    let transport = Arc::new(Transport::new(BASE, ClientOptions::default()).expect("transport"));
    let credentials = Arc::new(Counting::default());
    let client = Client::new(transport, credentials.clone());
    for link in [
        "https://platform.ringcentral.com.evil.example/restapi/v1.0/account/~/extension/~/phone-number?page=2",
        "https://platform.ringcentral.com@evil.example/restapi/v1.0/account/~/extension/~/phone-number?page=2",
        "https://platform.ringcentral.com:443@evil.example/restapi/v1.0/account/~/extension/~/phone-number",
        "https://user:password@platform.ringcentral.com/restapi/v1.0/account/~/extension/~/phone-number",
        "https://platform.ringcentral.com:8443/restapi/v1.0/account/~/extension/~/phone-number",
        "http://platform.ringcentral.com/restapi/v1.0/account/~/extension/~/phone-number",
        "https://plаtform.ringcentral.com/restapi/v1.0/account/~/extension/~/phone-number",
        "//evil.example/restapi/v1.0/account/~/extension/~/phone-number",
        "https://platform.ringcentral.com%2eevil.example/restapi",
    ] {
        let call = Call::new(&LIST_PHONE_NUMBERS, &[]).at(link.to_string());
        let err = client.execute(call).await.expect_err("refused");
        assert!(
            matches!(
                &err,
                ApiError::Malformed { operation, .. } if *operation == LIST_PHONE_NUMBERS.operation
            ),
            "{link}: a clear refusal naming the operation, got {err:?}"
        );
        assert!(
            !err.to_string().contains("password"),
            "the refusal does not repeat user info: {err}"
        );
    }
    assert_eq!(
        credentials.asked.load(Ordering::SeqCst),
        0,
        "no token was handed out for a link elsewhere"
    );
}

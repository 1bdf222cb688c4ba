//! OAuth authorization-code flow: consent page, redirects, PKCE (S256 and plain), errors.

use crate::common::{config, start, EXT};
use base64::Engine;
use sha2::Digest;

const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const REDIRECT: &str = "http://127.0.0.1:53682/callback";

fn challenge() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(VERIFIER.as_bytes()))
}

fn query_param(location: &str, name: &str) -> Option<String> {
    let url = url::Url::parse(location).ok()?;
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

async fn authorize(api: &crate::common::Api, extra: &[(&str, &str)]) -> crate::common::Reply {
    let mut fields = vec![
        ("response_type", "code"),
        ("client_id", api.creds.client_id.as_str()),
        ("redirect_uri", REDIRECT),
        ("state", "xyz"),
        ("sim_consent", "allow"),
    ];
    fields.extend_from_slice(extra);
    api.form("/restapi/oauth/authorize", &fields, false).await
}

#[tokio::test]
async fn authorize_get_serves_the_consent_page() {
    let (_sim, api) = start(config()).await;
    let url = format!("{}/restapi/oauth/authorize?response_type=code&client_id={}&redirect_uri={REDIRECT}&state=s1", api.creds.server_url, api.creds.client_id);
    let response = api
        .http
        .get(url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        response.status(),
        200,
        "the login and consent page is served"
    );
    let html = response.text().await.unwrap_or_default();
    assert!(
        html.contains("sim_consent") && html.contains("value=\"s1\""),
        "the page posts consent back with the state"
    );
}

#[tokio::test]
async fn pkce_code_flow_for_a_public_client() {
    let (_sim, mut api) = start(config()).await;
    let reply = authorize(
        &api,
        &[
            ("code_challenge", &challenge()),
            ("code_challenge_method", "S256"),
        ],
    )
    .await;
    assert_eq!(reply.status, 302, "consent redirects");
    let location = reply.header("location").unwrap_or("").to_owned();
    assert!(
        location.starts_with(REDIRECT),
        "to the registered redirect URI: {location}"
    );
    assert_eq!(
        query_param(&location, "state").as_deref(),
        Some("xyz"),
        "state is echoed"
    );
    assert_eq!(
        query_param(&location, "expires_in").as_deref(),
        Some("60"),
        "codes live 60 s"
    );
    let code = query_param(&location, "code").unwrap_or_default();
    let client_id = api.creds.client_id.clone();
    let wrong = api
        .form(
            "/restapi/oauth/token",
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("client_id", &client_id),
                (
                    "code_verifier",
                    "wrong-verifier-wrong-verifier-wrong-verifier-x",
                ),
            ],
            false,
        )
        .await;
    assert_eq!(
        (wrong.status, wrong.json["error"].as_str()),
        (400, Some("invalid_grant")),
        "a wrong verifier is refused"
    );
    let again = authorize(
        &api,
        &[
            ("code_challenge", &challenge()),
            ("code_challenge_method", "S256"),
        ],
    )
    .await;
    let code = query_param(again.header("location").unwrap_or(""), "code").unwrap_or_default();
    let ok = api
        .form(
            "/restapi/oauth/token",
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("client_id", &client_id),
                ("code_verifier", VERIFIER),
            ],
            false,
        )
        .await;
    assert_eq!(
        ok.status, 200,
        "the right verifier gets tokens: {}",
        ok.text
    );
    for field in [
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "refresh_token_expires_in",
        "scope",
        "owner_id",
        "endpoint_id",
        "session_id",
    ] {
        assert!(!ok.json[field].is_null(), "TokenInfo has {field}");
    }
    let reuse = api
        .form(
            "/restapi/oauth/token",
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("client_id", &client_id),
                ("code_verifier", VERIFIER),
            ],
            false,
        )
        .await;
    assert_eq!(
        reuse.json["errors"][0]["errorCode"], "OAU-106",
        "codes are single-use"
    );
    api.keep(&ok);
    assert_eq!(api.get(EXT).await.status, 200, "the access token works");
}

#[tokio::test]
async fn plain_pkce_with_basic_auth_like_the_python_sdk() {
    let (_sim, api) = start(config()).await;
    let reply = authorize(
        &api,
        &[
            ("code_challenge", VERIFIER),
            ("code_challenge_method", "plain"),
        ],
    )
    .await;
    let code = query_param(reply.header("location").unwrap_or(""), "code").unwrap_or_default();
    let ok = api
        .form(
            "/restapi/oauth/token",
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("code_verifier", VERIFIER),
            ],
            true,
        )
        .await;
    assert_eq!(
        ok.status, 200,
        "plain PKCE with Basic auth works: {}",
        ok.text
    );
}

#[tokio::test]
async fn authorize_errors() {
    let (_sim, api) = start(config()).await;
    let bad_redirect = api
        .form(
            "/restapi/oauth/authorize",
            &[
                ("response_type", "code"),
                ("client_id", &api.creds.client_id),
                ("redirect_uri", "https://evil.example/cb"),
            ],
            false,
        )
        .await;
    assert_eq!(
        (bad_redirect.status, bad_redirect.json["error"].as_str()),
        (400, Some("invalid_request")),
        "unregistered redirect URIs get 400"
    );
    let bad_client = api
        .form(
            "/restapi/oauth/authorize",
            &[
                ("response_type", "code"),
                ("client_id", "nope"),
                ("redirect_uri", REDIRECT),
            ],
            false,
        )
        .await;
    assert_eq!(bad_client.json["error"], "invalid_client", "unknown client");
    let deny = authorize(&api, &[("sim_consent", "deny")]).await;
    assert_eq!(
        query_param(deny.header("location").unwrap_or(""), "error").as_deref(),
        None,
        "first sim_consent wins (allow)"
    );
    let denied = api
        .form(
            "/restapi/oauth/authorize",
            &[
                ("response_type", "code"),
                ("client_id", &api.creds.client_id),
                ("redirect_uri", REDIRECT),
                ("sim_consent", "deny"),
            ],
            false,
        )
        .await;
    assert_eq!(
        query_param(denied.header("location").unwrap_or(""), "error").as_deref(),
        Some("access_denied"),
        "denying consent redirects with access_denied"
    );
    let token_type = api
        .form(
            "/restapi/oauth/authorize",
            &[
                ("response_type", "token"),
                ("client_id", &api.creds.client_id),
                ("redirect_uri", REDIRECT),
                ("sim_consent", "allow"),
            ],
            false,
        )
        .await;
    assert_eq!(
        query_param(token_type.header("location").unwrap_or(""), "error").as_deref(),
        Some("unsupported_response_type"),
        "only the code flow"
    );
}

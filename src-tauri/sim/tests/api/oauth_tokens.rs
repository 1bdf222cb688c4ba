//! OAuth tokens: refresh rotation, revoke, JWT credentials, token-endpoint and bearer errors.

use crate::common::{config, logged_in, start, EXT};

#[tokio::test]
async fn refresh_rotates_tokens_and_kills_the_old_access_token() {
    let (_sim, mut api) = logged_in(config()).await;
    let (old_access, old_refresh) = (
        api.token.clone().unwrap_or_default(),
        api.refresh.clone().unwrap_or_default(),
    );
    let reply = api
        .form(
            "/restapi/oauth/token",
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", &old_refresh),
                ("access_token_ttl", "3600"),
                ("refresh_token_ttl", "604800"),
            ],
            true,
        )
        .await;
    assert_eq!(reply.status, 200, "refresh works: {}", reply.text);
    api.keep(&reply);
    assert_ne!(
        api.refresh.as_deref(),
        Some(old_refresh.as_str()),
        "a new refresh token each time"
    );
    assert_eq!(api.get(EXT).await.status, 200, "the new access token works");
    let stale = crate::common::Api {
        token: Some(old_access),
        http: api.http.clone(),
        creds: api.creds.clone(),
        refresh: None,
    };
    let dead = stale.get(EXT).await;
    assert_eq!(
        (dead.status, dead.code()),
        (401, "OAU-213"),
        "the old access token is dead after a refresh"
    );
}

#[tokio::test]
async fn token_errors_use_the_oauth_shape() {
    let (_sim, api) = start(config()).await;
    let no_client = api
        .form(
            "/restapi/oauth/token",
            &[("grant_type", "refresh_token"), ("refresh_token", "x")],
            false,
        )
        .await;
    assert_eq!(
        (
            no_client.status,
            no_client.json["errors"][0]["errorCode"].as_str()
        ),
        (400, Some("OAU-123")),
        "client authentication is required"
    );
    let unknown = api
        .form(
            "/restapi/oauth/token",
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", "nonsense"),
            ],
            true,
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.json["error"].as_str()),
        (400, Some("invalid_grant")),
        "unknown refresh token"
    );
    let bad_jwt = api.jwt_grant("a.b.c").await;
    assert_eq!(
        bad_jwt.json["errors"][0]["errorCode"], "OAU-140",
        "forged JWTs are refused"
    );
    let grant = api
        .form(
            "/restapi/oauth/token",
            &[("grant_type", "password"), ("username", "x")],
            true,
        )
        .await;
    assert_eq!(
        grant.json["error"], "unsupported_grant_type",
        "unknown grants"
    );
    let wrong_secret = api
        .http
        .post(format!("{}/restapi/oauth/token", api.creds.server_url))
        .basic_auth(&api.creds.client_id, Some("wrong"))
        .form(&[("grant_type", "refresh_token")])
        .send()
        .await;
    assert_eq!(
        wrong_secret.map(|r| r.status().as_u16()).ok(),
        Some(401),
        "a wrong client secret is 401"
    );
}

#[tokio::test]
async fn revoke_kills_the_whole_session_and_minted_jwts_work() {
    let (_sim, mut api) = logged_in(config()).await;
    let refresh = api.refresh.clone().unwrap_or_default();
    let revoke = api
        .form("/restapi/oauth/revoke", &[("token", &refresh)], true)
        .await;
    assert_eq!(revoke.status, 200, "revoke answers 200");
    let dead = api.get(EXT).await;
    assert_eq!(
        dead.status, 401,
        "revoking the refresh token also kills the access token"
    );
    api.creds.jwt = api.admin().mint_jwt(3600).await;
    assert_eq!(
        api.jwt_login().await.status,
        200,
        "any JWT the simulator minted logs in"
    );
    api.creds.jwt = api.admin().mint_jwt(-10).await;
    assert_eq!(
        api.jwt_login().await.json["error"],
        "invalid_grant",
        "expired JWTs are refused"
    );
}

#[tokio::test]
async fn bearer_errors_name_missing_expired_and_revoked_tokens() {
    let (_sim, mut api) = logged_in(config()).await;
    let token = api.token.take();
    let missing = api.get(EXT).await;
    assert_eq!(
        (missing.status, missing.code()),
        (401, "OAU-123"),
        "missing token"
    );
    api.token = Some("garbage".into());
    assert_eq!(
        api.get(EXT).await.code(),
        "OAU-129",
        "a token never issued is corrupted"
    );
    api.token = token;
    let lower = api
        .http
        .get(format!("{}{EXT}", api.creds.server_url))
        .header(
            "Authorization",
            format!("bearer {}", api.token.clone().unwrap_or_default()),
        )
        .send()
        .await;
    assert_eq!(
        lower.map(|r| r.status().as_u16()).ok(),
        Some(200),
        "lower-case bearer (Python SDK) is accepted"
    );
    api.admin().expire_tokens().await;
    let expired = api.get(EXT).await;
    assert_eq!(
        (expired.status, expired.code()),
        (401, "OAU-128"),
        "expired access token"
    );
    let refresh = api.refresh.clone().unwrap_or_default();
    let renewed = api
        .form(
            "/restapi/oauth/token",
            &[("grant_type", "refresh_token"), ("refresh_token", &refresh)],
            true,
        )
        .await;
    assert_eq!(
        renewed.status, 200,
        "an expired access token can still be refreshed"
    );
    api.keep(&renewed);
    api.admin().revoke_tokens().await;
    assert_eq!(
        api.get(EXT).await.code(),
        "OAU-213",
        "revoked sessions are gone"
    );
}

#[tokio::test]
async fn enforced_session_timeouts_appear_in_token_info() {
    let mut cfg = config();
    cfg.session_ttl = Some(std::time::Duration::from_secs(8 * 3600));
    cfg.session_idle = Some(std::time::Duration::from_secs(1800));
    let (_sim, api) = start(cfg).await;
    let reply = api.jwt_grant(&api.creds.jwt).await;
    assert_eq!(
        reply.json["session_idle_timeout"], 1800,
        "idle timeout reported"
    );
    assert!(
        reply.json["session_expires_in"]
            .as_i64()
            .is_some_and(|s| s > 28_000),
        "absolute timeout reported"
    );
    assert!(
        reply.json["session_expiration_time"].is_string(),
        "with its end time"
    );
    let (_plain, plain_api) = logged_in(config()).await;
    let plain = plain_api.jwt_grant(&plain_api.creds.jwt).await;
    assert!(
        plain.json.get("session_idle_timeout").is_none(),
        "without enforcement the session fields are omitted"
    );
}

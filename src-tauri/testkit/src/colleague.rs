//! A colleague of the simulated account talking to it through the public API over real HTTP:
//! signed in with a JWT minted for them (`POST /sim/jwt`), posting to team chats. For tests that
//! drive a simulator they did not start (the app's demo) and cannot link ringdesk-core's client.

pub use reqwest::Method;
use serde_json::{json, Value};

use crate::admin::ColleagueSignIn;
use crate::http::Reply;

/// A colleague signed in to a simulator; its `Debug` shows no token.
#[derive(Clone)]
pub struct Colleague {
    http: reqwest::Client,
    server_url: String,
    access_token: String,
}

impl std::fmt::Debug for Colleague {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Colleague")
            .field("server_url", &self.server_url)
            .field("access_token", &"[redacted]")
            .finish()
    }
}

impl Colleague {
    /// Signs in with what [`crate::SimAdmin::colleague_sign_in`] minted (the `jwt-bearer`
    /// grant, the simulated app's credentials in Basic auth, as RingCentral's SDKs do).
    pub async fn sign_in(minted: &ColleagueSignIn) -> Self {
        let http = reqwest::Client::new();
        let request = http
            .post(format!("{}/restapi/oauth/token", minted.server_url))
            .basic_auth(&minted.client_id, Some(&minted.client_secret))
            .form(&[
                ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                ("assertion", minted.jwt.as_str()),
            ]);
        let reply = Reply::read(request).await;
        assert_eq!(reply.status, 200, "the colleague signs in: {}", reply.text);
        let access_token = reply.json["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        Self {
            http,
            server_url: minted.server_url.clone(),
            access_token,
        }
    }

    /// `method path` of the public API as this colleague, with `body` as JSON (none when null).
    pub async fn send(&self, method: Method, path: &str, body: Value) -> Reply {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.server_url))
            .bearer_auth(&self.access_token);
        if !body.is_null() {
            request = request.json(&body);
        }
        Reply::read(request).await
    }

    /// Posts `text` to the chat `chat`; answers the post's id.
    pub async fn post(&self, chat: &str, text: &str) -> String {
        let reply = self
            .send(
                Method::POST,
                &format!("/team-messaging/v1/chats/{chat}/posts"),
                json!({ "text": text }),
            )
            .await;
        assert_eq!(reply.status, 201, "the colleague posts: {}", reply.text);
        reply.json["id"].as_str().unwrap_or_default().to_owned()
    }

    /// The chat's newest posts (`TMPostsList` records), newest first.
    pub async fn posts(&self, chat: &str) -> Vec<Value> {
        let reply = self
            .send(
                Method::GET,
                &format!("/team-messaging/v1/chats/{chat}/posts?recordCount=250"),
                Value::Null,
            )
            .await;
        assert_eq!(reply.status, 200, "the colleague reads: {}", reply.text);
        reply.json["records"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

//! Team Messaging: a colleague signs in with their own JWT and chats with the agent through the
//! public API; chats, recent chats, favourites, teams, posts with page tokens, persons in bulk
//! (207) and the company; the events each person hears; the limits and refusals.

use crate::common::socket::{connect, next, subscribe, valid};
use crate::common::{config, logged_in, start, Api};
use reqwest::Method;
use serde_json::{json, Value};

const TM: &str = "/team-messaging/v1";

/// The agent's extension id (the owner of the agent's token).
async fn agent_id(api: &Api) -> String {
    let me = api.get("/restapi/v1.0/account/~/extension/~").await;
    me.json["id"]
        .as_i64()
        .map(|id| id.to_string())
        .unwrap_or_default()
}

/// Colleagues of the directory that are users: their ids.
async fn colleagues(api: &Api, agent: &str) -> Vec<String> {
    let dir = api
        .get("/restapi/v1.0/account/~/directory/entries?perPage=100")
        .await;
    dir.json["records"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["type"] == "User")
        .filter_map(|e| e["id"].as_str().map(str::to_owned))
        .filter(|id| id != agent)
        .collect()
}

/// The colleague `id`, signed in with their own JWT.
async fn signed_in_as(api: &Api, id: &str) -> Api {
    let mut colleague = Api {
        token: None,
        refresh: None,
        ..api.clone()
    };
    let jwt = api.admin().colleague_jwt(id).await;
    let reply = colleague.jwt_grant(&jwt).await;
    assert_eq!(reply.status, 200, "the colleague signs in: {}", reply.text);
    colleague.keep(&reply);
    colleague
}

/// The next notification's body on `socket`.
async fn event(socket: &mut crate::common::socket::Socket) -> Value {
    let frame = next(socket).await;
    frame[1]["body"].clone()
}

#[tokio::test]
async fn a_colleague_signs_in_and_chats_with_the_agent() {
    let (_sim, agent) = logged_in(config()).await;
    let me = agent_id(&agent).await;
    let others = colleagues(&agent, &me).await;
    let ana = signed_in_as(&agent, &others[5]).await;
    let mut socket = connect(&agent, None).await;
    next(&mut socket).await;
    let reply = subscribe(
        &mut socket,
        &[&format!("{TM}/posts"), &format!("{TM}/chats")],
    )
    .await;
    assert_eq!(reply[0]["status"], 200, "{reply}");

    let opened = ana
        .post(
            &format!("{TM}/conversations"),
            json!({ "members": [{ "id": me }] }),
        )
        .await;
    assert_eq!(opened.status, 201, "a new direct chat: {}", opened.text);
    assert_eq!(opened.json["type"], "Direct");
    let chat = opened.json["id"].as_str().unwrap_or_default().to_owned();
    let joined = event(&mut socket).await;
    assert_eq!(
        (joined["eventType"].as_str(), joined["type"].as_str()),
        (Some("GroupJoined"), Some("PrivateChat"))
    );
    let again = ana
        .post(
            &format!("{TM}/conversations"),
            json!({ "members": [{ "id": me }] }),
        )
        .await;
    assert_eq!(
        (again.status, again.json["id"].as_str()),
        (200, Some(chat.as_str())),
        "the same chat"
    );

    let posts = format!("{TM}/chats/{chat}/posts");
    let text = format!("Hi ![:Person]({me}), can you take the Contoso call?");
    let posted = ana.post(&posts, json!({ "text": text })).await;
    assert_eq!(posted.status, 201, "{}", posted.text);
    let added = event(&mut socket).await;
    assert_eq!(added["eventType"], "PostAdded");
    assert_eq!(added["creatorId"].as_str(), Some(others[5].as_str()));
    assert_eq!(
        added["mentions"][0]["id"].as_str(),
        Some(me.as_str()),
        "{added}"
    );
    let post_id = added["id"].as_str().unwrap_or_default().to_owned();

    let listed = agent.get(&posts).await;
    assert_eq!(
        listed.json["records"][0]["id"].as_str(),
        Some(post_id.as_str()),
        "newest first"
    );
    let one = format!("{posts}/{post_id}");
    let theirs = agent
        .send(Method::PATCH, &one, Some(json!({ "text": "mine" })))
        .await;
    assert_eq!(theirs.status, 403, "only the author edits: {}", theirs.text);
    assert_eq!(agent.send(Method::DELETE, &one, None).await.status, 403);
    let edited = ana
        .send(Method::PATCH, &one, Some(json!({ "text": "Call at 3?" })))
        .await;
    assert_eq!(edited.json["text"], "Call at 3?");
    assert_eq!(event(&mut socket).await["eventType"], "PostChanged");
    assert_eq!(ana.send(Method::DELETE, &one, None).await.status, 204);
    let removed = event(&mut socket).await;
    assert_eq!(
        removed,
        json!({ "id": post_id, "eventType": "PostRemoved" }),
        "no groupId"
    );
    assert_eq!(agent.get(&one).await.status, 404);
}

#[tokio::test]
async fn chats_page_and_teams_are_created_joined_and_changed_by_admins() {
    let (_sim, agent) = logged_in(config()).await;
    let first = agent.get(&format!("{TM}/chats?recordCount=2")).await;
    assert_eq!(first.json["records"].as_array().map(Vec::len), Some(2));
    let next_page = first.json["navigation"]["nextPageToken"]
        .as_str()
        .unwrap_or_default();
    let second = agent
        .get(&format!("{TM}/chats?recordCount=2&pageToken={next_page}"))
        .await;
    assert_ne!(
        second.json["records"][0]["id"],
        first.json["records"][0]["id"]
    );
    let recent = agent
        .get(&format!("{TM}/recent/chats?recordCount=250"))
        .await;
    let times: Vec<&str> = recent.json["records"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["lastModifiedTime"].as_str())
        .collect();
    assert!(
        times.len() >= 5 && times.windows(2).all(|w| w[0] >= w[1]),
        "recent first: {times:?}"
    );
    let sales = agent
        .get(&format!("{TM}/chats?type=Team&recordCount=250"))
        .await
        .json["records"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["name"] == "Sales")
        .cloned()
        .unwrap_or_default();
    let sales_id = sales["id"].as_str().unwrap_or_default();
    assert_eq!(sales["public"], true, "a public team the agent may join");
    assert_eq!(
        agent
            .post(&format!("{TM}/teams/{sales_id}/join"), json!({}))
            .await
            .status,
        204
    );
    let renamed = agent
        .send(
            Method::PATCH,
            &format!("{TM}/teams/{sales_id}"),
            Some(json!({ "name": "Mine" })),
        )
        .await;
    assert_eq!(renamed.status, 403, "not its admin: {}", renamed.text);
    let created = agent
        .post(
            &format!("{TM}/teams"),
            json!({ "name": "Night shift", "public": false }),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let team = created.json["id"].as_str().unwrap_or_default();
    assert_eq!(
        agent
            .post(&format!("{TM}/chats/{team}/favorite"), json!({}))
            .await
            .status,
        204
    );
    let favorites = agent.get(&format!("{TM}/favorites")).await;
    assert_eq!(favorites.json["records"][0]["id"].as_str(), Some(team));
    let personal = agent.get(&format!("{TM}/chats/~")).await;
    assert_eq!(personal.json["type"], "Personal");
    assert_eq!(
        agent.get(&format!("{TM}/everyone")).await.json["type"],
        "Everyone"
    );
}

#[tokio::test]
async fn persons_are_read_in_bulk_and_the_company_by_tilde() {
    let (_sim, agent) = logged_in(config()).await;
    let me = agent_id(&agent).await;
    let others = colleagues(&agent, &me).await;
    let one = agent.get(&format!("{TM}/persons/{me}")).await;
    assert_eq!(one.status, 200);
    valid("TMPersonInfo", &one.json);
    let ids = format!("{},{},404", others[0], others[1]);
    let bulk = agent.get(&format!("{TM}/persons/{ids}")).await;
    assert_eq!(bulk.status, 207, "{}", bulk.text);
    let statuses: Vec<i64> = bulk
        .json
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["status"].as_i64())
        .collect();
    assert_eq!(statuses, [200, 200, 404]);
    let too_many = (0..31).map(|i| i.to_string()).collect::<Vec<_>>().join(",");
    assert_eq!(
        agent.get(&format!("{TM}/persons/{too_many}")).await.status,
        400
    );
    assert_eq!(agent.get(&format!("{TM}/companies/~")).await.status, 200);
}

#[tokio::test]
async fn limits_and_refusals_are_clear() {
    let (_sim, agent) = logged_in(config()).await;
    let chat = agent.get(&format!("{TM}/chats/~")).await.json["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let posts = format!("{TM}/chats/{chat}/posts");
    let long = agent
        .post(&posts, json!({ "text": "x".repeat(10_001) }))
        .await;
    assert_eq!(long.status, 400, "at most 10 000 characters");
    assert_eq!(
        agent
            .post(&posts, json!({ "text": "x".repeat(10_000) }))
            .await
            .status,
        201
    );
    assert_eq!(agent.get(&format!("{TM}/chats/1/posts")).await.status, 404);
    assert_eq!(
        agent.get(&format!("{posts}?recordCount=251")).await.status,
        400
    );
    assert_eq!(
        agent
            .get(&format!("{posts}?pageToken=other:5"))
            .await
            .status,
        400
    );

    let mut no_tm = config();
    no_tm.team_messaging = false;
    let (_sim, mut api) = start(no_tm).await;
    let reply = api.jwt_login().await;
    assert_eq!(reply.status, 200);
    let refused = api.get(&format!("{TM}/chats")).await;
    assert_eq!(
        (
            refused.status,
            refused.json["errors"][0]["errorCode"].as_str()
        ),
        (403, Some("CMN-401")),
        "{}",
        refused.text
    );
}

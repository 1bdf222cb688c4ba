//! RingOut: every final status the simulator produces, cancel, and the dry-run plan.

use ringdesk_core::api::ApiError;
use ringdesk_core::calls::{place, plan_call, CallError, CallPhase, CallTarget, Leg, RingMeAt};
use ringdesk_core::Recovery;
use ringdesk_testkit::admin::matching;
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{roomy, sim, EXTENSION};
use ringdesk_testkit::{Fault, SimAdmin};

fn target(number: &str, ring_me_at: Option<&str>) -> CallTarget {
    CallTarget {
        number: number.into(),
        ring_me_at: ring_me_at.map(str::to_string),
        caller_id: None,
        country: us(),
    }
}

#[tokio::test]
async fn ringout_reaches_every_final_status() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await;
    let them = |status: &str| CallPhase::Failed {
        leg: Leg::Them,
        status: status.into(),
    };
    let you = |status: &str| CallPhase::Failed {
        leg: Leg::You,
        status: status.into(),
    };
    let cases = [
        ("+1 650 555 0123", None, CallPhase::Finished),
        ("+16505550150", None, them("Busy")),
        ("+16505550151", None, them("NoAnswer")),
        ("+16505550152", None, them("Rejected")),
        ("+16505550153", None, them("GenericError")),
        ("+16505550154", None, them("InternationalDisabled")),
        ("+16505550155", None, them("DestinationBlocked")),
        ("+16505550123", Some("+16505550160"), you("NoAnswer")),
        ("+16505550123", Some("+16505550161"), you("Busy")),
        ("+16505550123", Some("+16505550162"), you("Rejected")),
    ];
    let mut running = Vec::new();
    for (to, from, expected) in cases {
        let plan = plan_call(&client, &target(to, from)).await.expect("plans");
        let call = place(&client, &plan).await.expect("placed");
        running.push((to, from, expected, call));
    }
    for (to, from, expected, call) in running {
        let last = tokio::time::timeout(std::time::Duration::from_secs(10), call.finished())
            .await
            .expect("every call ends");
        assert_eq!(
            last.phase, expected,
            "calling {to} from {from:?}: {:?}",
            last.status
        );
    }
}

#[tokio::test]
async fn a_ringing_call_can_be_cancelled() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await;
    // The "never answers" phone keeps leg 1 ringing long enough to cancel.
    let plan = plan_call(&client, &target("+16505550123", Some("+16505550160")))
        .await
        .expect("plans");
    let call = place(&client, &plan).await.expect("placed");
    assert!(call.latest().phase.is_cancellable(), "{:?}", call.latest());
    call.cancel().await.expect("cancelled");
    let last = call.finished().await;
    assert_eq!(last.phase, CallPhase::Cancelled);
    let log = SimAdmin::of(&sim).requests().await;
    let deletes = matching(&log, "DELETE", &format!("/ring-out/{}", call.id()));
    assert_eq!(deletes.len(), 1, "one DELETE");
    assert_eq!(deletes[0].status, 204);
}

#[tokio::test]
async fn a_plan_normalises_with_phone_and_picks_ring_me_at() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    let plan = plan_call(&client, &target("(650) 555-0123", None))
        .await
        .expect("plans");
    assert_eq!(
        plan.to.e164(),
        "+16505550123",
        "national format with the account's country"
    );
    assert!(
        matches!(&plan.ring_me_at, RingMeAt::Forwarding { phone_number, .. } if phone_number == "+16505550110"),
        "the first forwarding number: {:?}",
        plan.ring_me_at
    );
    let body = serde_json::to_value(&plan.request).expect("json");
    assert_eq!(body["to"]["phoneNumber"], "+16505550123");
    assert!(body["from"]["forwardingNumberId"].is_string(), "{body}");
    let log = SimAdmin::of(&sim).requests().await;
    assert!(
        matching(&log, "POST", "/ring-out").is_empty(),
        "planning places nothing"
    );
}

#[tokio::test]
async fn a_placed_call_whose_answer_cannot_be_read_is_an_unknown_outcome() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await;
    let admin = SimAdmin::of(&sim);
    let create = format!("{EXTENSION}/ring-out");
    let unreadable = [
        Fault::on("POST", &create).malformed(),
        Fault::on("POST", &create).body("{}"),
        Fault::on("POST", &create).body(r#"{"id": "", "status": {}}"#),
    ];
    for fault in unreadable {
        admin.arm(fault.clone()).await;
        let plan = plan_call(&client, &target("+1 650 555 0123", None))
            .await
            .expect("plans");
        let err = place(&client, &plan)
            .await
            .expect_err("no RingOut to follow");
        assert!(
            matches!(err, CallError::Api(ApiError::UnknownOutcome { .. })),
            "{fault:?}: {err}"
        );
        assert_eq!(
            err.recovery(),
            Recovery::Reconcile,
            "the call was placed: check before calling again, never report and retry"
        );
    }
    let log = admin.requests().await;
    assert_eq!(
        matching(&log, "POST", "/ring-out").len(),
        3,
        "each create was sent once, never repeated"
    );
}

#[tokio::test]
async fn a_call_gone_while_its_cancel_is_answered_slowly_is_cancelled() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await;
    let plan = plan_call(&client, &target("+16505550123", Some("+16505550160")))
        .await
        .expect("plans");
    let call = place(&client, &plan).await.expect("placed");
    // RingCentral cancels the call at once, but its answer takes a second: meanwhile the status
    // polls find the call gone (404).
    SimAdmin::of(&sim)
        .arm(
            Fault::on("DELETE", &format!("{EXTENSION}/ring-out/"))
                .delay_ms(1000)
                .processed(),
        )
        .await;
    call.cancel().await.expect("cancelled");
    let last = call.finished().await;
    assert_eq!(
        last.phase,
        CallPhase::Cancelled,
        "the agent's cancel ended it, not a failure: {last:?}"
    );
    let log = SimAdmin::of(&sim).requests().await;
    let gone = matching(&log, "GET", &format!("/ring-out/{}", call.id()))
        .iter()
        .any(|r| r.status == 404);
    assert!(gone, "a poll found the call gone meanwhile: {log:?}");
}

#[tokio::test]
async fn a_cancel_on_its_way_does_not_hurry_the_status_polls() {
    let sim = sim(|c| {
        c.rate_limits = roomy();
        c.timing = ringcentral_sim::TimingMode::Realistic;
    })
    .await;
    let options = ringdesk_core::api::ClientOptions {
        ringout_poll: std::time::Duration::from_secs(5),
        ..quick()
    };
    let client = jwt_client(&sim, options).await;
    // The agent's phone never answers: it rings for 30 s, long enough to cancel.
    let plan = plan_call(&client, &target("+16505550123", Some("+16505550160")))
        .await
        .expect("plans");
    let call = place(&client, &plan).await.expect("placed");
    SimAdmin::of(&sim)
        .arm(Fault::on("DELETE", &format!("{EXTENSION}/ring-out/")).delay_ms(800))
        .await;
    call.cancel().await.expect("cancelled");
    assert_eq!(call.finished().await.phase, CallPhase::Cancelled);
    let log = SimAdmin::of(&sim).requests().await;
    let polls = matching(&log, "GET", &format!("/ring-out/{}", call.id()));
    assert!(
        polls.is_empty(),
        "no status poll before the first one was due (5 s), whatever the cancel did: {polls:?}"
    );
}

#[tokio::test]
async fn a_rate_limited_status_poll_waits_and_the_call_is_followed_to_its_end() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await;
    // Longer than a click is held (5 s): the poll is refused, and the follower must wait.
    SimAdmin::of(&sim)
        .arm(
            Fault::on("GET", &format!("{EXTENSION}/ring-out/"))
                .status(429)
                .retry_after(6),
        )
        .await;
    let plan = plan_call(&client, &target("+16505550123", None))
        .await
        .expect("plans");
    let call = place(&client, &plan).await.expect("placed");
    let last = tokio::time::timeout(std::time::Duration::from_secs(30), call.finished())
        .await
        .expect("the call ends");
    assert_eq!(
        last.phase,
        CallPhase::Finished,
        "followed to its end after the pause, not given up as unknown: {last:?}"
    );
    let log = SimAdmin::of(&sim).requests().await;
    let polls = matching(&log, "GET", &format!("/ring-out/{}", call.id()));
    assert_eq!(polls[0].status, 429, "{polls:?}");
    let pause_over = polls[0].at + chrono::Duration::seconds(6);
    assert!(
        polls[1..].iter().all(|p| p.at >= pause_over),
        "no poll inside the pause: {polls:?}"
    );
}

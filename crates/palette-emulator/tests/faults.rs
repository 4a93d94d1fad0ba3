//! Injected faults and the stats endpoint.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{Emu, pack_conditions};

#[tokio::test]
async fn errors_throttles_and_latency() {
    let emu = Emu::start().await;
    let set = emu
        .put("/__emulator/faults", json!({"error_rate": 1.0}))
        .await;
    assert_eq!(set.status, 200, "{}", set.text);
    let failed = emu.get("/v1/packs?limit=1").await;
    assert_eq!(failed.status, 503);
    assert_eq!(failed.body["code"], "ServiceUnavailable");

    emu.put("/__emulator/faults", json!({"throttle_rate": 1.0}))
        .await;
    let throttled = emu.get("/v1/packs?limit=1").await;
    assert_eq!(throttled.status, 429);
    assert_eq!(throttled.body["code"], "TooManyRequests");

    emu.put("/__emulator/faults", json!({"latency_ms": 150}))
        .await;
    let started = Instant::now();
    assert_eq!(emu.get("/v1/packs?limit=1").await.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    emu.put(
        "/__emulator/faults",
        json!({"error_next": 1, "throttle_next": 1}),
    )
    .await;
    assert_eq!(
        emu.get("/v1/registries/metadata").await.status,
        429,
        "throttles come first"
    );
    assert_eq!(emu.get("/v1/registries/metadata").await.status, 503);
    assert_eq!(
        emu.get("/v1/registries/metadata").await.status,
        200,
        "then the schedule is spent"
    );

    emu.put("/__emulator/faults", json!({})).await;
    assert_eq!(emu.get("/v1/packs?limit=1").await.status, 200);
    let bad = emu
        .put("/__emulator/faults", json!({"error_rate": 2}))
        .await;
    assert_eq!(bad.status, 400);

    let stats = emu.get("/__emulator/stats").await;
    assert_eq!(stats.body["faults_injected_total"], 4, "{}", stats.text);
    assert_eq!(stats.body["throttled_total"], 2);
    assert_eq!(
        stats.body["requests_by_route"]["GET /v1/packs"], 4,
        "{}",
        stats.text
    );
    assert!(stats.body["requests_total"].as_u64().unwrap() >= 5);
    emu.post("/__emulator/stats/reset", json!({})).await;
    let reset = emu.get("/__emulator/stats").await;
    assert_eq!(reset.body["requests_total"], 0);
    emu.stop().await;
}

#[tokio::test]
async fn a_reset_drops_the_connection_after_the_write_commits() {
    let emu = Emu::start().await;
    emu.put("/__emulator/faults", json!({"reset_rate": 1.0}))
        .await;
    let body = json!({"metadata": {"name": "survivor"}, "spec": {"template": {"type": "add-on", "cloudType": "all", "packs": [
        {"name": "cert-manager", "tag": "1.20.2"}]}}});
    let url = format!("{}/v1/clusterprofiles", emu.handle.base_url());
    let outcome = emu
        .http
        .post(url)
        .header("ApiKey", &emu.key)
        .header("ProjectUid", emu.project.as_deref().unwrap())
        .json(&body)
        .send()
        .await;
    assert!(
        outcome.is_err(),
        "the client sees a dropped connection, not {outcome:?}"
    );
    emu.put("/__emulator/faults", json!({})).await;
    let listed = emu.get("/v1/dashboard/clusterprofiles/metadata").await;
    assert!(
        listed.text.contains("survivor"),
        "the write committed: {}",
        listed.text
    );
    let stats = emu.get("/__emulator/stats").await;
    assert_eq!(stats.body["faults_injected_total"], 1);
    assert_eq!(stats.body["writes_total"], 1);
    emu.stop().await;
}

#[tokio::test]
async fn a_failing_pack_stops_its_layer_with_an_error() {
    let emu = Emu::start().await;
    let infra = emu.aws_infra_profile("aws-fail").await;
    emu.put("/__emulator/faults", json!({"fail_pack": "cni-calico"}))
        .await;
    let created = emu.aws_cluster("doomed", &[&infra], 1).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().unwrap().to_owned();
    let failed = emu
        .wait_cluster(&uid, Duration::from_secs(20), |r| {
            pack_conditions(&r.body).iter().any(|(_, c)| c == "Error")
        })
        .await;
    let conds = pack_conditions(&failed.body);
    assert_eq!(conds[0].1, "Ready");
    assert_eq!(conds[1].1, "Ready");
    assert_eq!(conds[2], ("cni-calico".to_owned(), "Error".to_owned()));
    assert_eq!(conds[3].1, "WaitingForOtherLayers");
    let message = failed.body["status"]["packs"][2]["condition"]["message"]
        .as_str()
        .unwrap();
    assert!(message.contains("cni-calico"), "{message}");
    let overview = emu
        .get(&format!("/v1/dashboard/spectroclusters/{uid}/overview"))
        .await;
    assert_eq!(overview.body["status"]["health"]["state"], "UnHealthy");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let still = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(
        pack_conditions(&still.body)[3].1,
        "WaitingForOtherLayers",
        "layers above stay blocked"
    );
    let stats = emu.get("/__emulator/stats").await;
    assert!(stats.body["faults_injected_total"].as_u64().unwrap() >= 1);
    emu.stop().await;
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_with_the_error_body() {
    let emu = Emu::start().await;
    let unknown = emu.get("/v1/nothing/here").await;
    assert_eq!(unknown.status, 501);
    assert_eq!(unknown.body["code"], "NotImplemented");
    let method = emu
        .call(reqwest::Method::PATCH, "/v1/packs", Some(json!({})))
        .await;
    assert_eq!(method.status, 405);
    assert_eq!(method.body["code"], "MethodNotAllowed");
    let pack = emu.pack_uid("kubernetes", "1.32.10").await;
    assert_eq!(emu.get(&format!("/v1/packs/{pack}")).await.status, 200);
    let stats = emu.get("/__emulator/stats").await;
    assert_eq!(
        stats.body["requests_by_route"]["GET /v1/packs/{uid}"], 1,
        "{}",
        stats.text
    );
    assert_eq!(
        stats.body["requests_by_route"]["GET (unmatched)"], 1,
        "{}",
        stats.text
    );
    emu.stop().await;
}

/// `stuck_delete` holds a cluster in Deleting; a force delete is refused until the cluster has
/// been deleting for Palette's 15 minutes (0.9 s at time scale 0.001), then accepted.
#[tokio::test]
async fn a_stuck_deletion_can_be_forced_only_after_the_documented_delay() {
    let mut config = palette_emulator::Config::for_tests();
    config.time_scale = 0.001;
    let emu = Emu::with(config).await;
    let infra = emu.aws_infra_profile("infra").await;
    let created = emu.aws_cluster("stuck", &[&infra], 1).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().expect("uid").to_owned();
    emu.put("/__emulator/faults", json!({"stuck_delete": "stuck"}))
        .await;

    let early = emu
        .delete(&format!("/v1/spectroclusters/{uid}?forceDelete=true"))
        .await;
    assert_eq!(early.status, 400, "{}", early.text);
    assert_eq!(early.body["code"], "ForceDeleteNotAllowed");
    assert!(early.text.contains("delete it first"), "{}", early.text);

    let started = Instant::now();
    let plain = emu.delete(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(plain.status, 204, "{}", plain.text);
    let refused = emu
        .delete(&format!("/v1/spectroclusters/{uid}?forceDelete=true"))
        .await;
    assert_eq!(refused.status, 400, "{}", refused.text);
    assert!(refused.text.contains("left"), "{}", refused.text);

    tokio::time::sleep(Duration::from_millis(500)).await;
    let read = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(
        read.body["status"]["state"], "Deleting",
        "held by the fault"
    );

    tokio::time::sleep(Duration::from_millis(950).saturating_sub(started.elapsed())).await;
    let forced = emu
        .delete(&format!("/v1/spectroclusters/{uid}?forceDelete=true"))
        .await;
    assert_eq!(forced.status, 204, "{}", forced.text);
    let read = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert!(
        read.status == 404 || read.body["status"]["state"] == "Deleted",
        "{}",
        read.text
    );
}

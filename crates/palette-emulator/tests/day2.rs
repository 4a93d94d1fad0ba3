//! Day-2 changes on a running cluster: a new profile version swapped in with
//! `replaceWithProfile`, add-on profiles attached and detached, pools added, resized and removed,
//! and a restart in the middle of a rollout.

mod support;

use std::time::Duration;

use palette_emulator::Config;
use serde_json::{Value, json};
use support::{Emu, pack_conditions, temp_db};

fn all_ready(reply: &support::Reply) -> bool {
    let conds = pack_conditions(&reply.body);
    !conds.is_empty() && conds.iter().all(|(_, c)| c == "Ready")
}

fn start_times(body: &Value) -> Vec<(String, Value)> {
    body["status"]["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_owned(),
                p["startTime"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn new_versions_add_ons_and_pools_roll_out_layer_by_layer() {
    let db = temp_db("day2");
    let config = Config {
        db: Some(db.clone()),
        time_scale: 0.02,
        ..Config::for_tests()
    };
    let emu = Emu::with(config.clone()).await;
    let v1 = emu.aws_infra_profile("stack").await;
    let addon = emu
        .addon_profile("hello", "kind: ConfigMap\nmetadata:\n  name: hello\n")
        .await;
    let uid = emu.aws_cluster("day2", &[&v1, &addon], 1).await.body["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let ready = emu
        .wait_cluster(&uid, Duration::from_secs(30), all_ready)
        .await;
    let before = start_times(&ready.body);

    // A new version of the infra profile with a newer Kubernetes.
    let clone = emu
        .post(
            &format!("/v1/clusterprofiles/{v1}/clone"),
            json!({"metadata": {"name": "stack", "version": "1.1.0"}}),
        )
        .await;
    assert_eq!(clone.status, 201, "{}", clone.text);
    let v2 = clone.body["uid"].as_str().unwrap().to_owned();
    let update = json!({"metadata": {"name": "stack"}, "spec": {"version": "1.1.0", "template": {"type": "infra", "packs": [
        {"name": "ubuntu-aws", "tag": "22.04", "type": "spectro"},
        {"name": "kubernetes", "tag": "1.33.10", "type": "spectro", "values": "cluster:\n  name: {{.spectro.var.domain}}\n"},
        {"name": "cni-calico", "tag": "3.29.3", "type": "spectro"},
        {"name": "csi-aws-ebs", "tag": "1.41.0", "type": "spectro"},
    ]}}});
    assert_eq!(
        emu.put(&format!("/v1/clusterprofiles/{v2}"), update)
            .await
            .status,
        204
    );
    assert_eq!(
        emu.patch(&format!("/v1/clusterprofiles/{v2}/publish"), json!({}))
            .await
            .status,
        204
    );
    let unknown = emu
        .patch(
            &format!("/v1/spectroclusters/{uid}/profiles"),
            json!({"profiles": [{"uid": v2, "replaceWithProfile": "0123456789abcdef01234567"}]}),
        )
        .await;
    assert_eq!(unknown.status, 400, "{}", unknown.text);
    let swap = emu
        .patch(
            &format!("/v1/spectroclusters/{uid}/profiles"),
            json!({"profiles": [{"uid": v2, "replaceWithProfile": v1}]}),
        )
        .await;
    assert_eq!(swap.status, 204, "{}", swap.text);

    // A new Kubernetes replaces every node: the change waits for approval.
    let held = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(held.body["status"]["repave"]["state"], "Pending");
    assert_eq!(held.body["status"]["packs"][1]["version"], "1.32.10");
    let repave = emu
        .get(&format!("/v1/spectroclusters/{uid}/repave/status"))
        .await;
    assert_eq!(repave.body["status"]["state"], "Pending");
    let reason = repave.body["spec"]["reasons"][0]["message"]
        .as_str()
        .unwrap();
    assert!(
        reason.contains("kubernetes") && reason.contains("1.33.10"),
        "{reason}"
    );
    let approve = emu
        .patch(
            &format!("/v1/spectroclusters/{uid}/repave/approve"),
            json!({}),
        )
        .await;
    assert_eq!(approve.status, 204, "{}", approve.text);
    let rolling = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(rolling.body["status"]["repave"]["state"], "Approved");
    let now = start_times(&rolling.body);
    assert_eq!(now[0], before[0], "os untouched");
    assert_eq!(now[2], before[2], "cni untouched");
    assert_eq!(now[3], before[3], "csi untouched");
    assert_eq!(now[4], before[4], "add-on untouched");
    let k8s = &rolling.body["status"]["packs"][1];
    assert_eq!(k8s["version"], "1.33.10");
    assert_eq!(k8s["profileUid"], v2.as_str());
    assert_ne!(k8s["condition"]["type"], "Ready");

    // Restart in the middle of the rollout; it resumes.
    emu.stop().await;
    let emu = Emu::with(config.clone()).await;
    let done = emu
        .wait_cluster(&uid, Duration::from_secs(30), all_ready)
        .await;
    assert_eq!(
        done.body["spec"]["clusterProfileTemplates"][0]["uid"],
        v2.as_str()
    );
    let profiles = emu
        .get(&format!("/v1/spectroclusters/{uid}/profiles"))
        .await;
    let attached: Vec<&str> = profiles.body["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["metadata"]["uid"].as_str())
        .collect();
    assert_eq!(attached, [v2.as_str(), addon.as_str()]);
    assert_eq!(
        emu.delete(&format!("/v1/clusterprofiles/{v1}"))
            .await
            .status,
        204,
        "v1 is no longer in use"
    );

    // Detach the add-on: its layer goes away, nothing else moves.
    let cannot = emu
        .call(
            reqwest::Method::DELETE,
            &format!("/v1/spectroclusters/{uid}/profiles"),
            Some(json!({"profileUids": [v2]})),
        )
        .await;
    assert_eq!(
        cannot.status, 400,
        "the infra profile cannot be detached: {}",
        cannot.text
    );
    let detach = emu
        .call(
            reqwest::Method::DELETE,
            &format!("/v1/spectroclusters/{uid}/profiles"),
            Some(json!({"profileUids": [addon]})),
        )
        .await;
    assert_eq!(detach.status, 204, "{}", detach.text);
    // The agent downloads the change first; then the layer goes.
    let after = emu
        .wait_cluster(&uid, Duration::from_secs(30), |r| {
            pack_conditions(&r.body).len() == 4
        })
        .await;
    assert!(all_ready(&after));
    assert_eq!(after.body["status"]["spcApply"]["canBeApplied"], true);

    // PUT replaces the whole set.
    let put = emu.put(&format!("/v1/spectroclusters/{uid}/profiles"), json!({"profiles": [{"uid": v2}, {"uid": addon, "packValues": [
        {"name": "hello", "manifests": [{"name": "hello", "content": "kind: ConfigMap\nmetadata:\n  name: hello-2\n"}]}]}]})).await;
    assert_eq!(put.status, 204, "{}", put.text);
    let with_addon = emu
        .wait_cluster(&uid, Duration::from_secs(30), |r| {
            all_ready(r) && pack_conditions(&r.body).len() == 5
        })
        .await;
    assert_eq!(pack_conditions(&with_addon.body).len(), 5);
    let content =
        with_addon.body["spec"]["clusterProfileTemplates"][1]["packs"][0]["manifests"][0].clone();
    assert!(
        content.get("content").is_none(),
        "manifest content stays out of the cluster body"
    );

    // Pools: add one, resize it, remove it.
    let config_uid = with_addon.body["spec"]["cloudConfigRef"]["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let base = format!("/v1/cloudconfigs/aws/{config_uid}");
    let pool = |size: u32| json!({"cloudConfig": {"instanceType": "c5.large"}, "poolConfig": {"name": "batch", "size": size, "labels": ["worker"]}});
    let added = emu.post(&format!("{base}/machinePools"), pool(2)).await;
    assert_eq!(added.status, 201, "{}", added.text);
    assert_eq!(
        emu.post(&format!("{base}/machinePools"), pool(2))
            .await
            .status,
        409
    );
    let conditions =
        emu.get(&format!("/v1/spectroclusters/{uid}")).await.body["status"]["conditions"].clone();
    assert!(
        conditions
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["type"] == "WorkerNodesReady" && c["status"] == "False"),
        "{conditions}"
    );
    let machines = emu
        .get(&format!("{base}/machinePools/batch/machines"))
        .await;
    assert_eq!(machines.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        emu.put(&format!("{base}/machinePools/batch"), pool(1))
            .await
            .status,
        204
    );
    let config = emu.get(&base).await;
    let sizes: Vec<(String, i64)> = config.body["spec"]["machinePoolConfig"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_owned(),
                p["size"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sizes,
        [
            ("cp".to_owned(), 1),
            ("workers".to_owned(), 1),
            ("batch".to_owned(), 1)
        ]
    );
    assert_eq!(
        emu.delete(&format!("{base}/machinePools/cp")).await.status,
        400,
        "the control plane stays"
    );
    assert_eq!(
        emu.delete(&format!("{base}/machinePools/batch"))
            .await
            .status,
        204
    );
    assert_eq!(
        emu.delete(&format!("{base}/machinePools/batch"))
            .await
            .status,
        404
    );
    let cfg = emu
        .put(
            &format!("{base}/clusterConfig"),
            json!({"clusterConfig": {"region": "us-east-1", "sshKeyName": "new-key"}}),
        )
        .await;
    assert_eq!(cfg.status, 204, "{}", cfg.text);
    assert_eq!(
        emu.get(&base).await.body["spec"]["clusterConfig"]["sshKeyName"],
        "new-key"
    );
    let settled = emu
        .wait_cluster(&uid, Duration::from_secs(30), |r| {
            r.body["status"]["conditions"]
                .as_array()
                .is_some_and(|c| c.iter().all(|c| c["status"] == "True"))
        })
        .await;
    assert!(all_ready(&settled), "pool changes reinstall nothing");

    // Metadata.
    let meta = emu
        .patch(
            &format!("/v1/spectroclusters/{uid}/metadata"),
            json!({"metadata": {"labels": {"env": "prod"}}}),
        )
        .await;
    assert_eq!(meta.status, 204, "{}", meta.text);
    assert_eq!(
        emu.get(&format!("/v1/spectroclusters/{uid}")).await.body["metadata"]["labels"]["env"],
        "prod"
    );
    let search = emu
        .post("/v1/dashboard/spectroclusters/search", json!({"filter": {"conjunction": "and", "filterGroups": [{"conjunction": "and", "filters": [
            {"property": "tag", "type": "string", "condition": {"string": {"operator": "eq", "negation": false, "match": {"conjunction": "or", "values": ["env:prod"]}}}}]}]}}))
        .await;
    assert_eq!(
        search.body["items"].as_array().unwrap().len(),
        1,
        "{}",
        search.text
    );
    emu.stop().await;
    std::fs::remove_dir_all(db.parent().unwrap()).ok();
}

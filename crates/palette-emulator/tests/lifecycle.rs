//! A cluster's whole life over HTTP: profile, create, layers installing in order, a restart on
//! the same database mid-deployment, day-2 changes, delete.

mod support;

use std::time::Duration;

use palette_emulator::Config;
use serde_json::json;
use support::{Emu, pack_conditions, temp_db};

fn config(db: &std::path::Path) -> Config {
    Config {
        db: Some(db.to_owned()),
        time_scale: 0.02,
        ..Config::for_tests()
    }
}

#[tokio::test]
async fn a_cluster_lives_and_dies_across_a_restart() {
    let db = temp_db("lifecycle");
    let emu = Emu::with(config(&db)).await;
    let infra = emu.aws_infra_profile("aws-base").await;
    let created = emu.aws_cluster("prod-east", &[&infra], 2).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert!(created.headers.contains_key("audituid"));
    let uid = created.body["uid"].as_str().unwrap().to_owned();
    assert!(palette_emulator::ids::is_uid(&uid));

    let first = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(first.status, 200, "{}", first.text);
    assert_eq!(first.body["status"]["state"], "Pending");
    assert_eq!(first.body["metadata"]["annotations"]["scope"], "project");
    let layers: Vec<String> = pack_conditions(&first.body)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        layers,
        ["ubuntu-aws", "kubernetes", "cni-calico", "csi-aws-ebs"]
    );
    assert!(
        pack_conditions(&first.body)
            .iter()
            .all(|(_, c)| c == "WaitingForOtherLayers")
    );
    let kube = emu
        .get(&format!(
            "/v1/spectroclusters/{uid}/assets/kubeconfigclient"
        ))
        .await;
    assert_eq!(kube.status, 404, "no kubeconfig before Running");

    // Restart on the same database while the cluster is still provisioning.
    emu.stop().await;
    let emu = Emu::with(config(&db)).await;
    let again = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(
        again.status, 200,
        "the cluster survives a restart: {}",
        again.text
    );

    // Watch the layers install in order: a layer is never ahead of the one below it.
    let rank = |c: &str| match c {
        "WaitingForOtherLayers" => 0,
        "ReadyForInstall" => 1,
        "Installed" => 2,
        "Ready" => 3,
        _ => 9,
    };
    let mut saw_partial = false;
    let done = emu
        .wait_cluster(&uid, Duration::from_secs(30), |reply| {
            let conds = pack_conditions(&reply.body);
            for pair in conds.windows(2) {
                assert!(
                    rank(&pair[0].1) >= rank(&pair[1].1),
                    "layers out of order: {conds:?}"
                );
                if pair[0].1 == "Ready" && pair[1].1 != "Ready" {
                    assert_eq!(reply.body["status"]["state"], "Running");
                }
            }
            let ready = conds.iter().filter(|(_, c)| c == "Ready").count();
            if ready > 0 && ready < conds.len() {
                saw_partial = true;
            }
            ready == conds.len()
        })
        .await;
    assert!(
        saw_partial,
        "layers became ready one after another, not all at once"
    );
    assert_eq!(done.body["status"]["state"], "Running");
    assert!(
        done.body["status"]["packs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["condition"]["status"] == "True" && p["endTime"].is_string())
    );
    let overview = emu
        .get(&format!("/v1/dashboard/spectroclusters/{uid}/overview"))
        .await;
    assert_eq!(
        overview.body["status"]["health"]["state"], "Healthy",
        "{}",
        overview.text
    );
    let kube = emu
        .get(&format!(
            "/v1/spectroclusters/{uid}/assets/kubeconfigclient"
        ))
        .await;
    assert_eq!(kube.status, 200);
    assert!(
        kube.text.contains("kind: Config") && kube.text.contains("token:"),
        "{}",
        kube.text
    );

    // Day-2: attach an add-on profile; only the add-on layer installs.
    let before = done.body["status"]["packs"].clone();
    let addon = emu
        .addon_profile(
            "hello",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: hello\n",
        )
        .await;
    let patched = emu
        .patch(
            &format!("/v1/spectroclusters/{uid}/profiles?resolveNotification=true"),
            json!({"profiles": [{"uid": addon}]}),
        )
        .await;
    assert_eq!(patched.status, 204, "{}", patched.text);
    // Until the agent has downloaded the change, the stack shows as it was.
    let downloading = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(
        downloading.body["status"]["spcApply"]["canBeApplied"],
        false
    );
    let shown = downloading.body["status"]["packs"].as_array().unwrap();
    assert_eq!(shown.len(), 4, "the add-on is not shown yet");
    assert!(shown.iter().all(|p| p["condition"]["type"] == "Ready"));
    let during = emu
        .wait_cluster(&uid, Duration::from_secs(30), |r| {
            r.body["status"]["packs"]
                .as_array()
                .is_some_and(|p| p.len() == 5)
        })
        .await;
    assert_eq!(during.body["status"]["spcApply"]["canBeApplied"], true);
    let packs = during.body["status"]["packs"].as_array().unwrap().clone();
    for (old, new) in before.as_array().unwrap().iter().zip(&packs) {
        assert_eq!(
            old["startTime"], new["startTime"],
            "{} was reinstalled",
            new["name"]
        );
    }
    assert_eq!(packs[4]["profileUid"], addon.as_str());
    assert_eq!(during.body["status"]["spcApply"]["canBeApplied"], true);
    emu.wait_cluster(&uid, Duration::from_secs(30), |r| {
        pack_conditions(&r.body).iter().all(|(_, c)| c == "Ready")
    })
    .await;

    // Day-2: new values on the k8s layer reinstall only that layer and what sits above it in
    // the schedule, never the layers below.
    let vars = emu
        .patch(&format!("/v1/spectroclusters/{uid}/variables"), json!([{"profileUid": infra, "variables": [{"name": "domain", "value": "prod.example.com"}]}]))
        .await;
    assert_eq!(vars.status, 204, "{}", vars.text);
    // New Kubernetes values replace the nodes, so the change waits for approval.
    let held = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(held.body["status"]["repave"]["state"], "Pending");
    let approve = emu
        .patch(
            &format!("/v1/spectroclusters/{uid}/repave/approve"),
            json!({}),
        )
        .await;
    assert_eq!(approve.status, 204, "{}", approve.text);
    let after = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    let raw = after.body["spec"]["clusterProfileTemplates"][0]["packs"][1]["values"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(raw.contains("{{.spectro.var.domain}}"), "{raw}");
    let resolved = emu
        .get(&format!("/v1/spectroclusters/{uid}?resolvePackValues=true"))
        .await;
    let values = resolved.body["spec"]["clusterProfileTemplates"][0]["packs"][1]["values"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(values.contains("prod.example.com"), "{values}");
    let packs = after.body["status"]["packs"].as_array().unwrap();
    assert_eq!(
        packs[0]["startTime"], before[0]["startTime"],
        "os untouched"
    );
    assert_ne!(packs[1]["condition"]["type"], "Ready", "k8s reinstalls");
    assert_eq!(packs[2]["condition"]["type"], "Ready", "cni untouched");
    emu.wait_cluster(&uid, Duration::from_secs(30), |r| {
        pack_conditions(&r.body).iter().all(|(_, c)| c == "Ready")
    })
    .await;

    // The profile cannot be deleted while the cluster uses it.
    let refused = emu.delete(&format!("/v1/clusterprofiles/{infra}")).await;
    assert_eq!(refused.status, 409);
    assert!(
        refused.body["message"]
            .as_str()
            .unwrap()
            .contains("prod-east"),
        "{}",
        refused.text
    );

    // Delete: Deleting, then gone.
    let deleted = emu.delete(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(deleted.status, 204);
    let deleting = emu.get(&format!("/v1/spectroclusters/{uid}/status")).await;
    assert_eq!(deleting.body["status"]["state"], "Deleting");
    emu.wait_cluster(&uid, Duration::from_secs(10), |r| r.status == 404)
        .await;
    let gone = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    assert_eq!(gone.body["code"], "ResourceNotFound");
    let freed = emu.delete(&format!("/v1/clusterprofiles/{infra}")).await;
    assert_eq!(freed.status, 204, "{}", freed.text);
    let events = emu
        .get(&format!("/v1/events/components/spectrocluster/{uid}"))
        .await;
    let reasons: Vec<&str> = events.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["reason"].as_str())
        .collect();
    for want in ["Created", "Running", "PackReady", "Deleted"] {
        assert!(reasons.contains(&want), "event {want} in {reasons:?}");
    }
    emu.stop().await;
    std::fs::remove_dir_all(db.parent().unwrap()).ok();
}

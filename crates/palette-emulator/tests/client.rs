//! The shared client (`palette_api::Client`) against the emulator: the two sides of the shared
//! models agree, and the client's retries survive the emulator's faults without duplicates.

mod support;

use std::time::Duration;

use palette_api::models as m;
use palette_api::{Client, ClientConfig, ClusterCreate, KubeconfigKind, RetryPolicy};
use serde_json::json;
use support::Emu;

fn client(emu: &Emu) -> Client {
    let mut config = ClientConfig::new(emu.handle.base_url(), emu.key.clone());
    config.rate_limits = None;
    config.retry = RetryPolicy {
        max_retries: 8,
        max_throttled: 8,
        initial_backoff: Duration::from_millis(5),
        max_backoff: Duration::from_millis(40),
    };
    Client::new(config).expect("client")
}

#[tokio::test]
async fn the_client_drives_a_cluster() {
    let emu = Emu::start().await;
    let api = client(&emu);
    let scope = api.project_scope("Default").await.expect("project");
    let entity: m::ClusterProfileEntity = serde_json::from_value(json!({
        "metadata": {"name": "via-client"},
        "spec": {"version": "1.0.0", "template": {"type": "cluster", "cloudType": "aws", "packs": [
            {"name": "ubuntu-aws", "tag": "22.04", "type": "spectro"},
            {"name": "kubernetes", "tag": "1.33.10", "type": "spectro"},
            {"name": "cni-cilium-oss", "tag": "1.17.1", "type": "spectro"},
            {"name": "csi-aws-ebs", "tag": "1.53.0", "type": "spectro"},
            {"name": "prometheus-operator", "tag": "83.5.0", "type": "spectro"},
        ]}},
    }))
    .unwrap();
    let profile = api
        .create_cluster_profile(&scope, &entity, true)
        .await
        .expect("profile created");
    let read = api
        .get_cluster_profile(&scope, &profile)
        .await
        .expect("profile read");
    let packs = read
        .spec
        .and_then(|s| s.published)
        .and_then(|p| p.packs)
        .unwrap();
    assert_eq!(packs.len(), 5);
    assert_eq!(
        api.find_cluster_profile(&scope, "via-client", None)
            .await
            .unwrap(),
        Some(profile.clone())
    );

    let account = emu.account_uid("aws", "aws-dev").await;
    let body: m::SpectroAwsClusterEntity = serde_json::from_value(json!({
        "metadata": {"name": "client-made"},
        "spec": {"cloudAccountUid": account, "profiles": [{"uid": profile}], "cloudConfig": {"region": "eu-west-1"},
                 "machinepoolconfig": [{"cloudConfig": {"instanceType": "m5.large"}, "poolConfig": {"name": "cp", "size": 1, "labels": ["control-plane"], "isControlPlane": true}}]},
    }))
    .unwrap();
    let uid = api
        .create_cluster(&scope, &ClusterCreate::Aws(body))
        .await
        .expect("cluster created");
    assert_eq!(
        api.find_cluster_by_name(&scope, "client-made")
            .await
            .unwrap(),
        Some(uid.clone())
    );
    assert_eq!(
        api.get_kubeconfig(&scope, &uid, KubeconfigKind::Client)
            .await
            .unwrap(),
        None,
        "no kubeconfig yet"
    );
    let mut healthy = false;
    for _ in 0..200 {
        let overview = api.get_cluster_overview(&scope, &uid).await.unwrap();
        if overview
            .status
            .and_then(|s| s.health)
            .and_then(|h| h.state)
            .as_deref()
            == Some("Healthy")
        {
            healthy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(healthy, "the cluster becomes healthy");
    let cluster = api.get_cluster(&scope, &uid).await.unwrap();
    let statuses = cluster.status.and_then(|s| s.packs).unwrap();
    assert_eq!(statuses.len(), 5);
    let kubeconfig = api
        .get_kubeconfig(&scope, &uid, KubeconfigKind::Admin)
        .await
        .unwrap()
        .expect("kubeconfig");
    assert!(kubeconfig.contains("client-certificate-data"));
    let events = api.list_cluster_events(&scope, &uid).await.unwrap();
    assert!(events.len() > 10);

    // A force delete is refused until the cluster has been deleting a while.
    let early = api.delete_cluster(&scope, &uid, true).await.unwrap_err();
    assert_eq!(early.code(), Some("ForceDeleteNotAllowed"), "{early}");
    api.delete_cluster(&scope, &uid, false).await.unwrap();
    let mut gone = None;
    for _ in 0..200 {
        match api.get_cluster(&scope, &uid).await {
            Err(err) => {
                gone = Some(err);
                break;
            }
            Ok(_) => tokio::time::sleep(std::time::Duration::from_millis(25)).await,
        }
    }
    let gone = gone.expect("the cluster goes away");
    assert!(gone.is_not_found(), "{gone}");
    assert_eq!(
        api.find_cluster_by_name(&scope, "client-made")
            .await
            .unwrap(),
        None
    );
    emu.stop().await;
}

#[tokio::test]
async fn idempotent_creates_survive_resets_and_errors() {
    let emu = Emu::start().await;
    let api = client(&emu);
    let scope = api.project_scope("Default").await.expect("project");
    emu.put(
        "/__emulator/faults",
        json!({"reset_next": 2, "error_next": 2, "throttle_next": 1, "reset_rate": 0.2, "error_rate": 0.05}),
    )
    .await;
    for i in 0..6 {
        let entity: m::ClusterProfileEntity = serde_json::from_value(json!({
            "metadata": {"name": format!("flaky-{i}")},
            "spec": {"version": "1.0.0", "template": {"type": "add-on", "cloudType": "all", "packs": [{"name": "cert-manager", "tag": "1.20.2", "type": "spectro"}]}},
        }))
        .unwrap();
        api.create_cluster_profile_idempotent(&scope, &entity, true)
            .await
            .expect("created despite faults");
    }
    emu.put("/__emulator/faults", json!({})).await;
    let listed = emu.get("/v1/dashboard/clusterprofiles/metadata").await;
    let names: Vec<&str> = listed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["metadata"]["name"].as_str())
        .collect();
    assert_eq!(names.len(), 6, "exactly one profile per name: {names:?}");
    let stats = emu.get("/__emulator/stats").await;
    assert!(
        stats.body["faults_injected_total"].as_u64().unwrap() > 0,
        "{}",
        stats.text
    );
    emu.stop().await;
}

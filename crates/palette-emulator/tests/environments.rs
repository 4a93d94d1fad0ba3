//! A cluster on each of the twelve environments, from create to Healthy, with its cloud config,
//! machines and a pool resize; and the create-time validation rules.

mod support;

use std::time::Duration;

use serde_json::{Value, json};
use support::{Emu, pack_conditions};

struct Case {
    env: &'static str,
    path: &'static str,
    account: Option<(&'static str, &'static str)>,
    managed: bool,
    cloud_config: Value,
    pool: Value,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            env: "aws",
            path: "aws",
            account: Some(("aws", "aws-dev")),
            managed: false,
            cloud_config: json!({"region": "us-east-1"}),
            pool: json!({"instanceType": "m5.large", "azs": ["us-east-1a"]}),
        },
        Case {
            env: "azure",
            path: "azure",
            account: Some(("azure", "azure-dev")),
            managed: false,
            cloud_config: json!({"subscriptionId": "sub", "location": "eastus", "sshKey": "ssh-rsa AAA"}),
            pool: json!({"instanceType": "Standard_D4s_v3"}),
        },
        Case {
            env: "gcp",
            path: "gcp",
            account: Some(("gcp", "gcp-dev")),
            managed: false,
            cloud_config: json!({"project": "p", "region": "us-east1"}),
            pool: json!({"instanceType": "n2-standard-4"}),
        },
        Case {
            env: "tke",
            path: "tke",
            account: Some(("tencent", "tke-dev")),
            managed: true,
            cloud_config: json!({"region": "ap-guangzhou"}),
            pool: json!({"instanceType": "S5.LARGE8"}),
        },
        Case {
            env: "eks",
            path: "eks",
            account: Some(("aws", "aws-dev")),
            managed: true,
            cloud_config: json!({"region": "us-west-2"}),
            pool: json!({"instanceType": "t3.large"}),
        },
        Case {
            env: "aks",
            path: "aks",
            account: Some(("azure", "azure-dev")),
            managed: true,
            cloud_config: json!({"subscriptionId": "sub", "location": "westeurope", "sshKey": "ssh-ed25519 AAAA test"}),
            pool: json!({"instanceType": "Standard_D4s_v3", "isSystemNodePool": true}),
        },
        Case {
            env: "gke",
            path: "gke",
            account: Some(("gcp", "gcp-dev")),
            managed: true,
            cloud_config: json!({"project": "p", "region": "europe-west1"}),
            pool: json!({"instanceType": "e2-standard-4"}),
        },
        Case {
            env: "vsphere",
            path: "vsphere",
            account: Some(("vsphere", "vsphere-dev")),
            managed: false,
            cloud_config: json!({"placement": {"datacenter": "dc1", "folder": "f"}}),
            pool: json!({"instanceType": {"numCPUs": 4, "memoryMiB": 8192, "diskGiB": 60}}),
        },
        Case {
            env: "nutanix",
            path: "cloudTypes/nutanix",
            account: Some(("cloudTypes/nutanix", "nutanix-dev")),
            managed: false,
            cloud_config: json!({"values": "apiVersion: infrastructure.cluster.x-k8s.io/v1beta1\nkind: NutanixCluster\n"}),
            pool: json!({"values": "kind: MachineDeployment\nmetadata:\n  name: POOL\nspec:\n  replicas: SIZE\n"}),
        },
        Case {
            env: "openstack",
            path: "openstack",
            account: Some(("openstack", "openstack-dev")),
            managed: false,
            cloud_config: json!({"region": "RegionOne", "sshKeyName": "ops"}),
            pool: json!({"flavorConfig": {"name": "m1.large"}}),
        },
        Case {
            env: "maas",
            path: "maas",
            account: Some(("maas", "maas-dev")),
            managed: false,
            cloud_config: json!({"domain": "maas.local"}),
            pool: json!({"instanceType": {"minCPU": 4, "minMemInMB": 8192}, "resourcePool": "default"}),
        },
        Case {
            env: "edge-native",
            path: "edge-native",
            account: None,
            managed: false,
            cloud_config: json!({}),
            pool: json!({}),
        },
    ]
}

/// Builds and publishes an infra profile from the Public Repo packs offered for `env`.
async fn infra_profile(emu: &Emu, env: &str) -> String {
    let registries = emu.get("/v1/registries/metadata").await;
    let public = registries.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Public Repo")
        .unwrap()["uid"]
        .clone();
    let mut packs = Vec::new();
    for layer in ["os", "k8s", "cni", "csi"] {
        let found = emu.post("/v1/packs/search", json!({"filter": {"environment": [env], "layer": [layer], "registryUid": [public]}})).await;
        let item = &found.body["items"][0];
        assert!(item.is_object(), "a {layer} pack for {env}: {}", found.text);
        packs.push(json!({"name": item["spec"]["name"], "tag": item["spec"]["registries"][0]["latestVersion"], "registryUid": public}));
    }
    let body = json!({"metadata": {"name": format!("{env}-infra")}, "spec": {"version": "1.0.0", "template": {"type": "infra", "cloudType": env, "packs": packs}}});
    let reply = emu.post("/v1/clusterprofiles?publish=true", body).await;
    assert_eq!(reply.status, 201, "{env}: {}", reply.text);
    reply.body["uid"].as_str().unwrap().to_owned()
}

fn pool(case: &Case, name: &str, size: u32, control_plane: bool, hosts: &[String]) -> Value {
    let mut cloud = case.pool.clone();
    if case.env == "nutanix" {
        let values = cloud["values"]
            .as_str()
            .unwrap()
            .replace("POOL", name)
            .replace("SIZE", &size.to_string());
        cloud["values"] = json!(values);
        return json!({"cloudConfig": cloud, "poolConfig": {"isControlPlane": control_plane}});
    }
    if case.env == "edge-native" {
        cloud["edgeHosts"] = json!(
            hosts
                .iter()
                .map(|h| json!({"hostUid": h}))
                .collect::<Vec<_>>()
        );
    }
    json!({"cloudConfig": cloud, "poolConfig": {"name": name, "size": size, "isControlPlane": control_plane, "labels": [if control_plane { "control-plane" } else { "worker" }]}})
}

/// `pool` on the seed's arm64 edge hosts (the fifth and sixth): an Edge pool says so in its
/// `archType`, which Palette checks against its hosts.
fn arm64(case: &Case, mut pool: Value) -> Value {
    if case.env == "edge-native" {
        pool["poolConfig"]["machinePoolProperties"] = json!({"archType": "arm64"});
    }
    pool
}

async fn edge_hosts(emu: &Emu) -> Vec<String> {
    let hosts = emu.get("/v1/edgehosts/metadata").await;
    hosts.body["edgeHosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["uid"].as_str().unwrap().to_owned())
        .collect()
}

/// The spec models of an environment's cloud config and machine list.
fn models(env: &str) -> (&'static str, &'static str) {
    match env {
        "aws" => ("v1AwsCloudConfig", "v1AwsMachines"),
        "eks" => ("v1EksCloudConfig", "v1AwsMachines"),
        "azure" | "aks" => ("v1AzureCloudConfig", "v1AzureMachines"),
        "gcp" | "gke" => ("v1GcpCloudConfig", "v1GcpMachines"),
        "tke" => ("v1TencentCloudConfig", "v1TencentMachines"),
        "vsphere" => ("v1VsphereCloudConfig", "v1VsphereMachines"),
        "nutanix" => ("v1CustomCloudConfig", "v1CustomMachines"),
        "openstack" => ("v1OpenStackCloudConfig", "v1OpenStackMachines"),
        "maas" => ("v1MaasCloudConfig", "v1MaasMachines"),
        _ => ("v1EdgeNativeCloudConfig", "v1EdgeNativeMachines"),
    }
}

#[tokio::test]
async fn every_environment_deploys_and_resizes() {
    let spec = palette_test_support::conformance::Spec::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."),
    );
    let mut problems = Vec::new();
    let emu = Emu::start().await;
    let hosts = edge_hosts(&emu).await;
    assert_eq!(hosts.len(), 6);
    let mut created = Vec::new();
    for case in cases() {
        let profile = infra_profile(&emu, case.env).await;
        let mut pools = Vec::new();
        if !case.managed {
            pools.push(pool(&case, "cp", 1, true, &hosts[0..1]));
        }
        pools.push(pool(&case, "workers", 2, false, &hosts[1..3]));
        let mut spec = json!({"profiles": [{"uid": profile}], "cloudConfig": case.cloud_config, "machinepoolconfig": pools});
        if let Some((cloud, name)) = case.account {
            spec["cloudAccountUid"] = json!(emu.account_uid(cloud, name).await);
        }
        let name = format!("c-{}", case.env);
        let reply = emu
            .post(
                &format!("/v1/spectroclusters/{}", case.path),
                json!({"metadata": {"name": name}, "spec": spec}),
            )
            .await;
        assert_eq!(reply.status, 201, "{}: {}", case.env, reply.text);
        created.push((case, reply.body["uid"].as_str().unwrap().to_owned()));
    }
    for (case, uid) in &created {
        let done = emu
            .wait_cluster(uid, Duration::from_secs(30), |r| {
                let conds = pack_conditions(&r.body);
                conds.len() == 4 && conds.iter().all(|(_, c)| c == "Ready")
            })
            .await;
        assert_eq!(done.body["spec"]["cloudType"], case.env);
        let overview = emu
            .get(&format!("/v1/dashboard/spectroclusters/{uid}/overview"))
            .await;
        assert_eq!(
            overview.body["status"]["health"]["state"], "Healthy",
            "{}: {}",
            case.env, overview.text
        );

        let config_uid = done.body["spec"]["cloudConfigRef"]["uid"]
            .as_str()
            .unwrap()
            .to_owned();
        let base = format!("/v1/cloudconfigs/{}/{config_uid}", case.path);
        let config = emu.get(&base).await;
        assert_eq!(config.status, 200, "{}: {}", case.env, config.text);
        let pools = config.body["spec"]["machinePoolConfig"].as_array().unwrap();
        assert_eq!(
            pools.len(),
            if case.managed { 1 } else { 2 },
            "{}",
            case.env
        );
        let machines = emu
            .get(&format!("{base}/machinePools/workers/machines"))
            .await;
        assert_eq!(machines.status, 200, "{}: {}", case.env, machines.text);
        if let Some(spec) = &spec {
            let (config_model, machines_model) = models(case.env);
            for p in spec.check(&config.body, config_model) {
                problems.push(format!("{} cloud config: {p}", case.env));
            }
            for p in spec.check(&machines.body, machines_model) {
                problems.push(format!("{} machines: {p}", case.env));
            }
        }
        let items = machines.body["items"].as_array().unwrap();
        assert_eq!(items.len(), 2, "{}: {}", case.env, machines.text);
        assert!(
            items
                .iter()
                .all(|m| m["status"]["instanceState"] == "Running")
        );

        // Resize the workers to three: a node is added and no pack reinstalls.
        let resized = pool(case, "workers", 3, false, &hosts[1..4]);
        let put = emu
            .put(&format!("{base}/machinePools/workers"), resized)
            .await;
        assert_eq!(put.status, 204, "{}: {}", case.env, put.text);
        let after = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
        assert!(
            pack_conditions(&after.body)
                .iter()
                .all(|(_, c)| c == "Ready"),
            "{}: packs untouched",
            case.env
        );
        let machines = emu
            .get(&format!("{base}/machinePools/workers/machines"))
            .await;
        assert_eq!(
            machines.body["items"].as_array().unwrap().len(),
            3,
            "{}",
            case.env
        );

        // A worker pool is added to the running cluster and removed again.
        let extra = arm64(case, pool(case, "extra", 1, false, &hosts[4..5]));
        let added = emu.post(&format!("{base}/machinePools"), extra).await;
        assert_eq!(added.status, 201, "{}: {}", case.env, added.text);
        let pool_names = |config: &Value| -> Vec<String> {
            config["spec"]["machinePoolConfig"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap().to_owned())
                .collect()
        };
        let with_extra = pool_names(&emu.get(&base).await.body);
        assert!(
            with_extra.contains(&"extra".to_owned()),
            "{}: {with_extra:?}",
            case.env
        );
        let removed = emu.delete(&format!("{base}/machinePools/extra")).await;
        assert_eq!(removed.status, 204, "{}: {}", case.env, removed.text);
        let without = pool_names(&emu.get(&base).await.body);
        assert!(
            !without.contains(&"extra".to_owned()),
            "{}: {without:?}",
            case.env
        );

        // The control plane stays the one the cluster was made with: no control-plane pool is
        // added, and the one there is not removed.
        if !case.managed {
            let second = arm64(case, pool(case, "cp2", 1, true, &hosts[5..6]));
            let refused = emu.post(&format!("{base}/machinePools"), second).await;
            assert_eq!(refused.status, 400, "{}: {}", case.env, refused.text);
            assert!(
                refused.text.contains("isControlPlane"),
                "{}: {}",
                case.env,
                refused.text
            );
            let kept = emu.delete(&format!("{base}/machinePools/cp")).await;
            assert_eq!(kept.status, 400, "{}: {}", case.env, kept.text);
        }
    }
    assert!(
        problems.is_empty(),
        "responses that break the spec:\n{}",
        problems.join("\n")
    );
    emu.stop().await;
}

#[tokio::test]
async fn create_refuses_what_the_real_server_refuses() {
    let emu = Emu::start().await;
    let infra = emu.aws_infra_profile("aws-infra").await;
    let addon = emu.addon_profile("addon-only", "kind: ConfigMap\n").await;
    let aws = emu.account_uid("aws", "aws-dev").await;
    let azure = emu.account_uid("azure", "azure-dev").await;
    let cp = json!({"cloudConfig": {"instanceType": "m5.large"}, "poolConfig": {"name": "cp", "size": 1, "labels": ["control-plane"], "isControlPlane": true}});
    let worker = json!({"cloudConfig": {"instanceType": "m5.large"}, "poolConfig": {"name": "w", "size": 1, "labels": ["worker"]}});
    let body = |account: &str, profile: &str, pools: Value, cloud: Value| json!({"metadata": {"name": "bad"}, "spec": {"cloudAccountUid": account, "profiles": [{"uid": profile}], "cloudConfig": cloud, "machinepoolconfig": pools}});
    let region = json!({"region": "us-east-1"});
    let table = [
        (
            "add-on profile only",
            "aws",
            body(&aws, &addon, json!([cp, worker]), region.clone()),
            400,
            "os, k8s, cni, csi",
        ),
        (
            "no control plane",
            "aws",
            body(&aws, &infra, json!([worker]), region.clone()),
            400,
            "control-plane",
        ),
        (
            "no pools",
            "aws",
            body(&aws, &infra, json!([]), region.clone()),
            400,
            "machine pool",
        ),
        (
            "wrong account family",
            "aws",
            body(&azure, &infra, json!([cp, worker]), region.clone()),
            400,
            "azure account",
        ),
        (
            "unknown account",
            "aws",
            body(
                "0123456789abcdef01234567",
                &infra,
                json!([cp, worker]),
                region.clone(),
            ),
            404,
            "cloud account",
        ),
        (
            "missing region",
            "aws",
            body(&aws, &infra, json!([cp, worker]), json!({})),
            400,
            "region",
        ),
        (
            "unknown profile",
            "aws",
            body(
                &aws,
                "0123456789abcdef01234567",
                json!([cp, worker]),
                region.clone(),
            ),
            404,
            "cluster profile",
        ),
        (
            "profile for another cloud",
            "eks",
            body(&aws, &infra, json!([worker]), region.clone()),
            400,
            "cloud type 'aws'",
        ),
        (
            "control plane on managed",
            "eks",
            body(&aws, &infra, json!([cp]), region.clone()),
            400,
            "managed",
        ),
        (
            "missing instance type",
            "aws",
            body(
                &aws,
                &infra,
                json!([{"cloudConfig": {}, "poolConfig": {"name": "cp", "size": 1, "isControlPlane": true, "labels": []}}]),
                region.clone(),
            ),
            400,
            "instanceType",
        ),
    ];
    for (name, path, body, status, needle) in table {
        let reply = emu.post(&format!("/v1/spectroclusters/{path}"), body).await;
        assert_eq!(reply.status, status, "{name}: {}", reply.text);
        assert!(
            reply.body["message"]
                .as_str()
                .unwrap_or("")
                .contains(needle),
            "{name}: {}",
            reply.text
        );
    }
    // AKS runs its system pods on system node pools: a cluster without one is refused.
    let aks_infra = infra_profile(&emu, "aks").await;
    let user_pool = json!({"cloudConfig": {"instanceType": "Standard_D4s_v3"}, "poolConfig": {"name": "w", "size": 1, "labels": ["worker"]}});
    let aks = json!({"subscriptionId": "sub", "location": "westeurope", "sshKey": "ssh-ed25519 AAAA test"});
    let reply = emu
        .post(
            "/v1/spectroclusters/aks",
            body(&azure, &aks_infra, json!([user_pool]), aks),
        )
        .await;
    assert_eq!(
        reply.status, 400,
        "AKS without a system pool: {}",
        reply.text
    );
    assert!(
        reply.text.contains("system node pool"),
        "AKS without a system pool: {}",
        reply.text
    );

    let ok = emu.aws_cluster("twin", &[&infra, &addon], 1).await;
    assert_eq!(ok.status, 201, "{}", ok.text);
    let dup = emu.aws_cluster("twin", &[&infra], 1).await;
    assert_eq!(dup.status, 409, "{}", dup.text);
    let name_taken = emu.get("/v1/spectroclusters/validate/name?name=twin").await;
    assert_eq!(name_taken.status, 409);
    assert_eq!(
        emu.get("/v1/spectroclusters/validate/name?name=free")
            .await
            .status,
        204
    );

    // Edge hosts are exclusive.
    let hosts = edge_hosts(&emu).await;
    let edge_infra = infra_profile(&emu, "edge-native").await;
    let edge = |name: &str| {
        json!({"metadata": {"name": name}, "spec": {"profiles": [{"uid": edge_infra}], "cloudConfig": {}, "machinepoolconfig": [
            {"cloudConfig": {"edgeHosts": [{"hostUid": hosts[0]}]}, "poolConfig": {"name": "cp", "size": 1, "isControlPlane": true, "labels": ["control-plane"]}}]}})
    };
    assert_eq!(
        emu.post("/v1/spectroclusters/edge-native", edge("edge-a"))
            .await
            .status,
        201
    );
    let taken = emu
        .post("/v1/spectroclusters/edge-native", edge("edge-b"))
        .await;
    assert_eq!(taken.status, 409, "{}", taken.text);
    let host = emu.get(&format!("/v1/edgehosts/{}", hosts[0])).await;
    assert_eq!(host.body["status"]["state"], "in-use", "{}", host.text);
    emu.stop().await;
}

//! The emulator's responses checked against the official spec: no key the spec does not name,
//! no value of the wrong JSON type. Skipped when the reference spec is not present.

mod support;

use std::path::Path;
use std::time::Duration;

use palette_test_support::conformance::Spec;
use serde_json::json;
use support::{Emu, pack_conditions};

fn spec() -> Option<Spec> {
    Spec::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

#[tokio::test]
async fn responses_follow_the_spec() {
    let Some(spec) = spec() else {
        eprintln!("skipping: the reference spec is not present");
        return;
    };
    let emu = Emu::start().await;
    let infra = emu.aws_infra_profile("aws-base").await;
    let addon = emu.addon_profile("hello", "kind: ConfigMap\n").await;
    let cluster = emu
        .aws_cluster("spec-check", &[&infra, &addon], 1)
        .await
        .body["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = emu
        .wait_cluster(&cluster, Duration::from_secs(20), |r| {
            pack_conditions(&r.body).iter().all(|(_, c)| c == "Ready")
        })
        .await;
    let config = done.body["spec"]["cloudConfigRef"]["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let pack = emu.pack_uid("kubernetes", "1.32.10").await;
    let registry = emu.get("/v1/registries/pack").await.body["items"][0]["metadata"]["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let account = emu.account_uid("aws", "aws-dev").await;
    let mut made = Vec::new();
    for (path, spec) in [
        (
            "/v1/registries/helm",
            json!({"endpoint": "https://charts.example.com",
            "auth": {"type": "basic", "username": "u", "password": "p"}, "isPrivate": true}),
        ),
        (
            "/v1/registries/oci/basic",
            json!({"endpoint": "https://harbor.example.com",
            "auth": {"type": "noAuth"}, "providerType": "helm"}),
        ),
        (
            "/v1/registries/oci/ecr",
            json!({"endpoint": "https://1.dkr.ecr.us-east-1.amazonaws.com",
            "isPrivate": true, "credentials": {"accessKey": "A", "secretKey": "S"}}),
        ),
    ] {
        let name = path.rsplit('/').next().unwrap_or("r");
        let reply = emu
            .post(path, json!({"metadata": {"name": name}, "spec": spec}))
            .await;
        assert_eq!(reply.status, 201, "{path}: {}", reply.text);
        made.push(reply.body["uid"].as_str().unwrap().to_owned());
    }
    let (helm, basic, ecr) = (&made[0], &made[1], &made[2]);
    let host = emu.get("/v1/edgehosts/metadata").await.body["edgeHosts"][0]["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let ssh_key = emu
        .post(
            "/v1/users/assets/sshkeys",
            json!({"metadata": {"name": "ops"}, "spec": {"publicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq"}}),
        )
        .await
        .body["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let location = |ty: &'static str, config: serde_json::Value| {
        let emu = &emu;
        async move {
            let body = json!({"metadata": {"name": format!("bsl-{ty}")}, "spec": {"config": config, "isDefault": ty == "azure"}});
            let created = emu
                .post(&format!("/v1/users/assets/locations/{ty}"), body)
                .await;
            assert_eq!(created.status, 201, "{ty}: {}", created.text);
            created.body["uid"].as_str().unwrap().to_owned()
        }
    };
    let s3 = location("s3", json!({"bucketName": "b", "region": "us-east-1", "s3ForcePathStyle": true, "credentials": {"credentialType": "secret", "accessKey": "A", "secretKey": "S"}})).await;
    let minio = location("minio", json!({"bucketName": "b", "region": "us-east-1", "s3Url": "https://minio.example.com", "credentials": {"accessKey": "A", "secretKey": "S"}})).await;
    let gcs = location(
        "gcp",
        json!({"bucketName": "b", "projectId": "p", "credentials": {"jsonCredentials": "{}"}}),
    )
    .await;
    let blob = location("azure", json!({"containerName": "c", "storageName": "s", "resourceGroup": "g", "credentials": {"subscriptionId": "s", "tenantId": "t", "clientId": "c", "clientSecret": "x", "clientCloud": "public"}})).await;

    let gets = [
        (
            "/v1/dashboard/projects/metadata".to_owned(),
            "v1ProjectsMetadata",
        ),
        ("/v1/registries/metadata".to_owned(), "v1RegistriesMetadata"),
        ("/v1/registries/pack".to_owned(), "v1PackRegistries"),
        (format!("/v1/registries/pack/{registry}"), "v1PackRegistry"),
        (
            format!("/v1/registries/pack/{registry}/sync/status"),
            "v1RegistrySyncStatus",
        ),
        ("/v1/registries/helm".to_owned(), "v1HelmRegistries"),
        (format!("/v1/registries/helm/{helm}"), "v1HelmRegistry"),
        (
            format!("/v1/registries/oci/{basic}/basic"),
            "v1BasicOciRegistry",
        ),
        (format!("/v1/registries/oci/{ecr}/ecr"), "v1EcrRegistry"),
        ("/v1/registries/oci/summary".to_owned(), "v1OciRegistries"),
        ("/v1/packs?limit=20".to_owned(), "v1PackSummaries"),
        (format!("/v1/packs/{pack}"), "v1PackTagEntity"),
        (
            format!("/v1/packs/kubernetes/registries/{registry}"),
            "v1PackTagEntity",
        ),
        (format!("/v1/clusterprofiles/{infra}"), "v1ClusterProfile"),
        (
            format!("/v1/clusterprofiles/{infra}/variables"),
            "v1Variables",
        ),
        (
            format!("/v1/clusterprofiles/{addon}/packs/hello/manifests"),
            "v1ManifestEntities",
        ),
        (
            "/v1/dashboard/clusterprofiles/metadata".to_owned(),
            "v1ClusterProfilesMetadata",
        ),
        ("/v1/cloudaccounts/aws".to_owned(), "v1AwsAccounts"),
        (format!("/v1/cloudaccounts/aws/{account}"), "v1AwsAccount"),
        (
            "/v1/cloudaccounts/summary".to_owned(),
            "v1CloudAccountsSummary",
        ),
        (format!("/v1/spectroclusters/{cluster}"), "v1SpectroCluster"),
        (
            format!("/v1/spectroclusters/{cluster}/status"),
            "v1SpectroClusterStatusEntity",
        ),
        (
            format!("/v1/dashboard/spectroclusters/{cluster}/overview"),
            "v1SpectroClusterUidSummary",
        ),
        (
            format!("/v1/spectroclusters/{cluster}/profiles"),
            "v1SpectroClusterProfileList",
        ),
        (format!("/v1/cloudconfigs/aws/{config}"), "v1AwsCloudConfig"),
        (
            format!("/v1/cloudconfigs/aws/{config}/machinePools/workers/machines"),
            "v1AwsMachines",
        ),
        (
            format!("/v1/events/components/spectrocluster/{cluster}"),
            "v1Events",
        ),
        (format!("/v1/edgehosts/{host}"), "v1EdgeHostDevice"),
        ("/v1/users/assets/sshkeys".to_owned(), "v1UserAssetsSsh"),
        (
            format!("/v1/users/assets/sshkeys/{ssh_key}"),
            "v1UserAssetSsh",
        ),
        (
            "/v1/users/assets/locations".to_owned(),
            "v1UserAssetsLocations",
        ),
        (
            format!("/v1/users/assets/locations/s3/{s3}"),
            "v1UserAssetsLocationS3",
        ),
        (
            format!("/v1/users/assets/locations/minio/{minio}"),
            "v1UserAssetsLocationS3",
        ),
        (
            format!("/v1/users/assets/locations/gcp/{gcs}"),
            "v1UserAssetsLocationGcp",
        ),
        (
            format!("/v1/users/assets/locations/azure/{blob}"),
            "v1UserAssetsLocationAzure",
        ),
    ];
    let mut problems = Vec::new();
    for (path, model) in &gets {
        let reply = emu.get(path).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.text);
        for p in spec.check(&reply.body, model) {
            problems.push(format!("GET {path} ({model}): {p}"));
        }
    }
    let posts = [
        (
            "/v1/packs/search",
            json!({"filter": {"layer": ["cni"]}}),
            "v1PackMetadataList",
        ),
        (
            "/v1/dashboard/clusterprofiles",
            json!({"filter": {}}),
            "v1ClusterProfilesSummary",
        ),
        (
            "/v1/dashboard/spectroclusters/search",
            json!({"filter": {"conjunction": "and", "filterGroups": []}}),
            "v1SpectroClustersSummary",
        ),
    ];
    for (path, body, model) in posts {
        let reply = emu.post(path, body).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.text);
        for p in spec.check(&reply.body, model) {
            problems.push(format!("POST {path} ({model}): {p}"));
        }
    }
    let error = emu
        .get("/v1/spectroclusters/0123456789abcdef01234567")
        .await;
    for key in ["code", "message", "ref", "details"] {
        assert!(error.body.get(key).is_some(), "error body has {key}");
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    emu.stop().await;
}

//! The client against the in-process emulator: every typed call used by the provider, with each
//! response checked against the official spec, plus idempotent creates (profiles, registries)
//! under injected connection resets and throttling.

use std::path::Path;
use std::time::Duration;

use palette_api::endpoints::{PackListQuery, PackTagQuery};
use palette_api::models::{
    AwsAccount, AwsCloudAccount, AwsCloudConfig, AwsMachine, BasicOciRegistry,
    BasicOciRegistrySpec, ClusterProfileCloneEntity, ClusterProfileCloneMetaInputEntity,
    ClusterProfileEntity, ClusterProfileUpdateEntity, EcrRegistry, EcrRegistrySpec, HelmRegistry,
    HelmRegistryEntity, HelmRegistrySpecEntity, ObjectMeta, ObjectMetaInputEntity,
    ObjectMetaInputEntitySchema, PackLayer, PackRegistry, PackRegistrySpec, ProfileMetaEntity,
    RegistryAuth, SpectroAwsClusterEntity, UserAssetSshEntity, UserAssetSshSpec, Variables,
};
use palette_api::{
    Client, ClientConfig, CloudType, ClusterCreate, KubeconfigKind, RateLimits, RegistryKind,
    RetryPolicy, Scope,
};
use palette_emulator::{Config, Handle};
use palette_test_support::conformance::Spec;
use serde::Serialize;
use serde_json::json;

struct Env {
    handle: Handle,
    client: Client,
    scope: Scope,
    spec: Option<Spec>,
}

impl Env {
    async fn start() -> Env {
        let handle = palette_emulator::start(Config::for_tests())
            .await
            .expect("emulator starts");
        let mut cfg = ClientConfig::new(handle.base_url(), handle.api_key());
        cfg.retry = RetryPolicy {
            max_retries: 10,
            max_throttled: 30,
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(40),
        };
        cfg.rate_limits = Some(RateLimits::default());
        let client = Client::new(cfg).expect("client builds");
        let scope = client
            .project_scope("Default")
            .await
            .expect("Default project");
        let spec = Spec::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
        if spec.is_none() {
            eprintln!("the reference spec is absent: responses are not checked against it");
        }
        Env {
            handle,
            client,
            scope,
            spec,
        }
    }

    /// Asserts that a decoded response, written back, has only fields the spec names.
    fn conforms<T: Serialize>(&self, value: &T, definition: &str) {
        if let Some(spec) = &self.spec {
            let json = serde_json::to_value(value).expect("serializes");
            let problems = spec.check(&json, definition);
            assert!(problems.is_empty(), "{definition}: {problems:#?}");
        }
    }

    async fn faults(&self, faults: serde_json::Value) {
        let reply = reqwest::Client::new()
            .put(format!("{}/__emulator/faults", self.handle.base_url()))
            .header("ApiKey", self.handle.api_key())
            .json(&faults)
            .send()
            .await
            .expect("faults endpoint answers");
        assert!(reply.status().is_success(), "{}", reply.status());
    }
}

fn aws_profile(name: &str, version: &str) -> ClusterProfileEntity {
    serde_json::from_value(json!({
        "metadata": {"name": name, "labels": {"team": "platform"}},
        "spec": {"version": version, "template": {"type": "infra", "cloudType": "aws", "packs": [
            {"name": "ubuntu-aws", "tag": "22.04", "type": "spectro"},
            {"name": "kubernetes", "tag": "1.32.10", "type": "spectro"},
            {"name": "cni-calico", "tag": "3.29.3", "type": "spectro"},
            {"name": "csi-aws-ebs", "tag": "1.41.0", "type": "spectro"}
        ]}, "variables": [{"name": "domain", "defaultValue": "example.com"}]}
    }))
    .expect("valid profile")
}

fn aws_cluster(name: &str, account: &str, profile: &str) -> ClusterCreate {
    let entity: SpectroAwsClusterEntity = serde_json::from_value(json!({
        "metadata": {"name": name},
        "spec": {
            "cloudAccountUid": account,
            "profiles": [{"uid": profile}],
            "cloudConfig": {"region": "us-east-1", "sshKeyName": "ops"},
            "machinepoolconfig": [
                {"cloudConfig": {"instanceType": "m5.large", "azs": ["us-east-1a"]},
                 "poolConfig": {"name": "cp", "size": 1, "labels": ["control-plane"], "isControlPlane": true}},
                {"cloudConfig": {"instanceType": "m5.xlarge", "azs": ["us-east-1a"]},
                 "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]}}
            ]
        }
    }))
    .expect("valid cluster");
    ClusterCreate::Aws(entity)
}

#[tokio::test]
async fn packs_registries_and_profiles_round_trip() {
    let env = Env::start().await;
    let (c, s) = (&env.client, &env.scope);

    let registries = c.list_registries_metadata(s).await.expect("registries");
    let public = registries
        .iter()
        .find(|r| r.name.as_deref() == Some("Public Repo"))
        .expect("the public registry is seeded");
    let registry_uid = public.uid.clone().expect("registry uid");
    for r in &registries {
        env.conforms(r, "v1RegistryMetadata");
    }
    let pack_registries = c.list_pack_registries(s).await.expect("pack registries");
    for r in &pack_registries {
        env.conforms(r, "v1PackRegistry");
    }

    let tags = c
        .get_pack_tags(s, "kubernetes", &registry_uid, &PackTagQuery::default())
        .await
        .expect("kubernetes tags");
    env.conforms(&tags, "v1PackTagEntity");
    assert_eq!(tags.layer, Some(PackLayer::K8s));
    let tag = tags
        .tags
        .as_ref()
        .and_then(|t| t.iter().find(|t| t.version.as_deref() == Some("1.32.10")))
        .expect("1.32.10 is on offer");
    let pack_uid = tag.pack_uid.clone().expect("pack uid");
    let by_uid = c.get_pack(s, &pack_uid).await.expect("pack by uid");
    assert_eq!(by_uid.name.as_deref(), Some("kubernetes"));

    let listed = c
        .list_packs(
            s,
            &PackListQuery {
                filters: Some("spec.name=kubernetes".into()),
                ..Default::default()
            },
        )
        .await
        .expect("pack list");
    assert!(!listed.is_empty());
    for p in &listed {
        env.conforms(p, "v1PackSummary");
        assert_eq!(
            p.spec.as_ref().and_then(|s| s.name.as_deref()),
            Some("kubernetes")
        );
    }
    let all_packs = c
        .list_packs(s, &PackListQuery::default())
        .await
        .expect("all packs");
    assert!(
        all_packs.len() > 50,
        "paging gathered every pack: {}",
        all_packs.len()
    );

    // Create, read, update, publish, metadata, variables, clone, find, delete.
    let uid = c
        .create_cluster_profile_idempotent(s, &aws_profile("aws-base", "1.0.0"), true)
        .await
        .expect("profile created");
    let profile = c.get_cluster_profile(s, &uid).await.expect("profile read");
    env.conforms(&profile, "v1ClusterProfile");
    let published = profile
        .spec
        .as_ref()
        .and_then(|s| s.published.as_ref())
        .expect("published");
    let layers: Vec<_> = published
        .packs
        .iter()
        .flatten()
        .map(|p| (p.name.clone(), p.layer))
        .collect();
    assert_eq!(
        layers,
        vec![
            ("ubuntu-aws".to_owned(), PackLayer::Os),
            ("kubernetes".to_owned(), PackLayer::K8s),
            ("cni-calico".to_owned(), PackLayer::Cni),
            ("csi-aws-ebs".to_owned(), PackLayer::Csi),
        ]
    );

    let update: ClusterProfileUpdateEntity = serde_json::from_value(json!({
        "metadata": {"name": "aws-base", "uid": uid},
        "spec": {"version": "1.0.0", "template": {"type": "infra", "packs": [
            {"name": "ubuntu-aws", "tag": "22.04", "type": "spectro"},
            {"name": "kubernetes", "tag": "1.33.10", "type": "spectro"},
            {"name": "cni-calico", "tag": "3.29.3", "type": "spectro"},
            {"name": "csi-aws-ebs", "tag": "1.41.0", "type": "spectro"}
        ]}}
    }))
    .expect("valid update");
    c.update_cluster_profile(s, &uid, &update)
        .await
        .expect("update");
    c.publish_cluster_profile(s, &uid).await.expect("publish");
    let meta: ProfileMetaEntity = serde_json::from_value(json!({
        "metadata": {"name": "aws-base", "annotations": {"description": "base stack"}},
        "spec": {"version": "1.0.0"}
    }))
    .expect("valid meta");
    c.patch_cluster_profile_metadata(s, &uid, &meta)
        .await
        .expect("metadata");
    let after = c.get_cluster_profile(s, &uid).await.expect("read back");
    let k8s_tag = after
        .spec
        .as_ref()
        .and_then(|s| s.published.as_ref())
        .and_then(|p| p.packs.as_ref())
        .and_then(|packs| packs.iter().find(|p| p.name == "kubernetes"))
        .and_then(|p| p.tag.clone());
    assert_eq!(k8s_tag.as_deref(), Some("1.33.10"));
    assert_eq!(
        after
            .metadata
            .as_ref()
            .and_then(|m| m.annotations.as_ref())
            .and_then(|a| a.get("description"))
            .map(String::as_str),
        Some("base stack")
    );

    let vars = c
        .get_cluster_profile_variables(s, &uid)
        .await
        .expect("variables");
    env.conforms(&vars, "v1Variables");
    let names: Vec<_> = vars
        .variables
        .iter()
        .flatten()
        .map(|v| v.name.clone())
        .collect();
    assert_eq!(names, vec!["domain"]);
    let replaced: Variables = serde_json::from_value(json!({"variables": [
        {"name": "domain", "defaultValue": "example.org"}, {"name": "region", "defaultValue": "eu"}
    ]}))
    .expect("valid variables");
    c.put_cluster_profile_variables(s, &uid, &replaced)
        .await
        .expect("put variables");
    let vars = c
        .get_cluster_profile_variables(s, &uid)
        .await
        .expect("variables");
    assert_eq!(vars.variables.as_ref().map(Vec::len), Some(2));

    let clone = ClusterProfileCloneEntity {
        metadata: Some(ClusterProfileCloneMetaInputEntity {
            name: "aws-base".into(),
            version: Some("1.1.0".into()),
            target: None,
        }),
    };
    let v2 = c
        .clone_cluster_profile_idempotent(s, &uid, &clone)
        .await
        .expect("clone");
    assert_ne!(v2, uid);
    assert_eq!(
        c.find_cluster_profile(s, "aws-base", None).await.unwrap(),
        Some(v2.clone())
    );
    assert_eq!(
        c.find_cluster_profile(s, "aws-base", Some("1.0.0"))
            .await
            .unwrap(),
        Some(uid.clone())
    );
    let metadata = c
        .list_cluster_profiles_metadata(s)
        .await
        .expect("metadata list");
    for m in &metadata {
        env.conforms(m, "v1ClusterProfileMetadata");
    }
    let summaries = c
        .filter_cluster_profiles(s, &Default::default())
        .await
        .expect("filter");
    assert!(summaries.len() >= 2);
    for sm in &summaries {
        env.conforms(sm, "v1ClusterProfileSummary");
    }

    c.delete_cluster_profile(s, &v2).await.expect("delete");
    let gone = c.get_cluster_profile(s, &v2).await.expect_err("deleted");
    assert!(gone.is_not_found(), "{gone:?}");
    env.handle.shutdown().await;
}

#[tokio::test]
async fn a_cluster_comes_up_and_goes_away_through_the_client() {
    let env = Env::start().await;
    let (c, s) = (&env.client, &env.scope);
    let account = c
        .find_cloud_account::<AwsAccount>(s, "aws-dev")
        .await
        .expect("accounts list")
        .expect("aws-dev is seeded");
    let read = c
        .get_cloud_account::<AwsAccount>(s, &account)
        .await
        .expect("account");
    env.conforms(&read, "v1AwsAccount");
    let summaries = c
        .list_cloud_account_summaries(s, None)
        .await
        .expect("summaries");
    assert!(summaries.len() >= 5, "{}", summaries.len());

    let profile = c
        .create_cluster_profile(s, &aws_profile("aws-stack", "1.0.0"), true)
        .await
        .expect("profile");
    assert!(
        c.validate_cluster_name(s, "prod-east")
            .await
            .expect("validate")
    );
    let uid = c
        .create_cluster_idempotent(s, &aws_cluster("prod-east", &account, &profile))
        .await
        .expect("cluster created");
    assert!(
        !c.validate_cluster_name(s, "prod-east")
            .await
            .expect("validate")
    );
    assert_eq!(
        c.find_cluster_by_name(s, "prod-east").await.unwrap(),
        Some(uid.clone())
    );

    let waiting = c.with_timeout(Duration::from_secs(60));
    let running = loop {
        let cluster = waiting.get_cluster(s, &uid).await.expect("cluster read");
        env.conforms(&cluster, "v1SpectroCluster");
        let state = cluster.status.as_ref().and_then(|st| st.state.clone());
        if state.as_deref() == Some("Running") {
            let packs = cluster
                .status
                .as_ref()
                .and_then(|st| st.packs.clone())
                .unwrap_or_default();
            let all_ready = packs.iter().all(|p| {
                p.condition
                    .as_ref()
                    .map(|c| (c.type_.as_str(), c.status.as_str()))
                    == Some(("Ready", "True"))
            });
            if all_ready && !packs.is_empty() {
                break cluster;
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    let status = c.get_cluster_status(s, &uid).await.expect("status");
    env.conforms(&status, "v1SpectroClusterStatusEntity");
    let overview = c.get_cluster_overview(s, &uid).await.expect("overview");
    env.conforms(&overview, "v1SpectroClusterUidSummary");
    let kube = c
        .get_kubeconfig(s, &uid, KubeconfigKind::Client)
        .await
        .expect("kubeconfig")
        .expect("a running cluster has one");
    assert!(kube.contains("apiVersion"), "{kube}");
    let attached = c.get_cluster_profiles(s, &uid).await.expect("profiles");
    env.conforms(&attached, "v1SpectroClusterProfileList");
    let vars = c.get_cluster_variables(s, &uid).await.expect("variables");
    for v in &vars {
        env.conforms(v, "v1SpectroClusterVariables");
    }
    let events = c.list_cluster_events(s, &uid).await.expect("events");
    for e in &events {
        env.conforms(e, "v1Event");
    }

    let config_uid = running
        .spec
        .as_ref()
        .and_then(|sp| sp.cloud_config_ref.as_ref())
        .and_then(|r| r.uid.clone())
        .expect("cloud config ref");
    let config: AwsCloudConfig = c
        .get_cloud_config(s, &CloudType::Aws, &config_uid)
        .await
        .expect("cloud config");
    env.conforms(&config, "v1AwsCloudConfig");
    let pools: Vec<_> = config
        .spec
        .as_ref()
        .and_then(|sp| sp.machine_pool_config.clone())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.name)
        .collect();
    assert!(pools.contains(&"workers".to_owned()), "{pools:?}");
    let machines: Vec<AwsMachine> = c
        .list_machines(s, &CloudType::Aws, &config_uid, "workers")
        .await
        .expect("machines");
    for m in &machines {
        env.conforms(m, "v1AwsMachine");
    }

    let rename = ObjectMetaInputEntitySchema {
        metadata: ObjectMetaInputEntity {
            name: Some("prod-east".into()),
            labels: Some(
                [("env".to_owned(), "prod".to_owned())]
                    .into_iter()
                    .collect(),
            ),
            annotations: None,
        },
    };
    c.patch_cluster_metadata(s, &uid, &rename)
        .await
        .expect("metadata");

    c.delete_cluster(s, &uid, false).await.expect("delete");
    loop {
        match waiting.get_cluster(s, &uid).await {
            Err(e) if e.is_not_found() => break,
            Ok(cl) if cl.status.as_ref().and_then(|st| st.state.as_deref()) == Some("Deleted") => {
                break;
            }
            Ok(_) => tokio::time::sleep(Duration::from_millis(25)).await,
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    env.handle.shutdown().await;
}

#[tokio::test]
async fn idempotent_creates_make_no_duplicates_under_resets_and_throttling() {
    let env = Env::start().await;
    let (c, s) = (&env.client, &env.scope);
    env.faults(json!({"reset_rate": 0.3, "throttle_rate": 0.1}))
        .await;
    let mut uids = Vec::new();
    for i in 0..16 {
        let name = format!("flaky-{i}");
        let uid = c
            .create_cluster_profile_idempotent(s, &aws_profile(&name, "1.0.0"), true)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        uids.push((name, uid));
    }
    env.faults(json!({})).await;
    let stats: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/__emulator/stats", env.handle.base_url()))
        .header("ApiKey", env.handle.api_key())
        .send()
        .await
        .expect("stats")
        .json()
        .await
        .expect("stats json");
    assert!(
        stats["faults_injected_total"].as_u64().unwrap_or_default() > 0,
        "faults were injected: {stats}"
    );
    let all = c.list_cluster_profiles_metadata(s).await.expect("metadata");
    for (name, uid) in &uids {
        let same: Vec<_> = all
            .iter()
            .filter(|p| p.metadata.as_ref().and_then(|m| m.name.as_deref()) == Some(name.as_str()))
            .collect();
        assert_eq!(same.len(), 1, "{name} exists exactly once");
        assert_eq!(
            same[0].metadata.as_ref().and_then(|m| m.uid.as_deref()),
            Some(uid.as_str())
        );
    }
    env.handle.shutdown().await;
}

/// SSH keys through the client: made once under connection resets, found by name only in the
/// scope that owns them, renamed and rekeyed by one update, gone after delete.
#[tokio::test]
async fn ssh_keys_round_trip_through_the_client() {
    let env = Env::start().await;
    let (c, s) = (&env.client, &env.scope);
    let key = |name: &str, public_key: &str| UserAssetSshEntity {
        metadata: Some(ObjectMetaInputEntity {
            name: Some(name.to_owned()),
            ..Default::default()
        }),
        spec: Some(UserAssetSshSpec {
            public_key: Some(public_key.to_owned()),
        }),
    };
    let ed25519 =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq ops";
    let other =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBkZAwk7+VAT5ATgKk015PeCNItGhDRIww8G4WPC1rGq ops";

    env.faults(json!({"reset_rate": 0.5})).await;
    let mut uids = Vec::new();
    for i in 0..6 {
        let name = format!("key-{i}");
        let uid = c
            .create_ssh_key_idempotent(s, &key(&name, ed25519))
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        uids.push(uid);
    }
    env.faults(json!({})).await;
    let all = c.list_ssh_keys(s).await.expect("the list");
    assert_eq!(all.len(), 6, "one key per create: {all:?}");
    env.conforms(&all[0], "v1UserAssetSsh");

    // A tenant key of the same name is listed in the project but not found there by name.
    let tenant = c
        .create_ssh_key(&Scope::Tenant, &key("key-0", other))
        .await
        .expect("a tenant key");
    assert_eq!(c.list_ssh_keys(s).await.expect("the list").len(), 7);
    assert_eq!(
        c.find_ssh_key(s, "key-0").await.expect("find"),
        Some(uids[0].clone())
    );
    assert_eq!(
        c.find_ssh_key(&Scope::Tenant, "key-0").await.expect("find"),
        Some(tenant)
    );
    assert_eq!(c.find_ssh_key(s, "nobody").await.expect("find"), None);

    let mut stored = c.get_ssh_key(s, &uids[0]).await.expect("the key");
    env.conforms(&stored, "v1UserAssetSsh");
    if let Some(meta) = stored.metadata.as_mut() {
        meta.name = Some("renamed".to_owned());
    }
    stored.spec = Some(UserAssetSshSpec {
        public_key: Some(other.to_owned()),
    });
    c.update_ssh_key(s, &uids[0], &stored)
        .await
        .expect("the update");
    let read = c.get_ssh_key(s, &uids[0]).await.expect("the key");
    assert_eq!(
        read.metadata.and_then(|m| m.name).as_deref(),
        Some("renamed")
    );
    assert_eq!(read.spec.and_then(|k| k.public_key).as_deref(), Some(other));

    c.delete_ssh_key(s, &uids[0]).await.expect("the delete");
    let gone = c.get_ssh_key(s, &uids[0]).await.expect_err("deleted");
    assert!(gone.is_not_found(), "{gone}");
    env.handle.shutdown().await;
}

/// Every kind of registry through the generic calls: created without duplicates under
/// connection resets and throttling, read back (conforming to the spec, no secret), synced,
/// updated, synced again on request, and deleted.
#[tokio::test]
async fn registries_of_every_kind_round_trip_without_duplicates() {
    let env = Env::start().await;
    let c = &env.client;
    let s = &Scope::Tenant;
    let auth = || RegistryAuth {
        type_: Some("basic".into()),
        username: Some("robot".into()),
        password: Some("pw-secret".into()),
        ..RegistryAuth::default()
    };
    let meta = |name: &str| {
        Some(ObjectMeta {
            name: Some(name.into()),
            ..ObjectMeta::default()
        })
    };
    let pack = PackRegistry {
        metadata: meta("api-packs"),
        spec: Some(PackRegistrySpec {
            auth: auth(),
            endpoint: "https://packs.example.com".into(),
            ..PackRegistrySpec::default()
        }),
        ..PackRegistry::default()
    };
    let helm = HelmRegistryEntity {
        metadata: meta("api-charts"),
        spec: Some(HelmRegistrySpecEntity {
            auth: auth(),
            endpoint: "https://charts.example.com".into(),
            is_private: Some(true),
            ..HelmRegistrySpecEntity::default()
        }),
    };
    let basic = BasicOciRegistry {
        metadata: meta("api-oci"),
        spec: Some(BasicOciRegistrySpec {
            auth: auth(),
            endpoint: "oci://harbor.example.com".into(),
            provider_type: Some("helm".into()),
            ..BasicOciRegistrySpec::default()
        }),
        ..BasicOciRegistry::default()
    };
    let ecr = EcrRegistry {
        metadata: meta("api-ecr"),
        spec: Some(EcrRegistrySpec {
            endpoint: "https://1.dkr.ecr.us-east-1.amazonaws.com".into(),
            is_private: true,
            credentials: Some(AwsCloudAccount {
                credential_type: Some("secret".into()),
                access_key: Some("AKIA1".into()),
                secret_key: Some("pw-secret".into()),
                ..AwsCloudAccount::default()
            }),
            ..EcrRegistrySpec::default()
        }),
        ..EcrRegistry::default()
    };
    env.faults(json!({"reset_rate": 0.3, "throttle_rate": 0.1}))
        .await;
    let uids = [
        c.create_registry_idempotent::<PackRegistry>(s, "api-packs", &pack)
            .await,
        c.create_registry_idempotent::<HelmRegistry>(s, "api-charts", &helm)
            .await,
        c.create_registry_idempotent::<BasicOciRegistry>(s, "api-oci", &basic)
            .await,
        c.create_registry_idempotent::<EcrRegistry>(s, "api-ecr", &ecr)
            .await,
    ]
    .map(|r| r.expect("created"));
    env.faults(json!({})).await;
    let all = c.list_registries_metadata(s).await.expect("metadata");
    for name in ["api-packs", "api-charts", "api-oci", "api-ecr"] {
        let same = all
            .iter()
            .filter(|r| r.name.as_deref() == Some(name))
            .count();
        assert_eq!(same, 1, "{name} exists exactly once");
    }

    async fn round_trip<R: RegistryKind + std::fmt::Debug>(
        env: &Env,
        uid: &str,
        definition: &str,
    ) -> R {
        let c = &env.client;
        let read: R = c.get_registry(&Scope::Tenant, uid).await.expect("read");
        env.conforms(&read, definition);
        assert!(!format!("{read:?}").contains("pw-secret"));
        assert!(!serde_json::to_string(&read).unwrap().contains("pw-secret"));
        for _ in 0..200 {
            let status = c
                .registry_sync_status::<R>(&Scope::Tenant, uid)
                .await
                .expect("status");
            env.conforms(&status, "v1RegistrySyncStatus");
            if status.status.as_deref() == Some("Completed") {
                c.sync_registry::<R>(&Scope::Tenant, uid)
                    .await
                    .expect("sync");
                return read;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("{definition} {uid} never synced");
    }
    let mut read: PackRegistry = round_trip(&env, &uids[0], "v1PackRegistry").await;
    round_trip::<HelmRegistry>(&env, &uids[1], "v1HelmRegistry").await;
    round_trip::<BasicOciRegistry>(&env, &uids[2], "v1BasicOciRegistry").await;
    round_trip::<EcrRegistry>(&env, &uids[3], "v1EcrRegistry").await;
    if let Some(spec) = read.spec.as_mut() {
        spec.endpoint = "https://moved.example.com".into();
    }
    c.update_registry(s, &uids[0], &read).await.expect("update");
    let moved = c.get_pack_registry(s, &uids[0]).await.expect("read");
    assert_eq!(
        moved.spec.map(|s| s.endpoint).as_deref(),
        Some("https://moved.example.com")
    );
    c.delete_registry::<PackRegistry>(s, &uids[0])
        .await
        .expect("delete");
    c.delete_registry::<HelmRegistry>(s, &uids[1])
        .await
        .expect("delete");
    c.delete_registry::<BasicOciRegistry>(s, &uids[2])
        .await
        .expect("delete");
    c.delete_registry::<EcrRegistry>(s, &uids[3])
        .await
        .expect("delete");
    let err = c
        .get_registry::<EcrRegistry>(s, &uids[3])
        .await
        .expect_err("gone");
    assert!(err.is_not_found(), "{err}");
    env.handle.shutdown().await;
}

/// A body that breaks the spec never reaches a handler: a pack without its required name is
/// refused with 400, naming the field, and nothing is created.
#[tokio::test]
async fn a_body_missing_a_required_field_is_refused_with_its_name() {
    let env = Env::start().await;
    let mut profile = aws_profile("broken", "1.0.0");
    let packs = &mut profile
        .spec
        .as_mut()
        .and_then(|s| s.template.as_mut())
        .and_then(|t| t.packs.as_mut())
        .expect("the profile has packs");
    packs[1].name = String::new();
    let err = env
        .client
        .create_cluster_profile(&env.scope, &profile, false)
        .await
        .expect_err("a pack without a name is refused");
    assert_eq!(err.status(), Some(400), "{err}");
    assert!(
        err.to_string()
            .contains("spec.template.packs[1].name in body is required"),
        "{err}"
    );
    let stats: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/__emulator/stats", env.handle.base_url()))
        .send()
        .await
        .expect("stats answer")
        .json()
        .await
        .expect("stats are JSON");
    assert_eq!(stats["violations_total"], 1, "{stats}");
    assert_eq!(stats["writes_total"], 0, "{stats}");
}

//! The day-2 update of a cluster's cloud settings: `PUT
//! /v1/cloudconfigs/{cloudType}/{configUid}/clusterConfig` (custom clouds such as Nutanix under
//! `/v1/cloudconfigs/cloudTypes/{cloudType}/...`), body `{"clusterConfig": ...}`, the
//! environment's `v1*CloudClusterConfigEntity`.
//!
//! The body is read as the environment's model (the spec gate has checked its required fields),
//! and replaces the stored cluster config, so the next `GET` of the cloud config shows it. Like a pool change, it
//! is recorded as an event of the cluster (`ClusterConfigUpdated`, listing the keys that
//! changed). The keys that place a cluster (region, account, network, storage, the control-plane
//! endpoint) cannot move a cluster that exists: changing one is refused with 400, which keeps a
//! client honest about what needs a new cluster. Nothing is redeployed: the settings that may
//! change (endpoint access, SSH keys, NTP servers, the bastion) take effect on the running nodes.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use serde_json::{Value, json};

use super::clusters::{deployment_of, env_of, find_cluster};
use super::common::find;
use crate::context::Ctx;
use crate::environments::Environment;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::EventRecord;
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// The cluster-config keys that cannot change once the cluster exists, per environment: where
/// the cluster runs (region, account, network, storage, control-plane endpoint). Node settings
/// such as SSH keys are accepted, though a client may still choose to replace the cluster.
fn fixed_keys(env: &str) -> &'static [&'static str] {
    match env {
        "aws" => &["region", "vpcId", "controlPlaneLoadBalancer"],
        "eks" => &["region", "vpcId", "encryptionConfig"],
        "azure" | "aks" => &[
            "subscriptionId",
            "location",
            "resourceGroup",
            "vnetName",
            "vnetResourceGroup",
            "vnetCidrBlock",
            "storageAccountName",
            "containerName",
            "enablePrivateCluster",
            "controlPlaneSubnet",
            "workerSubnet",
        ],
        "gcp" | "gke" => &["project", "region", "network"],
        "tke" => &["region", "vpcID"],
        "vsphere" => &["placement", "staticIp", "controlPlaneEndpoint"],
        "nutanix" => &["values"],
        "openstack" => &[
            "region", "domain", "project", "network", "subnet", "nodeCidr",
        ],
        "maas" => &["domain", "enableLxdVm"],
        "edge-native" => &[
            "controlPlaneEndpoint",
            "overlayNetworkConfiguration",
            "isTwoNodeCluster",
        ],
        _ => &[],
    }
}

/// A key's value, with absent, null and empty all meaning "unset".
fn setting(config: &Value, key: &str) -> Value {
    match config.get(key) {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(s)) if s.is_empty() => Value::Null,
        Some(Value::Array(a)) if a.is_empty() => Value::Null,
        Some(value) => value.clone(),
    }
}

/// Refuses an endpoint setting Palette's clouds refuse: a TKE private (intranet) endpoint needs
/// the subnet it is placed in (`endpointAccess.subnetId`).
pub fn check_endpoint_access(env: &str, cluster_config: &Value, at: &str) -> ApiResult<()> {
    if env != "tke" {
        return Ok(());
    }
    let access = &cluster_config["endpointAccess"];
    let private = access["private"].as_bool() == Some(true);
    let subnet = access["subnetId"].as_str().is_some_and(|s| !s.is_empty());
    if private && !subnet {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "a private TKE endpoint needs the subnet it is placed in (endpointAccess.subnetId)",
        )
        .with_details(json!({"field": format!("{at}.endpointAccess.subnetId")})));
    }
    Ok(())
}

/// `PUT .../clusterConfig`: validates, refuses a change to a fixed key, stores the new cluster
/// config and records the event.
///
/// The fields the environment requires (`Environment::required`) are ones the spec requires of
/// its cluster config, so the spec gate has refused a `clusterConfig` without them. The settings
/// are compared key by key across every environment's model, so they are compared as the JSON
/// their model writes.
pub async fn put(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    body: Bytes,
) -> ApiResult<Response> {
    let wanted = (env.parse_cluster_config)(&body)?
        .map(Value::Object)
        .ok_or_else(|| ApiError::bad_request("InvalidRequest", "clusterConfig is required"))?;

    check_endpoint_access(env.key, &wanted, "clusterConfig")?;
    let _guard = state.write_guard();
    let mut config = find(&state, &ctx, Kind::CloudConfig, &uid, "cloud config")?;
    if env_of(&config).key != env.key {
        return Err(ApiError::not_found(
            &format!("{} cloud config", env.key),
            &uid,
        ));
    }
    let cluster_uid = config
        .doc
        .pointer("/_emu/clusterUid")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let (cluster, _) = find_cluster(&state, &ctx, &cluster_uid)
        .map_err(|_| ApiError::not_found("cloud config", &uid))?;
    let mut deployment = deployment_of(&state, &cluster.uid)?;
    if deployment.deleting_at.is_some() {
        return Err(ApiError::conflict(
            "ClusterDeleting",
            format!("cluster '{}' is being deleted", cluster.name),
        ));
    }

    let stored = config.doc["spec"]["clusterConfig"].clone();
    for key in fixed_keys(env.key) {
        let (was, now) = (setting(&stored, key), setting(&wanted, key));
        if was != now {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "clusterConfig.{key} of cluster '{}' cannot change after the cluster is created \
                     (it is {was}, the request has {now}); create a new cluster instead",
                    cluster.name
                ),
            ));
        }
    }
    let mut changed: Vec<String> = stored
        .as_object()
        .into_iter()
        .flat_map(|m| m.keys())
        .chain(wanted.as_object().into_iter().flat_map(|m| m.keys()))
        .filter(|key| setting(&stored, key) != setting(&wanted, key))
        .cloned()
        .collect();
    changed.sort();
    changed.dedup();
    if changed.is_empty() {
        return Ok(wire::no_content());
    }

    let now = ids::now_ms();
    config.doc["spec"]["clusterConfig"] = wanted;
    config.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::rfc3339(now));
    deployment.history.push(EventRecord {
        at: now,
        reason: "ClusterConfigUpdated".to_owned(),
        message: format!(
            "cluster {} settings updated: {}",
            cluster.name,
            changed.join(", ")
        ),
        severity: "Normal".to_owned(),
    });
    let plan = Record {
        kind: Kind::Deployment,
        uid: cluster.uid.clone(),
        project: cluster.project.clone(),
        name: cluster.uid.clone(),
        doc: serde_json::to_value(&deployment)?,
    };
    state.store().apply(vec![Op::Put(config), Op::Put(plan)])?;
    Ok(wire::no_content())
}

#[cfg(test)]
mod tests {
    use reqwest::Method;
    use serde_json::{Value, json};

    use crate::{Config, Handle};

    struct Api {
        handle: Handle,
        http: reqwest::Client,
        project: String,
    }

    impl Api {
        async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
            let mut req = self
                .http
                .request(method, format!("{}{path}", self.handle.base_url()))
                .header("ApiKey", self.handle.api_key());
            if !self.project.is_empty() {
                req = req.header("ProjectUid", &self.project);
            }
            if let Some(body) = body {
                req = req.json(&body);
            }
            let resp = req.send().await.expect("the emulator answers");
            let status = resp.status().as_u16();
            let text = resp.text().await.unwrap_or_default();
            (status, serde_json::from_str(&text).unwrap_or(Value::Null))
        }
    }

    /// An EKS cluster, then updates of its cluster config: endpoint access changes and shows in
    /// the cloud config and the cluster's events; the region cannot change; a body that does not
    /// match the model is refused.
    #[tokio::test]
    async fn cluster_config_updates_in_place_and_refuses_fixed_keys() {
        let handle = crate::start(Config::for_tests())
            .await
            .expect("emulator starts");
        let mut api = Api {
            handle,
            http: reqwest::Client::new(),
            project: String::new(),
        };
        let (_, projects) = api
            .call(Method::GET, "/v1/dashboard/projects/metadata", None)
            .await;
        api.project = projects["items"]
            .as_array()
            .and_then(|items| items.iter().find(|p| p["metadata"]["name"] == "Default"))
            .and_then(|p| p["metadata"]["uid"].as_str())
            .expect("the Default project")
            .to_owned();
        let (_, accounts) = api.call(Method::GET, "/v1/cloudaccounts/aws", None).await;
        let account = accounts["items"]
            .as_array()
            .and_then(|items| items.iter().find(|a| a["metadata"]["name"] == "aws-dev"))
            .and_then(|a| a["metadata"]["uid"].as_str())
            .expect("the aws-dev account")
            .to_owned();
        let profile = json!({
            "metadata": {"name": "eks-stack"},
            "spec": {"version": "1.0.0", "template": {"type": "infra", "cloudType": "eks", "packs": [
                {"name": "amazon-linux-eks", "tag": "1.0.0", "type": "spectro"},
                {"name": "kubernetes-eks", "tag": "1.29", "type": "spectro"},
                {"name": "cni-aws-vpc-eks", "tag": "1.0", "type": "spectro"},
                {"name": "csi-aws-ebs", "tag": "1.41.0", "type": "spectro"},
            ]}},
        });
        let (status, created) = api
            .call(
                Method::POST,
                "/v1/clusterprofiles?publish=true",
                Some(profile),
            )
            .await;
        assert_eq!(status, 201, "{created}");
        let cluster = json!({
            "metadata": {"name": "access"},
            "spec": {
                "cloudAccountUid": account,
                "profiles": [{"uid": created["uid"]}],
                "cloudConfig": {"region": "us-west-2", "endpointAccess": {"public": true, "private": false, "publicCIDRs": ["10.0.0.0/8"]}},
                "machinepoolconfig": [{"cloudConfig": {"instanceType": "t3.large"}, "poolConfig": {"name": "workers", "size": 1, "labels": ["worker"]}}],
            },
        });
        let (status, created) = api
            .call(Method::POST, "/v1/spectroclusters/eks", Some(cluster))
            .await;
        assert_eq!(status, 201, "{created}");
        let uid = created["uid"].as_str().unwrap().to_owned();
        let (_, cluster) = api
            .call(Method::GET, &format!("/v1/spectroclusters/{uid}"), None)
            .await;
        let config_uid = cluster["spec"]["cloudConfigRef"]["uid"]
            .as_str()
            .expect("a cloud config")
            .to_owned();
        let config_path = format!("/v1/cloudconfigs/eks/{config_uid}");
        let put = |body: Value| {
            let api = &api;
            let path = format!("{config_path}/clusterConfig");
            async move { api.call(Method::PUT, &path, Some(body)).await }
        };
        let events = || {
            let api = &api;
            let path = format!("/v1/events/components/spectrocluster/{uid}");
            async move {
                let (_, events) = api.call(Method::GET, &path, None).await;
                events["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|e| e["reason"] == "ClusterConfigUpdated")
                    .map(|e| e["message"].as_str().unwrap().to_owned())
                    .collect::<Vec<_>>()
            }
        };

        let wider = json!({"clusterConfig": {"region": "us-west-2", "endpointAccess": {"public": true, "private": true, "publicCIDRs": ["192.168.0.0/16"]}}});
        let (status, body) = put(wider.clone()).await;
        assert_eq!(status, 204, "{body}");
        let (_, config) = api.call(Method::GET, &config_path, None).await;
        assert_eq!(
            config["spec"]["clusterConfig"]["endpointAccess"]["publicCIDRs"],
            json!(["192.168.0.0/16"])
        );
        assert_eq!(
            config["spec"]["clusterConfig"]["endpointAccess"]["private"],
            true
        );
        assert_eq!(
            events().await,
            ["cluster access settings updated: endpointAccess"]
        );

        // The same settings again change nothing and record nothing.
        assert_eq!(put(wider).await.0, 204);
        assert_eq!(events().await.len(), 1);

        // A fixed key, a body off the model, a missing required field.
        let (status, body) = put(json!({"clusterConfig": {"region": "eu-west-1"}})).await;
        assert_eq!(status, 400, "{body}");
        assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| m.contains("clusterConfig.region")),
            "{body}"
        );
        let (status, body) = put(json!({"clusterConfig": {"region": 7}})).await;
        assert_eq!(status, 400, "{body}");
        let (status, body) = put(json!({"clusterConfig": {"sshKeyName": "ops"}})).await;
        assert_eq!(status, 400, "{body}");
        let (_, config) = api.call(Method::GET, &config_path, None).await;
        assert_eq!(config["spec"]["clusterConfig"]["region"], "us-west-2");
        assert_eq!(events().await.len(), 1);

        // Another environment's path does not find the config.
        let (status, _) = api
            .call(
                Method::PUT,
                &format!("/v1/cloudconfigs/aws/{config_uid}/clusterConfig"),
                Some(json!({"clusterConfig": {"region": "us-west-2"}})),
            )
            .await;
        assert_eq!(status, 404);
        api.handle.shutdown().await;
    }
}

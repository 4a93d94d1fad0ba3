//! Machine pools: reading a `{cloudConfig, poolConfig}` entity into the flat pool a cloud config
//! stores, and checking a cluster's set of pools. The cloud-config routes use both when a pool
//! is added or changed.

use serde_json::{Value, json};

use crate::bodies::PoolBody;
use crate::context::Ctx;
use crate::environments::Environment;
use crate::error::{ApiError, ApiResult};
use crate::routes::common::find;
use crate::state::AppState;
use crate::store::Kind;
use crate::wire;

/// Reads one `{cloudConfig, poolConfig}` entity into the flat pool the cloud config stores.
///
/// The stored pool (`v1*MachinePoolConfig`) is `poolConfig` with the environment's
/// `cloudConfig` merged in, key by key, as their models write them: that merge spans every
/// environment's model, so it stays on JSON. The name, size, role, labels and edge hosts it
/// checks are read typed. An edge host's `hostUid` is one the spec requires, so the spec gate
/// has refused a host without one.
pub fn flatten_pool(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    entity: &PoolBody,
    index: usize,
) -> ApiResult<Value> {
    let cloud = &entity.cloud_config;
    let mut flat = entity.pool_config.clone();
    for (k, v) in cloud {
        if k != "edgeHosts" && k != "subnets" {
            flat.insert(k.clone(), v.clone());
        }
    }
    // EKS takes its control plane's subnets as a control-plane pool of no nodes in them (the
    // console's `cp-pool`), which has no instances to size (its zones are checked below).
    let subnet_carrier =
        env.key == "eks" && entity.is_control_plane == Some(true) && entity.size.unwrap_or(0) == 0;
    for field in env.pool_required.iter().filter(|_| !subnet_carrier) {
        let present = cloud
            .get(*field)
            .is_some_and(|v| !v.is_null() && v != "" && v.as_array().is_none_or(|a| !a.is_empty()));
        if !present {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "machinepoolconfig[{index}].cloudConfig.{field} is required on {}",
                    env.key
                ),
            ));
        }
    }
    if let Some(subnets) = cloud.get("subnets").and_then(Value::as_array) {
        let ids: serde_json::Map<String, Value> = subnets
            .iter()
            .filter_map(|s| Some((s["az"].as_str()?.to_owned(), s.get("id")?.clone())))
            .collect();
        flat.insert("subnetIds".into(), Value::Object(ids));
    }
    let cp = entity.is_control_plane.unwrap_or(false);
    let mut name = entity.name.clone();
    let mut size = entity.size;
    if env.pool_in_values {
        let values = entity.values.as_deref().unwrap_or("");
        name = Some(yaml_scalar(values, "name").unwrap_or_else(|| {
            if cp {
                "cp-pool".into()
            } else {
                format!("worker-pool-{index}")
            }
        }));
        size = Some(
            yaml_scalar(values, "replicas")
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(1),
        );
    }
    if env.edge_hosts {
        let mut out = Vec::new();
        for host in entity.edge_hosts.iter().flatten() {
            let uid = host.host_uid.as_str();
            let record = find(state, ctx, Kind::EdgeHost, uid, "edge host")?;
            // Every host of a pool runs the image of the pool's architecture.
            let host_arch = record
                .doc
                .pointer("/spec/device/archType")
                .and_then(Value::as_str);
            // `v1MachinePoolProperties.archType` defaults to amd64.
            let arch = entity
                .pool_config
                .get("machinePoolProperties")
                .and_then(|p| p["archType"].as_str())
                .filter(|a| !a.is_empty())
                .unwrap_or("amd64");
            if let Some(host_arch) = host_arch
                && arch != host_arch
            {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "machinepoolconfig[{index}]: edge host '{}' is {host_arch}, but the pool's \
                         archType is {arch}",
                        record.name
                    ),
                )
                .with_details(json!({"field": "poolConfig.machinePoolProperties.archType"})));
            }
            let mut entry = json!({
                "hostUid": uid,
                "hostName": wire::given(host.host_name.as_deref()).unwrap_or(record.name.as_str()),
                "hostAddress": record.doc.pointer("/spec/host/hostAddress").cloned().unwrap_or(json!("")),
            });
            if let Some(nic) = &host.nic {
                entry["nic"] = json!(nic);
            }
            for (key, value) in [
                ("nicName", &host.nic_name),
                ("staticIP", &host.static_ip),
                (
                    "twoNodeCandidatePriority",
                    &host.two_node_candidate_priority,
                ),
            ] {
                if let Some(value) = wire::given(value.as_deref()) {
                    entry[key] = json!(value);
                }
            }
            out.push(entry);
        }
        if size.is_none_or(|s| s == 0) {
            size = Some(out.len() as i64);
        }
        flat.insert("hosts".into(), json!(out));
    }
    let name = wire::given(name.as_deref()).ok_or_else(|| {
        ApiError::bad_request(
            "InvalidRequest",
            format!("machinepoolconfig[{index}].poolConfig.name is required"),
        )
    })?;
    let size = size.unwrap_or(0);
    if size < 0 {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("machine pool '{name}' has a negative size"),
        ));
    }
    if subnet_carrier {
        let zones = flat
            .get("subnetIds")
            .and_then(Value::as_object)
            .map_or(0, |m| m.len());
        if zones < 2 {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "machinepoolconfig[{index}]: the control plane's subnets need subnets in at \
                     least two availability zones (cloudConfig.subnets)"
                ),
            )
            .with_details(json!({"field": "cloudConfig.subnets"})));
        }
    }
    if cp && env.managed && !subnet_carrier {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "machine pool '{name}': {} runs a managed control plane; pools cannot be control planes",
                env.key
            ),
        ));
    }
    if cp && size < 1 && !subnet_carrier {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("control-plane pool '{name}' needs at least one node"),
        ));
    }
    flat.insert("name".into(), json!(name));
    flat.insert("size".into(), json!(size));
    flat.insert("isControlPlane".into(), json!(cp));
    if entity.labels.as_ref().is_none_or(|l| l.is_empty()) {
        flat.insert(
            "labels".into(),
            json!([if cp { "control-plane" } else { "worker" }]),
        );
    }
    Ok(Value::Object(flat))
}

/// A pool's lifecycle fields: `OverrideScaling` is implemented for CloudStack only;
/// `nodeRepaveInterval`, `skipK8sUpgrade` and `overrideKubeadmConfiguration` apply only to
/// worker pools (the repave interval only of infrastructure clusters), and the kubeadm override
/// must be YAML (`v1UpdateStrategy`, `v1MachinePoolConfigEntity`).
fn check_lifecycle(env: &Environment, pool: &Value) -> ApiResult<()> {
    let name = pool["name"].as_str().unwrap_or("");
    let refuse = |field: &str, message: String| {
        Err(ApiError::bad_request("InvalidRequest", message)
            .with_details(json!({"field": format!("poolConfig.{field}")})))
    };
    if pool.pointer("/updateStrategy/type") == Some(&json!("OverrideScaling")) {
        return refuse(
            "updateStrategy.type",
            format!(
                "machine pool '{name}': updateStrategy OverrideScaling is implemented for \
                 CloudStack only, not {}",
                env.key
            ),
        );
    }
    if let Some(kubeadm) = pool["overrideKubeadmConfiguration"]
        .as_str()
        .filter(|k| !k.trim().is_empty())
    {
        if pool["isControlPlane"] == true {
            return refuse(
                "overrideKubeadmConfiguration",
                format!(
                    "machine pool '{name}': overrideKubeadmConfiguration applies to worker pools \
                     only"
                ),
            );
        }
        crate::content::check_yaml(kubeadm, "poolConfig.overrideKubeadmConfiguration")?;
    }
    if pool["skipK8sUpgrade"] == "enabled" && pool["isControlPlane"] == true {
        return refuse(
            "skipK8sUpgrade",
            format!(
                "machine pool '{name}': skipK8sUpgrade applies only to worker pools; the control \
                 plane always takes the cluster's Kubernetes version"
            ),
        );
    }
    let interval = pool["nodeRepaveInterval"].as_i64().unwrap_or(0);
    if interval < 0 {
        return refuse(
            "nodeRepaveInterval",
            format!("machine pool '{name}': nodeRepaveInterval must not be negative"),
        );
    }
    if interval > 0 && (pool["isControlPlane"] == true || env.managed) {
        return refuse(
            "nodeRepaveInterval",
            format!(
                "machine pool '{name}': nodeRepaveInterval applies only to worker pools of \
                 infrastructure clusters"
            ),
        );
    }
    Ok(())
}

fn yaml_scalar(yaml: &str, key: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let (k, v) = line.trim().split_once(':')?;
        (k.trim() == key && !v.trim().is_empty())
            .then(|| v.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// Checks a set of pools: unique names, at least one pool, a control plane unless managed.
pub fn check_pools(env: &Environment, pools: &[Value]) -> ApiResult<()> {
    if pools.is_empty() {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "spec.machinepoolconfig needs at least one machine pool",
        ));
    }
    for (i, pool) in pools.iter().enumerate() {
        check_lifecycle(env, pool)?;
        if env.key == "eks" {
            crate::routes::aws_network::check_ami_type(pool)?;
        }
        if pools[..i].iter().any(|p| p["name"] == pool["name"]) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "machine pool name '{}' is used twice",
                    pool["name"].as_str().unwrap_or("")
                ),
            ));
        }
    }
    if !env.managed && !pools.iter().any(|p| p["isControlPlane"] == true) {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "a {} cluster needs a control-plane machine pool (poolConfig.isControlPlane)",
                env.key
            ),
        ));
    }
    // AKS runs its system pods on system node pools, and Azure refuses a cluster (or a pool
    // change) that would leave none.
    if env.system_pool_required && !pools.iter().any(|p| p["isSystemNodePool"] == true) {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "an {} cluster needs at least one system node pool (cloudConfig.isSystemNodePool)",
                env.key
            ),
        ));
    }
    Ok(())
}

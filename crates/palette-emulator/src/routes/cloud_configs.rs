//! Cloud configs: `GET /v1/cloudconfigs/{cloudType}/{configUid}`, `PUT .../clusterConfig`,
//! machine pools (`POST .../machinePools`, `PUT`/`DELETE .../machinePools/{name}`) and their
//! machines (`GET .../machinePools/{name}/machines`, paged), and a machine's maintenance
//! (`PUT .../machines/{machineUid}/maintenance`: cordon or uncordon). Custom clouds (Nutanix)
//! live under `/v1/cloudconfigs/cloudTypes/{cloudType}/...`, but for maintenance, whose only
//! path names the cloud type directly.
//!
//! Pool changes replan the cluster's deployment: nodes are added or removed and nothing else is
//! touched.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post, put};
use serde_json::{Value, json};

use super::clusters::{
    check_placement, check_pools, deployment_of, deployment_op, env_of, find_cluster, flatten_pool,
    redeploy,
};
use super::common::{Query, find, public};
use crate::context::Ctx;
use crate::environments::{self, Environment};
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::Change;
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// The cloud config routes, for every environment.
pub fn router() -> Router<AppState> {
    let mut router = Router::new();
    for env in environments::ALL {
        let base = format!("/v1/cloudconfigs/{}/{{configUid}}", env.config_path);
        if env.key == "eks" {
            router = router.route(
                &format!("{base}/fargateProfiles"),
                put(
                    move |s: State<AppState>, c: Ctx, Path(u): Path<String>, b: Bytes| {
                        put_fargate_profiles(env, s, c, u, b)
                    },
                ),
            );
        }
        router = router
            .route(
                &base,
                get(move |s: State<AppState>, c: Ctx, Path(u): Path<String>| read(env, s, c, u)),
            )
            .route(
                &format!("{base}/clusterConfig"),
                put(
                    move |s: State<AppState>, c: Ctx, Path(u): Path<String>, b: Bytes| {
                        super::cluster_config::put(env, s, c, u, b)
                    },
                ),
            )
            .route(
                &format!("{base}/machinePools"),
                post(
                    move |s: State<AppState>, c: Ctx, Path(u): Path<String>, b: Bytes| {
                        add_pool(env, s, c, u, b)
                    },
                ),
            )
            .route(
                &format!("{base}/machinePools/{{machinePoolName}}"),
                put(
                    move |s: State<AppState>,
                          c: Ctx,
                          Path((u, n)): Path<(String, String)>,
                          b: Bytes| update_pool(env, s, c, u, n, b),
                )
                .delete(
                    move |s: State<AppState>, c: Ctx, Path((u, n)): Path<(String, String)>| {
                        delete_pool(env, s, c, u, n)
                    },
                ),
            )
            .route(
                &format!(
                    "/v1/cloudconfigs/{}/{{configUid}}/machinePools/{{machinePoolName}}/machines/{{machineUid}}/maintenance",
                    env.key
                ),
                put(
                    move |s: State<AppState>,
                          c: Ctx,
                          Path((u, n, m)): Path<(String, String, String)>,
                          b: Bytes| maintenance(env, s, c, u, n, m, b),
                ),
            )
            .route(
                &format!("{base}/machinePools/{{machinePoolName}}/machines"),
                get(
                    move |s: State<AppState>,
                          c: Ctx,
                          Path((u, n)): Path<(String, String)>,
                          q: Query| machines(env, s, c, u, n, q),
                ),
            );
    }
    router
}

fn find_config(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    uid: &str,
) -> ApiResult<(Record, Record)> {
    let config = find(state, ctx, Kind::CloudConfig, uid, "cloud config")?;
    if env_of(&config).key != env.key {
        return Err(ApiError::not_found(
            &format!("{} cloud config", env.key),
            uid,
        ));
    }
    let cluster_uid = config
        .doc
        .pointer("/_emu/clusterUid")
        .and_then(Value::as_str)
        .unwrap_or("");
    let (cluster, _) = find_cluster(state, ctx, cluster_uid)
        .map_err(|_| ApiError::not_found("cloud config", uid))?;
    Ok((config, cluster))
}

async fn read(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
) -> ApiResult<Response> {
    let (config, _) = find_config(&state, &ctx, env, &uid)?;
    (env.render_config)(public(config.doc))
}

fn change_pools(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    uid: &str,
    edit: impl FnOnce(&mut Vec<Value>) -> ApiResult<()>,
) -> ApiResult<()> {
    let _guard = state.write_guard();
    let (mut config, _) = find_config(state, ctx, env, uid)?;
    let cluster_uid = config
        .doc
        .pointer("/_emu/clusterUid")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let (cluster, mut deployment) = find_cluster(state, ctx, &cluster_uid)?;
    if deployment.deleting_at.is_some() {
        return Err(ApiError::conflict(
            "ClusterDeleting",
            format!("cluster '{}' is being deleted", cluster.name),
        ));
    }
    let mut pools = wire::array_at(&config.doc, "/spec/machinePoolConfig").to_vec();
    edit(&mut pools)?;
    check_pools(env, &pools)?;
    check_network(state, ctx, env, &config, &pools)?;
    check_placement(env, &config.doc["spec"]["clusterConfig"], &pools)?;
    let account = match config
        .doc
        .pointer("/spec/cloudAccountRef/uid")
        .and_then(Value::as_str)
    {
        Some(uid) => state.store().get(Kind::CloudAccount, uid)?,
        None => None,
    };
    super::clusters::inventory::check(
        state,
        env,
        account.as_ref(),
        &config.doc["spec"]["clusterConfig"],
        &mut pools,
        &|_| String::new(),
        Some(&cluster.uid),
    )?;
    if env.edge_hosts {
        let used = super::clusters::edge_hosts_in_use(state)?;
        for host in pools.iter().flat_map(|p| wire::array_at(p, "/hosts")) {
            if let Some((other, other_uid)) = host["hostUid"].as_str().and_then(|h| used.get(h))
                && *other_uid != cluster.uid
            {
                return Err(ApiError::conflict(
                    "EdgeHostInUse",
                    format!(
                        "edge host '{}' is in use by cluster '{other}'",
                        host["hostName"].as_str().unwrap_or("")
                    ),
                ));
            }
        }
    }
    config.doc["spec"]["machinePoolConfig"] = json!(pools);
    config.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    let op = redeploy(state, &cluster, &pools, &mut deployment, Change::default())?;
    state.store().apply(vec![Op::Put(config), op])?;
    Ok(())
}

/// The cloud config's network (pools' subnets and security groups, Fargate profiles' subnets)
/// against the VPC its cluster was made in.
fn check_network(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    config: &Record,
    pools: &[Value],
) -> ApiResult<()> {
    super::aws_network::check(
        state,
        ctx,
        env.key,
        config
            .doc
            .pointer("/spec/cloudAccountRef/uid")
            .and_then(Value::as_str),
        &config.doc["spec"]["clusterConfig"],
        pools,
        wire::array_at(&config.doc, "/spec/fargateProfiles"),
    )
}

/// `PUT /v1/cloudconfigs/eks/{configUid}/fargateProfiles`: replaces the cluster's Fargate
/// profiles (names unique, subnets of the cluster's VPC).
async fn put_fargate_profiles(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    body: Bytes,
) -> ApiResult<Response> {
    let input = wire::body_or_default::<palette_api::models::EksFargateProfiles>(&body)?;
    let profiles: Vec<Value> = input
        .fargate_profiles
        .unwrap_or_default()
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()?;
    for (i, profile) in profiles.iter().enumerate() {
        if profiles[..i].iter().any(|p| p["name"] == profile["name"]) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "fargate profile name '{}' is used twice",
                    profile["name"].as_str().unwrap_or("")
                ),
            )
            .with_details(json!({"field": "fargateProfiles.name"})));
        }
    }
    let _guard = state.write_guard();
    let (mut config, _) = find_config(&state, &ctx, env, &uid)?;
    let pools = wire::array_at(&config.doc, "/spec/machinePoolConfig").to_vec();
    super::aws_network::check(
        &state,
        &ctx,
        env.key,
        config
            .doc
            .pointer("/spec/cloudAccountRef/uid")
            .and_then(Value::as_str),
        &config.doc["spec"]["clusterConfig"],
        &pools,
        &profiles,
    )?;
    config.doc["spec"]["fargateProfiles"] = json!(profiles);
    config.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    state.store().apply(vec![Op::Put(config)])?;
    Ok(wire::no_content())
}

async fn add_pool(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (env.parse_pool)(&body)?;
    let pool = flatten_pool(&state, &ctx, env, &input, 0)?;
    let name = pool["name"].as_str().unwrap_or("").to_owned();
    change_pools(&state, &ctx, env, &uid, |pools| {
        if pools.iter().any(|p| p["name"] == name.as_str()) {
            return Err(ApiError::conflict(
                "MachinePoolAlreadyExists",
                format!("machine pool '{name}' already exists"),
            ));
        }
        // A cluster keeps the control plane it was created with: pools added later are workers.
        if pool["isControlPlane"] == true {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "machine pool '{name}': a control-plane pool cannot be added to an existing \
                     cluster (poolConfig.isControlPlane)"
                ),
            ));
        }
        pools.push(pool);
        Ok(())
    })?;
    Ok(wire::created(&ids::stable_uid(&format!(
        "machinepool/{uid}/{name}"
    ))))
}

async fn update_pool(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    name: String,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (env.parse_pool)(&body)?;
    let mut pool = flatten_pool(&state, &ctx, env, &input, 0)?;
    if pool["name"] != name.as_str() {
        if env.pool_in_values {
            pool["name"] = json!(name);
        } else {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "poolConfig.name '{}' does not match the path's '{name}'",
                    pool["name"].as_str().unwrap_or("")
                ),
            ));
        }
    }
    change_pools(&state, &ctx, env, &uid, |pools| {
        let slot = pools
            .iter_mut()
            .find(|p| p["name"] == name.as_str())
            .ok_or_else(|| ApiError::not_found("machine pool", &name))?;
        if slot["isControlPlane"] != pool["isControlPlane"] {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("machine pool '{name}' cannot change isControlPlane"),
            ));
        }
        // AKS makes a node pool with its OS and OS disk and cannot change either.
        if env.key == "aks" {
            for (pointer, field) in [
                ("/osType", "managedPoolConfig.osType"),
                (
                    "/osDisk/managedDisk/storageAccountType",
                    "cloudConfig.osDisk.managedDisk.storageAccountType",
                ),
            ] {
                // A pool made without an OS runs Linux (`v1OsType`'s default).
                let value = |p: &Value| match p.pointer(pointer) {
                    None | Some(Value::Null) if pointer == "/osType" => json!("Linux"),
                    other => other.cloned().unwrap_or(Value::Null),
                };
                if value(slot) != value(&pool) {
                    return Err(ApiError::bad_request(
                        "InvalidRequest",
                        format!("machine pool '{name}': {field} cannot change on an AKS node pool"),
                    )
                    .with_details(json!({"field": field})));
                }
            }
        }
        *slot = pool;
        Ok(())
    })?;
    Ok(wire::no_content())
}

async fn delete_pool(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    name: String,
) -> ApiResult<Response> {
    change_pools(&state, &ctx, env, &uid, |pools| {
        let index = pools
            .iter()
            .position(|p| p["name"] == name.as_str())
            .ok_or_else(|| ApiError::not_found("machine pool", &name))?;
        if pools[index]["isControlPlane"] == true {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("machine pool '{name}' runs the control plane and cannot be deleted"),
            ));
        }
        pools.remove(index);
        Ok(())
    })?;
    Ok(wire::no_content())
}

async fn machines(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    name: String,
    q: Query,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let (config, cluster) = find_config(&state, &ctx, env, &uid)?;
    let pool = wire::array_at(&config.doc, "/spec/machinePoolConfig")
        .iter()
        .find(|p| p["name"] == name.as_str())
        .cloned()
        .ok_or_else(|| ApiError::not_found("machine pool", &name))?;
    let deployment = deployment_of(&state, &cluster.uid)?;
    let now = ids::now_ms();
    let cluster_config = &config.doc["spec"]["clusterConfig"];
    let hosts = wire::array_at(&pool, "/hosts");
    let mut items = Vec::new();
    if let Some(plan) = deployment.pools.iter().find(|p| p.name == name) {
        for (i, node) in plan.nodes.iter().enumerate() {
            let state_name = node.state(now);
            if state_name == "Deleted" {
                continue;
            }
            let running = state_name == "Running";
            let address = format!(
                "10.{}.{}.{}",
                (i / 250) % 250,
                node.uid.as_bytes()[0] % 250,
                10 + i % 240
            );
            let spec = machine_spec(env.key, &pool, cluster_config, hosts.get(i), &node.name, i);
            items.push(json!({
                "apiVersion": "v1",
                "kind": "Machine",
                "metadata": {"name": node.name, "uid": node.uid, "creationTimestamp": ids::rfc3339(node.created_at), "annotations": {}},
                "spec": spec,
                "status": {
                    "instanceState": state_name,
                    "ready": running,
                    "addresses": if running { json!([{"type": "InternalIP", "address": address}]) } else { json!([]) },
                    "instanceStateLastUpdate": ids::rfc3339(if running { node.up_at } else { node.created_at }),
                    "health": {"state": if running { "Healthy" } else { "Unknown" }, "conditions": [], "lastHeartBeatTimestamp": ids::rfc3339(now)},
                },
            }));
            if let Some(action) = &node.maintenance {
                let message = if action == "cordon" {
                    "node cordoned and drained"
                } else {
                    "node uncordoned"
                };
                items.last_mut().expect("just pushed")["status"]["maintenanceStatus"] =
                    json!({"action": action, "state": "Completed", "message": message});
            }
        }
    }
    (env.render_machines)(page.apply(items))
}

/// Cordons or uncordons one running machine of a pool: Palette drains a cordoned node of its
/// workloads and keeps new ones off it until it is uncordoned. The action shows in the
/// machine's `status.maintenanceStatus`, and cordoned machines in the pool's `maintenanceMode`.
async fn maintenance(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    pool: String,
    machine: String,
    body: Bytes,
) -> ApiResult<Response> {
    let body: palette_api::models::MachineMaintenance = wire::body(&body)?;
    let action = body.action.unwrap_or_default();
    if action != "cordon" && action != "uncordon" {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("maintenance action {action:?} is not one of cordon, uncordon"),
        )
        .with_details(json!({"field": "action"})));
    }
    let _guard = state.write_guard();
    let (config, cluster) = find_config(&state, &ctx, env, &uid)?;
    if !wire::array_at(&config.doc, "/spec/machinePoolConfig")
        .iter()
        .any(|p| p["name"] == pool.as_str())
    {
        return Err(ApiError::not_found("machine pool", &pool));
    }
    let mut deployment = deployment_of(&state, &cluster.uid)?;
    let now = ids::now_ms();
    let node = deployment
        .pools
        .iter_mut()
        .filter(|p| p.name == pool)
        .flat_map(|p| p.nodes.iter_mut())
        .find(|n| n.uid == machine && n.state(now) != "Deleted")
        .ok_or_else(|| ApiError::not_found("machine", &machine))?;
    if node.state(now) != "Running" {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "machine '{machine}' of pool '{pool}' is {}; only a running machine can be {action}ed",
                node.state(now)
            ),
        ));
    }
    node.maintenance = Some(action);
    state.store().apply(vec![deployment_op(
        &cluster.uid,
        &cluster.project,
        &deployment,
    )?])?;
    Ok(wire::no_content())
}

fn machine_spec(
    env: &str,
    pool: &Value,
    cluster: &Value,
    host: Option<&Value>,
    name: &str,
    index: usize,
) -> Value {
    let azs = pool["azs"].as_array().filter(|a| !a.is_empty());
    let az = azs.map(|a| a[index % a.len()].clone()).unwrap_or(json!(""));
    match env {
        "aws" | "eks" => json!({
            "ami": "ami-0e5d6e1a0c0e1a7d1", "instanceType": pool["instanceType"], "vpcId": cluster.get("vpcId").cloned().filter(|v| v != "").unwrap_or(json!("vpc-0emulator")),
            "az": az, "sshKeyName": cluster["sshKeyName"], "dnsName": format!("{name}.ec2.internal"),
        }),
        "azure" | "aks" => json!({
            "instanceType": pool["instanceType"], "location": cluster["location"],
            "osDisk": pool.get("osDisk").cloned().unwrap_or(json!({"diskSizeGB": 60, "osType": "Linux"})),
        }),
        "gcp" | "gke" => {
            json!({"instanceType": pool["instanceType"], "project": cluster["project"], "region": cluster["region"], "zone": az})
        }
        "vsphere" => {
            json!({"instanceType": pool["instanceType"], "nics": [], "vcenterServer": "vcenter.emulator.local"})
        }
        "maas" => json!({"hostname": name, "az": az}),
        "edge-native" => {
            json!({"edgeHostUid": host.map(|h| h["hostUid"].clone()).unwrap_or(json!(""))})
        }
        "nutanix" => json!({"cloudType": "nutanix", "hostName": name}),
        "openstack" => json!({"nics": [], "az": az}),
        "tke" => {
            json!({"imageId": "img-emulator", "instanceType": pool["instanceType"], "nics": [], "zoneId": az})
        }
        _ => json!({}),
    }
}

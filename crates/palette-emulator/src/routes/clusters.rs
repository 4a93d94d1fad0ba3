//! Clusters (`spectroclusters`): create per environment, read, status, overview, search, delete,
//! day-2 profile changes, variables, metadata and kubeconfig assets.
//!
//! A cluster is three records written together: the cluster (metadata, spec, the attached
//! profile entries and their snapshot templates), its cloud config (cluster-level cloud settings
//! and machine pools) and its [`Deployment`] plan, which [`crate::lifecycle`] evaluates on each
//! read. Once deletion completes, reads answer 404.

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{Query, find, flag, new_metadata, patch_metadata_fixed_name, public, visible};
use crate::context::Ctx;
use crate::environments::{self, Environment};
use crate::error::{ApiError, ApiResult};
use crate::index::{ClusterRef, MissingPlan};
use crate::lifecycle::{Deployment, DesiredPack, DesiredPool, layer_rank};
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// The cluster routes.
pub fn router() -> Router<AppState> {
    let mut router = Router::new();
    for env in environments::ALL {
        router = router.route(
            &format!("/v1/spectroclusters/{}", env.create_path),
            post(move |s: State<AppState>, c: Ctx, b: Bytes| create(env, s, c, b)),
        );
    }
    router
        .route("/v1/spectroclusters/validate/name", get(validate_name))
        .route("/v1/spectroclusters/{uid}", get(read).delete(delete))
        .route("/v1/spectroclusters/{uid}/status", get(status))
        .route(
            "/v1/dashboard/spectroclusters/{uid}/overview",
            get(overview),
        )
        .route("/v1/dashboard/spectroclusters/search", post(search))
        .route(
            "/v1/spectroclusters/{uid}/profiles",
            get(get_profiles)
                .put(put_profiles)
                .patch(patch_profiles)
                .delete(delete_profiles),
        )
        .route(
            "/v1/spectroclusters/{uid}/variables",
            get(get_variables).patch(patch_variables),
        )
        .route("/v1/spectroclusters/{uid}/metadata", patch(patch_metadata))
        .route(
            "/v1/spectroclusters/{uid}/assets/kubeconfig",
            get(|s: State<AppState>, c: Ctx, p: Path<String>| asset(s, c, p, Asset::Frp)),
        )
        .route(
            "/v1/spectroclusters/{uid}/assets/kubeconfigclient",
            get(|s: State<AppState>, c: Ctx, p: Path<String>| asset(s, c, p, Asset::Client)),
        )
        .route(
            "/v1/spectroclusters/{uid}/assets/adminKubeconfig",
            get(|s: State<AppState>, c: Ctx, p: Path<String>| asset(s, c, p, Asset::Admin)),
        )
}

/// The environment of a stored cluster or cloud config.
pub fn env_of(record: &Record) -> &'static Environment {
    record
        .doc
        .pointer("/_emu/env")
        .and_then(Value::as_str)
        .and_then(environments::by_key)
        .unwrap_or(&environments::ALL[0])
}

/// The uids of the profiles attached to a cluster.
pub fn profile_uids(record: &Record) -> Vec<String> {
    entries(record)
        .iter()
        .filter_map(|e| e["uid"].as_str().map(str::to_owned))
        .collect()
}

fn entries(record: &Record) -> Vec<Value> {
    record
        .doc
        .pointer("/_emu/profiles")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// Loads a cluster's deployment plan.
pub fn deployment_of(state: &AppState, uid: &str) -> ApiResult<Deployment> {
    let record = state
        .store()
        .get(Kind::Deployment, uid)?
        .ok_or_else(|| ApiError::internal(format!("cluster '{uid}' has no deployment plan")))?;
    serde_json::from_value(record.doc)
        .map_err(|e| ApiError::internal(format!("deployment plan of '{uid}' is corrupt: {e}")))
}

fn deployment_op(uid: &str, project: &str, deployment: &Deployment) -> ApiResult<Op> {
    Ok(Op::Put(Record {
        kind: Kind::Deployment,
        uid: uid.to_owned(),
        project: project.to_owned(),
        name: uid.to_owned(),
        doc: serde_json::to_value(deployment)?,
    }))
}

/// Every cluster not yet deleted, with its plan.
pub fn live_clusters(state: &AppState) -> ApiResult<Vec<(Record, Deployment)>> {
    let now = ids::now_ms();
    let mut out = Vec::new();
    for record in state.store().list(Kind::Cluster)? {
        let deployment = deployment_of(state, &record.uid)?;
        if deployment.state(now) != "Deleted" {
            out.push((record, deployment));
        }
    }
    Ok(out)
}

/// Live clusters using the profile `uid`, from the index (no plan is read).
pub fn live_clusters_using(state: &AppState, uid: &str) -> ApiResult<Vec<ClusterRef>> {
    state
        .index()
        .clusters_using(uid, ids::now_ms())
        .map_err(no_plan)
}

/// Whether a live cluster called `name` exists in `project`, from the index.
pub fn live_cluster_named(state: &AppState, project: &str, name: &str) -> ApiResult<bool> {
    Ok(!state
        .index()
        .clusters_named(project, name, ids::now_ms())
        .map_err(no_plan)?
        .is_empty())
}

fn no_plan(missing: MissingPlan) -> ApiError {
    ApiError::internal(format!("cluster '{}' has no deployment plan", missing.0))
}

/// Names of live clusters using the cloud account `uid`.
pub fn clusters_using_account(state: &AppState, uid: &str) -> ApiResult<Vec<String>> {
    Ok(live_clusters(state)?
        .into_iter()
        .filter(|(r, _)| r.doc.pointer("/_emu/accountUid").and_then(Value::as_str) == Some(uid))
        .map(|(r, _)| r.name)
        .collect())
}

/// Uids of the edge hosts live clusters hold, with the holding cluster's name and uid.
pub fn edge_hosts_in_use(state: &AppState) -> ApiResult<HashMap<String, (String, String)>> {
    let mut out = HashMap::new();
    for (record, _) in live_clusters(state)? {
        if env_of(&record).key != "edge-native" {
            continue;
        }
        if let Some(config) = config_of(state, &record)? {
            for pool in wire::array_at(&config.doc, "/spec/machinePoolConfig") {
                for host in wire::array_at(pool, "/hosts") {
                    if let Some(h) = host["hostUid"].as_str() {
                        out.insert(h.to_owned(), (record.name.clone(), record.uid.clone()));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// A live cluster visible from the caller's scope, else 404.
pub fn find_cluster(state: &AppState, ctx: &Ctx, uid: &str) -> ApiResult<(Record, Deployment)> {
    let record = find(state, ctx, Kind::Cluster, uid, "cluster")?;
    let deployment = deployment_of(state, uid)?;
    if deployment.state(ids::now_ms()) == "Deleted" {
        return Err(ApiError::not_found("cluster", uid));
    }
    Ok((record, deployment))
}

/// The cloud config of a cluster.
pub fn config_of(state: &AppState, cluster: &Record) -> ApiResult<Option<Record>> {
    match cluster
        .doc
        .pointer("/spec/cloudConfigRef/uid")
        .and_then(Value::as_str)
    {
        Some(uid) => Ok(state.store().get(Kind::CloudConfig, uid)?),
        None => Ok(None),
    }
}

// ----- Validation and planning -----

/// Reads one `{cloudConfig, poolConfig}` entity into the flat pool the cloud config stores.
pub fn flatten_pool(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    entity: &Value,
    index: usize,
) -> ApiResult<Value> {
    let cloud = entity.get("cloudConfig").cloned().unwrap_or(json!({}));
    let pool = entity.get("poolConfig").cloned().unwrap_or(json!({}));
    let mut flat = pool.as_object().cloned().unwrap_or_default();
    for (k, v) in cloud.as_object().cloned().unwrap_or_default() {
        if k != "edgeHosts" && k != "subnets" {
            flat.insert(k, v);
        }
    }
    for field in env.pool_required {
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
    if env.key == "nutanix" {
        let values = cloud["values"].as_str().unwrap_or("");
        let cp = pool["isControlPlane"].as_bool().unwrap_or(false);
        let name = yaml_scalar(values, "name").unwrap_or_else(|| {
            if cp {
                "cp-pool".into()
            } else {
                format!("worker-pool-{index}")
            }
        });
        let size = yaml_scalar(values, "replicas")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(1);
        flat.insert("name".into(), json!(name));
        flat.insert("size".into(), json!(size));
        flat.insert("isControlPlane".into(), json!(cp));
    }
    if env.key == "edge-native" {
        let hosts = wire::array_at(&cloud, "/edgeHosts");
        let mut out = Vec::new();
        for host in hosts {
            let uid = wire::str_at(host, "/hostUid").ok_or_else(|| {
                ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "machinepoolconfig[{index}].cloudConfig.edgeHosts[].hostUid is required"
                    ),
                )
            })?;
            let record = find(state, ctx, Kind::EdgeHost, uid, "edge host")?;
            let mut entry = json!({
                "hostUid": uid,
                "hostName": host.get("hostName").and_then(Value::as_str).filter(|s| !s.is_empty()).unwrap_or(&record.name),
                "hostAddress": record.doc.pointer("/spec/host/hostAddress").cloned().unwrap_or(json!("")),
            });
            for optional in ["nic", "nicName", "staticIP", "twoNodeCandidatePriority"] {
                if let Some(value) = host.get(optional).filter(|v| !v.is_null() && *v != "") {
                    entry[optional] = value.clone();
                }
            }
            out.push(entry);
        }
        if !flat.contains_key("size") || flat["size"] == 0 {
            flat.insert("size".into(), json!(out.len()));
        }
        flat.insert("hosts".into(), json!(out));
    }
    let name = flat
        .get("name")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            ApiError::bad_request(
                "InvalidRequest",
                format!("machinepoolconfig[{index}].poolConfig.name is required"),
            )
        })?;
    let size = flat.get("size").and_then(Value::as_i64).unwrap_or(0);
    if size < 0 {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("machine pool '{name}' has a negative size"),
        ));
    }
    let cp = flat
        .get("isControlPlane")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if cp && env.managed {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "machine pool '{name}': {} runs a managed control plane; pools cannot be control planes",
                env.key
            ),
        ));
    }
    if cp && size < 1 {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("control-plane pool '{name}' needs at least one node"),
        ));
    }
    flat.insert("isControlPlane".into(), json!(cp));
    if !flat.contains_key("labels") || flat["labels"].as_array().is_none_or(|l| l.is_empty()) {
        flat.insert(
            "labels".into(),
            json!([if cp { "control-plane" } else { "worker" }]),
        );
    }
    Ok(Value::Object(flat))
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
    if env.key == "aks" && !pools.iter().any(|p| p["isSystemNodePool"] == true) {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "an aks cluster needs at least one system node pool (cloudConfig.isSystemNodePool)",
        ));
    }
    Ok(())
}

fn desired_pools(pools: &[Value]) -> Vec<DesiredPool> {
    pools
        .iter()
        .map(|p| DesiredPool {
            name: p["name"].as_str().unwrap_or("").to_owned(),
            control_plane: p["isControlPlane"].as_bool().unwrap_or(false),
            size: p["size"].as_i64().unwrap_or(0).max(0) as u32,
        })
        .collect()
}

/// Resolves attached profile entries into snapshot templates (published template with the
/// cluster's pack overrides), checking the stack is complete.
fn attach(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    entries: &[Value],
) -> ApiResult<Vec<Value>> {
    if entries.is_empty() {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "spec.profiles needs at least one cluster profile",
        ));
    }
    let mut templates = Vec::new();
    let mut layers: HashMap<String, String> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let uid = wire::str_at(entry, "/uid").ok_or_else(|| {
            ApiError::bad_request(
                "InvalidRequest",
                format!("spec.profiles[{i}].uid is required"),
            )
        })?;
        if entries[..i].iter().any(|e| e["uid"] == uid) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("cluster profile '{uid}' is attached twice"),
            ));
        }
        let profile = find(state, ctx, Kind::Profile, uid, "cluster profile")?;
        let mut template = super::cluster_profiles::published(&profile)
            .cloned()
            .ok_or_else(|| {
                ApiError::bad_request(
                    "ClusterProfileNotPublished",
                    format!(
                        "cluster profile '{}' ({uid}) has no published version; publish it first",
                        profile.name
                    ),
                )
            })?;
        let cloud = template["cloudType"].as_str().unwrap_or("");
        if cloud != "all" && cloud != env.key {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "cluster profile '{}' is for cloud type '{cloud}', not '{}'",
                    profile.name, env.key
                ),
            ));
        }
        template["uid"] = json!(uid);
        template["name"] = json!(profile.name);
        let packs = template["packs"]
            .as_array_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        let mut packs = packs;
        for over in wire::array_at(entry, "/packValues") {
            let name = wire::str_at(over, "/name").unwrap_or("");
            let pack = packs.iter_mut().find(|p| p["name"] == name).ok_or_else(|| {
                ApiError::bad_request(
                    "InvalidRequest",
                    format!("pack '{name}' in spec.profiles[{i}].packValues is not in cluster profile '{}'", profile.name),
                )
            })?;
            if let Some(tag) = wire::str_at(over, "/tag").filter(|t| pack["tag"] != *t) {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "pack '{name}' of profile '{}' is tag '{}', not '{tag}'",
                        profile.name,
                        pack["tag"].as_str().unwrap_or("")
                    ),
                ));
            }
            if let Some(values) = over.get("values").and_then(Value::as_str) {
                pack["values"] = json!(values);
            }
            for mf in wire::array_at(over, "/manifests") {
                if let Some(slot) = pack["manifests"]
                    .as_array_mut()
                    .and_then(|ms| ms.iter_mut().find(|m| m["name"] == mf["name"]))
                    && let Some(content) = mf.get("content").and_then(Value::as_str)
                {
                    slot["content"] = json!(content);
                }
            }
        }
        let defined = super::cluster_profiles::variables_of(&profile);
        for var in wire::array_at(entry, "/variables") {
            if !defined.iter().any(|d| d["name"] == var["name"]) {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "variable '{}' is not defined by cluster profile '{}'",
                        var["name"].as_str().unwrap_or(""),
                        profile.name
                    ),
                ));
            }
        }
        for def in &defined {
            let given = wire::array_at(entry, "/variables")
                .iter()
                .any(|v| v["name"] == def["name"] && wire::str_at(v, "/value").is_some());
            if def["required"] == true && !given && wire::str_at(def, "/defaultValue").is_none() {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "variable '{}' of cluster profile '{}' is required",
                        def["name"].as_str().unwrap_or(""),
                        profile.name
                    ),
                ));
            }
        }
        for pack in &packs {
            let layer = pack["layer"].as_str().unwrap_or("addon");
            if layer != "addon" {
                if let Some(other) = layers.get(layer) {
                    return Err(ApiError::bad_request(
                        "InvalidRequest",
                        format!(
                            "the {layer} layer comes from two profiles ('{other}' and '{}'); a cluster has one {layer} pack",
                            profile.name
                        ),
                    ));
                }
                layers.insert(layer.to_owned(), profile.name.clone());
            }
        }
        template["packs"] = json!(packs);
        templates.push(template);
    }
    let missing: Vec<&str> = ["os", "k8s", "cni", "csi"]
        .into_iter()
        .filter(|l| !layers.contains_key(*l))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "the cluster's profiles do not provide the {} layer{}; attach an infrastructure or full profile",
                missing.join(", "),
                if missing.len() > 1 { "s" } else { "" }
            ),
        ));
    }
    Ok(templates)
}

fn resolve_variables(values: &str, vars: &HashMap<String, String>) -> String {
    let mut out = values.to_owned();
    for (name, value) in vars {
        for pattern in [
            format!("{{{{.spectro.var.{name}}}}}"),
            format!("{{{{ .spectro.var.{name} }}}}"),
        ] {
            out = out.replace(&pattern, value);
        }
    }
    out
}

/// The variable values a cluster gives the profile `profile_uid`: the profile's defaults,
/// overridden by the cluster's own values.
fn variables_for(
    state: &AppState,
    profile_uid: &str,
    entries: &[Value],
) -> ApiResult<HashMap<String, String>> {
    let mut vars: HashMap<String, String> = HashMap::new();
    if let Some(profile) = state.store().get(Kind::Profile, profile_uid)? {
        for def in super::cluster_profiles::variables_of(&profile) {
            if let (Some(n), Some(d)) = (def["name"].as_str(), def["defaultValue"].as_str()) {
                vars.insert(n.to_owned(), d.to_owned());
            }
        }
    }
    if let Some(entry) = entries.iter().find(|e| e["uid"] == profile_uid) {
        for var in wire::array_at(entry, "/variables") {
            if let (Some(n), Some(v)) = (var["name"].as_str(), var["value"].as_str()) {
                vars.insert(n.to_owned(), v.to_owned());
            }
        }
    }
    Ok(vars)
}

fn desired_packs(
    state: &AppState,
    templates: &[Value],
    entries: &[Value],
) -> ApiResult<Vec<DesiredPack>> {
    let mut out = Vec::new();
    for template in templates {
        let uid = template["uid"].as_str().unwrap_or("");
        let vars = variables_for(state, uid, entries)?;
        for pack in template["packs"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let values = resolve_variables(pack["values"].as_str().unwrap_or(""), &vars);
            let manifests: Vec<String> = pack["manifests"]
                .as_array()
                .map(|ms| {
                    ms.iter()
                        .map(|m| {
                            format!(
                                "{}={}",
                                m["name"],
                                resolve_variables(m["content"].as_str().unwrap_or(""), &vars)
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let digest = format!(
                "{}|{}|{}|{}",
                pack["tag"],
                pack["type"],
                values,
                manifests.join("|")
            );
            out.push(DesiredPack {
                name: pack["name"].as_str().unwrap_or("").to_owned(),
                layer: pack["layer"].as_str().unwrap_or("addon").to_owned(),
                pack_type: pack["type"].as_str().unwrap_or("spectro").to_owned(),
                tag: pack["tag"].as_str().unwrap_or("").to_owned(),
                profile_uid: uid.to_owned(),
                fingerprint: ids::stable_uid(&digest),
            });
        }
    }
    out.sort_by_key(|p| layer_rank(&p.layer));
    Ok(out)
}

fn normalize_entries(entries: &[Value]) -> Vec<Value> {
    entries
        .iter()
        .map(|e| {
            json!({
                "uid": e["uid"],
                "packValues": e.get("packValues").cloned().unwrap_or(json!([])),
                "variables": e.get("variables").cloned().unwrap_or(json!([])),
            })
        })
        .collect()
}

/// Replans a cluster after its pools or profiles changed, and returns the write.
pub fn redeploy(
    state: &AppState,
    cluster: &Record,
    pools: &[Value],
    deployment: &mut Deployment,
    profiles_changed: bool,
) -> ApiResult<Op> {
    let templates: Vec<Value> =
        wire::array_at(&cluster.doc, "/spec/clusterProfileTemplates").to_vec();
    let packs = desired_packs(state, &templates, &entries(cluster))?;
    let faults = state.faults();
    deployment.replan(
        &cluster.uid,
        ids::now_ms(),
        state.settings().time_scale,
        &desired_pools(pools),
        &packs,
        faults.fail_pack.as_deref(),
        profiles_changed,
    );
    if faults
        .fail_pack
        .as_deref()
        .is_some_and(|f| packs.iter().any(|p| p.name == f))
    {
        state
            .stats()
            .faults_injected_total
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    deployment_op(&cluster.uid, &cluster.project, deployment)
}

fn refuse_if_deleting(deployment: &Deployment, name: &str) -> ApiResult<()> {
    if deployment.deleting_at.is_some() {
        return Err(ApiError::conflict(
            "ClusterDeleting",
            format!("cluster '{name}' is being deleted"),
        ));
    }
    Ok(())
}

// ----- Handlers -----

async fn create(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (env.parse_create)(&body)?;
    let name = wire::required(&input, "/metadata/name")?.to_owned();
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || name.starts_with('-')
    {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("cluster name '{name}' must consist of lowercase letters, digits and '-'"),
        ));
    }
    let spec = input.get("spec").cloned().unwrap_or(json!({}));
    let cloud_config = spec.get("cloudConfig").cloned().unwrap_or(json!({}));
    for field in env.required {
        let present = cloud_config
            .get(*field)
            .is_some_and(|v| !v.is_null() && v != "");
        if !present {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "spec.cloudConfig.{field} is required for a {} cluster",
                    env.key
                ),
            ));
        }
    }
    let account = match (env.account, wire::str_at(&spec, "/cloudAccountUid")) {
        (None, Some(_)) => {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("a {} cluster takes no cloud account", env.key),
            ));
        }
        (None, None) => None,
        (Some(_), None) if env.account_required => {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("spec.cloudAccountUid is required for a {} cluster", env.key),
            ));
        }
        (Some(_), None) => None,
        (Some(family), Some(uid)) => {
            let record = find(&state, &ctx, Kind::CloudAccount, uid, "cloud account")?;
            let cloud = super::cloud_accounts::cloud_of(&record);
            if cloud != family {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "cloud account '{}' is a {cloud} account; a {} cluster needs a {family} account",
                        record.name, env.key
                    ),
                ));
            }
            Some(record)
        }
    };
    let mut pools = Vec::new();
    for (i, entity) in wire::array_at(&spec, "/machinepoolconfig")
        .iter()
        .enumerate()
    {
        pools.push(flatten_pool(&state, &ctx, env, entity, i)?);
    }
    check_pools(env, &pools)?;
    let profile_entries = normalize_entries(wire::array_at(&spec, "/profiles"));
    let templates = attach(&state, &ctx, env, &profile_entries)?;

    let _guard = state.write_guard();
    let owner = ctx.owner();
    if live_cluster_named(&state, &owner, &name)? {
        return Err(ApiError::conflict(
            "ClusterAlreadyExists",
            format!("a cluster named '{name}' already exists"),
        ));
    }
    if env.key == "edge-native" {
        let used = edge_hosts_in_use(&state)?;
        for pool in &pools {
            for host in wire::array_at(pool, "/hosts") {
                if let Some((cluster, _)) = host["hostUid"].as_str().and_then(|h| used.get(h)) {
                    return Err(ApiError::conflict(
                        "EdgeHostInUse",
                        format!(
                            "edge host '{}' is in use by cluster '{cluster}'",
                            host["hostName"].as_str().unwrap_or("")
                        ),
                    ));
                }
            }
        }
    }
    let uid = ids::new_uid();
    let config_uid = ids::new_uid();
    let metadata = new_metadata(
        &ctx,
        &state,
        &uid,
        input.get("metadata").unwrap_or(&json!({})),
    );
    let cluster_doc = json!({
        "apiVersion": "v1",
        "kind": "SpectroCluster",
        "metadata": metadata,
        "spec": {
            "cloudType": env.key,
            "cloudConfigRef": {"kind": format!("{}CloudConfig", env.key), "name": name, "uid": config_uid},
            "clusterConfig": spec.get("clusterConfig").cloned().unwrap_or(json!({})),
            "clusterType": spec.get("clusterType").cloned().filter(|v| v != "").unwrap_or(json!("PureManage")),
            "clusterProfileTemplates": templates,
        },
        "_emu": {
            "env": env.key,
            "profiles": profile_entries,
            "accountUid": account.as_ref().map(|a| a.uid.clone()),
        },
    });
    let config_doc = json!({
        "apiVersion": "v1",
        "kind": format!("{}CloudConfig", env.key),
        "metadata": {
            "name": name, "uid": config_uid, "creationTimestamp": ids::now_rfc3339(),
            "lastModifiedTimestamp": ids::now_rfc3339(), "annotations": {"scope": ctx.scope_name()},
        },
        "spec": {
            "cloudAccountRef": account.as_ref().map(|a| json!({"kind": "cloudaccount", "name": a.name, "uid": a.uid})),
            "clusterConfig": cloud_config,
            "machinePoolConfig": pools,
        },
        "status": {"conditions": []},
        "_emu": {"env": env.key, "clusterUid": uid},
    });
    let cluster = Record {
        kind: Kind::Cluster,
        uid: uid.clone(),
        project: owner.clone(),
        name: name.clone(),
        doc: cluster_doc,
    };
    let packs = desired_packs(&state, &templates, &entries(&cluster))?;
    let faults = state.faults();
    if faults
        .fail_pack
        .as_deref()
        .is_some_and(|f| packs.iter().any(|p| p.name == f))
    {
        state
            .stats()
            .faults_injected_total
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    let deployment = Deployment::create(
        &uid,
        ids::now_ms(),
        state.settings().time_scale,
        &desired_pools(&pools),
        &packs,
        faults.fail_pack.as_deref(),
    );
    state.store().apply(vec![
        Op::Put(cluster),
        Op::Put(Record {
            kind: Kind::CloudConfig,
            uid: config_uid,
            project: owner.clone(),
            name,
            doc: config_doc,
        }),
        deployment_op(&uid, &owner, &deployment)?,
    ])?;
    Ok(wire::created(&uid))
}

fn api_endpoint(record: &Record) -> Value {
    json!({"host": format!("{}-{}.clusters.emulator.spectrocloud.dev", record.name, &record.uid[..6]), "port": 6443})
}

// NOTE(next): a newer published revision of an attached profile is not yet reported
// (`UpgradeAvailable` pack conditions, `GET .../profileUpdates`); the cluster keeps its snapshot
// until a profiles PUT or PATCH re-attaches it, as on the real server.
fn live_status(record: &Record, deployment: &Deployment, now: i64) -> Value {
    let state = deployment.state(now);
    json!({
        "state": state,
        "conditions": deployment.conditions(now),
        "packs": deployment.pack_statuses(now),
        "spcApply": {
            "canBeApplied": true,
            "actionType": "DownloadAndInstall",
            "lastModifiedTime": ids::rfc3339(deployment.spc_modified_at),
            "spcHash": ids::stable_uid(&format!("{}/{}", record.uid, deployment.generation)),
        },
        "apiEndpoints": if state == "Running" { json!([api_endpoint(record)]) } else { json!([]) },
        "services": [],
        "addOnServices": [],
        "upgrades": [],
        "profileStatus": {"hasUserMacros": false},
    })
}

fn render(record: &Record, deployment: &Deployment) -> Value {
    let now = ids::now_ms();
    let mut doc = public(record.doc.clone());
    doc["status"] = live_status(record, deployment, now);
    if let Some(at) = deployment.deleting_at {
        doc["metadata"]["deletionTimestamp"] = json!(ids::rfc3339(at));
    }
    doc
}

async fn read(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    q: Query,
) -> ApiResult<Response> {
    let (record, deployment) = find_cluster(&state, &ctx, &uid)?;
    let mut body = render(&record, &deployment);
    if flag(&q, "resolvePackValues", false)? {
        let list = entries(&record);
        let templates = body
            .pointer_mut("/spec/clusterProfileTemplates")
            .and_then(Value::as_array_mut);
        for template in templates.into_iter().flatten() {
            let vars = variables_for(&state, template["uid"].as_str().unwrap_or(""), &list)?;
            for pack in template["packs"].as_array_mut().into_iter().flatten() {
                let resolved = resolve_variables(pack["values"].as_str().unwrap_or(""), &vars);
                pack["values"] = json!(resolved);
            }
        }
    }
    wire::ok::<m::SpectroCluster>(body)
}

async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (_, deployment) = find_cluster(&state, &ctx, &uid)?;
    wire::ok::<m::SpectroClusterStatusEntity>(
        json!({"status": {"state": deployment.state(ids::now_ms())}}),
    )
}

fn k8s_version(record: &Record) -> String {
    wire::array_at(&record.doc, "/spec/clusterProfileTemplates")
        .iter()
        .flat_map(|t| wire::array_at(t, "/packs"))
        .find(|p| p["layer"] == "k8s")
        .and_then(|p| p["tag"].as_str())
        .unwrap_or("")
        .to_owned()
}

fn template_meta(t: &Value) -> Value {
    json!({
        "uid": t["uid"], "name": t["name"], "type": t["type"], "cloudType": t["cloudType"],
        "version": t["version"], "packs": t["packs"],
    })
}

fn pool_meta(
    config: Option<&Record>,
    deployment: &Deployment,
    now: i64,
    cloud: &str,
) -> Vec<Value> {
    let Some(config) = config else {
        return Vec::new();
    };
    wire::array_at(&config.doc, "/spec/machinePoolConfig")
        .iter()
        .map(|p| {
            let name = p["name"].as_str().unwrap_or("");
            let healthy = deployment
                .pools
                .iter()
                .find(|pp| pp.name == name)
                .map(|pp| {
                    pp.nodes
                        .iter()
                        .filter(|n| n.state(now) == "Running")
                        .count()
                })
                .unwrap_or(0);
            json!({
                "cloudType": cloud, "size": p["size"], "healthy": healthy,
                "isControlPlane": p["isControlPlane"], "labels": p["labels"], "maintenanceMode": 0,
            })
        })
        .collect()
}

async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, deployment) = find_cluster(&state, &ctx, &uid)?;
    let now = ids::now_ms();
    let config = config_of(&state, &record)?;
    let running = deployment.state(now) == "Running";
    let mut status = live_status(&record, &deployment, now);
    status["health"] = json!({
        "state": deployment.health(now),
        "agentVersion": if running { "4.8.0" } else { "" },
        "lastHeartBeatTimestamp": ids::rfc3339(now),
        "conditions": [],
    });
    status["kubeMeta"] = json!({
        "hasKubeConfig": running, "hasKubeConfigClient": running, "hasManifest": running,
        "kubernetesVersion": k8s_version(&record),
    });
    status["notifications"] =
        json!({"isAvailable": false, "isTemplateVariableResolutionPending": false});
    let templates: Vec<Value> = wire::array_at(&record.doc, "/spec/clusterProfileTemplates")
        .iter()
        .map(template_meta)
        .collect();
    let account = config
        .as_ref()
        .and_then(|c| c.doc.pointer("/spec/cloudAccountRef").cloned())
        .filter(|a| a.is_object());
    let body = json!({
        "metadata": public(record.doc.clone())["metadata"].clone(),
        "spec": {
            "cloudConfig": {
                "cloudType": env_of(&record).key,
                "uid": record.doc.pointer("/spec/cloudConfigRef/uid"),
                "machinePools": pool_meta(config.as_ref(), &deployment, now, env_of(&record).key),
            },
            "cloudaccount": account.map(|a| json!({"name": a["name"], "uid": a["uid"]})),
            "clusterProfileTemplates": templates,
        },
        "status": status,
    });
    wire::ok::<m::SpectroClusterUidSummary>(body)
}

async fn validate_name(State(state): State<AppState>, ctx: Ctx, q: Query) -> ApiResult<Response> {
    let name = q
        .get("name")
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad_request("InvalidParameter", "name is required"))?;
    let owner = ctx.owner();
    if live_cluster_named(&state, &owner, name)? {
        return Err(ApiError::conflict(
            "ClusterAlreadyExists",
            format!("a cluster named '{name}' already exists"),
        ));
    }
    Ok(wire::no_content())
}

// NOTE(next): the real API accepts `forceDelete=true` only after a while in `Deleting`
// (15 minutes per the docs); the emulator accepts it at any time.
async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    q: Query,
) -> ApiResult<Response> {
    let force = flag(&q, "forceDelete", false)?;
    let _guard = state.write_guard();
    let (record, mut deployment) = find_cluster(&state, &ctx, &uid)?;
    deployment.delete(ids::now_ms(), state.settings().time_scale, force);
    state
        .store()
        .apply(vec![deployment_op(&uid, &record.project, &deployment)?])?;
    Ok(wire::no_content())
}

// ----- Search -----

fn string_condition(cond: &Value, actual: &[String]) -> bool {
    let fold = cond["ignoreCase"].as_bool().unwrap_or(false);
    let norm = |s: &str| if fold { s.to_lowercase() } else { s.to_owned() };
    let op = cond["operator"].as_str().unwrap_or("eq");
    let values: Vec<String> = cond
        .pointer("/match/values")
        .and_then(Value::as_array)
        .map(|v| v.iter().filter_map(Value::as_str).map(norm).collect())
        .unwrap_or_default();
    let all = cond.pointer("/match/conjunction").and_then(Value::as_str) == Some("and");
    let test = |want: &String| {
        actual.iter().map(|a| norm(a)).any(|a| match op {
            "contains" => a.contains(want.as_str()),
            "beginsWith" => a.starts_with(want.as_str()),
            _ => &a == want,
        })
    };
    let hit = if values.is_empty() {
        true
    } else if all {
        values.iter().all(test)
    } else {
        values.iter().any(test)
    };
    hit != cond["negation"].as_bool().unwrap_or(false)
}

// NOTE(next): search understands clusterName, environment/cloudType, tag, state and
// isDeleted; other properties match everything.
fn cluster_matches(item: &Value, record: &Record, deleted: bool, now_state: &str) -> (bool, bool) {
    let property = item["property"].as_str().unwrap_or("");
    let cond = &item["condition"];
    let labels: Vec<String> = record.doc["metadata"]["labels"]
        .as_object()
        .map(|l| {
            l.iter()
                .map(|(k, v)| match v.as_str() {
                    Some("spectro__tag") | Some("") | None => k.clone(),
                    Some(v) => format!("{k}:{v}"),
                })
                .collect()
        })
        .unwrap_or_default();
    let strings = |values: Vec<String>| {
        cond.get("string")
            .is_none_or(|c| string_condition(c, &values))
    };
    let mut mentions_deleted = false;
    let ok = match property {
        "clusterName" | "name" => strings(vec![record.name.clone()]),
        "environment" | "cloudType" => strings(vec![env_of(record).key.to_owned()]),
        "tag" | "tags" => strings(labels),
        "clusterState" | "state" => strings(vec![now_state.to_owned()]),
        "isDeleted" => {
            mentions_deleted = true;
            cond.pointer("/bool/value")
                .and_then(Value::as_bool)
                .is_none_or(|want| want == deleted)
        }
        _ => true,
    };
    (ok, mentions_deleted)
}

async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
    body: Bytes,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let spec = wire::parse_optional::<m::SearchFilterSummarySpec>(&body)?;
    let now = ids::now_ms();
    let projects: HashMap<String, String> = state
        .store()
        .list(Kind::Project)?
        .into_iter()
        .map(|p| (p.uid, p.name))
        .collect();
    let mut rows = Vec::new();
    for record in visible(&state, &ctx, Kind::Cluster)? {
        let deployment = deployment_of(&state, &record.uid)?;
        let now_state = deployment.state(now);
        let deleted = now_state == "Deleted";
        let mut mentions_deleted = false;
        let mut group_results = Vec::new();
        for group in wire::array_at(&spec, "/filter/filterGroups") {
            let any = group["conjunction"] == "or";
            let mut results = Vec::new();
            for item in wire::array_at(group, "/filters") {
                let (ok, md) = cluster_matches(item, &record, deleted, now_state);
                mentions_deleted |= md;
                results.push(ok);
            }
            group_results.push(if results.is_empty() {
                true
            } else if any {
                results.iter().any(|r| *r)
            } else {
                results.iter().all(|r| *r)
            });
        }
        let any_group = spec.pointer("/filter/conjunction").and_then(Value::as_str) == Some("or");
        let ok = if group_results.is_empty() {
            true
        } else if any_group {
            group_results.iter().any(|r| *r)
        } else {
            group_results.iter().all(|r| *r)
        };
        if ok && (mentions_deleted || !deleted) {
            rows.push((record, deployment));
        }
    }
    let sort = wire::array_at(&spec, "/sort").first().cloned();
    let field = sort
        .as_ref()
        .and_then(|s| s["field"].as_str())
        .unwrap_or("clusterName")
        .to_owned();
    rows.sort_by(|(a, _), (b, _)| match field.as_str() {
        "creationTimestamp" | "lastModifiedTimestamp" => a.doc["metadata"][field.as_str()]
            .as_str()
            .cmp(&b.doc["metadata"][field.as_str()].as_str()),
        "environment" | "cloudType" => env_of(a).key.cmp(env_of(b).key),
        _ => a.name.cmp(&b.name),
    });
    if sort.as_ref().is_some_and(|s| s["order"] == "desc") {
        rows.reverse();
    }
    let mut items = Vec::new();
    for (record, deployment) in &rows {
        let config = config_of(&state, record)?;
        let account = config
            .as_ref()
            .and_then(|c| c.doc.pointer("/spec/cloudAccountRef").cloned())
            .filter(|a| a.is_object());
        items.push(json!({
            "metadata": public(record.doc.clone())["metadata"].clone(),
            "specSummary": {
                "cloudConfig": {
                    "cloudType": env_of(record).key,
                    "uid": record.doc.pointer("/spec/cloudConfigRef/uid"),
                    "machinePools": pool_meta(config.as_ref(), deployment, now, env_of(record).key),
                },
                "cloudAccountMeta": account.map(|a| json!({"name": a["name"], "uid": a["uid"]})),
                "projectMeta": {"uid": record.project, "name": projects.get(&record.project).cloned().unwrap_or_default()},
                "clusterProfileTemplates": wire::array_at(&record.doc, "/spec/clusterProfileTemplates").iter().map(template_meta).collect::<Vec<_>>(),
            },
            "status": {
                "state": deployment.state(now),
                "health": {"state": deployment.health(now)},
            },
        }));
    }
    wire::ok::<m::SpectroClustersSummary>(page.apply(items))
}

// ----- Day-2 profiles -----

async fn get_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let profiles: Vec<Value> = wire::array_at(&record.doc, "/spec/clusterProfileTemplates")
        .iter()
        .map(|t| {
            let packs: Vec<Value> = wire::array_at(t, "/packs")
                .iter()
                .map(|p| json!({
                    "metadata": {"name": p["name"], "uid": p["packUid"]},
                    "spec": {
                        "name": p["name"], "version": p["tag"], "layer": p["layer"], "type": p["type"],
                        "values": p["values"], "registryUid": p["registryUid"], "digest": p["digest"],
                        "manifests": p["manifests"].as_array().map(|ms| ms.iter().map(|m| json!({"kind": "Manifest", "name": m["name"], "uid": m["uid"]})).collect::<Vec<_>>()),
                    },
                    "status": {},
                }))
                .collect();
            json!({
                "metadata": {"name": t["name"], "uid": t["uid"]},
                "spec": {"cloudType": t["cloudType"], "type": t["type"], "version": t["version"], "packs": packs},
            })
        })
        .collect();
    wire::ok::<m::SpectroClusterProfileList>(json!({"profiles": profiles}))
}

fn change_profiles(
    state: &AppState,
    ctx: &Ctx,
    uid: &str,
    edit: impl FnOnce(&mut Vec<Value>) -> ApiResult<()>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (mut record, mut deployment) = find_cluster(state, ctx, uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    let env = env_of(&record);
    let mut list = entries(&record);
    edit(&mut list)?;
    let list = normalize_entries(&list);
    let templates = attach(state, ctx, env, &list)?;
    record.doc["spec"]["clusterProfileTemplates"] = json!(templates);
    record.doc["_emu"]["profiles"] = json!(list);
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    let pools = config_of(state, &record)?
        .map(|c| wire::array_at(&c.doc, "/spec/machinePoolConfig").to_vec())
        .unwrap_or_default();
    let op = redeploy(state, &record, &pools, &mut deployment, true)?;
    state.store().apply(vec![Op::Put(record), op])?;
    Ok(wire::no_content())
}

async fn put_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input = wire::parse::<m::SpectroClusterProfiles>(&body)?;
    let new: Vec<Value> = wire::array_at(&input, "/profiles").to_vec();
    change_profiles(&state, &ctx, &uid, |list| {
        *list = new;
        Ok(())
    })
}

async fn patch_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input = wire::parse::<m::SpectroClusterProfiles>(&body)?;
    let patch: Vec<Value> = wire::array_at(&input, "/profiles").to_vec();
    change_profiles(&state, &ctx, &uid, |list| {
        for entry in patch {
            let replaces = wire::str_at(&entry, "/replaceWithProfile").map(str::to_owned);
            let target = replaces
                .clone()
                .or_else(|| wire::str_at(&entry, "/uid").map(str::to_owned));
            match list
                .iter_mut()
                .find(|e| e["uid"].as_str() == target.as_deref())
            {
                Some(slot) => *slot = entry,
                None if replaces.is_some() => {
                    return Err(ApiError::bad_request(
                        "InvalidRequest",
                        format!(
                            "replaceWithProfile '{}' is not attached to the cluster",
                            replaces.unwrap_or_default()
                        ),
                    ));
                }
                None => list.push(entry),
            }
        }
        Ok(())
    })
}

async fn delete_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input = wire::parse::<m::SpectroClusterProfilesDeleteEntity>(&body)?;
    let remove: Vec<String> = wire::array_at(&input, "/profileUids")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    change_profiles(&state, &ctx, &uid, |list| {
        for r in &remove {
            if !list.iter().any(|e| e["uid"] == r.as_str()) {
                return Err(ApiError::not_found("cluster profile on this cluster", r));
            }
        }
        list.retain(|e| !remove.iter().any(|r| e["uid"] == r.as_str()));
        Ok(())
    })
}

async fn get_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let mut out = Vec::new();
    for entry in entries(&record) {
        let profile_uid = entry["uid"].as_str().unwrap_or("");
        let defs = match state.store().get(Kind::Profile, profile_uid)? {
            Some(p) => super::cluster_profiles::variables_of(&p),
            None => Vec::new(),
        };
        let vars: Vec<Value> = defs
            .into_iter()
            .map(|mut d| {
                let given = wire::array_at(&entry, "/variables")
                    .iter()
                    .find(|v| v["name"] == d["name"])
                    .and_then(|v| v["value"].as_str().map(str::to_owned));
                d["value"] = json!(
                    given
                        .or_else(|| d["defaultValue"].as_str().map(str::to_owned))
                        .unwrap_or_default()
                );
                d
            })
            .collect();
        out.push(json!({"profileUid": profile_uid, "variables": vars}));
    }
    wire::ok::<Vec<m::SpectroClusterVariables>>(json!(out))
}

async fn patch_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input = wire::parse::<Vec<m::SpectroClusterVariableUpdateEntity>>(&body)?;
    let updates: Vec<Value> = input.as_array().cloned().unwrap_or_default();
    change_profiles(&state, &ctx, &uid, |list| {
        for update in updates {
            let profile = wire::required(&update, "/profileUid")?.to_owned();
            let entry = list
                .iter_mut()
                .find(|e| e["uid"] == profile.as_str())
                .ok_or_else(|| ApiError::not_found("cluster profile on this cluster", &profile))?;
            let mut vars = entry
                .get("variables")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for var in wire::array_at(&update, "/variables") {
                match vars.iter_mut().find(|v| v["name"] == var["name"]) {
                    Some(slot) => *slot = var.clone(),
                    None => vars.push(var.clone()),
                }
            }
            entry["variables"] = json!(vars);
        }
        Ok(())
    })
}

async fn patch_metadata(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input = wire::parse::<m::ObjectMetaInputEntitySchema>(&body)?;
    let _guard = state.write_guard();
    let (mut record, _) = find_cluster(&state, &ctx, &uid)?;
    patch_metadata_fixed_name(&mut record, input.get("metadata"), "a cluster")?;
    state.store().put(record)?;
    Ok(wire::no_content())
}

// ----- Kubeconfig assets -----

#[derive(Clone, Copy)]
enum Asset {
    Frp,
    Client,
    Admin,
}

async fn asset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    which: Asset,
) -> ApiResult<Response> {
    let (record, deployment) = find_cluster(&state, &ctx, &uid)?;
    if deployment.state(ids::now_ms()) != "Running" {
        return Err(ApiError::not_found("kubeconfig of cluster", &uid)
            .with_details(json!({"reason": "the cluster is not running yet"})));
    }
    let endpoint = api_endpoint(&record);
    let name = &record.name;
    let ca = base64_encode(&format!(
        "-----BEGIN CERTIFICATE-----\nemulator-ca-{}\n-----END CERTIFICATE-----\n",
        record.uid
    ));
    let user = match which {
        Asset::Admin => format!(
            "    client-certificate-data: {}\n    client-key-data: {}\n",
            base64_encode(&format!("emulator-admin-cert-{}", record.uid)),
            base64_encode(&format!(
                "emulator-admin-key-{}",
                ids::stable_uid(&record.uid)
            ))
        ),
        Asset::Client | Asset::Frp => format!(
            "    token: emu.{}.{}\n",
            ids::stable_uid(&format!("token/{}", record.uid)),
            ids::stable_uid(&format!("sig/{}", record.uid))
        ),
    };
    let user_name = match which {
        Asset::Admin => format!("{name}-admin"),
        _ => format!("{name}-user"),
    };
    let yaml = format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: {ca}\n    server: https://{}:{}\n  name: {name}\ncontexts:\n- context:\n    cluster: {name}\n    user: {user_name}\n  name: {user_name}@{name}\ncurrent-context: {user_name}@{name}\npreferences: {{}}\nusers:\n- name: {user_name}\n  user:\n{user}",
        endpoint["host"].as_str().unwrap_or(""),
        endpoint["port"]
    );
    let mut response = (StatusCode::OK, yaml).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename={name}.kubeconfig")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

fn base64_encode(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

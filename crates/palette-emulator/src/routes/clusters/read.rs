//! Reading a cluster: the cluster with its live status, its status alone, and the dashboard
//! overview, with the pool and template summaries the search reuses.

use axum::extract::{Path, State};
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Value, json};

use super::records::{config_of, entries, env_of, find_cluster};
use super::templates::{resolve_variables, variables_for};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::Deployment;
use crate::routes::common::{Query, flag, public};
use crate::state::AppState;
use crate::store::Record;
use crate::{ids, wire};

/// The cluster's API endpoint (host and port), as its kubeconfig and status name it.
pub(super) fn api_endpoint(record: &Record) -> Value {
    json!({"host": format!("{}-{}.clusters.emulator.spectrocloud.dev", record.name, &record.uid[..6]), "port": 6443})
}

// Limitation: a newer published revision of an attached profile is not yet reported
// (`UpgradeAvailable` pack conditions, `GET .../profileUpdates`); the cluster keeps its snapshot
// until a profiles PUT or PATCH re-attaches it, as on the real server.
/// `status.spcApply`: the apply state of the last profile change.
pub(super) fn spc_apply(record: &Record, deployment: &Deployment, now: i64) -> Value {
    json!({
        "canBeApplied": deployment.can_be_applied(now),
        "actionType": deployment.rollout.action_type.as_deref().unwrap_or("DownloadAndInstall"),
        "lastModifiedTime": ids::rfc3339(deployment.spc_modified_at),
        "spcHash": ids::stable_uid(&format!("{}/{}", record.uid, deployment.generation)),
    })
}

fn live_status(record: &Record, deployment: &Deployment, now: i64) -> Value {
    let state = deployment.state(now);
    let mut status = json!({
        "state": state,
        "conditions": deployment.conditions(now),
        "packs": deployment.pack_statuses(now),
        "spcApply": spc_apply(record, deployment, now),
        "apiEndpoints": if state == "Running" { json!([api_endpoint(record)]) } else { json!([]) },
        "services": [],
        "addOnServices": [],
        "upgrades": [],
        "profileStatus": {"hasUserMacros": false},
    });
    let location = &record.doc["spec"]["clusterConfig"]["location"];
    if location.is_object() {
        status["location"] = location.clone();
    }
    if let Some(repave) = &deployment.rollout.repave {
        status["repave"] = json!({"state": repave.state});
    }
    status
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

pub(super) async fn read(
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

pub(super) async fn status(
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

/// The summary of a snapshot template that the overview and the search show.
pub(super) fn template_meta(t: &Value) -> Value {
    json!({
        "uid": t["uid"], "name": t["name"], "type": t["type"], "cloudType": t["cloudType"],
        "version": t["version"], "packs": t["packs"],
    })
}

/// The summary of each machine pool (size, healthy nodes) that the overview and the search
/// show.
pub(super) fn pool_meta(
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
            let running = || {
                deployment
                    .pools
                    .iter()
                    .filter(|pp| pp.name == name)
                    .flat_map(|pp| pp.nodes.iter())
                    .filter(|n| n.state(now) == "Running")
            };
            let healthy = running().count();
            let cordoned = running()
                .filter(|n| n.maintenance.as_deref() == Some("cordon"))
                .count();
            json!({
                "cloudType": cloud, "size": p["size"], "healthy": healthy,
                "isControlPlane": p["isControlPlane"], "labels": p["labels"], "maintenanceMode": cordoned,
            })
        })
        .collect()
}

pub(super) async fn overview(
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

/// `GET /v1/spectroclusters/{uid}/pack/manifests/{manifestUid}`: one manifest of the cluster's
/// profiles as the cluster deploys it (a per-cluster override included), as `v1Manifest`.
pub(super) async fn manifest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((uid, manifest_uid)): Path<(String, String)>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let found = wire::array_at(&record.doc, "/spec/clusterProfileTemplates")
        .iter()
        .flat_map(|t| wire::array_at(t, "/packs").to_vec())
        .flat_map(|p| wire::array_at(&p, "/manifests").to_vec())
        .find(|m| m["uid"] == manifest_uid.as_str())
        .ok_or_else(|| ApiError::not_found("manifest", &manifest_uid))?;
    let content = found["content"].as_str().unwrap_or("");
    wire::ok::<m::Manifest>(json!({
        "metadata": {"name": found["name"], "uid": found["uid"]},
        "spec": {"published": {"content": content, "digest": ids::stable_uid(content)}},
    }))
}

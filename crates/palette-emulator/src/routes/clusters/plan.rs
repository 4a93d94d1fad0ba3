//! The deployment plan a cluster asks for: its desired pools and packs (templates with variables
//! resolved), planned when the cluster is created and replanned when its pools or profiles
//! change.

use palette_api::models as m;
use serde_json::Value;

use super::inventory;
use super::records::{deployment_op, entries};
use super::templates::{resolve_variables, variables_for};
use crate::error::ApiResult;
use crate::lifecycle::{Change, Deployment, DesiredPack, DesiredPool, layer_rank};
use crate::state::AppState;
use crate::store::{Op, Record};
use crate::{ids, wire};

/// The keys of a stored pool that do not shape its nodes: a change to any other key (instance
/// type, disk, placement, ...) replaces the pool's nodes.
const NOT_SHAPE: &[&str] = &[
    "name",
    "size",
    "minSize",
    "maxSize",
    "labels",
    "additionalLabels",
    "additionalAnnotations",
    "additionalTags",
    "taints",
    "updateStrategy",
    "nodeRepaveInterval",
    "skipK8sUpgrade",
    "isControlPlane",
    "useControlPlaneAsWorker",
    "hosts",
    "values",
];

/// The pools `cluster` asks for, each with the reason its machines cannot be made, if the cloud
/// cannot make them.
fn desired_pools(
    state: &AppState,
    cluster: &Record,
    pools: &[Value],
) -> ApiResult<Vec<DesiredPool>> {
    pools
        .iter()
        .map(|p| {
            Ok(DesiredPool {
                name: p["name"].as_str().unwrap_or("").to_owned(),
                control_plane: p["isControlPlane"].as_bool().unwrap_or(false),
                size: p["size"].as_i64().unwrap_or(0).max(0) as u32,
                shape: Value::Object(
                    p.as_object()
                        .into_iter()
                        .flatten()
                        .filter(|(k, _)| !NOT_SHAPE.contains(&k.as_str()))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                ),
                failure: inventory::nutanix_failure(state, cluster, p)?,
            })
        })
        .collect()
}

fn desired_packs(
    state: &AppState,
    templates: &[Value],
    entries: &[m::SpectroClusterProfileEntity],
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

/// Plans a new cluster's first deployment: its pools, and the packs of the templates on its
/// record.
pub(super) fn deploy(state: &AppState, cluster: &Record, pools: &[Value]) -> ApiResult<Deployment> {
    let packs = packs_of(state, cluster)?;
    let faults = state.faults();
    count_fault(state, faults.fail_pack.as_deref(), &packs);
    Ok(Deployment::create(
        &cluster.uid,
        ids::now_ms(),
        state.settings().time_scale,
        &desired_pools(state, cluster, pools)?,
        &packs,
        faults.fail_pack.as_deref(),
    ))
}

/// Replans a cluster after its pools or profiles changed, and returns the write. `change` says
/// what the write changed; the emulator's settings and faults fill in the rest.
pub fn redeploy(
    state: &AppState,
    cluster: &Record,
    pools: &[Value],
    deployment: &mut Deployment,
    change: Change,
) -> ApiResult<Op> {
    let packs = packs_of(state, cluster)?;
    let faults = state.faults();
    let change = Change {
        approval_required: state.settings().repave_approval,
        extra_download_ms: faults.apply_delay_ms as i64,
        ..change
    };
    deployment.replan(
        &cluster.uid,
        ids::now_ms(),
        state.settings().time_scale,
        &desired_pools(state, cluster, pools)?,
        &packs,
        faults.fail_pack.as_deref(),
        &change,
    );
    count_fault(state, faults.fail_pack.as_deref(), &packs);
    deployment_op(&cluster.uid, &cluster.project, deployment)
}

/// The packs of the templates on a cluster's record, with the cluster's variables.
fn packs_of(state: &AppState, cluster: &Record) -> ApiResult<Vec<DesiredPack>> {
    let templates: Vec<Value> =
        wire::array_at(&cluster.doc, "/spec/clusterProfileTemplates").to_vec();
    desired_packs(state, &templates, &entries(cluster))
}

/// Counts an injected fault when the pack set to fail is among the packs being deployed.
fn count_fault(state: &AppState, fail_pack: Option<&str>, packs: &[DesiredPack]) {
    if fail_pack.is_some_and(|f| packs.iter().any(|p| p.name == f)) {
        state
            .stats()
            .faults_injected_total
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

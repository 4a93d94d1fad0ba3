//! Finding a cluster in the store: its environment, attached profile entries, cloud config and
//! deployment plan, the live clusters (those whose deletion has not completed), and what they
//! hold (profiles, cloud accounts, backup locations, edge hosts).

use std::collections::HashMap;

use palette_api::models as m;
use serde_json::Value;

use crate::context::Ctx;
use crate::environments::{self, Environment};
use crate::error::{ApiError, ApiResult};
use crate::index::{ClusterRef, MissingPlan};
use crate::lifecycle::Deployment;
use crate::routes::common::find;
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

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
    entries(record).into_iter().filter_map(|e| e.uid).collect()
}

/// The profile entries attached to a cluster, as the client gave them (uid, pack values,
/// variables). The emulator stores them from the model, so each reads back as one.
pub(super) fn entries(record: &Record) -> Vec<m::SpectroClusterProfileEntity> {
    record
        .doc
        .pointer("/_emu/profiles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| serde_json::from_value(entry.clone()).ok())
        .collect()
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

/// The write that stores a cluster's deployment plan.
pub fn deployment_op(uid: &str, project: &str, deployment: &Deployment) -> ApiResult<Op> {
    Ok(Op::Put(Record {
        kind: Kind::Deployment,
        uid: uid.to_owned(),
        project: project.to_owned(),
        name: uid.to_owned(),
        doc: serde_json::to_value(deployment)?,
    }))
}

/// Every cluster not yet deleted, with its plan.
pub(super) fn live_clusters(state: &AppState) -> ApiResult<Vec<(Record, Deployment)>> {
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

/// The uid of the cluster template the cluster was launched from, if any.
pub fn template_of(record: &Record) -> Option<&str> {
    record
        .doc
        .pointer("/spec/clusterTemplate/uid")
        .and_then(Value::as_str)
}

/// The live clusters launched from the cluster template `uid`: their uids and names.
pub fn live_clusters_from_template(
    state: &AppState,
    uid: &str,
) -> ApiResult<Vec<(String, String)>> {
    Ok(live_clusters(state)?
        .into_iter()
        .filter(|(r, _)| template_of(r) == Some(uid))
        .map(|(r, _)| (r.uid, r.name))
        .collect())
}

/// Live clusters using the profile `uid`, from the index (no plan is read).
pub fn live_clusters_using(state: &AppState, uid: &str) -> ApiResult<Vec<ClusterRef>> {
    state
        .index()
        .clusters_using(uid, ids::now_ms())
        .map_err(no_plan)
}

/// Whether a live cluster called `name` exists in `project`, from the index.
pub(super) fn live_cluster_named(state: &AppState, project: &str, name: &str) -> ApiResult<bool> {
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

/// Names of live clusters whose backup policy sends backups to the location `uid`: any
/// `backupLocationUid` in the cluster's document (the spec's name in `v1ClusterBackupConfig`,
/// wherever the cluster keeps its policy).
pub fn clusters_using_location(state: &AppState, uid: &str) -> ApiResult<Vec<String>> {
    Ok(live_clusters(state)?
        .into_iter()
        .filter(|(r, _)| names_location(&r.doc, uid))
        .map(|(r, _)| r.name)
        .collect())
}

/// Whether `doc` holds `"backupLocationUid": uid` at any depth.
fn names_location(doc: &Value, uid: &str) -> bool {
    match doc {
        Value::Object(map) => map.iter().any(|(key, value)| {
            (key == "backupLocationUid" && value.as_str() == Some(uid))
                || names_location(value, uid)
        }),
        Value::Array(items) => items.iter().any(|v| names_location(v, uid)),
        _ => false,
    }
}

/// Uids of the edge hosts live clusters hold, with the holding cluster's name and uid.
pub fn edge_hosts_in_use(state: &AppState) -> ApiResult<HashMap<String, (String, String)>> {
    let mut out = HashMap::new();
    for (record, _) in live_clusters(state)? {
        if !env_of(&record).edge_hosts {
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
pub(super) fn config_of(state: &AppState, cluster: &Record) -> ApiResult<Option<Record>> {
    match cluster
        .doc
        .pointer("/spec/cloudConfigRef/uid")
        .and_then(Value::as_str)
    {
        Some(uid) => Ok(state.store().get(Kind::CloudConfig, uid)?),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_backup_policy_anywhere_in_a_cluster_names_its_location() {
        let uid = "5f0e7b2c9d1a4b3c8e7f6a5b";
        let cluster = json!({"spec": {"policies": {"backupPolicy": {"backupLocationUid": uid}}}});
        assert!(names_location(&cluster, uid));
        let listed = json!({"_emu": {"features": [{"backup": {"backupLocationUid": uid}}]}});
        assert!(names_location(&listed, uid));
        assert!(!names_location(&cluster, "another"));
        assert!(!names_location(&json!({"uid": uid}), uid));
    }
}

//! Day-2 changes to a cluster: its attached profiles (`GET`, `PUT`, `PATCH`, `DELETE`
//! `.../profiles`), their variables, and its metadata. A profile or variable change re-resolves
//! the templates and replans the deployment.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Value, json};

use super::delete::refuse_if_deleting;
use super::plan::redeploy;
use super::records::{config_of, entries, env_of, find_cluster, template_of};
use super::templates::{attach, normalize_entries};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::Change;
use crate::routes::cluster_profiles;
use crate::routes::common::patch_metadata_fixed_name;
use crate::state::AppState;
use crate::store::{Kind, Op};
use crate::{ids, wire};

pub(super) async fn get_profiles(
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

/// Whether a profiles write asks to install later (`DownloadAndInstallLater`).
fn install_later(settings: Option<&m::SpcApplySettings>) -> bool {
    settings.and_then(|s| s.action_type.as_deref()) == Some("DownloadAndInstallLater")
}

/// Changes a cluster's profiles through the cluster's own endpoints: refused on a cluster
/// launched from a cluster template, whose profiles come from the template.
fn change_profiles(
    state: &AppState,
    ctx: &Ctx,
    uid: &str,
    install_later: bool,
    edit: impl FnOnce(&mut Vec<m::SpectroClusterProfileEntity>) -> ApiResult<()>,
) -> ApiResult<Response> {
    edit_profiles(state, ctx, uid, install_later, false, edit)
}

fn edit_profiles(
    state: &AppState,
    ctx: &Ctx,
    uid: &str,
    install_later: bool,
    through_template: bool,
    edit: impl FnOnce(&mut Vec<m::SpectroClusterProfileEntity>) -> ApiResult<()>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (mut record, mut deployment) = find_cluster(state, ctx, uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    match (template_of(&record), through_template) {
        (Some(template), false) => {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "cluster '{}' is launched from cluster template '{template}': its profiles \
                     change through the template, and its variables through \
                     PATCH /v1/clusterTemplates/spectroclusters/{uid}/variables",
                    record.name
                ),
            ));
        }
        (None, true) => {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "cluster '{}' is not launched from a cluster template; set its variables \
                     through PATCH /v1/spectroclusters/{uid}/variables",
                    record.name
                ),
            ));
        }
        _ => {}
    }
    let env = env_of(&record);
    let mut list = entries(&record);
    edit(&mut list)?;
    let list = normalize_entries(list);
    let templates = attach(state, ctx, env, &list)?;
    record.doc["spec"]["clusterProfileTemplates"] = json!(templates);
    record.doc["_emu"]["profiles"] = json!(list);
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    let pools = config_of(state, &record)?
        .map(|c| wire::array_at(&c.doc, "/spec/machinePoolConfig").to_vec())
        .unwrap_or_default();
    let change = Change {
        profiles_changed: true,
        install_later,
        ..Change::default()
    };
    let op = redeploy(state, &record, &pools, &mut deployment, change)?;
    state.store().apply(vec![Op::Put(record), op])?;
    Ok(wire::no_content())
}

pub(super) async fn put_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::SpectroClusterProfiles = wire::body(&body)?;
    let later = install_later(input.spc_apply_settings.as_ref());
    change_profiles(&state, &ctx, &uid, later, |list| {
        *list = input.profiles;
        Ok(())
    })
}

pub(super) async fn patch_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::SpectroClusterProfiles = wire::body(&body)?;
    let later = install_later(input.spc_apply_settings.as_ref());
    change_profiles(&state, &ctx, &uid, later, |list| {
        for entry in input.profiles {
            let replaces = wire::given(entry.replace_with_profile.as_deref()).map(str::to_owned);
            let target = replaces
                .clone()
                .or_else(|| wire::given(entry.uid.as_deref()).map(str::to_owned));
            match list
                .iter_mut()
                .find(|e| e.uid.as_deref() == target.as_deref())
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

pub(super) async fn delete_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::SpectroClusterProfilesDeleteEntity = wire::body(&body)?;
    let remove = input.profile_uids.unwrap_or_default();
    change_profiles(&state, &ctx, &uid, false, |list| {
        for r in &remove {
            if !list.iter().any(|e| e.uid.as_ref() == Some(r)) {
                return Err(ApiError::not_found("cluster profile on this cluster", r));
            }
        }
        list.retain(|e| !e.uid.as_ref().is_some_and(|u| remove.contains(u)));
        Ok(())
    })
}

pub(super) async fn get_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let mut out = Vec::new();
    for entry in entries(&record) {
        let profile_uid = entry.uid.as_deref().unwrap_or("");
        let defs = match state.store().get(Kind::Profile, profile_uid)? {
            Some(p) => cluster_profiles::variables_of(&p),
            None => Vec::new(),
        };
        let vars: Vec<Value> = defs
            .into_iter()
            .map(|mut d| {
                let given = entry
                    .variables
                    .iter()
                    .flatten()
                    .find(|v| d["name"] == v.name.as_str())
                    .and_then(|v| v.value.clone());
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

pub(super) async fn patch_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let updates: Vec<m::SpectroClusterVariableUpdateEntity> = wire::body(&body)?;
    change_profiles(&state, &ctx, &uid, false, |list| {
        for update in updates {
            // `profileUid` is one the spec requires, so the spec gate has refused an update
            // without one.
            let profile = update.profile_uid;
            let entry = list
                .iter_mut()
                .find(|e| e.uid.as_deref() == Some(profile.as_str()))
                .ok_or_else(|| ApiError::not_found("cluster profile on this cluster", &profile))?;
            let vars = entry.variables.get_or_insert_default();
            for var in update.variables.into_iter().flatten() {
                match vars.iter_mut().find(|v| v.name == var.name) {
                    Some(slot) => *slot = var,
                    None => vars.push(var),
                }
            }
        }
        Ok(())
    })
}

/// `PATCH /v1/clusterTemplates/spectroclusters/{uid}/variables`: the variable values of a
/// cluster launched from a template, per profile of the template.
pub(super) async fn patch_template_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterTemplateVariablesUpdateEntity = wire::body(&body)?;
    edit_profiles(&state, &ctx, &uid, false, true, |list| {
        for (i, update) in input.profiles.into_iter().enumerate() {
            let profile = wire::require(update.uid.as_deref(), &format!("profiles[{i}].uid"))?;
            let entry = list
                .iter_mut()
                .find(|e| e.uid.as_deref() == Some(profile))
                .ok_or_else(|| ApiError::not_found("cluster profile on this cluster", profile))?;
            let vars = entry.variables.get_or_insert_default();
            for var in update.variables.into_iter().flatten() {
                match vars.iter_mut().find(|v| v.name == var.name) {
                    Some(slot) => *slot = var,
                    None => vars.push(var),
                }
            }
        }
        Ok(())
    })
}

pub(super) async fn patch_metadata(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ObjectMetaInputEntitySchema = wire::body(&body)?;
    let _guard = state.write_guard();
    let (mut record, _) = find_cluster(&state, &ctx, &uid)?;
    patch_metadata_fixed_name(&mut record, &input.metadata, "a cluster")?;
    state.store().put(record)?;
    Ok(wire::no_content())
}

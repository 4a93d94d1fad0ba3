//! Cluster templates: `POST /v1/clusterTemplates`, `GET`/`DELETE /v1/clusterTemplates/{uid}`,
//! `PATCH .../metadata`, `PUT .../profiles`, `PATCH .../policies`, and the variables of a
//! cluster launched from a template (`PATCH /v1/clusterTemplates/spectroclusters/{uid}/variables`,
//! served by the cluster routes).
//!
//! A template names a cloud type and its profiles, with the values it gives their variables.
//! Checked as Palette checks them: a name unique in the scope (409), a known cloud type, at
//! least one profile, each a published profile of the template's cloud type (or `all`), none
//! twice, exactly one infrastructure or full profile, variables the profile declares, and
//! `assignStrategy` `all` with a `value`. The emulator has no template policies (maintenance
//! policies), so a policy reference is refused as unknown. A template that live clusters were
//! launched from is not deleted (409 `ClusterTemplateInUse`, naming them): Palette offers no way
//! to detach a cluster from its template. `spec.clusters` lists the live clusters launched from
//! the template.
//!
//! Limitation: a change of a template's profiles is stored, but the clusters launched from it
//! keep their stack; Palette rolls it out in the template's maintenance window, which the
//! emulator does not simulate (it has no maintenance policies).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, patch, post, put};
use palette_api::models as m;
use serde_json::{Map, Value, json};

use super::cluster_profiles;
use super::clusters::live_clusters_from_template;
use super::common::{find, new_metadata, public, update_metadata};
use crate::context::Ctx;
use crate::environments;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// What a 404 names.
const LABEL: &str = "cluster template";

/// The cluster template routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/clusterTemplates", post(create))
        .route("/v1/clusterTemplates/{uid}", get(read).delete(delete))
        .route("/v1/clusterTemplates/{uid}/metadata", patch(patch_metadata))
        .route("/v1/clusterTemplates/{uid}/profiles", put(put_profiles))
        .route("/v1/clusterTemplates/{uid}/policies", patch(patch_policies))
}

/// 409 when another template of `owner` (not `except`) is named `name`.
fn refuse_taken(state: &AppState, owner: &str, name: &str, except: Option<&str>) -> ApiResult<()> {
    let taken = state
        .store()
        .list(Kind::ClusterTemplate)?
        .into_iter()
        .any(|r| r.project == owner && r.name == name && Some(r.uid.as_str()) != except);
    if taken {
        return Err(ApiError::conflict(
            "ClusterTemplateAlreadyExists",
            format!("a cluster template named '{name}' already exists"),
        ));
    }
    Ok(())
}

fn invalid(message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", message)
}

/// The cloud type of a create body: required, and one Palette deploys.
fn cloud_type(spec: &m::ClusterTemplateEntitySpec) -> ApiResult<String> {
    let cloud = wire::require(spec.cloud_type.as_deref(), "spec.cloudType")?;
    if environments::by_key(cloud).is_none() {
        return Err(invalid(format!(
            "spec.cloudType '{cloud}' is not a cloud type clusters deploy on"
        )));
    }
    Ok(cloud.to_owned())
}

/// The template's profiles, checked against the stored profiles and the cloud type; `at` is
/// the body's path of the list. Returns them as stored.
pub fn check_profiles(
    state: &AppState,
    ctx: &Ctx,
    cloud: &str,
    profiles: &[m::ClusterTemplateProfile],
    at: &str,
) -> ApiResult<Vec<Value>> {
    if profiles.is_empty() {
        return Err(invalid(format!("{at} needs at least one cluster profile")));
    }
    let mut out = Vec::new();
    let mut infra: Vec<String> = Vec::new();
    for (i, entry) in profiles.iter().enumerate() {
        let here = format!("{at}[{i}]");
        let uid = wire::require(entry.uid.as_deref(), &format!("{here}.uid"))?;
        if profiles[..i].iter().any(|e| e.uid.as_deref() == Some(uid)) {
            return Err(invalid(format!(
                "{here}.uid: cluster profile '{uid}' is in the template twice"
            )));
        }
        let Some(profile) = state
            .store()
            .get(Kind::Profile, uid)?
            .filter(|p| ctx.sees(&p.project))
        else {
            return Err(invalid(format!(
                "{here}.uid: no cluster profile has uid '{uid}'"
            )));
        };
        let Some(published) = cluster_profiles::published(&profile) else {
            return Err(ApiError::bad_request(
                "ClusterProfileNotPublished",
                format!(
                    "{here}.uid: cluster profile '{}' has no published version",
                    profile.name
                ),
            ));
        };
        let profile_cloud = published["cloudType"].as_str().unwrap_or("all");
        if profile_cloud != "all" && profile_cloud != cloud {
            return Err(invalid(format!(
                "{here}.uid: cluster profile '{}' is for cloud type '{profile_cloud}', not the template's '{cloud}'",
                profile.name
            )));
        }
        if matches!(published["type"].as_str(), Some("cluster" | "infra")) {
            infra.push(profile.name.clone());
        }
        let defined = cluster_profiles::variables_of(&profile);
        let mut vars = Vec::new();
        for (j, var) in entry.variables.iter().flatten().enumerate() {
            let at_var = format!("{here}.variables[{j}]");
            let name = wire::require(var.name.as_deref(), &format!("{at_var}.name"))?;
            if !defined.iter().any(|d| d["name"] == name) {
                return Err(invalid(format!(
                    "{at_var}.name: variable '{name}' is not defined by cluster profile '{}'",
                    profile.name
                )));
            }
            if vars.iter().any(|v: &Value| v["name"] == name) {
                return Err(invalid(format!(
                    "{at_var}.name: variable '{name}' is given twice"
                )));
            }
            let strategy = var.assign_strategy.as_deref().unwrap_or("all");
            if strategy == "all" && var.value.is_none() {
                return Err(invalid(format!(
                    "{at_var}.value is required when assignStrategy is 'all'"
                )));
            }
            let mut stored = Map::new();
            stored.insert("name".into(), json!(name));
            stored.insert("assignStrategy".into(), json!(strategy));
            if let Some(value) = &var.value {
                stored.insert("value".into(), json!(value));
            }
            if let Some(clusters) = &var.clusters {
                stored.insert("clusters".into(), serde_json::to_value(clusters)?);
            }
            vars.push(Value::Object(stored));
        }
        out.push(json!({"uid": uid, "variables": vars}));
    }
    if infra.len() != 1 {
        return Err(invalid(format!(
            "{at} must hold exactly one infrastructure or full cluster profile (it holds {})",
            if infra.is_empty() {
                "none".to_owned()
            } else {
                infra.join(", ")
            }
        )));
    }
    Ok(out)
}

/// The names of the cluster templates holding the profile `uid`.
pub fn templates_using(state: &AppState, uid: &str) -> ApiResult<Vec<String>> {
    Ok(state
        .store()
        .list(Kind::ClusterTemplate)?
        .into_iter()
        .filter(|t| {
            wire::array_at(&t.doc, "/spec/profiles")
                .iter()
                .any(|p| p["uid"] == uid)
        })
        .map(|t| t.name)
        .collect())
}

/// Policy references: the emulator has no template policies, so any reference is unknown.
fn check_policies(policies: &[m::PolicyRef], at: &str) -> ApiResult<Vec<Value>> {
    if let Some((i, policy)) = policies.iter().enumerate().next() {
        return Err(invalid(format!(
            "{at}[{i}].uid: no policy has uid '{}'",
            policy.uid.as_deref().unwrap_or("")
        )));
    }
    Ok(Vec::new())
}

async fn create(State(state): State<AppState>, ctx: Ctx, body: Bytes) -> ApiResult<Response> {
    let input: m::ClusterTemplateEntity = wire::body(&body)?;
    let meta = input.metadata.unwrap_or_default();
    let name = wire::require(meta.name.as_deref(), "metadata.name")?.to_owned();
    let spec = input.spec.unwrap_or_default();
    let cloud = cloud_type(&spec)?;
    let profiles = check_profiles(
        &state,
        &ctx,
        &cloud,
        spec.profiles.as_deref().unwrap_or(&[]),
        "spec.profiles",
    )?;
    let policies = check_policies(spec.policies.as_deref().unwrap_or(&[]), "spec.policies")?;
    let _guard = state.write_guard();
    let owner = ctx.owner();
    refuse_taken(&state, &owner, &name, None)?;
    let uid = ids::new_uid();
    let doc = json!({
        "metadata": new_metadata(&ctx, &state, &uid, &meta),
        "spec": {"cloudType": cloud, "profiles": profiles, "policies": policies},
        "status": {"state": "Applied"},
    });
    state.store().put(Record {
        kind: Kind::ClusterTemplate,
        uid: uid.clone(),
        project: owner,
        name,
        doc,
    })?;
    Ok(wire::created(&uid))
}

async fn read(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = find(&state, &ctx, Kind::ClusterTemplate, &uid, LABEL)?;
    let clusters: Map<String, Value> = live_clusters_from_template(&state, &uid)?
        .into_iter()
        .map(|(cluster_uid, name)| {
            let entry = json!({"clusterUid": cluster_uid, "name": name});
            (cluster_uid, entry)
        })
        .collect();
    let mut doc = public(record.doc);
    doc["spec"]["clusters"] = Value::Object(clusters);
    wire::ok::<m::ClusterTemplate>(doc)
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let record = find(&state, &ctx, Kind::ClusterTemplate, &uid, LABEL)?;
    let users = live_clusters_from_template(&state, &uid)?;
    if !users.is_empty() {
        let names: Vec<String> = users.into_iter().map(|(_, name)| name).collect();
        return Err(ApiError::conflict(
            "ClusterTemplateInUse",
            format!(
                "cluster template '{}' is in use by clusters launched from it: {}",
                record.name,
                names.join(", ")
            ),
        ));
    }
    state
        .store()
        .apply(vec![Op::Delete(Kind::ClusterTemplate, uid)])?;
    Ok(wire::no_content())
}

async fn patch_metadata(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ObjectMetaInputEntitySchema = wire::body(&body)?;
    let _guard = state.write_guard();
    let mut record = find(&state, &ctx, Kind::ClusterTemplate, &uid, LABEL)?;
    if let Some(name) = wire::given(input.metadata.name.as_deref()) {
        refuse_taken(&state, &record.project, name, Some(&uid))?;
        record.name = name.to_owned();
    }
    update_metadata(&mut record.doc["metadata"], &input.metadata);
    state.store().put(record)?;
    Ok(wire::no_content())
}

async fn put_profiles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterTemplateProfilesUpdateEntity = wire::body(&body)?;
    let _guard = state.write_guard();
    let mut record = find(&state, &ctx, Kind::ClusterTemplate, &uid, LABEL)?;
    let cloud = wire::str_at(&record.doc, "/spec/cloudType")
        .unwrap_or("")
        .to_owned();
    let profiles = check_profiles(&state, &ctx, &cloud, &input.profiles, "profiles")?;
    record.doc["spec"]["profiles"] = json!(profiles);
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    state.store().put(record)?;
    Ok(wire::no_content())
}

async fn patch_policies(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterTemplatePoliciesUpdateEntity = wire::body(&body)?;
    let _guard = state.write_guard();
    let mut record = find(&state, &ctx, Kind::ClusterTemplate, &uid, LABEL)?;
    let policies = check_policies(&input.policies, "policies")?;
    record.doc["spec"]["policies"] = json!(policies);
    state.store().put(record)?;
    Ok(wire::no_content())
}

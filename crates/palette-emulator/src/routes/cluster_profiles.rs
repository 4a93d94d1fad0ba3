//! Cluster profiles: versioned, layered stack templates.
//!
//! # Model
//!
//! Every (name, version) pair is its own object with its own uid; objects sharing a name are
//! listed in `spec.versions`. An object holds a `draft` and a `published` template.
//! - `POST /v1/clusterprofiles` stores the template as the draft (`?publish=true` publishes it
//!   at once). A duplicate name and version in the same scope is 409
//!   `ClusterProfileAlreadyExists`.
//! - `PUT /v1/clusterprofiles/{uid}` replaces the draft's packs (type and cloud type stay); the
//!   version string may change in place, as on the real server.
//! - `PATCH .../publish` makes the draft the published template with the next revision
//!   (`version`), and clears the draft; without a draft it changes nothing.
//! - `POST .../clone` makes a new object (new uid) from the latest template, as a draft.
//! - `DELETE` is refused (409 `ClusterProfileInUse`, naming them) while clusters or cluster
//!   templates use it.
//!
//! Packs are checked like the real server does: a registry pack must exist with that name and
//! tag (by `uid`, or by name, tag and optional `registryUid`), or the request fails with 404
//! `ResourceNotFound` (a missing dependency); its layer comes from the registry; it must be
//! offered for the profile's cloud type; an add-on profile holds no core layer; a core layer
//! appears at most once. Manifest packs (`type: manifest`) need at least one manifest with
//! content, default to layer `addon` and use the pack uid `spectro-manifest-pack`.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, patch, post};
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{
    Query, compare_versions, find, flag, meta_input, new_metadata, patch_metadata_fixed_name,
    public, string_filter, visible,
};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::lifecycle::layer_rank;
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Op, Record, TENANT};
use crate::wire;

/// The pack uid of manifest packs.
pub const MANIFEST_PACK_UID: &str = "spectro-manifest-pack";

const CORE_LAYERS: [&str; 5] = ["kernel", "os", "k8s", "cni", "csi"];

/// The cluster profile routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/clusterprofiles", post(create))
        .route("/v1/clusterprofiles/validate/name", get(validate_name))
        .route(
            "/v1/clusterprofiles/{uid}",
            get(read).put(update).delete(delete),
        )
        .route("/v1/clusterprofiles/{uid}/metadata", patch(patch_metadata))
        .route("/v1/clusterprofiles/{uid}/publish", patch(publish))
        .route("/v1/clusterprofiles/{uid}/clone", post(clone))
        .route(
            "/v1/clusterprofiles/{uid}/variables",
            get(get_variables)
                .put(put_variables)
                .patch(patch_variables)
                .delete(delete_variables),
        )
        .route(
            "/v1/clusterprofiles/{uid}/packs/{packName}/manifests",
            get(manifests),
        )
        .route(
            "/v1/dashboard/clusterprofiles/metadata",
            get(dashboard_metadata),
        )
        .route("/v1/dashboard/clusterprofiles", post(dashboard_filter))
}

/// The template a cluster attaches: the published one.
pub fn published(record: &Record) -> Option<&Value> {
    record
        .doc
        .pointer("/spec/published")
        .filter(|t| t.is_object())
}

fn latest_template(record: &Record) -> Option<&Value> {
    record
        .doc
        .pointer("/spec/draft")
        .filter(|t| t.is_object())
        .or_else(|| published(record))
}

/// The profile's version string.
pub fn version_of(record: &Record) -> &str {
    record
        .doc
        .pointer("/spec/version")
        .and_then(Value::as_str)
        .unwrap_or("")
}

fn template_field<'a>(record: &'a Record, field: &str) -> &'a str {
    latest_template(record)
        .and_then(|t| t.get(field))
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// A create body's pack as the update model, which is the same pack but for its manifests: a
/// create names no manifest uid, and may leave a manifest's name out (an update must give it).
fn as_update(pack: m::PackManifestEntity) -> m::PackManifestUpdateEntity {
    m::PackManifestUpdateEntity {
        layer: pack.layer,
        manifests: pack.manifests.map(|manifests| {
            manifests
                .into_iter()
                .map(|mf| m::ManifestRefUpdateEntity {
                    content: mf.content,
                    name: mf.name.unwrap_or_default(),
                    uid: None,
                })
                .collect()
        }),
        name: pack.name,
        registry_uid: pack.registry_uid,
        tag: pack.tag,
        type_: pack.type_,
        uid: pack.uid,
        values: pack.values,
    }
}

/// Turns input packs (create or update entities) into stored `v1PackRef`s, checking each
/// against the registry. `old` supplies manifest uids to keep.
///
/// A pack's `name` is one the spec requires, so the spec gate has refused a pack without one.
fn build_packs(
    state: &AppState,
    cloud_type: &str,
    profile_type: &str,
    input: &[m::PackManifestUpdateEntity],
    old: Option<&Value>,
) -> ApiResult<Vec<Value>> {
    if input.is_empty() {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "spec.template.packs must hold at least one pack",
        ));
    }
    let all_packs = state.packs()?;
    let mut out: Vec<Value> = Vec::new();
    for (i, p) in input.iter().enumerate() {
        let name = p.name.as_str();
        if out.iter().any(|o| o["name"] == name) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("pack '{name}' appears twice"),
            ));
        }
        if let Some(values) = p.values.as_deref() {
            crate::content::check_yaml(values, &format!("spec.template.packs[{i}].values"))?;
        }
        let kind = p.type_.map_or("spectro", m::PackType::as_str);
        let old_pack = old
            .and_then(|t| t["packs"].as_array())
            .and_then(|ps| ps.iter().find(|o| o["name"] == name));
        let pack = if kind == "manifest" {
            let manifests = p.manifests.as_deref().unwrap_or(&[]);
            if manifests.is_empty() {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!("manifest pack '{name}' needs at least one manifest"),
                ));
            }
            let mut refs: Vec<Value> = Vec::new();
            for (j, mf) in manifests.iter().enumerate() {
                let mname = wire::given(Some(&mf.name)).ok_or_else(|| {
                    ApiError::bad_request(
                        "InvalidRequest",
                        format!("a manifest of pack '{name}' has no name"),
                    )
                })?;
                let content = wire::given(mf.content.as_deref()).ok_or_else(|| {
                    ApiError::bad_request(
                        "InvalidRequest",
                        format!("manifest '{mname}' of pack '{name}' has no content"),
                    )
                })?;
                crate::content::check_yaml(
                    content,
                    &format!("spec.template.packs[{i}].manifests[{j}].content"),
                )?;
                if refs.iter().any(|r| r["name"] == mname) {
                    return Err(ApiError::bad_request(
                        "InvalidRequest",
                        format!("pack '{name}' has two manifests named '{mname}'"),
                    )
                    .with_details(json!({
                        "field": format!("spec.template.packs[{i}].manifests[{j}].name")
                    })));
                }
                let uid = wire::given(mf.uid.as_deref())
                    .map(str::to_owned)
                    .or_else(|| {
                        old_pack
                            .and_then(|o| o["manifests"].as_array())
                            .and_then(|ms| ms.iter().find(|m| m["name"] == mname))
                            .and_then(|m| m["uid"].as_str())
                            .map(str::to_owned)
                    })
                    .unwrap_or_else(ids::new_uid);
                refs.push(
                    json!({"kind": "Manifest", "name": mname, "uid": uid, "content": content}),
                );
            }
            let layer = wire::given(p.layer.as_deref()).unwrap_or("addon");
            check_layer_name(layer)?;
            let tag = wire::given(p.tag.as_deref()).unwrap_or("1.0.0");
            json!({
                "name": name, "type": "manifest", "layer": layer,
                "tag": tag,
                "version": tag,
                "packUid": wire::given(p.uid.as_deref()).unwrap_or(MANIFEST_PACK_UID),
                "registryUid": wire::given(p.registry_uid.as_deref()).unwrap_or(""),
                "values": p.values.as_deref().unwrap_or(""),
                "manifests": refs,
            })
        } else {
            let found = resolve_pack(&all_packs, p, name)?;
            let d = &found.doc;
            let real_type = d["type"].as_str().unwrap_or("spectro");
            if kind != real_type {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "pack '{name}' in this registry is of type '{real_type}', not '{kind}'"
                    ),
                ));
            }
            if cloud_type != "all" && !super::packs::fits_cloud(d, cloud_type) {
                return Err(ApiError::bad_request(
                    "PackNotCompatible",
                    format!(
                        "pack '{name}' {} is not offered for cloud type '{cloud_type}'",
                        d["tag"].as_str().unwrap_or("")
                    ),
                ));
            }
            json!({
                "name": name, "type": real_type, "layer": d["layer"], "tag": d["tag"], "version": d["version"],
                "packUid": found.uid, "registryUid": d["registryUid"],
                "values": p.values.as_deref().unwrap_or_else(|| d["values"].as_str().unwrap_or("")),
                "digest": d["digest"], "logo": d["logoUrl"], "manifests": [],
            })
        };
        let layer = pack["layer"].as_str().unwrap_or("addon").to_owned();
        if CORE_LAYERS.contains(&layer.as_str()) {
            if profile_type == "add-on" {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!("an add-on profile cannot hold the {layer} layer (pack '{name}')"),
                ));
            }
            if let Some(other) = out.iter().find(|o| o["layer"] == layer.as_str()) {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "the {layer} layer can hold one pack, but both '{}' and '{name}' are {layer} packs",
                        other["name"].as_str().unwrap_or("")
                    ),
                ));
            }
        }
        out.push(pack);
    }
    out.sort_by_key(|p| layer_rank(p["layer"].as_str().unwrap_or("addon")));
    Ok(out)
}

fn check_layer_name(layer: &str) -> ApiResult<()> {
    if ["kernel", "os", "k8s", "cni", "csi", "addon"].contains(&layer) {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "InvalidRequest",
            format!("layer '{layer}' is not one of kernel, os, k8s, cni, csi, addon"),
        ))
    }
}

fn resolve_pack<'a>(
    all: &'a [Record],
    p: &m::PackManifestUpdateEntity,
    name: &str,
) -> ApiResult<&'a Record> {
    let tag = wire::given(p.tag.as_deref());
    let registry = wire::given(p.registry_uid.as_deref());
    if let Some(uid) = wire::given(p.uid.as_deref()).filter(|u| *u != MANIFEST_PACK_UID) {
        let found = all
            .iter()
            .find(|r| r.uid == uid)
            .ok_or_else(|| ApiError::not_found("pack", uid).with_details(json!({"name": name})))?;
        if found.name != name {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("pack uid '{uid}' is pack '{}', not '{name}'", found.name),
            ));
        }
        if let Some(tag) = tag.filter(|t| found.doc["tag"] != *t && found.doc["version"] != *t) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "pack uid '{uid}' is {name} {}, not tag '{tag}'",
                    found.doc["tag"].as_str().unwrap_or("")
                ),
            ));
        }
        if let Some(reg) = registry.filter(|r| found.doc["registryUid"] != *r) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("pack uid '{uid}' does not belong to registry '{reg}'"),
            ));
        }
        return Ok(found);
    }
    let tag = tag.ok_or_else(|| {
        ApiError::bad_request(
            "InvalidRequest",
            format!("pack '{name}' needs a uid or a tag"),
        )
    })?;
    let mut candidates: Vec<&Record> = all
        .iter()
        .filter(|r| {
            r.name == name
                && (r.doc["tag"] == tag || r.doc["version"] == tag)
                && registry.is_none_or(|reg| r.doc["registryUid"] == reg)
        })
        .collect();
    candidates.sort_by_key(|r| r.doc["registryName"] != "Public Repo");
    candidates.first().copied().ok_or_else(|| {
        ApiError::not_found(
            "pack",
            &format!(
                "{name}:{tag}{}",
                registry
                    .map(|r| format!(" in registry {r}"))
                    .unwrap_or_default()
            ),
        )
    })
}

/// Checks variable definitions: each default against its own rules, and no name twice. A
/// variable's `name` is one the spec requires (`v1Variable`), so the spec gate has refused a
/// variable without one.
fn check_variables(vars: &[m::Variable]) -> ApiResult<()> {
    let mut seen = Vec::new();
    for (i, v) in vars.iter().enumerate() {
        crate::content::check_variable(v, &format!("spec.variables[{i}]"))?;
        let name = v.name.as_str();
        if seen.contains(&name) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("variable '{name}' is defined twice"),
            ));
        }
        seen.push(name);
    }
    Ok(())
}

/// Names of `{{.spectro.var.NAME}}` references in `text`.
fn variable_references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(".spectro.var.") {
        rest = &rest[at + ".spectro.var.".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Refuses to publish a template whose packs use variables the profile does not define
/// (`PackVariablesUndefined`, as the real server does).
fn check_variable_references(template: &Value, defined: &[&str]) -> ApiResult<()> {
    for pack in template["packs"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let mut texts = vec![pack["values"].as_str().unwrap_or("").to_owned()];
        for mf in pack["manifests"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            texts.push(mf["content"].as_str().unwrap_or("").to_owned());
        }
        for name in texts.iter().flat_map(|t| variable_references(t)) {
            if !defined.contains(&name.as_str()) {
                return Err(ApiError::bad_request(
                    "PackVariablesUndefined",
                    format!(
                        "pack '{}' uses the variable '{name}', which the profile does not define",
                        pack["name"].as_str().unwrap_or("")
                    ),
                )
                .with_details(json!({"pack": pack["name"], "variable": name})));
            }
        }
    }
    Ok(())
}

fn clash(
    state: &AppState,
    owner: &str,
    name: &str,
    version: &str,
    except: Option<&str>,
) -> ApiResult<()> {
    let taken = state
        .index()
        .profile_versions(owner, name)
        .iter()
        .any(|v| v.version == version && Some(v.uid.as_str()) != except);
    if taken {
        return Err(ApiError::conflict(
            "ClusterProfileAlreadyExists",
            format!("cluster profile '{name}' version '{version}' already exists"),
        ));
    }
    Ok(())
}

fn template(
    uid: &str,
    name: &str,
    kind: &str,
    cloud: &str,
    version: &str,
    revision: i64,
    packs: Vec<Value>,
) -> Value {
    json!({
        "uid": ids::stable_uid(&format!("template/{uid}/{revision}/{}", ids::new_uid())),
        "name": name, "type": kind, "cloudType": cloud, "profileVersion": version,
        "version": revision, "packs": packs,
    })
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterProfileEntity = wire::body(&body)?;
    let meta = input.metadata.map(meta_input).unwrap_or_default();
    let spec = input.spec.unwrap_or_default();
    let draft = spec.template.unwrap_or_default();
    let name = wire::require(meta.name.as_deref(), "metadata.name")?.to_owned();
    let version = wire::given(spec.version.as_deref())
        .unwrap_or("1.0.0")
        .to_owned();
    let kind = wire::require(
        draft.type_.map(m::ProfileType::as_str),
        "spec.template.type",
    )?
    .to_owned();
    let cloud = wire::given(draft.cloud_type.as_deref())
        .or((kind == "add-on").then_some("all"))
        .ok_or_else(|| {
            ApiError::bad_request("InvalidRequest", "spec.template.cloudType is required")
        })?
        .to_owned();
    let publish_now = flag(&q, "publish", false)?;
    let variables = spec.variables.unwrap_or_default();
    check_variables(&variables)?;
    let packs: Vec<m::PackManifestUpdateEntity> = draft
        .packs
        .unwrap_or_default()
        .into_iter()
        .map(as_update)
        .collect();
    let packs = build_packs(&state, &cloud, &kind, &packs, None)?;
    let _guard = state.write_guard();
    let owner = ctx.owner();
    clash(&state, &owner, &name, &version, None)?;
    let uid = ids::new_uid();
    let revision = if publish_now { 1 } else { 0 };
    let tpl = template(&uid, &name, &kind, &cloud, &version, revision, packs);
    if publish_now {
        let defined: Vec<&str> = variables.iter().map(|v| v.name.as_str()).collect();
        check_variable_references(&tpl, &defined)?;
    }
    let (draft, published) = if publish_now {
        (Value::Null, tpl)
    } else {
        (tpl, Value::Null)
    };
    let doc = json!({
        "apiVersion": "v1",
        "kind": "ClusterProfile",
        "metadata": new_metadata(&ctx, &state, &uid, &meta),
        "spec": {"version": version, "draft": draft, "published": published, "variables": variables},
    });
    state.store().put(Record {
        kind: Kind::Profile,
        uid: uid.clone(),
        project: owner,
        name,
        doc,
    })?;
    Ok(wire::created(&uid))
}

/// Live clusters (not deleted) using the profile `uid`: `(name, uid, project)`.
fn in_use(state: &AppState, uid: &str) -> ApiResult<Vec<(String, String, String)>> {
    Ok(super::clusters::live_clusters_using(state, uid)?
        .into_iter()
        .map(|c| (c.name, c.uid, c.project))
        .collect())
}

/// Every version of the profile's name in its scope, lowest first.
fn versions(state: &AppState, record: &Record) -> Vec<m::ClusterProfileVersion> {
    let mut out = state
        .index()
        .profile_versions(&record.project, &record.name);
    out.sort_by(|a, b| compare_versions(&a.version, &b.version));
    out.into_iter()
        .map(|v| m::ClusterProfileVersion {
            uid: Some(v.uid),
            version: Some(v.version),
        })
        .collect()
}

/// The API's view of a stored profile. The stored document is read through the model (the
/// conformance check); the versions and the status, which come from the index, are built as
/// model values directly.
fn render(state: &AppState, record: Record) -> ApiResult<m::ClusterProfile> {
    let users = super::clusters::live_clusters_using(state, &record.uid)?;
    let versions = versions(state, &record);
    let is_published = published(&record).is_some();
    let mut doc = public(record.doc);
    if let Some(spec) = doc["spec"].as_object_mut() {
        spec.remove("variables");
    }
    let mut profile: m::ClusterProfile = wire::fit(doc)?;
    profile.spec.get_or_insert_default().versions = Some(versions);
    let uids = users.iter().map(|c| c.uid.clone()).collect();
    let clusters = users
        .into_iter()
        .map(|c| m::ObjectResReference {
            kind: Some("spectrocluster".to_owned()),
            name: Some(c.name),
            project_uid: Some(c.project),
            tenant_uid: Some(state.tenant_uid().to_owned()),
            uid: Some(c.uid),
        })
        .collect();
    profile.status = Some(m::ClusterProfileStatus {
        is_published: Some(is_published),
        in_use_clusters: Some(clusters),
        in_use_cluster_uids: Some(uids),
        has_user_macros: Some(false),
        in_use_cluster_templates: None,
    });
    Ok(profile)
}

async fn read(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    Ok(wire::ok_model(render(&state, record)?))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterProfileUpdateEntity = wire::body(&body)?;
    let spec = input.spec.unwrap_or_default();
    let draft = spec.template.unwrap_or_default();
    let _guard = state.write_guard();
    let mut record = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    let kind = template_field(&record, "type").to_owned();
    let cloud = template_field(&record, "cloudType").to_owned();
    if let Some(new_kind) = draft
        .type_
        .map(m::ProfileType::as_str)
        .filter(|k| *k != kind)
    {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("the profile type cannot change from '{kind}' to '{new_kind}'"),
        ));
    }
    let version = wire::given(spec.version.as_deref())
        .unwrap_or(version_of(&record))
        .to_owned();
    if version != version_of(&record) {
        clash(&state, &record.project, &record.name, &version, Some(&uid))?;
    }
    let old = latest_template(&record).cloned();
    let packs = build_packs(
        &state,
        &cloud,
        &kind,
        draft.packs.as_deref().unwrap_or(&[]),
        old.as_ref(),
    )?;
    let revision = published(&record)
        .and_then(|t| t["version"].as_i64())
        .unwrap_or(0);
    record.doc["spec"]["draft"] =
        template(&uid, &record.name, &kind, &cloud, &version, revision, packs);
    record.doc["spec"]["version"] = json!(version);
    if let Some(labels) = input.metadata.and_then(|meta| meta.labels) {
        record.doc["metadata"]["labels"] = json!(labels);
    }
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    state.store().put(record)?;
    Ok(wire::no_content())
}

async fn patch_metadata(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ProfileMetaEntity = wire::body(&body)?;
    let _guard = state.write_guard();
    let mut record = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    if let Some(version) = wire::given(input.spec.as_ref().and_then(|s| s.version.as_deref()))
        .filter(|v| *v != version_of(&record))
    {
        clash(&state, &record.project, &record.name, version, Some(&uid))?;
        record.doc["spec"]["version"] = json!(version);
        for which in ["draft", "published"] {
            if record.doc["spec"][which].is_object() {
                record.doc["spec"][which]["profileVersion"] = json!(version);
            }
        }
    }
    patch_metadata_fixed_name(&mut record, &input.metadata, "a cluster profile")?;
    state.store().put(record)?;
    Ok(wire::no_content())
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let mut record = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    let draft = record.doc["spec"]["draft"].take();
    if draft.is_object() {
        let variables = variables_of(&record);
        let defined: Vec<&str> = variables
            .iter()
            .filter_map(|v| v["name"].as_str())
            .collect();
        check_variable_references(&draft, &defined)?;
        let revision = published(&record)
            .and_then(|t| t["version"].as_i64())
            .unwrap_or(0)
            + 1;
        let mut tpl = draft;
        tpl["version"] = json!(revision);
        tpl["profileVersion"] = record.doc["spec"]["version"].clone();
        record.doc["spec"]["published"] = tpl;
        record.doc["spec"]["draft"] = Value::Null;
        record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
        state.store().put(record)?;
    }
    Ok(wire::no_content())
}

async fn clone(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterProfileCloneEntity = wire::body(&body)?;
    // The spec requires `metadata.name` only when `metadata` is given.
    let meta = input.metadata.unwrap_or_default();
    let name = wire::require(Some(&meta.name), "metadata.name")?.to_owned();
    let _guard = state.write_guard();
    let source = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    let version = wire::given(meta.version.as_deref())
        .unwrap_or(version_of(&source))
        .to_owned();
    let owner = match &meta.target {
        None => source.project.clone(),
        Some(target) if target.scope == m::Scope::Tenant => TENANT.to_owned(),
        Some(target) if target.scope == m::Scope::Project => {
            match wire::given(target.project_uid.as_deref()) {
                Some(project) => {
                    if state.store().get(Kind::Project, project)?.is_none() {
                        return Err(ApiError::not_found("project", project));
                    }
                    if ctx
                        .key_project
                        .as_deref()
                        .is_some_and(|limit| limit != project)
                    {
                        return Err(ApiError::forbidden(format!(
                            "the api key may not act in project '{project}'"
                        )));
                    }
                    project.to_owned()
                }
                None => ctx.owner(),
            }
        }
        Some(other) => {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("clone target scope '{}' is not supported", other.scope),
            ));
        }
    };
    clash(&state, &owner, &name, &version, None)?;
    let new_uid = ids::new_uid();
    let base = latest_template(&source)
        .cloned()
        .unwrap_or(json!({"packs": []}));
    let packs: Vec<Value> = base["packs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut p| {
            if let Some(ms) = p["manifests"].as_array_mut() {
                for mf in ms {
                    mf["uid"] = json!(ids::new_uid());
                }
            }
            p
        })
        .collect();
    let scope_ctx = Ctx {
        scope: if owner.is_empty() {
            crate::context::Scope::Tenant
        } else {
            crate::context::Scope::Project(owner.clone())
        },
        key_project: ctx.key_project.clone(),
    };
    // The clone keeps the source's labels and annotations under its own name.
    let meta_input = m::ObjectMetaInputEntity {
        name: Some(name.clone()),
        ..wire::fit(source.doc["metadata"].clone())?
    };
    let doc = json!({
        "apiVersion": "v1",
        "kind": "ClusterProfile",
        "metadata": new_metadata(&scope_ctx, &state, &new_uid, &meta_input),
        "spec": {
            "version": version,
            "draft": template(&new_uid, &name, base["type"].as_str().unwrap_or("cluster"), base["cloudType"].as_str().unwrap_or("all"), &version, 0, packs),
            "published": null,
            "variables": source.doc["spec"]["variables"].clone(),
        },
    });
    state.store().put(Record {
        kind: Kind::Profile,
        uid: new_uid.clone(),
        project: owner,
        name,
        doc,
    })?;
    Ok(wire::created(&new_uid))
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let record = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    let users = in_use(&state, &uid)?;
    if !users.is_empty() {
        let names: Vec<String> = users.iter().map(|(n, _, _)| n.clone()).collect();
        return Err(ApiError::conflict(
            "ClusterProfileInUse",
            format!(
                "cluster profile '{}' is in use by clusters: {}",
                record.name,
                names.join(", ")
            ),
        )
        .with_details(json!({"clusters": names})));
    }
    let templates = super::cluster_templates::templates_using(&state, &uid)?;
    if !templates.is_empty() {
        return Err(ApiError::conflict(
            "ClusterProfileInUse",
            format!(
                "cluster profile '{}' is in use by cluster templates: {}",
                record.name,
                templates.join(", ")
            ),
        ));
    }
    state.store().apply(vec![Op::Delete(Kind::Profile, uid)])?;
    Ok(wire::no_content())
}

async fn validate_name(State(state): State<AppState>, ctx: Ctx, q: Query) -> ApiResult<Response> {
    let name = q
        .get("name")
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad_request("InvalidParameter", "name is required"))?;
    let version = q.get("version").map(String::as_str).unwrap_or("1.0.0");
    clash(&state, &ctx.owner(), name, version, None)?;
    Ok(wire::no_content())
}

/// The profile's variable definitions.
pub fn variables_of(record: &Record) -> Vec<Value> {
    record
        .doc
        .pointer("/spec/variables")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

async fn get_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    wire::ok::<m::Variables>(json!({"variables": variables_of(&record)}))
}

/// Applies `edit` to the profile's variable definitions and stores the result.
fn edit_variables(
    state: &AppState,
    ctx: &Ctx,
    uid: &str,
    edit: impl FnOnce(&mut Vec<m::Variable>) -> ApiResult<()>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let mut record = find(state, ctx, Kind::Profile, uid, "cluster profile")?;
    let mut vars: Vec<m::Variable> = wire::fit(Value::Array(variables_of(&record)))?;
    edit(&mut vars)?;
    check_variables(&vars)?;
    record.doc["spec"]["variables"] = json!(vars);
    state.store().put(record)?;
    Ok(wire::no_content())
}

async fn put_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::Variables = wire::body(&body)?;
    let new = input.variables.unwrap_or_default();
    check_variables(&new)?;
    edit_variables(&state, &ctx, &uid, |vars| {
        *vars = new;
        Ok(())
    })
}

async fn patch_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::Variables = wire::body(&body)?;
    let patch = input.variables.unwrap_or_default();
    check_variables(&patch)?;
    edit_variables(&state, &ctx, &uid, |vars| {
        for v in patch {
            match vars.iter_mut().find(|o| o.name == v.name) {
                Some(slot) => *slot = v,
                None => vars.push(v),
            }
        }
        Ok(())
    })
}

async fn delete_variables(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::VariableNames = wire::body(&body)?;
    let names = input.variables;
    edit_variables(&state, &ctx, &uid, |vars| {
        if let Some(missing) = names.iter().find(|n| !vars.iter().any(|v| v.name == **n)) {
            return Err(ApiError::not_found("variable", missing));
        }
        vars.retain(|v| !names.contains(&v.name));
        Ok(())
    })
}

async fn manifests(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((uid, pack)): Path<(String, String)>,
) -> ApiResult<Response> {
    let record = find(&state, &ctx, Kind::Profile, &uid, "cluster profile")?;
    let find_pack = |which: &str| -> Option<Value> {
        record.doc["spec"][which]["packs"]
            .as_array()?
            .iter()
            .find(|p| p["name"] == pack.as_str())
            .cloned()
    };
    let (draft, published) = (find_pack("draft"), find_pack("published"));
    if draft.is_none() && published.is_none() {
        return Err(ApiError::not_found("pack", &pack));
    }
    let mut by_name: Vec<(String, String, Option<String>, Option<String>)> = Vec::new();
    for (which, p) in [(0, &draft), (1, &published)] {
        for mf in p
            .as_ref()
            .and_then(|p| p["manifests"].as_array())
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let name = mf["name"].as_str().unwrap_or("").to_owned();
            let content = mf["content"].as_str().map(str::to_owned);
            let slot = match by_name.iter_mut().position(|e| e.0 == name) {
                Some(i) => &mut by_name[i],
                None => {
                    by_name.push((
                        name,
                        mf["uid"].as_str().unwrap_or("").to_owned(),
                        None,
                        None,
                    ));
                    by_name.last_mut().expect("just pushed")
                }
            };
            if which == 0 {
                slot.2 = content
            } else {
                slot.3 = content
            }
        }
    }
    let items: Vec<Value> = by_name
        .into_iter()
        .map(|(name, uid, draft, published)| {
            let data = |c: Option<String>| c.map(|c| json!({"content": c, "digest": ids::stable_uid(&c)}));
            json!({"metadata": {"name": name, "uid": uid}, "spec": {"draft": data(draft), "published": data(published)}})
        })
        .collect();
    wire::ok::<m::ManifestEntities>(json!({"items": items}))
}

async fn dashboard_metadata(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Response> {
    let items: Vec<Value> = visible(&state, &ctx, Kind::Profile)?
        .iter()
        .map(|r| {
            json!({
                "metadata": {"name": r.name, "uid": r.uid},
                "spec": {"cloudType": template_field(r, "cloudType"), "version": version_of(r)},
            })
        })
        .collect();
    wire::ok::<m::ClusterProfilesMetadata>(json!({"items": items}))
}

fn template_summary(t: &Value) -> Value {
    if !t.is_object() {
        return Value::Null;
    }
    let packs: Vec<Value> = t["packs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| {
            json!({
                "name": p["name"], "tag": p["tag"], "version": p["version"], "type": p["type"],
                "layer": p["layer"], "packUid": p["packUid"], "logoUrl": p["logo"],
            })
        })
        .collect();
    json!({"cloudType": t["cloudType"], "type": t["type"], "packs": packs})
}

fn version_filter(f: Option<&m::FilterVersionString>, version: &str) -> bool {
    use std::cmp::Ordering::*;
    let Some(f) = f else {
        return true;
    };
    fn get(v: &Option<String>) -> Option<&str> {
        wire::given(v.as_deref())
    }
    get(&f.eq).is_none_or(|v| version == v)
        && get(&f.ne).is_none_or(|v| version != v)
        && get(&f.begins_with).is_none_or(|v| version.starts_with(v))
        && get(&f.gt).is_none_or(|v| compare_versions(version, v) == Greater)
        && get(&f.lt).is_none_or(|v| compare_versions(version, v) == Less)
}

fn tags_filter(f: Option<&m::FilterArray>, labels: &Value) -> bool {
    let Some(eq) = f.and_then(|f| f.eq.as_deref()).filter(|e| !e.is_empty()) else {
        return true;
    };
    let tags: Vec<String> = labels
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
    eq.iter().any(|want| tags.iter().any(|t| t == want))
}

async fn dashboard_filter(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
    body: Bytes,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let spec: m::ClusterProfilesFilterSpec = wire::body_or_default(&body)?;
    let filter = spec.filter.unwrap_or_default();
    let types: Option<Vec<&str>> = filter
        .profile_type
        .as_ref()
        .map(|types| types.iter().map(|t| t.as_str()).collect());
    let environments: Option<Vec<&str>> = filter
        .environment
        .as_ref()
        .map(|envs| envs.iter().map(String::as_str).collect());
    let in_list = |list: &Option<Vec<&str>>, actual: &str| match list {
        Some(list) if !list.is_empty() => list.contains(&actual),
        _ => true,
    };
    let mut records: Vec<Record> = visible(&state, &ctx, Kind::Profile)?
        .into_iter()
        .filter(|r| {
            string_filter(filter.profile_name.as_ref(), &r.name)
                && version_filter(filter.version.as_ref(), version_of(r))
                && in_list(&types, template_field(r, "type"))
                && in_list(&environments, template_field(r, "cloudType"))
                && tags_filter(filter.tags.as_ref(), &r.doc["metadata"]["labels"])
                && filter.scope.is_none_or(|s| {
                    s.as_str()
                        == if r.project.is_empty() {
                            "tenant"
                        } else {
                            "project"
                        }
                })
        })
        .collect();
    let mut sorts: Vec<(String, bool)> = spec
        .sort
        .unwrap_or_default()
        .into_iter()
        .map(|s| {
            (
                s.field.unwrap_or_else(|| "profileName".to_owned()),
                s.order == Some(m::SortOrder::Desc),
            )
        })
        .collect();
    if sorts.is_empty() {
        sorts.push(("profileName".to_owned(), false));
    }
    records.sort_by(|a, b| {
        for (field, desc) in &sorts {
            let key = |r: &Record| -> String {
                match field.as_str() {
                    "environment" => template_field(r, "cloudType").to_owned(),
                    "profileType" => template_field(r, "type").to_owned(),
                    "creationTimestamp" | "lastModifiedTimestamp" => r.doc["metadata"]
                        [field.as_str()]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
                    _ => r.name.clone(),
                }
            };
            let mut ord = key(a).cmp(&key(b));
            if field == "profileName" {
                ord = ord.then_with(|| compare_versions(version_of(a), version_of(b)));
            }
            if *desc {
                ord = ord.reverse();
            }
            if ord != std::cmp::Ordering::Equal {
                return ord;
            }
        }
        std::cmp::Ordering::Equal
    });
    // Only the page's profiles are looked up in full (the clusters using them, their versions).
    let body = page.try_apply_with(records, |r| {
        let used = in_use(&state, &r.uid)?;
        Ok::<_, ApiError>(json!({
            "metadata": public(r.doc.clone())["metadata"].clone(),
            "specSummary": {
                "draft": template_summary(&r.doc["spec"]["draft"]),
                "published": template_summary(&r.doc["spec"]["published"]),
                "version": version_of(&r),
                "versions": versions(&state, &r),
            },
            "status": {
                "isPublished": published(&r).is_some(),
                "inUseClusters": used.iter().map(|(n, u, _)| json!({"name": n, "uid": u})).collect::<Vec<_>>(),
                "inUseClusterUids": used.iter().map(|(_, u, _)| u.clone()).collect::<Vec<_>>(),
            },
        }))
    })?;
    wire::ok::<m::ClusterProfilesSummary>(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_variable_references() {
        let cases = [
            ("none", "a: 1", vec![]),
            ("plain", "a: {{.spectro.var.domain}}", vec!["domain"]),
            (
                "spaced and repeated",
                "a: {{ .spectro.var.x_1 }}\nb: {{.spectro.var.x_1}}-{{.spectro.var.y-2}}",
                vec!["x_1", "y-2"],
            ),
            (
                "system macros are not variables",
                "a: {{.spectro.system.cluster.name}}",
                vec![],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(variable_references(text), want, "{name}");
        }
    }
}

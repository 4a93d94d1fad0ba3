//! Create, read, update and delete of one registry of any kind, its sync and sync status, and
//! the admin check of the secrets it keeps.
//!
//! Registries live at tenant level whatever the request's scope (Palette adds them in the
//! tenant's settings), so every project sees them. A name is unique among registries of the
//! same kind (409 `RegistryAlreadyExists`); a name cannot change (400); a seeded (system)
//! registry cannot be changed or deleted from a tenant (403); a registry whose packs a cluster
//! profile uses cannot be deleted (409 `RegistryInUse`, naming the profiles).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::kinds::{RegistryKind, is_system, kind_of};
use super::sync;
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::routes::common::{Query, flag, new_metadata, update_metadata};
use crate::state::AppState;
use crate::store::{Kind, Op, Record, TENANT};
use crate::{ids, wire};

/// The registry `uid` if it is of `kind`, else 404.
fn find(state: &AppState, kind: &RegistryKind, uid: &str) -> ApiResult<Record> {
    match state.store().get(Kind::Registry, uid)? {
        Some(record) if kind.owns(&record) => Ok(record),
        _ => Err(ApiError::not_found(kind.label, uid)),
    }
}

/// The registry as read, at `now`.
pub(super) fn render(record: &Record, now: i64) -> ApiResult<Value> {
    kind_of(record).render(record, sync::status(&record.doc, now))
}

/// Refuses a change to a seeded registry.
fn check_writable(kind: &RegistryKind, record: &Record) -> ApiResult<()> {
    if is_system(record) {
        return Err(ApiError::forbidden(format!(
            "{} '{}' belongs to the system and cannot be changed from a tenant",
            kind.label, record.name
        )));
    }
    Ok(())
}

/// Applies `ops` (which write packs) and drops the packs the routes keep.
fn apply(state: &AppState, ops: Vec<Op>) -> ApiResult<()> {
    state.store().apply(ops)?;
    state.invalidate_packs();
    Ok(())
}

/// Starts a sync of `record` (unless `skip`) at `now`, and saves it with the packs the sync
/// writes.
fn save_syncing(
    state: &AppState,
    kind: &RegistryKind,
    mut record: Record,
    now: i64,
    skip: bool,
) -> ApiResult<()> {
    let mut ops = match skip {
        true => Vec::new(),
        false => sync::start(state, kind, &mut record, now)?,
    };
    ops.push(Op::Put(record));
    apply(state, ops)
}

/// `POST /v1/registries/{pack,helm}`, `/v1/registries/oci/{basic,ecr}`.
pub(super) async fn create(
    kind: &'static RegistryKind,
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (kind.parse_create)(&body)?;
    let spec = Value::Object(input.spec);
    let name = wire::given(input.metadata.name.as_deref())
        .or_else(|| wire::str_at(&spec, "/name"))
        .ok_or_else(|| ApiError::bad_request("InvalidRequest", "metadata.name is required"))?
        .to_owned();
    kind.check_spec(&spec)?;
    let skip_sync = flag(&q, "skipPackSync", false)?;
    let _guard = state.write_guard();
    let clash = state
        .store()
        .list(Kind::Registry)?
        .into_iter()
        .any(|r| r.name == name && r.doc["kind"] == kind.kind);
    if clash {
        return Err(ApiError::conflict(
            "RegistryAlreadyExists",
            format!("a {} registry named '{name}' already exists", kind.kind),
        ));
    }
    let uid = ids::new_uid();
    let now = ids::now_ms();
    let mut metadata = new_metadata(&ctx, &state, &uid, &input.metadata);
    metadata["name"] = json!(name);
    // Registries are the tenant's, whatever the scope of the request.
    metadata["annotations"]["scope"] = json!("tenant");
    if let Some(annotations) = metadata["annotations"].as_object_mut() {
        annotations.remove("projectUid");
    }
    let record = Record {
        kind: Kind::Registry,
        uid: uid.clone(),
        project: TENANT.to_owned(),
        name: name.clone(),
        doc: json!({
            "uid": uid, "name": name, "kind": kind.kind, "registryType": kind.oci_type,
            "packType": kind.pack_type, "endpoint": spec["endpoint"], "scope": "tenant",
            "isDefault": false, "isPrivate": kind.is_private(&spec),
            "creationTimestamp": ids::rfc3339(now), "metadata": metadata, "spec": spec,
        }),
    };
    save_syncing(&state, kind, record, now, skip_sync)?;
    Ok(wire::created(&uid))
}

/// `GET` of one registry.
pub(super) async fn read(
    kind: &'static RegistryKind,
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = find(&state, kind, &uid)?;
    let now = ids::now_ms();
    (kind.respond)(render(&record, now)?)
}

/// `PUT` of one registry: replaces its spec (keeping stored secrets the body leaves out) and
/// syncs it again.
pub(super) async fn update(
    kind: &'static RegistryKind,
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (kind.parse_update)(&body)?;
    let _guard = state.write_guard();
    let mut record = find(&state, kind, &uid)?;
    check_writable(kind, &record)?;
    if let Some(name) = wire::given(input.metadata.name.as_deref()).filter(|n| *n != record.name) {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "{} '{}' cannot be renamed to '{name}'",
                kind.label, record.name
            ),
        ));
    }
    let stored = record.doc["spec"].clone();
    let spec = kind.merge_secrets(Value::Object(input.spec), &stored);
    kind.check_spec(&spec)?;
    record.doc["endpoint"] = spec["endpoint"].clone();
    record.doc["isPrivate"] = json!(kind.is_private(&spec));
    record.doc["spec"] = spec;
    update_metadata(&mut record.doc["metadata"], &input.metadata);
    save_syncing(&state, kind, record, ids::now_ms(), false)?;
    Ok(wire::no_content())
}

/// The names and versions of the profiles that use a pack of registry `uid`.
fn profiles_using(state: &AppState, uid: &str) -> ApiResult<Vec<String>> {
    let mut users = Vec::new();
    for profile in state.store().list(Kind::Profile)? {
        let uses = ["/spec/draft/packs", "/spec/published/packs"]
            .iter()
            .flat_map(|p| wire::array_at(&profile.doc, p))
            .any(|pack| pack["registryUid"] == uid);
        if uses {
            let version = crate::routes::cluster_profiles::version_of(&profile);
            users.push(format!("{}@{version}", profile.name));
        }
    }
    users.sort();
    users.dedup();
    Ok(users)
}

/// `DELETE` of one registry, and of the packs it served.
pub(super) async fn delete(
    kind: &'static RegistryKind,
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let record = find(&state, kind, &uid)?;
    check_writable(kind, &record)?;
    let users = profiles_using(&state, &uid)?;
    if !users.is_empty() {
        return Err(ApiError::conflict(
            "RegistryInUse",
            format!(
                "{} '{}' serves packs used by cluster profiles: {}",
                kind.label,
                record.name,
                users.join(", ")
            ),
        ));
    }
    let mut ops = sync::delete_packs(&state, &uid)?;
    ops.push(Op::Delete(Kind::Registry, uid));
    apply(&state, ops)?;
    Ok(wire::no_content())
}

/// `POST .../sync`: starts a sync unless one runs (202).
pub(super) async fn start_sync(
    kind: &'static RegistryKind,
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(uid): Path<String>,
    q: Query,
) -> ApiResult<Response> {
    flag(&q, "forceSync", false)?;
    let _guard = state.write_guard();
    let record = find(&state, kind, &uid)?;
    save_syncing(&state, kind, record, ids::now_ms(), false)?;
    Ok(wire::accepted())
}

/// `GET .../sync/status`.
pub(super) async fn sync_status(
    kind: &'static RegistryKind,
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = find(&state, kind, &uid)?;
    wire::ok::<palette_api::models::RegistrySyncStatus>(sync::status(&record.doc, ids::now_ms()))
}

/// `POST /__emulator/registries/{uid}/secrets/check`: for each field of the body (`password`,
/// `token`, `key`, `secretKey`, `secretToken`), whether the registry keeps exactly that value,
/// so a test can tell that a secret reached the emulator without the emulator ever returning
/// one.
pub async fn check_secrets(
    State(state): State<AppState>,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let record = state
        .store()
        .get(Kind::Registry, &uid)?
        .ok_or_else(|| ApiError::not_found("registry", &uid))?;
    let candidates: Map<String, Value> = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("InvalidRequest", format!("invalid body: {e}")))?;
    let kind = kind_of(&record);
    let mut answer = Map::new();
    for (field, candidate) in candidates {
        let pointer = kind
            .secrets
            .iter()
            .find(|p| p.rsplit('/').next() == Some(field.as_str()))
            .ok_or_else(|| {
                ApiError::bad_request(
                    "InvalidRequest",
                    format!("a {} keeps no secret named '{field}'", kind.label),
                )
            })?;
        let stored = record.doc["spec"].pointer(pointer);
        answer.insert(field, json!(stored.is_some() && stored == Some(&candidate)));
    }
    Ok(Json(Value::Object(answer)))
}

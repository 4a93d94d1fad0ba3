//! SSH keys, a user asset: `GET`/`POST /v1/users/assets/sshkeys` (the list is not paged and
//! takes `filters` on `metadata.name`) and `GET`/`PUT`/`DELETE /v1/users/assets/sshkeys/{uid}`.
//!
//! Keys live in the scope they were made in (a project's keys, or the tenant's, which every
//! project sees), with names unique in that scope (409 on a clash, on create and on a rename by
//! `PUT`). The public key must be one OpenSSH public key line ([`content::check_ssh_public_key`]).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{
    Query, find, meta_input, name_filter, new_metadata, public, update_metadata, visible,
};
use crate::content;
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// What a 404 names.
const LABEL: &str = "SSH key";

/// The SSH key routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/users/assets/sshkeys", get(list).post(create))
        .route(
            "/v1/users/assets/sshkeys/{uid}",
            get(read).put(update).delete(delete),
        )
}

/// The public key a body's `spec` carries, checked: 400 when it is missing or not a key.
fn public_key(spec: Option<&m::UserAssetSshSpec>) -> ApiResult<Value> {
    let key = wire::require(spec.and_then(|s| s.public_key.as_deref()), "spec.publicKey")?;
    content::check_ssh_public_key(key, "spec.publicKey")?;
    Ok(json!(key))
}

/// 409 when another key of `owner` (not `except`) is named `name`.
fn refuse_taken(state: &AppState, owner: &str, name: &str, except: Option<&str>) -> ApiResult<()> {
    let taken = state
        .store()
        .list(Kind::SshKey)?
        .into_iter()
        .any(|r| r.project == owner && r.name == name && Some(r.uid.as_str()) != except);
    if taken {
        return Err(ApiError::conflict(
            "SshKeyAlreadyExists",
            format!("an SSH key named '{name}' already exists"),
        ));
    }
    Ok(())
}

async fn list(State(state): State<AppState>, ctx: Ctx, q: Query) -> ApiResult<Response> {
    let items: Vec<Value> = visible(&state, &ctx, Kind::SshKey)?
        .into_iter()
        .filter(|r| name_filter(&q, &r.name))
        .map(|r| public(r.doc))
        .collect();
    wire::ok::<m::UserAssetsSsh>(json!({ "items": items }))
}

async fn create(State(state): State<AppState>, ctx: Ctx, body: Bytes) -> ApiResult<Response> {
    let input: m::UserAssetSshEntity = wire::body(&body)?;
    let meta = input.metadata.unwrap_or_default();
    let name = wire::require(meta.name.as_deref(), "metadata.name")?.to_owned();
    let key = public_key(input.spec.as_ref())?;
    let _guard = state.write_guard();
    let owner = ctx.owner();
    refuse_taken(&state, &owner, &name, None)?;
    let uid = ids::new_uid();
    let doc = json!({
        "metadata": new_metadata(&ctx, &state, &uid, &meta),
        "spec": {"publicKey": key},
    });
    state.store().put(Record {
        kind: Kind::SshKey,
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
    let record = find(&state, &ctx, Kind::SshKey, &uid, LABEL)?;
    wire::ok::<m::UserAssetSsh>(public(record.doc))
}

/// Replaces the public key, and renames the key when `metadata.name` differs.
async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::UserAssetSsh = wire::body(&body)?;
    let _guard = state.write_guard();
    let mut record = find(&state, &ctx, Kind::SshKey, &uid, LABEL)?;
    let key = public_key(input.spec.as_ref())?;
    if let Some(meta) = input.metadata.map(meta_input) {
        if let Some(name) = wire::given(meta.name.as_deref()) {
            refuse_taken(&state, &record.project, name, Some(&uid))?;
            record.name = name.to_owned();
        }
        update_metadata(&mut record.doc["metadata"], &meta);
    }
    record.doc["spec"]["publicKey"] = key;
    state.store().put(record)?;
    Ok(wire::no_content())
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    find(&state, &ctx, Kind::SshKey, &uid, LABEL)?;
    state.store().apply(vec![Op::Delete(Kind::SshKey, uid)])?;
    Ok(wire::no_content())
}

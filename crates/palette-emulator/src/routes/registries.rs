//! Pack registries: `GET /v1/registries/metadata` (every kind, unpaged),
//! `GET /v1/registries/pack` (pack registries, paged), `GET /v1/registries/pack/{uid}`, and the
//! summary lists `GET /v1/registries/pack/summary` (paged) and `GET /v1/registries/oci/summary`.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::Query;
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Record};
use crate::wire;

/// The registry routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/registries/metadata", get(metadata))
        .route("/v1/registries/pack", get(list_pack))
        .route("/v1/registries/pack/summary", get(pack_summary))
        .route("/v1/registries/oci/summary", get(oci_summary))
        .route("/v1/registries/pack/{uid}", get(get_pack))
}

async fn metadata(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let scope = q.get("scope").map(String::as_str).unwrap_or("");
    let items: Vec<Value> = state
        .store()
        .list(Kind::Registry)?
        .into_iter()
        .filter(|_| matches!(scope, "" | "all" | "system"))
        .map(|r| {
            let d = &r.doc;
            json!({
                "uid": r.uid, "name": r.name, "kind": d["kind"], "scope": d["scope"],
                "isDefault": d["isDefault"], "isPrivate": d["isPrivate"],
            })
        })
        .collect();
    wire::ok::<m::RegistriesMetadata>(json!({"items": items}))
}

fn pack_registry(r: &Record) -> Value {
    let d = &r.doc;
    json!({
        "apiVersion": "v1",
        "kind": "PackRegistry",
        "metadata": {
            "name": r.name, "uid": r.uid, "annotations": {"scope": "system"},
            "creationTimestamp": d["creationTimestamp"], "lastModifiedTimestamp": d["creationTimestamp"],
        },
        "spec": {
            "name": r.name, "endpoint": d["endpoint"], "auth": {"type": "noAuth"},
            "private": false, "scope": "system", "registryUid": r.uid,
        },
        "status": {"packSyncStatus": {
            "isSyncSupported": true, "status": "Completed", "message": "",
            "lastRunTime": d["creationTimestamp"], "lastSyncedTime": d["creationTimestamp"],
        }},
    })
}

async fn list_pack(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let items: Vec<Value> = state
        .store()
        .list(Kind::Registry)?
        .iter()
        .filter(|r| r.doc["kind"] == "pack")
        .map(pack_registry)
        .collect();
    wire::ok::<m::PackRegistries>(page.apply(items))
}

async fn get_pack(
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    match state.store().get(Kind::Registry, &uid)? {
        Some(r) if r.doc["kind"] == "pack" => wire::ok::<m::PackRegistry>(pack_registry(&r)),
        _ => Err(ApiError::not_found("pack registry", &uid)),
    }
}

async fn pack_summary(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let items: Vec<Value> = state
        .store()
        .list(Kind::Registry)?
        .iter()
        .filter(|r| r.doc["kind"] == "pack")
        .map(|r| {
            let full = pack_registry(r);
            json!({
                "metadata": full["metadata"],
                "spec": {"endpoint": full["spec"]["endpoint"], "private": false, "scope": "system"},
                "status": {"sync": full["status"]["packSyncStatus"]},
            })
        })
        .collect();
    wire::ok::<m::PackRegistriesSummary>(page.apply(items))
}

async fn oci_summary(State(state): State<AppState>, _ctx: Ctx) -> ApiResult<Response> {
    let items: Vec<Value> = state
        .store()
        .list(Kind::Registry)?
        .iter()
        .filter(|r| r.doc["kind"] == "oci")
        .map(|r| {
            let d = &r.doc;
            json!({
                "metadata": {
                    "name": r.name, "uid": r.uid, "annotations": {"scope": "system"},
                    "creationTimestamp": d["creationTimestamp"],
                    "lastModifiedTimestamp": d["creationTimestamp"],
                },
                "spec": {
                    "endpoint": d["endpoint"], "isPrivate": d["isPrivate"], "scope": d["scope"],
                    "providerType": d["packType"], "registryType": "basic",
                    "containsSpectroManifest": true,
                },
            })
        })
        .collect();
    wire::ok::<m::OciRegistries>(json!({ "items": items }))
}

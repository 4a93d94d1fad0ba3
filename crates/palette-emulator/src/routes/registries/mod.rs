//! Registries: pack (`/v1/registries/pack`), Helm (`/v1/registries/helm`) and OCI
//! (`/v1/registries/oci/basic`, `/v1/registries/oci/ecr`, `/v1/registries/oci/{uid}/{basic,ecr}`)
//! with create, read, update, delete, sync and sync status; the lists
//! `GET /v1/registries/metadata` (every kind, unpaged), `GET /v1/registries/{pack,helm}` (paged),
//! `GET /v1/registries/pack/summary` (paged) and `GET /v1/registries/oci/summary`.
//!
//! `kinds` holds what differs between the four kinds, `crud` the handlers of one registry,
//! `sync` the sync simulation that makes a registry's packs appear, and `catalogue` what a
//! synced registry serves. Secrets (passwords, tokens, TLS keys, AWS secret keys) are stored
//! but never returned.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::Query;
use crate::context::Ctx;
use crate::error::ApiResult;
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Record};
use crate::{ids, wire};

mod catalogue;
mod crud;
mod kinds;
mod sync;

pub use catalogue::{Catalogue, CataloguePack, list_catalogues, put_catalogue};
pub use crud::check_secrets;
pub use sync::SYNC_MS;

use kinds::{HELM, OCI_BASIC, OCI_ECR, PACK, RegistryKind, oci_type_of};

/// The routes of one kind: create at `collection`, the rest under `item`.
fn kind_routes(kind: &'static RegistryKind, collection: &str, item: &str) -> Router<AppState> {
    Router::new()
        .route(
            collection,
            post(move |s, c, q, b| crud::create(kind, s, c, q, b)),
        )
        .route(
            item,
            get(move |s, c, p| crud::read(kind, s, c, p))
                .put(move |s, c, p, b| crud::update(kind, s, c, p, b))
                .delete(move |s, c, p| crud::delete(kind, s, c, p)),
        )
        .route(
            &format!("{item}/sync"),
            post(move |s, c, p, q| crud::start_sync(kind, s, c, p, q)),
        )
        .route(
            &format!("{item}/sync/status"),
            get(move |s, c, p| crud::sync_status(kind, s, c, p)),
        )
}

/// The registry routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/registries/metadata", get(metadata))
        .route("/v1/registries/pack", get(list_pack))
        .route("/v1/registries/pack/summary", get(pack_summary))
        .route("/v1/registries/helm", get(list_helm))
        .route("/v1/registries/oci/summary", get(oci_summary))
        .merge(kind_routes(
            &PACK,
            "/v1/registries/pack",
            "/v1/registries/pack/{uid}",
        ))
        .merge(kind_routes(
            &HELM,
            "/v1/registries/helm",
            "/v1/registries/helm/{uid}",
        ))
        .merge(kind_routes(
            &OCI_BASIC,
            "/v1/registries/oci/basic",
            "/v1/registries/oci/{uid}/basic",
        ))
        .merge(kind_routes(
            &OCI_ECR,
            "/v1/registries/oci/ecr",
            "/v1/registries/oci/{uid}/ecr",
        ))
}

async fn metadata(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let wanted = q.get("scope").map(String::as_str).unwrap_or("");
    let items: Vec<Value> = state
        .store()
        .list(Kind::Registry)?
        .into_iter()
        .filter(|r| matches!(wanted, "" | "all") || r.doc["scope"] == wanted)
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

/// Every registry of `kind`, as read now.
fn rendered(state: &AppState, kind: &RegistryKind) -> ApiResult<Vec<Value>> {
    let now = ids::now_ms();
    state
        .store()
        .list(Kind::Registry)?
        .iter()
        .filter(|r| kind.owns(r))
        .map(|r| crud::render(r, now))
        .collect()
}

async fn list_pack(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    wire::ok::<m::PackRegistries>(page.apply(rendered(&state, &PACK)?))
}

async fn list_helm(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    wire::ok::<m::HelmRegistries>(page.apply(rendered(&state, &HELM)?))
}

async fn pack_summary(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let items: Vec<Value> = rendered(&state, &PACK)?
        .into_iter()
        .map(|full| {
            json!({
                "metadata": full["metadata"],
                "spec": {
                    "endpoint": full["spec"]["endpoint"], "private": full["spec"]["private"],
                    "scope": full["spec"]["scope"],
                },
                "status": {"sync": full["status"]["packSyncStatus"]},
            })
        })
        .collect();
    wire::ok::<m::PackRegistriesSummary>(page.apply(items))
}

/// One OCI registry as the summary lists it.
fn oci_summary_item(r: &Record, now: i64) -> ApiResult<Value> {
    let full = crud::render(r, now)?;
    let spec = &full["spec"];
    Ok(json!({
        "metadata": full["metadata"],
        "spec": {
            "endpoint": spec["endpoint"], "isPrivate": r.doc["isPrivate"], "scope": spec["scope"],
            "providerType": spec["providerType"], "registryType": oci_type_of(r),
            "containsSpectroManifest": spec["containsSpectroManifest"],
            "defaultRegion": spec["defaultRegion"],
        },
        "status": {"sync": full["status"]["syncStatus"]},
    }))
}

async fn oci_summary(State(state): State<AppState>, _ctx: Ctx) -> ApiResult<Response> {
    let now = ids::now_ms();
    let items = state
        .store()
        .list(Kind::Registry)?
        .iter()
        .filter(|r| r.doc["kind"] == "oci")
        .map(|r| oci_summary_item(r, now))
        .collect::<ApiResult<Vec<Value>>>()?;
    wire::ok::<m::OciRegistries>(json!({ "items": items }))
}

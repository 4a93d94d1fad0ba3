//! Projects: `GET /v1/dashboard/projects/metadata` (unpaged), the call clients use to resolve a
//! project name and to validate a key.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use palette_api::models as m;
use serde_json::{Value, json};

use crate::context::Ctx;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::Kind;
use crate::wire;

/// The project routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/v1/dashboard/projects/metadata", get(metadata))
}

async fn metadata(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Response> {
    let items: Vec<Value> = state
        .store()
        .list(Kind::Project)?
        .into_iter()
        .filter(|p| {
            ctx.key_project
                .as_deref()
                .is_none_or(|limit| limit == p.uid)
        })
        .map(|p| json!({"metadata": {"name": p.name, "uid": p.uid}}))
        .collect();
    wire::ok::<m::ProjectsMetadata>(json!({"items": items}))
}

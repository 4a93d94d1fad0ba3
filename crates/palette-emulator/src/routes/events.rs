//! Events: `GET /v1/events/components/{objectKind}/{objectUid}` (paged, oldest first). Clusters
//! (`spectrocluster`) have events derived from their deployment plan; other kinds have none.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{Query, find};
use crate::context::Ctx;
use crate::error::ApiResult;
use crate::paging::Page;
use crate::state::AppState;
use crate::store::Kind;
use crate::{ids, wire};

/// The event routes.
pub fn router() -> Router<AppState> {
    Router::new().route(
        "/v1/events/components/{objectKind}/{objectUid}",
        get(cluster_events),
    )
}

async fn cluster_events(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((kind, uid)): Path<(String, String)>,
    q: Query,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    if kind != "spectrocluster" {
        // Limitation: only clusters produce events in the emulator.
        return wire::ok::<m::Events>(page.apply(Vec::new()));
    }
    let record = find(&state, &ctx, Kind::Cluster, &uid, "cluster")?;
    let deployment = super::clusters::deployment_of(&state, &uid)?;
    let items: Vec<Value> = deployment
        .events(ids::now_ms(), &record.name)
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let event_uid = ids::stable_uid(&format!("event/{uid}/{}/{}/{i}", e.at, e.reason));
            json!({
                "metadata": {"name": format!("{}.{}", record.name, &event_uid[..10]), "uid": event_uid, "creationTimestamp": ids::rfc3339(e.at)},
                "involvedObject": {"kind": "spectrocluster", "name": record.name, "uid": uid},
                "reason": e.reason,
                "message": e.message,
                "severity": e.severity,
                "source": {"component": "palette-emulator"},
            })
        })
        .collect();
    wire::ok::<m::Events>(page.apply(items))
}

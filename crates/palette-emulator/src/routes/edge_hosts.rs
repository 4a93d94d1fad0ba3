//! Edge hosts: `GET /v1/edgehosts/metadata` (all visible hosts), `POST
//! /v1/dashboard/edgehosts/search` (paged) and `GET /v1/edgehosts/{uid}`. A host held by a live
//! edge cluster reports state `in-use` and lists that cluster.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{Query, find, public, visible};
use crate::context::Ctx;
use crate::error::ApiResult;
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Record};
use crate::wire;

/// The edge host routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/edgehosts/metadata", get(metadata))
        .route("/v1/edgehosts/tags", get(tags))
        .route("/v1/dashboard/edgehosts/search", post(search))
        .route("/v1/edgehosts/{uid}", get(read))
}

fn render(state: &AppState, record: &Record) -> ApiResult<Value> {
    let used = super::clusters::edge_hosts_in_use(state)?;
    let mut doc = public(record.doc.clone());
    if let Some((name, uid)) = used.get(&record.uid) {
        doc["status"]["state"] = json!("in-use");
        doc["status"]["inUseClusters"] = json!([{"name": name, "uid": uid}]);
    }
    Ok(doc)
}

async fn read(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = find(&state, &ctx, Kind::EdgeHost, &uid, "edge host")?;
    wire::ok::<m::EdgeHostDevice>(render(&state, &record)?)
}

fn summaries(state: &AppState, ctx: &Ctx) -> ApiResult<Vec<Value>> {
    let mut out = Vec::new();
    for record in visible(state, ctx, Kind::EdgeHost)? {
        let doc = render(state, &record)?;
        out.push(json!({
            "metadata": doc["metadata"],
            "spec": {
                "type": doc["spec"]["type"],
                "device": doc["spec"]["device"],
                "host": {"hostAddress": doc["spec"]["host"]["hostAddress"], "hostUid": record.uid},
                "projectMeta": doc["spec"]["host"]["project"],
            },
            "status": {"state": doc["status"]["state"], "health": doc["status"]["health"], "inUseClusters": doc["status"]["inUseClusters"]},
        }));
    }
    Ok(out)
}

async fn metadata(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Response> {
    let hosts: Vec<Value> = summaries(&state, &ctx)?
        .into_iter()
        .map(|s| json!({
            "uid": s["metadata"]["uid"], "name": s["metadata"]["name"], "state": s["status"]["state"],
            "healthState": s["status"]["health"]["state"], "edgeHostType": s["spec"]["type"],
            "archType": s["spec"]["device"]["archType"],
        }))
        .collect();
    wire::ok::<m::EdgeHostsMeta>(json!({"edgeHosts": hosts}))
}

async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
    _body: Bytes,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    wire::ok::<m::EdgeHostsSearchSummary>(page.apply(summaries(&state, &ctx)?))
}

/// `GET /v1/edgehosts/tags`: every tag on an edge host in scope, once each, sorted.
async fn tags(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Response> {
    let mut tags = std::collections::BTreeSet::new();
    for record in visible(&state, &ctx, Kind::EdgeHost)? {
        for (k, v) in record.doc["metadata"]["labels"]
            .as_object()
            .into_iter()
            .flatten()
        {
            tags.insert(match v.as_str() {
                Some("") | None => k.clone(),
                Some(v) => format!("{k}:{v}"),
            });
        }
    }
    wire::ok::<m::EdgeHostsTags>(json!({ "tags": tags }))
}

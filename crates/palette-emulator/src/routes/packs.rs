//! Packs: `GET /v1/packs` (paged, `filters`), `POST /v1/packs/search` (paged, one entry per pack
//! name with the registries offering it), `GET /v1/packs/{packName}/registries/{registryUid}`
//! (every tag of one pack in one registry) and `GET /v1/packs/{uid}`.
//!
//! Each stored pack record is one version (tag) of one pack in one registry; its uid is the
//! `packUid` profiles refer to.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{Query, string_filter};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Record};
use crate::wire;

/// The pack routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/packs", get(list))
        .route("/v1/packs/search", post(search))
        .route(
            "/v1/packs/{packName}/registries/{registryUid}",
            get(by_name),
        )
        .route("/v1/packs/{uid}", get(by_uid))
}

/// Whether a pack offered for `clouds` can be used on `cloud`.
pub fn fits_cloud(pack: &Value, cloud: &str) -> bool {
    cloud == "all"
        || pack["cloudTypes"]
            .as_array()
            .is_some_and(|c| c.iter().any(|t| t == "all" || t == cloud))
}

/// `v1PackSummary` of one pack version.
pub fn summary(r: &Record) -> Value {
    let d = &r.doc;
    json!({
        "apiVersion": "v1",
        "kind": "PackSummary",
        "metadata": {
            "name": r.name, "uid": r.uid,
            "creationTimestamp": d["creationTimestamp"], "lastModifiedTimestamp": d["creationTimestamp"],
        },
        "spec": {
            "name": d["name"], "displayName": d["displayName"], "version": d["version"],
            "layer": d["layer"], "type": d["type"], "addonType": d["addonType"],
            "cloudTypes": d["cloudTypes"], "registryUid": d["registryUid"], "values": d["values"],
            "digest": d["digest"], "logoUrl": d["logoUrl"], "group": "", "eol": "",
        },
        "status": {},
    })
}

/// `v1PackTagEntity`: every tag of the pack `versions` (same name, same registry).
fn tag_entity(versions: &[&Record]) -> Value {
    let first = &versions[0].doc;
    let tags: Vec<Value> = versions
        .iter()
        .map(|r| json!({"tag": r.doc["tag"], "version": r.doc["version"], "packUid": r.uid, "parentTags": r.doc["parentTags"], "group": ""}))
        .collect();
    let values: Vec<Value> = versions
        .iter()
        .map(|r| json!({"packUid": r.uid, "values": r.doc["values"], "readme": format!("# {}\n", r.doc["displayName"].as_str().unwrap_or("")), "annotations": {}}))
        .collect();
    json!({
        "name": first["name"], "displayName": first["displayName"], "layer": first["layer"],
        "addonType": first["addonType"], "addonSubType": "", "cloudTypes": first["cloudTypes"],
        "logoUrl": first["logoUrl"], "registryUid": first["registryUid"],
        "tags": tags, "packValues": values,
    })
}

fn matches_filters(r: &Record, filters: &str) -> ApiResult<bool> {
    for clause in filters
        .split("AND")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let ok = if let Some(list) = clause.strip_prefix("spec.cloudTypes_in_") {
            list.split(',').any(|c| fits_cloud(&r.doc, c.trim()))
        } else {
            let (key, value) = clause.split_once('=').ok_or_else(|| {
                ApiError::bad_request(
                    "InvalidParameter",
                    format!("filter '{clause}' is not key=value"),
                )
            })?;
            let actual = match key.trim() {
                "metadata.uid" => json!(r.uid),
                "metadata.name" | "spec.name" => json!(r.name),
                "spec.version" | "spec.tag" => r.doc["version"].clone(),
                "spec.registryUid" => r.doc["registryUid"].clone(),
                "spec.layer" => r.doc["layer"].clone(),
                "spec.type" => r.doc["type"].clone(),
                "spec.displayName" => r.doc["displayName"].clone(),
                "spec.addonType" => r.doc["addonType"].clone(),
                "spec.cloudTypes" => {
                    if fits_cloud(&r.doc, value.trim()) {
                        json!(value.trim())
                    } else {
                        json!(null)
                    }
                }
                other => {
                    return Err(ApiError::bad_request(
                        "InvalidParameter",
                        format!("filter field '{other}' is not supported"),
                    ));
                }
            };
            actual.as_str() == Some(value.trim())
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

async fn list(State(state): State<AppState>, _ctx: Ctx, q: Query) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let filters = q.get("filters").cloned().unwrap_or_default();
    let packs = state.packs()?;
    let mut matching = Vec::new();
    for r in packs.iter() {
        if matches_filters(r, &filters)? {
            matching.push(r);
        }
    }
    wire::ok::<m::PackSummaries>(page.apply_with(matching, summary))
}

/// Whether `actual` is one of `wanted`, when a list is given and not empty.
fn list_filter(wanted: &[&str], actual: &Value) -> bool {
    wanted.is_empty() || wanted.iter().any(|w| actual == *w)
}

/// The strings of a filter's list (none when it is absent).
fn listed<T>(list: &Option<Vec<T>>, as_str: impl Fn(&T) -> &str) -> Vec<&str> {
    list.iter().flatten().map(as_str).collect()
}

async fn search(
    State(state): State<AppState>,
    _ctx: Ctx,
    q: Query,
    body: Bytes,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let spec: m::PacksFilterSpec = wire::body_or_default(&body)?;
    let filter = spec.filter.unwrap_or_default();
    let types = listed(&filter.type_, |t| t.as_str());
    let layers = listed(&filter.layer, |l| l.as_str());
    let add_on_types = listed(&filter.add_on_type, String::as_str);
    let registry_uids = listed(&filter.registry_uid, String::as_str);
    let registries: BTreeMap<String, Record> = state
        .store()
        .list(Kind::Registry)?
        .into_iter()
        .map(|r| (r.uid.clone(), r))
        .collect();
    let mut by_name: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for r in state.packs()?.iter() {
        let d = &r.doc;
        let env_ok = match &filter.environment {
            Some(envs) if !envs.is_empty() => envs.iter().any(|e| fits_cloud(d, e)),
            _ => true,
        };
        if env_ok
            && string_filter(filter.name.as_ref(), &r.name)
            && string_filter(
                filter.display_name.as_ref(),
                d["displayName"].as_str().unwrap_or(""),
            )
            && list_filter(&types, &d["type"])
            && list_filter(&layers, &d["layer"])
            && list_filter(&add_on_types, &d["addonType"])
            && list_filter(&registry_uids, &d["registryUid"])
        {
            by_name.entry(r.name.clone()).or_default().push(r.clone());
        }
    }
    let mut items = Vec::new();
    for (name, versions) in by_name {
        let first = &versions[0].doc;
        let mut regs: BTreeMap<String, Value> = BTreeMap::new();
        for v in &versions {
            let reg_uid = v.doc["registryUid"].as_str().unwrap_or("").to_owned();
            let reg_name = registries
                .get(&reg_uid)
                .map(|r| r.name.clone())
                .unwrap_or_default();
            // Seed order is oldest to newest, so the last one seen is the latest.
            regs.insert(reg_uid.clone(), json!({
                "uid": reg_uid, "name": reg_name, "scope": "system",
                "latestVersion": v.doc["version"], "latestPackUid": v.uid, "logoUrl": v.doc["logoUrl"],
            }));
        }
        items.push(json!({
            "apiVersion": "v1",
            "kind": "PackMetadata",
            "metadata": {"name": name, "uid": versions.last().map(|v| v.uid.clone()).unwrap_or_default()},
            "spec": {
                "name": name, "displayName": first["displayName"], "layer": first["layer"],
                "type": first["type"], "addonType": first["addonType"], "addonSubType": "",
                "cloudTypes": first["cloudTypes"], "group": "",
                "registries": regs.into_values().collect::<Vec<_>>(),
            },
        }));
    }
    if let Some(sort) = spec.sort.as_deref().and_then(<[_]>::first) {
        let field = sort.field.as_deref().unwrap_or("name");
        let key = |v: &Value| v["spec"][field].as_str().unwrap_or("").to_owned();
        items.sort_by_key(key);
        if sort.order == Some(m::SortOrder::Desc) {
            items.reverse();
        }
    }
    wire::ok::<m::PackMetadataList>(page.apply(items))
}

async fn by_name(
    State(state): State<AppState>,
    _ctx: Ctx,
    Path((name, registry)): Path<(String, String)>,
    q: Query,
) -> ApiResult<Response> {
    let cloud = q
        .get("cloudType")
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .unwrap_or("all");
    let layer = q.get("layer").map(String::as_str).filter(|l| !l.is_empty());
    let all = state.packs()?;
    let versions: Vec<&Record> = all
        .iter()
        .filter(|r| {
            r.name == name
                && r.doc["registryUid"] == registry.as_str()
                && fits_cloud(&r.doc, cloud)
                && layer.is_none_or(|l| r.doc["layer"] == l)
        })
        .collect();
    if versions.is_empty() {
        return Err(ApiError::not_found(
            "pack",
            &format!("{name} in registry {registry}"),
        ));
    }
    wire::ok::<m::PackTagEntity>(tag_entity(&versions))
}

async fn by_uid(
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let all = state.packs()?;
    let pack = all
        .iter()
        .find(|r| r.uid == uid)
        .ok_or_else(|| ApiError::not_found("pack", &uid))?;
    let versions: Vec<&Record> = all
        .iter()
        .filter(|r| r.name == pack.name && r.doc["registryUid"] == pack.doc["registryUid"])
        .collect();
    wire::ok::<m::PackTagEntity>(tag_entity(&versions))
}

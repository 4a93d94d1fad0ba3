//! The dashboard search (`POST /v1/dashboard/spectroclusters/search`): filter groups over a few
//! cluster properties, sorting, and the cluster summaries it returns.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use palette_api::models as m;
use serde_json::json;

use super::read::{pool_meta, template_meta};
use super::records::{config_of, deployment_of, env_of};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::paging::Page;
use crate::routes::common::{Query, public, visible};
use crate::state::AppState;
use crate::store::{Kind, Record};
use crate::{ids, wire};

fn string_condition(cond: &m::SearchFilterStringCondition, actual: &[String]) -> bool {
    use m::SearchFilterStringOperator as Op;
    let fold = cond.ignore_case.unwrap_or(false);
    let norm = |s: &str| if fold { s.to_lowercase() } else { s.to_owned() };
    let op = cond.operator.unwrap_or(Op::Eq);
    let values: Vec<String> = cond
        .match_
        .as_ref()
        .and_then(|m| m.values.as_ref())
        .map(|v| v.iter().map(|s| norm(s)).collect())
        .unwrap_or_default();
    let all = cond.match_.as_ref().and_then(|m| m.conjunction)
        == Some(m::SearchFilterConjunctionOperator::And);
    let test = |want: &String| {
        actual.iter().map(|a| norm(a)).any(|a| match op {
            Op::Contains => a.contains(want.as_str()),
            Op::BeginsWith => a.starts_with(want.as_str()),
            Op::Eq => &a == want,
        })
    };
    let hit = if values.is_empty() {
        true
    } else if all {
        values.iter().all(test)
    } else {
        values.iter().any(test)
    };
    hit != cond.negation.unwrap_or(false)
}

/// The filter properties the search understands. Palette's own search names more (see `GET
/// /v1/dashboard/spectroclusters/search/schema`); a filter on any other is refused rather than
/// read as "match everything".
const PROPERTIES: [&str; 9] = [
    "clusterName",
    "name",
    "environment",
    "cloudType",
    "tag",
    "tags",
    "clusterState",
    "state",
    "isDeleted",
];

/// The filter groups of a search.
fn groups(spec: &m::SearchFilterSummarySpec) -> &[m::SearchFilterGroup] {
    spec.filter
        .as_ref()
        .and_then(|f| f.filter_groups.as_deref())
        .unwrap_or(&[])
}

/// Refuses a search whose filters name a property the emulator does not understand.
fn check_properties(spec: &m::SearchFilterSummarySpec) -> ApiResult<()> {
    for (g, group) in groups(spec).iter().enumerate() {
        for (f, item) in group.filters.iter().flatten().enumerate() {
            let property = item.property.as_deref().unwrap_or("");
            if !PROPERTIES.contains(&property) {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "filter.filterGroups[{g}].filters[{f}].property: '{property}' is not a \
                         search property (one of {})",
                        PROPERTIES.join(", ")
                    ),
                )
                .with_details(json!({
                    "field": format!("filter.filterGroups[{g}].filters[{f}].property")
                })));
            }
        }
    }
    Ok(())
}

fn cluster_matches(
    item: &m::SearchFilterItem,
    record: &Record,
    deleted: bool,
    now_state: &str,
) -> (bool, bool) {
    let property = item.property.as_deref().unwrap_or("");
    let cond = item.condition.as_ref();
    let labels: Vec<String> = record.doc["metadata"]["labels"]
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
    let strings = |values: Vec<String>| {
        cond.and_then(|c| c.string.as_ref())
            .is_none_or(|c| string_condition(c, &values))
    };
    let mut mentions_deleted = false;
    let ok = match property {
        "clusterName" | "name" => strings(vec![record.name.clone()]),
        "environment" | "cloudType" => strings(vec![env_of(record).key.to_owned()]),
        "tag" | "tags" => strings(labels),
        "clusterState" | "state" => strings(vec![now_state.to_owned()]),
        "isDeleted" => {
            mentions_deleted = true;
            cond.and_then(|c| c.bool.as_ref())
                .and_then(|b| b.value)
                .is_none_or(|want| want == deleted)
        }
        _ => true,
    };
    (ok, mentions_deleted)
}

pub(super) async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
    body: Bytes,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let spec: m::SearchFilterSummarySpec = wire::body_or_default(&body)?;
    check_properties(&spec)?;
    let now = ids::now_ms();
    let projects: HashMap<String, String> = state
        .store()
        .list(Kind::Project)?
        .into_iter()
        .map(|p| (p.uid, p.name))
        .collect();
    let mut rows = Vec::new();
    for record in visible(&state, &ctx, Kind::Cluster)? {
        let deployment = deployment_of(&state, &record.uid)?;
        let now_state = deployment.state(now);
        let deleted = now_state == "Deleted";
        let mut mentions_deleted = false;
        let mut group_results = Vec::new();
        for group in groups(&spec) {
            let any = group.conjunction == Some(m::SearchFilterConjunctionOperator::Or);
            let mut results = Vec::new();
            for item in group.filters.iter().flatten() {
                let (ok, md) = cluster_matches(item, &record, deleted, now_state);
                mentions_deleted |= md;
                results.push(ok);
            }
            group_results.push(if results.is_empty() {
                true
            } else if any {
                results.iter().any(|r| *r)
            } else {
                results.iter().all(|r| *r)
            });
        }
        let any_group = spec.filter.as_ref().and_then(|f| f.conjunction)
            == Some(m::SearchFilterConjunctionOperator::Or);
        let ok = if group_results.is_empty() {
            true
        } else if any_group {
            group_results.iter().any(|r| *r)
        } else {
            group_results.iter().all(|r| *r)
        };
        if ok && (mentions_deleted || !deleted) {
            rows.push((record, deployment));
        }
    }
    let sort = spec.sort.as_deref().and_then(<[_]>::first);
    let field = sort
        .and_then(|s| s.field.as_deref())
        .unwrap_or("clusterName")
        .to_owned();
    rows.sort_by(|(a, _), (b, _)| match field.as_str() {
        "creationTimestamp" | "lastModifiedTimestamp" => a.doc["metadata"][field.as_str()]
            .as_str()
            .cmp(&b.doc["metadata"][field.as_str()].as_str()),
        "environment" | "cloudType" => env_of(a).key.cmp(env_of(b).key),
        _ => a.name.cmp(&b.name),
    });
    if sort.is_some_and(|s| s.order == Some(m::SortOrder::Desc)) {
        rows.reverse();
    }
    // Only the page's clusters are read in full (cloud config, account, pools).
    let body = page.try_apply_with(rows, |(record, deployment)| {
            let config = config_of(&state, &record)?;
            let account = config
                .as_ref()
                .and_then(|c| c.doc.pointer("/spec/cloudAccountRef").cloned())
                .filter(|a| a.is_object());
            Ok::<_, ApiError>(json!({
                "metadata": public(record.doc.clone())["metadata"].clone(),
                "specSummary": {
                    "cloudConfig": {
                        "cloudType": env_of(&record).key,
                        "uid": record.doc.pointer("/spec/cloudConfigRef/uid"),
                        "machinePools": pool_meta(config.as_ref(), &deployment, now, env_of(&record).key),
                    },
                    "cloudAccountMeta": account.map(|a| json!({"name": a["name"], "uid": a["uid"]})),
                    "projectMeta": {"uid": record.project, "name": projects.get(&record.project).cloned().unwrap_or_default()},
                    "clusterProfileTemplates": wire::array_at(&record.doc, "/spec/clusterProfileTemplates").iter().map(template_meta).collect::<Vec<_>>(),
                },
                "status": {
                    "state": deployment.state(now),
                    "health": {"state": deployment.health(now)},
                },
            }))
    })?;
    wire::ok::<m::SpectroClustersSummary>(body)
}

/// `GET` and `POST /v1/dashboard/spectroclusters/metadata`: the name and uid of every live
/// cluster in scope (`v1SpectroClustersMetadata`, not paged).
pub(super) async fn metadata(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Response> {
    let now = ids::now_ms();
    let mut items = Vec::new();
    for record in visible(&state, &ctx, Kind::Cluster)? {
        if deployment_of(&state, &record.uid)?.state(now) == "Deleted" {
            continue;
        }
        items.push(json!({"name": record.name, "uid": record.uid}));
    }
    items.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    wire::ok::<m::SpectroClustersMetadata>(json!({ "items": items }))
}

/// `GET /v1/spectroclusters/tags`: every tag on a live cluster in scope, once each, sorted.
pub(super) async fn tags(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Response> {
    let now = ids::now_ms();
    let mut tags = std::collections::BTreeSet::new();
    for record in visible(&state, &ctx, Kind::Cluster)? {
        if deployment_of(&state, &record.uid)?.state(now) == "Deleted" {
            continue;
        }
        for (k, v) in record.doc["metadata"]["labels"]
            .as_object()
            .into_iter()
            .flatten()
        {
            tags.insert(match v.as_str() {
                Some("spectro__tag") | Some("") | None => k.clone(),
                Some(v) => format!("{k}:{v}"),
            });
        }
    }
    wire::ok::<m::SpectroClusterTags>(json!({ "tags": tags }))
}

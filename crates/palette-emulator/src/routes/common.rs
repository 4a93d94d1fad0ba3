//! Helpers shared by the route files: metadata, visibility lookups, query parameters.

use std::collections::HashMap;

use palette_api::models as m;
use serde_json::{Map, Value, json};

use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::state::AppState;
use crate::store::{Kind, Record};

/// Query parameters as a map.
pub type Query = axum::extract::Query<HashMap<String, String>>;

/// The caller-settable part (name, labels, annotations) of a body's full `v1ObjectMeta`.
pub fn meta_input(meta: m::ObjectMeta) -> m::ObjectMetaInputEntity {
    m::ObjectMetaInputEntity {
        annotations: meta.annotations,
        labels: meta.labels,
        name: meta.name,
    }
}

/// The `metadata` of a new object: the caller's name, labels and annotations plus the uid,
/// timestamps and the scope annotations the real API adds.
pub fn new_metadata(
    ctx: &Ctx,
    state: &AppState,
    uid: &str,
    input: &m::ObjectMetaInputEntity,
) -> Value {
    let now = ids::now_rfc3339();
    let mut annotations: Map<String, Value> = input
        .annotations
        .iter()
        .flatten()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    annotations.insert("scope".into(), json!(ctx.scope_name()));
    annotations.insert("tenantUid".into(), json!(state.tenant_uid()));
    annotations.insert("ownerUid".into(), json!(state.tenant_uid()));
    if let crate::context::Scope::Project(project) = &ctx.scope {
        annotations.insert("projectUid".into(), json!(project));
    }
    json!({
        "name": input.name.as_deref().unwrap_or(""),
        "uid": uid,
        "labels": input.labels.clone().unwrap_or_default(),
        "annotations": annotations,
        "creationTimestamp": now,
        "lastModifiedTimestamp": now,
    })
}

/// Merges caller-settable metadata (`name`, `labels`, `annotations`) into stored metadata,
/// keeping the annotations the server owns.
pub fn update_metadata(stored: &mut Value, input: &m::ObjectMetaInputEntity) {
    if let Some(name) = input.name.as_deref().filter(|s| !s.is_empty()) {
        stored["name"] = json!(name);
    }
    if let Some(labels) = &input.labels {
        stored["labels"] = json!(labels);
    }
    if let Some(annotations) = &input.annotations {
        let mut merged: Map<String, Value> = annotations
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        for key in ["scope", "tenantUid", "ownerUid", "projectUid"] {
            if let Some(value) = stored.pointer(&format!("/annotations/{key}")) {
                merged.insert(key.to_owned(), value.clone());
            }
        }
        stored["annotations"] = Value::Object(merged);
    }
    stored["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
}

/// Applies a metadata patch (labels, annotations) to a record whose name cannot change;
/// `what` names the object in the error ("a cluster").
pub fn patch_metadata_fixed_name(
    record: &mut Record,
    input: &m::ObjectMetaInputEntity,
    what: &str,
) -> ApiResult<()> {
    if let Some(name) = input
        .name
        .as_deref()
        .filter(|n| !n.is_empty() && *n != record.name)
    {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "{what} cannot be renamed from '{}' to '{name}'",
                record.name
            ),
        ));
    }
    let meta = m::ObjectMetaInputEntity {
        name: None,
        ..input.clone()
    };
    update_metadata(&mut record.doc["metadata"], &meta);
    Ok(())
}

/// The record of `kind` with `uid` if it exists and is visible from the caller's scope,
/// else 404 naming `label`.
pub fn find(state: &AppState, ctx: &Ctx, kind: Kind, uid: &str, label: &str) -> ApiResult<Record> {
    match state.store().get(kind, uid)? {
        Some(record) if ctx.sees(&record.project) => Ok(record),
        _ => Err(ApiError::not_found(label, uid)),
    }
}

/// Every record of `kind` visible from the caller's scope.
pub fn visible(state: &AppState, ctx: &Ctx, kind: Kind) -> ApiResult<Vec<Record>> {
    Ok(state
        .store()
        .list(kind)?
        .into_iter()
        .filter(|r| ctx.sees(&r.project))
        .collect())
}

/// Whether `name` passes the `metadata.name=NAME` terms of a `filters` query parameter (terms
/// joined by `AND`; other fields are not filtered on).
pub fn name_filter(q: &HashMap<String, String>, name: &str) -> bool {
    match q.get("filters") {
        Some(filters) => filters
            .split("AND")
            .filter_map(|f| f.split_once('='))
            .all(|(k, v)| k != "metadata.name" || v == name),
        None => true,
    }
}

/// A boolean query parameter (`true`/`false`), `default` when absent.
pub fn flag(query: &HashMap<String, String>, name: &str, default: bool) -> ApiResult<bool> {
    match query.get(name).map(String::as_str) {
        None | Some("") => Ok(default),
        Some("true") => Ok(true),
        Some("false") => Ok(false),
        Some(other) => Err(ApiError::bad_request(
            "InvalidParameter",
            format!("{name} must be true or false, not '{other}'"),
        )),
    }
}

/// Removes the emulator's private `_emu` key from a document.
pub fn public(mut doc: Value) -> Value {
    if let Some(map) = doc.as_object_mut() {
        map.remove("_emu");
    }
    doc
}

/// Compares two version strings numerically part by part (`1.10.0` > `1.9.2`); parts that are
/// not numbers compare as text.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let split = |s: &str| -> Vec<String> { s.split(['.', '-', '+']).map(str::to_owned).collect() };
    let (pa, pb) = (split(a), split(b));
    for i in 0..pa.len().max(pb.len()) {
        let (x, y) = (
            pa.get(i).map(String::as_str).unwrap_or("0"),
            pb.get(i).map(String::as_str).unwrap_or("0"),
        );
        let ord = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => x.cmp(y),
        };
        if ord != std::cmp::Ordering::Equal {
            return ord;
        }
    }
    std::cmp::Ordering::Equal
}

/// Applies a `v1FilterString` (`eq`, `ne`, `contains`, `beginsWith`, `ignoreCase`).
pub fn string_filter(filter: Option<&m::FilterString>, actual: &str) -> bool {
    let Some(f) = filter else {
        return true;
    };
    let fold = f.ignore_case.unwrap_or(false);
    let norm = |s: &str| if fold { s.to_lowercase() } else { s.to_owned() };
    let actual = norm(actual);
    let test = |wanted: &Option<String>, check: &dyn Fn(&str, &str) -> bool| {
        wanted
            .as_deref()
            .filter(|s| !s.is_empty())
            .is_none_or(|v| check(&actual, &norm(v)))
    };
    test(&f.eq, &|a, v| a == v)
        && test(&f.ne, &|a, v| a != v)
        && test(&f.contains, &|a, v| a.contains(v))
        && test(&f.begins_with, &|a, v| a.starts_with(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically() {
        use std::cmp::Ordering::*;
        let cases = [
            ("1.10.0", "1.9.2", Greater),
            ("1.0.0", "1.0.0", Equal),
            ("1.0", "1.0.1", Less),
            ("22.04", "20.04", Greater),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare_versions(a, b), want, "{a} vs {b}");
        }
    }

    #[test]
    fn string_filters() {
        let f = m::FilterString {
            eq: Some("Prod".to_owned()),
            ignore_case: Some(true),
            ..Default::default()
        };
        assert!(string_filter(Some(&f), "prod"));
        let begins = m::FilterString {
            begins_with: Some("x".to_owned()),
            ..Default::default()
        };
        assert!(!string_filter(Some(&begins), "prod"));
        assert!(string_filter(None, "anything"));
    }
}

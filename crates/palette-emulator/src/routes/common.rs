//! Helpers shared by the route files: metadata, visibility lookups, query parameters.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::state::AppState;
use crate::store::{Kind, Record};

/// Query parameters as a map.
pub type Query = axum::extract::Query<HashMap<String, String>>;

/// The `metadata` of a new object: the caller's name, labels and annotations plus the uid,
/// timestamps and the scope annotations the real API adds.
pub fn new_metadata(ctx: &Ctx, state: &AppState, uid: &str, input: &Value) -> Value {
    let now = ids::now_rfc3339();
    let mut annotations: Map<String, Value> = input
        .get("annotations")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    annotations.insert("scope".into(), json!(ctx.scope_name()));
    annotations.insert("tenantUid".into(), json!(state.tenant_uid()));
    annotations.insert("ownerUid".into(), json!(state.tenant_uid()));
    if let crate::context::Scope::Project(project) = &ctx.scope {
        annotations.insert("projectUid".into(), json!(project));
    }
    json!({
        "name": input.get("name").cloned().unwrap_or(json!("")),
        "uid": uid,
        "labels": input.get("labels").cloned().filter(|v| !v.is_null()).unwrap_or(json!({})),
        "annotations": annotations,
        "creationTimestamp": now,
        "lastModifiedTimestamp": now,
    })
}

/// Merges caller-settable metadata (`name`, `labels`, `annotations`) into stored metadata,
/// keeping the annotations the server owns.
pub fn update_metadata(stored: &mut Value, input: &Value) {
    if let Some(name) = input
        .get("name")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        stored["name"] = json!(name);
    }
    if let Some(labels) = input.get("labels").filter(|v| v.is_object()) {
        stored["labels"] = labels.clone();
    }
    if let Some(annotations) = input.get("annotations").and_then(Value::as_object) {
        let mut merged = annotations.clone();
        for key in ["scope", "tenantUid", "ownerUid", "projectUid"] {
            if let Some(value) = stored.pointer(&format!("/annotations/{key}")) {
                merged.insert(key.to_owned(), value.clone());
            }
        }
        stored["annotations"] = Value::Object(merged);
    }
    stored["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
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

//! The emulator's own endpoints under `/__emulator/`: stats, faults, settings, and what
//! registries serve:
//!
//! - `POST /__emulator/secret-check`: whether a cloud account or a registry holds a given secret
//!   at a JSON pointer of its document, without ever returning one;
//! - `GET/PUT /__emulator/registry-catalogues`: the packs a registry created (or synced) at an
//!   endpoint serves once synced, or a sync failure (see `routes::registries`' catalogue);
//! - `POST /__emulator/registries/{uid}/secrets/check`: whether a registry keeps the given
//!   secret values (`{"password": "..."}` answers `{"password": true}`), so a test can check a
//!   rotation without the emulator ever returning a secret.
//!
//! They need no API key and are neither counted nor rate limited.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use super::registries;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::Deployment;
use crate::state::{AppState, Faults, Settings};
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// The admin routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/__emulator/stats", get(stats))
        .route("/__emulator/stats/reset", post(reset_stats))
        .route("/__emulator/faults", get(get_faults).put(put_faults))
        .route("/__emulator/settings", get(get_settings).put(put_settings))
        .route("/__emulator/secret-check", post(secret_check))
        .route(
            "/__emulator/registry-catalogues",
            get(registries::list_catalogues).put(registries::put_catalogue),
        )
        .route(
            "/__emulator/registries/{uid}/secrets/check",
            post(registries::check_secrets),
        )
}

/// `POST /__emulator/secret-check` with `{"uid", "pointer", "value"}`: `{"matches": bool}`,
/// whether the stored record `uid` (a cloud account, a registry or a backup location) holds `value` at the JSON
/// `pointer` of its document (such as `/spec/secretKey`, or
/// `/spec/config/credentials/secretKey` for a location). Tests use it to see that a rotated
/// secret reached the emulator; the secret itself never leaves it.
async fn secret_check(State(state): State<AppState>, body: Bytes) -> ApiResult<Json<Value>> {
    let input: Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("InvalidRequest", format!("invalid body: {e}")))?;
    let field = |name: &str| {
        input[name].as_str().map(str::to_owned).ok_or_else(|| {
            ApiError::bad_request("InvalidRequest", format!("{name} must be a string"))
        })
    };
    let (uid, pointer, value) = (field("uid")?, field("pointer")?, field("value")?);
    for kind in [Kind::CloudAccount, Kind::Registry, Kind::Location] {
        if let Some(record) = state.store().get(kind, &uid)? {
            let stored = record.doc.pointer(&pointer).and_then(Value::as_str);
            return Ok(Json(json!({"matches": stored == Some(value.as_str())})));
        }
    }
    Err(ApiError::not_found("record", &uid))
}

async fn stats(State(state): State<AppState>) -> Json<Value> {
    Json(state.stats_json())
}

async fn reset_stats(State(state): State<AppState>) -> Response {
    state.reset_stats();
    state.limiter().clear();
    wire::no_content()
}

async fn get_faults(State(state): State<AppState>) -> Json<Value> {
    Json(serde_json::to_value(state.faults()).unwrap_or_default())
}

async fn put_faults(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let mut faults: Faults = if body.iter().all(u8::is_ascii_whitespace) {
        Faults::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request("InvalidRequest", format!("invalid faults: {e}")))?
    };
    for (name, rate) in [
        ("error_rate", faults.error_rate),
        ("throttle_rate", faults.throttle_rate),
        ("reset_rate", faults.reset_rate),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("{name} must be between 0 and 1"),
            ));
        }
    }
    if let Some(pack) = faults.fail_pack.as_deref().filter(|p| !p.is_empty()) {
        let failed = fail_running_deployments(&state, pack)?;
        state
            .stats()
            .faults_injected_total
            .fetch_add(failed, std::sync::atomic::Ordering::Relaxed);
    }
    if let Some(on) = faults.rate_limit.take() {
        state.set_settings(Settings {
            rate_limit: on,
            ..state.settings()
        });
        state.limiter().clear();
    }
    state.set_faults(faults);
    Ok((
        axum::http::StatusCode::OK,
        Json(serde_json::to_value(state.faults()).unwrap_or_default()),
    )
        .into_response())
}

/// Makes `pack` fail in every deployment where it is not yet ready.
fn fail_running_deployments(state: &AppState, pack: &str) -> ApiResult<u64> {
    let _guard = state.write_guard();
    let now = ids::now_ms();
    let mut ops = Vec::new();
    for record in state.store().list(Kind::Deployment)? {
        let Ok(mut deployment) = serde_json::from_value::<Deployment>(record.doc.clone()) else {
            continue;
        };
        if deployment.deleting_at.is_none() && deployment.inject_failure(pack, now) {
            ops.push(Op::Put(Record {
                doc: serde_json::to_value(&deployment)?,
                ..record
            }));
        }
    }
    let count = ops.len() as u64;
    state.store().apply(ops)?;
    Ok(count)
}

async fn get_settings(State(state): State<AppState>) -> Json<Value> {
    Json(serde_json::to_value(state.settings()).unwrap_or_default())
}

async fn put_settings(State(state): State<AppState>, body: Bytes) -> ApiResult<Json<Value>> {
    let patch: Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("InvalidRequest", format!("invalid settings: {e}")))?;
    let mut settings: Settings = state.settings();
    if let Some(v) = patch.get("rate_limit") {
        settings.rate_limit = v.as_bool().ok_or_else(|| {
            ApiError::bad_request("InvalidRequest", "rate_limit must be a boolean")
        })?;
        state.limiter().clear();
    }
    if let Some(v) = patch.get("time_scale") {
        settings.time_scale = v
            .as_f64()
            .filter(|f| f.is_finite() && *f >= 0.0)
            .ok_or_else(|| {
                ApiError::bad_request("InvalidRequest", "time_scale must be a non-negative number")
            })?;
    }
    if let Some(v) = patch.get("repave_approval") {
        settings.repave_approval = v.as_bool().ok_or_else(|| {
            ApiError::bad_request("InvalidRequest", "repave_approval must be a boolean")
        })?;
    }
    state.set_settings(settings);
    Ok(Json(json!(settings)))
}

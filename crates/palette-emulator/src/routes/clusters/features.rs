//! A cluster's backup and compliance-scan policies: given at create in `spec.policies`, then
//! `.../features/backup` (`GET`, `POST` to add, `PUT` to change, `DELETE`) and
//! `.../features/complianceScan` (`GET`, `POST`, `PUT`; an empty policy turns every scan off).
//!
//! Both are kept on the cluster record (`_emu.backup`, `_emu.scan`). Refused: a backup without
//! its location, prefix or schedule, a schedule that is not a five-field cron expression, an
//! expiry that is not above zero, a second `POST` (409), a `PUT` or `DELETE` with nothing to
//! change (404).
//
// Limitation: runs are not simulated; the status lists no backups or scan reports.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Value, json};

use super::delete::refuse_if_deleting;
use super::records::find_cluster;
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::Record;
use crate::{ids, wire};

fn refuse(field: String, message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", message).with_details(json!({ "field": field }))
}

/// Whether `text` is a five-field cron expression (the form every schedule here takes).
pub(super) fn cron(text: &str) -> bool {
    let fields: Vec<&str> = text.split_whitespace().collect();
    fields.len() == 5
        && fields.iter().all(|f| {
            f.split(',').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "*-/?".contains(c))
            })
        })
}

fn check_schedule(schedule: Option<&m::ClusterFeatureSchedule>, field: &str) -> ApiResult<()> {
    match schedule.and_then(|s| wire::given(s.scheduled_run_time.as_deref())) {
        Some(text) if cron(text) => Ok(()),
        Some(text) => Err(refuse(
            field.to_owned(),
            format!("schedule '{text}' is not a cron expression of five fields"),
        )),
        None => Err(refuse(field.to_owned(), "a schedule is required".into())),
    }
}

/// Checks a backup policy, and that its location exists where the cluster can see it; `at`
/// names it.
pub(super) fn check_backup(
    state: &AppState,
    ctx: &Ctx,
    config: &m::ClusterBackupConfig,
    at: &str,
) -> ApiResult<()> {
    for (value, key) in [
        (&config.backup_location_uid, "backupLocationUid"),
        (&config.backup_prefix, "backupPrefix"),
    ] {
        if wire::given(value.as_deref()).is_none() {
            return Err(refuse(format!("{at}.{key}"), format!("{key} is required")));
        }
    }
    check_schedule(
        config.schedule.as_ref(),
        &format!("{at}.schedule.scheduledRunTime"),
    )?;
    if config.duration_in_hours.is_none_or(|h| h <= 0) {
        return Err(refuse(
            format!("{at}.durationInHours"),
            "durationInHours must be above 0".into(),
        ));
    }
    let location = config.backup_location_uid.as_deref().unwrap_or_default();
    if crate::routes::locations::find_location(state, ctx, location).is_err() {
        return Err(refuse(
            format!("{at}.backupLocationUid"),
            format!("backup location '{location}' does not exist"),
        ));
    }
    Ok(())
}

/// Checks a scan policy: each scan given has a cron schedule.
pub(super) fn check_scan(config: &m::ClusterComplianceScheduleConfig, at: &str) -> ApiResult<()> {
    for (driver, key) in [
        (&config.kube_bench, "kubeBench"),
        (&config.kube_hunter, "kubeHunter"),
        (&config.sonobuoy, "sonobuoy"),
    ] {
        if let Some(driver) = driver {
            check_schedule(
                driver.schedule.as_ref(),
                &format!("{at}.{key}.schedule.scheduledRunTime"),
            )?;
        }
    }
    Ok(())
}

/// Takes `policies` from a create body: checked, as the record keeps them.
pub(super) fn from_create(
    state: &AppState,
    ctx: &Ctx,
    policies: Option<Value>,
) -> ApiResult<(Value, Value)> {
    let Some(policies) = policies.filter(|p| !p.is_null()) else {
        return Ok((Value::Null, Value::Null));
    };
    let policies: m::SpectroClusterPolicies = wire::fit(policies)?;
    let backup = match &policies.backup_policy {
        Some(b) => {
            check_backup(state, ctx, b, "spec.policies.backupPolicy")?;
            json!(b)
        }
        None => Value::Null,
    };
    let scan = match &policies.scan_policy {
        Some(s) => {
            check_scan(s, "spec.policies.scanPolicy")?;
            json!(s)
        }
        None => Value::Null,
    };
    Ok((backup, scan))
}

fn meta(record: &Record, what: &str) -> Value {
    json!({"name": format!("{}-{what}", record.name), "uid": ids::stable_uid(&format!("{what}/{}", record.uid))})
}

pub(super) async fn get_backup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let config = &record.doc["_emu"]["backup"];
    if config.is_null() {
        return Err(ApiError::not_found("backup policy of cluster", &uid));
    }
    wire::ok::<m::ClusterBackup>(json!({
        "metadata": meta(&record, "backup"),
        "spec": {"clusterUid": record.uid, "config": config},
        "status": {"clusterBackupStatuses": []},
    }))
}

pub(super) async fn get_scan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let config = &record.doc["_emu"]["scan"];
    if config.is_null() {
        return Err(ApiError::not_found(
            "compliance scan policy of cluster",
            &uid,
        ));
    }
    let mut drivers = serde_json::Map::new();
    for key in ["kubeBench", "kubeHunter", "sonobuoy"] {
        if !config[key].is_null() {
            drivers.insert(
                key.to_owned(),
                json!({"config": config[key], "isClusterConfig": false}),
            );
        }
    }
    wire::ok::<m::ClusterComplianceScan>(json!({
        "metadata": meta(&record, "scan"),
        "spec": {"clusterUid": record.uid, "driverSpec": drivers},
    }))
}

/// Sets `_emu.<key>` to `value`: `create` refuses one that exists, else one that does not.
fn set(
    state: &AppState,
    ctx: &Ctx,
    uid: &str,
    key: &str,
    value: Value,
    create: bool,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (mut record, deployment) = find_cluster(state, ctx, uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    let exists = !record.doc["_emu"][key].is_null();
    if create && exists {
        return Err(ApiError::conflict(
            "PolicyAlreadyExists",
            format!(
                "cluster '{}' already has a {key} policy; PUT changes it",
                record.name
            ),
        ));
    }
    if !create && !exists {
        return Err(ApiError::not_found(
            &format!("{key} policy of cluster"),
            uid,
        ));
    }
    record.doc["_emu"][key] = value;
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    let policy_uid = ids::stable_uid(&format!("{key}/{}", record.uid));
    state.store().put(record)?;
    Ok(if create {
        wire::created(&policy_uid)
    } else {
        wire::no_content()
    })
}

pub(super) async fn backup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
    create: bool,
) -> ApiResult<Response> {
    let config: m::ClusterBackupConfig = wire::body(&body)?;
    check_backup(&state, &ctx, &config, "body")?;
    set(&state, &ctx, &uid, "backup", json!(config), create)
}

pub(super) async fn delete_backup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (mut record, _) = find_cluster(&state, &ctx, &uid)?;
    if record.doc["_emu"]["backup"].is_null() {
        return Err(ApiError::not_found("backup policy of cluster", &uid));
    }
    record.doc["_emu"]["backup"] = Value::Null;
    state.store().put(record)?;
    Ok(wire::no_content())
}

pub(super) async fn scan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
    create: bool,
) -> ApiResult<Response> {
    let config: m::ClusterComplianceScheduleConfig = wire::body(&body)?;
    check_scan(&config, "body")?;
    set(&state, &ctx, &uid, "scan", json!(config), create)
}

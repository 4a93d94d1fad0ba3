//! A cluster's backup and compliance-scan policies: given at create in `spec.policies`, then
//! `.../features/backup` (`GET`, `POST` to add, `PUT` to change, `DELETE`) and
//! `.../features/complianceScan` (`GET`, `POST`, `PUT`; an empty policy turns every scan off).
//!
//! Both are kept on the cluster record (`_emu.backup`, `_emu.scan`). Refused: a backup without
//! its location, prefix or schedule, a schedule that is not a five-field cron expression, an
//! expiry that is not above zero, a second `POST` (409), a `PUT` or `DELETE` with nothing to
//! change (404).
//!
//! Runs happen as Palette makes them, computed at each read (no background task): a policy's
//! schedule fires on the emulator's scaled clock from the moment the policy was set
//! (`_emu.backupSince`, `_emu.scanSince`; see [`crate::lifecycle::schedule`]), and on-demand
//! requests (`POST .../backup/onDemand`, `POST .../complianceScan/onDemand`) are kept with the
//! time they were made (`_emu.backupRuns`, `_emu.scanRuns`, with the runs of a schedule that
//! was changed or removed since). A backup takes 3 emulated minutes, a configuration scan 2, a
//! penetration scan 3 and a conformance scan 10, each `InProgress` until then and `Completed`
//! after. Backups show in `GET .../features/backup` (`status.clusterBackupStatuses`, one per
//! request, filtered by `backupRequestUid`), scans in `GET .../complianceScan/logs/drivers`
//! with fixed, deterministic reports.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Value, json};
use std::collections::HashMap;

use super::delete::refuse_if_deleting;
use super::records::find_cluster;
use crate::context::Ctx;
use crate::lifecycle::schedule::{self, Cron};
use crate::routes::common::Query;

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
    query: Query,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let config = &record.doc["_emu"]["backup"];
    let now = ids::now_ms();
    let scale = state.settings().time_scale;
    let runs = backup_runs(&record, now, scale);
    // Without a policy, only on-demand backups keep the feature's status alive.
    if config.is_null() && !runs.iter().any(|r| r["actor"] == "user") {
        return Err(ApiError::not_found("backup policy of cluster", &uid));
    }
    let wanted = query.get("backupRequestUid").filter(|u| !u.is_empty());
    let statuses: Vec<Value> = runs
        .iter()
        .filter(|r| wanted.is_none_or(|w| r["requestUid"].as_str() == Some(w.as_str())))
        .map(|r| backup_status(&state, &ctx, r, now, scale))
        .collect();
    let spec = if config.is_null() {
        json!({"clusterUid": record.uid})
    } else {
        json!({"clusterUid": record.uid, "config": config})
    };
    wire::ok::<m::ClusterBackup>(json!({
        "metadata": meta(&record, "backup"),
        "spec": spec,
        "status": {"clusterBackupStatuses": statuses},
    }))
}

/// How long a run takes at time scale 1, in milliseconds.
mod durations {
    pub(super) const BACKUP: f64 = 3.0 * 60_000.0;

    /// A scan driver's run.
    pub(super) fn scan(driver: &str) -> f64 {
        match driver {
            "kubeBench" => 2.0 * 60_000.0,
            "kubeHunter" => 3.0 * 60_000.0,
            _ => 10.0 * 60_000.0,
        }
    }
}

/// The newest scheduled runs a read lists, and the runs a record keeps.
const LISTED_RUNS: usize = 20;
const KEPT_RUNS: usize = 50;

fn scaled(ms: f64, scale: f64) -> i64 {
    (ms * scale).round() as i64
}

/// `yyyymmddhhmmss` of a time, for backup names.
fn stamp(at: i64) -> String {
    ids::rfc3339(at)
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect()
}

/// The runs a backup policy's schedule made since it was set, as stored runs are written.
fn scheduled_backups(record: &Record, until: i64, scale: f64) -> Vec<Value> {
    let config = &record.doc["_emu"]["backup"];
    let Some(cron) = config["schedule"]["scheduledRunTime"]
        .as_str()
        .and_then(Cron::parse)
    else {
        return Vec::new();
    };
    let since = record.doc["_emu"]["backupSince"].as_i64().unwrap_or(until);
    schedule::runs(&cron, since, until, scale, LISTED_RUNS)
        .into_iter()
        .map(|at| {
            let prefix = config["backupPrefix"].as_str().unwrap_or("backup");
            backup_run(
                config,
                &ids::stable_uid(&format!("backup-run/{}/{at}", record.uid)),
                &format!("{prefix}-{}", stamp(at)),
                at,
                "schedule",
            )
        })
        .collect()
}

/// A stored run of a backup made with `config`.
fn backup_run(config: &Value, request_uid: &str, name: &str, at: i64, actor: &str) -> Value {
    json!({
        "requestUid": request_uid,
        "name": name,
        "at": at,
        "actor": actor,
        "locationUid": config["backupLocationUid"],
        "expiryHours": config["durationInHours"],
        "includeAllDisks": config["includeAllDisks"],
        "mode": config["includeClusterResourceMode"],
        "namespaces": config["namespaces"],
    })
}

/// Every backup of the cluster, oldest first: the stored ones, then the schedule's.
fn backup_runs(record: &Record, now: i64, scale: f64) -> Vec<Value> {
    let mut runs: Vec<Value> = record.doc["_emu"]["backupRuns"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    runs.extend(scheduled_backups(record, now, scale));
    runs.sort_by_key(|r| r["at"].as_i64().unwrap_or_default());
    runs
}

/// One `v1ClusterBackupStatusMeta`, as the run stands at `now`.
fn backup_status(state: &AppState, ctx: &Ctx, run: &Value, now: i64, scale: f64) -> Value {
    let at = run["at"].as_i64().unwrap_or_default();
    let done = now >= at + scaled(durations::BACKUP, scale);
    let phase = if done { "Completed" } else { "InProgress" };
    let location_uid = run["locationUid"].as_str().unwrap_or_default();
    let location = crate::routes::locations::find_location(state, ctx, location_uid).ok();
    let expiry = at + run["expiryHours"].as_i64().unwrap_or(0) * 3_600_000;
    let namespaces = run["namespaces"].as_array().cloned().unwrap_or_default();
    json!({
        "actor": {"actorType": run["actor"]},
        "backupConfig": {
            "includeAllDisks": run["includeAllDisks"],
            "includeClusterResourceMode": run["mode"],
            "namespaces": namespaces,
        },
        "backupLocationConfig": {
            "uid": location_uid,
            "name": location.as_ref().map(|l| l.name.clone()),
            "type": location.as_ref().map(|l| crate::routes::locations::type_of(l).to_owned()),
        },
        "backupRequestUid": run["requestUid"],
        "backupStatusMeta": [{
            "backupName": run["name"],
            "backupState": {
                "backupTime": ids::rfc3339(at),
                "state": phase,
                "msg": if done { "backup completed" } else { "backing up the cluster's resources and volumes" },
            },
            "backupedNamespaces": if done { namespaces } else { Vec::new() },
            "expiryDate": ids::rfc3339(expiry),
        }],
        "state": phase,
    })
}

/// Writes the runs the current schedules made into the record (before a schedule changes or
/// goes), and restarts the schedules' clocks at `now`.
fn keep_scheduled_runs(record: &mut Record, key: &str, now: i64, scale: f64) {
    let made = match key {
        "backup" => scheduled_backups(record, now, scale),
        _ => scheduled_scans(record, now, scale),
    };
    push_runs(record, key, made);
    record.doc["_emu"][format!("{key}Since")] = json!(now);
}

fn push_runs(record: &mut Record, key: &str, made: Vec<Value>) {
    let field = format!("{key}Runs");
    let mut runs = record.doc["_emu"][&field]
        .as_array()
        .cloned()
        .unwrap_or_default();
    runs.extend(made);
    let excess = runs.len().saturating_sub(KEPT_RUNS);
    runs.drain(..excess);
    record.doc["_emu"][&field] = json!(runs);
}

/// The scan drivers: key in the API, driver type, report maker.
const DRIVERS: [&str; 3] = ["kubeBench", "kubeHunter", "sonobuoy"];

/// The runs the scan policy's schedules made since it was set.
fn scheduled_scans(record: &Record, until: i64, scale: f64) -> Vec<Value> {
    let config = &record.doc["_emu"]["scan"];
    let since = record.doc["_emu"]["scanSince"].as_i64().unwrap_or(until);
    let mut out = Vec::new();
    for driver in DRIVERS {
        let Some(cron) = config[driver]["schedule"]["scheduledRunTime"]
            .as_str()
            .and_then(Cron::parse)
        else {
            continue;
        };
        for at in schedule::runs(&cron, since, until, scale, LISTED_RUNS) {
            out.push(json!({
                "requestUid": ids::stable_uid(&format!("scan-run/{}/{driver}/{at}", record.uid)),
                "driver": driver,
                "at": at,
                "actor": "schedule",
            }));
        }
    }
    out
}

/// The reports of a finished run of `driver`: fixed, so every read and every run says the same.
fn reports(driver: &str, at: &str) -> Value {
    match driver {
        "kubeBench" => json!({
            "master": {"name": "master", "type": "master", "time": at, "pass": 52, "fail": 2, "warn": 11, "info": 0, "logs": [
                {"testId": "1.1.12", "state": "FAIL", "description": "Ensure that the etcd data directory ownership is set to etcd:etcd", "remediation": "chown etcd:etcd /var/lib/etcd", "expected": "etcd:etcd", "value": "root:root"},
                {"testId": "1.2.16", "state": "FAIL", "description": "Ensure that the --profiling argument is set to false", "remediation": "Set --profiling=false on the API server", "expected": "false", "value": "true"},
            ]},
            "node": {"name": "node", "type": "node", "time": at, "pass": 19, "fail": 0, "warn": 4, "info": 0, "logs": []},
        }),
        "kubeHunter" => json!({
            "kube-hunter": {"time": at, "vulnerabilites": {"high": 0, "medium": 1, "low": 1}, "logs": [
                {"testId": "KHV002", "vulnerability": "K8s Version Disclosure", "severity": "medium", "description": "The kubernetes version could be obtained from the /version endpoint", "evidence": "v1.34.9", "reference": "https://avd.aquasec.com/kube-hunter/khv002/"},
                {"testId": "KHV005", "vulnerability": "Access to API using service account token", "severity": "low", "description": "The API Server port is accessible with a service account token", "evidence": "b'{\"kind\":\"APIVersions\"}'", "reference": "https://avd.aquasec.com/kube-hunter/khv005/"},
            ]},
        }),
        _ => json!({
            "e2e": {"plugin": "e2e", "node": "global", "status": "passed", "pass": 383, "fail": 0, "total": 383, "logs": []},
            "systemd-logs": {"plugin": "systemd-logs", "node": "global", "status": "passed", "pass": 3, "fail": 0, "total": 3, "logs": []},
        }),
    }
}

/// One scan log, as the run stands at `now`.
fn scan_log(record: &Record, run: &Value, now: i64, scale: f64) -> Value {
    let driver = run["driver"].as_str().unwrap_or_default();
    let at = run["at"].as_i64().unwrap_or_default();
    let end = at + scaled(durations::scan(driver), scale);
    let done = now >= end;
    let mut status = json!({
        "actor": {"actorType": run["actor"]},
        "requestUid": run["requestUid"],
        "scanTime": {"startTime": ids::rfc3339(at)},
        "state": if done { "Completed" } else { "InProgress" },
        "message": if done { "scan completed" } else { "scan in progress" },
    });
    if done {
        status["scanTime"]["endTime"] = json!(ids::rfc3339(end));
        status["reports"] = reports(driver, &ids::rfc3339(end));
    }
    let log_uid = ids::stable_uid(&format!("scan-log/{}/{}", record.uid, run["requestUid"]));
    json!({
        "metadata": {"uid": log_uid, "name": format!("{}-{driver}", record.name), "creationTimestamp": ids::rfc3339(at)},
        "spec": {"clusterUid": record.uid, "driverType": driver},
        "status": status,
    })
}

/// `GET .../complianceScan/logs/drivers`: every scan run, by driver, oldest first.
pub(super) async fn get_scan_logs(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let now = ids::now_ms();
    let scale = state.settings().time_scale;
    let mut runs: Vec<Value> = record.doc["_emu"]["scanRuns"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    runs.extend(scheduled_scans(&record, now, scale));
    runs.sort_by_key(|r| r["at"].as_i64().unwrap_or_default());
    let mut by_driver: HashMap<&str, Vec<Value>> = HashMap::new();
    for run in &runs {
        let driver = run["driver"].as_str().unwrap_or_default();
        if let Some(d) = DRIVERS.iter().find(|d| **d == driver) {
            by_driver
                .entry(d)
                .or_default()
                .push(scan_log(&record, run, now, scale));
        }
    }
    let mut take = |d: &str| by_driver.remove(d).unwrap_or_default();
    wire::ok::<m::ClusterComplianceScanLogs>(json!({
        "kubeBenchLogs": take("kubeBench"),
        "kubeHunterLogs": take("kubeHunter"),
        "sonobuoyLogs": take("sonobuoy"),
    }))
}

/// `POST .../features/backup/onDemand`: a backup now, to the location the body names.
pub(super) async fn backup_now(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let config: m::ClusterBackupConfig = wire::body(&body)?;
    let named =
        wire::given(config.backup_name.as_deref()).or(wire::given(config.backup_prefix.as_deref()));
    let Some(name) = named else {
        return Err(refuse(
            "body.backupName".into(),
            "backupName (or backupPrefix) is required".into(),
        ));
    };
    if config.duration_in_hours.is_none_or(|h| h <= 0) {
        return Err(refuse(
            "body.durationInHours".into(),
            "durationInHours must be above 0".into(),
        ));
    }
    let location = wire::given(config.backup_location_uid.as_deref()).unwrap_or_default();
    if crate::routes::locations::find_location(&state, &ctx, location).is_err() {
        return Err(refuse(
            "body.backupLocationUid".into(),
            format!("backup location '{location}' does not exist"),
        ));
    }
    let _guard = state.write_guard();
    let (mut record, deployment) = find_cluster(&state, &ctx, &uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    let now = ids::now_ms();
    let request_uid = ids::new_uid();
    let backup_name = if config.backup_name.as_deref().is_some_and(|n| !n.is_empty()) {
        name.to_owned()
    } else {
        format!("{name}-{}", stamp(now))
    };
    let run = backup_run(&json!(config), &request_uid, &backup_name, now, "user");
    push_runs(&mut record, "backup", vec![run]);
    state.store().put(record)?;
    Ok(wire::created(&request_uid))
}

/// `POST .../complianceScan/onDemand`: the scans the body switches on, now.
pub(super) async fn scan_now(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let config: m::ClusterComplianceOnDemandConfig = wire::body(&body)?;
    let on = |d: &Option<m::ComplianceScanRun>| d.as_ref().and_then(|d| d.run_scan) == Some(true);
    let drivers: Vec<&str> = [
        ("kubeBench", on(&config.kube_bench)),
        ("kubeHunter", on(&config.kube_hunter)),
        ("sonobuoy", on(&config.sonobuoy)),
    ]
    .into_iter()
    .filter_map(|(d, on)| on.then_some(d))
    .collect();
    if drivers.is_empty() {
        return Err(refuse(
            "body".into(),
            "no scan to run: set runScan on kubeBench, kubeHunter or sonobuoy".into(),
        ));
    }
    let _guard = state.write_guard();
    let (mut record, deployment) = find_cluster(&state, &ctx, &uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    let now = ids::now_ms();
    let request_uid = ids::new_uid();
    let runs = drivers
        .iter()
        .map(|d| json!({"requestUid": request_uid, "driver": d, "at": now, "actor": "user"}))
        .collect();
    push_runs(&mut record, "scan", runs);
    state.store().put(record)?;
    Ok(wire::created(&request_uid))
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
    let now = ids::now_ms();
    keep_scheduled_runs(&mut record, key, now, state.settings().time_scale);
    record.doc["_emu"][key] = value;
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::rfc3339(now));
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
    keep_scheduled_runs(
        &mut record,
        "backup",
        ids::now_ms(),
        state.settings().time_scale,
    );
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

//! Day-2 settings with endpoints of their own: the repave gate (`GET .../repave/status`,
//! `PATCH .../repave/approve`), the apply state of a profile change (`GET`/`POST
//! .../status/spcApply`), agent upgrades (`POST .../upgrade/settings`), OS patching (`PATCH
//! .../clusterConfig/osPatch`) and the time zone (`PATCH .../clusterConfig/timezone`).
//!
//! The agent-upgrade setting is kept where Palette reports it, as the cluster annotation
//! `spectroComponentsUpgradeForbidden`. OS patch settings are ignored on edge clusters, as the
//! spec says (`v1MachineManagementConfig`): they are accepted and not kept.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Value, json};

use super::delete::refuse_if_deleting;
use super::read::spc_apply;
use super::records::{deployment_op, env_of, find_cluster};
use crate::context::Ctx;
use crate::environments::Environment;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::Record;
use crate::{ids, wire};

pub(super) async fn repave_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, deployment) = find_cluster(&state, &ctx, &uid)?;
    let repave = deployment.rollout.repave.clone().unwrap_or_default();
    let reasons: Vec<Value> = repave
        .reasons
        .iter()
        .map(|r| json!({"code": r.code, "message": r.message}))
        .collect();
    let mut status = json!({});
    if !repave.state.is_empty() {
        status = json!({
            "state": repave.state,
            "repaveTransitionTime": ids::rfc3339(repave.since),
        });
    }
    wire::ok::<m::SpectroClusterRepave>(json!({
        "metadata": {"name": record.name, "uid": record.uid},
        "spec": {"reasons": reasons, "source": "user", "spectroClusterUid": record.uid},
        "status": status,
    }))
}

pub(super) async fn approve_repave(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (record, mut deployment) = find_cluster(&state, &ctx, &uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    let scale = state.settings().time_scale;
    if !deployment.approve_repave(&record.uid, ids::now_ms(), scale) {
        return Err(ApiError::bad_request(
            "RepaveNotPending",
            format!("cluster '{}' has no repave to approve", record.name),
        ));
    }
    let op = deployment_op(&record.uid, &record.project, &deployment)?;
    state.store().apply(vec![op])?;
    Ok(wire::no_content())
}

pub(super) async fn get_spc_apply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, deployment) = find_cluster(&state, &ctx, &uid)?;
    wire::ok::<m::SpcApply>(spc_apply(&record, &deployment, ids::now_ms()))
}

pub(super) async fn post_spc_apply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (record, mut deployment) = find_cluster(&state, &ctx, &uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    deployment.apply_now(&record.uid, ids::now_ms(), state.settings().time_scale);
    let op = deployment_op(&record.uid, &record.project, &deployment)?;
    state.store().apply(vec![op])?;
    Ok(wire::accepted())
}

/// Applies `edit` to the stored cluster, refusing a cluster that is being deleted.
fn change_cluster(
    state: &AppState,
    ctx: &Ctx,
    uid: &str,
    edit: impl FnOnce(&mut Record) -> ApiResult<()>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (mut record, deployment) = find_cluster(state, ctx, uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    edit(&mut record)?;
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    state.store().put(record)?;
    Ok(wire::no_content())
}

pub(super) async fn upgrade_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterUpgradeSettingsEntity = wire::body(&body)?;
    let paused = match input.spectro_components.as_deref() {
        Some("lock") => true,
        Some("unlock") => false,
        _ => {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                "spectroComponents must be lock or unlock",
            )
            .with_details(json!({"field": "spectroComponents"})));
        }
    };
    change_cluster(&state, &ctx, &uid, |record| {
        let annotations = &mut record.doc["metadata"]["annotations"];
        if !annotations.is_object() {
            *annotations = json!({});
        }
        annotations[m::UPGRADE_FORBIDDEN_ANNOTATION] = json!(paused.to_string());
        Ok(())
    })
}

pub(super) async fn os_patch(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::OsPatchEntity = wire::body(&body)?;
    let config = input.os_patch_config.unwrap_or_default();
    check_os_patch(&config, "osPatchConfig")?;
    change_cluster(&state, &ctx, &uid, |record| {
        if env_of(record).key == "edge-native" {
            return Ok(());
        }
        record.doc["spec"]["clusterConfig"]["machineManagementConfig"]["osPatchConfig"] =
            json!(config);
        Ok(())
    })
}

pub(super) async fn timezone(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::TimezoneUpdateEntity = wire::body(&body)?;
    check_timezone(&input.timezone, "timezone")?;
    change_cluster(&state, &ctx, &uid, |record| {
        record.doc["spec"]["clusterConfig"]["timezone"] = json!(input.timezone);
        Ok(())
    })
}

pub(super) async fn meta_attribute(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterMetaAttributeEntity = wire::body(&body)?;
    change_cluster(&state, &ctx, &uid, |record| {
        let config = &mut record.doc["spec"]["clusterConfig"];
        match input.cluster_meta_attribute.filter(|m| !m.is_empty()) {
            Some(meta) => config["clusterMetaAttribute"] = json!(meta),
            None => {
                if let Some(obj) = config.as_object_mut() {
                    obj.remove("clusterMetaAttribute");
                }
            }
        }
        Ok(())
    })
}

pub(super) async fn host_cluster(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::HostClusterConfigEntity = wire::body(&body)?;
    let config = input.host_cluster_config.unwrap_or_default();
    check_host_cluster(&config, "hostClusterConfig")?;
    change_cluster(&state, &ctx, &uid, |record| {
        record.doc["spec"]["clusterConfig"]["hostClusterConfig"] = json!(config);
        Ok(())
    })
}

pub(super) async fn location(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::SpectroClusterLocationInputEntity = wire::body(&body)?;
    let location = input.location.unwrap_or_default();
    check_location(&location, "location")?;
    change_cluster(&state, &ctx, &uid, |record| {
        let config = &mut record.doc["spec"]["clusterConfig"];
        if location == m::ClusterLocation::default() {
            if let Some(obj) = config.as_object_mut() {
                obj.remove("location");
            }
        } else {
            config["location"] = json!(location);
        }
        Ok(())
    })
}

/// Refuses a point off the globe.
pub(super) fn check_location(location: &m::ClusterLocation, field: &str) -> ApiResult<()> {
    let point = location.geo_loc.clone().unwrap_or_default();
    for (name, value, limit) in [
        ("latitude", point.latitude, 90.0),
        ("longitude", point.longitude, 180.0),
    ] {
        if value.is_some_and(|v: f64| v.abs() > limit) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("the {name} must be from -{limit} to {limit}"),
            )
            .with_details(json!({"field": format!("{field}.geoLoc.{name}")})));
        }
    }
    Ok(())
}

/// Refuses a host cluster configuration Palette would: a host cluster needs its endpoint type
/// (`Ingress` or `LoadBalancer`).
pub(super) fn check_host_cluster(config: &m::HostClusterConfig, field: &str) -> ApiResult<()> {
    if config.is_host_cluster != Some(true) {
        return Ok(());
    }
    let kind = config
        .cluster_endpoint
        .as_ref()
        .and_then(|e| e.type_.as_deref())
        .unwrap_or("");
    if kind == "Ingress" || kind == "LoadBalancer" {
        return Ok(());
    }
    Err(ApiError::bad_request(
        "InvalidRequest",
        format!("a host cluster's endpoint type must be Ingress or LoadBalancer, not '{kind}'"),
    )
    .with_details(json!({"field": format!("{field}.clusterEndpoint.type")})))
}

/// A create body's `clusterConfig`, checked: the time zone, the host cluster endpoint and the
/// OS patch schedule; OS
/// patching is dropped on edge clusters.
pub(super) fn cluster_config(env: &Environment, config: Option<Value>) -> ApiResult<Value> {
    let mut config = config.unwrap_or(json!({}));
    if let Some(zone) = config["timezone"].as_str().filter(|z| !z.is_empty()) {
        check_timezone(zone, "spec.clusterConfig.timezone")?;
    }
    if let Some(location) = config.get("location").cloned() {
        let parsed: m::ClusterLocation = wire::fit(location)?;
        check_location(&parsed, "spec.clusterConfig.location")?;
    }
    if let Some(host) = config.get("hostClusterConfig").cloned() {
        let parsed: m::HostClusterConfig = wire::fit(host)?;
        check_host_cluster(&parsed, "spec.clusterConfig.hostClusterConfig")?;
    }
    let patch = config
        .pointer("/machineManagementConfig/osPatchConfig")
        .cloned();
    if let Some(patch) = patch {
        let parsed: m::OsPatchConfig = wire::fit(patch)?;
        check_os_patch(
            &parsed,
            "spec.clusterConfig.machineManagementConfig.osPatchConfig",
        )?;
        if env.key == "edge-native"
            && let Some(obj) = config.as_object_mut()
        {
            obj.remove("machineManagementConfig");
        }
    }
    Ok(config)
}

/// The IANA areas a zone name starts with.
const TIMEZONE_AREAS: &[&str] = &[
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
    "Etc",
];

/// Refuses a time zone that is not an IANA name (`UTC`, or `Area/Location`).
pub(super) fn check_timezone(zone: &str, field: &str) -> ApiResult<()> {
    let valid = zone == "UTC"
        || zone.split_once('/').is_some_and(|(area, rest)| {
            TIMEZONE_AREAS.contains(&area)
                && !rest.is_empty()
                && rest.split('/').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c))
                })
        });
    if valid {
        return Ok(());
    }
    Err(ApiError::bad_request(
        "InvalidRequest",
        format!("'{zone}' is not an IANA time zone (such as UTC or America/New_York)"),
    )
    .with_details(json!({"field": field})))
}

/// Refuses an OS patch schedule that is not a five-field cron expression.
pub(super) fn check_os_patch(config: &m::OsPatchConfig, field: &str) -> ApiResult<()> {
    let Some(schedule) = config.schedule.as_deref().filter(|s| !s.is_empty()) else {
        return Ok(());
    };
    if super::features::cron(schedule) {
        return Ok(());
    }
    Err(ApiError::bad_request(
        "InvalidRequest",
        format!("schedule '{schedule}' is not a cron expression of five fields"),
    )
    .with_details(json!({"field": format!("{field}.schedule")})))
}

//! `palette_cluster_backup`: takes a backup of a cluster now
//! (`POST .../features/backup/onDemand`) and follows it (`GET .../features/backup` with the
//! request's uid) until it completes.
//!
//! What the configuration leaves out comes from the cluster's backup policy (its storage
//! location, prefix, expiry, namespaces and modes); without a policy, the location must be
//! given.

use std::time::Duration;

use palette_api::models::ClusterBackupConfig;
use tfplugin::action::{InvokeRequest, InvokeResponse};
use tfplugin::async_trait;
use tfplugin::resource::{ValidateConfigRequest, ValidateConfigResponse};
use tfplugin::validator::{at_least, one_of};
use tfplugin::{Action, Attribute, AttributePath, Block, Context, Schema, Type, Value, ValueExt};
use tokio::time::Instant;

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::wait;

const SUMMARY: &str = "Cluster Backup Error";
const DEFAULT_TIMEOUT: &str = "60m";
const DEFAULT_EXPIRY_HOURS: i64 = 72;

pub(super) struct ClusterBackup;

#[async_trait]
impl Action for ClusterBackup {
    fn type_name(&self) -> &str {
        "cluster_backup"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Takes a backup of a cluster now and reports its progress until it completes. \
                     What is left out comes from the cluster's `backup_policy`.",
                )
                .attribute(super::cluster_id_attribute())
                .attribute(super::context_attribute())
                .attribute(Attribute::string("backup_storage_location_id").optional().description(
                    "Uid of the backup storage location; the backup policy's when left out \
                     (required for a cluster without one).",
                ))
                .attribute(Attribute::string("name").optional().description(
                    "The backup's name; by default the policy's prefix (or `on-demand`) and the time.",
                ))
                .attribute(
                    Attribute::int64("expiry_in_hours")
                        .optional()
                        .validator(at_least(1))
                        .description(format!(
                            "How long the backup is kept, in hours; the policy's, or \
                             {DEFAULT_EXPIRY_HOURS}, when left out."
                        )),
                )
                .attribute(
                    Attribute::list("namespaces", Type::String)
                        .optional()
                        .description("The namespaces to back up; the policy's (or every one) when left out."),
                )
                .attribute(Attribute::bool("include_disks").optional().description(
                    "Snapshot the persistent volumes too; the policy's (or true) when left out.",
                ))
                .attribute(
                    Attribute::string("include_cluster_resources")
                        .optional()
                        .validator(one_of(["Always", "Auto", "Never"]))
                        .description(
                            "Which cluster-wide resources the backup takes: `Always`, `Auto` or \
                             `Never`; the policy's (or `Always`) when left out.",
                        ),
                )
                .attribute(super::timeout_attribute(DEFAULT_TIMEOUT, "the backup to complete")),
        )
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        let config = &req.config;
        super::check_cluster_id(config, &mut resp.diagnostics);
        super::check_timeout(config, &mut resp.diagnostics);
        if let Some(name) = config.get_str("name") {
            let ok = !name.is_empty()
                && name.len() <= 63
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !name.starts_with('-')
                && !name.ends_with('-');
            if !ok {
                resp.diagnostics.attribute_error(
                    AttributePath::root("name"),
                    "Invalid Backup Name",
                    format!(
                        "{name:?} cannot name a backup: use lowercase letters, digits and '-', at \
                         most 63, starting and ending with a letter or digit."
                    ),
                );
            }
        }
        for (i, ns) in config.get_elements("namespaces").iter().enumerate() {
            if ns.as_str().is_some_and(str::is_empty) {
                resp.diagnostics.attribute_error(
                    AttributePath::root("namespaces").index(i as i64),
                    "Invalid Namespace",
                    "A namespace name cannot be empty.",
                );
            }
        }
    }

    async fn invoke(&self, ctx: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
        let config = &req.config;
        let uid = config.get_str("cluster_id").unwrap_or_default().to_string();
        let context = config.get_str("context").unwrap_or("project");
        let timeout = super::timeout_of(config, DEFAULT_TIMEOUT);
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let policy = match ctx.run(data.client.get_cluster_backup(&scope, &uid)).await {
            Ok(Ok(backup)) => backup.spec.and_then(|s| s.config),
            Ok(Err(err)) if err.is_not_found() => None,
            Ok(Err(err)) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("reading the backup policy of cluster {uid}"),
                    &err,
                ));
            }
            Err(_) => {
                return resp.diagnostics.push(diagnostics::interrupted(
                    SUMMARY,
                    "reading the backup policy",
                ));
            }
        };
        let policy = policy.unwrap_or_default();
        let Some(location) = config
            .get_str("backup_storage_location_id")
            .map(str::to_string)
            .or(policy.backup_location_uid.clone())
        else {
            return resp.diagnostics.attribute_error(
                AttributePath::root("backup_storage_location_id"),
                "No Backup Storage Location",
                format!(
                    "Cluster {uid} has no backup policy to take the storage location from: set \
                     `backup_storage_location_id` (a `palette_backup_storage_location`'s id)."
                ),
            );
        };
        let namespaces = match config.get("namespaces").and_then(Value::as_elements) {
            Some(list) => Some(
                list.iter()
                    .filter_map(|n| n.as_str().map(str::to_string))
                    .collect(),
            ),
            None => policy.namespaces.clone(),
        };
        let name = config.get_str("name").map(str::to_string);
        let body = ClusterBackupConfig {
            backup_location_uid: Some(location.clone()),
            backup_prefix: name.is_none().then(|| {
                policy
                    .backup_prefix
                    .clone()
                    .unwrap_or_else(|| "on-demand".into())
            }),
            backup_name: name,
            duration_in_hours: Some(
                config
                    .get_i64("expiry_in_hours")
                    .or(policy.duration_in_hours)
                    .unwrap_or(DEFAULT_EXPIRY_HOURS),
            ),
            include_all_disks: Some(
                config
                    .get_bool("include_disks")
                    .or(policy.include_all_disks)
                    .unwrap_or(true),
            ),
            include_cluster_resource_mode: Some(
                config
                    .get_str("include_cluster_resources")
                    .map(str::to_string)
                    .or(policy.include_cluster_resource_mode.clone())
                    .unwrap_or_else(|| "Always".into()),
            ),
            namespaces,
            ..Default::default()
        };
        let request = match super::call(
            ctx,
            data.client.backup_cluster_now(&scope, &uid, &body),
            SUMMARY,
            &format!("starting a backup of cluster {uid} to location {location}"),
            "starting the backup",
        )
        .await
        {
            Ok(answer) => answer,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        resp.progress(format!(
            "started a backup of cluster {uid} to storage location {location} (request {request})"
        ));
        let started = Instant::now();
        let mut interval = wait::MIN_INTERVAL;
        let mut last = String::new();
        let mut heartbeat = Instant::now();
        loop {
            let status = match super::call(
                ctx,
                data.client
                    .get_cluster_backup_request(&scope, &uid, &request),
                SUMMARY,
                &format!("following backup request {request} of cluster {uid}"),
                "waiting for the backup",
            )
            .await
            .map(|backup| backup.status.unwrap_or_default())
            {
                Ok(answer) => answer,
                Err(diag) => return resp.diagnostics.push(diag),
            };
            let entry = status
                .cluster_backup_statuses
                .into_iter()
                .find(|s| s.backup_request_uid.as_deref() == Some(&request));
            let meta = entry
                .as_ref()
                .and_then(|e| e.backup_status_meta.clone())
                .and_then(|m| m.into_iter().next())
                .unwrap_or_default();
            let backup_state = meta.backup_state.clone().unwrap_or_default();
            let state = backup_state
                .state
                .clone()
                .or(entry.as_ref().and_then(|e| e.state.clone()))
                .unwrap_or_else(|| "Pending".into());
            let moved = state != last;
            if moved {
                last = state.clone();
                let name = meta.backup_name.clone().unwrap_or_default();
                match state.as_str() {
                    "Completed" => {
                        let namespaces = meta.backuped_namespaces.clone().unwrap_or_default();
                        resp.progress(format!(
                            "backup {name} completed in {}: {}, kept until {}",
                            super::short(started.elapsed()),
                            if namespaces.is_empty() {
                                "every namespace".to_string()
                            } else {
                                format!("namespaces {}", namespaces.join(", "))
                            },
                            meta.expiry_date
                                .clone()
                                .unwrap_or_else(|| "its expiry".into())
                        ));
                        return;
                    }
                    "Failed" | "PartiallyFailed" | "FailedValidation" => {
                        resp.progress(format!("backup {name}: {state}"));
                        resp.diagnostics.error(
                            "Cluster Backup Failed",
                            format!(
                                "Backup {name} of cluster {uid} ended {state}: {}. See the \
                                 cluster's backups in Palette.",
                                backup_state.msg.unwrap_or_else(|| "no message".into())
                            ),
                        );
                        return;
                    }
                    _ => resp.progress(format!(
                        "backup {}: {state}{}",
                        if name.is_empty() { &request } else { &name },
                        backup_state
                            .msg
                            .as_deref()
                            .map(|m| format!(" ({m})"))
                            .unwrap_or_default()
                    )),
                }
            }
            if started.elapsed() >= timeout {
                resp.diagnostics.error(
                    "Cluster Backup Timed Out",
                    format!(
                        "After {}, backup request {request} of cluster {uid} was still {last}. \
                         It keeps running in Palette; raise `timeout` to wait longer.",
                        super::short(started.elapsed())
                    ),
                );
                return;
            }
            if heartbeat.elapsed() >= Duration::from_secs(30) {
                heartbeat = Instant::now();
                resp.progress(format!(
                    "still backing up after {}",
                    super::short(started.elapsed())
                ));
            }
            interval = wait::next_interval(interval, moved);
            if ctx.sleep(interval).await.is_err() {
                return resp
                    .diagnostics
                    .push(diagnostics::interrupted(SUMMARY, "waiting for the backup"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{object, refused_at};
    use super::*;

    #[tokio::test]
    async fn bad_names_and_timeouts_are_refused_at_their_paths() {
        let config = |name: &str, timeout: &str| {
            object(&[
                ("cluster_id", Value::from("c1".to_string())),
                ("name", Value::from(name.to_string())),
                ("timeout", Value::from(timeout.to_string())),
            ])
        };
        assert!(
            refused_at(&ClusterBackup, config("before-upgrade", "30m"))
                .await
                .is_empty()
        );
        assert_eq!(
            refused_at(&ClusterBackup, config("Before_Upgrade", "soon")).await,
            ["timeout", "name"]
        );
    }
}

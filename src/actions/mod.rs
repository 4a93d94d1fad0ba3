//! The actions (Terraform 1.14 and later): day-2 operations run with `terraform apply
//! -invoke=action.<type>.<name>`, each streaming its progress into Terraform's output.
//!
//! - `palette_cluster_scan` (`scan.rs`): runs compliance scans now and summarises their reports;
//! - `palette_cluster_backup` (`backup.rs`): takes a backup now and follows it to the end;
//! - `palette_cluster_certificate_renewal` (`certificate_renewal.rs`): renews the control-plane
//!   nodes' Kubernetes certificates now and follows the renewal node by node;
//! - `palette_cluster_repave_approval` (`repave_approval.rs`): approves a pending repave,
//!   saying what was pending.
//!
//! Each checks its configuration at plan (in `validate_config`, with the attribute paths),
//! before anything is written; what needs Palette is checked when the action runs.

mod backup;
mod certificate_renewal;
mod repave_approval;
mod scan;

use std::sync::Arc;
use std::time::Duration;

use tfplugin::validator::one_of;
use tfplugin::{Action, Attribute, AttributePath, Diagnostics, Value, ValueExt};

use crate::wait;

/// Every action type of the provider, in alphabetical order.
pub(crate) fn all() -> Vec<Arc<dyn Action>> {
    vec![
        Arc::new(backup::ClusterBackup),
        Arc::new(certificate_renewal::CertificateRenewal),
        Arc::new(repave_approval::RepaveApproval),
        Arc::new(scan::ClusterScan),
    ]
}

/// Runs an API call Terraform may interrupt: its answer, or the diagnostic of its failure
/// (`failing` says what failed, as "reading X") or of the interruption (while `doing`).
async fn call<T>(
    ctx: &tfplugin::Context,
    future: impl std::future::Future<Output = Result<T, palette_api::Error>>,
    summary: &str,
    failing: &str,
    doing: &str,
) -> Result<T, tfplugin::Diagnostic> {
    match ctx.run(future).await {
        Ok(Ok(answer)) => Ok(answer),
        Ok(Err(err)) => Err(crate::diagnostics::api_error(summary, failing, &err)),
        Err(_) => Err(crate::diagnostics::interrupted(summary, doing)),
    }
}

/// `cluster_id`: the cluster an action works on.
fn cluster_id_attribute() -> Attribute {
    Attribute::string("cluster_id")
        .required()
        .description("Uid of the cluster (`palette_cluster.<name>.id`).")
}

/// `context`: where the cluster lives, as the cluster resource says it.
fn context_attribute() -> Attribute {
    Attribute::string("context")
        .optional()
        .validator(one_of(["project", "tenant"]))
        .description("Where the cluster lives: `project` (default) or `tenant`.")
}

/// `timeout`: how long the action waits for Palette to finish.
fn timeout_attribute(default: &str, what: &str) -> Attribute {
    Attribute::string("timeout").optional().description(format!(
        "How long to wait for {what}, as a duration such as `30m` or `1h` (default `{default}`)."
    ))
}

/// Checks `timeout` when it is known: a duration, above zero.
fn check_timeout(config: &Value, diags: &mut Diagnostics) {
    if let Some(text) = config.get_str("timeout") {
        match wait::parse_duration(text) {
            Ok(d) if d > Duration::ZERO => {}
            Ok(_) => diags.attribute_error(
                AttributePath::root("timeout"),
                "Invalid Timeout",
                "The timeout must be above zero, such as `30m`.",
            ),
            Err(err) => diags.attribute_error(
                AttributePath::root("timeout"),
                "Invalid Timeout",
                format!("{err}. Write a duration such as `30m`, `1h30m` or `90s`."),
            ),
        }
    }
}

/// Checks `cluster_id` when it is known: not empty.
fn check_cluster_id(config: &Value, diags: &mut Diagnostics) {
    if config
        .get_str("cluster_id")
        .is_some_and(|id| id.trim().is_empty())
    {
        diags.attribute_error(
            AttributePath::root("cluster_id"),
            "Missing Cluster",
            "`cluster_id` is empty: give the uid of the cluster, such as `palette_cluster.prod.id`.",
        );
    }
}

/// The timeout of an invocation (the configuration is checked at plan).
fn timeout_of(config: &Value, default: &str) -> Duration {
    config
        .get_str("timeout")
        .and_then(|t| wait::parse_duration(t).ok())
        .or_else(|| wait::parse_duration(default).ok())
        .unwrap_or(Duration::from_secs(3600))
}

/// A short human form of a duration: `45s`, `3m10s`.
fn short(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        format!("{secs}s")
    } else {
        format!("{}m{:02}s", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tfplugin::resource::{ValidateConfigRequest, ValidateConfigResponse};

    /// The attribute paths of the diagnostics `config` gets from `action`'s plan-time checks.
    pub(super) async fn refused_at(action: &dyn Action, config: Value) -> Vec<String> {
        let ctx = tfplugin::Context::new();
        let mut resp = ValidateConfigResponse::default();
        let req = ValidateConfigRequest {
            config,
            client_capabilities: Default::default(),
        };
        action.validate_config(&ctx, req, &mut resp).await;
        crate::diagnostics::attribute_paths(&resp.diagnostics)
    }

    pub(super) fn object(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn every_action_is_registered_in_order() {
        let names: Vec<String> = all().iter().map(|a| a.type_name().to_string()).collect();
        assert_eq!(
            names,
            [
                "cluster_backup",
                "cluster_certificate_renewal",
                "cluster_repave_approval",
                "cluster_scan"
            ]
        );
    }
}

//! Waiting for a create or update per `wait_for`, and the diagnostics a failed wait gives.

use std::time::Duration;

use palette_api::Scope;
use palette_api::models::SpectroCluster;
use tfplugin::{Context, Diagnostic};
use tokio::time::Instant;

use crate::provider_data::PaletteData;
use crate::wait::{Expect, Goal, RepaveApproval, Snapshot, WaitError, Waiter, repave_state};
use crate::{diagnostics, wait};

use super::model::Model;
use super::read::read_remote;

/// What a create or update saw at the end of its wait.
pub(super) struct Waited {
    pub(super) cluster: Option<SpectroCluster>,
    pub(super) snapshot: Option<Snapshot>,
    pub(super) kubeconfig: String,
    pub(super) error: Option<WaitError>,
}

/// Waits per `wait_for`, then reads the cluster's final view (state, layers, kubeconfig).
#[allow(clippy::too_many_arguments)]
pub(super) async fn finish(
    ctx: &Context,
    data: &PaletteData,
    scope: &Scope,
    uid: &str,
    model: &Model,
    started: Instant,
    limit: Duration,
    expect: &Expect,
) -> Waited {
    let waiter = Waiter {
        client: &data.client,
        scope,
        uid,
        name: &model.name,
        limit,
        started,
        repave: model.repave_approval,
    };
    let (snapshot, error) = match Goal::from_wait_for(&model.wait_for) {
        Some(goal) => match waiter.until(ctx, goal, expect).await {
            Ok(snapshot) => (Some(snapshot), None),
            Err(err) => {
                let last = match &err {
                    WaitError::LayerFailed { last, .. } | WaitError::ClusterFailed { last } => {
                        Some((**last).clone())
                    }
                    WaitError::TimedOut { last, .. } | WaitError::Interrupted { last } => {
                        last.as_deref().cloned()
                    }
                    _ => None,
                };
                (last, Some(err))
            }
        },
        None => (None, None),
    };
    // A final read fills in what the wait did not (always for wait_for = "none"). It is skipped
    // after an interruption, which must return at once.
    let interrupted = matches!(error, Some(WaitError::Interrupted { .. }));
    let mut kubeconfig = String::new();
    let mut cluster = snapshot.as_ref().map(|s| s.cluster.clone());
    let mut snapshot = snapshot;
    if !interrupted
        && let Ok(Ok(Some(remote))) = ctx.run(read_remote(&data.client, scope, uid)).await
    {
        // Without a wait, `repave_approval = "automatic"` still approves what this change made
        // Palette hold for review.
        if Goal::from_wait_for(&model.wait_for).is_none()
            && model.repave_approval == RepaveApproval::Automatic
            && repave_state(&remote.cluster) == Some("Pending")
        {
            tracing::info!(cluster = %model.name, uid, "approving the repave of cluster {:?} (repave_approval = \"automatic\")", model.name);
            if let Ok(Err(err)) = ctx
                .run(data.client.approve_cluster_repave(scope, uid))
                .await
            {
                tracing::warn!(cluster = %model.name, uid, "approving the repave of cluster {:?} failed: {err}", model.name);
            }
        }
        kubeconfig = remote.kubeconfig.clone();
        cluster = Some(remote.cluster.clone());
        if snapshot.is_none() || error.is_none() {
            snapshot = Some(remote.snapshot.clone());
        }
    }
    Waited {
        cluster,
        snapshot,
        kubeconfig,
        error,
    }
}

/// Whether a snapshot already satisfies `goal` (`None`: nothing to wait for).
pub(super) fn reached(snapshot: &Snapshot, goal: Option<Goal>) -> bool {
    match goal {
        None => true,
        Some(Goal::Running) => snapshot.state == "Running",
        Some(Goal::Healthy) => {
            snapshot.state == "Running"
                && snapshot.layers.iter().all(|l| l.ready)
                && snapshot.health.as_deref() == Some("Healthy")
        }
    }
}

/// The diagnostic of a wait that did not reach its goal.
pub(super) fn wait_diagnostic(
    action: &str,
    name: &str,
    uid: &str,
    err: &WaitError,
    limit: Duration,
) -> Diagnostic {
    match err {
        WaitError::LayerFailed { layer, last } => Diagnostic::error(
            format!("Cluster Layer Failed: {}", layer.name),
            format!(
                "{action} of cluster {name:?} ({uid}) failed: layer {} (pack {} {}) went to Error: {}\n\n\
                 The cluster stays in state; Terraform marks it tainted, so the next apply replaces it. \
                 Fix the pack's values or version first.\n\nLast seen: {}",
                layer.layer,
                layer.name,
                layer.version,
                if layer.message.is_empty() {
                    "no message from Palette"
                } else {
                    &layer.message
                },
                last.summary()
            ),
        ),
        WaitError::ClusterFailed { last } => Diagnostic::error(
            "Cluster Failed",
            format!(
                "{action} of cluster {name:?} ({uid}) failed: {}.\n\nThe cluster stays in state; the next \
                 apply replaces it.",
                last.summary()
            ),
        ),
        WaitError::TimedOut { last, .. }
            if let Some(reasons) = last.as_ref().and_then(|l| l.repave_pending.as_ref()) =>
        {
            Diagnostic::error(
                "Cluster Repave Awaits Approval",
                format!(
                    "Cluster {name:?} ({uid}) waited {} for someone to approve a repave in \
                     Palette (`repave_approval = \"manual\"`), and nobody did. Palette holds the \
                     change because it replaces nodes: {}.\n\nApprove it on the cluster in \
                     Palette (or `PATCH /v1/spectroclusters/{uid}/repave/approve`), then run \
                     apply again: it waits for the rollout to finish. To let applying the plan \
                     approve such changes, set `repave_approval = \"automatic\"`.",
                    wait::format_duration(limit),
                    if reasons.is_empty() {
                        "Palette gave no reason".to_string()
                    } else {
                        reasons.join("; ")
                    }
                ),
            )
        }
        WaitError::TimedOut { last, .. } => Diagnostic::error(
            format!("Cluster {action} Timed Out"),
            format!(
                "Cluster {name:?} ({uid}) did not finish within {} ({err}).\n\nThe cluster stays in \
                 state{}. {}",
                wait::format_duration(limit),
                if action == "Create" {
                    "; Terraform marks it tainted, so the next apply replaces it. To keep it and resume \
                     waiting instead, run `terraform untaint` on it before the next apply"
                } else {
                    "; the next apply waits for it again"
                },
                match last.as_ref().map(|l| l.failing.as_slice()) {
                    Some(failing) if !failing.is_empty() => format!(
                        "Palette reports a failure it keeps retrying, which waiting longer will \
                         not mend: {}. Fix what it names (a placement the cloud does not have, \
                         say) and apply again.",
                        failing.join("; ")
                    ),
                    _ => format!(
                        "Raise `timeouts.{}` if it is just slow.",
                        action.to_lowercase()
                    ),
                }
            ),
        ),
        WaitError::Interrupted { .. } => Diagnostic::warning(
            format!("Cluster {action} Interrupted"),
            format!(
                "Terraform was interrupted while waiting for cluster {name:?} ({uid}); {err}.\n\nThe cluster \
                 exists and stays in state. The next apply resumes the wait (an in-place update) instead \
                 of creating another cluster."
            ),
        ),
        WaitError::Gone => Diagnostic::error(
            format!("{action} Cluster Error"),
            format!(
                "Cluster {name:?} ({uid}) disappeared or started deleting while Terraform waited for it."
            ),
        ),
        WaitError::Api(api) => diagnostics::api_error(
            &format!("{action} Cluster Error"),
            &format!("waiting for cluster {name:?} ({uid})"),
            api,
        ),
    }
}

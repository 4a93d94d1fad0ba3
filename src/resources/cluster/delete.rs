//! Destroying a cluster as Palette runs it: a normal delete first, always; with `force_delete`,
//! a force delete only once the cluster has been deleting for `force_delete_delay` and Palette
//! allows it (15 minutes in Deleting, by its docs), then the wait until it is gone.

use std::time::Duration;

use tfplugin::resource::{DeleteRequest, DeleteResponse};
use tfplugin::{Context, ValueExt};
use tokio::time::Instant;

use super::model::timeouts_of;
use super::waiting::wait_diagnostic;
use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::wait::{self, RepaveApproval, WaitError, Waiter};

const SUMMARY: &str = "Delete Cluster Error";

/// `force_delete_delay` when unset: a little over the 15 minutes Palette requires in Deleting.
pub(super) const DEFAULT_FORCE_DELETE_DELAY: &str = "20m";

/// How often a force delete Palette refused as too early is asked again.
const FORCE_RETRY: Duration = Duration::from_secs(5);

/// The cluster's delete: see the module docs.
pub(super) async fn delete(ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
    let started = Instant::now();
    let Some(uid) = req.state.get_str("id").map(str::to_string) else {
        return;
    };
    let name = req.state.get_str("name").unwrap_or_default().to_string();
    let context = req
        .state
        .get_str("context")
        .unwrap_or("project")
        .to_string();
    let force = req.state.get_bool("force_delete").unwrap_or(false);
    let limit = timeouts_of(&req.state)
        .map(|t| t.delete)
        .unwrap_or(Duration::from_secs(30 * 60));
    let delay = req
        .state
        .get_str("force_delete_delay")
        .and_then(|d| wait::parse_duration(d).ok())
        .unwrap_or(Duration::from_secs(20 * 60));
    let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    let _guard = data.lock_cluster(&uid).await;
    match ctx
        .run(data.client.delete_cluster(&scope, &uid, false))
        .await
    {
        Err(why) => {
            return resp.diagnostics.error(
                SUMMARY,
                format!(
                    "Deleting cluster {name:?} ({uid}) was interrupted ({why}); it stays in state. \
                     Run destroy again."
                ),
            );
        }
        Ok(Err(err)) if err.is_not_found() => return,
        Ok(Err(err)) => {
            return resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!("deleting cluster {name:?} ({uid})"),
                &err,
            ));
        }
        Ok(Ok(())) => {}
    }
    let waiter = |limit| Waiter {
        client: &data.client,
        scope: &scope,
        uid: &uid,
        name: &name,
        limit,
        started,
        repave: RepaveApproval::default(),
    };
    if force {
        tracing::info!(
            cluster = name,
            uid,
            "cluster {name:?} is deleting; if it is not gone within {}, it is force deleted",
            wait::format_duration(delay)
        );
        match waiter(delay.min(limit)).until_deleted(ctx).await {
            Ok(()) | Err(WaitError::Gone) => return,
            Err(WaitError::TimedOut { .. }) if delay < limit => {}
            Err(err) => {
                return resp
                    .diagnostics
                    .push(wait_diagnostic("Delete", &name, &uid, &err, limit));
            }
        }
        let forced = force_delete(ctx, data, &scope, &uid, &name, started + limit).await;
        if let Err(diag) = forced {
            return resp.diagnostics.push(diag);
        }
        resp.diagnostics.warning(
            "Cluster Force Deleted",
            format!(
                "Cluster {name:?} ({uid}) was still deleting after {}, so it was force deleted. \
                 Palette removes it without waiting for its cloud resources to be cleaned up; \
                 check the cloud account for anything left behind.",
                wait::format_duration(delay)
            ),
        );
    }
    match waiter(limit).until_deleted(ctx).await {
        Ok(()) | Err(WaitError::Gone) => {}
        Err(err) => {
            let mut diag = wait_diagnostic("Delete", &name, &uid, &err, limit);
            if matches!(err, WaitError::TimedOut { .. }) && !force {
                diag.detail.push_str(
                    "\n\nIf the cluster is stuck deleting, set `force_delete = true`, apply, and \
                     destroy again: the provider then force deletes it once Palette allows.",
                );
            }
            resp.diagnostics.push(diag);
        }
    }
}

/// Asks Palette to force the deletion, again every [`FORCE_RETRY`] while it answers that the
/// cluster has not been deleting long enough, until `deadline`.
async fn force_delete(
    ctx: &Context,
    data: &PaletteData,
    scope: &palette_api::Scope,
    uid: &str,
    name: &str,
    deadline: Instant,
) -> Result<(), tfplugin::Diagnostic> {
    let ctx = ctx.clone().with_deadline(deadline);
    let mut refused: Option<String> = None;
    loop {
        match ctx.run(data.client.delete_cluster(scope, uid, true)).await {
            Err(why) => {
                let last =
                    refused.map_or(String::new(), |r| format!(" Palette's last answer: {r}"));
                return Err(tfplugin::Diagnostic::error(
                    SUMMARY,
                    format!(
                        "Cluster {name:?} ({uid}) is still deleting, and Palette did not allow a \
                         force delete before the wait ended ({why}).{last} It stays in state; run \
                         destroy again later."
                    ),
                ));
            }
            Ok(Ok(())) => return Ok(()),
            Ok(Err(err)) if err.is_not_found() => return Ok(()),
            // Palette refuses a force delete (400) until the cluster has been deleting long
            // enough; ask again until the deadline.
            Ok(Err(err)) if err.status() == Some(400) => {
                tracing::info!(
                    cluster = name,
                    uid,
                    "Palette does not allow the force delete of {name:?} yet ({err}); asking again in {}",
                    wait::format_duration(FORCE_RETRY)
                );
                refused = Some(err.to_string());
                // A stop or the deadline ends the loop at the next call.
                let _ = ctx.sleep(FORCE_RETRY).await;
            }
            Ok(Err(err)) => {
                return Err(diagnostics::api_error(
                    SUMMARY,
                    &format!("force deleting cluster {name:?} ({uid})"),
                    &err,
                ));
            }
        }
    }
}

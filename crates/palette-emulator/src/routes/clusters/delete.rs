//! Deleting a cluster (`DELETE /v1/spectroclusters/{uid}`), and the refusal of other changes
//! while a deletion is under way.

use std::sync::atomic::Ordering;

use axum::extract::{Path, State};
use axum::response::Response;

use super::records::{deployment_op, find_cluster};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::Deployment;
use crate::routes::common::{Query, flag};
use crate::state::AppState;
use crate::{ids, wire};

/// 409 `ClusterDeleting` when the cluster is being deleted.
pub(super) fn refuse_if_deleting(deployment: &Deployment, name: &str) -> ApiResult<()> {
    if deployment.deleting_at.is_some() {
        return Err(ApiError::conflict(
            "ClusterDeleting",
            format!("cluster '{name}' is being deleted"),
        ));
    }
    Ok(())
}

/// `DELETE /v1/spectroclusters/{uid}[?forceDelete=true]`. A force delete is accepted only once
/// the cluster has been deleting for the period Palette documents (15 minutes, scaled by
/// `--time-scale`); before that it is refused with 400, saying how long is left.
pub(super) async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    q: Query,
) -> ApiResult<Response> {
    let force = flag(&q, "forceDelete", false)?;
    let _guard = state.write_guard();
    let (record, mut deployment) = find_cluster(&state, &ctx, &uid)?;
    let stuck = state.faults().stuck_delete.as_deref() == Some(record.name.as_str());
    if stuck && !force {
        state
            .stats()
            .faults_injected_total
            .fetch_add(1, Ordering::Relaxed);
    }
    let scale = state.settings().time_scale;
    if let Err(early) = deployment.delete(ids::now_ms(), scale, force, stuck) {
        let after = early.after_ms as f64 / 1000.0;
        let message = match early.wait_ms {
            None => format!(
                "cluster '{}' is not being deleted: delete it first; a force delete is allowed \
                 after it has been deleting for {after:.1}s",
                record.name
            ),
            Some(wait) => format!(
                "cluster '{}' can be force deleted after {after:.1}s in Deleting; {:.1}s left",
                record.name,
                wait as f64 / 1000.0
            ),
        };
        return Err(ApiError::bad_request("ForceDeleteNotAllowed", message));
    }
    state
        .store()
        .apply(vec![deployment_op(&uid, &record.project, &deployment)?])?;
    Ok(wire::no_content())
}

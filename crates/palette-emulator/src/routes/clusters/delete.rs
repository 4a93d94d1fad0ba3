//! Deleting a cluster (`DELETE /v1/spectroclusters/{uid}`), and the refusal of other changes
//! while a deletion is under way.

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

// Limitation: the real API accepts `forceDelete=true` only after a while in `Deleting`
// (15 minutes per the docs); the emulator accepts it at any time.
pub(super) async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    q: Query,
) -> ApiResult<Response> {
    let force = flag(&q, "forceDelete", false)?;
    let _guard = state.write_guard();
    let (record, mut deployment) = find_cluster(&state, &ctx, &uid)?;
    deployment.delete(ids::now_ms(), state.settings().time_scale, force);
    state
        .store()
        .apply(vec![deployment_op(&uid, &record.project, &deployment)?])?;
    Ok(wire::no_content())
}

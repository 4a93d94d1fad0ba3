//! Clusters.

use crate::error::ApiResult;
use crate::state::AppState;

/// Names of live clusters using the cloud account `uid`.
pub fn clusters_using_account(_state: &AppState, _uid: &str) -> ApiResult<Vec<String>> {
    Ok(Vec::new())
}

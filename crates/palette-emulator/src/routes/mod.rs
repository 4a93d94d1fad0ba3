//! The API routes, one file per resource.

pub mod admin;
pub mod cloud_accounts;
pub mod clusters;
pub mod common;

use axum::Router;

use crate::state::AppState;

/// Every route, without state or middleware.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(admin::router())
        .merge(cloud_accounts::router())
}

//! The API routes, one file per resource.

pub mod admin;
pub mod cloud_accounts;
pub mod cloud_configs;
pub mod cluster_profiles;
pub mod clusters;
pub mod common;
pub mod edge_hosts;
pub mod events;
pub mod packs;
pub mod projects;
pub mod registries;

use axum::Router;

use crate::state::AppState;

/// Every route, without state or middleware.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(admin::router())
        .merge(projects::router())
        .merge(registries::router())
        .merge(packs::router())
        .merge(cluster_profiles::router())
        .merge(cloud_accounts::router())
        .merge(clusters::router())
        .merge(cloud_configs::router())
        .merge(events::router())
        .merge(edge_hosts::router())
}

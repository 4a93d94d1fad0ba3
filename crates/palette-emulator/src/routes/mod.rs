//! The API routes, one file per resource.

pub mod admin;
pub mod aws_network;
pub mod cloud_accounts;
pub mod cloud_configs;
pub mod cluster_config;
pub mod cluster_profiles;
pub mod cluster_templates;
pub mod clusters;
pub mod common;
pub mod edge_hosts;
pub mod events;
pub mod gateways;
pub mod locations;
pub mod packs;
pub mod projects;
pub mod registries;
pub mod ssh_keys;

use axum::Router;
use axum::http::{Method, StatusCode, Uri};

use crate::error::ApiError;
use crate::state::AppState;

/// Every route, without state or middleware.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(admin::router())
        .merge(projects::router())
        .merge(registries::router())
        .merge(packs::router())
        .merge(cluster_profiles::router())
        .merge(cluster_templates::router())
        .merge(cloud_accounts::router())
        .merge(clusters::router())
        .merge(cloud_configs::router())
        .merge(events::router())
        .merge(edge_hosts::router())
        .merge(ssh_keys::router())
        .merge(locations::router())
        .merge(gateways::router())
        .merge(aws_network::router())
        .fallback(unknown_route)
        .method_not_allowed_fallback(method_not_allowed)
}

/// A path the emulator does not serve: 501 `NotImplemented`, so a gap in the emulator is never
/// mistaken for a missing object (which would be 404 `ResourceNotFound`).
async fn unknown_route(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_IMPLEMENTED,
        "NotImplemented",
        format!("the emulator does not serve {method} {}", uri.path()),
    )
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        format!("{method} is not allowed on {}", uri.path()),
    )
}

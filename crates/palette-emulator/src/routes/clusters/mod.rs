//! Clusters (`spectroclusters`): create per environment, read, status, overview, search, delete,
//! day-2 profile changes, variables, metadata and kubeconfig assets.
//!
//! A cluster is three records written together: the cluster (metadata, spec, the attached
//! profile entries and their snapshot templates), its cloud config (cluster-level cloud settings
//! and machine pools) and its [`Deployment`](crate::lifecycle::Deployment) plan, which
//! [`crate::lifecycle`] evaluates on each read. Once deletion completes, reads answer 404.
//!
//! This file holds the router and re-exports what other route files use. The rest is split by
//! concern:
//! - `records`: finding a cluster, its cloud config and its plan in the store;
//! - `pools`: reading and checking machine pools (shared with the cloud-config routes);
//! - `templates`: resolving attached profiles into snapshot templates, and variables;
//! - `plan`: the deployment plan a cluster's pools and templates ask for;
//! - `create`: `POST` per environment and the name check;
//! - `read`: the cluster, its status and its overview;
//! - `search`: the dashboard search;
//! - `day2`: profile, variable and metadata changes;
//! - `settings`: repave approval, apply state, agent upgrades, OS patching, time zone;
//! - `resources`: namespaces and RBAC role bindings;
//! - `features`: the backup and compliance-scan policies, their scheduled and on-demand runs;
//! - `placement`: data-centre pools checked against what the account's gateway sees;
//! - `delete`: deletion;
//! - `assets`: kubeconfig downloads.

mod assets;
mod certificates;
mod create;
mod day2;
mod delete;
mod features;
pub mod inventory;
mod placement;
mod plan;
mod pools;
mod read;
mod records;
mod resources;
mod search;
mod settings;
mod templates;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::routing::{get, patch, post, put};

use self::assets::Asset;
pub use self::placement::check_placement;
pub use self::plan::redeploy;
pub use self::pools::{check_pools, flatten_pool};
pub use self::records::{
    clusters_using_account, clusters_using_location, deployment_of, deployment_op,
    edge_hosts_in_use, env_of, find_cluster, live_clusters_from_template, live_clusters_using,
    profile_uids, template_of,
};
use crate::context::Ctx;
use crate::environments;
use crate::state::AppState;

/// The cluster routes.
pub fn router() -> Router<AppState> {
    let mut router = Router::new();
    for env in environments::ALL {
        router = router.route(
            &format!("/v1/spectroclusters/{}", env.create_path),
            post(move |s: State<AppState>, c: Ctx, b: Bytes| create::create(env, s, c, b)),
        );
    }
    router
        .route(
            "/v1/spectroclusters/validate/name",
            get(create::validate_name),
        )
        .route(
            "/v1/spectroclusters/{uid}",
            get(read::read).delete(delete::delete),
        )
        .route("/v1/spectroclusters/{uid}/status", get(read::status))
        .route(
            "/v1/dashboard/spectroclusters/{uid}/overview",
            get(read::overview),
        )
        .route("/v1/dashboard/spectroclusters/search", post(search::search))
        .route(
            "/v1/dashboard/spectroclusters/metadata",
            get(search::metadata).post(search::metadata),
        )
        .route("/v1/spectroclusters/tags", get(search::tags))
        .route(
            "/v1/spectroclusters/{uid}/profiles",
            get(day2::get_profiles)
                .put(day2::put_profiles)
                .patch(day2::patch_profiles)
                .delete(day2::delete_profiles),
        )
        .route(
            "/v1/spectroclusters/{uid}/variables",
            get(day2::get_variables).patch(day2::patch_variables),
        )
        .route(
            "/v1/clusterTemplates/spectroclusters/{uid}/variables",
            patch(day2::patch_template_variables),
        )
        .route(
            "/v1/spectroclusters/{uid}/metadata",
            patch(day2::patch_metadata),
        )
        .route(
            "/v1/spectroclusters/{uid}/features/backup",
            get(features::get_backup)
                .post(|s: State<AppState>, c: Ctx, p: Path<String>, b: Bytes| {
                    features::backup(s, c, p, b, true)
                })
                .put(|s: State<AppState>, c: Ctx, p: Path<String>, b: Bytes| {
                    features::backup(s, c, p, b, false)
                })
                .delete(features::delete_backup),
        )
        .route(
            "/v1/spectroclusters/{uid}/features/complianceScan",
            get(features::get_scan)
                .post(|s: State<AppState>, c: Ctx, p: Path<String>, b: Bytes| {
                    features::scan(s, c, p, b, true)
                })
                .put(|s: State<AppState>, c: Ctx, p: Path<String>, b: Bytes| {
                    features::scan(s, c, p, b, false)
                }),
        )
        .route(
            "/v1/spectroclusters/{uid}/features/backup/onDemand",
            post(features::backup_now),
        )
        .route(
            "/v1/spectroclusters/{uid}/features/complianceScan/onDemand",
            post(features::scan_now),
        )
        .route(
            "/v1/spectroclusters/{uid}/features/complianceScan/logs/drivers",
            get(features::get_scan_logs),
        )
        .route(
            "/v1/spectroclusters/{uid}/config/namespaces",
            get(resources::get_namespaces).put(resources::put_namespaces),
        )
        .route(
            "/v1/spectroclusters/{uid}/config/rbacs",
            get(resources::get_rbacs).put(resources::put_rbacs),
        )
        .route(
            "/v1/spectroclusters/{uid}/repave/status",
            get(settings::repave_status),
        )
        .route(
            "/v1/spectroclusters/{uid}/repave/approve",
            patch(settings::approve_repave),
        )
        .route(
            "/v1/spectroclusters/{uid}/status/spcApply",
            get(settings::get_spc_apply).post(settings::post_spc_apply),
        )
        .route(
            "/v1/spectroclusters/{uid}/upgrade/settings",
            post(settings::upgrade_settings),
        )
        .route(
            "/v1/spectroclusters/{uid}/clusterConfig/osPatch",
            patch(settings::os_patch),
        )
        .route(
            "/v1/spectroclusters/{uid}/clusterConfig/timezone",
            patch(settings::timezone),
        )
        .route(
            "/v1/spectroclusters/{uid}/location",
            put(settings::location),
        )
        .route(
            "/v1/spectroclusters/{uid}/k8certificates",
            get(certificates::list),
        )
        .route(
            "/v1/spectroclusters/{uid}/k8certificates/renew",
            patch(certificates::renew),
        )
        .route(
            "/v1/spectroclusters/{uid}/clusterConfig/clusterMetaAttribute",
            patch(settings::meta_attribute),
        )
        .route(
            "/v1/spectroclusters/{uid}/clusterConfig/hostCluster",
            patch(settings::host_cluster),
        )
        .route(
            "/v1/spectroclusters/{uid}/assets/kubeconfig",
            get(|s: State<AppState>, c: Ctx, p: Path<String>| assets::asset(s, c, p, Asset::Frp)),
        )
        .route(
            "/v1/spectroclusters/{uid}/pack/manifests/{manifestUid}",
            get(read::manifest),
        )
        .route(
            "/v1/spectroclusters/{uid}/assets/kubeconfigclient",
            get(|s: State<AppState>, c: Ctx, p: Path<String>| {
                assets::asset(s, c, p, Asset::Client)
            }),
        )
        .route(
            "/v1/spectroclusters/{uid}/assets/adminKubeconfig",
            get(|s: State<AppState>, c: Ctx, p: Path<String>| assets::asset(s, c, p, Asset::Admin)),
        )
}

//! The Kubernetes certificates of a cluster's control-plane nodes
//! (`GET /v1/spectroclusters/{uid}/k8certificates`) and their renewal (`PATCH .../renew`).
//!
//! Each running control-plane node has three CAs (`ca`, `front-proxy-ca`, `etcd-ca`, ten
//! years from the node's start) and the certificates kubeadm signs with them (one year from the
//! node's start, or from its last renewal). A renewal asked for is done node by node: it takes
//! a minute per node on the emulator's clock, so a client following it sees the nodes move one
//! after another. Palette renews only on a running cluster, and one renewal at a time.

use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::{Value, json};

use super::records::find_cluster;
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::Deployment;
use crate::state::AppState;
use crate::{ids, wire};
use palette_api::models as m;

/// A leaf certificate's life, and a CA's.
const YEAR_MS: i64 = 365 * 24 * 3_600_000;
const CA_YEARS: i64 = 10;

/// How long renewing one node takes at time scale 1.
const RENEW_PER_NODE_MS: f64 = 60_000.0;

/// The certificates each CA signs, as kubeadm makes them.
const AUTHORITIES: [(&str, &[&str]); 3] = [
    (
        "ca",
        &[
            "apiserver",
            "apiserver-kubelet-client",
            "admin.conf",
            "controller-manager.conf",
            "scheduler.conf",
        ],
    ),
    ("front-proxy-ca", &["front-proxy-client"]),
    (
        "etcd-ca",
        &[
            "etcd-server",
            "etcd-peer",
            "etcd-healthcheck-client",
            "apiserver-etcd-client",
        ],
    ),
];

/// The running control-plane nodes, in pool order: `(name, started at)`.
fn control_plane_nodes(deployment: &Deployment, now: i64) -> Vec<(String, i64)> {
    deployment
        .pools
        .iter()
        .filter(|p| p.control_plane)
        .flat_map(|p| p.nodes.iter())
        .filter(|n| n.state(now) == "Running")
        .map(|n| (n.name.clone(), n.up_at))
        .collect()
}

/// When node `index` of a renewal asked at `asked` is renewed.
fn renewed_at(asked: i64, index: usize, scale: f64) -> i64 {
    asked + ((index as f64 + 1.0) * RENEW_PER_NODE_MS * scale).round() as i64
}

pub(super) async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, deployment) = find_cluster(&state, &ctx, &uid)?;
    let now = ids::now_ms();
    let scale = state.settings().time_scale;
    let asked = record.doc["_emu"]["certificateRenewal"].as_i64();
    let nodes = control_plane_nodes(&deployment, now);
    let machines: Vec<Value> = nodes
        .iter()
        .enumerate()
        .map(|(i, (name, up_at))| {
            let issued = asked
                .map(|a| renewed_at(a, i, scale))
                .filter(|done| *done <= now && *done > *up_at)
                .unwrap_or(*up_at);
            let authorities: Vec<Value> = AUTHORITIES
                .iter()
                .map(|(ca, leaves)| {
                    json!({
                        "name": ca,
                        "expiry": ids::rfc3339(up_at + CA_YEARS * YEAR_MS),
                        "certificates": leaves.iter().map(|leaf| json!({
                            "name": leaf,
                            "expiry": ids::rfc3339(issued + YEAR_MS),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({"name": name, "certificateAuthorities": authorities})
        })
        .collect();
    wire::ok::<m::MachineCertificates>(json!({ "machineCertificates": machines }))
}

pub(super) async fn renew(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (mut record, deployment) = find_cluster(&state, &ctx, &uid)?;
    let now = ids::now_ms();
    let cluster_state = deployment.state(now);
    if cluster_state != "Running" {
        return Err(ApiError::bad_request(
            "InvalidClusterState",
            format!(
                "cluster '{}' is {cluster_state}: certificates are renewed on a running cluster only",
                record.name
            ),
        ));
    }
    let scale = state.settings().time_scale;
    let nodes = control_plane_nodes(&deployment, now);
    if let Some(asked) = record.doc["_emu"]["certificateRenewal"].as_i64()
        && renewed_at(asked, nodes.len().saturating_sub(1), scale) > now
    {
        return Err(ApiError::conflict(
            "RenewalInProgress",
            format!(
                "a certificate renewal of cluster '{}' is already in progress",
                record.name
            ),
        ));
    }
    if !record.doc["_emu"].is_object() {
        record.doc["_emu"] = json!({});
    }
    record.doc["_emu"]["certificateRenewal"] = json!(now);
    state.store().put(record)?;
    Ok(wire::no_content())
}

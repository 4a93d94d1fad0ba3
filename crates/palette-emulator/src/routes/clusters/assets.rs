//! A running cluster's kubeconfig downloads (`.../assets/kubeconfig`, `kubeconfigclient`,
//! `adminKubeconfig`).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::read::api_endpoint;
use super::records::find_cluster;
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::state::AppState;

#[derive(Clone, Copy)]
pub(super) enum Asset {
    Frp,
    Client,
    Admin,
}

pub(super) async fn asset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    which: Asset,
) -> ApiResult<Response> {
    let (record, deployment) = find_cluster(&state, &ctx, &uid)?;
    if deployment.state(ids::now_ms()) != "Running" {
        return Err(ApiError::not_found("kubeconfig of cluster", &uid)
            .with_details(json!({"reason": "the cluster is not running yet"})));
    }
    let endpoint = api_endpoint(&record);
    let name = &record.name;
    let ca = base64_encode(&format!(
        "-----BEGIN CERTIFICATE-----\nemulator-ca-{}\n-----END CERTIFICATE-----\n",
        record.uid
    ));
    let user = match which {
        Asset::Admin => format!(
            "    client-certificate-data: {}\n    client-key-data: {}\n",
            base64_encode(&format!("emulator-admin-cert-{}", record.uid)),
            base64_encode(&format!(
                "emulator-admin-key-{}",
                ids::stable_uid(&record.uid)
            ))
        ),
        Asset::Client | Asset::Frp => format!(
            "    token: emu.{}.{}\n",
            ids::stable_uid(&format!("token/{}", record.uid)),
            ids::stable_uid(&format!("sig/{}", record.uid))
        ),
    };
    let user_name = match which {
        Asset::Admin => format!("{name}-admin"),
        _ => format!("{name}-user"),
    };
    let yaml = format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: {ca}\n    server: https://{}:{}\n  name: {name}\ncontexts:\n- context:\n    cluster: {name}\n    user: {user_name}\n  name: {user_name}@{name}\ncurrent-context: {user_name}@{name}\npreferences: {{}}\nusers:\n- name: {user_name}\n  user:\n{user}",
        endpoint["host"].as_str().unwrap_or(""),
        endpoint["port"]
    );
    let mut response = (StatusCode::OK, yaml).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename={name}.kubeconfig")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

fn base64_encode(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

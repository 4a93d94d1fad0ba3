//! What a registry serves once synced: a small built-in catalogue per kind of registry, or the
//! packs a test registered for the registry's endpoint through the emulator's admin endpoint
//! `PUT /__emulator/registry-catalogues`.
//!
//! A registration is `{"endpoint": URL, "packs": [{"name", "layer", "tags", "values",
//! "clouds"}], "fail": MESSAGE}`: a registry whose endpoint is `URL` (compared without a
//! trailing `/`) serves those packs, or, with `fail`, its syncs fail with that message. It is
//! stored with the emulator's state, so it survives a restart on the same database.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::ids::stable_uid;
use crate::state::AppState;
use crate::store::{Kind, Record, SYSTEM};
use crate::wire;

/// One pack of a catalogue, every tag of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CataloguePack {
    /// The pack's name.
    pub name: String,
    /// Its layer (`addon` when left out).
    #[serde(default = "addon")]
    pub layer: String,
    /// Its versions, oldest first.
    pub tags: Vec<String>,
    /// Its default values.
    #[serde(default)]
    pub values: String,
    /// The environments (API cloud types) it is made for (`all` when left out).
    #[serde(default = "all_clouds")]
    pub clouds: Vec<String>,
}

fn addon() -> String {
    "addon".to_owned()
}

fn all_clouds() -> Vec<String> {
    vec!["all".to_owned()]
}

/// What a registry with a given endpoint serves.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The endpoint it is registered for; empty for a built-in catalogue.
    #[serde(default)]
    pub endpoint: String,
    /// The packs.
    #[serde(default)]
    pub packs: Vec<CataloguePack>,
    /// When set, a sync of the registry fails with this message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail: Option<String>,
}

/// The built-in catalogue of a registry serving `pack_type` packs.
fn built_in(pack_type: &str) -> Catalogue {
    let pack = |name: &str, tags: &[&str], values: &str| CataloguePack {
        name: name.to_owned(),
        layer: addon(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        values: values.to_owned(),
        clouds: all_clouds(),
    };
    let packs = match pack_type {
        "spectro" => vec![
            pack(
                "hello-universe",
                &["1.1.2", "1.2.0"],
                "pack:\n  namespace: hello-universe\nreplicas: 1\n",
            ),
            pack(
                "spectro-k8s-dashboard",
                &["6.0.8", "7.13.0"],
                "pack:\n  namespace: kubernetes-dashboard\n",
            ),
        ],
        _ => vec![
            pack(
                "podinfo",
                &["6.5.4", "6.7.1"],
                "replicaCount: 1\nui:\n  message: hello\n",
            ),
            pack(
                "nginx-ingress",
                &["4.10.1", "4.12.0"],
                "controller:\n  replicaCount: 1\n",
            ),
        ],
    };
    Catalogue {
        endpoint: String::new(),
        packs,
        fail: None,
    }
}

/// An endpoint as catalogues are keyed: trimmed, without a trailing `/`.
fn endpoint_key(endpoint: &str) -> &str {
    endpoint.trim().trim_end_matches('/')
}

/// The uid of the record keeping the catalogue of `endpoint`.
fn record_uid(endpoint: &str) -> String {
    stable_uid(&format!("catalogue/{}", endpoint_key(endpoint)))
}

/// What a registry of `pack_type` packs at `endpoint` serves.
pub(super) fn for_endpoint(
    state: &AppState,
    endpoint: &str,
    pack_type: &str,
) -> ApiResult<Catalogue> {
    match state.store().get(Kind::Meta, &record_uid(endpoint))? {
        Some(record) => Ok(serde_json::from_value(record.doc)?),
        None => Ok(built_in(pack_type)),
    }
}

/// `PUT /__emulator/registry-catalogues`: registers what registries at an endpoint serve, from
/// their next sync on.
pub async fn put_catalogue(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let catalogue: Catalogue = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("InvalidRequest", format!("invalid catalogue: {e}")))?;
    let endpoint = endpoint_key(&catalogue.endpoint).to_owned();
    if endpoint.is_empty() {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "a catalogue needs the endpoint it is for",
        ));
    }
    if let Some(pack) = catalogue.packs.iter().find(|p| p.tags.is_empty()) {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("pack '{}' has no tags", pack.name),
        ));
    }
    let doc = serde_json::to_value(Catalogue {
        endpoint: endpoint.clone(),
        ..catalogue
    })?;
    state.store().put(Record {
        kind: Kind::Meta,
        uid: record_uid(&endpoint),
        project: SYSTEM.to_owned(),
        name: format!("catalogue:{endpoint}"),
        doc,
    })?;
    Ok(wire::no_content())
}

/// `GET /__emulator/registry-catalogues`: every registered catalogue.
pub async fn list_catalogues(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let items: Vec<Value> = state
        .store()
        .list(Kind::Meta)?
        .into_iter()
        .filter(|r| r.name.starts_with("catalogue:"))
        .map(|r| r.doc)
        .collect();
    Ok(Json(json!({ "items": items })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_built_in_catalogue() {
        for kind in ["spectro", "helm", "oci"] {
            let catalogue = built_in(kind);
            assert!(!catalogue.packs.is_empty(), "{kind}");
            assert!(catalogue.packs.iter().all(|p| !p.tags.is_empty()));
        }
        assert_eq!(endpoint_key(" https://x/ "), "https://x");
        assert_eq!(record_uid("https://x/"), record_uid("https://x"));
    }
}

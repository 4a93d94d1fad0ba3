//! Packs: list with filters, search, the per-name tag entity and lookup by uid.

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{PackSummary, PackTagEntity};
use crate::{Client, Error, Scope};

/// Query parameters of `GET /v1/packs`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackListQuery {
    /// Field-path filters joined by `AND`/`OR`, e.g. `spec.name=kubernetesANDspec.cloudTypes_in_aws`.
    pub filters: Option<String>,
    /// Sort order, e.g. `spec.version=-1`.
    pub order_by: Option<String>,
    /// Fields to return, comma separated.
    pub fields: Option<String>,
}

/// Query parameters of `GET /v1/packs/{packName}/registries/{registryUid}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackTagQuery {
    /// Cloud type filter (`all` by default on the server).
    pub cloud_type: Option<String>,
    /// Layer filter.
    pub layer: Option<String>,
    /// Comma-separated pack states to include, such as `deprecated,disabled`.
    pub states: Option<String>,
}

impl Client {
    /// Every pack summary matching the query (paged).
    pub async fn list_packs(
        &self,
        scope: &Scope,
        query: &PackListQuery,
    ) -> Result<Vec<PackSummary>, Error> {
        let req = Request::new(Method::GET, scope, v1_path(&["packs"]))
            .query_opt("filters", query.filters.clone())
            .query_opt("orderBy", query.order_by.clone())
            .query_opt("fields", query.fields.clone());
        self.fetch_all(&req).await
    }

    /// All versions of the pack `name` in one registry, with their default values.
    pub async fn get_pack_tags(
        &self,
        scope: &Scope,
        name: &str,
        registry_uid: &str,
        query: &PackTagQuery,
    ) -> Result<PackTagEntity, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["packs", name, "registries", registry_uid]),
        )
        .query_opt("cloudType", query.cloud_type.clone())
        .query_opt("layer", query.layer.clone())
        .query_opt("states", query.states.clone());
        self.fetch(&req).await
    }

    /// The pack with uid `uid`, as the tag entity of its name and registry.
    pub async fn get_pack(&self, scope: &Scope, uid: &str) -> Result<PackTagEntity, Error> {
        self.get_json(scope, &["packs", uid]).await
    }
}

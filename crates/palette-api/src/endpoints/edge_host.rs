//! Edge hosts: `GET /v1/edgehosts/metadata`, `POST /v1/dashboard/edgehosts/search`,
//! `GET /v1/edgehosts/{uid}`. The API has no plain `GET /v1/edgehosts` list.

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{
    EdgeHostDevice, EdgeHostMeta, EdgeHostsMeta, EdgeHostsMetadata, SearchFilterSummarySpec,
};
use crate::{Client, Error, Scope};

impl Client {
    /// Edge host metadata, optionally only of one type (`edge-native`, `vsphere`) or only hosts
    /// no cluster uses yet.
    pub async fn list_edge_hosts_metadata(
        &self,
        scope: &Scope,
        host_type: Option<&str>,
        unused_only: bool,
    ) -> Result<Vec<EdgeHostMeta>, Error> {
        let req = Request::new(Method::GET, scope, v1_path(&["edgehosts", "metadata"]))
            .query_opt("type", host_type)
            .query_opt("quickFilter", unused_only.then_some("unusedEdgeHosts"));
        let meta: EdgeHostsMeta = self.fetch(&req).await?;
        Ok(meta.edge_hosts.unwrap_or_default())
    }

    /// Edge hosts matching a search filter (paged).
    pub async fn search_edge_hosts(
        &self,
        scope: &Scope,
        filter: &SearchFilterSummarySpec,
    ) -> Result<Vec<EdgeHostsMetadata>, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["dashboard", "edgehosts", "search"]),
        )
        .json(filter)?
        .idempotent(true);
        self.fetch_all(&req).await
    }

    /// One edge host device.
    pub async fn get_edge_host(&self, scope: &Scope, uid: &str) -> Result<EdgeHostDevice, Error> {
        self.get_json(scope, &["edgehosts", uid]).await
    }
}

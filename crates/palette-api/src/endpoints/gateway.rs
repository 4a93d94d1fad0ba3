//! Private cloud gateways (`/v1/overlords`, tenant-owned) and their IP pools
//! (`/v1/overlords/{cloud}/{uid}/pools`, for the vSphere and MAAS gateways). Neither list is
//! paged.

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{
    IpPoolEntity, IpPoolInputEntity, IpPools, MaasTags, MaasZones, Overlord, Overlords,
    VsphereComputeClusterResources, VsphereDatacenters,
};
use crate::{Client, Error, Scope};

impl Client {
    /// The gateways, optionally only those named `name`.
    pub async fn list_gateways(
        &self,
        scope: &Scope,
        name: Option<&str>,
    ) -> Result<Vec<Overlord>, Error> {
        let req = Request::new(Method::GET, scope, v1_path(&["overlords"])).query_opt("name", name);
        let list: Overlords = self.fetch(&req).await?;
        Ok(list.items)
    }

    /// One gateway.
    pub async fn get_gateway(&self, scope: &Scope, uid: &str) -> Result<Overlord, Error> {
        self.get_json(scope, &["overlords", uid]).await
    }

    /// The IP pools of gateway `uid`, whose cloud (`vsphere` or `maas`) is `cloud`.
    pub async fn list_ip_pools(
        &self,
        scope: &Scope,
        cloud: &str,
        uid: &str,
    ) -> Result<Vec<IpPoolEntity>, Error> {
        let list: IpPools = self
            .get_json(scope, &["overlords", cloud, uid, "pools"])
            .await?;
        Ok(list.items)
    }

    /// Creates an IP pool on gateway `uid`; returns the pool's uid.
    pub async fn create_ip_pool(
        &self,
        scope: &Scope,
        cloud: &str,
        uid: &str,
        body: &IpPoolInputEntity,
    ) -> Result<String, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["overlords", cloud, uid, "pools"]),
        )
        .json(body)?;
        self.create_uid(&req).await
    }

    /// Replaces IP pool `pool` of gateway `uid`.
    pub async fn update_ip_pool(
        &self,
        scope: &Scope,
        cloud: &str,
        uid: &str,
        pool: &str,
        body: &IpPoolInputEntity,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["overlords", cloud, uid, "pools", pool]),
        )
        .json(body)?;
        self.run(&req).await
    }

    /// Deletes IP pool `pool` of gateway `uid`.
    pub async fn delete_ip_pool(
        &self,
        scope: &Scope,
        cloud: &str,
        uid: &str,
        pool: &str,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::DELETE,
            scope,
            v1_path(&["overlords", cloud, uid, "pools", pool]),
        );
        self.run(&req).await
    }

    /// The datacenters (with their compute clusters and folders) vSphere gateway `uid` sees.
    pub async fn get_vsphere_datacenters(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<VsphereDatacenters, Error> {
        self.get_json(
            scope,
            &["overlords", "vsphere", uid, "properties", "datacenters"],
        )
        .await
    }

    /// The datastores, networks and resource pools of compute cluster `cluster` in
    /// `datacenter`, as vSphere gateway `uid` sees them.
    pub async fn get_vsphere_compute_cluster(
        &self,
        scope: &Scope,
        uid: &str,
        datacenter: &str,
        cluster: &str,
    ) -> Result<VsphereComputeClusterResources, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&[
                "overlords",
                "vsphere",
                uid,
                "properties",
                "computecluster",
                "resources",
            ]),
        )
        .query_opt("datacenter", Some(datacenter))
        .query_opt("computecluster", Some(cluster));
        self.fetch(&req).await
    }

    /// The zones the MAAS of account `uid` has.
    pub async fn get_maas_zones(&self, scope: &Scope, uid: &str) -> Result<MaasZones, Error> {
        self.get_json(scope, &["cloudaccounts", "maas", uid, "properties", "azs"])
            .await
    }

    /// The machine tags the MAAS of account `uid` has.
    pub async fn get_maas_tags(&self, scope: &Scope, uid: &str) -> Result<MaasTags, Error> {
        self.get_json(scope, &["cloudaccounts", "maas", uid, "properties", "tags"])
            .await
    }
}

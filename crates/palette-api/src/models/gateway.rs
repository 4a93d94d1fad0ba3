//! Private cloud gateways (`v1Overlord`, "overlords" in the API) and their IP pools.

use crate::models::{ObjectMeta, Pool};
use serde::{Deserialize, Serialize};

/// The wire model `v1Overlord`: a private cloud gateway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Overlord {
    /// The cloud it serves (`vsphere`, `maas`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<OverloadSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OverloadStatus>,
}

/// The wire model `v1Overlords`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Overlords {
    pub items: Vec<Overlord>,
}

/// The wire model `v1OverloadSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OverloadSpec {
    #[serde(rename = "cloudAccountUid", skip_serializing_if = "Option::is_none")]
    pub cloud_account_uid: Option<String>,
    #[serde(rename = "ipAddress", skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    #[serde(rename = "ipPools", skip_serializing_if = "Option::is_none")]
    pub ip_pools: Option<Vec<IpPoolEntity>>,
    #[serde(rename = "isSelfHosted", skip_serializing_if = "Option::is_none")]
    pub is_self_hosted: Option<bool>,
    #[serde(rename = "isSystem", skip_serializing_if = "Option::is_none")]
    pub is_system: Option<bool>,
    #[serde(rename = "spectroClusterUid", skip_serializing_if = "Option::is_none")]
    pub spectro_cluster_uid: Option<String>,
    #[serde(rename = "tenantUid", skip_serializing_if = "Option::is_none")]
    pub tenant_uid: Option<String>,
}

/// The wire model `v1OverloadStatus` (health kept as it comes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OverloadStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<serde_json::Value>,
    #[serde(rename = "isActive", skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    #[serde(rename = "isReady", skip_serializing_if = "Option::is_none")]
    pub is_ready: Option<bool>,
    #[serde(rename = "kubectlCommands", skip_serializing_if = "Option::is_none")]
    pub kubectl_commands: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifications: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1IpPoolInputEntity`: an IP pool as created or replaced.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpPoolInputEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<IpPoolInputEntitySpec>,
}

/// The `spec` object of `v1IpPoolInputEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpPoolInputEntitySpec {
    pub pool: Pool,
    #[serde(
        rename = "restrictToSingleCluster",
        skip_serializing_if = "Option::is_none"
    )]
    pub restrict_to_single_cluster: Option<bool>,
}

/// The wire model `v1IpPoolEntity`: an IP pool as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpPoolEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<IpPoolEntitySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<IpPoolStatus>,
}

/// The `spec` object of `v1IpPoolEntity` (the spec spells the gateway's key `priavetGatewayUid`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpPoolEntitySpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool: Option<Pool>,
    #[serde(rename = "priavetGatewayUid", skip_serializing_if = "Option::is_none")]
    pub private_gateway_uid: Option<String>,
    #[serde(
        rename = "restrictToSingleCluster",
        skip_serializing_if = "Option::is_none"
    )]
    pub restrict_to_single_cluster: Option<bool>,
}

/// The wire model `v1IpPoolStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpPoolStatus {
    #[serde(rename = "allottedIps", skip_serializing_if = "Option::is_none")]
    pub allotted_ips: Option<Vec<String>>,
    #[serde(rename = "associatedClusters", skip_serializing_if = "Option::is_none")]
    pub associated_clusters: Option<Vec<String>>,
    #[serde(rename = "availableIps", skip_serializing_if = "Option::is_none")]
    pub available_ips: Option<Vec<String>>,
    #[serde(rename = "inUse", skip_serializing_if = "Option::is_none")]
    pub in_use: Option<bool>,
}

/// The wire model `v1IpPools`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpPools {
    pub items: Vec<IpPoolEntity>,
}

/// The wire model `v1VsphereDatacenters`: the datacenters a vSphere gateway's vCenter shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereDatacenters {
    pub items: Vec<VsphereDatacenter>,
}

/// The wire model `v1VsphereDatacenter`: one datacenter, its compute clusters and VM folders.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereDatacenter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub computeclusters: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folders: Option<Vec<String>>,
}

/// The wire model `v1VsphereComputeClusterResources`: one compute cluster of a datacenter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereComputeClusterResources {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub computecluster: Option<VsphereComputeCluster>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<String>,
}

/// The wire model `v1VsphereComputeCluster`: what VMs of a compute cluster can use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereComputeCluster {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datastores: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub networks: Option<Vec<String>>,
    #[serde(rename = "resourcePools", skip_serializing_if = "Option::is_none")]
    pub resource_pools: Option<Vec<String>>,
}

/// The wire model `v1MaasZones`: the zones a MAAS account's MAAS has.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasZones {
    pub items: Vec<MaasZone>,
}

/// The wire model `v1MaasZone`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasZone {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1MaasTags`: the machine tags a MAAS account's MAAS has.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasTags {
    pub items: Vec<MaasTag>,
}

/// The wire model `v1MaasTag`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasTag {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    #[serde(rename = "kernelOpts", skip_serializing_if = "Option::is_none")]
    pub kernel_opts: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "resourceUri", skip_serializing_if = "Option::is_none")]
    pub resource_uri: Option<String>,
}

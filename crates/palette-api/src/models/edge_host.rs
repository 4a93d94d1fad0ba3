//! Edge hosts: devices, metadata and search summaries.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    ClusterPackStatus, ClusterProfileTemplate, ListMetaData, ObjectEntity, ObjectMeta,
    ProfileStatus, ProfileTemplateSummary, ProjectMeta,
};
use serde::{Deserialize, Serialize};

/// The wire model `v1AclMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AclMeta {
    #[serde(rename = "ownerUid", skip_serializing_if = "Option::is_none")]
    pub owner_uid: Option<String>,
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    #[serde(rename = "tenantUid", skip_serializing_if = "Option::is_none")]
    pub tenant_uid: Option<String>,
}

/// The wire model `v1EdgeClusterObjectEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeClusterObjectEntity {
    #[serde(rename = "hybridCluster", skip_serializing_if = "Option::is_none")]
    pub hybrid_cluster: Option<HybridClusterMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1EdgeHost`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHost {
    #[serde(
        rename = "disableAutoRegister",
        skip_serializing_if = "Option::is_none"
    )]
    pub disable_auto_register: Option<bool>,
    #[serde(rename = "hostAddress")]
    pub host_address: String,
    #[serde(rename = "hostAuthToken", skip_serializing_if = "Option::is_none")]
    pub host_auth_token: Option<String>,
    #[serde(rename = "hostChecksum", skip_serializing_if = "Option::is_none")]
    pub host_checksum: Option<String>,
    #[serde(rename = "hostIdentity", skip_serializing_if = "Option::is_none")]
    pub host_identity: Option<EdgeHostIdentity>,
    #[serde(rename = "hostPairingKey", skip_serializing_if = "Option::is_none")]
    pub host_pairing_key: Option<String>,
    #[serde(rename = "hostUid")]
    pub host_uid: String,
    #[serde(rename = "macAddress", skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<ObjectEntity>,
    #[serde(rename = "remoteSsh", skip_serializing_if = "Option::is_none")]
    pub remote_ssh: Option<String>,
}

/// An edge host device with its spec and status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostDevice {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aclmeta: Option<AclMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<EdgeHostDeviceSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<EdgeHostDeviceStatus>,
}

/// The wire model `v1EdgeHostDeviceSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostDeviceSpec {
    #[serde(rename = "cloudProperties", skip_serializing_if = "Option::is_none")]
    pub cloud_properties: Option<serde_json::Value>,
    #[serde(
        rename = "clusterProfileTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_profile_templates: Option<Vec<ClusterProfileTemplate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<EdgeHost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<EdgeHostProperties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceSpec>,
    #[serde(rename = "tunnelConfig", skip_serializing_if = "Option::is_none")]
    pub tunnel_config: Option<serde_json::Value>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1EdgeHostDeviceStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostDeviceStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<EdgeHostHealth>,
    #[serde(rename = "inUseClusters", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters: Option<Vec<ObjectEntity>>,
    #[serde(rename = "inUseClustersRef", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters_ref: Option<Vec<EdgeClusterObjectEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<ClusterPackStatus>>,
    #[serde(rename = "profileStatus", skip_serializing_if = "Option::is_none")]
    pub profile_status: Option<ProfileStatus>,
    #[serde(rename = "serviceAuthToken", skip_serializing_if = "Option::is_none")]
    pub service_auth_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(rename = "tunnelStatus", skip_serializing_if = "Option::is_none")]
    pub tunnel_status: Option<serde_json::Value>,
}

/// The wire model `v1EdgeHostHealth`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostHealth {
    #[serde(rename = "agentVersion", skip_serializing_if = "Option::is_none")]
    pub agent_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1EdgeHostIdentity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostIdentity {
    #[serde(rename = "caCert", skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(rename = "socketPath", skip_serializing_if = "Option::is_none")]
    pub socket_path: Option<String>,
    #[serde(rename = "sshSecret", skip_serializing_if = "Option::is_none")]
    pub ssh_secret: Option<EdgeHostSSHSecret>,
}

/// One edge host's name, uid, state and type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostMeta {
    #[serde(rename = "archType", skip_serializing_if = "Option::is_none")]
    pub arch_type: Option<String>,
    #[serde(rename = "edgeHostType", skip_serializing_if = "Option::is_none")]
    pub edge_host_type: Option<String>,
    #[serde(rename = "healthState", skip_serializing_if = "Option::is_none")]
    pub health_state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1EdgeHostNetwork`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostNetwork {
    #[serde(rename = "networkName")]
    pub network_name: String,
    #[serde(rename = "networkType")]
    pub network_type: String,
}

impl Default for EdgeHostNetwork {
    fn default() -> Self {
        Self {
            network_name: Default::default(),
            network_type: "default".to_owned(),
        }
    }
}

/// The wire model `v1EdgeHostProperties`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub networks: Option<Vec<EdgeHostNetwork>>,
    #[serde(rename = "storagePools", skip_serializing_if = "Option::is_none")]
    pub storage_pools: Option<Vec<EdgeHostStoragePool>>,
}

/// The wire model `v1EdgeHostSSHSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostSSHSecret {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "privateKey", skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
}

/// The wire model `v1EdgeHostSpecHost`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostSpecHost {
    #[serde(rename = "hostAddress", skip_serializing_if = "Option::is_none")]
    pub host_address: Option<String>,
    #[serde(rename = "macAddress", skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
}

/// The wire model `v1EdgeHostStoragePool`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostStoragePool {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Edge host metadata, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsMeta {
    #[serde(rename = "edgeHosts", skip_serializing_if = "Option::is_none")]
    pub edge_hosts: Option<Vec<EdgeHostMeta>>,
}

/// The wire model `v1EdgeHostsMetadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<EdgeHostsMetadataSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<EdgeHostsMetadataStatus>,
}

/// The wire model `v1EdgeHostsMetadataSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsMetadataSpec {
    #[serde(
        rename = "clusterProfileTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_profile_templates: Option<Vec<ProfileTemplateSummary>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<EdgeHostSpecHost>,
    #[serde(rename = "projectMeta", skip_serializing_if = "Option::is_none")]
    pub project_meta: Option<ProjectMeta>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1EdgeHostsMetadataStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsMetadataStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<EdgeHostHealth>,
    #[serde(rename = "inUseClusters", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters: Option<Vec<ObjectEntity>>,
    #[serde(rename = "inUseClustersRef", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters_ref: Option<Vec<EdgeClusterObjectEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// A page of edge host search results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsSearchSummary {
    pub items: Vec<EdgeHostsMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1HybridClusterMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HybridClusterMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1Nic`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Nic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    #[serde(rename = "isDefault", skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(rename = "macAddr", skip_serializing_if = "Option::is_none")]
    pub mac_addr: Option<String>,
    #[serde(rename = "nicName", skip_serializing_if = "Option::is_none")]
    pub nic_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
}

/// The wire model `v1ServiceSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1EdgeHostsTags`: every tag on an edge host in scope.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsTags {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

//! Edge hosts: devices, metadata and search summaries.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::models::*;

/// Resource access control information (Read-only response data).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AclMeta {
    /// User or service uid which created the resource.
    #[serde(rename = "ownerUid", skip_serializing_if = "Option::is_none")]
    pub owner_uid: Option<String>,
    /// Project's uid if the resource is under a project.
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    /// Tenant's uid.
    #[serde(rename = "tenantUid", skip_serializing_if = "Option::is_none")]
    pub tenant_uid: Option<String>,
}

/// Object identity meta of the cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeClusterObjectEntity {
    /// In case of hybrid edge clusters, it provides the object identity meta of hybrid cluster.
    #[serde(rename = "hybridCluster", skip_serializing_if = "Option::is_none")]
    pub hybrid_cluster: Option<HybridClusterMeta>,
    /// Name of the cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Uid of the cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// EdgeHost is the underlying appliance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHost {
    /// Set to true if auto register is disabled for the device.
    #[serde(
        rename = "disableAutoRegister",
        skip_serializing_if = "Option::is_none"
    )]
    pub disable_auto_register: Option<bool>,
    /// HostAddress is a FQDN or IP address of the Host.
    #[serde(rename = "hostAddress")]
    pub host_address: String,
    /// HostAuthToken to authorize auto registration.
    #[serde(rename = "hostAuthToken", skip_serializing_if = "Option::is_none")]
    pub host_auth_token: Option<String>,
    /// HostChecksum is the checksum provided by the edge host, to be persisted in SaaS.
    #[serde(rename = "hostChecksum", skip_serializing_if = "Option::is_none")]
    pub host_checksum: Option<String>,
    /// HostIdentity is the identity to access the edge host.
    #[serde(rename = "hostIdentity", skip_serializing_if = "Option::is_none")]
    pub host_identity: Option<EdgeHostIdentity>,
    /// HostPairingKey is the one-time pairing key to pair the edge host with the device registered
    /// in SaaS.
    #[serde(rename = "hostPairingKey", skip_serializing_if = "Option::is_none")]
    pub host_pairing_key: Option<String>,
    /// HostUid is the ID of the EdgeHost.
    #[serde(rename = "hostUid")]
    pub host_uid: String,
    /// Mac address of edgehost.
    #[serde(rename = "macAddress", skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    /// ProjectUid where the edgehost will be placed during auto registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<ObjectEntity>,
    /// RemoteSsh controls the remote SSH access for this edge host.
    #[serde(rename = "remoteSsh", skip_serializing_if = "Option::is_none")]
    pub remote_ssh: Option<String>,
}

/// Wire model 'v1EdgeHostDevice'.
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

/// EdgeHostDeviceSpec defines the desired state of EdgeHostDevice.
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
    /// Deprecated. Cloudtype of the provisioned edge host.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// EdgeHostDeviceStatus defines the observed state of EdgeHostDevice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostDeviceStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<EdgeHostHealth>,
    /// Deprecated. Use inUseClustersRef.
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

/// EdgeHostHealth defines the desired health state of EdgeHostDevice.
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

/// Wire model 'v1EdgeHostIdentity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostIdentity {
    /// CACert is the client CA certificate.
    #[serde(rename = "caCert", skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<String>,
    /// Mode indicates a system or session connection to the host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// SocketPath is an optional path to the socket on the host, if not using defaults.
    #[serde(rename = "socketPath", skip_serializing_if = "Option::is_none")]
    pub socket_path: Option<String>,
    /// SSHSecret to the secret containing ssh-username.
    #[serde(rename = "sshSecret", skip_serializing_if = "Option::is_none")]
    pub ssh_secret: Option<EdgeHostSSHSecret>,
}

/// Wire model 'v1EdgeHostMeta'.
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

/// Network defines the network configuration for a virtual machine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostNetwork {
    /// NetworkName of the network where this machine will be connected.
    #[serde(rename = "networkName")]
    pub network_name: String,
    /// NetworkType specifies the type of network.
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

/// Additional properties of edge host.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub networks: Option<Vec<EdgeHostNetwork>>,
    #[serde(rename = "storagePools", skip_serializing_if = "Option::is_none")]
    pub storage_pools: Option<Vec<EdgeHostStoragePool>>,
}

/// Wire model 'v1EdgeHostSSHSecret'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostSSHSecret {
    /// SSH secret name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Private Key to access the host.
    #[serde(rename = "privateKey", skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
}

/// Host specifications.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostSpecHost {
    /// HostAddress is a FQDN or IP address of the Host.
    #[serde(rename = "hostAddress", skip_serializing_if = "Option::is_none")]
    pub host_address: Option<String>,
    #[serde(rename = "macAddress", skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
}

/// StoragePool is the storage pool for the vm image.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostStoragePool {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Wire model 'v1EdgeHostsMeta'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsMeta {
    #[serde(rename = "edgeHosts", skip_serializing_if = "Option::is_none")]
    pub edge_hosts: Option<Vec<EdgeHostMeta>>,
}

/// Wire model 'v1EdgeHostsMetadata'.
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

/// Wire model 'v1EdgeHostsMetadataSpec'.
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

/// Wire model 'v1EdgeHostsMetadataStatus'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsMetadataStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<EdgeHostHealth>,
    /// Deprecated. Use inUseClustersRef.
    #[serde(rename = "inUseClusters", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters: Option<Vec<ObjectEntity>>,
    #[serde(rename = "inUseClustersRef", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters_ref: Option<Vec<EdgeClusterObjectEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// Wire model 'v1EdgeHostsSearchSummary'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeHostsSearchSummary {
    pub items: Vec<EdgeHostsMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Object identity meta of hybrid cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HybridClusterMeta {
    /// Name of the hybrid cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Uid of the hybrid cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Wire model 'v1Nic'.
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

/// ServiceSpec defines the specification of service registering edge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

//! Edge native: create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// EdgeNative cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<EdgeNativeClusterConfig>,
}

/// EdgeNativeCloudConfig is the Schema for the edgenativecloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeCloudConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<EdgeNativeCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<EdgeNativeCloudConfigStatus>,
}

/// EdgeNativeCloudConfigSpec defines the desired state of EdgeNativeCloudConfig.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeCloudConfigSpec {
    #[serde(rename = "clusterConfig")]
    pub cluster_config: EdgeNativeClusterConfig,
    #[serde(rename = "machinePoolConfig")]
    pub machine_pool_config: Vec<EdgeNativeMachinePoolConfig>,
}

/// EdgeNativeCloudConfigStatus defines the observed state of EdgeNativeCloudConfig.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeCloudConfigStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    #[serde(rename = "nodeImage", skip_serializing_if = "Option::is_none")]
    pub node_image: Option<String>,
    /// SourceImageId can be from packref's annotations or from pack.json.
    #[serde(rename = "sourceImageId", skip_serializing_if = "Option::is_none")]
    pub source_image_id: Option<String>,
}

/// EdgeNativeClusterConfig definnes Edge Native Cluster specific Spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeClusterConfig {
    /// ControlPlaneEndpoint is the control plane endpoint, which can be an IP or FQDN.
    #[serde(
        rename = "controlPlaneEndpoint",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_endpoint: Option<EdgeNativeControlPlaneEndPoint>,
    /// IsTwoNodeCluster is to enable two node cluster support in the control-plane.
    #[serde(rename = "isTwoNodeCluster", skip_serializing_if = "Option::is_none")]
    pub is_two_node_cluster: Option<bool>,
    /// NTPServers is a list of NTP servers to use instead of the machine image's default NTP server
    /// list.
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    /// OverlayNetworkConfiguration is the configuration for the overlay network.
    #[serde(
        rename = "overlayNetworkConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub overlay_network_configuration: Option<EdgeNativeOverlayNetworkConfiguration>,
    /// SSHKeys specifies a list of ssh authorized keys to access the vms as a 'spectro' user.
    #[serde(rename = "sshKeys", skip_serializing_if = "Option::is_none")]
    pub ssh_keys: Option<Vec<String>>,
    /// StaticIP indicates if IP allocation type is static IP. DHCP is the default allocation type.
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// Wire model 'v1EdgeNativeControlPlaneEndPoint'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeControlPlaneEndPoint {
    /// DDNSSearchDomain is the search domain used for resolving IP addresses when the EndpointType
    /// is DDNS. This search domain is appended to the generated Hostname to obtain the complete DNS
    /// name for the endpoint.
    #[serde(rename = "ddnsSearchDomain", skip_serializing_if = "Option::is_none")]
    pub ddns_search_domain: Option<String>,
    /// Host is FQDN(DDNS) or IP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Type indicates DDNS or VIP.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// EdgeNativeHost is the underlying appliance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeHost {
    /// Is Edge host nominated as candidate.
    #[serde(rename = "IsCandidateCaption", skip_serializing_if = "Option::is_none")]
    pub is_candidate_caption: Option<bool>,
    /// CACert for TLS connections.
    #[serde(rename = "caCert", skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<String>,
    /// HostAddress is a FQDN or IP address of the Host.
    #[serde(rename = "hostAddress")]
    pub host_address: String,
    /// Qualified name of host.
    #[serde(rename = "hostName", skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
    /// HostUid is the ID of the EdgeHost.
    #[serde(rename = "hostUid")]
    pub host_uid: String,
    /// Edge native nic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nic: Option<Nic>,
    /// Deprecated. Edge host nic name.
    #[serde(rename = "nicName", skip_serializing_if = "Option::is_none")]
    pub nic_name: Option<String>,
    /// Deprecated. Edge host static IP.
    #[serde(rename = "staticIP", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<String>,
    /// Sets the Edge Host candidate priority as either primary or secondary. This field is
    /// applicable only when the Edge Host is nominated as a two-node candidate.
    #[serde(
        rename = "twoNodeCandidatePriority",
        skip_serializing_if = "Option::is_none"
    )]
    pub two_node_candidate_priority: Option<String>,
}

/// EdgeNativeInstanceType defines the instance configuration for a docker container node.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeInstanceType {
    /// DiskGiB is the size of a virtual machine's disk.
    #[serde(rename = "diskGiB", skip_serializing_if = "Option::is_none")]
    pub disk_gi_b: Option<i32>,
    /// MemoryMiB is the size of a virtual machine's memory, in MiB.
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<i32>,
    /// Name is the instance name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// NumCPUs is the number of CPUs.
    #[serde(rename = "numCPUs", skip_serializing_if = "Option::is_none")]
    pub num_cp_us: Option<i32>,
}

/// EdgeNative cloud VM definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<EdgeNativeMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// Wire model 'v1EdgeNativeMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeMachinePoolCloudConfigEntity {
    #[serde(rename = "edgeHosts")]
    pub edge_hosts: Vec<EdgeNativeMachinePoolHostEntity>,
}

/// Wire model 'v1EdgeNativeMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeMachinePoolConfig {
    /// Custom annotations for CAPI machine objects and nodes.
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    /// AdditionalLabels.
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    /// AdditionalTags is an optional set of tags to add to resources managed by the provider, in
    /// addition to the ones added by default. For eg., tags for EKS nodeGroup or EKS
    /// NodegroupIAMRole.
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    pub hosts: Vec<EdgeNativeHost>,
    /// Whether this pool is for control plane.
    #[serde(rename = "isControlPlane", skip_serializing_if = "Option::is_none")]
    pub is_control_plane: Option<bool>,
    /// Labels for this pool, example: control-plane/worker, gpu, windows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    #[serde(
        rename = "machinePoolProperties",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_pool_properties: Option<MachinePoolProperties>,
    /// Max size of the pool, for scaling.
    #[serde(rename = "maxSize", skip_serializing_if = "Option::is_none")]
    pub max_size: Option<i32>,
    /// Min size of the pool, for scaling.
    #[serde(rename = "minSize", skip_serializing_if = "Option::is_none")]
    pub min_size: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Minimum number of seconds a node should be Ready, before the next node is selected for
    /// repave. Applicable only for workerpools in infrastructure cluster.
    #[serde(rename = "nodeRepaveInterval", skip_serializing_if = "Option::is_none")]
    pub node_repave_interval: Option<i32>,
    /// The os type for the pool, must be supported by the provider.
    #[serde(rename = "osType", skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
    /// YAML config for kubeletExtraArgs, preKubeadmCommands, postKubeadmCommands. Overrides pack-
    /// level settings. Worker pools only.
    #[serde(
        rename = "overrideKubeadmConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub override_kubeadm_configuration: Option<String>,
    /// Size of the pool, number of machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    /// Control plane or worker taints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taints: Option<Vec<Taint>>,
    /// Rolling update strategy for this machinepool if not specified, will use ScaleOut.
    #[serde(rename = "updateStrategy", skip_serializing_if = "Option::is_none")]
    pub update_strategy: Option<UpdateStrategy>,
    /// If IsControlPlane==true && useControlPlaneAsWorker==true, then will remove control plane
    /// taint this will not be used for worker pools.
    #[serde(
        rename = "useControlPlaneAsWorker",
        skip_serializing_if = "Option::is_none"
    )]
    pub use_control_plane_as_worker: Option<bool>,
}

/// Wire model 'v1EdgeNativeMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig", skip_serializing_if = "Option::is_none")]
    pub cloud_config: Option<EdgeNativeMachinePoolCloudConfigEntity>,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// Wire model 'v1EdgeNativeMachinePoolHostEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeMachinePoolHostEntity {
    /// Edge host name.
    #[serde(rename = "hostName", skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
    /// Edge host id.
    #[serde(rename = "hostUid")]
    pub host_uid: String,
    /// Edge native nic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nic: Option<Nic>,
    /// Deprecated - Edge host nic name.
    #[serde(rename = "nicName", skip_serializing_if = "Option::is_none")]
    pub nic_name: Option<String>,
    /// Deprecated - Edge host static IP.
    #[serde(rename = "staticIP", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<String>,
    /// Sets the Edge Host candidate priority as either primary or secondary. This field is
    /// applicable only when the Edge Host is nominated as a two-node candidate.
    #[serde(
        rename = "twoNodeCandidatePriority",
        skip_serializing_if = "Option::is_none"
    )]
    pub two_node_candidate_priority: Option<String>,
}

/// EdgeNative cloud VM definition spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeMachineSpec {
    #[serde(rename = "edgeHostUid", skip_serializing_if = "Option::is_none")]
    pub edge_host_uid: Option<String>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<EdgeNativeInstanceType>,
    #[serde(rename = "machineMetadata", skip_serializing_if = "Option::is_none")]
    pub machine_metadata: Option<MachineMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nics: Option<Vec<EdgeNativeNic>>,
}

/// EdgeNative machine list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeMachines {
    pub items: Vec<EdgeNativeMachine>,
}

/// Generic network interface.
///
/// The spec defines it with the same fields as [`GcpNic`] (`v1GcpNic`).
pub type EdgeNativeNic = GcpNic;

/// Wire model 'v1EdgeNativeOverlayNetworkConfiguration'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EdgeNativeOverlayNetworkConfiguration {
    /// CIDR is the CIDR of the overlay network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// Enable is a flag to enable overlay network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
}

/// EdgeNative cluster create or update request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroEdgeNativeClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroEdgeNativeClusterEntitySpec>,
}

/// Wire model 'v1SpectroEdgeNativeClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroEdgeNativeClusterEntitySpec {
    #[serde(rename = "cloudConfig", skip_serializing_if = "Option::is_none")]
    pub cloud_config: Option<EdgeNativeClusterConfig>,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<EdgeNativeMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

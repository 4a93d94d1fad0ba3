//! Canonical MAAS: create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Maas cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<MaasClusterConfig>,
}

/// MaasCloudConfig is the Schema for the maascloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasCloudConfig {
    /// APIVersion defines the versioned schema of this representation of an object. Servers should
    /// convert recognized schemas to the latest internal value, and may reject unrecognized values.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Kind is a string value representing the REST resource this object represents. Servers may
    /// infer this from the endpoint the client submits requests to. Cannot be updated. In
    /// CamelCase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<MaasCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MaasCloudConfigStatus>,
}

/// MaasCloudConfigSpec defines the cloud configuration input by user This will translate to
/// clusterspec/machinespec for cluster-api.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains MaasCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<MaasClusterConfig>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<MaasMachinePoolConfig>>,
}

/// MaasCloudConfigStatus defines the observed state of MaasCloudConfig The cloudimage info built by
/// Mold is stored here image should be mapped to a specific machinepool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasCloudConfigStatus {
    /// For mold controller to identify if is there any changes in Pack.
    #[serde(rename = "ansibleRoleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_role_digest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    /// Addon layers present in spc.
    #[serde(rename = "isAddonLayer", skip_serializing_if = "Option::is_none")]
    pub is_addon_layer: Option<bool>,
    #[serde(rename = "nodeImage", skip_serializing_if = "Option::is_none")]
    pub node_image: Option<MaasImage>,
    /// This map will be for ansible roles present in eack pack.
    #[serde(rename = "roleDigest", skip_serializing_if = "Option::is_none")]
    pub role_digest: Option<BTreeMap<String, String>>,
    /// SourceImageId, it can be from packref's annotations or from pack.json.
    #[serde(rename = "sourceImageId", skip_serializing_if = "Option::is_none")]
    pub source_image_id: Option<String>,
    /// PackerVariableDigest string 'json:"packerDigest,omitempty"' If no ansible roles found in
    /// Packs then Mold should tell Drive to use capi image and not create custom image, because
    /// there is nothing to add.
    #[serde(rename = "useCapiImage", skip_serializing_if = "Option::is_none")]
    pub use_capi_image: Option<bool>,
}

/// Cluster level configuration for MAAS cloud and applicable for all the machine pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasClusterConfig {
    /// Domain name of the cluster to be provisioned.
    pub domain: String,
    /// EnableLxdVm controls MaaS KVM host enablement for the Host ControlPlane cluster only. When
    /// true, Palette configures MaasMachineTemplate LXD settings so LXD initialization is triggered
    /// on nodes of this (host) cluster.
    #[serde(rename = "enableLxdVm", skip_serializing_if = "Option::is_none")]
    pub enable_lxd_vm: Option<bool>,
    /// NTPServers is a list of NTP servers to use instead of the machine image's default NTP server
    /// list.
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    /// SSH keys specifies a list of ssh authorized keys for the 'spectro' user.
    #[serde(rename = "sshKeys", skip_serializing_if = "Option::is_none")]
    pub ssh_keys: Option<Vec<String>>,
    /// Whether this cluster should use dhcp or static IP, if false, use DHCP if this is set, then
    /// all machinepools should have staticIP with provided IPPool adding this as an additional
    /// standalone flag without relating to place...
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// Name of the image.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasImage {
    /// Full path of the image template location it contains datacenter/folder/templatename etc eg:
    /// /mydc/vm/template/spectro/workerpool-1-centos.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// Wire model 'v1MaasInstanceType'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasInstanceType {
    /// Minimum CPU cores.
    #[serde(rename = "minCPU", skip_serializing_if = "Option::is_none")]
    pub min_cpu: Option<i32>,
    /// Minimum disk size in GiB.
    #[serde(rename = "minDiskSizeInGB", skip_serializing_if = "Option::is_none")]
    pub min_disk_size_in_gb: Option<i32>,
    /// Minimum memory in MiB.
    #[serde(rename = "minMemInMB", skip_serializing_if = "Option::is_none")]
    pub min_mem_in_mb: Option<i32>,
}

/// Maas cloud VM definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<MaasMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// Wire model 'v1MaasMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasMachinePoolCloudConfigEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "instanceType")]
    pub instance_type: MaasInstanceType,
    /// Network info.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<MaasNetworkConfigEntity>,
    /// The resource pool.
    #[serde(rename = "resourcePool")]
    pub resource_pool: String,
    /// Tags in maas environment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// UseLxdVm enables on-demand LXD VM provisioning for this machine pool (workload clusters
    /// only). When true, machines in this pool are created as MAAS LXD-backed VMs instead of bare
    /// metal.
    #[serde(rename = "useLxdVm", skip_serializing_if = "Option::is_none")]
    pub use_lxd_vm: Option<bool>,
}

/// Wire model 'v1MaasMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasMachinePoolConfig {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    /// InstanceType defines the required CPU, Memory.
    #[serde(rename = "instanceType")]
    pub instance_type: MaasInstanceType,
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
    /// Network info.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<MaasNetworkConfig>,
    /// Minimum number of seconds a node should be Ready, before the next node is selected for
    /// repave. Applicable only for workerpools in infrastructure cluster.
    #[serde(rename = "nodeRepaveInterval", skip_serializing_if = "Option::is_none")]
    pub node_repave_interval: Option<i32>,
    /// YAML config for kubeletExtraArgs, preKubeadmCommands, postKubeadmCommands. Overrides pack-
    /// level settings. Worker pools only.
    #[serde(
        rename = "overrideKubeadmConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub override_kubeadm_configuration: Option<String>,
    #[serde(rename = "resourcePool", skip_serializing_if = "Option::is_none")]
    pub resource_pool: Option<String>,
    /// Size of the pool, number of machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    /// Skip Kubernetes version upgrade validation for worker pools with N-3 version skew.
    #[serde(rename = "skipK8sUpgrade", skip_serializing_if = "Option::is_none")]
    pub skip_k8s_upgrade: Option<String>,
    /// Tags in maas environment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
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
    /// UseLxdVm enables on-demand LXD VM provisioning for this machine pool (workload clusters
    /// only). When true, machines in this pool are created as MAAS LXD-backed VMs instead of bare
    /// metal.
    #[serde(rename = "useLxdVm", skip_serializing_if = "Option::is_none")]
    pub use_lxd_vm: Option<bool>,
}

/// Wire model 'v1MaasMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: MaasMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// Maas cloud VM definition spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasMachineSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    #[serde(rename = "machineMetadata", skip_serializing_if = "Option::is_none")]
    pub machine_metadata: Option<MachineMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nics: Option<Vec<MaasNic>>,
}

/// List of MAAS machines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasMachines {
    pub items: Vec<MaasMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1MaasNetworkConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasNetworkConfig {
    /// When staticIP=true, need to provide IPPool.
    #[serde(rename = "ipPool", skip_serializing_if = "Option::is_none")]
    pub ip_pool: Option<IPPool>,
    /// NetworkName is the name of the network in which VMs are created/located.
    #[serde(rename = "networkName")]
    pub network_name: String,
    /// ParentPoolRef reference to the ParentPool which allocates IPs for this IPPool.
    #[serde(rename = "parentPoolRef", skip_serializing_if = "Option::is_none")]
    pub parent_pool_ref: Option<ObjectReference>,
    /// Support dhcp or static IP, if false, use DHCP.
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// Wire model 'v1MaasNetworkConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasNetworkConfigEntity {
    /// NetworkName is the name of the network in which VMs are created/located.
    #[serde(rename = "networkName")]
    pub network_name: String,
    /// ParentPoolRef Uid to the ParentPool which allocates IPs for this IPPool.
    #[serde(rename = "parentPoolUid", skip_serializing_if = "Option::is_none")]
    pub parent_pool_uid: Option<String>,
    /// Support dhcp or static IP, if false, use DHCP.
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// Maas network interface.
///
/// The spec defines it with the same fields as [`AwsNic`] (`v1AwsNic`).
pub type MaasNic = AwsNic;

/// Spectro Maas cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroMaasClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroMaasClusterEntitySpec>,
}

/// Wire model 'v1SpectroMaasClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroMaasClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: MaasClusterConfig,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(rename = "clusterType", skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<MaasMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

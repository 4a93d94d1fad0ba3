//! VMware vSphere: create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    CloudMachineStatus, ClusterCondition, ClusterConfigEntity, ClusterTemplateRef, ListMetaData,
    MaasNetworkConfig, MaasNetworkConfigEntity, MachineMetadata, MachinePoolConfigEntity,
    MachinePoolProperties, ObjectMeta, ObjectReference, SpectroClusterProfileEntity, Taint,
    UpdateStrategy,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The wire model `v1ControlPlaneEndPoint`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ControlPlaneEndPoint {
    #[serde(rename = "ddnsSearchDomain", skip_serializing_if = "Option::is_none")]
    pub ddns_search_domain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1IPPool`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IPPool {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nameserver: Option<Nameserver>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pools: Option<Vec<Pool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1Nameserver`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Nameserver {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<Vec<String>>,
}

/// The wire model `v1Pool`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pool {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nameserver: Option<Nameserver>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
}

/// The body of a vSphere cluster create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroVsphereClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroVsphereClusterEntitySpec>,
}

/// The `spec` object of `v1SpectroVsphereClusterEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroVsphereClusterEntitySpec {
    #[serde(rename = "cloudAccountUid", skip_serializing_if = "Option::is_none")]
    pub cloud_account_uid: Option<String>,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: VsphereClusterConfigEntity,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(rename = "edgeHostUid", skip_serializing_if = "Option::is_none")]
    pub edge_host_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<VsphereMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

/// The body of a vSphere cluster config update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<VsphereClusterConfigEntity>,
}

/// The cloud config of a cluster on vSphere, as read back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudConfig {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<VsphereCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<VsphereCloudConfigStatus>,
}

/// The cluster config and machine pools (`machinePoolConfig`) of a cloud config on vSphere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudConfigSpec {
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig")]
    pub cluster_config: VsphereClusterConfig,
    #[serde(rename = "edgeHostRef", skip_serializing_if = "Option::is_none")]
    pub edge_host_ref: Option<ObjectReference>,
    #[serde(rename = "machinePoolConfig")]
    pub machine_pool_config: Vec<VsphereMachinePoolConfig>,
}

/// The wire model `v1VsphereCloudConfigStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudConfigStatus {
    #[serde(rename = "ansibleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_digest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    #[serde(rename = "isAddonLayer", skip_serializing_if = "Option::is_none")]
    pub is_addon_layer: Option<bool>,
    #[serde(rename = "lastOVACreated", skip_serializing_if = "Option::is_none")]
    pub last_ova_created: Option<String>,
    #[serde(rename = "lastVMExported", skip_serializing_if = "Option::is_none")]
    pub last_vm_exported: Option<String>,
    #[serde(rename = "nodeImage", skip_serializing_if = "Option::is_none")]
    pub node_image: Option<VsphereImage>,
    #[serde(rename = "roleDigest", skip_serializing_if = "Option::is_none")]
    pub role_digest: Option<BTreeMap<String, String>>,
    #[serde(rename = "sourceImageId", skip_serializing_if = "Option::is_none")]
    pub source_image_id: Option<String>,
    #[serde(rename = "uploadOvaS3", skip_serializing_if = "Option::is_none")]
    pub upload_ova_s3: Option<String>,
    #[serde(rename = "useCapiImage", skip_serializing_if = "Option::is_none")]
    pub use_capi_image: Option<bool>,
}

/// The vSphere cluster-level cloud configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereClusterConfig {
    #[serde(
        rename = "controlPlaneEndpoint",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_endpoint: Option<ControlPlaneEndPoint>,
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    pub placement: VspherePlacementConfig,
    #[serde(rename = "sshKeys", skip_serializing_if = "Option::is_none")]
    pub ssh_keys: Option<Vec<String>>,
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// The wire model `v1VsphereClusterConfigEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereClusterConfigEntity {
    #[serde(
        rename = "controlPlaneEndpoint",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_endpoint: Option<ControlPlaneEndPoint>,
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    pub placement: VspherePlacementConfigEntity,
    #[serde(rename = "sshKeys", skip_serializing_if = "Option::is_none")]
    pub ssh_keys: Option<Vec<String>>,
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// The wire model `v1VsphereImage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereImage {
    #[serde(rename = "fullPath", skip_serializing_if = "Option::is_none")]
    pub full_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1VsphereInstanceType`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereInstanceType {
    #[serde(rename = "diskGiB")]
    pub disk_gi_b: i32,
    #[serde(rename = "memoryMiB")]
    pub memory_mi_b: i64,
    #[serde(rename = "numCPUs")]
    pub num_cp_us: i32,
}

/// One machine on vSphere with its status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<VsphereMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// The vSphere-specific part of a machine pool as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachinePoolCloudConfigEntity {
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<VsphereInstanceType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placements: Option<Vec<VspherePlacementConfigEntity>>,
}

/// A machine pool on vSphere as read back: one flat object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachinePoolConfig {
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    #[serde(rename = "instanceType")]
    pub instance_type: VsphereInstanceType,
    #[serde(rename = "isControlPlane")]
    pub is_control_plane: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    #[serde(
        rename = "machinePoolProperties",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_pool_properties: Option<MachinePoolProperties>,
    #[serde(rename = "maxSize", skip_serializing_if = "Option::is_none")]
    pub max_size: Option<i32>,
    #[serde(rename = "minSize", skip_serializing_if = "Option::is_none")]
    pub min_size: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "nodeRepaveInterval", skip_serializing_if = "Option::is_none")]
    pub node_repave_interval: Option<i32>,
    #[serde(
        rename = "overrideKubeadmConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub override_kubeadm_configuration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placements: Option<Vec<VspherePlacementConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    #[serde(rename = "skipK8sUpgrade", skip_serializing_if = "Option::is_none")]
    pub skip_k8s_upgrade: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taints: Option<Vec<Taint>>,
    #[serde(rename = "updateStrategy", skip_serializing_if = "Option::is_none")]
    pub update_strategy: Option<UpdateStrategy>,
    #[serde(
        rename = "useControlPlaneAsWorker",
        skip_serializing_if = "Option::is_none"
    )]
    pub use_control_plane_as_worker: Option<bool>,
}

/// A machine pool on vSphere as sent: `cloudConfig` plus `poolConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: VsphereMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// The wire model `v1VsphereMachineSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachineSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<VsphereImage>>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<VsphereInstanceType>,
    #[serde(rename = "machineMetadata", skip_serializing_if = "Option::is_none")]
    pub machine_metadata: Option<MachineMetadata>,
    pub nics: Vec<VsphereNic>,
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    pub placement: VspherePlacementConfig,
    #[serde(rename = "vcenterServer")]
    pub vcenter_server: String,
}

/// A page of machines on vSphere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachines {
    pub items: Vec<VsphereMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1VsphereNetworkConfig`.
///
/// The spec defines it with the same fields as [`MaasNetworkConfig`] (`v1MaasNetworkConfig`).
pub type VsphereNetworkConfig = MaasNetworkConfig;

/// The wire model `v1VsphereNetworkConfigEntity`.
///
/// The spec defines it with the same fields as [`MaasNetworkConfigEntity`] (`v1MaasNetworkConfigEntity`).
pub type VsphereNetworkConfigEntity = MaasNetworkConfigEntity;

/// The wire model `v1VsphereNic`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereNic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<i64>,
    #[serde(rename = "macAddress", skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    #[serde(rename = "networkName")]
    pub network_name: String,
    #[serde(rename = "privateIPs", skip_serializing_if = "Option::is_none")]
    pub private_ips: Option<Vec<String>>,
}

/// The wire model `v1VspherePlacementConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VspherePlacementConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datastore: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    #[serde(
        rename = "imageTemplateFolder",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_template_folder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<VsphereNetworkConfig>,
    #[serde(rename = "resourcePool", skip_serializing_if = "Option::is_none")]
    pub resource_pool: Option<String>,
    #[serde(rename = "storagePolicyName", skip_serializing_if = "Option::is_none")]
    pub storage_policy_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1VspherePlacementConfigEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VspherePlacementConfigEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datastore: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    #[serde(
        rename = "imageTemplateFolder",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_template_folder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<VsphereNetworkConfigEntity>,
    #[serde(rename = "resourcePool", skip_serializing_if = "Option::is_none")]
    pub resource_pool: Option<String>,
    #[serde(rename = "storagePolicyName", skip_serializing_if = "Option::is_none")]
    pub storage_policy_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

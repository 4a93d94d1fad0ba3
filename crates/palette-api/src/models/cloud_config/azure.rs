//! Azure (IaaS) and AKS, which share these models: create entity, cluster config, machine pools,
//! cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    AwsNic, CloudMachineStatus, ClusterCondition, ClusterConfigEntity, ClusterTemplateRef,
    InstanceConfig, ListMetaData, MachineMetadata, MachinePoolConfigEntity, MachinePoolProperties,
    ObjectMeta, ObjectReference, SpectroClusterProfileEntity, SpotMarketOptions, Taint,
    UpdateStrategy,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The wire model `v1AADProfile`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AADProfile {
    #[serde(rename = "adminGroupObjectIDs")]
    pub admin_group_object_ids: Vec<String>,
    pub managed: bool,
}

/// The wire model `v1APIServerAccessProfile`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct APIServerAccessProfile {
    #[serde(rename = "authorizedIPRanges", skip_serializing_if = "Option::is_none")]
    pub authorized_ip_ranges: Option<Vec<String>>,
    #[serde(
        rename = "enablePrivateCluster",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_private_cluster: Option<bool>,
    #[serde(
        rename = "enablePrivateClusterPublicFQDN",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_private_cluster_public_fqdn: Option<bool>,
    #[serde(rename = "privateDNSZone", skip_serializing_if = "Option::is_none")]
    pub private_dns_zone: Option<String>,
}

/// The body of a Azure (and AKS) cluster config update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AzureClusterConfig>,
}

/// The cloud config of a cluster on Azure (and AKS), as read back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudConfig {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<AzureCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<AzureCloudConfigStatus>,
}

/// The cluster config and machine pools (`machinePoolConfig`) of a cloud config on Azure (and AKS).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudConfigSpec {
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AzureClusterConfig>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<AzureMachinePoolConfig>>,
}

/// The wire model `v1AzureCloudConfigStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudConfigStatus {
    #[serde(rename = "ansibleRoleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_role_digest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<AzureImage>,
    #[serde(rename = "isAddonLayer", skip_serializing_if = "Option::is_none")]
    pub is_addon_layer: Option<bool>,
    #[serde(rename = "roleDigest", skip_serializing_if = "Option::is_none")]
    pub role_digest: Option<BTreeMap<String, String>>,
    #[serde(rename = "sourceImageId", skip_serializing_if = "Option::is_none")]
    pub source_image_id: Option<String>,
    #[serde(rename = "useCapiImage", skip_serializing_if = "Option::is_none")]
    pub use_capi_image: Option<bool>,
    #[serde(rename = "vhdImage", skip_serializing_if = "Option::is_none")]
    pub vhd_image: Option<AzureVHDImage>,
}

/// The Azure (and AKS) cluster-level cloud configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureClusterConfig {
    #[serde(rename = "aadProfile", skip_serializing_if = "Option::is_none")]
    pub aad_profile: Option<AADProfile>,
    #[serde(
        rename = "apiServerAccessProfile",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_server_access_profile: Option<APIServerAccessProfile>,
    #[serde(rename = "containerName", skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    #[serde(rename = "controlPlaneSubnet", skip_serializing_if = "Option::is_none")]
    pub control_plane_subnet: Option<Subnet>,
    #[serde(
        rename = "enablePrivateCluster",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_private_cluster: Option<bool>,
    #[serde(rename = "infraLBConfig", skip_serializing_if = "Option::is_none")]
    pub infra_lb_config: Option<InfraLBConfig>,
    pub location: String,
    #[serde(rename = "resourceGroup", skip_serializing_if = "Option::is_none")]
    pub resource_group: Option<String>,
    #[serde(rename = "sshKey")]
    pub ssh_key: String,
    #[serde(rename = "storageAccountName", skip_serializing_if = "Option::is_none")]
    pub storage_account_name: Option<String>,
    #[serde(rename = "subscriptionId")]
    pub subscription_id: String,
    #[serde(rename = "vnetCidrBlock", skip_serializing_if = "Option::is_none")]
    pub vnet_cidr_block: Option<String>,
    #[serde(rename = "vnetName", skip_serializing_if = "Option::is_none")]
    pub vnet_name: Option<String>,
    #[serde(rename = "vnetResourceGroup", skip_serializing_if = "Option::is_none")]
    pub vnet_resource_group: Option<String>,
    #[serde(rename = "workerSubnet", skip_serializing_if = "Option::is_none")]
    pub worker_subnet: Option<Subnet>,
}

/// The wire model `v1AzureImage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureImage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gallery: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "resourceGroup", skip_serializing_if = "Option::is_none")]
    pub resource_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(rename = "subscriptionID", skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// One machine on Azure (and AKS) with its status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<AzureMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// The Azure (and AKS)-specific part of a machine pool as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachinePoolCloudConfigEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    #[serde(rename = "isSystemNodePool", skip_serializing_if = "Option::is_none")]
    pub is_system_node_pool: Option<bool>,
    #[serde(rename = "osDisk", skip_serializing_if = "Option::is_none")]
    pub os_disk: Option<AzureOSDisk>,
}

/// A machine pool on Azure (and AKS) as read back: one flat object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachinePoolConfig {
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "instanceConfig", skip_serializing_if = "Option::is_none")]
    pub instance_config: Option<InstanceConfig>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    #[serde(rename = "isControlPlane")]
    pub is_control_plane: bool,
    #[serde(rename = "isSystemNodePool", skip_serializing_if = "Option::is_none")]
    pub is_system_node_pool: Option<bool>,
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
    #[serde(rename = "osDisk", skip_serializing_if = "Option::is_none")]
    pub os_disk: Option<AzureOSDisk>,
    #[serde(rename = "osType", skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
    #[serde(
        rename = "overrideKubeadmConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub override_kubeadm_configuration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    #[serde(rename = "spotVMOptions", skip_serializing_if = "Option::is_none")]
    pub spot_vm_options: Option<SpotVMOptions>,
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

/// A machine pool on Azure (and AKS) as sent: `cloudConfig` plus `poolConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: AzureMachinePoolCloudConfigEntity,
    #[serde(rename = "managedPoolConfig", skip_serializing_if = "Option::is_none")]
    pub managed_pool_config: Option<AzureManagedMachinePoolConfig>,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// The wire model `v1AzureMachineSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachineSpec {
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    #[serde(rename = "allocatePublicIP", skip_serializing_if = "Option::is_none")]
    pub allocate_public_ip: Option<bool>,
    #[serde(rename = "availabilityZone", skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<AzureMachineSpecAvailabilityZone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<AzureMachineSpecImage>,
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    pub location: String,
    #[serde(rename = "machineMetadata", skip_serializing_if = "Option::is_none")]
    pub machine_metadata: Option<MachineMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nics: Option<Vec<AzureNic>>,
    #[serde(rename = "osDisk")]
    pub os_disk: AzureOSDisk,
    #[serde(rename = "sshPublicKey", skip_serializing_if = "Option::is_none")]
    pub ssh_public_key: Option<String>,
}

/// The wire model `v1AzureMachineSpecAvailabilityZone`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachineSpecAvailabilityZone {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The wire model `v1AzureMachineSpecImage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachineSpecImage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gallery: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(rename = "resourceGroup", skip_serializing_if = "Option::is_none")]
    pub resource_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    #[serde(rename = "subscriptionId", skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A page of machines on Azure (and AKS).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachines {
    pub items: Vec<AzureMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1AzureManagedMachinePoolConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureManagedMachinePoolConfig {
    #[serde(rename = "isSystemNodePool", skip_serializing_if = "Option::is_none")]
    pub is_system_node_pool: Option<bool>,
    #[serde(rename = "osType", skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
}

/// The wire model `v1AzureNic`.
///
/// The spec defines it with the same fields as [`AwsNic`] (`v1AwsNic`).
pub type AzureNic = AwsNic;

/// The wire model `v1AzureOSDisk`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureOSDisk {
    #[serde(rename = "diskSizeGB", skip_serializing_if = "Option::is_none")]
    pub disk_size_gb: Option<i32>,
    #[serde(rename = "managedDisk", skip_serializing_if = "Option::is_none")]
    pub managed_disk: Option<ManagedDisk>,
    #[serde(rename = "osType", skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
}

/// The wire model `v1AzureSecretTlsConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureSecretTlsConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert: Option<String>,
}

/// The wire model `v1AzureVHDImage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureVHDImage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1InfraLBConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InfraLBConfig {
    #[serde(rename = "apiServerLB", skip_serializing_if = "Option::is_none")]
    pub api_server_lb: Option<LoadBalancerSpec>,
}

/// The wire model `v1LoadBalancerSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoadBalancerSpec {
    #[serde(
        rename = "apiServerLBStaticIP",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_server_lb_static_ip: Option<String>,
    #[serde(rename = "ipAllocationMethod", skip_serializing_if = "Option::is_none")]
    pub ip_allocation_method: Option<String>,
    #[serde(rename = "privateDNSName", skip_serializing_if = "Option::is_none")]
    pub private_dns_name: Option<String>,
    #[serde(
        rename = "privateDNSZoneResourceGroup",
        skip_serializing_if = "Option::is_none"
    )]
    pub private_dns_zone_resource_group: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1ManagedDisk`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManagedDisk {
    #[serde(rename = "storageAccountType", skip_serializing_if = "Option::is_none")]
    pub storage_account_type: Option<String>,
}

/// The body of a Azure (and AKS) cluster create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAzureClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroAzureClusterEntitySpec>,
}

/// The `spec` object of `v1SpectroAzureClusterEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAzureClusterEntitySpec {
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: AzureClusterConfig,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<AzureMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

/// The wire model `v1SpotVMOptions`.
///
/// The spec defines it with the same fields as [`SpotMarketOptions`] (`v1SpotMarketOptions`).
pub type SpotVMOptions = SpotMarketOptions;

/// The wire model `v1Subnet`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Subnet {
    #[serde(rename = "cidrBlock", skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "nsgResourceGroup", skip_serializing_if = "Option::is_none")]
    pub nsg_resource_group: Option<String>,
    #[serde(rename = "securityGroupName", skip_serializing_if = "Option::is_none")]
    pub security_group_name: Option<String>,
}

//! Azure (IaaS) and AKS, which share these models: create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// AADProfile - AAD integration is managed by AKS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AADProfile {
    /// AdminGroupObjectIDs - AAD group object IDs that will have admin role of the cluster.
    #[serde(rename = "adminGroupObjectIDs")]
    pub admin_group_object_i_ds: Vec<String>,
    /// Managed - Whether to enable managed AAD.
    pub managed: bool,
}

/// APIServerAccessProfile - access profile for AKS API server.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct APIServerAccessProfile {
    /// AuthorizedIPRanges - Authorized IP Ranges to kubernetes API server.
    #[serde(rename = "authorizedIPRanges", skip_serializing_if = "Option::is_none")]
    pub authorized_ip_ranges: Option<Vec<String>>,
    /// EnablePrivateCluster - Whether to create the cluster as a private cluster or not.
    #[serde(
        rename = "enablePrivateCluster",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_private_cluster: Option<bool>,
    /// EnablePrivateClusterPublicFQDN - Whether to create additional public FQDN for private
    /// cluster or not.
    #[serde(
        rename = "enablePrivateClusterPublicFQDN",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_private_cluster_public_fqdn: Option<bool>,
    /// PrivateDNSZone - Private dns zone mode for private cluster.
    #[serde(rename = "privateDNSZone", skip_serializing_if = "Option::is_none")]
    pub private_dns_zone: Option<String>,
}

/// Azure cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AzureClusterConfig>,
}

/// AzureCloudConfig is the Schema for the azurecloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudConfig {
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
    pub spec: Option<AzureCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<AzureCloudConfigStatus>,
}

/// AzureCloudConfigSpec defines the cloud configuration input by user This will translate to
/// clusterspec/machinespec for cluster-api.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains AzureCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AzureClusterConfig>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<AzureMachinePoolConfig>>,
}

/// AzureCloudConfigStatus defines the observed state of AzureCloudConfig The cloudimage info built
/// by Mold is stored here image should be mapped to a specific machinepool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudConfigStatus {
    /// For mold controller to identify if is there any changes in Pack.
    #[serde(rename = "ansibleRoleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_role_digest: Option<String>,
    /// SpectroAnsibleProvisioner: should be added only once, subsequent recocile will use the same
    /// provisioner SpectroAnsiblePacker bool 'json:"spectroAnsiblePacker,omitempty"'.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    /// Images array items should be 1-to-1 mapping to Spec.MachinePoolConfig.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<AzureImage>,
    /// Addon layers present in spc.
    #[serde(rename = "isAddonLayer", skip_serializing_if = "Option::is_none")]
    pub is_addon_layer: Option<bool>,
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
    #[serde(rename = "vhdImage", skip_serializing_if = "Option::is_none")]
    pub vhd_image: Option<AzureVHDImage>,
}

/// Cluster level configuration for Azure cloud and applicable for all the machine pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureClusterConfig {
    /// AadProfile is Azure Active Directory configuration to integrate with AKS for aad
    /// authentication.
    #[serde(rename = "aadProfile", skip_serializing_if = "Option::is_none")]
    pub aad_profile: Option<AADProfile>,
    /// APIServerAccessProfile is the access profile for AKS API server.
    #[serde(
        rename = "apiServerAccessProfile",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_server_access_profile: Option<APIServerAccessProfile>,
    #[serde(rename = "containerName", skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    /// Subnet for Kubernetes control-plane node.
    #[serde(rename = "controlPlaneSubnet", skip_serializing_if = "Option::is_none")]
    pub control_plane_subnet: Option<Subnet>,
    /// Deprecated. use apiServerAccessProfile.enablePrivateCluster.
    #[serde(
        rename = "enablePrivateCluster",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_private_cluster: Option<bool>,
    /// APIServerLB is the configuration for the control-plane load balancer.
    #[serde(rename = "infraLBConfig", skip_serializing_if = "Option::is_none")]
    pub infra_lb_config: Option<InfraLBConfig>,
    /// Location is the Azure datacenter location.
    pub location: String,
    #[serde(rename = "resourceGroup", skip_serializing_if = "Option::is_none")]
    pub resource_group: Option<String>,
    #[serde(rename = "sshKey")]
    pub ssh_key: String,
    #[serde(rename = "storageAccountName", skip_serializing_if = "Option::is_none")]
    pub storage_account_name: Option<String>,
    /// Subscription ID is unique identifier for the subscription used to access Azure services.
    #[serde(rename = "subscriptionId")]
    pub subscription_id: String,
    #[serde(rename = "vnetCidrBlock", skip_serializing_if = "Option::is_none")]
    pub vnet_cidr_block: Option<String>,
    /// VNETName is the virtual network in which the cluster is to be provisioned.
    #[serde(rename = "vnetName", skip_serializing_if = "Option::is_none")]
    pub vnet_name: Option<String>,
    #[serde(rename = "vnetResourceGroup", skip_serializing_if = "Option::is_none")]
    pub vnet_resource_group: Option<String>,
    /// Subnet for Kubernetes worker node.
    #[serde(rename = "workerSubnet", skip_serializing_if = "Option::is_none")]
    pub worker_subnet: Option<Subnet>,
}

/// Refers to Azure Shared Gallery image.
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

/// Azure cloud VM definition.
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

/// Wire model 'v1AzureMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachinePoolCloudConfigEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    /// Instance type stands for VMSize in Azure.
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// Whether this pool is for system node Pool.
    #[serde(rename = "isSystemNodePool", skip_serializing_if = "Option::is_none")]
    pub is_system_node_pool: Option<bool>,
    #[serde(rename = "osDisk", skip_serializing_if = "Option::is_none")]
    pub os_disk: Option<AzureOSDisk>,
}

/// Wire model 'v1AzureMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachinePoolConfig {
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
    #[serde(rename = "instanceConfig", skip_serializing_if = "Option::is_none")]
    pub instance_config: Option<InstanceConfig>,
    /// Instance type stands for VMSize in Azure.
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// Whether this pool is for control plane.
    #[serde(rename = "isControlPlane")]
    pub is_control_plane: bool,
    /// Whether this pool is for system node Pool.
    #[serde(rename = "isSystemNodePool", skip_serializing_if = "Option::is_none")]
    pub is_system_node_pool: Option<bool>,
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
    #[serde(rename = "osDisk", skip_serializing_if = "Option::is_none")]
    pub os_disk: Option<AzureOSDisk>,
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
    /// SpotVMOptions allows the ability to specify the Machine should use a Spot VM.
    #[serde(rename = "spotVMOptions", skip_serializing_if = "Option::is_none")]
    pub spot_vm_options: Option<SpotVMOptions>,
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

/// Wire model 'v1AzureMachinePoolConfigEntity'.
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

/// Azure cloud VM definition spec.
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

/// Azure Machine Spec Availability zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachineSpecAvailabilityZone {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Azure Machine Spec Image.
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

/// Azure machine list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureMachines {
    pub items: Vec<AzureMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1AzureManagedMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureManagedMachinePoolConfig {
    /// Whether this pool is for system node Pool.
    #[serde(rename = "isSystemNodePool", skip_serializing_if = "Option::is_none")]
    pub is_system_node_pool: Option<bool>,
    #[serde(rename = "osType", skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
}

/// AWS network interface.
///
/// The spec defines it with the same fields as [`AwsNic`] (`v1AwsNic`).
pub type AzureNic = AwsNic;

/// Wire model 'v1AzureOSDisk'.
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

/// TLS configuration for the AWS secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureSecretTlsConfig {
    /// Certificate is the TLS certificate used to authenticate the Azure secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert: Option<String>,
}

/// Mold always create VHD image for custom image, and this can be use as golden images.
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

/// Wire model 'v1InfraLBConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InfraLBConfig {
    /// APIServerLB is the configuration for the control-plane load balancer.
    #[serde(rename = "apiServerLB", skip_serializing_if = "Option::is_none")]
    pub api_server_lb: Option<LoadBalancerSpec>,
}

/// LoadBalancerSpec defines an Azure load balancer.
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
    /// PrivateDNSZoneResourceGroup defines the resource group to be used for Azure Private DNS
    /// Zone. If not specified, the resource group of the cluster will be used to create the Azure
    /// Private DNS Zone.
    #[serde(
        rename = "privateDNSZoneResourceGroup",
        skip_serializing_if = "Option::is_none"
    )]
    pub private_dns_zone_resource_group: Option<String>,
    /// Load Balancer type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// Wire model 'v1ManagedDisk'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManagedDisk {
    #[serde(rename = "storageAccountType", skip_serializing_if = "Option::is_none")]
    pub storage_account_type: Option<String>,
}

/// Azure cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAzureClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroAzureClusterEntitySpec>,
}

/// Wire model 'v1SpectroAzureClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAzureClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: AzureClusterConfig,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<AzureMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

/// SpotVMOptions defines the options relevant to running the Machine on Spot VMs.
///
/// The spec defines it with the same fields as [`SpotMarketOptions`] (`v1SpotMarketOptions`).
pub type SpotVMOptions = SpotMarketOptions;

/// Wire model 'v1Subnet'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Subnet {
    /// CidrBlock is the CIDR block to be used when the provider creates a managed Vnet.
    #[serde(rename = "cidrBlock", skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Resource group associated with a network security group.
    #[serde(rename = "nsgResourceGroup", skip_serializing_if = "Option::is_none")]
    pub nsg_resource_group: Option<String>,
    /// Network Security Group(NSG) to be attached to subnet. NSG for a control plane subnet, should
    /// allow inbound to port 6443, as port 6443 is used by kubeadm to bootstrap the control planes.
    #[serde(rename = "securityGroupName", skip_serializing_if = "Option::is_none")]
    pub security_group_name: Option<String>,
}

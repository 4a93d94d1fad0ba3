//! Google Cloud (IaaS) and GKE, which share these models: create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Gcp cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<GcpClusterConfig>,
}

/// GcpCloudConfig is the Schema for the gcpcloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpCloudConfig {
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
    pub spec: Option<GcpCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<GcpCloudConfigStatus>,
}

/// GcpCloudConfigSpec defines the cloud configuration input by user This will translate to
/// clusterspec/machinespec for cluster-api.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains GcpCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<GcpClusterConfig>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<GcpMachinePoolConfig>>,
}

/// GcpCloudConfigStatus defines the observed state of GcpCloudConfig The cloudimage info built by
/// Mold is stored here image should be mapped to a specific machinepool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpCloudConfigStatus {
    /// For mold controller to identify if is there any changes in Pack.
    #[serde(rename = "ansibleRoleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_role_digest: Option<String>,
    /// SpectroAnsibleProvisioner: should be added only once, subsequent recocile will use the same
    /// provisioner SpectroAnsiblePacker bool 'json:"spectroAnsiblePacker,omitempty"'.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    /// Images array items should be 1-to-1 mapping to Spec.MachinePoolConfig.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<GcpImage>,
    /// Addon layers present in spc.
    #[serde(rename = "isAddonLayer", skip_serializing_if = "Option::is_none")]
    pub is_addon_layer: Option<bool>,
    /// This map will be for ansible roles present in each pack.
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

/// Cluster level configuration for gcp cloud and applicable for all the machine pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpClusterConfig {
    #[serde(
        rename = "managedClusterConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_cluster_config: Option<GcpManagedClusterConfig>,
    /// NetworkName if empty would create VPC Network in auto mode. If provided, custom VPC network
    /// will be used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// Name of the project in which cluster is to be deployed.
    pub project: String,
    /// GCP region for the cluster.
    pub region: String,
}

/// Refers to GCP image.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpImage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// GCP cloud VM definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<GcpMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// Wire model 'v1GcpMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpMachinePoolCloudConfigEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    /// Size of root volume in GB. Default is 30GB.
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    /// Subnet specifies the subnetwork to use for given instance. If not specified, the first
    /// subnet from the cluster region and network is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<GcpSubnetEntity>>,
}

/// Wire model 'v1GcpMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpMachinePoolConfig {
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
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    /// Whether this pool is for control plane.
    #[serde(rename = "isControlPlane")]
    pub is_control_plane: bool,
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
    /// YAML config for kubeletExtraArgs, preKubeadmCommands, postKubeadmCommands. Overrides pack-
    /// level settings. Worker pools only.
    #[serde(
        rename = "overrideKubeadmConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub override_kubeadm_configuration: Option<String>,
    /// Size of root volume in GB. Default is 30GB.
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    /// Size of the pool, number of machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    /// Subnet specifies the subnetwork to use for given instance. If not specified, the first
    /// subnet from the cluster region and network is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
    /// AZ to subnet mapping filled by ally from hubble SubnetIDs \["us-west-2d"\] =
    /// "subnet-079b6061" This field is optional If we don't provide a subnetId then by default the
    /// first private subnet from the AZ will be picked up fo...
    #[serde(rename = "subnetIds", skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<BTreeMap<String, String>>,
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

/// Wire model 'v1GcpMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: GcpMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// GCP cloud VM definition spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpMachineSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(rename = "instanceConfig", skip_serializing_if = "Option::is_none")]
    pub instance_config: Option<InstanceConfig>,
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    #[serde(rename = "machineMetadata", skip_serializing_if = "Option::is_none")]
    pub machine_metadata: Option<MachineMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nics: Option<Vec<GcpNic>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

/// GCP machine list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpMachines {
    pub items: Vec<GcpMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// GCP managed cluster config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpManagedClusterConfig {
    /// EnableAutopilot indicates whether to enable autopilot for this GKE cluster.
    #[serde(rename = "enableAutoPilot", skip_serializing_if = "Option::is_none")]
    pub enable_auto_pilot: Option<bool>,
    /// Can be Region or Zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// GCP network interface.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpNic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<i64>,
    #[serde(rename = "networkName", skip_serializing_if = "Option::is_none")]
    pub network_name: Option<String>,
    #[serde(rename = "privateIPs", skip_serializing_if = "Option::is_none")]
    pub private_i_ps: Option<Vec<String>>,
    #[serde(rename = "publicIp", skip_serializing_if = "Option::is_none")]
    pub public_ip: Option<String>,
}

/// Wire model 'v1GcpSubnetEntity'.
///
/// The spec defines it with the same fields as [`AwsSubnetEntity`] (`v1AwsSubnetEntity`).
pub type GcpSubnetEntity = AwsSubnetEntity;

/// GCP cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroGcpClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroGcpClusterEntitySpec>,
}

/// Wire model 'v1SpectroGcpClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroGcpClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: GcpClusterConfig,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<GcpMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

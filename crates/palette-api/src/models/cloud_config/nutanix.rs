//! Custom cloud types such as Nutanix (`/cloudTypes/{cloudType}` routes): create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Custom cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<CustomClusterConfig>,
}

/// CustomCloudConfig is the Schema for the custom cloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomCloudConfig {
    /// Kind is a string value representing the REST resource this object represents. Servers may
    /// infer this from the endpoint the client submits requests to. Cannot be updated. In
    /// CamelCase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<CustomCloudConfigSpec>,
}

/// CustomCloudConfigSpec defines the cloud configuration input by user This will translate to
/// clusterspec/machinespec for cluster-api.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains CustomCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<CustomClusterConfig>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<CustomMachinePoolConfig>>,
}

/// Cluster level configuration for Custom cloud and applicable for all the machine pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomClusterConfig {
    /// YAML string for Cluster and CloudCluster.
    pub values: String,
}

/// Wire model 'v1CustomClusterConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomClusterConfigEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<serde_json::Value>,
    #[serde(
        rename = "machineManagementConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_management_config: Option<MachineManagementConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<serde_json::Value>,
    /// The timezone field is mandatory if cluster is deployed through template, else it is
    /// optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// Wire model 'v1CustomInstanceType'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomInstanceType {
    /// DiskGiB is the size of a custom machine's disk, in GiB.
    #[serde(rename = "diskGiB", skip_serializing_if = "Option::is_none")]
    pub disk_gi_b: Option<i32>,
    /// MemoryMiB is the size of a custom machine's memory, in MiB.
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// NumCPUs is the number in a custom machine.
    #[serde(rename = "numCPUs", skip_serializing_if = "Option::is_none")]
    pub num_cp_us: Option<i32>,
}

/// Custom cloud VM definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<CustomMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// Machine pool configuration for the custom cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomMachinePoolBaseConfigEntity {
    /// Additional labels to be part of the machine pool.
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    /// Whether this pool is for control plane.
    #[serde(rename = "isControlPlane", skip_serializing_if = "Option::is_none")]
    pub is_control_plane: Option<bool>,
    /// Control plane or worker taints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taints: Option<Vec<Taint>>,
    /// If IsControlPlane==true && useControlPlaneAsWorker==true, then will remove control plane
    /// taint this will not be used for worker pools.
    #[serde(
        rename = "useControlPlaneAsWorker",
        skip_serializing_if = "Option::is_none"
    )]
    pub use_control_plane_as_worker: Option<bool>,
}

/// Wire model 'v1CustomMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomMachinePoolCloudConfigEntity {
    /// Machine pool configuration as yaml content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// Wire model 'v1CustomMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomMachinePoolConfig {
    /// Custom annotations for CAPI machine objects and nodes.
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    /// AdditionalLabels.
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    /// Whether this pool is for control plane.
    #[serde(rename = "isControlPlane")]
    pub is_control_plane: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
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
    /// If IsControlPlane==true && useControlPlaneAsWorker==true, then will remove control plane
    /// taint this will not be used for worker pools.
    #[serde(
        rename = "useControlPlaneAsWorker",
        skip_serializing_if = "Option::is_none"
    )]
    pub use_control_plane_as_worker: Option<bool>,
    /// YAML string for machine.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// Wire model 'v1CustomMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: CustomMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<CustomMachinePoolBaseConfigEntity>,
}

/// Custom cloud VM definition spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomMachineSpec {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(rename = "hostName", skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
    #[serde(rename = "imageId", skip_serializing_if = "Option::is_none")]
    pub image_id: Option<String>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<CustomInstanceType>,
    #[serde(rename = "machineMetadata", skip_serializing_if = "Option::is_none")]
    pub machine_metadata: Option<MachineMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nics: Option<Vec<CustomNic>>,
    #[serde(rename = "sshKeyName", skip_serializing_if = "Option::is_none")]
    pub ssh_key_name: Option<String>,
}

/// List of Custom machines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomMachines {
    pub items: Vec<CustomMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Custom network interface.
///
/// The spec defines it with the same fields as [`GcpNic`] (`v1GcpNic`).
pub type CustomNic = GcpNic;

/// Custom cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroCustomClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroCustomClusterEntitySpec>,
}

/// Wire model 'v1SpectroCustomClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroCustomClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: CustomClusterConfig,
    /// General cluster configuration like patching settings, namespace resource allocation, rbac.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<CustomClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(rename = "clusterType", skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<CustomMachinePoolConfigEntity>>,
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

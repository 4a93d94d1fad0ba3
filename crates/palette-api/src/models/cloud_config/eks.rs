//! AWS EKS: create entity, cluster config, machine pools and cloud config.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    AwsLaunchTemplate, AwsSubnetEntity, ClusterConfigEntity, ClusterTemplateRef, InstanceConfig,
    MachinePoolConfigEntity, MachinePoolProperties, ObjectMeta, ObjectReference,
    SpectroClusterProfileEntity, SpotMarketOptions, Taint, UpdateStrategy,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The wire model `v1EksAddon`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksAddon {
    #[serde(rename = "conflictResolution", skip_serializing_if = "Option::is_none")]
    pub conflict_resolution: Option<String>,
    pub name: String,
    #[serde(
        rename = "serviceAccountRoleARN",
        skip_serializing_if = "Option::is_none"
    )]
    pub service_account_role_arn: Option<String>,
    pub version: String,
}

/// The body of a EKS cluster config update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<EksClusterConfig>,
}

/// The cloud config of a cluster on EKS, as read back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksCloudConfig {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<EksCloudConfigSpec>,
}

/// The cluster config and machine pools (`machinePoolConfig`) of a cloud config on EKS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksCloudConfigSpec {
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<EksClusterConfig>,
    #[serde(rename = "fargateProfiles", skip_serializing_if = "Option::is_none")]
    pub fargate_profiles: Option<Vec<FargateProfile>>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<EksMachinePoolConfig>>,
}

/// The EKS cluster-level cloud configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksClusterConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addons: Option<Vec<EksAddon>>,
    #[serde(rename = "bastionDisabled", skip_serializing_if = "Option::is_none")]
    pub bastion_disabled: Option<bool>,
    #[serde(
        rename = "controlPlaneLoadBalancer",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_load_balancer: Option<String>,
    #[serde(rename = "encryptionConfig", skip_serializing_if = "Option::is_none")]
    pub encryption_config: Option<EncryptionConfig>,
    #[serde(rename = "endpointAccess", skip_serializing_if = "Option::is_none")]
    pub endpoint_access: Option<EksClusterConfigEndpointAccess>,
    pub region: String,
    #[serde(rename = "sshKeyName", skip_serializing_if = "Option::is_none")]
    pub ssh_key_name: Option<String>,
    #[serde(rename = "vpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// The wire model `v1EksClusterConfigEndpointAccess`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksClusterConfigEndpointAccess {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    #[serde(rename = "privateCIDRs", skip_serializing_if = "Option::is_none")]
    pub private_cid_rs: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
    #[serde(rename = "publicCIDRs", skip_serializing_if = "Option::is_none")]
    pub public_cid_rs: Option<Vec<String>>,
}

/// The wire model `v1EksMachineCloudConfigEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksMachineCloudConfigEntity {
    #[serde(rename = "amiType", skip_serializing_if = "Option::is_none")]
    pub ami_type: Option<String>,
    #[serde(rename = "awsLaunchTemplate", skip_serializing_if = "Option::is_none")]
    pub aws_launch_template: Option<AwsLaunchTemplate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    #[serde(
        rename = "enableAwsLaunchTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_aws_launch_template: Option<bool>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    #[serde(rename = "spotMarketOptions", skip_serializing_if = "Option::is_none")]
    pub spot_market_options: Option<SpotMarketOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<EksSubnetEntity>>,
}

/// A machine pool on EKS as read back: one flat object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksMachinePoolConfig {
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    #[serde(rename = "amiType", skip_serializing_if = "Option::is_none")]
    pub ami_type: Option<String>,
    #[serde(rename = "awsLaunchTemplate", skip_serializing_if = "Option::is_none")]
    pub aws_launch_template: Option<AwsLaunchTemplate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    #[serde(
        rename = "enableAwsLaunchTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_aws_launch_template: Option<bool>,
    #[serde(rename = "instanceConfig", skip_serializing_if = "Option::is_none")]
    pub instance_config: Option<InstanceConfig>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
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
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    #[serde(rename = "spotMarketOptions", skip_serializing_if = "Option::is_none")]
    pub spot_market_options: Option<SpotMarketOptions>,
    #[serde(rename = "subnetIds", skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<BTreeMap<String, String>>,
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

/// A machine pool on EKS as sent: `cloudConfig` plus `poolConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig", skip_serializing_if = "Option::is_none")]
    pub cloud_config: Option<EksMachineCloudConfigEntity>,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// The wire model `v1EksSubnetEntity`.
///
/// The spec defines it with the same fields as [`AwsSubnetEntity`] (`v1AwsSubnetEntity`).
pub type EksSubnetEntity = AwsSubnetEntity;

/// The wire model `v1EncryptionConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EncryptionConfig {
    #[serde(rename = "isEnabled", skip_serializing_if = "Option::is_none")]
    pub is_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<String>>,
}

/// The body of `PUT /v1/cloudconfigs/eks/{configUid}/fargateProfiles` (`v1EksFargateProfiles`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksFargateProfiles {
    #[serde(rename = "fargateProfiles", skip_serializing_if = "Option::is_none")]
    pub fargate_profiles: Option<Vec<FargateProfile>>,
}

/// The wire model `v1FargateProfile`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FargateProfile {
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selectors: Option<Vec<FargateSelector>>,
    #[serde(rename = "subnetIds", skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
}

/// The wire model `v1FargateSelector`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FargateSelector {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    pub namespace: String,
}

/// The body of a EKS cluster create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroEksClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroEksClusterEntitySpec>,
}

/// The `spec` object of `v1SpectroEksClusterEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroEksClusterEntitySpec {
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: EksClusterConfig,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(rename = "fargateProfiles", skip_serializing_if = "Option::is_none")]
    pub fargate_profiles: Option<Vec<FargateProfile>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<EksMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

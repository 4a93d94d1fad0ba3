//! AWS EKS: create entity, cluster config, machine pools and cloud config.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// EksAddon represents a EKS addon.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksAddon {
    /// ConflictResolution is used to declare what should happen if there are parameter conflicts.
    #[serde(rename = "conflictResolution", skip_serializing_if = "Option::is_none")]
    pub conflict_resolution: Option<String>,
    /// Name is the name of the addon.
    pub name: String,
    /// ServiceAccountRoleArn is the ARN of an IAM role to bind to the addons service account.
    #[serde(
        rename = "serviceAccountRoleARN",
        skip_serializing_if = "Option::is_none"
    )]
    pub service_account_role_arn: Option<String>,
    /// Version is the version of the addon to use.
    pub version: String,
}

/// EKS cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<EksClusterConfig>,
}

/// EksCloudConfig is the Schema for the ekscloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksCloudConfig {
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
    pub spec: Option<EksCloudConfigSpec>,
}

/// EksCloudConfigSpec defines the cloud configuration input by user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains EksCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<EksClusterConfig>,
    #[serde(rename = "fargateProfiles", skip_serializing_if = "Option::is_none")]
    pub fargate_profiles: Option<Vec<FargateProfile>>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<EksMachinePoolConfig>>,
}

/// EksClusterConfig defines EKS specific config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksClusterConfig {
    /// Addons defines the EKS addons to enable with the EKS cluster. This may be required for
    /// brownfield clusters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addons: Option<Vec<EksAddon>>,
    /// BastionDisabled is the option to disable bastion node.
    #[serde(rename = "bastionDisabled", skip_serializing_if = "Option::is_none")]
    pub bastion_disabled: Option<bool>,
    /// ControlPlaneLoadBalancer specifies how API server elb will be configured, this field is
    /// optional, not provided, "", default =\> "Internet-facing" "Internet-facing" =\> "Internet-
    /// facing" "internal" =\> "internal" For spectro...
    #[serde(
        rename = "controlPlaneLoadBalancer",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_load_balancer: Option<String>,
    /// EncryptionConfig specifies the encryption configuration for the cluster.
    #[serde(rename = "encryptionConfig", skip_serializing_if = "Option::is_none")]
    pub encryption_config: Option<EncryptionConfig>,
    /// Endpoints specifies access to this cluster's control plane endpoints.
    #[serde(rename = "endpointAccess", skip_serializing_if = "Option::is_none")]
    pub endpoint_access: Option<EksClusterConfigEndpointAccess>,
    /// The AWS Region the cluster lives in.
    pub region: String,
    /// SSHKeyName specifies which EC2 SSH key can be used to access machines.
    #[serde(rename = "sshKeyName", skip_serializing_if = "Option::is_none")]
    pub ssh_key_name: Option<String>,
    /// VPC Id to deploy cluster into should have one public and one private subnet for the the
    /// cluster creation, this field is optional, If VPC Id is not provided a fully managed VPC will
    /// be created.
    #[serde(rename = "vpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// EndpointAccess specifies how control plane endpoints are accessible.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksClusterConfigEndpointAccess {
    /// Private points VPC-internal control plane access to the private endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// PrivateCIDRs specifies which blocks can access the private endpoint.
    #[serde(rename = "privateCIDRs", skip_serializing_if = "Option::is_none")]
    pub private_cid_rs: Option<Vec<String>>,
    /// Public controls whether control plane endpoints are publicly accessible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
    /// PublicCIDRs specifies which blocks can access the public endpoint.
    #[serde(rename = "publicCIDRs", skip_serializing_if = "Option::is_none")]
    pub public_cid_rs: Option<Vec<String>>,
}

/// Wire model 'v1EksMachineCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksMachineCloudConfigEntity {
    /// AMI type for the node pool. AL2 types (AL2_x86_64, AL2_x86_64_GPU) are deprecated and
    /// disabled for new node pools. Default is AL2023_x86_64_STANDARD.
    #[serde(rename = "amiType", skip_serializing_if = "Option::is_none")]
    pub ami_type: Option<String>,
    #[serde(rename = "awsLaunchTemplate", skip_serializing_if = "Option::is_none")]
    pub aws_launch_template: Option<AwsLaunchTemplate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    /// EC2 instance capacity type.
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    /// Flag to know if aws launch template is enabled.
    #[serde(
        rename = "enableAwsLaunchTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_aws_launch_template: Option<bool>,
    /// Instance type.
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// RootDeviceSize in GBs.
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    /// SpotMarketOptions allows users to configure instances to be run using AWS Spot instances.
    #[serde(rename = "spotMarketOptions", skip_serializing_if = "Option::is_none")]
    pub spot_market_options: Option<SpotMarketOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<EksSubnetEntity>>,
}

/// Wire model 'v1EksMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksMachinePoolConfig {
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
    /// AMI type for the node pool. AL2 types (AL2_x86_64, AL2_x86_64_GPU) are deprecated and
    /// disabled for new node pools. Supported values: AL2023_x86_64_STANDARD, AL2023_x86_64_NEURON,
    /// AL2023_x86_64_NVIDIA.
    #[serde(rename = "amiType", skip_serializing_if = "Option::is_none")]
    pub ami_type: Option<String>,
    #[serde(rename = "awsLaunchTemplate", skip_serializing_if = "Option::is_none")]
    pub aws_launch_template: Option<AwsLaunchTemplate>,
    /// AZs is only used for dynamic placement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    /// EC2 instance capacity type.
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    /// Flag to know if aws launch template is enabled.
    #[serde(
        rename = "enableAwsLaunchTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_aws_launch_template: Option<bool>,
    #[serde(rename = "instanceConfig", skip_serializing_if = "Option::is_none")]
    pub instance_config: Option<InstanceConfig>,
    /// Instance type.
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
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
    /// RootDeviceSize in GBs.
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    /// Size of the pool, number of machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    /// SpotMarketOptions allows users to configure instances to be run using AWS Spot instances.
    #[serde(rename = "spotMarketOptions", skip_serializing_if = "Option::is_none")]
    pub spot_market_options: Option<SpotMarketOptions>,
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

/// Wire model 'v1EksMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EksMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig", skip_serializing_if = "Option::is_none")]
    pub cloud_config: Option<EksMachineCloudConfigEntity>,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// Wire model 'v1EksSubnetEntity'.
///
/// The spec defines it with the same fields as [`AwsSubnetEntity`] (`v1AwsSubnetEntity`).
pub type EksSubnetEntity = AwsSubnetEntity;

/// EncryptionConfig specifies the encryption configuration for the EKS clsuter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EncryptionConfig {
    /// Is encryption configuration enabled for the cluster.
    #[serde(rename = "isEnabled", skip_serializing_if = "Option::is_none")]
    pub is_enabled: Option<bool>,
    /// Provider specifies the ARN or alias of the CMK (in AWS KMS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Resources specifies the resources to be encrypted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<String>>,
}

/// FargateProfile defines the desired state of FargateProfile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FargateProfile {
    /// AdditionalTags is an optional set of tags to add to AWS resources managed by the AWS
    /// provider, in addition to the ones added by default.
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    /// Name specifies the profile name.
    pub name: String,
    /// Selectors specify fargate pod selectors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selectors: Option<Vec<FargateSelector>>,
    /// SubnetIDs specifies which subnets are used for the auto scaling group of this nodegroup.
    #[serde(rename = "subnetIds", skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
}

/// FargateSelector specifies a selector for pods that should run on this fargate pool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FargateSelector {
    /// Labels specifies which pod labels this selector should match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// Namespace specifies which namespace this selector should match.
    pub namespace: String,
}

/// Spectro EKS cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroEksClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroEksClusterEntitySpec>,
}

/// Wire model 'v1SpectroEksClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroEksClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: EksClusterConfig,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
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
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

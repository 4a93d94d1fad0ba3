//! AWS (IaaS): create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    CloudMachineStatus, ClusterCondition, ClusterConfigEntity, ClusterTemplateRef, ListMetaData,
    MachineMetadata, MachinePoolConfigEntity, MachinePoolProperties, ObjectMeta, ObjectReference,
    SpectroClusterProfileEntity, Taint, UpdateStrategy,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The wire model `v1AwsAMI`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsAMI {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1AwsAmiReference`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsAmiReference {
    #[serde(
        rename = "eksOptimizedLookupType",
        skip_serializing_if = "Option::is_none"
    )]
    pub eks_optimized_lookup_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The body of a AWS cluster config update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AwsClusterConfig>,
}

/// The cloud config of a cluster on AWS, as read back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudConfig {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<AwsCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<AwsCloudConfigStatus>,
}

/// The cluster config and machine pools (`machinePoolConfig`) of a cloud config on AWS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudConfigSpec {
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AwsClusterConfig>,
    #[serde(rename = "hybridMachinePools", skip_serializing_if = "Option::is_none")]
    pub hybrid_machine_pools: Option<Vec<AwsHybridMachinePool>>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<AwsMachinePoolConfig>>,
}

/// The wire model `v1AwsCloudConfigStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudConfigStatus {
    #[serde(rename = "ansibleRoleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_role_digest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<AwsAMI>>,
    #[serde(rename = "isAddonLayer", skip_serializing_if = "Option::is_none")]
    pub is_addon_layer: Option<bool>,
    #[serde(rename = "roleDigest", skip_serializing_if = "Option::is_none")]
    pub role_digest: Option<BTreeMap<String, String>>,
    #[serde(rename = "sourceImageId", skip_serializing_if = "Option::is_none")]
    pub source_image_id: Option<String>,
    #[serde(rename = "useCapiImage", skip_serializing_if = "Option::is_none")]
    pub use_capi_image: Option<bool>,
}

/// The AWS cluster-level cloud configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsClusterConfig {
    #[serde(rename = "bastionDisabled", skip_serializing_if = "Option::is_none")]
    pub bastion_disabled: Option<bool>,
    #[serde(
        rename = "controlPlaneLoadBalancer",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_load_balancer: Option<String>,
    #[serde(rename = "hybridConfig", skip_serializing_if = "Option::is_none")]
    pub hybrid_config: Option<serde_json::Value>,
    pub region: String,
    #[serde(rename = "sshKeyName", skip_serializing_if = "Option::is_none")]
    pub ssh_key_name: Option<String>,
    #[serde(rename = "vpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// The wire model `v1AwsHybridMachinePool`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsHybridMachinePool {
    #[serde(rename = "poolCloudType", skip_serializing_if = "Option::is_none")]
    pub pool_cloud_type: Option<String>,
    #[serde(rename = "poolName", skip_serializing_if = "Option::is_none")]
    pub pool_name: Option<String>,
    #[serde(rename = "poolUid", skip_serializing_if = "Option::is_none")]
    pub pool_uid: Option<String>,
}

/// The wire model `v1AwsLaunchTemplate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsLaunchTemplate {
    #[serde(
        rename = "additionalSecurityGroups",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_security_groups: Option<Vec<AwsResourceReference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ami: Option<AwsAmiReference>,
    #[serde(rename = "imageLookupBaseOS", skip_serializing_if = "Option::is_none")]
    pub image_lookup_base_os: Option<String>,
    #[serde(rename = "imageLookupFormat", skip_serializing_if = "Option::is_none")]
    pub image_lookup_format: Option<String>,
    #[serde(rename = "imageLookupOrg", skip_serializing_if = "Option::is_none")]
    pub image_lookup_org: Option<String>,
    #[serde(rename = "rootVolume", skip_serializing_if = "Option::is_none")]
    pub root_volume: Option<AwsRootVolume>,
}

/// One machine on AWS with its status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<AwsMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// The AWS-specific part of a machine pool as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachinePoolCloudConfigEntity {
    #[serde(
        rename = "additionalSecurityGroups",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_security_groups: Option<Vec<AwsResourceReference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    #[serde(
        rename = "hostResourceGroupArn",
        skip_serializing_if = "Option::is_none"
    )]
    pub host_resource_group_arn: Option<String>,
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    #[serde(
        rename = "licenseConfigurationArns",
        skip_serializing_if = "Option::is_none"
    )]
    pub license_configuration_arns: Option<Vec<String>>,
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    #[serde(rename = "spotMarketOptions", skip_serializing_if = "Option::is_none")]
    pub spot_market_options: Option<SpotMarketOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<AwsSubnetEntity>>,
}

/// A machine pool on AWS as read back: one flat object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachinePoolConfig {
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "additionalSecurityGroups",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_security_groups: Option<Vec<AwsResourceReference>>,
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    #[serde(
        rename = "hostResourceGroupArn",
        skip_serializing_if = "Option::is_none"
    )]
    pub host_resource_group_arn: Option<String>,
    #[serde(rename = "instanceConfig", skip_serializing_if = "Option::is_none")]
    pub instance_config: Option<InstanceConfig>,
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    #[serde(rename = "isControlPlane")]
    pub is_control_plane: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    #[serde(
        rename = "licenseConfigurationArns",
        skip_serializing_if = "Option::is_none"
    )]
    pub license_configuration_arns: Option<Vec<String>>,
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
    #[serde(rename = "skipK8sUpgrade", skip_serializing_if = "Option::is_none")]
    pub skip_k8s_upgrade: Option<String>,
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

/// A machine pool on AWS as sent: `cloudConfig` plus `poolConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: AwsMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// The wire model `v1AwsMachineSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachineSpec {
    #[serde(
        rename = "additionalSecurityGroups",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_security_groups: Option<Vec<AwsResourceReference>>,
    pub ami: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    #[serde(rename = "dnsName", skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    #[serde(rename = "iamProfile", skip_serializing_if = "Option::is_none")]
    pub iam_profile: Option<String>,
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    #[serde(rename = "machineMetadata", skip_serializing_if = "Option::is_none")]
    pub machine_metadata: Option<MachineMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nics: Option<Vec<AwsNic>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(rename = "sshKeyName", skip_serializing_if = "Option::is_none")]
    pub ssh_key_name: Option<String>,
    #[serde(rename = "subnetId", skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "vpcId")]
    pub vpc_id: String,
}

/// A page of machines on AWS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachines {
    pub items: Vec<AwsMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1AwsNic`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsNic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<i64>,
    #[serde(rename = "privateIPs", skip_serializing_if = "Option::is_none")]
    pub private_ips: Option<Vec<String>>,
    #[serde(rename = "publicIp", skip_serializing_if = "Option::is_none")]
    pub public_ip: Option<String>,
}

/// The wire model `v1AwsPodIdentityCredentials`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsPodIdentityCredentials {
    #[serde(
        rename = "permissionBoundaryArn",
        skip_serializing_if = "Option::is_none"
    )]
    pub permission_boundary_arn: Option<String>,
    #[serde(rename = "roleArn", skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// The wire model `v1AwsResourceFilter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsResourceFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// The wire model `v1AwsResourceReference`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsResourceReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<AwsResourceFilter>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The wire model `v1AwsRootVolume`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsRootVolume {
    #[serde(rename = "deviceName", skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(rename = "encryptionKey", skip_serializing_if = "Option::is_none")]
    pub encryption_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iops: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throughput: Option<i64>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1AwsSecretSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSecretSpec {
    #[serde(rename = "accountName", skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(
        rename = "isCapValidationEnabled",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_cap_validation_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mission: Option<String>,
    #[serde(rename = "namePrefix", skip_serializing_if = "Option::is_none")]
    pub name_prefix: Option<String>,
    #[serde(rename = "permissionBoundary", skip_serializing_if = "Option::is_none")]
    pub permission_boundary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<AwsSecretTlsConfig>,
}

/// The wire model `v1AwsSecretTlsConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSecretTlsConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// The wire model `v1AwsStsCredentials`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsStsCredentials {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "externalId", skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// The wire model `v1AwsSubnet`: one subnet of a VPC, in one availability zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSubnet {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    #[serde(rename = "isPrivate", skip_serializing_if = "Option::is_none")]
    pub is_private: Option<bool>,
    #[serde(
        rename = "mapPublicIpOnLaunch",
        skip_serializing_if = "Option::is_none"
    )]
    pub map_public_ip_on_launch: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "subnetId", skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
}

/// The wire model `v1AwsVpc`: a VPC of an account's region and its subnets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsVpc {
    #[serde(rename = "cidrBlock", skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<AwsSubnet>>,
    #[serde(rename = "vpcId")]
    pub vpc_id: String,
}

/// The wire model `v1AwsVpcs`: `GET /v1/clouds/aws/regions/{region}/vpcs`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsVpcs {
    pub vpcs: Vec<AwsVpc>,
}

/// The wire model `v1AwsSecuritygroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSecuritygroup {
    #[serde(rename = "groupId", skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    #[serde(rename = "groupName", skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    #[serde(rename = "ownerId", skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
}

/// The wire model `v1AwsSecurityGroups`: `GET /v1/clouds/aws/securitygroups`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSecurityGroups {
    pub groups: Vec<AwsSecuritygroup>,
}

/// The wire model `v1AwsSubnetEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSubnetEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The wire model `v1HyperShiftConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HyperShiftConfig {
    #[serde(
        rename = "clusterDeploymentType",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_deployment_type: Option<String>,
    #[serde(rename = "hostClusterUid", skip_serializing_if = "Option::is_none")]
    pub host_cluster_uid: Option<String>,
}

/// The wire model `v1InstanceConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(rename = "cpuSet", skip_serializing_if = "Option::is_none")]
    pub cpu_set: Option<i64>,
    #[serde(rename = "diskGiB", skip_serializing_if = "Option::is_none")]
    pub disk_gi_b: Option<i64>,
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "numCPUs", skip_serializing_if = "Option::is_none")]
    pub num_cp_us: Option<i32>,
}

/// The body of a AWS cluster create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAwsClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroAwsClusterEntitySpec>,
}

/// The `spec` object of `v1SpectroAwsClusterEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAwsClusterEntitySpec {
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: AwsClusterConfig,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    #[serde(rename = "clusterType", skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<AwsMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

/// The wire model `v1SpotMarketOptions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpotMarketOptions {
    #[serde(rename = "maxPrice", skip_serializing_if = "Option::is_none")]
    pub max_price: Option<String>,
}

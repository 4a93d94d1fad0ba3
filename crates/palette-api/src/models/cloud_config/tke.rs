//! Tencent TKE (legacy spec): create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Tencent cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroTencentClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroTencentClusterEntitySpec>,
}

/// Wire model 'v1SpectroTencentClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroTencentClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: TencentClusterConfig,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<TencentMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

/// Tencent cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<TencentClusterConfig>,
}

/// TencentCloudConfig is the Schema for the tencentcloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentCloudConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<TencentCloudConfigSpec>,
}

/// TencentCloudConfigSpec defines the cloud configuration input by user This will translate to
/// clusterspec/machinespec for cluster-api.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains TencentCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<TencentClusterConfig>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<TencentMachinePoolConfig>>,
}

/// Cluster level configuration for tencent cloud and applicable for all the machine pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentClusterConfig {
    /// Endpoints specifies access to this cluster's control plane endpoints.
    #[serde(rename = "endpointAccess", skip_serializing_if = "Option::is_none")]
    pub endpoint_access: Option<TkeEndpointAccess>,
    pub region: String,
    #[serde(rename = "sshKeyIDs", skip_serializing_if = "Option::is_none")]
    pub ssh_key_i_ds: Option<Vec<String>>,
    /// VPC Id to deploy cluster into should have one public and one private subnet for the the
    /// cluster creation, this field is optional, If VPC Id is not provided a fully managed VPC will
    /// be created.
    #[serde(rename = "vpcID", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// Tencent cloud VM definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentMachine {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<TencentMachineSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudMachineStatus>,
}

/// Wire model 'v1TencentMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentMachinePoolCloudConfigEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    /// Instance type.
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// RootDeviceSize in GBs.
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    /// AZ to subnet mapping filled by ally from hubble SubnetIDs \["ap-guangzhou-6"\] =
    /// "subnet-079b6061" This field is optional If we don't provide a subnetId then by default the
    /// first subnet from the AZ will be picked up for de...
    #[serde(rename = "subnetIds", skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<BTreeMap<String, String>>,
}

/// Wire model 'v1TencentMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentMachinePoolConfig {
    /// AdditionalLabels.
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    /// AdditionalTags is an optional set of tags to add to resources managed by the provider, in
    /// addition to the ones added by default. For eg., tags for EKS nodeGroup or EKS
    /// NodegroupIAMRole.
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    /// AZs is only used for dynamic placement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    #[serde(rename = "instanceConfig", skip_serializing_if = "Option::is_none")]
    pub instance_config: Option<InstanceConfig>,
    /// Instance type.
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
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
    /// RootDeviceSize in GBs.
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    /// Size of the pool, number of machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    /// AZ to subnet mapping filled by ally from hubble SubnetIDs \["ap-guangzhou-6"\] =
    /// "subnet-079b6061" This field is optional If we don't provide a subnetId then by default the
    /// first subnet from the AZ will be picked up for de...
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

/// Wire model 'v1TencentMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: TencentMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// Tencent cloud VM definition spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentMachineSpec {
    #[serde(rename = "dnsName", skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    #[serde(rename = "imageId")]
    pub image_id: String,
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    pub nics: Vec<TencentNic>,
    #[serde(rename = "securityGroups", skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<String>>,
    #[serde(rename = "subnetId", skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "vpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    #[serde(rename = "zoneId", skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<String>,
}

/// Tencent machine list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentMachines {
    pub items: Vec<TencentMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Tencent network interface.
///
/// The spec defines it with the same fields as [`AwsNic`] (`v1AwsNic`).
pub type TencentNic = AwsNic;

/// TKEEndpointAccess specifies how control plane endpoints are accessible.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TkeEndpointAccess {
    /// IsExtranet Whether it is external network access (TRUE external network access FALSE
    /// internal network access, default value: FALSE).
    #[serde(rename = "IsExtranet", skip_serializing_if = "Option::is_none")]
    pub is_extranet: Option<bool>,
    /// Private points VPC-internal control plane access to the private endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// Deprecated. PrivateCIDRs specifies which blocks can access the public endpoint.
    #[serde(rename = "privateCIDR", skip_serializing_if = "Option::is_none")]
    pub private_cidr: Option<String>,
    /// Public controls whether control plane endpoints are publicly accessible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
    /// Deprecated. PublicCIDRs specifies which blocks can access the public endpoint.
    #[serde(rename = "publicCIDRs", skip_serializing_if = "Option::is_none")]
    pub public_cid_rs: Option<Vec<String>>,
    /// Tencent security group.
    #[serde(rename = "securityGroup", skip_serializing_if = "Option::is_none")]
    pub security_group: Option<String>,
    /// Tencent Subnet.
    #[serde(rename = "subnetId", skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
}

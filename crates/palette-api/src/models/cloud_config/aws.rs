//! AWS (IaaS): create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Wire model 'v1AwsAMI'.
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

/// AMI is the reference to the AMI from which to create the machine instance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsAmiReference {
    /// EKSOptimizedLookupType If specified, will look up an EKS Optimized image in SSM Parameter
    /// store.
    #[serde(
        rename = "eksOptimizedLookupType",
        skip_serializing_if = "Option::is_none"
    )]
    pub eks_optimized_lookup_type: Option<String>,
    /// ID of resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// AWS cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AwsClusterConfig>,
}

/// AwsCloudConfig is the Schema for the awscloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudConfig {
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
    pub spec: Option<AwsCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<AwsCloudConfigStatus>,
}

/// AwsCloudConfigSpec defines the cloud configuration input by user This will translate to
/// clusterspec/machinespec for cluster-api.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains AwsCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<AwsClusterConfig>,
    #[serde(rename = "hybridMachinePools", skip_serializing_if = "Option::is_none")]
    pub hybrid_machine_pools: Option<Vec<AwsHybridMachinePool>>,
    #[serde(rename = "machinePoolConfig", skip_serializing_if = "Option::is_none")]
    pub machine_pool_config: Option<Vec<AwsMachinePoolConfig>>,
}

/// AwsCloudConfigStatus defines the observed state of AwsCloudConfig The cloudimage info built by
/// Mold is stored here image should be mapped to a specific machinepool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudConfigStatus {
    /// For mold controller to identify if is there any changes in Pack.
    #[serde(rename = "ansibleRoleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_role_digest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    /// Images array items should be 1-to-1 mapping to Spec.MachinePoolConfig.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<AwsAMI>>,
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
}

/// Cluster level configuration for aws cloud and applicable for all the machine pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsClusterConfig {
    /// Create bastion node option we have earlier supported creation of bastion by default capa
    /// seems to favour session manager against bastion node https://github.com/kubernetes-
    /// sigs/cluster-api-provider-aws/issues/947.
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
    /// AWS hybrid cluster config.
    #[serde(rename = "hybridConfig", skip_serializing_if = "Option::is_none")]
    pub hybrid_config: Option<serde_json::Value>,
    pub region: String,
    #[serde(rename = "sshKeyName", skip_serializing_if = "Option::is_none")]
    pub ssh_key_name: Option<String>,
    /// VPC Id to deploy cluster into should have one public and one private subnet for the the
    /// cluster creation, this field is optional, If VPC Id is not provided a fully managed VPC will
    /// be created.
    #[serde(rename = "vpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// Machine pool reference of cloud config of cluster deployed by hybrid cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsHybridMachinePool {
    #[serde(rename = "poolCloudType", skip_serializing_if = "Option::is_none")]
    pub pool_cloud_type: Option<String>,
    /// Machine pool name.
    #[serde(rename = "poolName", skip_serializing_if = "Option::is_none")]
    pub pool_name: Option<String>,
    /// Machine pool uid.
    #[serde(rename = "poolUid", skip_serializing_if = "Option::is_none")]
    pub pool_uid: Option<String>,
}

/// AWSLaunchTemplate specifies the launch template to use to create the managed node group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsLaunchTemplate {
    /// AdditionalSecurityGroups is an array of references to security groups that should be applied
    /// to the instances.
    #[serde(
        rename = "additionalSecurityGroups",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_security_groups: Option<Vec<AwsResourceReference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ami: Option<AwsAmiReference>,
    /// ImageLookupBaseOS is the name of the base operating system to use for image lookup the AMI
    /// is not set.
    #[serde(rename = "imageLookupBaseOS", skip_serializing_if = "Option::is_none")]
    pub image_lookup_base_os: Option<String>,
    /// ImageLookupFormat is the AMI naming format to look up the image.
    #[serde(rename = "imageLookupFormat", skip_serializing_if = "Option::is_none")]
    pub image_lookup_format: Option<String>,
    /// ImageLookupOrg is the AWS Organization ID to use for image lookup if AMI is not set.
    #[serde(rename = "imageLookupOrg", skip_serializing_if = "Option::is_none")]
    pub image_lookup_org: Option<String>,
    #[serde(rename = "rootVolume", skip_serializing_if = "Option::is_none")]
    pub root_volume: Option<AwsRootVolume>,
}

/// AWS cloud VM definition.
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

/// Wire model 'v1AwsMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachinePoolCloudConfigEntity {
    /// Additional Security groups.
    #[serde(
        rename = "additionalSecurityGroups",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_security_groups: Option<Vec<AwsResourceReference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    /// EC2 instance capacity type.
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    /// ARN of AWS Host Resource Group for node placement on dedicated hosts.
    #[serde(
        rename = "hostResourceGroupArn",
        skip_serializing_if = "Option::is_none"
    )]
    pub host_resource_group_arn: Option<String>,
    /// Instance type.
    #[serde(rename = "instanceType")]
    pub instance_type: String,
    /// List of AWS License Configuration ARNs (required when hostResourceGroupArn is specified, max
    /// 10).
    #[serde(
        rename = "licenseConfigurationArns",
        skip_serializing_if = "Option::is_none"
    )]
    pub license_configuration_arns: Option<Vec<String>>,
    /// RootDeviceSize in GBs.
    #[serde(rename = "rootDeviceSize", skip_serializing_if = "Option::is_none")]
    pub root_device_size: Option<i64>,
    /// SpotMarketOptions allows users to configure instances to be run using AWS Spot instances.
    #[serde(rename = "spotMarketOptions", skip_serializing_if = "Option::is_none")]
    pub spot_market_options: Option<SpotMarketOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<AwsSubnetEntity>>,
}

/// Wire model 'v1AwsMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachinePoolConfig {
    /// Custom annotations for CAPI machine objects and nodes.
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    /// AdditionalLabels.
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    /// Additional Security groups.
    #[serde(
        rename = "additionalSecurityGroups",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_security_groups: Option<Vec<AwsResourceReference>>,
    /// AdditionalTags is an optional set of tags to add to resources managed by the provider, in
    /// addition to the ones added by default. For eg., tags for EKS nodeGroup or EKS
    /// NodegroupIAMRole.
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    /// AZs is only used for dynamic placement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azs: Option<Vec<String>>,
    /// EC2 instance capacity type.
    #[serde(rename = "capacityType", skip_serializing_if = "Option::is_none")]
    pub capacity_type: Option<String>,
    /// ARN of AWS Host Resource Group for node placement on dedicated hosts.
    #[serde(
        rename = "hostResourceGroupArn",
        skip_serializing_if = "Option::is_none"
    )]
    pub host_resource_group_arn: Option<String>,
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
    /// List of AWS License Configuration ARNs (required when hostResourceGroupArn is specified).
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
    /// Skip Kubernetes version upgrade validation for worker pools with N-3 version skew.
    #[serde(rename = "skipK8sUpgrade", skip_serializing_if = "Option::is_none")]
    pub skip_k8s_upgrade: Option<String>,
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

/// Wire model 'v1AwsMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: AwsMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// AWS cloud VM definition spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachineSpec {
    /// Additional Security groups.
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

/// AWS machine list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsMachines {
    pub items: Vec<AwsMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// AWS network interface.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsNic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<i64>,
    #[serde(rename = "privateIPs", skip_serializing_if = "Option::is_none")]
    pub private_i_ps: Option<Vec<String>>,
    #[serde(rename = "publicIp", skip_serializing_if = "Option::is_none")]
    pub public_ip: Option<String>,
}

/// AWS EKS Pod Identity credentials for role assumption.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsPodIdentityCredentials {
    /// Optional Permission Boundary ARN to limit the maximum permissions for roles created by
    /// Hubble.
    #[serde(
        rename = "permissionBoundaryArn",
        skip_serializing_if = "Option::is_none"
    )]
    pub permission_boundary_arn: Option<String>,
    /// IAM Role ARN for the AWS EKS Pod Identity in cloud account.
    #[serde(rename = "roleArn", skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// Filter is a filter used to identify an AWS resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsResourceFilter {
    /// Name of the filter. Filter names are case-sensitive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Values includes one or more filter values. Filter values are case-sensitive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// AWSResourceReference is a reference to a specific AWS resource by ID or filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsResourceReference {
    /// ARN of resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// Filters is a set of key/value pairs used to identify a resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<AwsResourceFilter>>,
    /// ID of resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Volume encapsulates the configuration options for the storage device.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsRootVolume {
    /// Device name.
    #[serde(rename = "deviceName", skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
    /// EncryptionKey is the KMS key to use to encrypt the volume. Can be either a KMS key ID or
    /// ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// EncryptionKey is the KMS key to use to encrypt the volume. Can be either a KMS key ID or
    /// ARN.
    #[serde(rename = "encryptionKey", skip_serializing_if = "Option::is_none")]
    pub encryption_key: Option<String>,
    /// IOPS is the number of IOPS requested for the disk. Not applicable to all types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iops: Option<i64>,
    /// Throughput to provision in MiB/s supported for the volume type. Not applicable to all types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throughput: Option<i64>,
    /// Type is the type of the volume (e.g. gp2, io1, etc...).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// AWS cloud account which includes access key and secret key in case of 'secret' credentials type.
/// It includes policyARNS, ARN and externalId in case of sts. Partition is a group of AWS Region
/// and Service objects.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSecretSpec {
    /// AWS secret accountName; only for aws-iso-b environment.
    #[serde(rename = "accountName", skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    /// AWS secret agency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Flag to rotate the secret region credentials.
    #[serde(
        rename = "isCapValidationEnabled",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_cap_validation_enabled: Option<bool>,
    /// AWS secret mission; only for aws-iso environment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mission: Option<String>,
    /// Policy Boundary.
    #[serde(rename = "namePrefix", skip_serializing_if = "Option::is_none")]
    pub name_prefix: Option<String>,
    /// Role or Policy Prefix.
    #[serde(rename = "permissionBoundary", skip_serializing_if = "Option::is_none")]
    pub permission_boundary: Option<String>,
    /// AWS secret policy; JSON string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// AWS secret role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// TLS configuration for the AWS secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<AwsSecretTlsConfig>,
}

/// TLS configuration for the AWS secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSecretTlsConfig {
    /// CA certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca: Option<String>,
    /// Certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert: Option<String>,
    /// Key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// Aws sts credentials.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsStsCredentials {
    /// Arn for the aws sts credentials in cloud account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// ExternalId for the aws sts credentials in cloud account.
    #[serde(rename = "externalId", skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// Wire model 'v1AwsSubnetEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsSubnetEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// HyperShiftConfig defines the configuration for HyperShift and OpenShift clusters. This
/// configuration is only applicable to MaaS clusters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HyperShiftConfig {
    #[serde(
        rename = "clusterDeploymentType",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_deployment_type: Option<String>,
    /// The UID of the host HyperShift cluster. This field is required only when
    /// clusterDeploymentType is set to 'openshift'. Must reference a valid HyperShift cluster.
    #[serde(rename = "hostClusterUid", skip_serializing_if = "Option::is_none")]
    pub host_cluster_uid: Option<String>,
}

/// Wire model 'v1InstanceConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(rename = "cpuSet", skip_serializing_if = "Option::is_none")]
    pub cpu_set: Option<i64>,
    #[serde(rename = "diskGiB", skip_serializing_if = "Option::is_none")]
    pub disk_gi_b: Option<i64>,
    /// MemoryMiB is the size of a virtual machine's memory, in MiB.
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// NumCPUs is the number of virtual processors in a virtual machine.
    #[serde(rename = "numCPUs", skip_serializing_if = "Option::is_none")]
    pub num_cp_us: Option<i32>,
}

/// AWS cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAwsClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroAwsClusterEntitySpec>,
}

/// Wire model 'v1SpectroAwsClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroAwsClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid")]
    pub cloud_account_uid: String,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: AwsClusterConfig,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
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
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

/// SpotMarketOptions defines the options available to a user when configuring Machines to run on
/// Spot instances. Most users should provide an empty struct.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpotMarketOptions {
    /// MaxPrice defines the maximum price the user is willing to pay for Spot VM instances.
    #[serde(rename = "maxPrice", skip_serializing_if = "Option::is_none")]
    pub max_price: Option<String>,
}

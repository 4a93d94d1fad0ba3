//! VMware vSphere: create entity, cluster config, machine pools, cloud config and machines.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Wire model 'v1ControlPlaneEndPoint'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ControlPlaneEndPoint {
    /// DDNSSearchDomain is the search domain used for resolving IP addresses when the EndpointType
    /// is DDNS. This search domain is appended to the generated Hostname to obtain the complete DNS
    /// name for the endpoint.
    #[serde(rename = "ddnsSearchDomain", skip_serializing_if = "Option::is_none")]
    pub ddns_search_domain: Option<String>,
    /// IP or FQDN(External/DDNS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// VIP or External.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// IPPool defines static IPs available. Gateway, Prefix, Nameserver, if defined, will be default
/// values for all Pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IPPool {
    /// Gateway is the gateway ip address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    /// Nameserver provide information for dns resolvation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nameserver: Option<Nameserver>,
    /// Pools contains the list of IP addresses pools.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pools: Option<Vec<Pool>>,
    /// Prefix is the mask of the network as integer (max 128).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<i32>,
    /// UID is the UID of this IPPool, used by Hubble.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Nameserver define search domains and nameserver addresses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Nameserver {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<Vec<String>>,
}

/// Pool defines IP ranges or with CIDR for available IPs Gateway, Prefix and Nameserver if
/// provided, will overwrite values in IPPool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pool {
    /// End is the last IP address that can be rendered. It is used as a validation that the
    /// rendered IP is in bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Gateway is the gateway ip address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    /// Nameserver provide information for dns resolvation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nameserver: Option<Nameserver>,
    /// Prefix is the mask of the network as integer (max 128).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<i32>,
    /// Start is the first ip address that can be rendered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Subnet is used to validate that the rendered IP is in bounds. eg: 192.168.0.0/24 If Start
    /// value is not given, start value is derived from the subnet ip incremented by 1 (start value
    /// is '192.168.0.1' for subnet '192.168.0...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
}

/// VSphere cluster request payload for create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroVsphereClusterEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroVsphereClusterEntitySpec>,
}

/// Wire model 'v1SpectroVsphereClusterEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroVsphereClusterEntitySpec {
    /// Cloud account uid to be used for cluster provisioning.
    #[serde(rename = "cloudAccountUid", skip_serializing_if = "Option::is_none")]
    pub cloud_account_uid: Option<String>,
    #[serde(rename = "cloudConfig")]
    pub cloud_config: VsphereClusterConfigEntity,
    /// General cluster configuration like health, patching settings, namespace resource allocation,
    /// rbac.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigEntity>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<ClusterTemplateRef>,
    /// Appliance (Edge Host) uid for Edge env.
    #[serde(rename = "edgeHostUid", skip_serializing_if = "Option::is_none")]
    pub edge_host_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machinepoolconfig: Option<Vec<VsphereMachinePoolConfigEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<serde_json::Value>,
    /// Cluster profile references that specify which profiles to apply to the cluster. Supports
    /// overriding pack values and variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<SpectroClusterProfileEntity>>,
}

/// VSphere cloud cluster config entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudClusterConfigEntity {
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<VsphereClusterConfigEntity>,
}

/// VsphereCloudConfig is the Schema for the vspherecloudconfigs API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudConfig {
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
    pub spec: Option<VsphereCloudConfigSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<VsphereCloudConfigStatus>,
}

/// VsphereCloudConfigSpec defines the desired state of VsphereCloudConfig.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudConfigSpec {
    /// CloudAccountRef should point to the secret which contains VsphereCloudAccount.
    #[serde(rename = "cloudAccountRef", skip_serializing_if = "Option::is_none")]
    pub cloud_account_ref: Option<ObjectReference>,
    #[serde(rename = "clusterConfig")]
    pub cluster_config: VsphereClusterConfig,
    /// Appliance (Edge Host) uid for Edge env.
    #[serde(rename = "edgeHostRef", skip_serializing_if = "Option::is_none")]
    pub edge_host_ref: Option<ObjectReference>,
    #[serde(rename = "machinePoolConfig")]
    pub machine_pool_config: Vec<VsphereMachinePoolConfig>,
}

/// VsphereCloudConfigStatus defines the observed state of VsphereCloudConfig.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudConfigStatus {
    #[serde(rename = "ansibleDigest", skip_serializing_if = "Option::is_none")]
    pub ansible_digest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    /// Addon layers present in spc.
    #[serde(rename = "isAddonLayer", skip_serializing_if = "Option::is_none")]
    pub is_addon_layer: Option<bool>,
    #[serde(rename = "lastOVACreated", skip_serializing_if = "Option::is_none")]
    pub last_ova_created: Option<String>,
    #[serde(rename = "lastVMExported", skip_serializing_if = "Option::is_none")]
    pub last_vm_exported: Option<String>,
    #[serde(rename = "nodeImage", skip_serializing_if = "Option::is_none")]
    pub node_image: Option<VsphereImage>,
    /// This map will be for ansible roles present in eack pack.
    #[serde(rename = "roleDigest", skip_serializing_if = "Option::is_none")]
    pub role_digest: Option<BTreeMap<String, String>>,
    /// SourceImageId, it can be from packref's annotations or from pack.json.
    #[serde(rename = "sourceImageId", skip_serializing_if = "Option::is_none")]
    pub source_image_id: Option<String>,
    /// UploadOVAS3 will hold last image name which uploaded to S3.
    #[serde(rename = "uploadOvaS3", skip_serializing_if = "Option::is_none")]
    pub upload_ova_s3: Option<String>,
    /// If no ansible roles found in Packs then Mold should tell Drive to use capi image and not
    /// create custom image, because there is nothing to add.
    #[serde(rename = "useCapiImage", skip_serializing_if = "Option::is_none")]
    pub use_capi_image: Option<bool>,
}

/// Wire model 'v1VsphereClusterConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereClusterConfig {
    /// The optional control plane endpoint, which can be an IP or FQDN.
    #[serde(
        rename = "controlPlaneEndpoint",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_endpoint: Option<ControlPlaneEndPoint>,
    /// NTPServers is a list of NTP servers to use instead of the machine image's default NTP server
    /// list.
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    /// Placement configuration Placement config in ClusterConfig serve as default values for each
    /// MachinePool.
    pub placement: VspherePlacementConfig,
    /// SSHKeys specifies a list of ssh authorized keys for the 'spectro' user.
    #[serde(rename = "sshKeys", skip_serializing_if = "Option::is_none")]
    pub ssh_keys: Option<Vec<String>>,
    /// Whether this cluster should use dhcp or static IP, if false, use DHCP if this is set, then
    /// all machinepools should have staticIP with provided IPPool adding this as an additional
    /// standalone flag without relating to place...
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// Wire model 'v1VsphereClusterConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereClusterConfigEntity {
    /// The optional control plane endpoint, which can be an IP or FQDN.
    #[serde(
        rename = "controlPlaneEndpoint",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_endpoint: Option<ControlPlaneEndPoint>,
    /// NTPServers is a list of NTP servers to use instead of the machine image's default NTP server
    /// list.
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    /// Placement configuration Placement config in ClusterConfig serve as default values for each
    /// MachinePool.
    pub placement: VspherePlacementConfigEntity,
    /// SSHKeys specifies a list of ssh authorized keys for the 'spectro' user.
    #[serde(rename = "sshKeys", skip_serializing_if = "Option::is_none")]
    pub ssh_keys: Option<Vec<String>>,
    /// Whether this cluster should use dhcp or static IP, if false, use DHCP if this is set, then
    /// all machinepools should have staticIP with provided IPPool adding this as an additional
    /// standalone flag without relating to place...
    #[serde(rename = "staticIp", skip_serializing_if = "Option::is_none")]
    pub static_ip: Option<bool>,
}

/// A generated Image should always be a template which resides inside vsphere Will not generate a
/// OVA file out of the image OVA can be used as a base input of the os pack, that's internal to the
/// pack.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereImage {
    /// Full path of the image template location it contains datacenter/folder/templatename etc eg:
    /// /mydc/vm/template/spectro/workerpool-1-centos.
    #[serde(rename = "fullPath", skip_serializing_if = "Option::is_none")]
    pub full_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// Wire model 'v1VsphereInstanceType'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereInstanceType {
    /// DiskGiB is the size of a virtual machine's disk, in GiB. Defaults to the analogue property
    /// value in the template from which this machine is cloned.
    #[serde(rename = "diskGiB")]
    pub disk_gi_b: i32,
    /// MemoryMiB is the size of a virtual machine's memory, in MiB. Defaults to the analogue
    /// property value in the template from which this machine is cloned.
    #[serde(rename = "memoryMiB")]
    pub memory_mi_b: i64,
    /// NumCPUs is the number of virtual processors in a virtual machine. Defaults to the analogue
    /// property value in the template from which this machine is cloned.
    #[serde(rename = "numCPUs")]
    pub num_cp_us: i32,
}

/// VSphere cloud VM definition.
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

/// Wire model 'v1VsphereMachinePoolCloudConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachinePoolCloudConfigEntity {
    #[serde(rename = "instanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<VsphereInstanceType>,
    /// Placements configuration Placements If defined, will replace default values defined in
    /// VsphereClusterConfig Array means one MachinePool can span across multiple vsphere compute
    /// cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placements: Option<Vec<VspherePlacementConfigEntity>>,
}

/// Wire model 'v1VsphereMachinePoolConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachinePoolConfig {
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
    /// InstanceType defines the required CPU, Memory, Storage.
    #[serde(rename = "instanceType")]
    pub instance_type: VsphereInstanceType,
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
    /// Placements configuration Placements If defined, will replace default values defined in
    /// VsphereClusterConfig Array means one MachinePool can span across multiple vsphere compute
    /// cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placements: Option<Vec<VspherePlacementConfig>>,
    /// Size of the pool, number of machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
    /// Skip Kubernetes version upgrade validation for worker pools with N-3 version skew.
    #[serde(rename = "skipK8sUpgrade", skip_serializing_if = "Option::is_none")]
    pub skip_k8s_upgrade: Option<String>,
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

/// Wire model 'v1VsphereMachinePoolConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachinePoolConfigEntity {
    #[serde(rename = "cloudConfig")]
    pub cloud_config: VsphereMachinePoolCloudConfigEntity,
    #[serde(rename = "poolConfig", skip_serializing_if = "Option::is_none")]
    pub pool_config: Option<MachinePoolConfigEntity>,
}

/// VSphere cloud VM definition spec.
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
    /// NTPServers is a list of NTP servers to use instead of the machine image's default NTP server
    /// list.
    #[serde(rename = "ntpServers", skip_serializing_if = "Option::is_none")]
    pub ntp_servers: Option<Vec<String>>,
    /// Placement configuration.
    pub placement: VspherePlacementConfig,
    /// VcenterServer is the address of the vSphere endpoint.
    #[serde(rename = "vcenterServer")]
    pub vcenter_server: String,
}

/// VSphere machine list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereMachines {
    pub items: Vec<VsphereMachine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1VsphereNetworkConfig'.
///
/// The spec defines it with the same fields as [`MaasNetworkConfig`] (`v1MaasNetworkConfig`).
pub type VsphereNetworkConfig = MaasNetworkConfig;

/// Wire model 'v1VsphereNetworkConfigEntity'.
///
/// The spec defines it with the same fields as [`MaasNetworkConfigEntity`] (`v1MaasNetworkConfigEntity`).
pub type VsphereNetworkConfigEntity = MaasNetworkConfigEntity;

/// VSphere network interface.
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
    pub private_i_ps: Option<Vec<String>>,
}

/// Both ClusterConfig and MachinePoolConfig will have PlacementConfig MachinePoolconfig.Placements
/// will overwrite values defined in ClusterConfig Currently the convention is: Datacenter / Folder
/// / ImageTemplateFolder / Netw...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VspherePlacementConfig {
    /// Cluster is the computecluster in vsphere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Datacenter is the name or inventory path of the datacenter where this machine's VM is
    /// created/located.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<String>,
    /// Datastore is the datastore in which VMs are created/located.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datastore: Option<String>,
    /// Folder is the folder in which VMs are created/located.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// ImageTemplateFolder is the folder in which VMs templates are created/located. if empty will
    /// use default value spectro-templates.
    #[serde(
        rename = "imageTemplateFolder",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_template_folder: Option<String>,
    /// Network info.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<VsphereNetworkConfig>,
    /// ResourcePool is the resource pool within the above computecluster Cluster.
    #[serde(rename = "resourcePool", skip_serializing_if = "Option::is_none")]
    pub resource_pool: Option<String>,
    /// StoragePolicyName of the storage policy to use with this Virtual Machine.
    #[serde(rename = "storagePolicyName", skip_serializing_if = "Option::is_none")]
    pub storage_policy_name: Option<String>,
    /// UID for this placement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Both ClusterConfig and MachinePoolConfig will have PlacementConfig MachinePoolconfig.Placements
/// will overwrite values defined in ClusterConfig Currently the convention is: Datacenter / Folder
/// / ImageTemplateFolder / Netw...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VspherePlacementConfigEntity {
    /// Cluster is the computecluster in vsphere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Datacenter is the name or inventory path of the datacenter where this machine's VM is
    /// created/located.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<String>,
    /// Datastore is the datastore in which VMs are created/located.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datastore: Option<String>,
    /// Folder is the folder in which VMs are created/located.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// ImageTemplateFolder is the folder in which VMs templates are created/located. if empty will
    /// use default value spectro-templates.
    #[serde(
        rename = "imageTemplateFolder",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_template_folder: Option<String>,
    /// Network info.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<VsphereNetworkConfigEntity>,
    /// ResourcePool is the resource pool within the above computecluster Cluster.
    #[serde(rename = "resourcePool", skip_serializing_if = "Option::is_none")]
    pub resource_pool: Option<String>,
    /// StoragePolicyName of the storage policy to use with this Virtual Machine.
    #[serde(rename = "storagePolicyName", skip_serializing_if = "Option::is_none")]
    pub storage_policy_name: Option<String>,
    /// UID for this placement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

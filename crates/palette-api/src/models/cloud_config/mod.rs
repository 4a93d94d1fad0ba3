//! Cloud configs and machine pools shared by every environment, with one module per environment.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

pub mod aws;
pub mod azure;
pub mod edge_native;
pub mod eks;
pub mod gcp;
pub mod maas;
pub mod nutanix;
pub mod openstack;
pub mod tke;
pub mod vsphere;

pub use aws::*;
pub use azure::*;
pub use edge_native::*;
pub use eks::*;
pub use gcp::*;
pub use maas::*;
pub use nutanix::*;
pub use openstack::*;
pub use tke::*;
pub use vsphere::*;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Cloud machine status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudMachineStatus {
    /// List of machine IP addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<MachineAddress>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<MachineHealth>,
    #[serde(rename = "instanceState", skip_serializing_if = "Option::is_none")]
    pub instance_state: Option<String>,
    /// Timestamp of the last instance state update.
    #[serde(
        rename = "instanceStateLastUpdate",
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_state_last_update: Option<Time>,
    #[serde(rename = "maintenanceStatus", skip_serializing_if = "Option::is_none")]
    pub maintenance_status: Option<MachineMaintenanceStatus>,
    /// Indicates whether the machine is ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready: Option<bool>,
}

/// Wire model 'v1GenericInstanceType'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GenericInstanceType {
    /// DiskGiB is the size of a virtual machine's disk, in GiB.
    #[serde(rename = "diskGiB", skip_serializing_if = "Option::is_none")]
    pub disk_gi_b: Option<i32>,
    /// Instance type ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// MemoryMiB is the size of a virtual machine's memory, in MiB.
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// NumCPUs is the number of virtual processors in a virtual machine.
    #[serde(rename = "numCPUs", skip_serializing_if = "Option::is_none")]
    pub num_cp_us: Option<i32>,
}

/// Machine network address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineAddress {
    /// IP address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Address type (InternalIP, ExternalIP).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// Machine health state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineHealth {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<MachineHealthCondition>>,
    #[serde(
        rename = "lastHeartBeatTimestamp",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_heart_beat_timestamp: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// Wire model 'v1MachineHealthCheckConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineHealthCheckConfig {
    /// HealthCheckMaxUnhealthy is the value above which, if current nodes are unhealthy remediation
    /// will not be triggered Can be an absolute int64 number or a percentage string Default value
    /// is 100%, i.e by default it is disabl...
    #[serde(
        rename = "healthCheckMaxUnhealthy",
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_max_unhealthy: Option<String>,
    /// NetworkReadyHealthCheckDuration is the timeout to check for the network availability.
    #[serde(
        rename = "networkReadyHealthCheckDuration",
        skip_serializing_if = "Option::is_none"
    )]
    pub network_ready_health_check_duration: Option<String>,
    /// NodeReadyHealthCheckDuration is the timeout to check for the node ready state. If the node
    /// is not ready within the time out set, the node will be deleted and a new node will be
    /// launched. Default time is 10m.
    #[serde(
        rename = "nodeReadyHealthCheckDuration",
        skip_serializing_if = "Option::is_none"
    )]
    pub node_ready_health_check_duration: Option<String>,
}

/// Machine health condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineHealthCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// Machine maintenance status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineMaintenanceStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// Wire model 'v1MachineManagementConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineManagementConfig {
    /// OS patch config contains properties to patch node os with latest security packages. If
    /// OsPatchConfig is not provided then node os will not be patched with latest security updates.
    #[serde(rename = "osPatchConfig", skip_serializing_if = "Option::is_none")]
    pub os_patch_config: Option<OsPatchConfig>,
}

/// Machine metadata that holds information about the actual machine/node as reported by the cloud
/// provider or orchestrator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineMetadata {
    /// The actual creation timestamp of the node as reported by the cloud provider or orchestrator.
    /// This is used to calculate the node age.
    #[serde(rename = "creationTimestamp", skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<Time>,
}

/// Machine pool configuration for the cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachinePoolConfigEntity {
    /// Custom annotations for CAPI machine objects and nodes. Currently implemented for CloudStack
    /// only.
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    /// Additional labels to be part of the machine pool.
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    /// AdditionalTags is an optional set of tags to add to resources managed by the provider, in
    /// addition to the ones added by default. For eg., tags for EKS nodeGroup or EKS
    /// NodegroupIAMRole.
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    /// Whether this pool is for control plane.
    #[serde(rename = "isControlPlane", skip_serializing_if = "Option::is_none")]
    pub is_control_plane: Option<bool>,
    /// Labels for this machine pool, example: control-plane/worker, gpu, windows.
    pub labels: Vec<String>,
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
    pub name: String,
    /// Minimum number of seconds a node should be Ready, before the next node is selected for
    /// repave. Applicable only for workerpools in infrastructure cluster.
    #[serde(rename = "nodeRepaveInterval", skip_serializing_if = "Option::is_none")]
    pub node_repave_interval: Option<i32>,
    /// YAML config for kubeletExtraArgs, preKubeadmCommands, postKubeadmCommands. Overrides pack-
    /// level settings. Worker pools only. Currently implemented for CloudStack only.
    #[serde(
        rename = "overrideKubeadmConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub override_kubeadm_configuration: Option<String>,
    /// Size of the pool, number of nodes/machines.
    pub size: i32,
    /// Skip Kubernetes version upgrade validation for worker pools with N-3 version skew.
    #[serde(rename = "skipK8sUpgrade", skip_serializing_if = "Option::is_none")]
    pub skip_k8s_upgrade: Option<String>,
    /// Control plane or worker taints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taints: Option<Vec<Taint>>,
    /// Rolling update strategy for this machine pool if not specified, will use ScaleOut.
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

/// Wire model 'v1MachinePoolMeta'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachinePoolMeta {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    /// Number of healthy machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub healthy: Option<i32>,
    /// InfraClusterProfile contains OS/Kernel for this NodePool.
    #[serde(
        rename = "infraProfileTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub infra_profile_template: Option<ClusterProfileTemplateMeta>,
    /// Whether this pool is for control plane.
    #[serde(rename = "isControlPlane", skip_serializing_if = "Option::is_none")]
    pub is_control_plane: Option<bool>,
    /// Labels for this pool, example: control-plane/worker, gpu, windows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    /// Number of machines under maintenance.
    #[serde(rename = "maintenanceMode", skip_serializing_if = "Option::is_none")]
    pub maintenance_mode: Option<i32>,
    /// Size of the pool, number of machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
}

/// Machine pool specific properties.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachinePoolProperties {
    /// Architecture type of the pool. Default value is 'amd64'.
    #[serde(rename = "archType", skip_serializing_if = "Option::is_none")]
    pub arch_type: Option<String>,
}

/// Wire model 'v1OsPatchConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OsPatchConfig {
    /// OnDemandPatchAfter is the desired time for one time on-demand patch.
    #[serde(rename = "onDemandPatchAfter", skip_serializing_if = "Option::is_none")]
    pub on_demand_patch_after: Option<Time>,
    /// PatchOnBoot indicates need to do patch when node first boot up, only once.
    #[serde(rename = "patchOnBoot", skip_serializing_if = "Option::is_none")]
    pub patch_on_boot: Option<bool>,
    /// Reboot once the OS patch is applied.
    #[serde(rename = "rebootIfRequired", skip_serializing_if = "Option::is_none")]
    pub reboot_if_required: Option<bool>,
    /// The schedule at which security patches will be applied to OS. Schedule should be in Cron
    /// format, see https://en.wikipedia.org/wiki/Cron for more help.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
}

/// Taint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Taint {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    /// The taint key to be applied to a node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(rename = "timeAdded", skip_serializing_if = "Option::is_none")]
    pub time_added: Option<Time>,
    /// The taint value corresponding to the taint key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// UpdatesStrategy will be used to translate to RollingUpdateStrategy of a MachineDeployment We'll
/// start with default values for the translation, can expose more details later Following is
/// details of parameters translated f...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateStrategy {
    /// Max extra nodes during rolling update. Integer or percentage (e.g., "1" or "20%"). Only
    /// valid when type=OverrideScaling. Both maxSurge and maxUnavailable are required. Currently
    /// implemented for CloudStack only.
    #[serde(rename = "maxSurge", skip_serializing_if = "Option::is_none")]
    pub max_surge: Option<String>,
    /// Max unavailable nodes during rolling update. Integer or percentage (e.g., "0" or "10%").
    /// Only valid when type=OverrideScaling. Both maxSurge and maxUnavailable are required.
    /// Currently implemented for CloudStack only.
    #[serde(rename = "maxUnavailable", skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<String>,
    /// Update strategy type. Defaults to RollingUpdateScaleOut if empty.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

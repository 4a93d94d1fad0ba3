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

use crate::models::{ClusterProfileTemplateMeta, Time};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A machine's instance state, readiness and health.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudMachineStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<MachineAddress>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<MachineHealth>,
    #[serde(rename = "instanceState", skip_serializing_if = "Option::is_none")]
    pub instance_state: Option<String>,
    #[serde(
        rename = "instanceStateLastUpdate",
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_state_last_update: Option<Time>,
    #[serde(rename = "maintenanceStatus", skip_serializing_if = "Option::is_none")]
    pub maintenance_status: Option<MachineMaintenanceStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready: Option<bool>,
}

/// The wire model `v1GenericInstanceType`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GenericInstanceType {
    #[serde(rename = "diskGiB", skip_serializing_if = "Option::is_none")]
    pub disk_gi_b: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "numCPUs", skip_serializing_if = "Option::is_none")]
    pub num_cp_us: Option<i32>,
}

/// The wire model `v1MachineAddress`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineAddress {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1MachineHealth`.
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

/// The wire model `v1MachineHealthCheckConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineHealthCheckConfig {
    #[serde(
        rename = "healthCheckMaxUnhealthy",
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_max_unhealthy: Option<String>,
    #[serde(
        rename = "networkReadyHealthCheckDuration",
        skip_serializing_if = "Option::is_none"
    )]
    pub network_ready_health_check_duration: Option<String>,
    #[serde(
        rename = "nodeReadyHealthCheckDuration",
        skip_serializing_if = "Option::is_none"
    )]
    pub node_ready_health_check_duration: Option<String>,
}

/// The wire model `v1MachineHealthCondition`.
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

/// The wire model `v1MachineMaintenance`: a node's maintenance action (`cordon` or
/// `uncordon`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineMaintenance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// The wire model `v1MachineMaintenanceStatus`.
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

/// The wire model `v1MachineManagementConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineManagementConfig {
    #[serde(rename = "osPatchConfig", skip_serializing_if = "Option::is_none")]
    pub os_patch_config: Option<OsPatchConfig>,
}

/// The wire model `v1MachineMetadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineMetadata {
    #[serde(rename = "creationTimestamp", skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<Time>,
}

/// The cloud-independent part of a machine pool: name, size, role, labels, taints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachinePoolConfigEntity {
    #[serde(
        rename = "additionalAnnotations",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalLabels", skip_serializing_if = "Option::is_none")]
    pub additional_labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "additionalTags", skip_serializing_if = "Option::is_none")]
    pub additional_tags: Option<BTreeMap<String, String>>,
    #[serde(rename = "isControlPlane", skip_serializing_if = "Option::is_none")]
    pub is_control_plane: Option<bool>,
    pub labels: Vec<String>,
    #[serde(
        rename = "machinePoolProperties",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_pool_properties: Option<MachinePoolProperties>,
    #[serde(rename = "maxSize", skip_serializing_if = "Option::is_none")]
    pub max_size: Option<i32>,
    #[serde(rename = "minSize", skip_serializing_if = "Option::is_none")]
    pub min_size: Option<i32>,
    pub name: String,
    #[serde(rename = "nodeRepaveInterval", skip_serializing_if = "Option::is_none")]
    pub node_repave_interval: Option<i32>,
    #[serde(
        rename = "overrideKubeadmConfiguration",
        skip_serializing_if = "Option::is_none"
    )]
    pub override_kubeadm_configuration: Option<String>,
    pub size: i32,
    #[serde(rename = "skipK8sUpgrade", skip_serializing_if = "Option::is_none")]
    pub skip_k8s_upgrade: Option<String>,
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

/// The wire model `v1MachinePoolMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachinePoolMeta {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub healthy: Option<i32>,
    #[serde(
        rename = "infraProfileTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub infra_profile_template: Option<ClusterProfileTemplateMeta>,
    #[serde(rename = "isControlPlane", skip_serializing_if = "Option::is_none")]
    pub is_control_plane: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    #[serde(rename = "maintenanceMode", skip_serializing_if = "Option::is_none")]
    pub maintenance_mode: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
}

/// The wire model `v1MachinePoolProperties`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachinePoolProperties {
    #[serde(rename = "archType", skip_serializing_if = "Option::is_none")]
    pub arch_type: Option<String>,
}

/// The wire model `v1OsPatchConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OsPatchConfig {
    #[serde(rename = "onDemandPatchAfter", skip_serializing_if = "Option::is_none")]
    pub on_demand_patch_after: Option<Time>,
    #[serde(rename = "patchOnBoot", skip_serializing_if = "Option::is_none")]
    pub patch_on_boot: Option<bool>,
    #[serde(rename = "rebootIfRequired", skip_serializing_if = "Option::is_none")]
    pub reboot_if_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
}

/// A Kubernetes node taint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Taint {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(rename = "timeAdded", skip_serializing_if = "Option::is_none")]
    pub time_added: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// How a machine pool rolls out changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateStrategy {
    #[serde(rename = "maxSurge", skip_serializing_if = "Option::is_none")]
    pub max_surge: Option<String>,
    #[serde(rename = "maxUnavailable", skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

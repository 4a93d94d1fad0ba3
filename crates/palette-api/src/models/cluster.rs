//! Clusters (`spectroclusters`): the cluster object, status, per-pack status, overview, summaries,
//! profiles and variables.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    CloudAccountMeta, ClusterLocation, ClusterProfilePacksEntity, ClusterProfileTemplate,
    ClusterProfileTemplateMeta, HostClusterConfig, HyperShiftConfig, ListMetaData,
    MachineHealthCheckConfig, MachineManagementConfig, MachinePoolMeta, ObjectMeta,
    ObjectReference, PackValuesEntity, ProfileStatus, ProjectMeta, RelatedObject,
    ResourceReference, Time, VariableFormat, VariableInputType, VariableOption,
};
use serde::{Deserialize, Serialize};

/// The wire model `v1APIEndpoint`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct APIEndpoint {
    pub host: String,
    pub port: i32,
}

/// The wire model `v1CloudConfigMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudConfigMeta {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(rename = "hybridMachinePools", skip_serializing_if = "Option::is_none")]
    pub hybrid_machine_pools: Option<Vec<MachinePoolMeta>>,
    #[serde(rename = "machinePools", skip_serializing_if = "Option::is_none")]
    pub machine_pools: Option<Vec<MachinePoolMeta>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1CloudCost`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudCost {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compute: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
}

/// A condition: type, status (`True`/`False`), reason and message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterCondition {
    #[serde(rename = "lastProbeTime", skip_serializing_if = "Option::is_none")]
    pub last_probe_time: Option<Time>,
    #[serde(rename = "lastTransitionTime", skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub status: String,
    #[serde(rename = "type")]
    pub type_: String,
}

/// The wire model `v1ClusterConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterConfig {
    #[serde(
        rename = "clusterMetaAttribute",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_meta_attribute: Option<String>,
    #[serde(rename = "clusterRbac", skip_serializing_if = "Option::is_none")]
    pub cluster_rbac: Option<Vec<ResourceReference>>,
    #[serde(rename = "clusterResources", skip_serializing_if = "Option::is_none")]
    pub cluster_resources: Option<serde_json::Value>,
    #[serde(
        rename = "controlPlaneHealthCheckTimeout",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_health_check_timeout: Option<String>,
    #[serde(rename = "hostClusterConfig", skip_serializing_if = "Option::is_none")]
    pub host_cluster_config: Option<HostClusterConfig>,
    #[serde(
        rename = "hybridClusterConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub hybrid_cluster_config: Option<serde_json::Value>,
    #[serde(rename = "hyperShiftConfig", skip_serializing_if = "Option::is_none")]
    pub hyper_shift_config: Option<HyperShiftConfig>,
    #[serde(rename = "lifecycleConfig", skip_serializing_if = "Option::is_none")]
    pub lifecycle_config: Option<serde_json::Value>,
    #[serde(
        rename = "machineHealthConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_health_config: Option<MachineHealthCheckConfig>,
    #[serde(
        rename = "machineManagementConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_management_config: Option<MachineManagementConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "updateWorkerPoolsInParallel",
        skip_serializing_if = "Option::is_none"
    )]
    pub update_worker_pools_in_parallel: Option<bool>,
}

/// General cluster settings of a create: machine management, resources, location.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterConfigEntity {
    #[serde(
        rename = "clusterMetaAttribute",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_meta_attribute: Option<String>,
    #[serde(
        rename = "controlPlaneHealthCheckTimeout",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_health_check_timeout: Option<String>,
    #[serde(rename = "hostClusterConfig", skip_serializing_if = "Option::is_none")]
    pub host_cluster_config: Option<HostClusterConfig>,
    #[serde(rename = "hyperShiftConfig", skip_serializing_if = "Option::is_none")]
    pub hyper_shift_config: Option<HyperShiftConfig>,
    #[serde(rename = "lifecycleConfig", skip_serializing_if = "Option::is_none")]
    pub lifecycle_config: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<ClusterLocation>,
    #[serde(
        rename = "machineManagementConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_management_config: Option<MachineManagementConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "updateWorkerPoolsInParallel",
        skip_serializing_if = "Option::is_none"
    )]
    pub update_worker_pools_in_parallel: Option<bool>,
}

/// The wire model `v1ClusterConfigResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterConfigResponse {
    #[serde(rename = "hostClusterConfig", skip_serializing_if = "Option::is_none")]
    pub host_cluster_config: Option<HostClusterConfigResponse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// The wire model `v1ClusterMetaSpecLocation`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterMetaSpecLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Vec<f64>>,
    #[serde(rename = "countryCode", skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(rename = "countryName", skip_serializing_if = "Option::is_none")]
    pub country_name: Option<String>,
    #[serde(rename = "regionCode", skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(rename = "regionName", skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// The wire model `v1ClusterNotificationStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNotificationStatus {
    #[serde(rename = "isAvailable", skip_serializing_if = "Option::is_none")]
    pub is_available: Option<bool>,
    #[serde(
        rename = "isTemplateVariableResolutionPending",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_template_variable_resolution_pending: Option<bool>,
}

/// The wire model `v1ClusterPackManifestStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterPackManifestStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<ClusterCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The deployment status of one pack (layer) on a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterPackStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<ClusterCondition>,
    #[serde(rename = "endTime", skip_serializing_if = "Option::is_none")]
    pub end_time: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ClusterPackManifestStatus>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "profileUid", skip_serializing_if = "Option::is_none")]
    pub profile_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<LoadBalancerService>>,
    #[serde(rename = "startTime", skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1ClusterRepaveStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRepaveStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1ClusterTemplateRef`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1ComputeMetrics`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComputeMetrics {
    #[serde(rename = "lastUpdatedTime", skip_serializing_if = "Option::is_none")]
    pub last_updated_time: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<f64>,
}

/// The wire model `v1HostClusterConfigResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HostClusterConfigResponse {
    #[serde(rename = "clusterGroup", skip_serializing_if = "Option::is_none")]
    pub cluster_group: Option<ObjectReference>,
}

/// The wire model `v1KubeMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KubeMeta {
    #[serde(rename = "hasKubeConfig", skip_serializing_if = "Option::is_none")]
    pub has_kube_config: Option<bool>,
    #[serde(
        rename = "hasKubeConfigClient",
        skip_serializing_if = "Option::is_none"
    )]
    pub has_kube_config_client: Option<bool>,
    #[serde(rename = "hasManifest", skip_serializing_if = "Option::is_none")]
    pub has_manifest: Option<bool>,
    #[serde(rename = "kubernetesVersion", skip_serializing_if = "Option::is_none")]
    pub kubernetes_version: Option<String>,
}

/// The wire model `v1LoadBalancerService`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoadBalancerService {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<ServicePort>>,
}

/// The wire model `v1ResourceCost`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceCost {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud: Option<CloudCost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
}

/// The wire model `v1ServicePort`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServicePort {
    pub port: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
}

/// Whether a downloaded profile change can be applied.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpcApply {
    #[serde(rename = "actionType", skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
    #[serde(rename = "canBeApplied", skip_serializing_if = "Option::is_none")]
    pub can_be_applied: Option<bool>,
    #[serde(rename = "crdDigest", skip_serializing_if = "Option::is_none")]
    pub crd_digest: Option<String>,
    #[serde(rename = "lastModifiedTime", skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Time>,
    #[serde(rename = "patchAppliedTime", skip_serializing_if = "Option::is_none")]
    pub patch_applied_time: Option<Time>,
    #[serde(rename = "spcHash", skip_serializing_if = "Option::is_none")]
    pub spc_hash: Option<String>,
    #[serde(rename = "spcInfraHash", skip_serializing_if = "Option::is_none")]
    pub spc_infra_hash: Option<String>,
}

/// The wire model `v1SpcApplySettings`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpcApplySettings {
    #[serde(rename = "actionType", skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
}

/// A cluster as read back: spec (profiles, cloud config reference) and status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroCluster {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroClusterSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterStatus>,
}

/// The wire model `v1SpectroClusterAddOnService`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterAddOnService {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1SpectroClusterAddOnServiceSummary`.
///
/// The spec defines it with the same fields as [`SpectroClusterAddOnService`] (`v1SpectroClusterAddOnService`).
pub type SpectroClusterAddOnServiceSummary = SpectroClusterAddOnService;

/// The wire model `v1SpectroClusterHealthCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterHealthCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<RelatedObject>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// A cluster's health as seen by its agent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterHealthStatus {
    #[serde(rename = "agentVersion", skip_serializing_if = "Option::is_none")]
    pub agent_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<SpectroClusterHealthCondition>>,
    #[serde(
        rename = "lastHeartBeatTimestamp",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_heart_beat_timestamp: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1SpectroClusterMetrics`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterMetrics {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu: Option<ComputeMetrics>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<ComputeMetrics>,
}

/// The wire model `v1SpectroClusterProfile`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroClusterProfileSpec>,
}

/// A profile attached to a cluster, with value and variable overrides.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfileEntity {
    #[serde(rename = "packValues", skip_serializing_if = "Option::is_none")]
    pub pack_values: Option<Vec<PackValuesEntity>>,
    #[serde(rename = "replaceWithProfile", skip_serializing_if = "Option::is_none")]
    pub replace_with_profile: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<SpectroClusterVariable>>,
}

/// The profiles attached to a cluster, with their packs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfileList {
    pub profiles: Vec<SpectroClusterProfile>,
}

/// The wire model `v1SpectroClusterProfileSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfileSpec {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<ClusterProfilePacksEntity>>,
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<ObjectReference>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// The body of a cluster profiles PUT or PATCH.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfiles {
    pub profiles: Vec<SpectroClusterProfileEntity>,
    #[serde(rename = "spcApplySettings", skip_serializing_if = "Option::is_none")]
    pub spc_apply_settings: Option<SpcApplySettings>,
}

/// The uids of the profiles to remove from a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfilesDeleteEntity {
    #[serde(rename = "profileUids", skip_serializing_if = "Option::is_none")]
    pub profile_uids: Option<Vec<String>>,
}

/// A cluster's cloud type, configuration references and attached profile templates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterSpec {
    #[serde(rename = "cloudConfigRef", skip_serializing_if = "Option::is_none")]
    pub cloud_config_ref: Option<ObjectReference>,
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfig>,
    #[serde(
        rename = "clusterProfileTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_profile_templates: Option<Vec<ClusterProfileTemplate>>,
    #[serde(rename = "clusterTemplate", skip_serializing_if = "Option::is_none")]
    pub cluster_template: Option<SpectroClusterTemplateRef>,
    #[serde(rename = "clusterType", skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<String>,
}

/// A cluster's state string.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterState {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// A cluster's state, conditions, per-pack status and apply state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterStatus {
    #[serde(rename = "abortTimestamp", skip_serializing_if = "Option::is_none")]
    pub abort_timestamp: Option<Time>,
    #[serde(rename = "addOnServices", skip_serializing_if = "Option::is_none")]
    pub add_on_services: Option<Vec<SpectroClusterAddOnService>>,
    #[serde(rename = "apiEndpoints", skip_serializing_if = "Option::is_none")]
    pub api_endpoints: Option<Vec<APIEndpoint>>,
    #[serde(rename = "clusterImport", skip_serializing_if = "Option::is_none")]
    pub cluster_import: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fips: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<ClusterLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<ClusterPackStatus>>,
    #[serde(rename = "profileStatus", skip_serializing_if = "Option::is_none")]
    pub profile_status: Option<ProfileStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repave: Option<ClusterRepaveStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<LoadBalancerService>>,
    #[serde(rename = "spcApply", skip_serializing_if = "Option::is_none")]
    pub spc_apply: Option<SpcApply>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgrades: Option<Vec<Upgrades>>,
    #[serde(rename = "virtual", skip_serializing_if = "Option::is_none")]
    pub virtual_: Option<serde_json::Value>,
}

/// The lightweight status response: just the state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterStatusEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterState>,
}

/// One cluster as listed by a dashboard search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(rename = "specSummary", skip_serializing_if = "Option::is_none")]
    pub spec_summary: Option<SpectroClusterSummarySpecSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterSummaryStatus>,
}

/// The `specSummary` object of `v1SpectroClusterSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterSummarySpecSummary {
    #[serde(rename = "archTypes", skip_serializing_if = "Option::is_none")]
    pub arch_types: Option<Vec<String>>,
    #[serde(rename = "cloudAccountMeta", skip_serializing_if = "Option::is_none")]
    pub cloud_account_meta: Option<CloudAccountMeta>,
    #[serde(rename = "cloudConfig", skip_serializing_if = "Option::is_none")]
    pub cloud_config: Option<CloudConfigMeta>,
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfigResponse>,
    #[serde(
        rename = "clusterProfileTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_profile_template: Option<ClusterProfileTemplateMeta>,
    #[serde(
        rename = "clusterProfileTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_profile_templates: Option<Vec<ClusterProfileTemplateMeta>>,
    #[serde(rename = "projectMeta", skip_serializing_if = "Option::is_none")]
    pub project_meta: Option<ProjectMeta>,
}

/// The `status` object of `v1SpectroClusterSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterSummaryStatus {
    #[serde(rename = "clusterImport", skip_serializing_if = "Option::is_none")]
    pub cluster_import: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<ResourceCost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fips: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<SpectroClusterHealthStatus>,
    #[serde(rename = "hourlyRate", skip_serializing_if = "Option::is_none")]
    pub hourly_rate: Option<ResourceCost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<ClusterMetaSpecLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<SpectroClusterMetrics>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifications: Option<ClusterNotificationStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repave: Option<ClusterRepaveStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(rename = "virtual", skip_serializing_if = "Option::is_none")]
    pub virtual_: Option<serde_json::Value>,
}

/// The wire model `v1SpectroClusterTemplateRef`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterTemplateRef {
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1SpectroClusterUidStatusSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterUidStatusSummary {
    #[serde(rename = "abortTimestamp", skip_serializing_if = "Option::is_none")]
    pub abort_timestamp: Option<Time>,
    #[serde(rename = "addOnServices", skip_serializing_if = "Option::is_none")]
    pub add_on_services: Option<Vec<SpectroClusterAddOnServiceSummary>>,
    #[serde(rename = "apiEndpoints", skip_serializing_if = "Option::is_none")]
    pub api_endpoints: Option<Vec<APIEndpoint>>,
    #[serde(rename = "clusterImport", skip_serializing_if = "Option::is_none")]
    pub cluster_import: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ClusterCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<ResourceCost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fips: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<SpectroClusterHealthStatus>,
    #[serde(rename = "hourlyRate", skip_serializing_if = "Option::is_none")]
    pub hourly_rate: Option<ResourceCost>,
    #[serde(rename = "kubeMeta", skip_serializing_if = "Option::is_none")]
    pub kube_meta: Option<KubeMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<ClusterMetaSpecLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<SpectroClusterMetrics>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifications: Option<ClusterNotificationStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<ClusterPackStatus>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<LoadBalancerService>>,
    #[serde(rename = "spcApply", skip_serializing_if = "Option::is_none")]
    pub spc_apply: Option<SpcApply>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgrades: Option<Vec<Upgrades>>,
    #[serde(rename = "virtual", skip_serializing_if = "Option::is_none")]
    pub virtual_: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspaces: Option<Vec<ResourceReference>>,
}

/// The dashboard overview of a cluster, which carries its health.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterUidSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroClusterUidSummarySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterUidStatusSummary>,
}

/// The `spec` object of `v1SpectroClusterUidSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterUidSummarySpec {
    #[serde(rename = "archTypes", skip_serializing_if = "Option::is_none")]
    pub arch_types: Option<Vec<String>>,
    #[serde(rename = "cloudConfig", skip_serializing_if = "Option::is_none")]
    pub cloud_config: Option<CloudConfigMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloudaccount: Option<CloudAccountMeta>,
    #[serde(
        rename = "clusterProfileTemplate",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_profile_template: Option<ClusterProfileTemplateMeta>,
    #[serde(
        rename = "clusterProfileTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_profile_templates: Option<Vec<ClusterProfileTemplateMeta>>,
}

/// A variable name and value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariable {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The wire model `v1SpectroClusterVariableResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariableResponse {
    #[serde(rename = "defaultValue", skip_serializing_if = "Option::is_none")]
    pub default_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<VariableFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub immutable: Option<bool>,
    #[serde(rename = "inputType", skip_serializing_if = "Option::is_none")]
    pub input_type: Option<VariableInputType>,
    #[serde(rename = "isSensitive", skip_serializing_if = "Option::is_none")]
    pub is_sensitive: Option<bool>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<VariableOption>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Variable values to set for one attached profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariableUpdateEntity {
    #[serde(rename = "profileUid")]
    pub profile_uid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<SpectroClusterVariable>>,
}

/// One attached profile's variable values on a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariables {
    #[serde(rename = "profileUid")]
    pub profile_uid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<SpectroClusterVariableResponse>>,
}

/// A page of cluster summaries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClustersSummary {
    pub items: Vec<SpectroClusterSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1Upgrades`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Upgrades {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Time>,
}

/// The wire model `v1SpectroClustersMetadata`: name and uid of every cluster in scope, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClustersMetadata {
    pub items: Vec<crate::models::ObjectMeta>,
}

/// The wire model `v1SpectroClusterTags`: every tag on a cluster in scope.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterTags {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

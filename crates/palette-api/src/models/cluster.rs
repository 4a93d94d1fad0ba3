//! Clusters (`spectroclusters`): the cluster object, status, per-pack status, overview, summaries, profiles and variables.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::models::*;

/// APIEndpoint represents a reachable Kubernetes API endpoint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct APIEndpoint {
    /// The hostname on which the API server is serving.
    pub host: String,
    /// The port on which the API server is serving.
    pub port: i32,
}

/// Wire model 'v1CloudConfigMeta'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudConfigMeta {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    /// Hybrid Machine pools meta information.
    #[serde(rename = "hybridMachinePools", skip_serializing_if = "Option::is_none")]
    pub hybrid_machine_pools: Option<Vec<MachinePoolMeta>>,
    /// Machine pools meta information.
    #[serde(rename = "machinePools", skip_serializing_if = "Option::is_none")]
    pub machine_pools: Option<Vec<MachinePoolMeta>>,
    /// Cluster's cloud config uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Cloud cost information.
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

/// Wire model 'v1ClusterCondition'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterCondition {
    #[serde(rename = "lastProbeTime", skip_serializing_if = "Option::is_none")]
    pub last_probe_time: Option<Time>,
    #[serde(rename = "lastTransitionTime", skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<Time>,
    /// Human-readable message indicating details about last transition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Unique, one-word, CamelCase reason for the condition's last transition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub status: String,
    #[serde(rename = "type")]
    pub type_: String,
}

/// Wire model 'v1ClusterConfig'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterConfig {
    /// ClusterMetaAttribute contains additional cluster metadata information.
    #[serde(
        rename = "clusterMetaAttribute",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_meta_attribute: Option<String>,
    /// Deprecated. Use clusterResources.
    #[serde(rename = "clusterRbac", skip_serializing_if = "Option::is_none")]
    pub cluster_rbac: Option<Vec<ResourceReference>>,
    /// ClusterResources defines the managment of namespace resource allocations, role bindings.
    #[serde(rename = "clusterResources", skip_serializing_if = "Option::is_none")]
    pub cluster_resources: Option<serde_json::Value>,
    /// ControlPlaneHealthCheckTimeout is the timeout to check for ready state of the control plane
    /// nodes. If the node is not ready within the time out set, the node will be deleted and a new
    /// node will be launched.
    #[serde(
        rename = "controlPlaneHealthCheckTimeout",
        skip_serializing_if = "Option::is_none"
    )]
    pub control_plane_health_check_timeout: Option<String>,
    /// HostClusterConfiguration defines the configuration of host clusters, where virtual clusters
    /// be deployed.
    #[serde(rename = "hostClusterConfig", skip_serializing_if = "Option::is_none")]
    pub host_cluster_config: Option<serde_json::Value>,
    /// HybridClusterConfiguration defines the configuration of hybrid clusters and clusters
    /// deployed through hybrid clusters.
    #[serde(
        rename = "hybridClusterConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub hybrid_cluster_config: Option<serde_json::Value>,
    /// HyperShiftConfig defines the configuration for hypershift clusters.
    #[serde(rename = "hyperShiftConfig", skip_serializing_if = "Option::is_none")]
    pub hyper_shift_config: Option<HyperShiftConfig>,
    #[serde(rename = "lifecycleConfig", skip_serializing_if = "Option::is_none")]
    pub lifecycle_config: Option<serde_json::Value>,
    /// MachineHealthCheckConfig defines the healthcheck timeouts for the node. The timeouts are
    /// configured by the user to overide the default healthchecks.
    #[serde(
        rename = "machineHealthConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_health_config: Option<MachineHealthCheckConfig>,
    /// MachineManagementConfig defines the management configurations for the node. Patching OS
    /// security updates etc can be configured by user.
    #[serde(
        rename = "machineManagementConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_management_config: Option<MachineManagementConfig>,
    /// Timezone of a cluster in IANA standard format. It is mandatory field if cluster is deployed
    /// through template, else it is optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// UpdateWorkerPoolsInParallel is used to decide if the update of workerpools happen in
    /// parallel. When this flag is false, the workerpools are updated sequentially.
    #[serde(
        rename = "updateWorkerPoolsInParallel",
        skip_serializing_if = "Option::is_none"
    )]
    pub update_worker_pools_in_parallel: Option<bool>,
}

/// Wire model 'v1ClusterConfigEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterConfigEntity {
    /// ClusterMetaAttribute can be used to set additional cluster metadata information.
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
    pub host_cluster_config: Option<serde_json::Value>,
    #[serde(rename = "hyperShiftConfig", skip_serializing_if = "Option::is_none")]
    pub hyper_shift_config: Option<HyperShiftConfig>,
    #[serde(rename = "lifecycleConfig", skip_serializing_if = "Option::is_none")]
    pub lifecycle_config: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<serde_json::Value>,
    #[serde(
        rename = "machineManagementConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_management_config: Option<MachineManagementConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<serde_json::Value>,
    /// Timezone of a cluster in IANA standard format. It is mandatory field if cluster is deployed
    /// through template, else it is optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "updateWorkerPoolsInParallel",
        skip_serializing_if = "Option::is_none"
    )]
    pub update_worker_pools_in_parallel: Option<bool>,
}

/// Wire model 'v1ClusterConfigResponse'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterConfigResponse {
    /// HostClusterConfig defines the configuration entity of host clusters config entity.
    #[serde(rename = "hostClusterConfig", skip_serializing_if = "Option::is_none")]
    pub host_cluster_config: Option<HostClusterConfigResponse>,
    /// Timezone of a cluster in IANA standard format. It is mandatory field if cluster is deployed
    /// through template, else it is optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// Cluster location information.
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

/// Cluster notifications status.
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

/// Wire model 'v1ClusterPackManifestStatus'.
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

/// Wire model 'v1ClusterPackStatus'.
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

/// Cluster repave status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRepaveStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// Cluster template configuration to launch a cluster from a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateRef {
    /// Uid of the cluster template from which the cluster is created. When a cluster is launched
    /// using a template, the packs configuration is automatically derived from the template and
    /// does not need to be set manually.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Compute metrics.
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

/// Wire model 'v1HostClusterConfigResponse'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HostClusterConfigResponse {
    /// Cluster group reference.
    #[serde(rename = "clusterGroup", skip_serializing_if = "Option::is_none")]
    pub cluster_group: Option<ObjectReference>,
}

/// Spectro cluster kube meta.
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

/// Wire model 'v1LoadBalancerService'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoadBalancerService {
    /// IP or Host from svc.Status.LoadBalancerStatus.Ingress.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Name of the loadbalancer service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Port this service exposed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<ServicePort>>,
}

/// Resource Cost information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceCost {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud: Option<CloudCost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
}

/// Wire model 'v1ServicePort'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServicePort {
    /// The port that will be exposed by this service.
    pub port: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
}

/// Wire model 'v1SpcApply'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpcApply {
    #[serde(rename = "actionType", skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
    /// If it is true then Agent can apply the changes to the palette.
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

/// Wire model 'v1SpcApplySettings'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpcApplySettings {
    #[serde(rename = "actionType", skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
}

/// SpectroCluster is the Schema for the spectroclusters API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroCluster {
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
    pub spec: Option<SpectroClusterSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterStatus>,
}

/// Spectro cluster addon service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterAddOnService {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Spectro cluster status summary.
///
/// The spec defines it with the same fields as [`SpectroClusterAddOnService`] (`v1SpectroClusterAddOnService`).
pub type SpectroClusterAddOnServiceSummary = SpectroClusterAddOnService;

/// Spectro cluster health condition.
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

/// Spectro cluster health status.
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

/// Spectro cluster metrics.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterMetrics {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu: Option<ComputeMetrics>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<ComputeMetrics>,
}

/// Cluster profile response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroClusterProfileSpec>,
}

/// Cluster profile request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfileEntity {
    /// Cluster profile packs array.
    #[serde(rename = "packValues", skip_serializing_if = "Option::is_none")]
    pub pack_values: Option<Vec<PackValuesEntity>>,
    /// Cluster profile uid to be replaced with new profile.
    #[serde(rename = "replaceWithProfile", skip_serializing_if = "Option::is_none")]
    pub replace_with_profile: Option<String>,
    /// Cluster profile uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<SpectroClusterVariable>>,
}

/// Wire model 'v1SpectroClusterProfileList'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfileList {
    pub profiles: Vec<SpectroClusterProfile>,
}

/// Cluster profile spec response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfileSpec {
    /// Cluster profile cloud type.
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    /// Cluster profile packs array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<ClusterProfilePacksEntity>>,
    /// RelatedObject refers to the type of object(clustergroup, cluster or edgeHost) the cluster
    /// profile is associated with.
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<ObjectReference>,
    /// Cluster profile type \[ "cluster", "infra", "add-on", "system" \].
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Cluster profile version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// Wire model 'v1SpectroClusterProfiles'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfiles {
    pub profiles: Vec<SpectroClusterProfileEntity>,
    #[serde(rename = "spcApplySettings", skip_serializing_if = "Option::is_none")]
    pub spc_apply_settings: Option<SpcApplySettings>,
}

/// Wire model 'v1SpectroClusterProfilesDeleteEntity'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterProfilesDeleteEntity {
    /// Cluster's profile uid list.
    #[serde(rename = "profileUids", skip_serializing_if = "Option::is_none")]
    pub profile_uids: Option<Vec<String>>,
}

/// SpectroClusterSpec defines the desired state of SpectroCluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterSpec {
    /// CloudConfigRef point to the cloud configuration for the cluster, input by user Ref types
    /// are: AwsCloudConfig/VsphereCloudConfig/BaremetalConfig/ etc this user config will be used to
    /// generate cloud specific cluster/machin...
    #[serde(rename = "cloudConfigRef", skip_serializing_if = "Option::is_none")]
    pub cloud_config_ref: Option<ObjectReference>,
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    /// ClusterConfig is the configuration related to a general cluster. Configuration related to
    /// the health of the cluster.
    #[serde(rename = "clusterConfig", skip_serializing_if = "Option::is_none")]
    pub cluster_config: Option<ClusterConfig>,
    /// When a cluster created from a clusterprofile at t1, ClusterProfileTemplate is a copy of the
    /// draft version or latest published version of the clusterprofileSpec.clusterprofileTemplate
    /// then clusterprofile may evolve to v2...
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

/// Spectrocluster state entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterState {
    /// Spectrocluster state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// SpectroClusterStatus.
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
    pub location: Option<serde_json::Value>,
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
    /// Current operational state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgrades: Option<Vec<Upgrades>>,
    #[serde(rename = "virtual", skip_serializing_if = "Option::is_none")]
    pub virtual_: Option<serde_json::Value>,
}

/// Spectrocluster status entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterStatusEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterState>,
}

/// Spectro cluster summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    /// Spectro cluster spec summary.
    #[serde(rename = "specSummary", skip_serializing_if = "Option::is_none")]
    pub spec_summary: Option<SpectroClusterSummarySpecSummary>,
    /// Spectro cluster status summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterSummaryStatus>,
}

/// Spectro cluster spec summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterSummarySpecSummary {
    /// Architecture type of the cluster.
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

/// Spectro cluster status summary.
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

/// Reference to the cluster template from which this cluster was created, containing template
/// identification metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterTemplateRef {
    /// Project uid of the cluster template.
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    /// Uid of the cluster template from which the cluster is created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Spectro cluster status summary.
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
    /// Current operational state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgrades: Option<Vec<Upgrades>>,
    #[serde(rename = "virtual", skip_serializing_if = "Option::is_none")]
    pub virtual_: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspaces: Option<Vec<ResourceReference>>,
}

/// Spectro cluster summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterUidSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    /// Spectro cluster spec summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroClusterUidSummarySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterUidStatusSummary>,
}

/// Spectro cluster spec summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterUidSummarySpec {
    /// Architecture types of the cluster.
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

/// Variable with value which will be used within the packs of cluster profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariable {
    /// Variable name.
    pub name: String,
    /// Actual value of the variable to be used within the cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Unique variable field with schema definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariableResponse {
    /// The default value of the variable.
    #[serde(rename = "defaultValue", skip_serializing_if = "Option::is_none")]
    pub default_value: Option<String>,
    /// Variable description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unique display name of the variable.
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<VariableFormat>,
    /// If true, then variable will be hidden for overriding the value. By default the hidden flag
    /// will be set to false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    /// If true, then variable value can't be editable. By default the immutable flag will be set to
    /// false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub immutable: Option<bool>,
    /// Input type for the variable - text or dropdown. Defaults to text for backward compatibility.
    #[serde(rename = "inputType", skip_serializing_if = "Option::is_none")]
    pub input_type: Option<VariableInputType>,
    /// If true, then default value will be masked. By default the isSensitive flag will be set to
    /// false.
    #[serde(rename = "isSensitive", skip_serializing_if = "Option::is_none")]
    pub is_sensitive: Option<bool>,
    /// Variable name.
    pub name: String,
    /// Available options for dropdown input type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<VariableOption>>,
    /// Regular expression pattern which the variable value must match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
    /// Flag to specify if the variable is optional or mandatory. If it is mandatory then default
    /// value must be provided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// The user specified value of the variable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// List of cluster variables to be updated with profile uid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariableUpdateEntity {
    /// Profile uid to which the variable belongs.
    #[serde(rename = "profileUid")]
    pub profile_uid: String,
    /// List of variables with updated values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<SpectroClusterVariable>>,
}

/// List of cluster variables with schema belonging to a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterVariables {
    /// Profile uid to which the cluster variable belongs.
    #[serde(rename = "profileUid")]
    pub profile_uid: String,
    /// List of cluster variables with schema.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<SpectroClusterVariableResponse>>,
}

/// Wire model 'v1SpectroClustersSummary'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClustersSummary {
    pub items: Vec<SpectroClusterSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Upgrades represent the reason of the last upgrade that took place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Upgrades {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Time>,
}

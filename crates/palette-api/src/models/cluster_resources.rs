//! A cluster's namespaces (with their resource quotas) and RBAC role bindings:
//! `/v1/spectroclusters/{uid}/config/namespaces` and `.../config/rbacs`, and the same in a create
//! body's `clusterConfig.resources`.

use serde::{Deserialize, Serialize};

use crate::models::{ObjectMeta, Time};

/// The wire model `v1ObjectMetaUpdateEntity` as these entities use it: a name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1ClusterNamespaceResourceAllocation`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNamespaceResourceAllocation {
    #[serde(rename = "cpuCores", skip_serializing_if = "Option::is_none")]
    pub cpu_cores: Option<f64>,
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<f64>,
    #[serde(rename = "gpuConfig", skip_serializing_if = "Option::is_none")]
    pub gpu_config: Option<GpuConfig>,
}

/// The wire model `v1GpuConfig`: the GPUs a namespace may use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GpuConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `nvidia`, the only provider Palette supports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
}

/// The wire model `v1ClusterNamespaceSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNamespaceSpec {
    #[serde(rename = "isRegex")]
    pub is_regex: bool,
    #[serde(rename = "resourceAllocation", skip_serializing_if = "Option::is_none")]
    pub resource_allocation: Option<ClusterNamespaceResourceAllocation>,
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<serde_json::Value>,
}

/// The wire model `v1ClusterNamespaceResourceInputEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNamespaceResourceInputEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ResourceMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterNamespaceSpec>,
}

/// The wire model `v1ClusterNamespaceResourcesUpdateEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNamespaceResourcesUpdateEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespaces: Option<Vec<ClusterNamespaceResourceInputEntity>>,
}

/// The wire model `v1ClusterNamespaceResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNamespaceResource {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterNamespaceSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<serde_json::Value>,
}

/// The wire model `v1ClusterNamespaceResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNamespaceResources {
    pub items: Vec<ClusterNamespaceResource>,
}

/// The wire model `v1ClusterRoleRef`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRoleRef {
    /// `Role` or `ClusterRole`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1ClusterRbacSubjects`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRbacSubject {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `User`, `Group` or `ServiceAccount`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1ClusterRbacBinding`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRbacBinding {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<ClusterRoleRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subjects: Option<Vec<ClusterRbacSubject>>,
    /// `RoleBinding` or `ClusterRoleBinding`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1ClusterRbacSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRbacSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bindings: Option<Vec<ClusterRbacBinding>>,
    #[serde(rename = "isSystem", skip_serializing_if = "Option::is_none")]
    pub is_system: Option<bool>,
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<serde_json::Value>,
}

/// The wire model `v1ClusterRbacInputEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRbacInputEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ResourceMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterRbacSpec>,
}

/// The wire model `v1ClusterRbacResourcesUpdateEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRbacResourcesUpdateEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rbacs: Option<Vec<ClusterRbacInputEntity>>,
}

/// The wire model `v1ClusterRbac`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRbac {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterRbacSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<serde_json::Value>,
}

/// The wire model `v1ClusterRbacs`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterRbacs {
    pub items: Vec<ClusterRbac>,
}

/// The wire model `v1ClusterResourcesEntity`: namespaces and role bindings in a create body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterResourcesEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespaces: Option<Vec<ClusterNamespaceResourceInputEntity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rbacs: Option<Vec<ClusterRbacInputEntity>>,
}

/// The wire model `v1ClusterFeatureSchedule`: a cron schedule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterFeatureSchedule {
    #[serde(rename = "scheduledRunTime", skip_serializing_if = "Option::is_none")]
    pub scheduled_run_time: Option<String>,
}

/// The wire model `v1ClusterBackupConfig`: a cluster's backup policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterBackupConfig {
    #[serde(rename = "backupLocationName", skip_serializing_if = "Option::is_none")]
    pub backup_location_name: Option<String>,
    #[serde(rename = "backupLocationUid", skip_serializing_if = "Option::is_none")]
    pub backup_location_uid: Option<String>,
    #[serde(rename = "backupName", skip_serializing_if = "Option::is_none")]
    pub backup_name: Option<String>,
    #[serde(rename = "backupPrefix", skip_serializing_if = "Option::is_none")]
    pub backup_prefix: Option<String>,
    #[serde(rename = "durationInHours", skip_serializing_if = "Option::is_none")]
    pub duration_in_hours: Option<i64>,
    #[serde(rename = "includeAllDisks", skip_serializing_if = "Option::is_none")]
    pub include_all_disks: Option<bool>,
    /// `Always`, `Auto` or `Never`.
    #[serde(
        rename = "includeClusterResourceMode",
        skip_serializing_if = "Option::is_none"
    )]
    pub include_cluster_resource_mode: Option<String>,
    #[serde(rename = "locationType", skip_serializing_if = "Option::is_none")]
    pub location_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespaces: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ClusterFeatureSchedule>,
}

/// The wire model `v1ClusterBackupSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterBackupSpec {
    #[serde(rename = "clusterUid", skip_serializing_if = "Option::is_none")]
    pub cluster_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<ClusterBackupConfig>,
}

/// The wire model `v1ClusterBackup`: the policy and the backups taken.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterBackup {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterBackupSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterBackupStatus>,
}

/// The wire model `v1ClusterBackupStatus`: one entry per backup request (scheduled or on
/// demand).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterBackupStatus {
    #[serde(rename = "clusterBackupStatuses")]
    pub cluster_backup_statuses: Vec<ClusterBackupStatusMeta>,
}

/// The wire model `v1ClusterFeatureActor`: who started a backup or scan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterFeatureActor {
    /// `user` (on demand) or `schedule`, as the emulator reports it.
    #[serde(rename = "actorType", skip_serializing_if = "Option::is_none")]
    pub actor_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1BackupLocationConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupLocationConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1BackupStatusConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupStatusConfig {
    #[serde(rename = "includeAllDisks", skip_serializing_if = "Option::is_none")]
    pub include_all_disks: Option<bool>,
    #[serde(
        rename = "includeClusterResourceMode",
        skip_serializing_if = "Option::is_none"
    )]
    pub include_cluster_resource_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespaces: Option<Vec<String>>,
}

/// The wire model `v1ClusterBackupStatusMeta`: one backup request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterBackupStatusMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<ClusterFeatureActor>,
    #[serde(rename = "backupConfig", skip_serializing_if = "Option::is_none")]
    pub backup_config: Option<BackupStatusConfig>,
    #[serde(
        rename = "backupLocationConfig",
        skip_serializing_if = "Option::is_none"
    )]
    pub backup_location_config: Option<BackupLocationConfig>,
    #[serde(rename = "backupRequestUid", skip_serializing_if = "Option::is_none")]
    pub backup_request_uid: Option<String>,
    #[serde(rename = "backupStatusMeta", skip_serializing_if = "Option::is_none")]
    pub backup_status_meta: Option<Vec<BackupStatusMeta>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1BackupStatusMeta`: one backup of a request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupStatusMeta {
    #[serde(rename = "backupName", skip_serializing_if = "Option::is_none")]
    pub backup_name: Option<String>,
    #[serde(rename = "backupState", skip_serializing_if = "Option::is_none")]
    pub backup_state: Option<BackupState>,
    #[serde(rename = "backupedNamespaces", skip_serializing_if = "Option::is_none")]
    pub backuped_namespaces: Option<Vec<String>>,
    #[serde(rename = "expiryDate", skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<Time>,
}

/// The wire model `v1BackupState`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupState {
    #[serde(rename = "backupTime", skip_serializing_if = "Option::is_none")]
    pub backup_time: Option<Time>,
    #[serde(rename = "deleteState", skip_serializing_if = "Option::is_none")]
    pub delete_state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub msg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// One driver's switch in an on-demand scan (`v1ClusterComplianceScan*Config`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplianceScanRun {
    #[serde(rename = "runScan", skip_serializing_if = "Option::is_none")]
    pub run_scan: Option<bool>,
}

/// The wire model `v1ClusterComplianceOnDemandConfig`: which scans to run now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterComplianceOnDemandConfig {
    /// The configuration scan (kube-bench).
    #[serde(rename = "kubeBench", skip_serializing_if = "Option::is_none")]
    pub kube_bench: Option<ComplianceScanRun>,
    /// The penetration scan (kube-hunter).
    #[serde(rename = "kubeHunter", skip_serializing_if = "Option::is_none")]
    pub kube_hunter: Option<ComplianceScanRun>,
    /// The conformance scan (Sonobuoy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sonobuoy: Option<ComplianceScanRun>,
}

/// The wire model `v1ClusterComplianceScanLogs`: the scans run, by driver.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterComplianceScanLogs {
    #[serde(rename = "kubeBenchLogs", skip_serializing_if = "Option::is_none")]
    pub kube_bench_logs: Option<Vec<ClusterScanLog>>,
    #[serde(rename = "kubeHunterLogs", skip_serializing_if = "Option::is_none")]
    pub kube_hunter_logs: Option<Vec<ClusterScanLog>>,
    #[serde(rename = "sonobuoyLogs", skip_serializing_if = "Option::is_none")]
    pub sonobuoy_logs: Option<Vec<ClusterScanLog>>,
}

/// One scan run (`v1ClusterScanLogKubeBench`, `...KubeHunter`, `...Sonobuoy`: the same shape
/// but for the reports, kept as JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterScanLog {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterComplianceScanLogSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterScanLogStatus>,
}

/// The wire model `v1ClusterComplianceScanLogSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterComplianceScanLogSpec {
    #[serde(rename = "clusterUid", skip_serializing_if = "Option::is_none")]
    pub cluster_uid: Option<String>,
    #[serde(rename = "driverType", skip_serializing_if = "Option::is_none")]
    pub driver_type: Option<String>,
}

/// A scan run's status (`v1Cluster*LogStatus`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterScanLogStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<ClusterFeatureActor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// By report name; each driver's report has its own shape.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reports: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    #[serde(rename = "requestUid", skip_serializing_if = "Option::is_none")]
    pub request_uid: Option<String>,
    #[serde(rename = "scanTime", skip_serializing_if = "Option::is_none")]
    pub scan_time: Option<ClusterScanTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1ClusterScanTime`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterScanTime {
    #[serde(rename = "endTime", skip_serializing_if = "Option::is_none")]
    pub end_time: Option<Time>,
    #[serde(rename = "startTime", skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
}

/// One driver's schedule (`v1ClusterComplianceScan*ScheduleConfig`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplianceScanSchedule {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ClusterFeatureSchedule>,
}

/// The wire model `v1ClusterComplianceScheduleConfig`: a cluster's scan policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterComplianceScheduleConfig {
    /// The configuration scan (kube-bench).
    #[serde(rename = "kubeBench", skip_serializing_if = "Option::is_none")]
    pub kube_bench: Option<ComplianceScanSchedule>,
    /// The penetration scan (kube-hunter).
    #[serde(rename = "kubeHunter", skip_serializing_if = "Option::is_none")]
    pub kube_hunter: Option<ComplianceScanSchedule>,
    /// The conformance scan (Sonobuoy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sonobuoy: Option<ComplianceScanSchedule>,
}

/// The wire model `v1ComplianceScanDriverSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplianceScanDriverSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<ComplianceScanSchedule>,
    #[serde(rename = "isClusterConfig", skip_serializing_if = "Option::is_none")]
    pub is_cluster_config: Option<bool>,
}

/// The wire model `v1ClusterComplianceScanSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterComplianceScanSpec {
    #[serde(rename = "clusterUid", skip_serializing_if = "Option::is_none")]
    pub cluster_uid: Option<String>,
    /// By driver: `kubeBench`, `kubeHunter`, `sonobuoy`.
    #[serde(rename = "driverSpec", skip_serializing_if = "Option::is_none")]
    pub driver_spec: Option<std::collections::BTreeMap<String, ComplianceScanDriverSpec>>,
}

/// The wire model `v1ClusterComplianceScan`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterComplianceScan {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterComplianceScanSpec>,
}

/// The wire model `v1SpectroClusterPolicies`: the policies in a create body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterPolicies {
    #[serde(rename = "backupPolicy", skip_serializing_if = "Option::is_none")]
    pub backup_policy: Option<ClusterBackupConfig>,
    #[serde(rename = "scanPolicy", skip_serializing_if = "Option::is_none")]
    pub scan_policy: Option<ClusterComplianceScheduleConfig>,
}

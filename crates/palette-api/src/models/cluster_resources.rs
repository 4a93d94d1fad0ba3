//! A cluster's namespaces (with their resource quotas) and RBAC role bindings:
//! `/v1/spectroclusters/{uid}/config/namespaces` and `.../config/rbacs`, and the same in a create
//! body's `clusterConfig.resources`.

use serde::{Deserialize, Serialize};

use crate::models::ObjectMeta;

/// The wire model `v1ObjectMetaUpdateEntity` as these entities use it: a name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1ClusterNamespaceResourceAllocation` (the GPU part kept as JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNamespaceResourceAllocation {
    #[serde(rename = "cpuCores", skip_serializing_if = "Option::is_none")]
    pub cpu_cores: Option<f64>,
    #[serde(rename = "memoryMiB", skip_serializing_if = "Option::is_none")]
    pub memory_mi_b: Option<f64>,
    #[serde(rename = "gpuConfig", skip_serializing_if = "Option::is_none")]
    pub gpu_config: Option<serde_json::Value>,
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

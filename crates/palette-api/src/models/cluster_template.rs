//! Cluster templates: `/v1/clusterTemplates[/{uid}]`, their metadata, profiles, policies and
//! variables, and the variables of a cluster launched from one.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::models::{ObjectMeta, ObjectMetaInputEntity, SpectroClusterVariable};

/// The wire model `v1ClusterTemplateEntity`: the create body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterTemplateEntitySpec>,
}

/// The wire model `v1ClusterTemplateEntitySpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateEntitySpec {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<PolicyRef>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<ClusterTemplateProfile>>,
}

/// The wire model `v1PolicyRef`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1ClusterTemplateProfile`: a profile of a template, with the values the
/// template gives its variables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<ClusterTemplateVariable>>,
}

/// The wire model `v1ClusterTemplateVariable`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateVariable {
    /// `all` (the template's `value` for every cluster) or `cluster` (per cluster).
    #[serde(rename = "assignStrategy", skip_serializing_if = "Option::is_none")]
    pub assign_strategy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<ClusterVariableValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The wire model `v1ClusterVariableValue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterVariableValue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The wire model `v1ClusterTemplate`: a stored template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterTemplateSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterTemplateStatus>,
}

/// The wire model `v1ClusterTemplateSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateSpec {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    /// The clusters launched from the template, by cluster uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clusters: Option<BTreeMap<String, ClusterTemplateSpcRef>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<PolicyRef>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<ClusterTemplateProfile>>,
}

/// The wire model `v1ClusterTemplateSpcRef`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateSpcRef {
    #[serde(rename = "clusterUid", skip_serializing_if = "Option::is_none")]
    pub cluster_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1ClusterTemplateStatus` (its counts and maintenance status kept as JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateStatus {
    #[serde(
        rename = "clusterStatusCounts",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_status_counts: Option<serde_json::Value>,
    #[serde(rename = "clusterVariables", skip_serializing_if = "Option::is_none")]
    pub cluster_variables: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1ClusterTemplateProfilesUpdateEntity`: `PUT .../profiles`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateProfilesUpdateEntity {
    pub profiles: Vec<ClusterTemplateProfile>,
}

/// The wire model `v1ClusterTemplatePoliciesUpdateEntity`: `PATCH .../policies`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplatePoliciesUpdateEntity {
    pub policies: Vec<PolicyRef>,
}

/// The wire model `v1ClusterTemplateVariablesUpdateEntity`: `PATCH
/// /v1/clusterTemplates/spectroclusters/{clusterUid}/variables`, a cluster's own values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateVariablesUpdateEntity {
    pub profiles: Vec<ClusterTemplateProfileVariable>,
}

/// The wire model `v1ClusterTemplateProfileVariable`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterTemplateProfileVariable {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<SpectroClusterVariable>>,
}

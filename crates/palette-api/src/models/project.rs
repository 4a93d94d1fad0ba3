//! Projects: `GET /v1/dashboard/projects/metadata`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::ObjectEntity;
use serde::{Deserialize, Serialize};

/// The wire model `v1ProjectMeta`.
///
/// The spec defines it with the same fields as [`ObjectEntity`] (`v1ObjectEntity`).
pub type ProjectMeta = ObjectEntity;

/// One project's name and uid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectEntity>,
}

/// The wire model `v1ProjectResourceReference`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectResourceReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Every project visible to the caller, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectsMetadata {
    pub items: Vec<ProjectMetadata>,
}

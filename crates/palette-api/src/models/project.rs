//! Projects: `GET /v1/dashboard/projects/metadata`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::models::*;

/// Wire model 'v1ProjectMeta'.
///
/// The spec defines it with the same fields as [`ObjectEntity`] (`v1ObjectEntity`).
pub type ProjectMeta = ObjectEntity;

/// Project metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectEntity>,
}

/// Project-scoped resource reference.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectResourceReference {
    /// Kind of the referenced resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Name of the referenced resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// UID of the Project that scopes this resource.
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    /// UID of the referenced resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Wire model 'v1ProjectsMetadata'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectsMetadata {
    pub items: Vec<ProjectMetadata>,
}

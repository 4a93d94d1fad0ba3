//! Shared wire types: object metadata, references, list metadata, the error body and closed scope enums.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Closed set of values of 'v1ClusterProfileScope'.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ClusterProfileScope {
    #[default]
    /// `system`.
    #[serde(rename = "system")]
    System,
    /// `tenant`.
    #[serde(rename = "tenant")]
    Tenant,
    /// `project`.
    #[serde(rename = "project")]
    Project,
}

impl ClusterProfileScope {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Tenant => "tenant",
            Self::Project => "project",
        }
    }
}

impl std::str::FromStr for ClusterProfileScope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "system" => Ok(Self::System),
            "tenant" => Ok(Self::Tenant),
            "project" => Ok(Self::Project),
            other => Err(format!("unknown ClusterProfileScope {other:?}")),
        }
    }
}

impl std::fmt::Display for ClusterProfileScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ListMeta describes metadata for the resource listing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListMetaData {
    /// Next token for the pagination. Next token is equal to empty string indicates end of result
    /// set.
    #[serde(rename = "continue", skip_serializing_if = "Option::is_none")]
    pub continue_: Option<String>,
    /// Total count of the resources which might change during pagination based on the resources
    /// addition or deletion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    /// Number of records feteched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// The next offset for the pagination. Starting index for which next request will be placed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

/// Object identity meta.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// ObjectMeta is metadata that all persisted resources must have, which includes all objects users
/// must create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectMeta {
    /// Annotations is an unstructured key value map stored with a resource that may be set by
    /// external tools to store and retrieve arbitrary metadata. They are not queryable and should
    /// be preserved when modifying objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// CreationTimestamp is a timestamp representing the server time when this object was created.
    /// It is not guaranteed to be set in happens-before order across separate operations. Clients
    /// may not set this value.
    #[serde(rename = "creationTimestamp", skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<Time>,
    /// DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This
    /// field is set by the server when a graceful deletion is requested by the user, and is not
    /// directly settable by a client.
    #[serde(rename = "deletionTimestamp", skip_serializing_if = "Option::is_none")]
    pub deletion_timestamp: Option<Time>,
    /// Map of string keys and values that can be used to organize and categorize (scope and select)
    /// objects. May match selectors of replication controllers and services. More info:
    /// http://kubernetes.io/docs/user-guide/labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// LastModifiedTimestamp is a timestamp representing the server time when this object was last
    /// modified. It is not guaranteed to be set in happens-before order across separate operations.
    /// Clients may not set this value.
    #[serde(
        rename = "lastModifiedTimestamp",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_timestamp: Option<Time>,
    /// Name must be unique within a namespace. Is required when creating resources, although some
    /// resources may allow a client to request the generation of an appropriate name automatically.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// UID is the unique in time and space value for this object. It is typically generated by the
    /// server on successful creation of a resource and is not allowed to change on PUT operations.
    /// Populated by the system. Read-only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// ObjectMeta input entity for object creation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectMetaInputEntity {
    /// Annotations is an unstructured key value map stored with a resource that may be set by
    /// external tools to store and retrieve arbitrary metadata. They are not queryable and should
    /// be preserved when modifying objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// Map of string keys and values that can be used to organize and categorize (scope and select)
    /// objects. May match selectors of replication controllers and services. More info:
    /// http://kubernetes.io/docs/user-guide/labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// Name must be unique within a namespace. Is required when creating resources, although some
    /// resources may allow a client to request the generation of an appropriate name automatically.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Resource metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectMetaInputEntitySchema {
    pub metadata: ObjectMetaInputEntity,
}

/// ObjectReference contains enough information to let you inspect or modify the referred object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectReference {
    /// Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/api-
    /// conventions.md#types-kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-
    /// objects/names/#names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-
    /// objects/names/#uids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Object resource reference.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectResReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    #[serde(rename = "tenantUid", skip_serializing_if = "Option::is_none")]
    pub tenant_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Object for which the resource is related.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelatedObject {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Wire model 'v1ResourceReference'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub uid: String,
}

/// Closed set of values of 'v1Scope'.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Scope {
    #[default]
    /// `system`.
    #[serde(rename = "system")]
    System,
    /// `tenant`.
    #[serde(rename = "tenant")]
    Tenant,
    /// `project`.
    #[serde(rename = "project")]
    Project,
    /// `resource`.
    #[serde(rename = "resource")]
    Resource,
}

impl Scope {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Tenant => "tenant",
            Self::Project => "project",
            Self::Resource => "resource",
        }
    }
}

impl std::str::FromStr for Scope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "system" => Ok(Self::System),
            "tenant" => Ok(Self::Tenant),
            "project" => Ok(Self::Project),
            "resource" => Ok(Self::Resource),
            other => Err(format!("unknown Scope {other:?}")),
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Closed set of values of 'v1SortOrder'.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum SortOrder {
    #[default]
    /// `asc`.
    #[serde(rename = "asc")]
    Asc,
    /// `desc`.
    #[serde(rename = "desc")]
    Desc,
}

impl SortOrder {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }
}

impl std::str::FromStr for SortOrder {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "asc" => Ok(Self::Asc),
            "desc" => Ok(Self::Desc),
            other => Err(format!("unknown SortOrder {other:?}")),
        }
    }
}

impl std::fmt::Display for SortOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire model 'v1Uid'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Uid {
    pub uid: String,
}

/// A timestamp on the wire: an RFC 3339 string (`v1Time`).
pub type Time = String;

/// The spec's list metadata under the name the contract uses.
pub type ListMeta = ListMetaData;

/// A paged list: `{"items": [...], "listmeta": {...}}`, the shape of every paginated response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct List<T> {
    /// The page's items.
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    /// Paging state; `continue` is empty on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            listmeta: None,
        }
    }
}

impl<T> List<T> {
    /// The continue token for the next page, or `None` on the last page.
    pub fn next_token(&self) -> Option<&str> {
        self.listmeta
            .as_ref()
            .and_then(|m| m.continue_.as_deref())
            .filter(|t| !t.is_empty())
    }
}

/// The error body of every non-2xx response (`v1Error`): `{code, message, ref, details}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApiErrorBody {
    /// A machine-readable code such as `ResourceNotFound`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A human-readable message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// An opaque reference for support.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_: Option<String>,
    /// Free-form details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

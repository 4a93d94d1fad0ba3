//! Packs: summaries, the per-name tag entity, search metadata and filters, and the pack layer and
//! type enums.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    ListMetaData, ManifestInputEntity, ManifestRefUpdateEntity, ObjectMeta, ObjectReference,
    RegistryPackMetadata, SortOrder,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The wire model `v1FilterString`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterString {
    #[serde(rename = "beginsWith", skip_serializing_if = "Option::is_none")]
    pub begins_with: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contains: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eq: Option<String>,
    #[serde(rename = "ignoreCase", skip_serializing_if = "Option::is_none")]
    pub ignore_case: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ne: Option<String>,
}

/// The wire model `v1PackDependencyMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackDependencyMeta {
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Pack search criteria.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackFilterSpec {
    #[serde(rename = "addOnSubType", skip_serializing_if = "Option::is_none")]
    pub add_on_sub_type: Option<Vec<String>>,
    #[serde(rename = "addOnType", skip_serializing_if = "Option::is_none")]
    pub add_on_type: Option<Vec<String>>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<FilterString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Vec<String>>,
    #[serde(rename = "isFips", skip_serializing_if = "Option::is_none")]
    pub is_fips: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<Vec<PackLayer>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<FilterString>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<Vec<String>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<Vec<PackType>>,
}

/// The closed set of values of `v1PackLayer`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum PackLayer {
    #[default]
    /// `kernel`.
    #[serde(rename = "kernel")]
    Kernel,
    /// `os`.
    #[serde(rename = "os")]
    Os,
    /// `k8s`.
    #[serde(rename = "k8s")]
    K8s,
    /// `cni`.
    #[serde(rename = "cni")]
    Cni,
    /// `csi`.
    #[serde(rename = "csi")]
    Csi,
    /// `addon`.
    #[serde(rename = "addon")]
    Addon,
}

impl PackLayer {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kernel => "kernel",
            Self::Os => "os",
            Self::K8s => "k8s",
            Self::Cni => "cni",
            Self::Csi => "csi",
            Self::Addon => "addon",
        }
    }
}

impl std::str::FromStr for PackLayer {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "kernel" => Ok(Self::Kernel),
            "os" => Ok(Self::Os),
            "k8s" => Ok(Self::K8s),
            "cni" => Ok(Self::Cni),
            "csi" => Ok(Self::Csi),
            "addon" => Ok(Self::Addon),
            other => Err(format!("unknown PackLayer {other:?}")),
        }
    }
}

impl std::fmt::Display for PackLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A pack as sent in a profile create: name, tag, registry, type, values, manifests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackManifestEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ManifestInputEntity>>,
    pub name: String,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// A pack as sent in a profile update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackManifestUpdateEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ManifestRefUpdateEntity>>,
    pub name: String,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// One pack as found by a pack search, with the registries that offer it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackMetadata {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PackMetadataSpec>,
}

/// A page of pack search results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackMetadataList {
    pub items: Vec<PackMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1PackMetadataSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackMetadataSpec {
    #[serde(rename = "addonSubType", skip_serializing_if = "Option::is_none")]
    pub addon_sub_type: Option<String>,
    #[serde(rename = "addonType", skip_serializing_if = "Option::is_none")]
    pub addon_type: Option<String>,
    #[serde(rename = "cloudTypes", skip_serializing_if = "Option::is_none")]
    pub cloud_types: Option<Vec<String>>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<PackLayer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registries: Option<Vec<RegistryPackMetadata>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
}

/// The wire model `v1PackPreset`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackPreset {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub add: Option<String>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remove: Option<Vec<String>>,
}

/// A pack as it appears in a read profile: name, tag, layer, type, uid, values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(rename = "inValidReason", skip_serializing_if = "Option::is_none")]
    pub in_valid_reason: Option<String>,
    #[serde(rename = "isInvalid", skip_serializing_if = "Option::is_none")]
    pub is_invalid: Option<bool>,
    pub layer: PackLayer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ObjectReference>>,
    pub name: String,
    #[serde(rename = "packUid", skip_serializing_if = "Option::is_none")]
    pub pack_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<PackPreset>>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Vec<PackSchema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1PackRefSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRefSummary {
    #[serde(rename = "addonType", skip_serializing_if = "Option::is_none")]
    pub addon_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<PackLayer>,
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "packUid", skip_serializing_if = "Option::is_none")]
    pub pack_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1PackSchema`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSchema {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hints: Option<Vec<String>>,
    #[serde(rename = "listOptions", skip_serializing_if = "Option::is_none")]
    pub list_options: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readonly: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1PackSortSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSortSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
}

/// A page of pack summaries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSummaries {
    pub items: Vec<PackSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// One pack version as listed by `GET /v1/packs`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSummary {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PackSummarySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PackSummaryStatus>,
}

/// What a pack version is: name, layer, type, version, registry, default values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSummarySpec {
    #[serde(rename = "addonSubType", skip_serializing_if = "Option::is_none")]
    pub addon_sub_type: Option<String>,
    #[serde(rename = "addonType", skip_serializing_if = "Option::is_none")]
    pub addon_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "cloudTypes", skip_serializing_if = "Option::is_none")]
    pub cloud_types: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<PackLayer>,
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ObjectReference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<PackPreset>>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Vec<PackSchema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<serde_json::Value>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The free-form object `v1PackSummaryStatus`.
pub type PackSummaryStatus = serde_json::Value;

/// All versions of one pack in one registry, with each version's default values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackTagEntity {
    #[serde(rename = "addonSubType", skip_serializing_if = "Option::is_none")]
    pub addon_sub_type: Option<String>,
    #[serde(rename = "addonType", skip_serializing_if = "Option::is_none")]
    pub addon_type: Option<String>,
    #[serde(rename = "cloudTypes", skip_serializing_if = "Option::is_none")]
    pub cloud_types: Option<Vec<String>>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<PackLayer>,
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "packValues", skip_serializing_if = "Option::is_none")]
    pub pack_values: Option<Vec<PackUidValues>>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<PackTags>>,
}

/// The wire model `v1PackTags`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackTags {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(rename = "packUid", skip_serializing_if = "Option::is_none")]
    pub pack_uid: Option<String>,
    #[serde(rename = "parentTags", skip_serializing_if = "Option::is_none")]
    pub parent_tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The closed set of values of `v1PackType`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum PackType {
    #[default]
    /// `spectro`.
    #[serde(rename = "spectro")]
    Spectro,
    /// `helm`.
    #[serde(rename = "helm")]
    Helm,
    /// `manifest`.
    #[serde(rename = "manifest")]
    Manifest,
    /// `oci`.
    #[serde(rename = "oci")]
    Oci,
}

impl PackType {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spectro => "spectro",
            Self::Helm => "helm",
            Self::Manifest => "manifest",
            Self::Oci => "oci",
        }
    }
}

impl std::str::FromStr for PackType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "spectro" => Ok(Self::Spectro),
            "helm" => Ok(Self::Helm),
            "manifest" => Ok(Self::Manifest),
            "oci" => Ok(Self::Oci),
            other => Err(format!("unknown PackType {other:?}")),
        }
    }
}

impl std::fmt::Display for PackType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The wire model `v1PackUidValues`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackUidValues {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<Vec<PackDependencyMeta>>,
    #[serde(rename = "packUid", skip_serializing_if = "Option::is_none")]
    pub pack_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<PackPreset>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Vec<PackSchema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// Per-cluster overrides of one pack's values in a cluster create or day-2 change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackValuesEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ManifestRefUpdateEntity>>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// The body of a pack search: a filter and a sort order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PacksFilterSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<PackFilterSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<PackSortSpec>>,
}

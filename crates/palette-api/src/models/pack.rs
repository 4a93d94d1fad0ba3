//! Packs: summaries, the per-name tag entity, search metadata and filters, and the pack layer and type enums.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Wire model 'v1FilterString'.
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

/// Pack dependency metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackDependencyMeta {
    /// Pack display name.
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Pack logo url.
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// Pack name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Pack registry uid.
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    /// Pack uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// Pack version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Packs filter spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackFilterSpec {
    /// Pack add-on sub type such as monitoring, db etc.
    #[serde(rename = "addOnSubType", skip_serializing_if = "Option::is_none")]
    pub add_on_sub_type: Option<Vec<String>>,
    /// Pack add-on type such as logging, monitoring, security etc.
    #[serde(rename = "addOnType", skip_serializing_if = "Option::is_none")]
    pub add_on_type: Option<Vec<String>>,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<FilterString>,
    /// Pack supported cloud types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Vec<String>>,
    /// IsFips compliant.
    #[serde(rename = "isFips", skip_serializing_if = "Option::is_none")]
    pub is_fips: Option<bool>,
    /// Pack layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<Vec<PackLayer>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<FilterString>,
    /// Pack registry uid.
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<Vec<String>>,
    /// The source filter describes the creation origin/source of the pack. Ex. source can be
    /// "spectrocloud" or "community".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Vec<String>>,
    /// Pack state such as deprecated or disabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<Vec<String>>,
    /// Pack type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<Vec<PackType>>,
}

/// Closed set of values of 'v1PackLayer'.
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

/// Pack request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackManifestEntity {
    /// Pack layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// Pack manifests are additional content as part of the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ManifestInputEntity>>,
    /// Pack name.
    pub name: String,
    /// Pack registry uid.
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    /// Pack tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    /// Pack uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// Pack values represents the values.yaml used as input parameters either Params OR Values
    /// should be used, not both If both applied at the same time, will only use Values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// Pack input entity with values to overwrite and manifests for the intial creation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackManifestUpdateEntity {
    /// Pack layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// Pack manifests are additional content as part of the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ManifestRefUpdateEntity>>,
    /// Pack name.
    pub name: String,
    /// Pack registry uid.
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    /// Pack tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    /// Pack uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// Pack values represents the values.yaml used as input parameters either Params OR Values
    /// should be used, not both If both applied at the same time, will only use Values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// Pack metadata object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackMetadata {
    /// Pack api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Pack kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PackMetadataSpec>,
}

/// List of packs metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackMetadataList {
    /// Packs metadata array.
    pub items: Vec<PackMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Pack metadata spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackMetadataSpec {
    /// Pack add-on sub type such as monitoring, db etc.
    #[serde(rename = "addonSubType", skip_serializing_if = "Option::is_none")]
    pub addon_sub_type: Option<String>,
    /// Pack add-on type such as logging, monitoring, security etc.
    #[serde(rename = "addonType", skip_serializing_if = "Option::is_none")]
    pub addon_type: Option<String>,
    /// Pack supported cloud types.
    #[serde(rename = "cloudTypes", skip_serializing_if = "Option::is_none")]
    pub cloud_types: Option<Vec<String>>,
    /// Pack display name.
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Pack group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<PackLayer>,
    /// Pack name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Pack registries array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registries: Option<Vec<RegistryPackMetadata>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
}

/// PackPreset defines the preset pack values.
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

/// PackRef server/name:tag to point to a pack PackRef is used when construct a ClusterProfile
/// PackSpec is used for UI to render the parameters form ClusterProfile will not know inner details
/// of a pack ClusterProfile only co...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRef {
    /// Annotations is used to allow packref to add more arbitrary information one example is to add
    /// git reference for values.yaml.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// Digest is used to specify the version should be installed by palette when pack upgrade
    /// available, change this digest to trigger upgrade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(rename = "inValidReason", skip_serializing_if = "Option::is_none")]
    pub in_valid_reason: Option<String>,
    /// Pack is invalid when the associated tag is deleted from the registry.
    #[serde(rename = "isInvalid", skip_serializing_if = "Option::is_none")]
    pub is_invalid: Option<bool>,
    pub layer: PackLayer,
    /// Path to the pack logo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ObjectReference>>,
    /// Pack name.
    pub name: String,
    /// PackUID is Hubble packUID, not palette Pack.UID It is used by Hubble only.
    #[serde(rename = "packUid", skip_serializing_if = "Option::is_none")]
    pub pack_uid: Option<String>,
    /// Params passed as env variables to be consumed at installation time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<PackPreset>>,
    /// Pack registry uid.
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Vec<PackSchema>>,
    /// Pack registry server or helm repo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// Pack tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Type of the pack.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    /// Values represents the values.yaml used as input parameters either Params OR Values should be
    /// used, not both If both applied at the same time, will only use Values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
    /// Pack version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Pack ref summary.
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

/// PackSchema defines the schema definition, hints for the pack values.
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

/// Packs sort spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSortSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
}

/// List of packs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSummaries {
    /// Packs array.
    pub items: Vec<PackSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Pack summary object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSummary {
    /// Pack api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Pack kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PackSummarySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PackSummaryStatus>,
}

/// Pack object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackSummarySpec {
    /// Pack add-on sub type such as monitoring, db etc.
    #[serde(rename = "addonSubType", skip_serializing_if = "Option::is_none")]
    pub addon_sub_type: Option<String>,
    /// Pack add-on type such as logging, monitoring, security etc.
    #[serde(rename = "addonType", skip_serializing_if = "Option::is_none")]
    pub addon_type: Option<String>,
    /// Pack annotations is used to allow pack to add more arbitrary configurations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// Pack supported cloud types.
    #[serde(rename = "cloudTypes", skip_serializing_if = "Option::is_none")]
    pub cloud_types: Option<Vec<String>>,
    /// Pack digest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// Pack display name.
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Pack end of life, date format: yyyy-MM-dd.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eol: Option<String>,
    /// Pack group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<PackLayer>,
    /// Pack logo url.
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// Pack manifests are additional content as part of the cluster profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ObjectReference>>,
    /// Pack name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Pack presets are the set of configurations applied on user selection of presets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<PackPreset>>,
    /// Pack registry uid.
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    /// Pack schema contains constraints such as data type, format, hints for the pack values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Vec<PackSchema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<serde_json::Value>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    /// Pack values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
    /// Pack version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Pack status.
pub type PackSummaryStatus = serde_json::Value;

/// Pack object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackTagEntity {
    /// Pack add-on sub type such as monitoring, db etc.
    #[serde(rename = "addonSubType", skip_serializing_if = "Option::is_none")]
    pub addon_sub_type: Option<String>,
    /// Pack add-on type such as logging, monitoring, security etc.
    #[serde(rename = "addonType", skip_serializing_if = "Option::is_none")]
    pub addon_type: Option<String>,
    /// Pack supported cloud types.
    #[serde(rename = "cloudTypes", skip_serializing_if = "Option::is_none")]
    pub cloud_types: Option<Vec<String>>,
    /// Pack display name.
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<PackLayer>,
    /// Pack logo url.
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// Pack name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Pack values array.
    #[serde(rename = "packValues", skip_serializing_if = "Option::is_none")]
    pub pack_values: Option<Vec<PackUidValues>>,
    /// Pack registry uid.
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    /// Pack version tags array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<PackTags>>,
}

/// Wire model 'v1PackTags'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackTags {
    /// Pack group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Pack uid.
    #[serde(rename = "packUid", skip_serializing_if = "Option::is_none")]
    pub pack_uid: Option<String>,
    /// Pack version parent tags.
    #[serde(rename = "parentTags", skip_serializing_if = "Option::is_none")]
    pub parent_tags: Option<Vec<String>>,
    /// Pack version tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Pack version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Closed set of values of 'v1PackType'.
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

/// Wire model 'v1PackUidValues'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackUidValues {
    /// Pack annotations is used to allow pack to add more arbitrary configurations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// Pack dependencies array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<Vec<PackDependencyMeta>>,
    /// Pack uid.
    #[serde(rename = "packUid", skip_serializing_if = "Option::is_none")]
    pub pack_uid: Option<String>,
    /// Pack presets are the set of configurations applied on user selection of presets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<PackPreset>>,
    /// Readme describes the documentation of the specified pack.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readme: Option<String>,
    /// Pack schema contains constraints such as data type, format, hints for the pack values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Vec<PackSchema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<serde_json::Value>,
    /// Pack values represents the values.yaml used as input parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// Pack values entity to refer the existing pack for the values override.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackValuesEntity {
    /// Pack manifests are additional content as part of the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<ManifestRefUpdateEntity>>,
    /// Pack name.
    pub name: String,
    /// Pack version tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<PackType>,
    /// Pack values represents the values.yaml used as input parameters either Params OR Values
    /// should be used, not both If both applied at the same time, will only use Values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// Packs filter spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PacksFilterSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<PackFilterSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<PackSortSpec>>,
}

//! Cluster profiles: create, update, clone, metadata, variables, manifests, summaries and filters.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    ClusterProfileScope, FilterString, ListMetaData, ObjectEntity, ObjectMeta,
    ObjectMetaInputEntity, ObjectReference, ObjectResReference, PackManifestEntity,
    PackManifestUpdateEntity, PackRef, PackRefSummary, PackSummarySpec, PackSummaryStatus,
    ProjectResourceReference, Scope, SortOrder,
};
use serde::{Deserialize, Serialize};

/// A cluster profile version as read back: draft, published template, versions, usage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfile {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterProfileStatus>,
}

/// The body of a profile clone, which makes a new version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileCloneEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ClusterProfileCloneMetaInputEntity>,
}

/// Name, version and target scope of a profile clone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileCloneMetaInputEntity {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<ClusterProfileCloneTarget>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1ClusterProfileCloneTarget`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileCloneTarget {
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    pub scope: Scope,
}

/// The body of a cluster profile create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileEntitySpec>,
}

/// The `spec` object of `v1ClusterProfileEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileEntitySpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<ClusterProfileTemplateDraft>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<Variable>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1ClusterProfileFilterSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileFilterSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fips: Option<String>,
    #[serde(rename = "profileName", skip_serializing_if = "Option::is_none")]
    pub profile_name: Option<FilterString>,
    #[serde(rename = "profileType", skip_serializing_if = "Option::is_none")]
    pub profile_type: Option<Vec<ProfileType>>,
    #[serde(rename = "resourceType", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<ClusterProfileScope>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<FilterArray>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<FilterVersionString>,
}

/// The wire model `v1ClusterProfileFips`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileFips {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
}

/// One profile version's name, uid, cloud type and version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileMetadataSpec>,
}

/// The `spec` object of `v1ClusterProfileMetadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileMetadataSpec {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1ClusterProfilePackSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilePackSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<f64>,
}

/// The wire model `v1ClusterProfilePacksEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilePacksEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PackSummarySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PackSummaryStatus>,
}

/// The wire model `v1ClusterProfileSortSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSortSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
}

/// A profile's draft and published templates and its sibling versions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<ClusterProfileTemplate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<ClusterProfileTemplate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<ClusterProfileVersion>>,
}

/// The wire model `v1ClusterProfileSpecEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSpecEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Whether a profile is published and which clusters use it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileStatus {
    #[serde(rename = "hasUserMacros", skip_serializing_if = "Option::is_none")]
    pub has_user_macros: Option<bool>,
    #[serde(
        rename = "inUseClusterTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_use_cluster_templates: Option<Vec<ProjectResourceReference>>,
    #[serde(rename = "inUseClusterUids", skip_serializing_if = "Option::is_none")]
    pub in_use_cluster_uids: Option<Vec<String>>,
    #[serde(rename = "inUseClusters", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters: Option<Vec<ObjectResReference>>,
    #[serde(rename = "isPublished", skip_serializing_if = "Option::is_none")]
    pub is_published: Option<bool>,
}

/// The wire model `v1ClusterProfileStatusSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileStatusSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fips: Option<ClusterProfileFips>,
    #[serde(
        rename = "inUseClusterTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_use_cluster_templates: Option<Vec<ObjectEntity>>,
    #[serde(rename = "inUseClusterUids", skip_serializing_if = "Option::is_none")]
    pub in_use_cluster_uids: Option<Vec<String>>,
    #[serde(rename = "inUseClusters", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters: Option<Vec<ObjectEntity>>,
    #[serde(rename = "isPublished", skip_serializing_if = "Option::is_none")]
    pub is_published: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<ClusterProfilePackSummary>,
}

/// One profile version as listed on the dashboard.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(rename = "specSummary", skip_serializing_if = "Option::is_none")]
    pub spec_summary: Option<ClusterProfileSummarySpecSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterProfileStatusSummary>,
}

/// The `specSummary` object of `v1ClusterProfileSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSummarySpecSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<ClusterProfileTemplateSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<ClusterProfileTemplateSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<ClusterProfileVersion>>,
}

/// A profile's content: type, cloud type, version and packs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplate {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "packServerRefs", skip_serializing_if = "Option::is_none")]
    pub pack_server_refs: Option<Vec<ObjectReference>>,
    #[serde(rename = "packServerSecret", skip_serializing_if = "Option::is_none")]
    pub pack_server_secret: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackRef>>,
    #[serde(rename = "profileVersion", skip_serializing_if = "Option::is_none")]
    pub profile_version: Option<String>,
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<ObjectReference>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// The template of a profile create: type, cloud type and packs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplateDraft {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackManifestEntity>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<ProfileType>,
}

/// The wire model `v1ClusterProfileTemplateMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplateMeta {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackRef>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// The wire model `v1ClusterProfileTemplateSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplateSummary {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackRefSummary>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The template of a profile update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplateUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackManifestUpdateEntity>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<ProfileType>,
}

/// The body of a cluster profile update (packs and version; no cloud type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileUpdateEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileUpdateEntitySpec>,
}

/// The `spec` object of `v1ClusterProfileUpdateEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileUpdateEntitySpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<ClusterProfileTemplateUpdate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1ClusterProfileVersion`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileVersion {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The body of a profile summary search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilesFilterSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<ClusterProfileFilterSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<ClusterProfileSortSpec>>,
}

/// Name, uid, cloud type and version of every profile in scope, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilesMetadata {
    pub items: Vec<ClusterProfileMetadata>,
}

/// A page of profile summaries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilesSummary {
    pub items: Vec<ClusterProfileSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1FilterArray`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterArray {
    #[serde(rename = "beginsWith", skip_serializing_if = "Option::is_none")]
    pub begins_with: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eq: Option<Vec<String>>,
    #[serde(rename = "ignoreCase", skip_serializing_if = "Option::is_none")]
    pub ignore_case: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ne: Option<Vec<String>>,
}

/// The wire model `v1FilterVersionString`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterVersionString {
    #[serde(rename = "beginsWith", skip_serializing_if = "Option::is_none")]
    pub begins_with: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eq: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ne: Option<String>,
}

/// The wire model `v1ManifestData`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// The manifests of one pack of a profile, with content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestEntities {
    pub items: Vec<ManifestEntity>,
}

/// The wire model `v1ManifestEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ManifestSpec>,
}

/// The wire model `v1Manifest`: one manifest as a cluster deploys it (its published content).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Manifest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ManifestPublishedSpec>,
}

/// The wire model `v1ManifestPublishedSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestPublishedSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<ManifestData>,
}

/// A manifest's name and YAML content, as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestInputEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A manifest in a profile update, matched to the existing one by uid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestRefUpdateEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1ManifestSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<ManifestData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<ManifestData>,
}

/// The body of a profile metadata patch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileMetaEntity {
    pub metadata: ObjectMetaInputEntity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileSpecEntity>,
}

/// The wire model `v1ProfileStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileStatus {
    #[serde(rename = "hasUserMacros", skip_serializing_if = "Option::is_none")]
    pub has_user_macros: Option<bool>,
}

/// The wire model `v1ProfileTemplateSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileTemplateSummary {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackRefSummary>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The closed set of values of `v1ProfileType`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ProfileType {
    #[default]
    /// `cluster`.
    #[serde(rename = "cluster")]
    Cluster,
    /// `infra`.
    #[serde(rename = "infra")]
    Infra,
    /// `add-on`.
    #[serde(rename = "add-on")]
    AddOn,
    /// `system`.
    #[serde(rename = "system")]
    System,
}

impl ProfileType {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cluster => "cluster",
            Self::Infra => "infra",
            Self::AddOn => "add-on",
            Self::System => "system",
        }
    }
}

impl std::str::FromStr for ProfileType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "cluster" => Ok(Self::Cluster),
            "infra" => Ok(Self::Infra),
            "add-on" => Ok(Self::AddOn),
            "system" => Ok(Self::System),
            other => Err(format!("unknown ProfileType {other:?}")),
        }
    }
}

impl std::fmt::Display for ProfileType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A profile variable: name, default and input constraints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variable {
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
}

/// The closed set of values of `v1VariableFormat`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum VariableFormat {
    #[default]
    /// `string`.
    #[serde(rename = "string")]
    String,
    /// `number`.
    #[serde(rename = "number")]
    Number,
    /// `boolean`.
    #[serde(rename = "boolean")]
    Boolean,
    /// `ipv4`.
    #[serde(rename = "ipv4")]
    Ipv4,
    /// `ipv4cidr`.
    #[serde(rename = "ipv4cidr")]
    Ipv4cidr,
    /// `ipv6`.
    #[serde(rename = "ipv6")]
    Ipv6,
    /// `version`.
    #[serde(rename = "version")]
    Version,
    /// `base64`.
    #[serde(rename = "base64")]
    Base64,
}

impl VariableFormat {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Number => "number",
            Self::Boolean => "boolean",
            Self::Ipv4 => "ipv4",
            Self::Ipv4cidr => "ipv4cidr",
            Self::Ipv6 => "ipv6",
            Self::Version => "version",
            Self::Base64 => "base64",
        }
    }
}

impl std::str::FromStr for VariableFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "string" => Ok(Self::String),
            "number" => Ok(Self::Number),
            "boolean" => Ok(Self::Boolean),
            "ipv4" => Ok(Self::Ipv4),
            "ipv4cidr" => Ok(Self::Ipv4cidr),
            "ipv6" => Ok(Self::Ipv6),
            "version" => Ok(Self::Version),
            "base64" => Ok(Self::Base64),
            other => Err(format!("unknown VariableFormat {other:?}")),
        }
    }
}

impl std::fmt::Display for VariableFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The closed set of values of `v1VariableInputType`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum VariableInputType {
    #[default]
    /// `text`.
    #[serde(rename = "text")]
    Text,
    /// `dropdown`.
    #[serde(rename = "dropdown")]
    Dropdown,
    /// `multiline`.
    #[serde(rename = "multiline")]
    Multiline,
}

impl VariableInputType {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Dropdown => "dropdown",
            Self::Multiline => "multiline",
        }
    }
}

impl std::str::FromStr for VariableInputType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(Self::Text),
            "dropdown" => Ok(Self::Dropdown),
            "multiline" => Ok(Self::Multiline),
            other => Err(format!("unknown VariableInputType {other:?}")),
        }
    }
}

impl std::fmt::Display for VariableInputType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The names of profile variables to delete.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VariableNames {
    pub variables: Vec<String>,
}

/// The wire model `v1VariableOption`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VariableOption {
    #[serde(rename = "default", skip_serializing_if = "Option::is_none")]
    pub default_: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub value: String,
}

/// A profile's variables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variables {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<Variable>>,
}

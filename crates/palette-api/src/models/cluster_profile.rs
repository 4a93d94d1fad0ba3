//! Cluster profiles: create, update, clone, metadata, variables, manifests, summaries and filters.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::models::*;

/// ClusterProfile is the Schema for the clusterprofiles API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfile {
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
    pub spec: Option<ClusterProfileSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterProfileStatus>,
}

/// Cluster profile clone request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileCloneEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ClusterProfileCloneMetaInputEntity>,
}

/// Cluster profile clone metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileCloneMetaInputEntity {
    /// Cloned cluster profile name.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<ClusterProfileCloneTarget>,
    /// Cloned cluster profile version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Cluster profile clone meta input entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileCloneTarget {
    /// Cloned cluster profile project uid.
    #[serde(rename = "projectUid", skip_serializing_if = "Option::is_none")]
    pub project_uid: Option<String>,
    pub scope: Scope,
}

/// Cluster profile request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileEntitySpec>,
}

/// Wire model 'v1ClusterProfileEntity.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileEntitySpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<ClusterProfileTemplateDraft>,
    /// List of unique variable fields defined for a cluster profile with schema constraints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<Variable>>,
    /// Cluster profile version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Cluster profile filter spec.
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

/// Cluster profile fips compliance status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileFips {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
}

/// Cluster profile filter spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileMetadataSpec>,
}

/// Wire model 'v1ClusterProfileMetadata.spec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileMetadataSpec {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Cluster profile packs summary about the deprecated, disabled, deleted packs count.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilePackSummary {
    /// Total count of deleted packs in a cluster profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<f64>,
    /// Total count of deprecated packs in a cluster profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<f64>,
    /// Total count of disabled packs in a cluster profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<f64>,
}

/// Cluster profile packs object.
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

/// Wire model 'v1ClusterProfileSortSpec'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSortSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
}

/// ClusterProfileTemplate can be in draft mode, or published mode User only see the latest
/// published template, and (or) the draft template User can apply either the draft version or the
/// latest published version to a cluster...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<ClusterProfileTemplate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<ClusterProfileTemplate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Cluster profile's list of all the versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<ClusterProfileVersion>>,
}

/// Cluster profile update spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSpecEntity {
    /// Cluster profile version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// ClusterProfileStatus defines the observed state of ClusterProfile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileStatus {
    /// If it is true then profile pack values has a reference to user defined macros.
    #[serde(rename = "hasUserMacros", skip_serializing_if = "Option::is_none")]
    pub has_user_macros: Option<bool>,
    #[serde(
        rename = "inUseClusterTemplates",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_use_cluster_templates: Option<Vec<ProjectResourceReference>>,
    /// Deprecated. Use inUseClusters.
    #[serde(rename = "inUseClusterUids", skip_serializing_if = "Option::is_none")]
    pub in_use_cluster_uids: Option<Vec<String>>,
    #[serde(rename = "inUseClusters", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters: Option<Vec<ObjectResReference>>,
    #[serde(rename = "isPublished", skip_serializing_if = "Option::is_none")]
    pub is_published: Option<bool>,
}

/// ClusterProfileStatusSummary defines the observed state of ClusterProfile.
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
    /// Deprecated. Use inUseClusters.
    #[serde(rename = "inUseClusterUids", skip_serializing_if = "Option::is_none")]
    pub in_use_cluster_uids: Option<Vec<String>>,
    #[serde(rename = "inUseClusters", skip_serializing_if = "Option::is_none")]
    pub in_use_clusters: Option<Vec<ObjectEntity>>,
    #[serde(rename = "isPublished", skip_serializing_if = "Option::is_none")]
    pub is_published: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<ClusterProfilePackSummary>,
}

/// Cluster profile summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    /// Cluster profile spec summary.
    #[serde(rename = "specSummary", skip_serializing_if = "Option::is_none")]
    pub spec_summary: Option<ClusterProfileSummarySpecSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterProfileStatusSummary>,
}

/// Cluster profile spec summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileSummarySpecSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<ClusterProfileTemplateSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<ClusterProfileTemplateSummary>,
    /// Cluster profile's latest version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Cluster profile's list of all the versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<ClusterProfileVersion>>,
}

/// ClusterProfileTemplate contains details of a clusterprofile definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplate {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// PackServerRefs is only used on Hubble side it is reference to pack registry servers which
    /// PackRef belongs to in hubble, pack server is a top level object, so use a reference to point
    /// to it packs within a clusterprofile c...
    #[serde(rename = "packServerRefs", skip_serializing_if = "Option::is_none")]
    pub pack_server_refs: Option<Vec<ObjectReference>>,
    /// This secret is used only on Palette side use case is similar to k8s image pull secret this
    /// single secret internally should contains all the pack servers in PackServerRefs if empty,
    /// means no credential is needed to access...
    #[serde(rename = "packServerSecret", skip_serializing_if = "Option::is_none")]
    pub pack_server_secret: Option<String>,
    /// Packs definitions here are final definitions. If ClonedFrom and ParamsOverwrite is present,
    /// then Packs are the final merge result of ClonedFrom and ParamsOverwrite So orchestration
    /// engine will just take the Packs and do...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackRef>>,
    /// Version start from 1.0.0, matching the index of ClusterProfileSpec.Versions\[\] will be used
    /// by clusterSpec to identify which version is applied to the cluster.
    #[serde(rename = "profileVersion", skip_serializing_if = "Option::is_none")]
    pub profile_version: Option<String>,
    /// RelatedObject refers to the type of object(clustergroup, cluster or edgeHost) the cluster
    /// profile is associated with.
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<ObjectReference>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// Deprecated. Use profileVersion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// Cluster profile template spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplateDraft {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    /// Cluster profile packs array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackManifestEntity>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<ProfileType>,
}

/// Cluster profile template meta information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplateMeta {
    #[serde(rename = "cloudType", skip_serializing_if = "Option::is_none")]
    pub cloud_type: Option<String>,
    /// Cluster profile name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Cluster profile packs array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackRef>>,
    /// Scope or context(system, tenant or project).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Cluster profile type \[ "cluster", "infra", "add-on", "system" \].
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Cluster profile uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// Cluster profile template summary.
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

/// Cluster profile template update spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileTemplateUpdate {
    /// Cluster profile packs array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packs: Option<Vec<PackManifestUpdateEntity>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<ProfileType>,
}

/// Cluster profile update request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileUpdateEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    /// Cluster profile update spec.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileUpdateEntitySpec>,
}

/// Cluster profile update spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileUpdateEntitySpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<ClusterProfileTemplateUpdate>,
    /// Cluster profile version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Cluster profile with version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfileVersion {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Spectro cluster filter summary spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilesFilterSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<ClusterProfileFilterSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<ClusterProfileSortSpec>>,
}

/// Wire model 'v1ClusterProfilesMetadata'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilesMetadata {
    pub items: Vec<ClusterProfileMetadata>,
}

/// Wire model 'v1ClusterProfilesSummary'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterProfilesSummary {
    pub items: Vec<ClusterProfileSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1FilterArray'.
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

/// Wire model 'v1FilterVersionString'.
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

/// Published manifest object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestData {
    /// Manifest content in yaml.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Manifest digest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// Wire model 'v1ManifestEntities'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestEntities {
    /// Manifests array.
    pub items: Vec<ManifestEntity>,
}

/// Manifest object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ManifestSpec>,
}

/// Manifest request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestInputEntity {
    /// Manifest content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Manifest name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Manifest update request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestRefUpdateEntity {
    /// Manifest content in yaml.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Manifest name.
    pub name: String,
    /// Manifest uid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Manifest spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManifestSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<ManifestData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<ManifestData>,
}

/// Cluster profile metadata request payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileMetaEntity {
    pub metadata: ObjectMetaInputEntity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<ClusterProfileSpecEntity>,
}

/// Wire model 'v1ProfileStatus'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileStatus {
    /// If it is true then profile pack values has a reference to user defined macros.
    #[serde(rename = "hasUserMacros", skip_serializing_if = "Option::is_none")]
    pub has_user_macros: Option<bool>,
}

/// Edge host clusterprofile template summary.
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

/// Closed set of values of 'v1ProfileType'.
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

/// Unique variable field with schema definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variable {
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
}

/// Format type of the variable value.
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

/// Input type for the variable.
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

/// Wire model 'v1VariableNames'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VariableNames {
    /// Array of variable names.
    pub variables: Vec<String>,
}

/// Option for dropdown variable input type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VariableOption {
    /// Mark this option as the default selection.
    #[serde(rename = "default", skip_serializing_if = "Option::is_none")]
    pub default_: Option<bool>,
    /// Optional tooltip/description for the option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Display text for the option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Actual value for the option.
    pub value: String,
}

/// Wire model 'v1Variables'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variables {
    /// List of unique variable fields with schema constraints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<Vec<Variable>>,
}

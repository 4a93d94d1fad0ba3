//! Day-2 settings of a cluster that have endpoints of their own: repave approval, the apply
//! state of a profile change, agent upgrades, OS patching and the time zone.

use serde::{Deserialize, Serialize};

use crate::models::{ObjectMeta, OsPatchConfig, Time};

/// The wire model `v1SpectroClusterRepave`: why the cluster's nodes would be replaced, and
/// whether someone approved it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterRepave {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<SpectroClusterRepaveSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SpectroClusterRepaveStatus>,
}

/// The wire model `v1SpectroClusterRepaveSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterRepaveSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Vec<SpectroClusterRepaveReason>>,
    /// `user`, `hubble`, `palette` or `stylus`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(rename = "spectroClusterUid", skip_serializing_if = "Option::is_none")]
    pub spectro_cluster_uid: Option<String>,
}

/// The wire model `v1SpectroClusterRepaveReason` (the pack diff is kept as JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterRepaveReason {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<serde_json::Value>,
}

/// The wire model `v1SpectroClusterRepaveStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterRepaveStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(
        rename = "repaveTransitionTime",
        skip_serializing_if = "Option::is_none"
    )]
    pub repave_transition_time: Option<Time>,
    /// `Pending`, `Approved` or `Reverted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The wire model `v1ClusterUpgradeSettingsEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterUpgradeSettingsEntity {
    /// `lock` (agent upgrades paused) or `unlock`.
    #[serde(rename = "spectroComponents", skip_serializing_if = "Option::is_none")]
    pub spectro_components: Option<String>,
}

/// The wire model `v1OsPatchEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OsPatchEntity {
    #[serde(rename = "osPatchConfig", skip_serializing_if = "Option::is_none")]
    pub os_patch_config: Option<OsPatchConfig>,
}

/// The wire model `v1TimezoneUpdateEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimezoneUpdateEntity {
    pub timezone: String,
}

/// The annotation on a cluster that says its agent upgrades are paused (`"true"`).
pub const UPGRADE_FORBIDDEN_ANNOTATION: &str = "spectroComponentsUpgradeForbidden";

/// The wire model `v1ClusterMetaAttributeEntity`: free-form metadata Palette keeps on the
/// cluster for tools to read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterMetaAttributeEntity {
    #[serde(
        rename = "clusterMetaAttribute",
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_meta_attribute: Option<String>,
}

/// The wire model `v1HostClusterConfigEntity`: whether the cluster hosts virtual clusters, and
/// how their API servers are exposed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HostClusterConfigEntity {
    #[serde(rename = "hostClusterConfig", skip_serializing_if = "Option::is_none")]
    pub host_cluster_config: Option<HostClusterConfig>,
}

/// The wire model `v1HostClusterConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HostClusterConfig {
    #[serde(rename = "clusterEndpoint", skip_serializing_if = "Option::is_none")]
    pub cluster_endpoint: Option<HostClusterEndpoint>,
    #[serde(rename = "clusterGroup", skip_serializing_if = "Option::is_none")]
    pub cluster_group: Option<crate::models::ObjectReference>,
    #[serde(rename = "hostCluster", skip_serializing_if = "Option::is_none")]
    pub host_cluster: Option<crate::models::ObjectReference>,
    #[serde(rename = "isHostCluster", skip_serializing_if = "Option::is_none")]
    pub is_host_cluster: Option<bool>,
}

/// The wire model `v1HostClusterEndpoint`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HostClusterEndpoint {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<HostClusterEndpointConfig>,
    /// `Ingress` or `LoadBalancer`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1HostClusterEndpointConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HostClusterEndpointConfig {
    #[serde(rename = "ingressConfig", skip_serializing_if = "Option::is_none")]
    pub ingress_config: Option<IngressConfig>,
    #[serde(rename = "loadBalancerConfig", skip_serializing_if = "Option::is_none")]
    pub load_balancer_config: Option<LoadBalancerConfig>,
}

/// The wire model `v1IngressConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IngressConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i64>,
}

/// The wire model `v1LoadBalancerConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoadBalancerConfig {
    #[serde(rename = "externalIPs", skip_serializing_if = "Option::is_none")]
    pub external_ips: Option<Vec<String>>,
    #[serde(
        rename = "externalTrafficPolicy",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_traffic_policy: Option<String>,
    #[serde(
        rename = "loadBalancerSourceRanges",
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_source_ranges: Option<Vec<String>>,
}

/// The wire model `v1MachineCertificates`: the Kubernetes certificates of every control-plane
/// node of a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineCertificates {
    #[serde(
        rename = "machineCertificates",
        skip_serializing_if = "Option::is_none"
    )]
    pub machine_certificates: Option<Vec<MachineCertificate>>,
}

/// The wire model `v1MachineCertificate`: one control-plane node's certificate authorities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineCertificate {
    #[serde(
        rename = "certificateAuthorities",
        skip_serializing_if = "Option::is_none"
    )]
    pub certificate_authorities: Option<Vec<CertificateAuthority>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1CertificateAuthority`: a CA and the certificates it signed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificateAuthority {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificates: Option<Vec<Certificate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1Certificate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Certificate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The wire model `v1ClusterLocation`: where a cluster is, for Palette's map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterLocation {
    #[serde(rename = "countryCode", skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(rename = "countryName", skip_serializing_if = "Option::is_none")]
    pub country_name: Option<String>,
    #[serde(rename = "geoLoc", skip_serializing_if = "Option::is_none")]
    pub geo_loc: Option<GeolocationLatlong>,
    #[serde(rename = "regionCode", skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(rename = "regionName", skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// The wire model `v1GeolocationLatlong`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GeolocationLatlong {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

/// The wire model `v1SpectroClusterLocationInputEntity`: the body of a location update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpectroClusterLocationInputEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<ClusterLocation>,
}

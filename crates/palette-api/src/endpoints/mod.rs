//! Typed calls, one module per API resource, as `impl Client` blocks.
//!
//! Every call takes the [`Scope`](crate::Scope) it runs in. Paged lists are fetched whole
//! (50 per page, following `listmeta.continue`). Creates return the new uid; the
//! `*_idempotent` variants never create a duplicate (see
//! [`Client::create_with_lookup`](crate::Client::create_with_lookup)).

mod aws_network;
mod cloud_account;
mod cloud_config;
mod cluster;
mod cluster_profile;
mod cluster_settings;
mod cluster_template;
mod edge_host;
mod event;
mod gateway;
mod location;
mod pack;
mod registry;
mod ssh_key;

pub use cloud_account::CloudAccountKind;
pub use cluster::{ClusterCreate, ClusterQuery, KubeconfigKind, cluster_name_filter};
pub use cluster_settings::ClusterSettings;
pub use location::{Location, LocationKind};
pub use pack::{PackListQuery, PackTagQuery};
pub use registry::RegistryKind;

/// An environment's cloud type, as it appears in create, cloud config and machine pool paths.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CloudType {
    /// AWS (IaaS).
    Aws,
    /// AWS EKS.
    Eks,
    /// Azure (IaaS).
    Azure,
    /// Azure AKS.
    Aks,
    /// Google Cloud (IaaS).
    Gcp,
    /// Google GKE.
    Gke,
    /// VMware vSphere.
    Vsphere,
    /// Canonical MAAS.
    Maas,
    /// Edge native.
    EdgeNative,
    /// OpenStack (legacy spec).
    Openstack,
    /// Tencent TKE (legacy spec).
    Tke,
    /// A custom cloud type such as `nutanix`, served under `/cloudTypes/{name}`.
    Custom(String),
}

impl CloudType {
    /// Parses an environment key or API cloud type (`edge_native` and `edge-native` both work;
    /// unknown names are custom cloud types).
    pub fn parse(name: &str) -> CloudType {
        match name {
            "aws" => CloudType::Aws,
            "eks" => CloudType::Eks,
            "azure" => CloudType::Azure,
            "aks" => CloudType::Aks,
            "gcp" => CloudType::Gcp,
            "gke" => CloudType::Gke,
            "vsphere" => CloudType::Vsphere,
            "maas" => CloudType::Maas,
            "edge-native" | "edge_native" => CloudType::EdgeNative,
            "openstack" => CloudType::Openstack,
            "tke" => CloudType::Tke,
            other => CloudType::Custom(other.to_owned()),
        }
    }

    /// The API's name for this cloud type (`spec.cloudType`).
    pub fn as_str(&self) -> &str {
        match self {
            CloudType::Aws => "aws",
            CloudType::Eks => "eks",
            CloudType::Azure => "azure",
            CloudType::Aks => "aks",
            CloudType::Gcp => "gcp",
            CloudType::Gke => "gke",
            CloudType::Vsphere => "vsphere",
            CloudType::Maas => "maas",
            CloudType::EdgeNative => "edge-native",
            CloudType::Openstack => "openstack",
            CloudType::Tke => "tke",
            CloudType::Custom(name) => name,
        }
    }

    /// Whether this is a custom cloud type (`/cloudTypes/{name}` paths).
    pub fn is_custom(&self) -> bool {
        matches!(self, CloudType::Custom(_))
    }

    /// Path segments after `/v1/spectroclusters` or `/v1/cloudconfigs`.
    /// Whether the cloud's machine list (`GET .../machinePools/{name}/machines`) is paged: the
    /// spec gives edge-native's and OpenStack's no `limit` or `continue`.
    pub(crate) fn pages_machines(&self) -> bool {
        !matches!(self, CloudType::EdgeNative | CloudType::Openstack)
    }

    pub(crate) fn segments(&self) -> Vec<&str> {
        match self {
            CloudType::Custom(name) => vec!["cloudTypes", name],
            other => vec![other.as_str()],
        }
    }
}

impl std::fmt::Display for CloudType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_types_round_trip_and_build_paths() {
        for name in [
            "aws",
            "eks",
            "azure",
            "aks",
            "gcp",
            "gke",
            "vsphere",
            "maas",
            "edge-native",
            "openstack",
            "tke",
            "nutanix",
        ] {
            assert_eq!(CloudType::parse(name).as_str(), name);
        }
        assert_eq!(CloudType::parse("edge_native"), CloudType::EdgeNative);
        assert_eq!(
            CloudType::parse("nutanix").segments(),
            vec!["cloudTypes", "nutanix"]
        );
        assert_eq!(CloudType::EdgeNative.segments(), vec!["edge-native"]);
    }
}

//! The twelve environments by name: the key used in HCL and the cloud type the API uses.
//!
//! Only names live here. What each environment needs to deploy a cluster (its block, its
//! machine pools, its create path) lives in `src/environments/`.

use std::fmt;

/// An environment a stack can be deployed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Environment {
    /// AWS (IaaS).
    Aws,
    /// Azure (IaaS).
    Azure,
    /// Google Cloud (IaaS).
    Gcp,
    /// Tencent TKE.
    Tke,
    /// AWS EKS.
    Eks,
    /// Azure AKS.
    Aks,
    /// Google GKE.
    Gke,
    /// VMware vSphere.
    Vsphere,
    /// Nutanix.
    Nutanix,
    /// OpenStack.
    Openstack,
    /// Canonical MAAS (bare metal).
    Maas,
    /// Edge.
    EdgeNative,
}

/// Every environment, in the order of the contract's table.
pub const ALL: [Environment; 12] = [
    Environment::Aws,
    Environment::Azure,
    Environment::Gcp,
    Environment::Tke,
    Environment::Eks,
    Environment::Aks,
    Environment::Gke,
    Environment::Vsphere,
    Environment::Nutanix,
    Environment::Openstack,
    Environment::Maas,
    Environment::EdgeNative,
];

impl Environment {
    /// The name in HCL: the block on `palette_cluster` and the value of a profile's `environment`.
    pub fn key(self) -> &'static str {
        match self {
            Environment::Aws => "aws",
            Environment::Azure => "azure",
            Environment::Gcp => "gcp",
            Environment::Tke => "tke",
            Environment::Eks => "eks",
            Environment::Aks => "aks",
            Environment::Gke => "gke",
            Environment::Vsphere => "vsphere",
            Environment::Nutanix => "nutanix",
            Environment::Openstack => "openstack",
            Environment::Maas => "maas",
            Environment::EdgeNative => "edge_native",
        }
    }

    /// The API's cloud type (`spec.template.cloudType`, a pack's `cloudTypes`).
    pub fn cloud_type(self) -> &'static str {
        match self {
            Environment::EdgeNative => "edge-native",
            other => other.key(),
        }
    }

    /// A name for people, as in messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Environment::Aws => "AWS",
            Environment::Azure => "Azure",
            Environment::Gcp => "Google Cloud",
            Environment::Tke => "Tencent TKE",
            Environment::Eks => "AWS EKS",
            Environment::Aks => "Azure AKS",
            Environment::Gke => "Google GKE",
            Environment::Vsphere => "VMware vSphere",
            Environment::Nutanix => "Nutanix",
            Environment::Openstack => "OpenStack",
            Environment::Maas => "Canonical MAAS",
            Environment::EdgeNative => "Edge",
        }
    }

    /// The environment for an HCL key, exactly as written.
    pub fn from_key(key: &str) -> Option<Environment> {
        ALL.into_iter().find(|environment| environment.key() == key)
    }

    /// The environment for an API cloud type.
    pub fn from_cloud_type(cloud_type: &str) -> Option<Environment> {
        ALL.into_iter()
            .find(|environment| environment.cloud_type() == cloud_type)
    }

    /// The environment whose cloud accounts carry API kind `kind`: the cloud type, except that
    /// `tencent` accounts serve TKE.
    pub fn from_account_kind(kind: &str) -> Option<Environment> {
        match kind {
            "tencent" => Some(Environment::Tke),
            other => Environment::from_cloud_type(other),
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Where a profile may be used: one environment, or all of them (add-on profiles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Any environment; HCL and API both say `all`.
    All,
    /// One environment.
    Only(Environment),
}

impl Scope {
    /// Parses a profile's `environment` attribute: an environment key or `all`.
    ///
    /// # Errors
    ///
    /// Names the accepted values when the key is unknown.
    pub fn from_key(key: &str) -> Result<Scope, UnknownEnvironment> {
        if key == "all" {
            return Ok(Scope::All);
        }
        Environment::from_key(key)
            .map(Scope::Only)
            .ok_or_else(|| UnknownEnvironment(key.to_owned()))
    }

    /// Parses the API's cloud type of a profile (`all` or an environment's cloud type).
    ///
    /// # Errors
    ///
    /// When the cloud type is not one of ours (a custom cloud, for example).
    pub fn from_cloud_type(cloud_type: &str) -> Result<Scope, UnknownEnvironment> {
        if cloud_type == "all" {
            return Ok(Scope::All);
        }
        Environment::from_cloud_type(cloud_type)
            .map(Scope::Only)
            .ok_or_else(|| UnknownEnvironment(cloud_type.to_owned()))
    }

    /// The HCL value.
    pub fn key(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Only(environment) => environment.key(),
        }
    }

    /// The API cloud type.
    pub fn cloud_type(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Only(environment) => environment.cloud_type(),
        }
    }
}

/// An environment name that is not one of the twelve (nor `all`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown environment {0:?}; expected all or one of {keys}", keys = all_keys())]
pub struct UnknownEnvironment(pub String);

/// The accepted keys, comma-separated, for messages and schema descriptions.
pub fn all_keys() -> String {
    ALL.iter()
        .map(|environment| environment.key())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_kinds_map_to_environments() {
        assert_eq!(
            Environment::from_account_kind("tencent"),
            Some(Environment::Tke)
        );
        assert_eq!(
            Environment::from_account_kind("aws"),
            Some(Environment::Aws)
        );
        assert_eq!(
            Environment::from_account_kind("nutanix"),
            Some(Environment::Nutanix)
        );
        assert_eq!(Environment::from_account_kind("mystery"), None);
    }

    #[test]
    fn keys_and_cloud_types_round_trip() {
        for environment in ALL {
            assert_eq!(Environment::from_key(environment.key()), Some(environment));
            assert_eq!(
                Environment::from_cloud_type(environment.cloud_type()),
                Some(environment)
            );
            assert_eq!(
                Scope::from_key(environment.key()),
                Ok(Scope::Only(environment))
            );
        }
    }

    #[test]
    fn the_twelve_names_of_the_contract() {
        let cases: [(&str, &str); 12] = [
            ("aws", "aws"),
            ("azure", "azure"),
            ("gcp", "gcp"),
            ("tke", "tke"),
            ("eks", "eks"),
            ("aks", "aks"),
            ("gke", "gke"),
            ("vsphere", "vsphere"),
            ("nutanix", "nutanix"),
            ("openstack", "openstack"),
            ("maas", "maas"),
            ("edge_native", "edge-native"),
        ];
        for (key, cloud_type) in cases {
            let environment =
                Environment::from_key(key).unwrap_or_else(|| panic!("{key} is an environment"));
            assert_eq!(environment.cloud_type(), cloud_type, "{key}");
        }
    }

    #[test]
    fn spellings_of_the_other_side_are_refused() {
        assert_eq!(Environment::from_key("edge-native"), None);
        assert_eq!(Environment::from_cloud_type("edge_native"), None);
        assert_eq!(Environment::from_key("AWS"), None);
        assert_eq!(Scope::from_key("all"), Ok(Scope::All));
        assert_eq!(Scope::from_cloud_type("all"), Ok(Scope::All));
        let error = Scope::from_key("libvirt").expect_err("libvirt is not ours");
        assert_eq!(
            error.to_string(),
            "unknown environment \"libvirt\"; expected all or one of aws, azure, gcp, tke, eks, aks, gke, \
             vsphere, nutanix, openstack, maas, edge_native"
        );
    }
}

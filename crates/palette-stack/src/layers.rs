//! Layer rules: which packs a cluster profile may hold, and in which order.
//!
//! A stack is built bottom-up: operating system, Kubernetes, network (CNI), storage (CSI), then
//! add-ons. The rules, from Palette's documentation and API:
//!
//! - A **full** profile (API type `cluster`) holds exactly one os, k8s, cni and csi pack, in that
//!   order, then any number of add-on packs.
//! - An **infra** profile holds exactly those four core packs and no add-on: Palette documents the
//!   infrastructure profile as the core layers, and add-ons go in a full or add-on profile.
//! - An **add-on** profile holds one or more add-on packs and no core pack.
//! - Pack names are unique within a profile.
//! - A full or infra profile targets one environment; an add-on profile may target `all`.
//! - A pack made for other environments is refused: its cloud types must include the profile's
//!   environment or `all`. A pack with no cloud types, and any pack in an `all` profile, passes
//!   (nothing to check against; the cluster's environment is checked when it is deployed).
//!
//! [`check_stack`] reports every broken rule at once, each with an actionable message.
//!
//! A cluster stacks several profiles; [`check_cluster_stack`] checks them together:
//!
//! - Exactly one full or infra profile gives the core layers; any number of add-on profiles add
//!   to it.
//! - Each profile targets the cluster's environment, or `all`.
//! - A pack name appears once in the whole stack: Palette names a cluster's layers by pack name
//!   (so does the `palette_pack` import ID, `CLUSTER_UID/PACK_NAME`).

use std::fmt;

use super::environment_names::{Environment, Scope};

/// The layer a pack fills in a stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// Operating system.
    Os,
    /// Kubernetes distribution.
    K8s,
    /// Container network interface.
    Cni,
    /// Container storage interface.
    Csi,
    /// Anything above the core: monitoring, ingress, manifests, Helm charts.
    Addon,
}

/// The core layers, in stack order.
pub const CORE_LAYERS: [Layer; 4] = [Layer::Os, Layer::K8s, Layer::Cni, Layer::Csi];

impl Layer {
    /// The name used in state (`layer` attribute) and by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Os => "os",
            Layer::K8s => "k8s",
            Layer::Cni => "cni",
            Layer::Csi => "csi",
            Layer::Addon => "addon",
        }
    }

    /// Parses the API's `v1PackLayer`.
    ///
    /// The API also knows a `kernel` layer, from early Palette; a kernel is part of the node's
    /// operating system image, so it reads as [`Layer::Os`].
    ///
    /// # Errors
    ///
    /// For any other string.
    pub fn from_api(text: &str) -> Result<Layer, UnknownLayer> {
        match text {
            "os" | "kernel" => Ok(Layer::Os),
            "k8s" => Ok(Layer::K8s),
            "cni" => Ok(Layer::Cni),
            "csi" => Ok(Layer::Csi),
            "addon" => Ok(Layer::Addon),
            other => Err(UnknownLayer(other.to_owned())),
        }
    }

    /// Whether this is one of the four core layers.
    pub fn is_core(self) -> bool {
        self != Layer::Addon
    }

    /// A description for messages: "an os pack", "an add-on pack".
    fn with_article(self) -> &'static str {
        match self {
            Layer::Os => "an os pack",
            Layer::K8s => "a k8s pack",
            Layer::Cni => "a cni pack",
            Layer::Csi => "a csi pack",
            Layer::Addon => "an add-on pack",
        }
    }

    /// "the csi pack", "the add-on pack".
    fn with_the(self) -> String {
        match self {
            Layer::Addon => "the add-on pack".to_owned(),
            core => format!("the {} pack", core.as_str()),
        }
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A layer name the API sent that we do not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown pack layer {0:?}; expected os, k8s, cni, csi, addon or kernel")]
pub struct UnknownLayer(pub String);

/// The kind of a cluster profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileType {
    /// Core layers and add-ons; HCL `full`, API `cluster`.
    Full,
    /// Core layers only; `infra` in both.
    Infra,
    /// Add-ons only; `add-on` in both.
    AddOn,
}

impl ProfileType {
    /// Every type, for validators and docs.
    pub const ALL: [ProfileType; 3] = [ProfileType::Full, ProfileType::Infra, ProfileType::AddOn];

    /// The HCL value of `type`.
    pub fn hcl_name(self) -> &'static str {
        match self {
            ProfileType::Full => "full",
            ProfileType::Infra => "infra",
            ProfileType::AddOn => "add-on",
        }
    }

    /// The API's `v1ProfileType`.
    pub fn api_name(self) -> &'static str {
        match self {
            ProfileType::Full => "cluster",
            ProfileType::Infra => "infra",
            ProfileType::AddOn => "add-on",
        }
    }

    /// Parses the HCL value.
    ///
    /// # Errors
    ///
    /// Names the accepted values.
    pub fn from_hcl(text: &str) -> Result<ProfileType, UnknownProfileType> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.hcl_name() == text)
            .ok_or_else(|| UnknownProfileType {
                text: text.to_owned(),
                expected: "full, infra or add-on",
            })
    }

    /// Parses the API value. The API's `system` type (profiles of Palette's own clusters) is not
    /// one a user manages, so it is refused.
    ///
    /// # Errors
    ///
    /// Names the accepted values.
    pub fn from_api(text: &str) -> Result<ProfileType, UnknownProfileType> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.api_name() == text)
            .ok_or_else(|| UnknownProfileType {
                text: text.to_owned(),
                expected: "cluster, infra or add-on",
            })
    }

    /// "a full profile", "an infra profile", "an add-on profile".
    fn with_article(self) -> &'static str {
        match self {
            ProfileType::Full => "a full profile",
            ProfileType::Infra => "an infra profile",
            ProfileType::AddOn => "an add-on profile",
        }
    }

    /// Whether profiles of this type hold the four core layers.
    pub fn has_core_layers(self) -> bool {
        self != ProfileType::AddOn
    }
}

impl fmt::Display for ProfileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.hcl_name())
    }
}

/// A profile type name that is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown profile type {text:?}; expected {expected}")]
pub struct UnknownProfileType {
    /// The text as given.
    pub text: String,
    /// The accepted values.
    pub expected: &'static str,
}

/// What [`check_stack`] needs to know about one pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackLayerInfo<'a> {
    /// The pack's name in the profile.
    pub name: &'a str,
    /// The layer it fills.
    pub layer: Layer,
    /// The API cloud types it is made for (`aws`, `edge-native`, `all`); empty when unknown.
    pub environments: &'a [String],
    /// Its position in the profile's `pack` list, counted from 0.
    pub index: usize,
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackIssue {
    /// The pack at fault, when one is; `None` for the profile as a whole (a missing layer).
    pub index: Option<usize>,
    /// What is wrong and what to do, as one sentence without a trailing dot.
    pub message: String,
}

impl fmt::Display for StackIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

const ORDER: &str = "order is os, k8s, cni, csi, then add-ons";

/// Checks a profile's packs against the layer rules; empty when all hold.
///
/// Issues come in the order of the packs they name, profile-wide ones last.
pub fn check_stack(
    profile_type: ProfileType,
    packs: &[PackLayerInfo<'_>],
    environment: Scope,
) -> Vec<StackIssue> {
    let mut issues = Vec::new();
    let issue = |index: Option<usize>, message: String| StackIssue { index, message };
    let label = |pack: &PackLayerInfo<'_>| format!("pack[{}] {:?}", pack.index, pack.name);

    // The pack that holds the highest layer so far, to report packs out of order.
    let mut highest: Option<&PackLayerInfo<'_>> = None;
    for (position, pack) in packs.iter().enumerate() {
        if let Some(first) = packs[..position]
            .iter()
            .find(|other| other.name == pack.name)
        {
            issues.push(issue(
                Some(pack.index),
                format!(
                    "{} uses the same name as pack[{}]; pack names must be unique in a profile",
                    label(pack),
                    first.index
                ),
            ));
        }

        match profile_type {
            ProfileType::AddOn if pack.layer.is_core() => issues.push(issue(
                Some(pack.index),
                format!(
                    "{} is {}, but an add-on profile holds only add-on packs; put the core layers \
                     in a full or infra profile",
                    label(pack),
                    pack.layer.with_article()
                ),
            )),
            ProfileType::Infra if !pack.layer.is_core() => issues.push(issue(
                Some(pack.index),
                format!(
                    "{} is an add-on pack, but an infra profile holds only the os, k8s, cni and csi \
                     layers; use a full profile, or put add-ons in an add-on profile",
                    label(pack)
                ),
            )),
            ProfileType::Full | ProfileType::Infra if pack.layer.is_core() => {
                if let Some(first) = packs[..position].iter().find(|other| other.layer == pack.layer) {
                    issues.push(issue(
                        Some(pack.index),
                        format!(
                            "{} is a second {} pack after pack[{}] {:?}; a profile takes one pack per \
                             core layer",
                            label(pack),
                            pack.layer,
                            first.index,
                            first.name
                        ),
                    ));
                } else if let Some(above) = highest.filter(|above| above.layer > pack.layer) {
                    issues.push(issue(
                        Some(pack.index),
                        format!(
                            "{} is {} but comes after {} {:?}; {ORDER}",
                            label(pack),
                            pack.layer.with_article(),
                            above.layer.with_the(),
                            above.name
                        ),
                    ));
                }
            }
            _ => {}
        }
        if highest.is_none_or(|above| pack.layer > above.layer) {
            highest = Some(pack);
        }

        if let Scope::Only(target) = environment {
            let fits = pack.environments.is_empty()
                || pack
                    .environments
                    .iter()
                    .any(|cloud| cloud == "all" || cloud == target.cloud_type());
            if !fits {
                issues.push(issue(
                    Some(pack.index),
                    format!(
                        "{} is made for {}, not for {}; pick a pack built for {}",
                        label(pack),
                        pack.environments.join(", "),
                        target.cloud_type(),
                        target.display_name()
                    ),
                ));
            }
        }
    }

    if profile_type.has_core_layers() {
        if environment == Scope::All {
            issues.push(issue(
                None,
                format!(
                    "{} deploys a cluster on one environment, so environment cannot be \"all\"; \
                     name the environment, or make an add-on profile",
                    profile_type.with_article()
                ),
            ));
        }
        let missing: Vec<&str> = CORE_LAYERS
            .into_iter()
            .filter(|layer| !packs.iter().any(|pack| pack.layer == *layer))
            .map(Layer::as_str)
            .collect();
        if !missing.is_empty() {
            issues.push(issue(
                None,
                format!(
                    "the profile has no {} pack; {} needs one os, k8s, cni and csi pack, in that order",
                    join_or(&missing),
                    profile_type.with_article()
                ),
            ));
        }
    } else if packs.is_empty() {
        issues.push(issue(
            None,
            "an add-on profile needs at least one pack".to_owned(),
        ));
    }
    issues
}

/// What [`check_cluster_stack`] needs to know about one profile of a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileInfo<'a> {
    /// The profile's name, for messages.
    pub name: &'a str,
    /// Its type.
    pub profile_type: ProfileType,
    /// The environment it targets.
    pub environment: Scope,
    /// The names of its packs.
    pub pack_names: &'a [String],
    /// Its position in the cluster's `cluster_profile` list, counted from 0.
    pub index: usize,
}

/// Checks the profiles of a cluster on `environment` together; empty when all rules hold.
/// Issues name the profile at fault by its index.
pub fn check_cluster_stack(
    environment: Environment,
    profiles: &[ProfileInfo<'_>],
) -> Vec<StackIssue> {
    let mut issues = Vec::new();
    let label = |profile: &ProfileInfo<'_>| {
        format!("cluster_profile[{}] {:?}", profile.index, profile.name)
    };
    let mut core: Option<&ProfileInfo<'_>> = None;
    for (position, profile) in profiles.iter().enumerate() {
        if profile.profile_type.has_core_layers() {
            match core {
                Some(first) => issues.push(StackIssue {
                    index: Some(profile.index),
                    message: format!(
                        "{} is a second {} profile after {}; a cluster takes one full or infra profile \
                         for its core layers, plus any number of add-on profiles",
                        label(profile),
                        profile.profile_type,
                        label(first)
                    ),
                }),
                None => core = Some(profile),
            }
        }
        if let Scope::Only(target) = profile.environment
            && target != environment
        {
            issues.push(StackIssue {
                index: Some(profile.index),
                message: format!(
                    "{} is made for {}, but the cluster runs on {}; use a profile for {} or for all",
                    label(profile),
                    target.key(),
                    environment.key(),
                    environment.key()
                ),
            });
        }
        for pack in profile.pack_names {
            let earlier = profiles[..position]
                .iter()
                .find(|other| other.pack_names.contains(pack));
            if let Some(other) = earlier {
                issues.push(StackIssue {
                    index: Some(profile.index),
                    message: format!(
                        "pack {pack:?} is in both {} and {}; a cluster names its layers by pack \
                         name, so each pack name can appear once",
                        label(other),
                        label(profile)
                    ),
                });
            }
        }
    }
    if core.is_none() {
        issues.push(StackIssue {
            index: None,
            message: "the cluster has no full or infra profile; add one for the os, k8s, cni and csi layers".to_owned(),
        });
    }
    issues
}

/// "a", "a or b", "a, b or c".
fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::environment_names::Environment;

    /// A pack as (name, layer, cloud types).
    type PackSpec<'a> = (&'a str, Layer, &'a [&'a str]);

    /// Builds pack infos from specs; indexes follow the order.
    fn with_packs<R>(packs: &[PackSpec<'_>], check: impl FnOnce(&[PackLayerInfo<'_>]) -> R) -> R {
        let environments: Vec<Vec<String>> = packs
            .iter()
            .map(|(_, _, clouds)| clouds.iter().map(|c| (*c).to_owned()).collect())
            .collect();
        let infos: Vec<PackLayerInfo<'_>> = packs
            .iter()
            .zip(&environments)
            .enumerate()
            .map(|(index, ((name, layer, _), environments))| PackLayerInfo {
                name,
                layer: *layer,
                environments,
                index,
            })
            .collect();
        check(&infos)
    }

    const AWS: &[&str] = &["aws"];
    const ALL_CLOUDS: &[&str] = &["all"];
    const OS: (&str, Layer, &[&str]) = ("ubuntu-aws", Layer::Os, AWS);
    const K8S: (&str, Layer, &[&str]) = ("kubernetes", Layer::K8s, &["aws", "azure", "vsphere"]);
    const CNI: (&str, Layer, &[&str]) = ("cni-calico", Layer::Cni, AWS);
    const CSI: (&str, Layer, &[&str]) = ("csi-aws-ebs", Layer::Csi, &["aws", "eks"]);
    const NGINX: (&str, Layer, &[&str]) = ("nginx", Layer::Addon, ALL_CLOUDS);
    const PROM: (&str, Layer, &[&str]) = ("prometheus-operator", Layer::Addon, ALL_CLOUDS);

    fn aws() -> Scope {
        Scope::Only(Environment::Aws)
    }

    #[test]
    fn valid_stacks() {
        let cases: Vec<(&str, ProfileType, Vec<PackSpec<'_>>, Scope)> = vec![
            (
                "full core only",
                ProfileType::Full,
                vec![OS, K8S, CNI, CSI],
                aws(),
            ),
            (
                "full with add-ons",
                ProfileType::Full,
                vec![OS, K8S, CNI, CSI, NGINX, PROM],
                aws(),
            ),
            ("infra", ProfileType::Infra, vec![OS, K8S, CNI, CSI], aws()),
            (
                "add-on for all",
                ProfileType::AddOn,
                vec![NGINX, PROM],
                Scope::All,
            ),
            (
                "add-on for one environment",
                ProfileType::AddOn,
                vec![NGINX],
                aws(),
            ),
            (
                "add-on for all with an eks-only pack",
                ProfileType::AddOn,
                vec![("karpenter", Layer::Addon, &["eks"])],
                Scope::All,
            ),
            (
                "pack with unknown clouds",
                ProfileType::AddOn,
                vec![("my-manifest", Layer::Addon, &[])],
                aws(),
            ),
            (
                "edge-native cloud type",
                ProfileType::Infra,
                vec![
                    ("edge-native-byoi", Layer::Os, &["edge-native"]),
                    ("edge-k3s", Layer::K8s, &["edge-native"]),
                    ("cni-cilium-oss", Layer::Cni, &["aws", "edge-native"]),
                    ("piraeus-operator", Layer::Csi, &["edge-native"]),
                ],
                Scope::Only(Environment::EdgeNative),
            ),
        ];
        for (name, profile_type, packs, scope) in cases {
            let issues = with_packs(&packs, |infos| check_stack(profile_type, infos, scope));
            assert_eq!(issues, Vec::new(), "{name}");
        }
    }

    #[test]
    fn every_broken_rule_is_reported() {
        type Case<'a> = (
            &'a str,
            ProfileType,
            Vec<PackSpec<'a>>,
            Scope,
            Vec<(Option<usize>, &'a str)>,
        );
        let cases: Vec<Case<'_>> = vec![
            (
                "cni after csi",
                ProfileType::Full,
                vec![OS, K8S, CSI, ("calico", Layer::Cni, AWS)],
                aws(),
                vec![(
                    Some(3),
                    "pack[3] \"calico\" is a cni pack but comes after the csi pack \"csi-aws-ebs\"; order is os, k8s, cni, csi, then add-ons",
                )],
            ),
            (
                "core pack after an add-on",
                ProfileType::Full,
                vec![OS, K8S, CNI, NGINX, CSI],
                aws(),
                vec![(
                    Some(4),
                    "pack[4] \"csi-aws-ebs\" is a csi pack but comes after the add-on pack \"nginx\"; order is os, k8s, cni, csi, then add-ons",
                )],
            ),
            (
                "os last",
                ProfileType::Infra,
                vec![K8S, CNI, CSI, OS],
                aws(),
                vec![(
                    Some(3),
                    "pack[3] \"ubuntu-aws\" is an os pack but comes after the csi pack \"csi-aws-ebs\"; order is os, k8s, cni, csi, then add-ons",
                )],
            ),
            (
                "two cni packs",
                ProfileType::Full,
                vec![OS, K8S, CNI, ("cni-cilium-oss", Layer::Cni, AWS), CSI],
                aws(),
                vec![(
                    Some(3),
                    "pack[3] \"cni-cilium-oss\" is a second cni pack after pack[2] \"cni-calico\"; a profile takes one pack per core layer",
                )],
            ),
            (
                "missing csi",
                ProfileType::Full,
                vec![OS, K8S, CNI, NGINX],
                aws(),
                vec![(
                    None,
                    "the profile has no csi pack; a full profile needs one os, k8s, cni and csi pack, in that order",
                )],
            ),
            (
                "missing os and k8s",
                ProfileType::Infra,
                vec![CNI, CSI],
                aws(),
                vec![(
                    None,
                    "the profile has no os or k8s pack; an infra profile needs one os, k8s, cni and csi pack, in that order",
                )],
            ),
            (
                "empty full profile",
                ProfileType::Full,
                vec![],
                aws(),
                vec![(
                    None,
                    "the profile has no os, k8s, cni or csi pack; a full profile needs one os, k8s, cni and csi pack, in that order",
                )],
            ),
            (
                "add-on in infra",
                ProfileType::Infra,
                vec![OS, K8S, CNI, CSI, NGINX],
                aws(),
                vec![(
                    Some(4),
                    "pack[4] \"nginx\" is an add-on pack, but an infra profile holds only the os, k8s, cni and csi layers; use a full profile, or put add-ons in an add-on profile",
                )],
            ),
            (
                "core pack in add-on profile",
                ProfileType::AddOn,
                vec![NGINX, OS],
                aws(),
                vec![(
                    Some(1),
                    "pack[1] \"ubuntu-aws\" is an os pack, but an add-on profile holds only add-on packs; put the core layers in a full or infra profile",
                )],
            ),
            (
                "empty add-on profile",
                ProfileType::AddOn,
                vec![],
                Scope::All,
                vec![(None, "an add-on profile needs at least one pack")],
            ),
            (
                "duplicate names",
                ProfileType::AddOn,
                vec![NGINX, PROM, NGINX],
                Scope::All,
                vec![(
                    Some(2),
                    "pack[2] \"nginx\" uses the same name as pack[0]; pack names must be unique in a profile",
                )],
            ),
            (
                "pack for another environment",
                ProfileType::Full,
                vec![OS, ("kubernetes-eks", Layer::K8s, &["eks"]), CNI, CSI],
                aws(),
                vec![(
                    Some(1),
                    "pack[1] \"kubernetes-eks\" is made for eks, not for aws; pick a pack built for AWS",
                )],
            ),
            (
                "edge pack on vsphere",
                ProfileType::AddOn,
                vec![("edge-thing", Layer::Addon, &["edge-native", "maas"])],
                Scope::Only(Environment::Vsphere),
                vec![(
                    Some(0),
                    "pack[0] \"edge-thing\" is made for edge-native, maas, not for vsphere; pick a pack built for VMware vSphere",
                )],
            ),
            (
                "full profile for all",
                ProfileType::Full,
                vec![OS, K8S, CNI, CSI],
                Scope::All,
                vec![(
                    None,
                    "a full profile deploys a cluster on one environment, so environment cannot be \"all\"; name the environment, or make an add-on profile",
                )],
            ),
            (
                "several problems at once",
                ProfileType::Infra,
                vec![K8S, OS, NGINX, ("kubernetes", Layer::K8s, AWS)],
                aws(),
                vec![
                    (
                        Some(1),
                        "pack[1] \"ubuntu-aws\" is an os pack but comes after the k8s pack \"kubernetes\"; order is os, k8s, cni, csi, then add-ons",
                    ),
                    (
                        Some(2),
                        "pack[2] \"nginx\" is an add-on pack, but an infra profile holds only the os, k8s, cni and csi layers; use a full profile, or put add-ons in an add-on profile",
                    ),
                    (
                        Some(3),
                        "pack[3] \"kubernetes\" uses the same name as pack[0]; pack names must be unique in a profile",
                    ),
                    (
                        Some(3),
                        "pack[3] \"kubernetes\" is a second k8s pack after pack[0] \"kubernetes\"; a profile takes one pack per core layer",
                    ),
                    (
                        None,
                        "the profile has no cni or csi pack; an infra profile needs one os, k8s, cni and csi pack, in that order",
                    ),
                ],
            ),
        ];
        for (name, profile_type, packs, scope, expected) in cases {
            let issues = with_packs(&packs, |infos| check_stack(profile_type, infos, scope));
            let got: Vec<(Option<usize>, &str)> = issues
                .iter()
                .map(|issue| (issue.index, issue.message.as_str()))
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn cluster_stacks() {
        let base = vec![
            "ubuntu-aws".to_owned(),
            "kubernetes".to_owned(),
            "cni-calico".to_owned(),
            "csi-aws-ebs".to_owned(),
        ];
        let monitoring = vec!["prometheus-operator".to_owned()];
        let ingress = vec!["nginx".to_owned(), "prometheus-operator".to_owned()];
        let profile = |index, name, profile_type, environment, pack_names| ProfileInfo {
            name,
            profile_type,
            environment,
            pack_names,
            index,
        };
        type Case<'a> = (&'a str, Vec<ProfileInfo<'a>>, Vec<(Option<usize>, &'a str)>);
        let cases: Vec<Case<'_>> = vec![
            (
                "infra and add-ons",
                vec![
                    profile(0, "base", ProfileType::Infra, aws(), &base),
                    profile(1, "monitoring", ProfileType::AddOn, Scope::All, &monitoring),
                ],
                vec![],
            ),
            (
                "full alone",
                vec![profile(0, "base", ProfileType::Full, aws(), &base)],
                vec![],
            ),
            (
                "add-on profile first is fine",
                vec![
                    profile(0, "monitoring", ProfileType::AddOn, aws(), &monitoring),
                    profile(1, "base", ProfileType::Full, aws(), &base),
                ],
                vec![],
            ),
            (
                "no core profile",
                vec![profile(
                    0,
                    "monitoring",
                    ProfileType::AddOn,
                    Scope::All,
                    &monitoring,
                )],
                vec![(
                    None,
                    "the cluster has no full or infra profile; add one for the os, k8s, cni and csi layers",
                )],
            ),
            (
                "two core profiles",
                vec![
                    profile(0, "base", ProfileType::Infra, aws(), &base),
                    profile(1, "other", ProfileType::Full, aws(), &[]),
                ],
                vec![(
                    Some(1),
                    "cluster_profile[1] \"other\" is a second full profile after cluster_profile[0] \"base\"; a cluster takes one full or infra profile for its core layers, plus any number of add-on profiles",
                )],
            ),
            (
                "wrong environment",
                vec![
                    profile(0, "base", ProfileType::Infra, aws(), &base),
                    profile(
                        1,
                        "azure-addons",
                        ProfileType::AddOn,
                        Scope::Only(Environment::Azure),
                        &[],
                    ),
                ],
                vec![(
                    Some(1),
                    "cluster_profile[1] \"azure-addons\" is made for azure, but the cluster runs on aws; use a profile for aws or for all",
                )],
            ),
            (
                "pack in two profiles",
                vec![
                    profile(0, "base", ProfileType::Infra, aws(), &base),
                    profile(1, "monitoring", ProfileType::AddOn, Scope::All, &monitoring),
                    profile(2, "ingress", ProfileType::AddOn, Scope::All, &ingress),
                ],
                vec![(
                    Some(2),
                    "pack \"prometheus-operator\" is in both cluster_profile[1] \"monitoring\" and cluster_profile[2] \"ingress\"; a cluster names its layers by pack name, so each pack name can appear once",
                )],
            ),
        ];
        for (name, profiles, expected) in cases {
            let issues = check_cluster_stack(Environment::Aws, &profiles);
            let got: Vec<(Option<usize>, &str)> = issues
                .iter()
                .map(|issue| (issue.index, issue.message.as_str()))
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn layer_names() {
        let cases = [
            ("os", Ok(Layer::Os)),
            ("kernel", Ok(Layer::Os)),
            ("k8s", Ok(Layer::K8s)),
            ("cni", Ok(Layer::Cni)),
            ("csi", Ok(Layer::Csi)),
            ("addon", Ok(Layer::Addon)),
            ("add-on", Err(UnknownLayer("add-on".to_owned()))),
            ("OS", Err(UnknownLayer("OS".to_owned()))),
        ];
        for (text, expected) in cases {
            assert_eq!(Layer::from_api(text), expected, "{text}");
        }
        for layer in CORE_LAYERS.into_iter().chain([Layer::Addon]) {
            assert_eq!(Layer::from_api(layer.as_str()), Ok(layer));
        }
        assert_eq!(
            Layer::from_api("x").expect_err("unknown").to_string(),
            "unknown pack layer \"x\"; expected os, k8s, cni, csi, addon or kernel"
        );
    }

    #[test]
    fn profile_type_names() {
        let cases = [
            (ProfileType::Full, "full", "cluster"),
            (ProfileType::Infra, "infra", "infra"),
            (ProfileType::AddOn, "add-on", "add-on"),
        ];
        for (kind, hcl, api) in cases {
            assert_eq!(kind.hcl_name(), hcl);
            assert_eq!(kind.api_name(), api);
            assert_eq!(ProfileType::from_hcl(hcl), Ok(kind));
            assert_eq!(ProfileType::from_api(api), Ok(kind));
        }
        assert_eq!(
            ProfileType::from_hcl("cluster")
                .expect_err("api name in hcl")
                .to_string(),
            "unknown profile type \"cluster\"; expected full, infra or add-on"
        );
        assert_eq!(
            ProfileType::from_api("system")
                .expect_err("system profiles are not ours")
                .to_string(),
            "unknown profile type \"system\"; expected cluster, infra or add-on"
        );
        assert!(ProfileType::from_api("full").is_err());
    }
}

//! The network of AWS and EKS clusters, which the two environments share: a pool's subnets per
//! availability zone (`az_subnets`), its extra security groups, an EKS pool's AMI type and
//! launch template, and EKS Fargate profiles; their schema, the API entities made from them and
//! read back, and the plan-time checks of the configuration alone (the check against the
//! account's VPCs is `resources::cluster::network`).

use std::collections::BTreeMap;

use palette_api::models::{
    AwsAmiReference, AwsLaunchTemplate, AwsResourceReference, AwsRootVolume, AwsSubnetEntity,
    FargateProfile, FargateSelector,
};
use tfplugin::validator::{at_least, one_of};
use tfplugin::{
    Attribute, AttributePath, Block, Diagnostics, NestedBlock, Nesting, Type, Value, ValueExt,
};

use super::pool::{Pool, SizingField};
use super::values::{get_string, get_string_map, get_strings, opt_list, opt_str};

/// The AMI types an EKS pool may name (`v1EksMachinePoolConfig.amiType`: AL2 types are
/// disabled for new node pools).
pub(crate) const EKS_AMI_TYPES: [&str; 3] = [
    "AL2023_x86_64_STANDARD",
    "AL2023_x86_64_NEURON",
    "AL2023_x86_64_NVIDIA",
];

/// The EBS volume types a launch template's root volume may be.
const VOLUME_TYPES: [&str; 6] = ["gp2", "gp3", "io1", "io2", "st1", "sc1"];

/// A pool's AWS network fields (each `None` when unset, unknown or on another environment).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct AwsPoolNetwork {
    /// `az_subnets`: availability zone to subnet id.
    pub(crate) az_subnets: Option<BTreeMap<String, String>>,
    /// `additional_security_groups`: security group ids.
    pub(crate) security_groups: Option<Vec<String>>,
    /// `ami_type` (EKS).
    pub(crate) ami_type: Option<String>,
    /// `eks_launch_template` (EKS).
    pub(crate) launch_template: Option<LaunchTemplate>,
}

/// An EKS pool's `eks_launch_template` block.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LaunchTemplate {
    pub(crate) ami_id: Option<String>,
    pub(crate) root_volume_type: Option<String>,
    pub(crate) root_volume_iops: Option<i64>,
    pub(crate) root_volume_throughput: Option<i64>,
    pub(crate) security_groups: Option<Vec<String>>,
}

impl AwsPoolNetwork {
    /// Reads the fields from a `machine_pool` element.
    pub(crate) fn from_value(pool: &Value) -> Self {
        let template = pool
            .get("eks_launch_template")
            .filter(|t| !t.is_null() && !t.is_unknown());
        AwsPoolNetwork {
            az_subnets: get_string_map(pool, "az_subnets"),
            security_groups: get_strings(pool, "additional_security_groups"),
            ami_type: get_string(pool, "ami_type"),
            launch_template: template.map(|t| LaunchTemplate {
                ami_id: get_string(t, "ami_id"),
                root_volume_type: get_string(t, "root_volume_type"),
                root_volume_iops: t.get_i64("root_volume_iops"),
                root_volume_throughput: t.get_i64("root_volume_throughput"),
                security_groups: get_strings(t, "additional_security_groups"),
            }),
        }
    }

    /// The value of one of the fields as a Terraform value.
    pub(crate) fn value(&self, field: SizingField) -> Value {
        match field {
            SizingField::AzSubnets => match &self.az_subnets {
                Some(map) => Value::Map(
                    map.iter()
                        .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                        .collect(),
                ),
                None => Value::Null,
            },
            SizingField::AdditionalSecurityGroups => opt_list(&self.security_groups),
            SizingField::AmiType => opt_str(&self.ami_type),
            SizingField::EksLaunchTemplate => match &self.launch_template {
                Some(t) => Value::Object(BTreeMap::from([
                    ("ami_id".to_string(), opt_str(&t.ami_id)),
                    ("root_volume_type".to_string(), opt_str(&t.root_volume_type)),
                    (
                        "root_volume_iops".to_string(),
                        t.root_volume_iops.map(Value::from).unwrap_or(Value::Null),
                    ),
                    (
                        "root_volume_throughput".to_string(),
                        t.root_volume_throughput
                            .map(Value::from)
                            .unwrap_or(Value::Null),
                    ),
                    (
                        "additional_security_groups".to_string(),
                        opt_list(&t.security_groups),
                    ),
                ])),
                None => Value::Null,
            },
            _ => Value::Null,
        }
    }

    /// `cloudConfig.subnets`: one `{az, id}` per entry of `az_subnets`, by AZ.
    pub(crate) fn subnets(&self) -> Option<Vec<AwsSubnetEntity>> {
        let map = self.az_subnets.as_ref().filter(|m| !m.is_empty())?;
        Some(
            map.iter()
                .map(|(az, id)| AwsSubnetEntity {
                    az: Some(az.clone()),
                    id: Some(id.clone()),
                })
                .collect(),
        )
    }

    /// `additionalSecurityGroups` of an AWS pool.
    pub(crate) fn security_group_refs(&self) -> Option<Vec<AwsResourceReference>> {
        refs(&self.security_groups)
    }

    /// `awsLaunchTemplate` of an EKS pool.
    pub(crate) fn launch_template_entity(&self) -> Option<AwsLaunchTemplate> {
        let t = self.launch_template.as_ref()?;
        let volume = (t.root_volume_type.is_some()
            || t.root_volume_iops.is_some()
            || t.root_volume_throughput.is_some())
        .then(|| AwsRootVolume {
            type_: t.root_volume_type.clone(),
            iops: t.root_volume_iops,
            throughput: t.root_volume_throughput,
            ..Default::default()
        });
        Some(AwsLaunchTemplate {
            additional_security_groups: refs(&t.security_groups),
            ami: t.ami_id.clone().map(|id| AwsAmiReference {
                id: Some(id),
                ..Default::default()
            }),
            root_volume: volume,
            ..Default::default()
        })
    }

    /// The fields as Palette reports a pool: its `subnetIds`, security groups, AMI type and
    /// launch template (read only where `enableAwsLaunchTemplate` is set).
    pub(crate) fn from_api(
        subnet_ids: Option<BTreeMap<String, String>>,
        security_groups: Option<Vec<AwsResourceReference>>,
        ami_type: Option<String>,
        template: Option<AwsLaunchTemplate>,
        template_enabled: Option<bool>,
    ) -> Self {
        AwsPoolNetwork {
            az_subnets: subnet_ids.filter(|m| !m.is_empty()),
            security_groups: ids(security_groups),
            ami_type: ami_type.filter(|a| !a.is_empty()),
            launch_template: template
                .filter(|_| template_enabled == Some(true))
                .map(|t| {
                    let volume = t.root_volume.unwrap_or_default();
                    LaunchTemplate {
                        ami_id: t.ami.and_then(|a| a.id).filter(|a| !a.is_empty()),
                        root_volume_type: volume.type_.filter(|t| !t.is_empty()),
                        root_volume_iops: volume.iops,
                        root_volume_throughput: volume.throughput,
                        security_groups: ids(t.additional_security_groups),
                    }
                }),
        }
    }
}

fn refs(ids: &Option<Vec<String>>) -> Option<Vec<AwsResourceReference>> {
    let ids = ids.as_ref().filter(|i| !i.is_empty())?;
    Some(
        ids.iter()
            .map(|id| AwsResourceReference {
                id: Some(id.clone()),
                ..Default::default()
            })
            .collect(),
    )
}

fn ids(refs: Option<Vec<AwsResourceReference>>) -> Option<Vec<String>> {
    let ids: Vec<String> = refs?.into_iter().filter_map(|r| r.id).collect();
    (!ids.is_empty()).then_some(ids)
}

/// The `machine_pool` attributes of the AWS network fields; `describe` appends where each is
/// taken.
pub(crate) fn pool_attributes(describe: impl Fn(SizingField, &str) -> String) -> Vec<Attribute> {
    vec![
        Attribute::map("az_subnets", Type::String)
            .optional()
            .description(describe(
                SizingField::AzSubnets,
                "Subnet of each availability zone the pool's nodes go in, AZ to subnet id \
                 (`{ \"us-east-1a\" = \"subnet-...\" }`): only with the environment block's \
                 `vpc_id`, each subnet one of that VPC in that AZ, each AZ one of the block's \
                 region; instead of `azs`, not with it. Checked at plan against the VPCs the \
                 cloud account sees, where the account, region, VPC and subnets are known. \
                 Changes in place (Palette replaces the pool's nodes).",
            )),
        Attribute::list("additional_security_groups", Type::String)
            .optional()
            .description(describe(
                SizingField::AdditionalSecurityGroups,
                "Ids of security groups of the environment block's `vpc_id` put on the pool's \
                 nodes beside Palette's own (only with `vpc_id`; checked at plan against the \
                 VPC's groups where the account, region, VPC and ids are known). Changes in \
                 place.",
            )),
        Attribute::string("ami_type")
            .optional()
            .validator(one_of(EKS_AMI_TYPES))
            .description(describe(
                SizingField::AmiType,
                "AMI type of the node group (Palette's default, `AL2023_x86_64_STANDARD`, \
                 when unset). Changes in place.",
            )),
    ]
}

/// The `eks_launch_template` block of a `machine_pool`.
pub(crate) fn launch_template_block(describe: impl Fn(SizingField, &str) -> String) -> NestedBlock {
    let block = Block::new()
        .description(describe(
            SizingField::EksLaunchTemplate,
            "A launch template for the pool's node group: its AMI, root volume and extra \
             security groups (of the environment block's `vpc_id`). Changes in place (Palette \
             replaces the pool's nodes).",
        ))
        .attribute(
            Attribute::string("ami_id")
                .optional()
                .description("AMI of the nodes (`ami-...`); an EKS-optimized one when unset."),
        )
        .attribute(
            Attribute::string("root_volume_type")
                .optional()
                .validator(one_of(VOLUME_TYPES))
                .description(
                    "EBS type of the root volume: `gp2`, `gp3`, `io1`, `io2`, `st1` or `sc1`.",
                ),
        )
        .attribute(
            Attribute::int64("root_volume_iops")
                .optional()
                .validator(at_least(1))
                .description("Provisioned IOPS of the root volume (`gp3`, `io1`, `io2`)."),
        )
        .attribute(
            Attribute::int64("root_volume_throughput")
                .optional()
                .validator(at_least(1))
                .description("Throughput of the root volume in MiB/s (`gp3`)."),
        )
        .attribute(
            Attribute::list("additional_security_groups", Type::String)
                .optional()
                .description(
                    "Ids of security groups of the cluster's VPC put on the nodes (checked at \
                     plan against the VPC's groups where known).",
                ),
        );
    NestedBlock::new("eks_launch_template", Nesting::Single, block)
}

/// The `fargate_profile` blocks of the `eks` block.
pub(crate) fn fargate_profile_block() -> NestedBlock {
    let selector = Block::new()
        .description("Pods that run on the profile: those of a namespace, with these labels.")
        .attribute(
            Attribute::string("namespace")
                .required()
                .description("Namespace the pods are in."),
        )
        .attribute(
            Attribute::map("labels", Type::String)
                .optional()
                .description("Labels the pods must all carry."),
        );
    let block = Block::new()
        .description(
            "A Fargate profile: pods matching one of its selectors run on AWS Fargate instead \
             of a node group. Profiles are added, changed and removed in place, all together \
             (`PUT /v1/cloudconfigs/eks/{uid}/fargateProfiles`), and read back for drift and \
             import.",
        )
        .attribute(
            Attribute::string("name")
                .required()
                .description("Profile name, unique in the cluster."),
        )
        .attribute(
            Attribute::list("subnets", Type::String)
                .optional()
                .description(
                    "Private subnets of the block's `vpc_id` the pods run in (only with \
                     `vpc_id`); checked at plan against the account's VPCs where known.",
                ),
        )
        .attribute(
            Attribute::map("additional_tags", Type::String)
                .optional()
                .description("Extra AWS tags on the profile."),
        )
        .block(NestedBlock::new("selector", Nesting::List, selector).min_items(1));
    NestedBlock::new("fargate_profile", Nesting::List, block)
}

/// The `fargate_profile` blocks of an `eks` block as the API's profiles.
pub(crate) fn fargate_profiles(block: &Value) -> Vec<FargateProfile> {
    block
        .get_elements("fargate_profile")
        .iter()
        .map(|p| FargateProfile {
            name: get_string(p, "name").unwrap_or_default(),
            subnet_ids: get_strings(p, "subnets"),
            additional_tags: get_string_map(p, "additional_tags"),
            selectors: Some(
                p.get_elements("selector")
                    .iter()
                    .map(|s| FargateSelector {
                        namespace: get_string(s, "namespace").unwrap_or_default(),
                        labels: get_string_map(s, "labels"),
                    })
                    .collect(),
            ),
        })
        .collect()
}

/// Palette's Fargate profiles as `fargate_profile` blocks (empty tags and labels read as null).
pub(crate) fn fargate_profiles_value(profiles: &[FargateProfile]) -> Value {
    let map = |m: &Option<BTreeMap<String, String>>| match m.as_ref().filter(|m| !m.is_empty()) {
        Some(m) => Value::Map(
            m.iter()
                .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                .collect(),
        ),
        None => Value::Null,
    };
    Value::List(
        profiles
            .iter()
            .map(|p| {
                Value::Object(BTreeMap::from([
                    ("name".to_string(), Value::from(p.name.clone())),
                    (
                        "subnets".to_string(),
                        opt_list(&p.subnet_ids.clone().filter(|s| !s.is_empty())),
                    ),
                    ("additional_tags".to_string(), map(&p.additional_tags)),
                    (
                        "selector".to_string(),
                        Value::List(
                            p.selectors
                                .iter()
                                .flatten()
                                .map(|s| {
                                    Value::Object(BTreeMap::from([
                                        ("namespace".to_string(), Value::from(s.namespace.clone())),
                                        ("labels".to_string(), map(&s.labels)),
                                    ]))
                                })
                                .collect(),
                        ),
                    ),
                ]))
            })
            .collect(),
    )
}

/// Plan-time checks of the network fields against the environment block at `path` (region and
/// `vpc_id`), without the API: subnets and security groups need `vpc_id`; `az_subnets` not with
/// `azs`, and its AZs in the region; Fargate subnets need `vpc_id`. Unknown values are skipped.
pub(crate) fn check(block: &Value, path: &AttributePath, pools: &[Pool], diags: &mut Diagnostics) {
    let vpc = block.get("vpc_id").unwrap_or(&Value::Null);
    let no_vpc = vpc.is_null();
    let region = block.get_str("region");
    for (index, pool) in pools.iter().enumerate() {
        let base = AttributePath::root("machine_pool").index(index as i64);
        let net = &pool.network;
        if let Some(map) = &net.az_subnets {
            let at = base.clone().attr("az_subnets");
            if no_vpc {
                diags.attribute_error(
                    at.clone(),
                    "Subnets Without A VPC",
                    format!(
                        "`az_subnets` places the pool in subnets of an existing VPC, but `{}` \
                         sets no `vpc_id` (Palette then makes a VPC of its own). Set `vpc_id`, \
                         or use `azs` instead.",
                        path
                    ),
                );
            }
            if pool.azs.is_some() {
                diags.attribute_error(
                    base.clone().attr("azs"),
                    "Conflicting Availability Zones",
                    "`az_subnets` names the pool's availability zones (its keys); remove `azs` \
                     from this pool.",
                );
            }
            if let Some(region) = region {
                for az in map.keys() {
                    if !az.starts_with(region) || az.len() <= region.len() {
                        diags.attribute_error(
                            at.clone(),
                            "Availability Zone Outside The Region",
                            format!(
                                "{az:?} is not an availability zone of region {region:?} (its \
                                 zones are named {region}a, {region}b, ...)."
                            ),
                        );
                    }
                }
            }
        }
        let groups = [
            (
                base.clone().attr("additional_security_groups"),
                net.security_groups.is_some(),
            ),
            (
                base.clone()
                    .attr("eks_launch_template")
                    .attr("additional_security_groups"),
                net.launch_template
                    .as_ref()
                    .is_some_and(|t| t.security_groups.is_some()),
            ),
        ];
        for (at, set) in groups {
            if set && no_vpc {
                diags.attribute_error(
                    at,
                    "Security Groups Without A VPC",
                    format!(
                        "Security groups belong to a VPC, but `{path}` sets no `vpc_id`; set it \
                         to the VPC the groups are in."
                    ),
                );
            }
        }
    }
    for (index, profile) in block.get_elements("fargate_profile").iter().enumerate() {
        if no_vpc && get_strings(profile, "subnets").is_some_and(|s| !s.is_empty()) {
            diags.attribute_error(
                path.clone()
                    .attr("fargate_profile")
                    .index(index as i64)
                    .attr("subnets"),
                "Subnets Without A VPC",
                format!("Fargate subnets are subnets of `{path}.vpc_id`, which is not set."),
            );
        }
    }
    let mut names: Vec<&str> = Vec::new();
    for (index, profile) in block.get_elements("fargate_profile").iter().enumerate() {
        if let Some(name) = profile.get_str("name") {
            if names.contains(&name) {
                diags.attribute_error(
                    path.clone()
                        .attr("fargate_profile")
                        .index(index as i64)
                        .attr("name"),
                    "Duplicate Fargate Profile",
                    format!("Two Fargate profiles are named {name:?}; names are unique."),
                );
            }
            names.push(name);
        }
    }
}

/// The capacity type the API names for dedicated hosts of a host resource group.
pub(crate) const HOST_RESOURCE_GROUP: &str = "host-resource-group";

/// Plan-time checks of the pools' capacity fields, on the `machine_pool` values as configured
/// (null is absent, unknown waits): on AWS (`dedicated_hosts`), `host_resource_group_arn` and
/// `license_configuration_arns` exactly when `capacity_type = "host-resource-group"` (the
/// license configurations are required with the group: `v1AwsMachinePoolCloudConfigEntity`), no
/// spot price with it, each ARN of its form and in the block's region, at most 10 license
/// configurations, none twice; on EKS, whose node groups have no host resource group, that
/// capacity type is refused.
pub(crate) fn check_capacity(
    block: &Value,
    path: &AttributePath,
    pools: &[Value],
    dedicated_hosts: bool,
    diags: &mut Diagnostics,
) {
    use palette_stack::aws_arn::{ArnKind, parse};
    let region = block.get_str("region");
    for (index, pool) in pools.iter().enumerate() {
        if pool.is_unknown() {
            continue;
        }
        let base = AttributePath::root("machine_pool").index(index as i64);
        let field = |name: &str| pool.get(name).unwrap_or(&Value::Null);
        let capacity = field("capacity_type");
        let arn = field("host_resource_group_arn");
        let licenses = field("license_configuration_arns");
        // Unset is Palette's default, on-demand.
        let hosts = match capacity {
            v if v.is_unknown() => None,
            v => Some(v.as_str() == Some(HOST_RESOURCE_GROUP)),
        };
        if !dedicated_hosts {
            if hosts == Some(true) {
                diags.attribute_error(
                    base.clone().attr("capacity_type"),
                    "Unsupported Capacity Type",
                    "EKS node groups are `on-demand` or `spot`: Palette's EKS pool has no host \
                     resource group to place them on dedicated hosts with.",
                );
            }
            continue;
        }
        match hosts {
            Some(true) => {
                if arn.is_null() {
                    diags.attribute_error(
                        base.clone().attr("host_resource_group_arn"),
                        "Missing Host Resource Group",
                        "`capacity_type = \"host-resource-group\"` places the nodes on the \
                         dedicated hosts of a host resource group; set `host_resource_group_arn` \
                         to its ARN.",
                    );
                }
                if licenses.is_null() || licenses.as_elements().is_some_and(|l| l.is_empty()) {
                    diags.attribute_error(
                        base.clone().attr("license_configuration_arns"),
                        "Missing License Configurations",
                        "Palette requires the license configurations of a host resource group's \
                         instances with it; set `license_configuration_arns` (1 to 10 ARNs).",
                    );
                }
                if !field("max_price").is_null() && !field("max_price").is_unknown() {
                    diags.attribute_error(
                        base.clone().attr("max_price"),
                        "Spot Price On Dedicated Hosts",
                        "`max_price` is the spot price of `capacity_type = \"spot\"`; instances \
                         on a host resource group's dedicated hosts are not spot instances. \
                         Remove it.",
                    );
                }
            }
            Some(false) => {
                for (name, value) in [
                    ("host_resource_group_arn", arn),
                    ("license_configuration_arns", licenses),
                ] {
                    if !value.is_null() && !value.is_unknown() {
                        diags.attribute_error(
                            base.clone().attr(name),
                            "Not A Host Resource Group Pool",
                            format!(
                                "`{name}` is for nodes on dedicated hosts: set `capacity_type = \
                                 \"host-resource-group\"` on this pool, or remove it (the pool \
                                 is {}).",
                                capacity.as_str().unwrap_or("on-demand, Palette's default")
                            ),
                        );
                    }
                }
            }
            None => {}
        }
        let check_arn =
            |diags: &mut Diagnostics, at: AttributePath, text: &str, kind: ArnKind| match parse(
                text, kind,
            ) {
                Err(problem) => diags.attribute_error(at, "Invalid ARN", format!("{problem}.")),
                Ok(parsed) => {
                    if let Some(region) = region.filter(|r| *r != parsed.region) {
                        diags.attribute_error(
                        at,
                        "ARN In Another Region",
                        format!(
                            "{text:?} is in {}, but the cluster is in {region} (`{path}.region`); \
                             the pool's nodes can use only resources of their own region.",
                            parsed.region
                        ),
                    );
                    }
                }
            };
        if let Some(text) = arn.as_str() {
            check_arn(
                diags,
                base.clone().attr("host_resource_group_arn"),
                text,
                ArnKind::HostResourceGroup,
            );
        }
        if let Some(list) = licenses.as_elements() {
            let at = base.clone().attr("license_configuration_arns");
            if list.len() > 10 {
                diags.attribute_error(
                    at.clone(),
                    "Too Many License Configurations",
                    format!(
                        "{} license configurations are listed; Palette takes at most 10.",
                        list.len()
                    ),
                );
            }
            let mut seen: Vec<&str> = Vec::new();
            for (i, item) in list.iter().enumerate() {
                let Some(text) = item.as_str() else { continue };
                let at = at.clone().index(i as i64);
                if seen.contains(&text) {
                    diags.attribute_error(
                        at,
                        "Duplicate License Configuration",
                        format!("{text:?} is listed twice."),
                    );
                    continue;
                }
                seen.push(text);
                check_arn(diags, at, text, ArnKind::LicenseConfiguration);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool_value(fields: &[(&str, Value)]) -> Value {
        Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn map(pairs: &[(&str, &str)]) -> Value {
        Value::Map(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(*v)))
                .collect(),
        )
    }

    #[test]
    fn capacity_checks_tell_null_unknown_and_known_apart() {
        const GROUP: &str = "arn:aws:resource-groups:us-east-1:123456789012:group/hosts";
        const LICENSE: &str =
            "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0abc";
        let hosts = || ("capacity_type", Value::from(HOST_RESOURCE_GROUP));
        let group = |g: &str| ("host_resource_group_arn", Value::from(g));
        let licenses = |l: &[&str]| {
            (
                "license_configuration_arns",
                Value::List(l.iter().map(|x| Value::from(*x)).collect()),
            )
        };
        let at = |field: &str| format!("machine_pool[0].{field}");
        type Fields = Vec<(&'static str, Value)>;
        let cases: Vec<(&str, bool, Fields, Vec<String>)> = vec![
            (
                "on dedicated hosts",
                true,
                vec![hosts(), group(GROUP), licenses(&[LICENSE])],
                vec![],
            ),
            ("plain on-demand", true, vec![], vec![]),
            (
                "no group",
                true,
                vec![hosts(), licenses(&[LICENSE])],
                vec![at("host_resource_group_arn")],
            ),
            (
                "no licenses",
                true,
                vec![hosts(), group(GROUP)],
                vec![at("license_configuration_arns")],
            ),
            (
                "an unknown group and licenses wait",
                true,
                vec![
                    hosts(),
                    ("host_resource_group_arn", Value::unknown()),
                    ("license_configuration_arns", Value::unknown()),
                ],
                vec![],
            ),
            (
                "an unknown capacity type waits",
                true,
                vec![
                    ("capacity_type", Value::unknown()),
                    group(GROUP),
                    licenses(&[LICENSE]),
                ],
                vec![],
            ),
            (
                "a group without the capacity type",
                true,
                vec![group(GROUP), licenses(&[LICENSE])],
                vec![
                    at("host_resource_group_arn"),
                    at("license_configuration_arns"),
                ],
            ),
            (
                "a spot price with it",
                true,
                vec![
                    hosts(),
                    group(GROUP),
                    licenses(&[LICENSE]),
                    ("max_price", "0.2".into()),
                ],
                vec![at("max_price")],
            ),
            (
                "a group of another region",
                true,
                vec![
                    hosts(),
                    group(&GROUP.replace("us-east-1", "eu-west-1")),
                    licenses(&[LICENSE]),
                ],
                vec![at("host_resource_group_arn")],
            ),
            (
                "a license twice and one malformed",
                true,
                vec![
                    hosts(),
                    group(GROUP),
                    licenses(&[LICENSE, LICENSE, "lic-1"]),
                ],
                vec![
                    at("license_configuration_arns[1]"),
                    at("license_configuration_arns[2]"),
                ],
            ),
            (
                "eleven licenses",
                true,
                vec![hosts(), group(GROUP), licenses(&[LICENSE; 11])],
                // The count, then each repeat of the first.
                std::iter::once(at("license_configuration_arns"))
                    .chain((1..11).map(|i| at(&format!("license_configuration_arns[{i}]"))))
                    .collect(),
            ),
            (
                "eks refuses the capacity type",
                false,
                vec![hosts()],
                vec![at("capacity_type")],
            ),
            (
                "eks takes spot",
                false,
                vec![("capacity_type", "spot".into())],
                vec![],
            ),
        ];
        let block = Value::Object(BTreeMap::from([(
            "region".to_string(),
            Value::from("us-east-1"),
        )]));
        for (name, aws, fields, want) in cases {
            let mut diags = Diagnostics::new();
            let path = AttributePath::root(if aws { "aws" } else { "eks" });
            check_capacity(&block, &path, &[pool_value(&fields)], aws, &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}: {diags:?}");
        }
    }

    #[test]
    fn checks_name_the_attribute_path_and_wait_for_unknowns() {
        let path = AttributePath::root("aws");
        let cases: Vec<(&str, Value, Value, Vec<&str>)> = vec![
            (
                "subnets in the region's zones of a VPC",
                pool_value(&[("region", "us-east-1".into()), ("vpc_id", "vpc-1".into())]),
                pool_value(&[("az_subnets", map(&[("us-east-1a", "subnet-1")]))]),
                vec![],
            ),
            (
                "no VPC",
                pool_value(&[("region", "us-east-1".into()), ("vpc_id", Value::Null)]),
                pool_value(&[("az_subnets", map(&[("us-east-1a", "subnet-1")]))]),
                vec!["machine_pool[0].az_subnets"],
            ),
            (
                "an unknown VPC may be set",
                pool_value(&[("region", "us-east-1".into()), ("vpc_id", Value::unknown())]),
                pool_value(&[("az_subnets", map(&[("us-east-1a", "subnet-1")]))]),
                vec![],
            ),
            (
                "a zone of another region",
                pool_value(&[("region", "us-east-1".into()), ("vpc_id", "vpc-1".into())]),
                pool_value(&[("az_subnets", map(&[("us-west-2a", "subnet-1")]))]),
                vec!["machine_pool[0].az_subnets"],
            ),
            (
                "an unknown region waits",
                pool_value(&[("region", Value::unknown()), ("vpc_id", "vpc-1".into())]),
                pool_value(&[("az_subnets", map(&[("us-west-2a", "subnet-1")]))]),
                vec![],
            ),
            (
                "with azs",
                pool_value(&[("region", "us-east-1".into()), ("vpc_id", "vpc-1".into())]),
                pool_value(&[
                    ("az_subnets", map(&[("us-east-1a", "subnet-1")])),
                    ("azs", Value::List(vec!["us-east-1a".into()])),
                ]),
                vec!["machine_pool[0].azs"],
            ),
            (
                "security groups without a VPC",
                pool_value(&[("region", "us-east-1".into())]),
                pool_value(&[(
                    "additional_security_groups",
                    Value::List(vec!["sg-1".into()]),
                )]),
                vec!["machine_pool[0].additional_security_groups"],
            ),
            (
                "unknown subnets wait",
                pool_value(&[("region", "us-east-1".into())]),
                pool_value(&[("az_subnets", Value::unknown())]),
                vec![],
            ),
        ];
        for (name, block, pool, want) in cases {
            let mut diags = Diagnostics::new();
            let pools = [Pool::from_value(&pool)];
            check(&block, &path, &pools, &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}: {diags:?}");
        }
    }

    /// What AWS and EKS pools send of the network fields fits the spec's pool entity, and the
    /// cloud config Palette stores from it (`subnets` as `subnetIds`) reads back the same.
    #[test]
    fn network_fields_fit_the_spec_and_round_trip() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let spec = palette_test_support::conformance::Spec::load(root);
        let subnets = BTreeMap::from([
            ("us-east-1a".to_string(), "subnet-1".to_string()),
            ("us-east-1b".to_string(), "subnet-2".to_string()),
        ]);
        let cases = [
            (
                "aws",
                "v1AwsMachinePoolConfigEntity",
                AwsPoolNetwork {
                    az_subnets: Some(subnets.clone()),
                    security_groups: Some(vec!["sg-1".into(), "sg-2".into()]),
                    ..Default::default()
                },
            ),
            (
                "eks",
                "v1EksMachinePoolConfigEntity",
                AwsPoolNetwork {
                    az_subnets: Some(subnets),
                    ami_type: Some(EKS_AMI_TYPES[1].into()),
                    launch_template: Some(LaunchTemplate {
                        ami_id: Some("ami-1".into()),
                        root_volume_type: Some("gp3".into()),
                        root_volume_iops: Some(3000),
                        root_volume_throughput: Some(125),
                        security_groups: Some(vec!["sg-3".into()]),
                    }),
                    ..Default::default()
                },
            ),
        ];
        for (key, entity, network) in cases {
            let env = crate::environments::by_key(key).unwrap();
            let pool = Pool {
                name: "workers".into(),
                count: Some(2),
                instance_type: Some("m5.large".into()),
                network: network.clone(),
                ..Default::default()
            };
            let body = env.pool_body(&Value::Null, &pool).unwrap();
            if let Some(spec) = &spec {
                assert_eq!(spec.check(&body, entity), Vec::<String>::new(), "{key}");
            }
            let mut flat = body["poolConfig"].as_object().cloned().unwrap();
            for (k, v) in body["cloudConfig"].as_object().unwrap() {
                if k == "subnets" {
                    let ids: serde_json::Map<String, serde_json::Value> = v
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| (s["az"].as_str().unwrap().to_string(), s["id"].clone()))
                        .collect();
                    flat.insert("subnetIds".into(), ids.into());
                } else {
                    flat.insert(k.clone(), v.clone());
                }
            }
            let config = serde_json::json!({"spec": {"machinePoolConfig": [flat]}});
            let read = env.read_cloud_config(config).unwrap();
            assert_eq!(read.pools[0].network, network, "{key}");
        }
    }

    #[test]
    fn fargate_profiles_round_trip() {
        let block = pool_value(&[(
            "fargate_profile",
            Value::List(vec![pool_value(&[
                ("name", "system".into()),
                ("subnets", Value::List(vec!["subnet-1".into()])),
                ("additional_tags", map(&[("team", "platform")])),
                (
                    "selector",
                    Value::List(vec![pool_value(&[
                        ("namespace", "kube-system".into()),
                        ("labels", Value::Null),
                    ])]),
                ),
            ])]),
        )]);
        let profiles = fargate_profiles(&block);
        assert_eq!(
            profiles[0].subnet_ids.as_deref(),
            Some(&["subnet-1".to_string()][..])
        );
        assert_eq!(
            fargate_profiles_value(&profiles),
            block.get("fargate_profile").cloned().unwrap()
        );
    }
}

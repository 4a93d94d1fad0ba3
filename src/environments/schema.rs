//! The `palette_cluster` schema the environments share: the `machine_pool` block, one block
//! per environment (where replace-or-update is decided), and the small attribute builders the
//! environment files use.

use tfplugin::plan_modifier::{requires_replace, requires_replace_if};
use tfplugin::validator::{at_least, at_most, one_of};
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Type};

use super::{ALL, Environment, LifecycleField, SizingField, UPDATE_STRATEGIES};

/// The `machine_pool` block: one per pool, identified by name, with the sizing fields of every
/// environment (each environment takes a subset, checked at plan).
pub(crate) fn machine_pool_block() -> NestedBlock {
    let node = Block::new()
        .description(
            "Maintenance of one machine of the pool: `cordon` drains it and keeps new workloads \
             off it, `uncordon` returns it to service. Only on a pool the cluster already runs \
             (its machines are made by the apply that makes the pool; refused at plan \
             otherwise); a repave replaces machines, so a `node` naming a replaced one fails at \
             apply, naming it. Removing a `node` block uncordons its machine. Changes in place.",
        )
        .attribute(
            Attribute::string("node_id")
                .required()
                .description("The machine's uid, as Palette lists the pool's machines."),
        )
        .attribute(
            Attribute::string("action")
                .required()
                .validator(one_of(["cordon", "uncordon"]))
                .description("`cordon` or `uncordon`."),
        );
    let taint = Block::new()
        .description("A Kubernetes taint put on every node of the pool.")
        .attribute(
            Attribute::string("key")
                .required()
                .description("Taint key."),
        )
        .attribute(
            Attribute::string("value")
                .required()
                .description("Taint value."),
        )
        .attribute(
            Attribute::string("effect")
                .required()
                .description("`NoSchedule`, `PreferNoSchedule` or `NoExecute`.")
                .validator(one_of(["NoSchedule", "PreferNoSchedule", "NoExecute"])),
        );
    let mut block = Block::new()
        .description(
            "A machine pool, identified by `name`: adding, removing or reordering worker pools changes the \
             cluster in place (a reorder calls no API). Which sizing fields a pool needs depends on the \
             environment (instance types for clouds, `cpu`/`memory_mb` for vSphere and Nutanix, \
             `resource_pool` for MAAS, `edge_hosts` for Edge): the plan fails when a pool leaves out a \
             field its environment requires or sets one it does not take. See \
             [Machine pools by environment](#machine-pools-by-environment).",
        )
        .attribute(Attribute::string("name").required().description("Pool name, unique in the cluster; its identity. Renaming a worker pool removes it and adds a new one, in place."))
        .attribute(
            Attribute::bool("control_plane")
                .optional()
                .default(false)
                .description(format!(
                    "Whether the pool runs the Kubernetes control plane. One pool must, except on {}, \
                     whose cloud runs it (there no pool may). Changing it on a pool, or adding a \
                     control-plane pool to a running cluster, replaces the cluster: Palette keeps the \
                     control plane a cluster was created with.",
                    keys(ALL.iter().filter(|env| env.managed_control_plane()))
                ))
                .plan_modifier(requires_replace()),
        )
        .attribute(
            Attribute::bool("control_plane_as_worker")
                .optional()
                .default(false)
                .description("Whether a control-plane pool also runs workloads."),
        )
        .attribute(
            Attribute::int64("count")
                .optional()
                .validator(at_least(0))
                .description(sizing_description(
                    SizingField::Count,
                    "Number of nodes (an Edge pool has one node per entry of `edge_hosts` instead).",
                )),
        )
        .attribute(Attribute::int64("min").optional().validator(at_least(0)).description("Autoscaling minimum; defaults to the pool's size (`count`, or the number of edge hosts). `count` must not be below it."))
        .attribute(Attribute::int64("max").optional().validator(at_least(0)).description("Autoscaling maximum; defaults to the pool's size (`count`, or the number of edge hosts). `count` must not be above it."))
        .attribute(
            Attribute::string("instance_type")
                .optional()
                .description(sizing_description(
                    SizingField::InstanceType,
                    "Instance type (a flavor on OpenStack).",
                )),
        )
        .attribute(
            Attribute::int64("disk_size_gb")
                .optional()
                .validator(at_least(1))
                .description(sizing_description(
                    SizingField::DiskSizeGb,
                    "Root disk size in GB (on MAAS, the least a machine must have).",
                )),
        )
        .attribute(
            Attribute::list("azs", Type::String)
                .optional()
                .description(sizing_description(SizingField::Azs, "Availability zones.")),
        )
        .attribute(
            Attribute::string("capacity_type")
                .optional()
                .validator(one_of(["on-demand", "spot", "host-resource-group"]))
                .description(sizing_description(
                    SizingField::CapacityType,
                    "`on-demand` (Palette's default when unset), `spot`, or (AWS only) \
                     `host-resource-group`: the nodes go on the dedicated hosts of \
                     `host_resource_group_arn`. Changes in place.",
                )),
        )
        .attribute(
            Attribute::string("max_price")
                .optional()
                .description(sizing_description(SizingField::MaxPrice, "Maximum spot price.")),
        )
        .attribute(
            Attribute::int64("cpu")
                .optional()
                .validator(at_least(1))
                .description(sizing_description(
                    SizingField::Cpu,
                    "Virtual CPUs per node (on MAAS, the least a machine must have).",
                )),
        )
        .attribute(
            Attribute::int64("memory_mb")
                .optional()
                .validator(at_least(1))
                .description(sizing_description(
                    SizingField::MemoryMb,
                    "Memory per node in MiB (on MAAS, the least a machine must have).",
                )),
        )
        .attribute(
            Attribute::string("resource_pool")
                .optional()
                .description(sizing_description(
                    SizingField::ResourcePool,
                    "MAAS resource pool the machines come from.",
                )),
        )
        .attribute(
            Attribute::list("edge_hosts", Type::String)
                .optional()
                .description(sizing_description(
                    SizingField::EdgeHosts,
                    "Registered edge hosts, by uid or name, one node each; a host can be in one pool only. \
                     An Edge pool sets this or `edge_host` blocks (which also carry each host's \
                     network settings), not both.",
                )),
        )
        .attribute(
            Attribute::bool("is_system_node_pool")
                .optional()
                .description(sizing_description(
                    SizingField::SystemNodePool,
                    "Whether the pool is a system node pool, which runs the cluster's system pods. An \
                     AKS cluster needs at least one, with at least one node; it changes in place.",
                )),
        )
        // Disks, OS and placement of one environment's pools.
        .attribute(
            Attribute::string("arch_type")
                .optional()
                .validator(one_of(["amd64", "arm64"]))
                .description(sizing_description(
                    SizingField::ArchType,
                    "CPU architecture of the pool's hosts, `amd64` or `arm64` (Palette's default, \
                     `amd64`, when unset); every host of the pool must be of it (checked at plan against \
                     the registered hosts). Changes in place.",
                )),
        )
        .attribute(
            Attribute::string("storage_account_type")
                .optional()
                .validator(one_of(AZURE_DISK_TYPES))
                .description(sizing_description(
                    SizingField::StorageAccountType,
                    "Storage account type of the nodes' OS disk: `Standard_LRS` (HDD), \
                     `StandardSSD_LRS` or `Premium_LRS` (Azure's default for the VM size when \
                     unset). On Azure it changes in place (Palette rolls the pool's nodes); on \
                     AKS a node pool keeps the disk it was made with, so a change is refused at \
                     plan: rename the pool to replace it.",
                )),
        )
        .attribute(
            Attribute::string("os_type")
                .optional()
                .validator(one_of(["Linux", "Windows"]))
                .description(sizing_description(
                    SizingField::OsType,
                    "Node operating system, `Linux` (the default when unset) or `Windows`. A \
                     Windows pool cannot be a system node pool, and its name is 1 to 6 lowercase \
                     letters and digits starting with a letter (AKS's rule); AKS keeps a pool's \
                     OS, so a change is refused at plan: rename the pool to replace it.",
                )),
        )
        .attribute(
            Attribute::string("subnetwork")
                .optional()
                .description(sizing_description(
                    SizingField::Subnetwork,
                    "Name of the subnetwork, in the cluster's `network` and region, the pool's \
                     instances go in (the region's first subnetwork of the network when unset; \
                     it needs `network`). Changes in place: Palette rolls the pool's nodes.",
                )),
        )
        .attribute(
            Attribute::list("node_tags", Type::String)
                .optional()
                .description(sizing_description(
                    SizingField::NodeTags,
                    "MAAS machine tags: the pool takes only machines carrying every tag. Changes \
                     in place (new machines are picked by the new tags).",
                )),
        )
        .attribute(
            Attribute::string("host_resource_group_arn")
                .optional()
                .description(sizing_description(
                    SizingField::HostResourceGroupArn,
                    "ARN of the AWS host resource group whose dedicated hosts the pool's nodes \
                     go on (`arn:aws:resource-groups:REGION:ACCOUNT:group/NAME`, in the cluster's \
                     region): required exactly when `capacity_type = \"host-resource-group\"`, \
                     with `license_configuration_arns`, and not with `max_price` (all checked \
                     at plan). Changes in place (Palette replaces the pool's nodes).",
                )),
        )
        .attribute(
            Attribute::list("license_configuration_arns", Type::String)
                .optional()
                .description(sizing_description(
                    SizingField::LicenseConfigurationArns,
                    "ARNs of the AWS License Manager license configurations the dedicated-host \
                     instances count against \
                     (`arn:aws:license-manager:REGION:ACCOUNT:license-configuration:lic-...`, \
                     in the cluster's region), 1 to 10, no repeats: required with \
                     `host_resource_group_arn` and refused without it (checked at plan). \
                     Changes in place.",
                )),
        )
        .attribute(
            Attribute::string("subnet_id")
                .optional()
                .description(sizing_description(
                    SizingField::SubnetId,
                    "Id of the subnet the pool's nodes go in, a subnet of the environment \
                     block's `network_id` (only with it, checked at plan); the block's \
                     `subnet_id` when unset. Changes in place (Palette replaces the pool's \
                     nodes).",
                )),
        )
        .attribute(
            Attribute::bool("use_lxd_vm")
                .optional()
                .description(sizing_description(
                    SizingField::UseLxdVm,
                    "Make the pool's machines LXD virtual machines that MAAS creates on demand on \
                     its LXD hosts, instead of taking bare-metal machines (Palette's \
                     `useLxdVm`, for workload clusters; bare metal when unset). Not on a \
                     control-plane pool of a cluster with `enable_lxd_vm` (checked at plan). \
                     Changes in place (Palette replaces the pool's machines).",
                )),
        )
        .attribute(Attribute::map("labels", Type::String).optional().description("Extra Kubernetes labels on the pool's nodes."))
        .attribute(
            Attribute::map("additional_annotations", Type::String)
                .optional()
                .description(lifecycle_description(
                    LifecycleField::AdditionalAnnotations,
                    "Extra Kubernetes annotations on the pool's nodes. Changes in place.",
                )),
        )
        .attribute(
            Attribute::string("update_strategy")
                .optional()
                .validator(one_of(UPDATE_STRATEGIES))
                .description(lifecycle_description(
                    LifecycleField::UpdateStrategy,
                    "How the pool rolls out a change that replaces its nodes: \
                     `RollingUpdateScaleOut` adds a new node before it removes an old one \
                     (Palette's default, also when unset), `RollingUpdateScaleIn` removes an old \
                     node first (no extra capacity needed, one node fewer meanwhile). Changes in \
                     place.",
                )),
        )
        .attribute(
            Attribute::bool("skip_k8s_upgrade")
                .optional()
                .description(lifecycle_description(
                    LifecycleField::SkipK8sUpgrade,
                    "Keep the pool's nodes on their Kubernetes version when the cluster's \
                     Kubernetes layer is upgraded (a worker pool only: refused at plan on a \
                     control-plane pool). Changes in place.",
                )),
        )
        .attribute(
            Attribute::string("override_kubeadm_configuration")
                .optional()
                .description(lifecycle_description(
                    LifecycleField::OverrideKubeadmConfiguration,
                    "Kubeadm settings of this worker pool's nodes over the Kubernetes layer's: \
                     YAML with `kubeletExtraArgs` (flags to values), `preKubeadmCommands` and \
                     `postKubeadmCommands` (lists of commands), checked at plan; refused on a \
                     control-plane pool. The nodes are built with it, so Palette repaves the pool \
                     on a change (through the cluster's repave approval). Changes in place.",
                )),
        )
        .attribute(
            Attribute::int64("node_repave_interval")
                .optional()
                .validator(at_least(0))
                .validator(at_most(i32::MAX))
                .description(lifecycle_description(
                    LifecycleField::NodeRepaveInterval,
                    "Seconds a new node must be Ready before Palette repaves the pool's next \
                     node; no wait when unset. Palette applies it only to worker pools, and only \
                     where the cluster runs its own control plane: above 0 on a control-plane \
                     pool is refused at plan. Changes in place.",
                )),
        )
        .block(super::aws_network::launch_template_block(sizing_description))
        .block(NestedBlock::new("network", Nesting::Single, maas_network_block()))
        .block(NestedBlock::new("edge_host", Nesting::List, edge_host_block()))
        .block(NestedBlock::new("taints", Nesting::List, taint))
        .block(NestedBlock::new("node", Nesting::List, node))
        .block(super::placement::block());
    for attribute in super::aws_network::pool_attributes(sizing_description) {
        block = block.attribute(attribute);
    }
    NestedBlock::new("machine_pool", Nesting::List, block)
        .min_items(1)
        .key("name")
}

/// The storage account types an Azure or AKS pool's OS disk may take
/// (`v1AzureOSDisk.managedDisk.storageAccountType`).
pub(crate) const AZURE_DISK_TYPES: [&str; 3] = ["Standard_LRS", "StandardSSD_LRS", "Premium_LRS"];

/// A MAAS pool's `network` block (`v1MaasNetworkConfigEntity`).
fn maas_network_block() -> Block {
    Block::new()
        .description(sizing_description(
            SizingField::MaasNetwork,
            "The MAAS network the pool's machines are in, and whether they take static addresses \
             from a `palette_ip_pool` of the cloud account's private cloud gateway \
             (`parent_pool_uid` with `static_ip = true`; both or neither, checked at plan) or \
             DHCP. Read back for drift and import; changes in place (Palette replaces the pool's \
             machines).",
        ))
        .attribute(
            Attribute::string("network_name")
                .required()
                .description("Name of the MAAS network the machines are in."),
        )
        .attribute(
            Attribute::string("parent_pool_uid")
                .optional()
                .description(
                    "Uid of the `palette_ip_pool` (on the cloud account's private cloud gateway) \
                     the machines take static addresses from; only with `static_ip = true`, which \
                     needs it. Palette refuses a pool that is not on the gateway.",
                ),
        )
        .attribute(
            Attribute::bool("static_ip")
                .optional()
                .default(false)
                .description("Static addresses from `parent_pool_uid` instead of DHCP (the default, `false`)."),
        )
}

/// An Edge pool's `edge_host` block: one host with its network settings, the alternative to
/// the plain `edge_hosts` list.
fn edge_host_block() -> Block {
    let address = |name: &str, what: &str| {
        Attribute::string(name).optional().description(format!(
            "{what} (IPv4, checked at plan). `static_ip`, `subnet_mask` and `default_gateway` \
             go together. Changes in place."
        ))
    };
    Block::new()
        .description(
            "An edge host of the pool with its network settings (Edge only; instead of \
             `edge_hosts`: a pool sets one or the other). The pool has one node per block. \
             Palette sets the host's interface up with them when the host joins the cluster; a \
             change goes to the pool in place. Every setting is read back from the pool as \
             Palette holds it, so one changed or added outside Terraform shows as drift.",
        )
        .attribute(
            Attribute::string("host")
                .required()
                .description("The registered edge host, by uid or name; a host can be in one pool only."),
        )
        .attribute(address("static_ip", "Static address of the host; DHCP when unset"))
        .attribute(address("subnet_mask", "Subnet mask of `static_ip`, dotted (`255.255.255.0`)"))
        .attribute(address(
            "default_gateway",
            "Default gateway, in `static_ip`'s subnet",
        ))
        .attribute(
            Attribute::list("dns_servers", Type::String)
                .optional()
                .description("DNS servers of the host (IP addresses). Changes in place."),
        )
        .attribute(
            Attribute::string("nic_name")
                .optional()
                .description("Network interface the settings go on (e.g. `eth0`); the host's default interface when unset. Changes in place."),
        )
        .attribute(
            Attribute::string("two_node_role")
                .optional()
                .validator(one_of(["primary", "secondary"]))
                .description(
                    "`primary` or `secondary`: the host's role in a two-node cluster \
                     (`is_two_node_cluster = true`, refused otherwise), whose control-plane pool \
                     has exactly two hosts, one of each. Changes in place.",
                ),
        )
}

/// The block keys of `envs`, as a list for prose: `` `eks`, `aks`, `gke` ``.
fn keys<'a>(envs: impl Iterator<Item = &'a &'static dyn Environment>) -> String {
    envs.map(|env| format!("`{}`", env.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A sizing field's description: what it is, then where it is required, optional or refused,
/// from each environment's [`Environment::sizing`] (the list the plan-time check uses).
fn sizing_description(field: SizingField, what: &str) -> String {
    format!("{what} {}", sizing_use(field))
}

/// Where `field` is required, optional and refused at plan, as one sentence.
fn sizing_use(field: SizingField) -> String {
    let mut groups: [(&str, Vec<&'static dyn Environment>); 3] = [
        ("required on", Vec::new()),
        ("optional on", Vec::new()),
        ("refused at plan on", Vec::new()),
    ];
    for env in ALL.iter().copied() {
        let group = match env.sizing().iter().find(|s| s.field == field) {
            Some(sizing) if sizing.required => 0,
            Some(_) => 1,
            None => 2,
        };
        groups[group].1.push(env);
    }
    use_sentence(groups)
}

/// A lifecycle field's description: what it is, then where it is taken and refused, from
/// each environment's [`Environment::lifecycle`] (the list the plan-time check uses).
fn lifecycle_description(field: LifecycleField, what: &str) -> String {
    format!("{what} {}", lifecycle_use(field))
}

/// Where the lifecycle `field` is taken and refused at plan, as one sentence. A repave
/// interval is taken as 0 only where the cloud runs the control plane (Palette repaves no
/// pool there).
fn lifecycle_use(field: LifecycleField) -> String {
    let mut groups: [(&str, Vec<&'static dyn Environment>); 3] = [
        ("taken on", Vec::new()),
        ("only 0 on", Vec::new()),
        ("refused at plan on", Vec::new()),
    ];
    for env in ALL.iter().copied() {
        let group = if !env.lifecycle().contains(&field) {
            2
        } else if field == LifecycleField::NodeRepaveInterval && env.managed_control_plane() {
            1
        } else {
            0
        };
        groups[group].1.push(env);
    }
    use_sentence(groups)
}

/// Groups of environments as one sentence, each group's verb before its keys, empty groups
/// left out. The largest group comes last, as "every other environment" (or "every
/// environment" when it is the only one).
fn use_sentence<const N: usize>(groups: [(&str, Vec<&'static dyn Environment>); N]) -> String {
    let mut groups: Vec<_> = groups
        .into_iter()
        .filter(|(_, envs)| !envs.is_empty())
        .collect();
    // The largest group (the first of equals) moves to the end; the others keep their order.
    let largest = (0..groups.len())
        .rev()
        .max_by_key(|&i| groups[i].1.len())
        .unwrap_or_default();
    let moved = groups.remove(largest);
    groups.push(moved);
    let last = groups.len() - 1;
    let parts: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, (verb, envs))| match (i == last, last) {
            (true, 0) => format!("{verb} every environment"),
            (true, _) => format!("{verb} every other environment"),
            _ => format!("{verb} {}", keys(envs.iter())),
        })
        .collect();
    let sentence = parts.join("; ");
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// The description of `palette_cluster.cloud_account_id`, from each environment's
/// [`Environment::account_environment`] (what the plan-time account check uses).
pub(crate) fn cloud_account_description() -> String {
    let without: Vec<_> = ALL
        .iter()
        .filter(|env| env.account_environment().is_none())
        .collect();
    let borrowed: Vec<String> = ALL
        .iter()
        .filter_map(|env| {
            let kind = env.account_environment()?;
            (kind != env.name())
                .then(|| format!("`{}` takes {} accounts", env.key(), kind.display_name()))
        })
        .collect();
    format!(
        "Uid of the cloud account to deploy with; required on every environment but {}, which \
         {} none. {}; the others take accounts of their own cloud. Changing it replaces the \
         cluster.",
        keys(without.iter().copied()),
        if without.len() == 1 { "takes" } else { "take" },
        borrowed.join(", ")
    )
}

/// One single-nested block per environment, named by its key.
///
/// Replace or update follows the API, in this one place: a field the environment lists as
/// [`Environment::updatable`] changes in place; any other field, and adding or removing the
/// block (moving the cluster to another environment), replaces the cluster.
pub(crate) fn environment_blocks() -> Vec<NestedBlock> {
    ALL.iter()
        .map(|env| {
            let mut updatable: Vec<&str> = env.updatable().iter().map(|f| f.attr).collect();
            // The placement defaults change in place through the pools that take them.
            let through_pools: &[&str] = if env.takes_placement() {
                &super::placement::THROUGH_POOLS
            } else {
                &[]
            };
            updatable.extend(through_pools);
            let mut block = Block::new().description(format!(
                "Deploys the cluster on {}. Exactly one environment block must be set.{}",
                env.display_name(),
                if updatable.is_empty() {
                    " Changing any of its fields replaces the cluster.".to_string()
                } else {
                    format!(
                        " {} {} in place; changing any other field replaces the cluster.",
                        updatable
                            .iter()
                            .map(|f| format!("`{f}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        if updatable.len() == 1 {
                            "changes"
                        } else {
                            "change"
                        }
                    )
                }
            ));
            for mut attribute in env.attributes() {
                if through_pools.contains(&attribute.name.as_str()) {
                    attribute.description.push_str(
                        " Changes in place: Palette places each pool with `placement` blocks \
                         (`v1VsphereMachinePoolCloudConfigEntity.placements`; the cluster \
                         config's update carries no compute cluster, datastore or network), so \
                         the provider sends the new default in the machine-pool update of every \
                         pool that takes it, and Palette repaves those pools' nodes into it \
                         (through the cluster's repave approval). A pool whose `placement` sets \
                         the field is left as it is.",
                    );
                } else if updatable.contains(&attribute.name.as_str()) {
                    attribute.description.push_str(" Changes in place.");
                } else {
                    attribute
                        .description
                        .push_str(" Changing it replaces the cluster.");
                    attribute = attribute.plan_modifier(requires_replace());
                }
                block = block.attribute(attribute);
            }
            // Nested blocks of an environment change in place, each through an endpoint of its
            // own (`Environment::block_updates`).
            for nested in env.blocks() {
                block = block.block(nested);
            }
            NestedBlock::new(env.key(), Nesting::Single, block).plan_modifier(requires_replace_if(
                |req| req.state_value.is_null() != req.plan_value.is_null(),
                "Adding or removing the block replaces the cluster.",
                "Adding or removing the block replaces the cluster.",
            ))
        })
        .collect()
}

// Small schema helpers, shared by the environment files. Every environment field carries a
// description; whether a change replaces the cluster is decided by `environment_blocks`.

/// A required string.
pub(crate) fn required_string(name: &str, description: &str) -> Attribute {
    Attribute::string(name).required().description(description)
}

/// An optional string.
pub(crate) fn optional_string(name: &str, description: &str) -> Attribute {
    Attribute::string(name).optional().description(description)
}

/// An optional bool.
pub(crate) fn optional_bool(name: &str, description: &str) -> Attribute {
    Attribute::bool(name).optional().description(description)
}

/// An optional list of strings.
pub(crate) fn optional_strings(name: &str, description: &str) -> Attribute {
    Attribute::list(name, Type::String)
        .optional()
        .description(description)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tfplugin::Value;

    use super::*;
    use crate::environments::by_key;

    #[test]
    fn sizing_descriptions_say_where_each_field_is_required() {
        let cases = [
            (
                SizingField::Count,
                "Refused at plan on `edge_native`; required on every other environment.",
            ),
            (
                SizingField::EdgeHosts,
                "Optional on `edge_native`; refused at plan on every other environment.",
            ),
            (
                SizingField::DiskSizeGb,
                "Required on `vsphere`, `nutanix`; refused at plan on `edge_native`; optional on \
                 every other environment.",
            ),
            (
                SizingField::Cpu,
                "Required on `vsphere`, `nutanix`; optional on `maas`; refused at plan on every \
                 other environment.",
            ),
        ];
        for (field, want) in cases {
            assert_eq!(sizing_use(field), want, "{}", field.attr());
        }
        let block = machine_pool_block().block;
        for field in SizingField::ALL {
            // A sizing field is an attribute, or a block (`eks_launch_template`).
            let description = block
                .attributes
                .iter()
                .find(|a| a.name == field.attr())
                .map(|a| &a.description)
                .or_else(|| {
                    block
                        .blocks
                        .iter()
                        .find(|b| b.type_name == field.attr())
                        .map(|b| &b.block.description)
                })
                .unwrap();
            assert!(
                description.ends_with(&sizing_use(field)),
                "{}: {description}",
                field.attr(),
            );
        }
    }

    #[test]
    fn lifecycle_descriptions_say_where_each_field_is_taken() {
        let cases = [
            (
                LifecycleField::UpdateStrategy,
                "Refused at plan on `nutanix`; taken on every other environment.",
            ),
            (
                LifecycleField::NodeRepaveInterval,
                "Only 0 on `tke`, `eks`, `aks`, `gke`; refused at plan on `nutanix`; taken on \
                 every other environment.",
            ),
            (
                LifecycleField::AdditionalAnnotations,
                "Refused at plan on `tke`, `nutanix`; taken on every other environment.",
            ),
            (
                LifecycleField::SkipK8sUpgrade,
                "Taken on `aws`, `vsphere`, `maas`; refused at plan on every other environment.",
            ),
            (
                LifecycleField::OverrideKubeadmConfiguration,
                "Refused at plan on `tke`, `nutanix`; taken on every other environment.",
            ),
        ];
        let block = machine_pool_block().block;
        for (field, want) in cases {
            assert_eq!(lifecycle_use(field), want, "{}", field.attr());
            let attribute = block
                .attributes
                .iter()
                .find(|a| a.name == field.attr())
                .unwrap();
            assert!(
                attribute.description.ends_with(want),
                "{}: {}",
                field.attr(),
                attribute.description
            );
            assert!(
                attribute.description.contains("Changes in place.")
                    && attribute.plan_modifiers.is_empty(),
                "{} changes in place",
                field.attr()
            );
        }
    }

    #[test]
    fn only_the_fields_the_api_updates_change_in_place() {
        let blocks = environment_blocks();
        for env in ALL {
            let block = blocks.iter().find(|b| b.type_name == env.key()).unwrap();
            assert_eq!(
                block.plan_modifiers.len(),
                1,
                "{}: adding or removing the block replaces",
                env.key()
            );
            let names: Vec<&str> = block
                .block
                .attributes
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            for field in env.updatable() {
                assert!(names.contains(&field.attr), "{}.{}", env.key(), field.attr);
                assert!(
                    env.cluster_config(&Value::Object(BTreeMap::new())).is_ok(),
                    "{} has an in-place field but no cluster config",
                    env.key()
                );
            }
            for attribute in &block.block.attributes {
                let through_pools = env.takes_placement()
                    && crate::environments::placement::THROUGH_POOLS
                        .contains(&attribute.name.as_str());
                let in_place =
                    env.updatable().iter().any(|f| f.attr == attribute.name) || through_pools;
                assert_eq!(
                    attribute.plan_modifiers.is_empty(),
                    in_place,
                    "{}.{}: replaces unless the API updates it in place",
                    env.key(),
                    attribute.name
                );
            }
        }
        let in_place = |key: &str| -> Vec<&str> {
            by_key(key)
                .unwrap()
                .updatable()
                .iter()
                .map(|f| f.attr)
                .collect()
        };
        assert_eq!(
            in_place("eks"),
            [
                "endpoint_access",
                "public_access_cidrs",
                "private_access_cidrs"
            ]
        );
        for key in ["aks", "azure", "gcp", "gke", "nutanix", "openstack"] {
            assert!(in_place(key).is_empty(), "{key}");
        }
        for key in ["vsphere", "maas", "edge_native"] {
            assert_eq!(in_place(key), ["ssh_keys", "ntp_servers"], "{key}");
        }
        // vSphere's placement defaults change through the pools that take them; its other
        // fields replace the cluster.
        let vsphere = blocks.iter().find(|b| b.type_name == "vsphere").unwrap();
        for attribute in &vsphere.block.attributes {
            let replaces = !attribute.plan_modifiers.is_empty();
            let name = attribute.name.as_str();
            assert_eq!(
                replaces,
                [
                    "datacenter",
                    "folder",
                    "image_template_folder",
                    "static_ip",
                    "network_type",
                    "vip",
                    "network_search_domain"
                ]
                .contains(&name),
                "vsphere.{name}"
            );
        }
    }
}

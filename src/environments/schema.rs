//! The `palette_cluster` schema the environments share: the `machine_pool` block, one block
//! per environment (where replace-or-update is decided), and the small attribute builders the
//! environment files use.

use tfplugin::plan_modifier::{requires_replace, requires_replace_if};
use tfplugin::validator::{at_least, one_of};
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Type};

use super::ALL;

/// The `machine_pool` block: one per pool, identified by name, with the sizing fields of every
/// environment (each environment takes a subset, checked at plan).
pub(crate) fn machine_pool_block() -> NestedBlock {
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
    let block = Block::new()
        .description(
            "A machine pool, identified by `name`: adding, removing or reordering worker pools changes the \
             cluster in place (a reorder calls no API). The sizing fields an environment takes differ: \
             instance types for clouds, `cpu`/`memory_mb` for vSphere and Nutanix, `resource_pool` \
             for MAAS, `edge_hosts` for Edge; the others are refused at plan.",
        )
        .attribute(Attribute::string("name").required().description("Pool name, unique in the cluster; its identity. Renaming a worker pool removes it and adds a new one, in place."))
        .attribute(
            Attribute::bool("control_plane")
                .optional()
                .default(false)
                .description("Whether the pool runs the Kubernetes control plane. One pool must, except on EKS, AKS, GKE and TKE, whose cloud runs it. Changing it on a pool, or adding a control-plane pool to a running cluster, replaces the cluster: Palette keeps the control plane a cluster was created with.")
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
                .description("Number of nodes. Required everywhere but Edge, where the pool has one node per edge host."),
        )
        .attribute(Attribute::int64("min").optional().validator(at_least(0)).description("Autoscaling minimum; defaults to `count`."))
        .attribute(Attribute::int64("max").optional().validator(at_least(0)).description("Autoscaling maximum; defaults to `count`."))
        .attribute(
            Attribute::string("instance_type")
                .optional()
                .description("Instance type (AWS, Azure, GCP, TKE, EKS, AKS, GKE) or flavor (OpenStack)."),
        )
        .attribute(Attribute::int64("disk_size_gb").optional().validator(at_least(1)).description("Root disk size in GB."))
        .attribute(Attribute::list("azs", Type::String).optional().description("Availability zones."))
        .attribute(
            Attribute::string("capacity_type")
                .optional()
                .validator(one_of(["on-demand", "spot"]))
                .description("`on-demand` or `spot` (AWS, EKS)."),
        )
        .attribute(Attribute::string("max_price").optional().description("Maximum spot price (AWS, EKS)."))
        .attribute(Attribute::int64("cpu").optional().validator(at_least(1)).description("Virtual CPUs per node (vSphere, Nutanix; the minimum for MAAS)."))
        .attribute(
            Attribute::int64("memory_mb")
                .optional()
                .validator(at_least(1))
                .description("Memory per node in MiB (vSphere, Nutanix; the minimum for MAAS)."),
        )
        .attribute(Attribute::string("resource_pool").optional().description("MAAS resource pool the machines come from."))
        .attribute(
            Attribute::list("edge_hosts", Type::String)
                .optional()
                .description("Edge host uids, one node each (Edge)."),
        )
        .attribute(
            Attribute::bool("is_system_node_pool")
                .optional()
                .description("Whether the pool is a system node pool, which runs the cluster's system pods (AKS). An AKS cluster needs at least one; it changes in place."),
        )
        .attribute(Attribute::map("labels", Type::String).optional().description("Extra Kubernetes labels on the pool's nodes."))
        .block(NestedBlock::new("taints", Nesting::List, taint));
    NestedBlock::new("machine_pool", Nesting::List, block)
        .min_items(1)
        .key("name")
}

/// One single-nested block per environment, named by its key.
///
/// Replace or update follows the API, in this one place: a field the environment lists as
/// [`Environment::updatable`] changes in place; any other field, and adding or removing the
/// block (moving the cluster to another environment), replaces the cluster.
pub(crate) fn environment_blocks() -> Vec<NestedBlock> {
    ALL.iter()
        .map(|env| {
            let updatable: Vec<&str> = env.updatable().iter().map(|f| f.attr).collect();
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
                if updatable.contains(&attribute.name.as_str()) {
                    attribute.description.push_str(" Changes in place.");
                } else {
                    attribute
                        .description
                        .push_str(" Changing it replaces the cluster.");
                    attribute = attribute.plan_modifier(requires_replace());
                }
                block = block.attribute(attribute);
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
                let in_place = env.updatable().iter().any(|f| f.attr == attribute.name);
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
    }
}

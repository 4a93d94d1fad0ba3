//! OpenStack: clusters on OpenStack instances (models from the legacy API spec; OpenStack left
//! the current one).

use palette_api::models::{
    OpenStackCloudConfig, OpenStackClusterConfig, OpenStackMachinePoolCloudConfigEntity,
    OpenStackMachinePoolConfigEntity, OpenStackResource, OpenstackFlavorConfig,
    SpectroOpenStackClusterEntity, SpectroOpenStackClusterEntitySpec,
};
use tfplugin::{Attribute, AttributePath, Diagnostics, Value, ValueExt};

use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, Pool, Sizing, SizingField,
    from_json, get_string, get_strings, optional, optional_string, optional_strings, pool_from_api,
    required, required_string, to_json,
};
use palette_stack::cidr::Cidr;
use palette_stack::environment_names::Environment as Name;

/// OpenStack.
pub(crate) struct Openstack;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
    optional(SizingField::SubnetId),
];

impl Environment for Openstack {
    fn name(&self) -> Name {
        Name::Openstack
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("region", "OpenStack region."),
            required_string("domain", "Keystone domain the project belongs to."),
            required_string("project", "OpenStack project the cluster goes in."),
            required_string("ssh_key_name", "Name of the key pair put on the nodes."),
            optional_string(
                "network_id",
                "Existing network to use; Palette creates one when unset.",
            ),
            optional_string("subnet_id", "Existing subnet to use."),
            optional_strings("dns_nameservers", "DNS servers for the nodes' subnet."),
            optional_string(
                "node_cidr",
                "CIDR of the nodes' subnet when Palette creates it.",
            ),
        ]
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// The network the nodes go in: an existing one (`network_id` with its `subnet_id`), or one
    /// Palette makes (`node_cidr`, a CIDR), not both. Unknown values wait; null ones are unset.
    fn check(&self, block: &Value, path: &AttributePath, _pools: &[Pool], diags: &mut Diagnostics) {
        let set = |name: &str| {
            block
                .get(name)
                .is_some_and(|v| !v.is_null() && !v.is_unknown())
        };
        let known_unset = |name: &str| block.get(name).is_none_or(Value::is_null);
        if set("subnet_id") && known_unset("network_id") {
            diags.attribute_error(
                path.clone().attr("subnet_id"),
                "Subnet Without Its Network",
                "`subnet_id` names a subnet of an existing network: set that network's \
                 `network_id` too.",
            );
        }
        if set("network_id") && known_unset("subnet_id") {
            diags.attribute_error(
                path.clone().attr("network_id"),
                "Network Without A Subnet",
                "In an existing network the nodes go in one of its subnets: set `subnet_id`.",
            );
        }
        if set("node_cidr") && (set("network_id") || set("subnet_id")) {
            diags.attribute_error(
                path.clone().attr("node_cidr"),
                "Node CIDR With An Existing Network",
                "`node_cidr` is the range of the network Palette makes; with `network_id` and \
                 `subnet_id` the nodes take addresses from that subnet instead. Set one or the \
                 other.",
            );
        }
        if let Some(cidr) = block.get_str("node_cidr")
            && Cidr::parse_ipv4_network(cidr).is_none()
        {
            diags.attribute_error(
                path.clone().attr("node_cidr"),
                "Invalid Node CIDR",
                format!(
                    "{cidr:?} is not an IPv4 network in CIDR form (a network address and a \
                     prefix length, as `10.0.0.0/16`): OpenStack makes the subnet from it."
                ),
            );
        }
    }

    /// A pool's `subnet_id` is a subnet of the block's existing network
    /// (`v1OpenStackMachinePoolCloudConfigEntity.subnet`): without `network_id` Palette makes
    /// the network, and the pool has no subnet of it to name. Unknown values wait.
    fn check_with_pools(&self, block: &Value, pools: &[Value], diags: &mut Diagnostics) {
        if !block.get("network_id").is_none_or(Value::is_null) {
            return;
        }
        for (index, pool) in pools.iter().enumerate() {
            if pool
                .get("subnet_id")
                .is_some_and(|v| !v.is_null() && !v.is_unknown())
            {
                diags.attribute_error(
                    AttributePath::root("machine_pool")
                        .index(index as i64)
                        .attr("subnet_id"),
                    "Subnet Without Its Network",
                    format!(
                        "A pool's `subnet_id` names a subnet of the cluster's existing network, \
                         but `{}` sets no `network_id` (Palette then makes the network). Set \
                         `network_id` and `subnet_id` there, or remove it from this pool.",
                        self.key()
                    ),
                );
            }
        }
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let block = spec.block;
        let named = |name: &str| {
            get_string(block, name).map(|n| OpenStackResource {
                name: Some(n),
                id: None,
            })
        };
        let by_id = |name: &str| {
            get_string(block, name).map(|id| OpenStackResource {
                id: Some(id),
                name: None,
            })
        };
        let pools = spec.pools.iter().map(pool_entity).collect();
        palette_api::ClusterCreate::Openstack(SpectroOpenStackClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroOpenStackClusterEntitySpec {
                cloud_account_uid: spec.cloud_account_uid.clone().unwrap_or_default(),
                cloud_config: OpenStackClusterConfig {
                    region: get_string(block, "region"),
                    domain: named("domain"),
                    project: named("project"),
                    ssh_key_name: get_string(block, "ssh_key_name"),
                    network: by_id("network_id"),
                    subnet: by_id("subnet_id"),
                    dns_nameservers: get_strings(block, "dns_nameservers"),
                    node_cidr: get_string(block, "node_cidr"),
                    bastion_disabled: None,
                },
                machinepoolconfig: Some(pools),
                profiles: Some(spec.profiles.clone()),
                ..Default::default()
            }),
        })
    }

    fn pool_body(&self, _block: &Value, pool: &Pool) -> Result<serde_json::Value, String> {
        to_json(&pool_entity(pool))
    }

    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String> {
        let config: OpenStackCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config.unwrap_or_default();
        Ok(CloudConfigState {
            host_names: Default::default(),
            account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
            block: BlockState::default()
                .string("region", cluster.region)
                .string("domain", cluster.domain.and_then(|d| d.name))
                .string("project", cluster.project.and_then(|p| p.name))
                .string("ssh_key_name", cluster.ssh_key_name)
                .string("network_id", cluster.network.and_then(|n| n.id))
                .string("subnet_id", cluster.subnet.and_then(|n| n.id))
                .strings("dns_nameservers", cluster.dns_nameservers)
                .string("node_cidr", cluster.node_cidr)
                .done(),
            pools: spec
                .machine_pool_config
                .unwrap_or_default()
                .into_iter()
                .map(|p| Pool {
                    instance_type: Some(p.flavor_config.name)
                        .filter(|n| !n.is_empty())
                        .or(p.flavor),
                    disk_size_gb: p.disk_gi_b.map(i64::from),
                    azs: p.azs,
                    subnet_id: p.subnet.and_then(|s| s.id).filter(|id| !id.is_empty()),
                    ..pool_from_api(ApiPool {
                        name: p.name,
                        is_control_plane: p.is_control_plane,
                        control_plane_as_worker: p.use_control_plane_as_worker,
                        size: p.size,
                        min: p.min_size,
                        max: p.max_size,
                        labels: p.additional_labels,
                        taints: p.taints,
                        update_strategy: p.update_strategy,
                        node_repave_interval: p.node_repave_interval,
                        annotations: p.additional_annotations,
                        skip_k8s_upgrade: None,
                        override_kubeadm_configuration: p.override_kubeadm_configuration,
                    })
                })
                .collect(),
        })
    }
}

fn pool_entity(pool: &Pool) -> OpenStackMachinePoolConfigEntity {
    OpenStackMachinePoolConfigEntity {
        cloud_config: OpenStackMachinePoolCloudConfigEntity {
            flavor_config: OpenstackFlavorConfig {
                name: pool.instance_type.clone().unwrap_or_default(),
                ..Default::default()
            },
            disk_gi_b: pool.disk_size_gb.map(|d| d as i32),
            azs: pool.azs.clone(),
            subnet: pool.subnet_id.clone().map(|id| OpenStackResource {
                id: Some(id),
                name: None,
            }),
        },
        pool_config: Some(pool.pool_config()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn refused(pairs: &[(&str, Value)]) -> Vec<String> {
        let block = Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<BTreeMap<_, _>>(),
        );
        let mut diags = Diagnostics::new();
        Openstack.check(
            &block,
            &AttributePath::root("openstack").index(0),
            &[],
            &mut diags,
        );
        crate::diagnostics::attribute_paths(&diags)
    }

    #[test]
    fn the_network_is_existing_or_made_not_both() {
        assert!(refused(&[("network_id", "n".into()), ("subnet_id", "s".into())]).is_empty());
        assert!(refused(&[("node_cidr", "10.0.0.0/16".into())]).is_empty());
        assert_eq!(
            refused(&[("subnet_id", "s".into())]),
            ["openstack[0].subnet_id"]
        );
        assert_eq!(
            refused(&[("network_id", "n".into())]),
            ["openstack[0].network_id"]
        );
        assert_eq!(
            refused(&[
                ("network_id", "n".into()),
                ("subnet_id", "s".into()),
                ("node_cidr", "10.0.0.0/33".into())
            ]),
            ["openstack[0].node_cidr", "openstack[0].node_cidr"]
        );
        // Neutron makes the subnet from the range: a host address or IPv6 is refused.
        for cidr in ["10.0.3.7/16", "fd00::/64", "10.0.0.0"] {
            assert_eq!(
                refused(&[("node_cidr", cidr.into())]),
                ["openstack[0].node_cidr"],
                "{cidr}"
            );
        }
        // A network from a module variable is not known yet: nothing is judged.
        assert!(refused(&[("network_id", Value::unknown())]).is_empty());
        assert!(refused(&[("subnet_id", Value::unknown())]).is_empty());
        assert!(refused(&[("subnet_id", "s".into()), ("network_id", Value::unknown())]).is_empty());
    }

    #[test]
    fn a_pool_subnet_needs_the_network() {
        let refused = |block: &[(&str, Value)], subnet: Value| {
            let object = |pairs: &[(&str, Value)]| {
                Value::Object(
                    pairs
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect::<BTreeMap<_, _>>(),
                )
            };
            let mut diags = Diagnostics::new();
            Openstack.check_with_pools(
                &object(block),
                &[object(&[("subnet_id", subnet)])],
                &mut diags,
            );
            crate::diagnostics::attribute_paths(&diags)
        };
        let network = [("network_id", Value::from("n"))];
        assert!(refused(&network, "s".into()).is_empty());
        assert!(refused(&[], Value::Null).is_empty());
        assert!(
            refused(&[], Value::unknown()).is_empty(),
            "waits for the subnet"
        );
        assert!(
            refused(&[("network_id", Value::unknown())], "s".into()).is_empty(),
            "waits for the network"
        );
        assert_eq!(refused(&[], "s".into()), ["machine_pool[0].subnet_id"]);
    }
}

//! Canonical MAAS: clusters on bare-metal machines taken from a MAAS resource pool.

use palette_api::models::{
    MaasCloudConfig, MaasClusterConfig, MaasInstanceType, MaasMachinePoolCloudConfigEntity,
    MaasMachinePoolConfigEntity, MaasNetworkConfigEntity, SpectroMaasClusterEntity,
    SpectroMaasClusterEntitySpec,
};
use tfplugin::{Attribute, AttributePath, Diagnostics, Value, ValueExt};

use super::as_entity;
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, InPlace, MaasNetwork, Pool,
    Sizing, SizingField, from_json, get_string, get_strings, in_place, optional, optional_bool,
    optional_strings, pool_from_api, required, required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// Canonical MAAS.
pub(crate) struct Maas;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::ResourcePool),
    optional(SizingField::Cpu),
    optional(SizingField::MemoryMb),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
    optional(SizingField::NodeTags),
    optional(SizingField::UseLxdVm),
    optional(SizingField::MaasNetwork),
];

impl Environment for Maas {
    fn name(&self) -> Name {
        Name::Maas
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("domain", "MAAS DNS domain of the machines."),
            optional_strings("ssh_keys", "Public SSH keys put on the machines."),
            optional_strings("ntp_servers", "NTP servers for the machines."),
            optional_bool(
                "enable_lxd_vm",
                "Make this cluster's machines LXD hosts, on which MAAS can then create the LXD \
                 virtual machines of other clusters' pools (`use_lxd_vm`); it does not change \
                 how this cluster's own machines are made (Palette's `enableLxdVm`, for host \
                 clusters only). Not with `use_lxd_vm` on a control-plane pool (checked at \
                 plan).",
            ),
        ]
    }

    /// Its pool models also take `skipK8sUpgrade` and report it back.
    fn lifecycle(&self) -> &'static [crate::environments::LifecycleField] {
        &crate::environments::LifecycleField::ALL
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// SSH keys and NTP servers are node settings Palette rolls out to a running cluster
    /// (`v1MaasClusterConfig.sshKeys`, `.ntpServers`); the DNS domain and LXD mode are fixed when the
    /// cluster is made.
    fn updatable(&self) -> &'static [InPlace] {
        const FIELDS: &[InPlace] = &[
            in_place("ssh_keys", "sshKeys"),
            in_place("ntp_servers", "ntpServers"),
        ];
        FIELDS
    }

    /// A pool's `network`: static addresses come from an IP pool, so `static_ip = true` needs
    /// `parent_pool_uid` and an IP pool needs `static_ip = true` (as vSphere's placements);
    /// `use_lxd_vm` not on a control-plane pool of an LXD host cluster (`enable_lxd_vm`:
    /// `v1MaasMachinePoolConfig.useLxdVm`). Unknown values wait; null ones are unset.
    fn check_with_pools(&self, block: &Value, pools: &[Value], diags: &mut Diagnostics) {
        let host_cluster = block.get_bool("enable_lxd_vm") == Some(true);
        for (index, pool) in pools.iter().enumerate() {
            if pool.is_unknown() {
                continue;
            }
            let base = AttributePath::root("machine_pool").index(index as i64);
            if host_cluster
                && pool.get_bool("use_lxd_vm") == Some(true)
                && pool.get_bool("control_plane") == Some(true)
            {
                diags.attribute_error(
                    base.clone().attr("use_lxd_vm"),
                    "LXD VMs On An LXD Host Cluster",
                    format!(
                        "`{}.enable_lxd_vm = true` makes this cluster's machines LXD hosts, and \
                         Palette does not run its control plane on LXD virtual machines then; \
                         remove `use_lxd_vm` from this control-plane pool, or `enable_lxd_vm`.",
                        self.key()
                    ),
                );
            }
            let Some(network) = pool
                .get("network")
                .filter(|n| !n.is_null() && !n.is_unknown())
            else {
                continue;
            };
            let at = base.clone().attr("network");
            let static_ip = network.get("static_ip").unwrap_or(&Value::Null);
            let ip_pool = network.get("parent_pool_uid").unwrap_or(&Value::Null);
            if static_ip.is_unknown() || ip_pool.is_unknown() {
                continue;
            }
            match (static_ip.as_bool() == Some(true), ip_pool.is_null()) {
                (true, true) => diags.attribute_error(
                    at.attr("static_ip"),
                    "Missing IP Pool",
                    "`static_ip = true` gives the machines static addresses from an IP pool: \
                     set `parent_pool_uid` to a `palette_ip_pool` of the cloud account's private \
                     cloud gateway.",
                ),
                (false, false) => diags.attribute_error(
                    at.attr("parent_pool_uid"),
                    "IP Pool Without Static IPs",
                    "`parent_pool_uid` gives the machines static addresses, which needs \
                     `static_ip = true` in this `network` block; set it, or remove \
                     `parent_pool_uid` (the machines then take DHCP addresses).",
                ),
                _ => {}
            }
        }
    }

    fn cluster_config(&self, block: &Value) -> Result<serde_json::Value, String> {
        to_json(&cluster_config(block))
    }

    fn cluster_config_entity(&self, body: serde_json::Value) -> Result<serde_json::Value, String> {
        as_entity::<palette_api::models::MaasCloudClusterConfigEntity>(body)
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let pools = spec.pools.iter().map(pool_entity).collect();
        palette_api::ClusterCreate::Maas(SpectroMaasClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroMaasClusterEntitySpec {
                cloud_account_uid: spec.cloud_account_uid.clone().unwrap_or_default(),
                cloud_config: cluster_config(spec.block),
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
        let config: MaasCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config.unwrap_or_default();
        Ok(CloudConfigState {
            host_names: Default::default(),
            account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
            block: BlockState::default()
                .string("domain", Some(cluster.domain))
                .strings("ssh_keys", cluster.ssh_keys)
                .strings("ntp_servers", cluster.ntp_servers)
                .bool("enable_lxd_vm", cluster.enable_lxd_vm)
                .done(),
            pools: spec
                .machine_pool_config
                .unwrap_or_default()
                .into_iter()
                .map(|p| Pool {
                    resource_pool: p.resource_pool,
                    cpu: p.instance_type.min_cpu.map(i64::from),
                    memory_mb: p.instance_type.min_mem_in_mb.map(i64::from),
                    disk_size_gb: p.instance_type.min_disk_size_in_gb.map(i64::from),
                    azs: p.azs,
                    node_tags: p.tags.filter(|t| !t.is_empty()),
                    // Always reported (false: bare metal), so a change either way is drift;
                    // an import reads false as unset.
                    use_lxd_vm: p.use_lxd_vm,
                    maas_network: p.network.filter(|n| !n.network_name.is_empty()).map(|n| {
                        MaasNetwork {
                            network_name: n.network_name,
                            parent_pool_uid: n
                                .parent_pool_ref
                                .and_then(|r| r.uid)
                                .filter(|u| !u.is_empty()),
                            static_ip: n.static_ip.unwrap_or(false),
                        }
                    }),
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
                        skip_k8s_upgrade: p.skip_k8s_upgrade,
                        override_kubeadm_configuration: p.override_kubeadm_configuration,
                    })
                })
                .collect(),
        })
    }
}

fn cluster_config(block: &Value) -> MaasClusterConfig {
    MaasClusterConfig {
        domain: get_string(block, "domain").unwrap_or_default(),
        ssh_keys: get_strings(block, "ssh_keys"),
        ntp_servers: get_strings(block, "ntp_servers"),
        enable_lxd_vm: block.get_bool("enable_lxd_vm"),
        static_ip: None,
    }
}

fn pool_entity(pool: &Pool) -> MaasMachinePoolConfigEntity {
    MaasMachinePoolConfigEntity {
        cloud_config: MaasMachinePoolCloudConfigEntity {
            resource_pool: pool.resource_pool.clone().unwrap_or_default(),
            instance_type: MaasInstanceType {
                min_cpu: pool.cpu.map(|c| c as i32),
                min_mem_in_mb: pool.memory_mb.map(|m| m as i32),
                min_disk_size_in_gb: pool.disk_size_gb.map(|d| d as i32),
            },
            azs: pool.azs.clone(),
            tags: pool.node_tags.clone(),
            use_lxd_vm: pool.use_lxd_vm,
            network: pool.maas_network.as_ref().map(|n| MaasNetworkConfigEntity {
                network_name: n.network_name.clone(),
                parent_pool_uid: n.parent_pool_uid.clone(),
                static_ip: Some(n.static_ip),
            }),
        },
        pool_config: Some(pool.pool_config()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn object(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    fn refused(block: &[(&str, Value)], pool: &[(&str, Value)]) -> Vec<String> {
        let mut diags = Diagnostics::new();
        Maas.check_with_pools(&object(block), &[object(pool)], &mut diags);
        crate::diagnostics::attribute_paths(&diags)
    }

    #[test]
    fn networks_and_lxd_vms_tell_null_unknown_and_known_apart() {
        let network = |static_ip: Value, pool: Value| {
            (
                "network",
                object(&[
                    ("network_name", "n".into()),
                    ("static_ip", static_ip),
                    ("parent_pool_uid", pool),
                ]),
            )
        };
        assert!(refused(&[], &[network(true.into(), "ip".into())]).is_empty());
        assert!(refused(&[], &[network(false.into(), Value::Null)]).is_empty());
        assert_eq!(
            refused(&[], &[network(true.into(), Value::Null)]),
            ["machine_pool[0].network.static_ip"]
        );
        assert_eq!(
            refused(&[], &[network(false.into(), "ip".into())]),
            ["machine_pool[0].network.parent_pool_uid"]
        );
        assert!(refused(&[], &[network(true.into(), Value::unknown())]).is_empty());
        assert!(refused(&[], &[network(Value::unknown(), "ip".into())]).is_empty());
        assert!(refused(&[], &[("network", Value::unknown())]).is_empty());
        let host = [("enable_lxd_vm", Value::from(true))];
        let cp = ("control_plane", Value::from(true));
        let lxd = ("use_lxd_vm", Value::from(true));
        assert_eq!(
            refused(&host, &[cp.clone(), lxd.clone()]),
            ["machine_pool[0].use_lxd_vm"]
        );
        assert!(
            refused(&host, std::slice::from_ref(&lxd)).is_empty(),
            "a worker pool may"
        );
        assert!(
            refused(&[], &[cp.clone(), lxd.clone()]).is_empty(),
            "not a host cluster"
        );
        assert!(refused(&[("enable_lxd_vm", Value::unknown())], &[cp, lxd]).is_empty());
    }

    #[test]
    fn networks_and_lxd_vms_round_trip_through_the_cloud_config() {
        let pool = Pool {
            name: "w".into(),
            count: Some(2),
            resource_pool: Some("bare-metal".into()),
            use_lxd_vm: Some(true),
            maas_network: Some(MaasNetwork {
                network_name: "n".into(),
                parent_pool_uid: Some("ip".into()),
                static_ip: true,
            }),
            ..Default::default()
        };
        let body = Maas.pool_body(&Value::Null, &pool).unwrap();
        assert_eq!(body["cloudConfig"]["useLxdVm"], true);
        assert_eq!(
            body["cloudConfig"]["network"],
            serde_json::json!({"networkName": "n", "parentPoolUid": "ip", "staticIp": true})
        );
        let stored = serde_json::json!({"spec": {"machinePoolConfig": [{
            "name": "w", "size": 2, "resourcePool": "bare-metal", "instanceType": {},
            "useLxdVm": true,
            "network": {"networkName": "n", "staticIp": true, "parentPoolRef": {"uid": "ip"}},
        }, {
            "name": "b", "size": 1, "resourcePool": "bare-metal", "instanceType": {}, "useLxdVm": false,
        }]}});
        let read = Maas.read_cloud_config(stored).unwrap();
        assert_eq!(read.pools[0].use_lxd_vm, Some(true));
        assert_eq!(read.pools[0].maas_network, pool.maas_network);
        assert_eq!(
            read.pools[1].use_lxd_vm,
            Some(false),
            "bare metal, as reported"
        );
        assert_eq!(read.pools[1].maas_network, None);
    }
}

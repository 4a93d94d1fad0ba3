//! Canonical MAAS: clusters on bare-metal machines taken from a MAAS resource pool.

use palette_api::models::{
    MaasCloudConfig, MaasClusterConfig, MaasInstanceType, MaasMachinePoolCloudConfigEntity,
    MaasMachinePoolConfigEntity, SpectroMaasClusterEntity, SpectroMaasClusterEntitySpec,
};
use tfplugin::{Attribute, Value, ValueExt};

use super::as_entity;
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, InPlace, Pool, Sizing,
    SizingField, from_json, get_string, get_strings, in_place, optional, optional_bool,
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
                "Whether to run nodes as LXD virtual machines on the hosts.",
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
            ..Default::default()
        },
        pool_config: Some(pool.pool_config()),
    }
}

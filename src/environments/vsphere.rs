//! VMware vSphere: clusters on virtual machines in a vCenter, sized by CPU, memory and disk.

use palette_api::models::{
    ControlPlaneEndPoint, SpectroVsphereClusterEntity, SpectroVsphereClusterEntitySpec,
    VsphereCloudConfig, VsphereClusterConfigEntity, VsphereInstanceType,
    VsphereMachinePoolCloudConfigEntity, VsphereMachinePoolConfigEntity,
    VsphereNetworkConfigEntity, VspherePlacementConfigEntity,
};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Value, ValueExt};

use super::as_entity;
use super::placement::{self, Placement};
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, InPlace, Pool, Sizing,
    SizingField, from_json, get_string, get_strings, in_place, optional_bool, optional_string,
    optional_strings, pool_from_api, required, required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// VMware vSphere.
pub(crate) struct Vsphere;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::Cpu),
    required(SizingField::MemoryMb),
    required(SizingField::DiskSizeGb),
];

impl Environment for Vsphere {
    fn name(&self) -> Name {
        Name::Vsphere
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("datacenter", "vSphere datacenter."),
            required_string("folder", "VM folder the nodes are put in."),
            optional_string(
                "image_template_folder",
                "VM folder of the datacenter the node image templates are kept in (Palette's \
                 own template folder when unset), for every pool \
                 (`clusterConfig.placement.imageTemplateFolder`). Checked at plan against the \
                 folders the cloud account's private cloud gateway sees in `datacenter`; a pool's \
                 `placement` may name another. Palette keeps a cluster's placement once made, so \
                 a change here replaces the cluster (a pool's changes in place).",
            ),
            required_string(
                "compute_cluster",
                "vSphere compute cluster the nodes run on (every pool's default, which a pool's \
                 `placement` overrides; so are `datastore`, `network`, `resource_pool`, \
                 `storage_policy`, `ip_pool_id` and `image_template_folder`). Checked at plan against what the cloud \
                 account's private cloud gateway sees, as are the datacenter, datastore, network \
                 and resource pool.",
            ),
            required_string(
                "datastore",
                "Datastore for the node disks (every pool's default).",
            ),
            required_string(
                "network",
                "Port group the nodes attach to (every pool's default).",
            ),
            optional_string(
                "resource_pool",
                "vSphere resource pool of the nodes (every pool's default).",
            ),
            optional_string(
                "storage_policy",
                "Storage policy for the node disks (every pool's default).",
            ),
            optional_strings("ssh_keys", "Public SSH keys put on the nodes."),
            optional_bool(
                "static_ip",
                "Whether nodes get static IPs from an IP pool instead of DHCP. Each pool's \
                 placement then needs an IP pool (`ip_pool_id` here or in the pool's \
                 `placement`), checked at plan.",
            ),
            optional_string(
                "ip_pool_id",
                "Uid of the `palette_ip_pool` (on the cloud account's private cloud gateway) the \
                 nodes take static IPs from, for every pool whose `placement` names none; only \
                 with `static_ip = true` (refused at plan otherwise). Palette refuses an IP pool \
                 with fewer free addresses than the nodes need.",
            ),
            optional_string(
                "network_type",
                "How the control-plane endpoint is published: `VIP` or `DDNS`.",
            )
            .validator(one_of(["VIP", "DDNS"])),
            optional_string("vip", "Control-plane virtual IP or host name."),
            optional_string(
                "network_search_domain",
                "With `network_type = \"DDNS\"`: the DNS search domain appended to the \
                 control-plane endpoint's generated host name \
                 (`controlPlaneEndpoint.ddnsSearchDomain`); refused at plan with another \
                 network type.",
            ),
            optional_strings("ntp_servers", "NTP servers for the nodes."),
        ]
    }

    /// Its pool models also take `skipK8sUpgrade` and report it back.
    fn lifecycle(&self) -> &'static [crate::environments::LifecycleField] {
        &crate::environments::LifecycleField::ALL
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// `compute_cluster`, `datastore`, `network`, `resource_pool`, `storage_policy` and
    /// `ip_pool_id` are every pool's defaults; a pool's `placement` overrides them.
    fn takes_placement(&self) -> bool {
        true
    }

    /// A DDNS search domain only with a DDNS endpoint.
    fn check(
        &self,
        block: &Value,
        path: &tfplugin::AttributePath,
        _pools: &[Pool],
        diags: &mut tfplugin::Diagnostics,
    ) {
        let kind = block.get("network_type").unwrap_or(&Value::Null);
        if block.get_str("network_search_domain").is_some()
            && !kind.is_unknown()
            && kind.as_str() != Some("DDNS")
        {
            diags.attribute_error(
                path.clone().attr("network_search_domain"),
                "Search Domain Without DDNS",
                "`network_search_domain` completes the host name a DDNS control-plane endpoint \
                 registers; set `network_type = \"DDNS\"`, or remove it.",
            );
        }
    }

    /// SSH keys and NTP servers are node settings Palette rolls out to a running cluster
    /// (`v1VsphereClusterConfigEntity.sshKeys`, `.ntpServers`). The placement defaults change
    /// too, but through the pools that take them (see [`placement`], and `environment_blocks`);
    /// the datacenter, folder, IP mode and the control-plane endpoint are fixed when the
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
        as_entity::<palette_api::models::VsphereCloudClusterConfigEntity>(body)
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let block = spec.block;
        let pools = spec
            .pools
            .iter()
            .map(|pool| pool_entity(block, pool))
            .collect();
        palette_api::ClusterCreate::Vsphere(SpectroVsphereClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroVsphereClusterEntitySpec {
                cloud_account_uid: spec.cloud_account_uid.clone(),
                cloud_config: cluster_config(block),
                machinepoolconfig: Some(pools),
                profiles: Some(spec.profiles.clone()),
                ..Default::default()
            }),
        })
    }

    fn pool_body(&self, block: &Value, pool: &Pool) -> Result<serde_json::Value, String> {
        to_json(&pool_entity(block, pool))
    }

    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String> {
        let config: VsphereCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config;
        let endpoint = cluster.control_plane_endpoint.unwrap_or_default();
        let pools = spec.machine_pool_config;
        // The block's defaults are where the control plane is placed (its first placement).
        let defaults = pools
            .iter()
            .find(|p| p.is_control_plane)
            .or(pools.first())
            .and_then(|p| p.placements.as_ref())
            .and_then(|p| p.first())
            .map(reported)
            .unwrap_or_default();
        Ok(CloudConfigState {
            host_names: Default::default(),
            account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
            block: BlockState::default()
                .string("datacenter", cluster.placement.datacenter)
                .string("folder", cluster.placement.folder)
                .string(
                    "image_template_folder",
                    cluster.placement.image_template_folder,
                )
                .string(
                    "compute_cluster",
                    defaults.get("compute_cluster").map(Into::into),
                )
                .string("datastore", defaults.get("datastore").map(Into::into))
                .string("network", defaults.get("network").map(Into::into))
                .string(
                    "resource_pool",
                    defaults.get("resource_pool").map(Into::into),
                )
                .string(
                    "storage_policy",
                    defaults.get("storage_policy").map(Into::into),
                )
                .string("ip_pool_id", defaults.get("ip_pool_id").map(Into::into))
                .strings("ssh_keys", cluster.ssh_keys)
                .bool("static_ip", cluster.static_ip)
                .string("network_type", endpoint.type_)
                .string("vip", endpoint.host)
                .string("network_search_domain", endpoint.ddns_search_domain)
                .strings("ntp_servers", cluster.ntp_servers)
                .done(),
            pools: pools
                .into_iter()
                .map(|p| Pool {
                    placements: p.placements.iter().flatten().map(reported).collect(),
                    cpu: Some(i64::from(p.instance_type.num_cp_us)),
                    memory_mb: Some(p.instance_type.memory_mi_b),
                    disk_size_gb: Some(i64::from(p.instance_type.disk_gi_b)),
                    ..pool_from_api(ApiPool {
                        name: p.name,
                        is_control_plane: Some(p.is_control_plane),
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

fn cluster_config(block: &Value) -> VsphereClusterConfigEntity {
    let endpoint = (block.get("network_type").is_some_and(|v| !v.is_null())
        || block.get_str("vip").is_some()
        || block.get_str("network_search_domain").is_some())
    .then(|| ControlPlaneEndPoint {
        type_: get_string(block, "network_type"),
        host: get_string(block, "vip"),
        ddns_search_domain: get_string(block, "network_search_domain"),
    });
    VsphereClusterConfigEntity {
        placement: VspherePlacementConfigEntity {
            datacenter: get_string(block, "datacenter"),
            folder: get_string(block, "folder"),
            image_template_folder: get_string(block, "image_template_folder"),
            ..Default::default()
        },
        ssh_keys: get_strings(block, "ssh_keys"),
        static_ip: block.get_bool("static_ip"),
        ntp_servers: get_strings(block, "ntp_servers"),
        control_plane_endpoint: endpoint,
    }
}

fn pool_entity(block: &Value, pool: &Pool) -> VsphereMachinePoolConfigEntity {
    VsphereMachinePoolConfigEntity {
        cloud_config: VsphereMachinePoolCloudConfigEntity {
            instance_type: Some(VsphereInstanceType {
                num_cp_us: pool.cpu.unwrap_or_default() as i32,
                memory_mi_b: pool.memory_mb.unwrap_or_default(),
                disk_gi_b: pool.disk_size_gb.unwrap_or_default() as i32,
            }),
            placements: Some(
                placement::effective(&pool.placements, &Placement::from_value(block))
                    .iter()
                    .map(|p| placement_entity(block, p))
                    .collect(),
            ),
        },
        pool_config: Some(pool.pool_config()),
    }
}

/// One placement as sent: the pool's network with the cluster's IP mode, and the IP pool the
/// static addresses come from (`parentPoolUid`).
fn placement_entity(block: &Value, p: &Placement) -> VspherePlacementConfigEntity {
    let text = |field: &str| p.get(field).map(str::to_string);
    VspherePlacementConfigEntity {
        cluster: text("compute_cluster"),
        datastore: text("datastore"),
        resource_pool: text("resource_pool"),
        storage_policy_name: text("storage_policy"),
        image_template_folder: text("image_template_folder"),
        network: text("network").map(|network_name| VsphereNetworkConfigEntity {
            network_name,
            static_ip: block.get_bool("static_ip"),
            parent_pool_uid: text("ip_pool_id"),
        }),
        ..Default::default()
    }
}

/// A placement as Palette reports it (the IP pool as `parentPoolRef`).
fn reported(p: &palette_api::models::VspherePlacementConfig) -> Placement {
    let network = p.network.as_ref();
    Placement::default()
        .with("compute_cluster", p.cluster.clone())
        .with("datastore", p.datastore.clone())
        .with("resource_pool", p.resource_pool.clone())
        .with("storage_policy", p.storage_policy_name.clone())
        .with("image_template_folder", p.image_template_folder.clone())
        .with("network", network.map(|n| n.network_name.clone()))
        .with(
            "ip_pool_id",
            network
                .and_then(|n| n.parent_pool_ref.as_ref())
                .and_then(|r| r.uid.clone()),
        )
}

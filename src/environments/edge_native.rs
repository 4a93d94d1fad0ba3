//! Edge: clusters on registered edge hosts. There is no cloud account; a pool has one node per
//! edge host, so its size is the number of hosts.

use palette_api::models::{
    EdgeNativeCloudConfig, EdgeNativeClusterConfig, EdgeNativeControlPlaneEndPoint,
    EdgeNativeMachinePoolCloudConfigEntity, EdgeNativeMachinePoolConfigEntity,
    EdgeNativeMachinePoolHostEntity, EdgeNativeOverlayNetworkConfiguration,
    SpectroEdgeNativeClusterEntity, SpectroEdgeNativeClusterEntitySpec,
};
use tfplugin::{Attribute, AttributePath, Diagnostics, Value, ValueExt};

use super::as_entity;
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, InPlace, Pool, Sizing,
    SizingField, from_json, get_string, get_strings, in_place, optional_bool, optional_string,
    optional_strings, pool_from_api, required, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// Edge.
pub(crate) struct EdgeNative;

const SIZING: &[Sizing] = &[required(SizingField::EdgeHosts)];

impl Environment for EdgeNative {
    fn name(&self) -> Name {
        Name::EdgeNative
    }

    fn account_environment(&self) -> Option<Name> {
        None
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            optional_string(
                "vip",
                "Control-plane virtual IP or host name; Palette assigns one when unset.",
            ),
            optional_strings("ssh_keys", "Public SSH keys put on the hosts."),
            optional_strings("ntp_servers", "NTP servers for the hosts."),
            optional_string(
                "overlay_cidr_range",
                "CIDR of the overlay network; no overlay when unset.",
            ),
            optional_bool(
                "is_two_node_cluster",
                "Whether the cluster is a two-node high-availability pair.",
            ),
        ]
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// SSH keys and NTP servers are node settings Palette rolls out to a running cluster
    /// (`v1EdgeNativeClusterConfig.sshKeys`, `.ntpServers`); the VIP, overlay network and two-node mode are
    /// fixed when the cluster is made.
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
        as_entity::<palette_api::models::EdgeNativeCloudClusterConfigEntity>(body)
    }

    fn check(
        &self,
        _block: &Value,
        _path: &AttributePath,
        pools: &[Pool],
        diags: &mut Diagnostics,
    ) {
        let mut seen = std::collections::BTreeMap::new();
        for (index, pool) in pools.iter().enumerate() {
            for host in pool.edge_hosts.iter().flatten() {
                if let Some(first) = seen.insert(host.clone(), pool.name.clone()) {
                    diags.attribute_error(
                        AttributePath::root("machine_pool").index(index as i64).attr("edge_hosts"),
                        "Edge Host Used Twice",
                        format!(
                            "Edge host {host:?} is already in machine pool {first:?}; a host can run one node \
                             only. Remove it from one of the pools."
                        ),
                    );
                }
            }
        }
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let pools = spec.pools.iter().map(pool_entity).collect();
        palette_api::ClusterCreate::EdgeNative(SpectroEdgeNativeClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroEdgeNativeClusterEntitySpec {
                cloud_config: Some(cluster_config(spec.block)),
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
        let config: EdgeNativeCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config;
        let overlay = cluster.overlay_network_configuration.unwrap_or_default();
        let host_names = spec
            .machine_pool_config
            .iter()
            .flat_map(|p| p.hosts.iter())
            .filter_map(|h| {
                Some((
                    h.host_uid.clone(),
                    h.host_name.clone().filter(|n| !n.is_empty())?,
                ))
            })
            .collect();
        Ok(CloudConfigState {
            host_names,
            account_uid: None,
            block: BlockState::default()
                .string("vip", cluster.control_plane_endpoint.and_then(|e| e.host))
                .strings("ssh_keys", cluster.ssh_keys)
                .strings("ntp_servers", cluster.ntp_servers)
                .string(
                    "overlay_cidr_range",
                    overlay.cidr.filter(|_| overlay.enable != Some(false)),
                )
                .bool("is_two_node_cluster", cluster.is_two_node_cluster)
                .done(),
            pools: spec
                .machine_pool_config
                .into_iter()
                .map(|p| {
                    let hosts: Vec<String> = p.hosts.iter().map(|h| h.host_uid.clone()).collect();
                    let mut pool = pool_from_api(ApiPool {
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
                    });
                    // The size of an edge pool is its host list; `count` is not an edge field.
                    pool.count = None;
                    pool.edge_hosts = Some(hosts);
                    pool
                })
                .collect(),
        })
    }
}

fn cluster_config(block: &Value) -> EdgeNativeClusterConfig {
    let overlay = get_string(block, "overlay_cidr_range");
    EdgeNativeClusterConfig {
        control_plane_endpoint: get_string(block, "vip").map(|host| {
            EdgeNativeControlPlaneEndPoint {
                host: Some(host),
                type_: Some("IP".to_string()),
                ddns_search_domain: None,
            }
        }),
        ssh_keys: get_strings(block, "ssh_keys"),
        ntp_servers: get_strings(block, "ntp_servers"),
        overlay_network_configuration: overlay.map(|cidr| EdgeNativeOverlayNetworkConfiguration {
            cidr: Some(cidr),
            enable: Some(true),
        }),
        is_two_node_cluster: block.get_bool("is_two_node_cluster"),
        static_ip: None,
    }
}

fn pool_entity(pool: &Pool) -> EdgeNativeMachinePoolConfigEntity {
    let hosts = pool
        .edge_hosts
        .iter()
        .flatten()
        .map(|uid| EdgeNativeMachinePoolHostEntity {
            host_uid: uid.clone(),
            ..Default::default()
        })
        .collect();
    EdgeNativeMachinePoolConfigEntity {
        cloud_config: Some(EdgeNativeMachinePoolCloudConfigEntity { edge_hosts: hosts }),
        pool_config: Some(pool.pool_config()),
    }
}

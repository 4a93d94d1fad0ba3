//! Google Cloud (IaaS): clusters on Compute Engine instances. GKE shares the API models and
//! reuses the conversions here.

use palette_api::models::{
    GcpCloudConfig, GcpClusterConfig, GcpMachinePoolCloudConfigEntity, GcpMachinePoolConfigEntity,
    GcpManagedClusterConfig, SpectroGcpClusterEntity, SpectroGcpClusterEntitySpec,
};
use tfplugin::{Attribute, AttributePath, Diagnostics, Value};

use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, Pool, Sizing, SizingField,
    from_json, get_string, optional, optional_string, pool_from_api, required, required_string,
    to_json,
};
use palette_stack::environment_names::Environment as Name;

/// Google Cloud.
pub(crate) struct Gcp;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
    optional(SizingField::Subnetwork),
];

impl Environment for Gcp {
    fn name(&self) -> Name {
        Name::Gcp
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("project", "Google Cloud project the cluster goes in."),
            required_string("region", "Google Cloud region, e.g. `us-central1`."),
            optional_string(
                "network",
                "Existing VPC network to use (by name); Palette makes an auto-mode network when \
                 unset. Pools pick a subnetwork of it with `subnetwork`.",
            ),
        ]
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// A pool's `subnetwork` is one of the cluster's named network
    /// (`v1GcpMachinePoolCloudConfigEntity.subnet`: "the first subnet from the cluster region and
    /// network" when unset): without a `network`, Palette makes the network and its subnetworks.
    fn check(&self, block: &Value, path: &AttributePath, pools: &[Pool], diags: &mut Diagnostics) {
        if !block.get("network").is_some_and(Value::is_null) {
            return;
        }
        for (index, pool) in pools.iter().enumerate() {
            if pool.subnetwork.is_some() {
                diags.attribute_error(
                    AttributePath::root("machine_pool")
                        .index(index as i64)
                        .attr("subnetwork"),
                    "Subnetwork Without A Network",
                    format!(
                        "Pool {:?} names a subnetwork, but the cluster names no VPC network for \
                         it to be in: set `network` in the `gcp` block ({path}), or remove \
                         `subnetwork`.",
                        pool.name
                    ),
                );
            }
        }
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        create_body(spec, false)
    }

    fn pool_body(&self, _block: &Value, pool: &Pool) -> Result<serde_json::Value, String> {
        to_json(&pool_entity(pool))
    }

    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String> {
        read_cloud_config(body)
    }
}

/// The create body of a GCP or GKE cluster (the same model; GKE adds the managed config).
pub(super) fn create_body(spec: &ClusterSpec<'_>, managed: bool) -> palette_api::ClusterCreate {
    let pools = spec.pools.iter().map(pool_entity).collect();
    let region = get_string(spec.block, "region").unwrap_or_default();
    let entity = SpectroGcpClusterEntity {
        metadata: Some(spec.metadata.clone()),
        spec: Some(SpectroGcpClusterEntitySpec {
            cloud_account_uid: spec.cloud_account_uid.clone().unwrap_or_default(),
            cloud_config: GcpClusterConfig {
                project: get_string(spec.block, "project").unwrap_or_default(),
                network: get_string(spec.block, "network"),
                managed_cluster_config: managed.then(|| GcpManagedClusterConfig {
                    location: Some(region.clone()),
                    enable_auto_pilot: None,
                }),
                region,
            },
            machinepoolconfig: Some(pools),
            profiles: Some(spec.profiles.clone()),
            ..Default::default()
        }),
    };
    if managed {
        palette_api::ClusterCreate::Gke(entity)
    } else {
        palette_api::ClusterCreate::Gcp(entity)
    }
}

/// The machine-pool entity of a GCP or GKE pool.
pub(super) fn pool_entity(pool: &Pool) -> GcpMachinePoolConfigEntity {
    GcpMachinePoolConfigEntity {
        cloud_config: GcpMachinePoolCloudConfigEntity {
            instance_type: pool.instance_type.clone().unwrap_or_default(),
            root_device_size: pool.disk_size_gb,
            azs: pool.azs.clone(),
            subnet: pool.subnetwork.clone(),
            ..Default::default()
        },
        pool_config: Some(pool.pool_config()),
    }
}

/// Reads a GCP or GKE cloud config.
pub(super) fn read_cloud_config(body: serde_json::Value) -> Result<CloudConfigState, String> {
    let config: GcpCloudConfig = from_json(body)?;
    let spec = config.spec.unwrap_or_default();
    let cluster = spec.cluster_config.unwrap_or_default();
    Ok(CloudConfigState {
        host_names: Default::default(),
        account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
        block: BlockState::default()
            .string("project", Some(cluster.project))
            .string("region", Some(cluster.region))
            .string("network", cluster.network)
            .done(),
        pools: spec
            .machine_pool_config
            .unwrap_or_default()
            .into_iter()
            .map(|p| Pool {
                instance_type: Some(p.instance_type).filter(|t| !t.is_empty()),
                disk_size_gb: p.root_device_size,
                azs: p.azs,
                subnetwork: p.subnet.filter(|s| !s.is_empty()),
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
                    skip_k8s_upgrade: None,
                    override_kubeadm_configuration: p.override_kubeadm_configuration,
                })
            })
            .collect(),
    })
}

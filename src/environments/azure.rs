//! Azure (IaaS): clusters on Azure virtual machines. AKS shares the API models and reuses the
//! conversions here.

use palette_api::models::{
    AzureCloudConfig, AzureClusterConfig, AzureMachinePoolCloudConfigEntity,
    AzureMachinePoolConfigEntity, AzureOSDisk, SpectroAzureClusterEntity,
    SpectroAzureClusterEntitySpec,
};
use tfplugin::{Attribute, Value, ValueExt};

use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, Pool, Sizing, SizingField,
    from_json, get_string, optional, optional_bool, optional_string, pool_from_api, required,
    required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// Azure.
pub(crate) struct Azure;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
];

impl Environment for Azure {
    fn name(&self) -> Name {
        Name::Azure
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string(
                "subscription_id",
                "Azure subscription the cluster's resources go in.",
            ),
            required_string("location", "Azure region, e.g. `eastus`."),
            required_string("ssh_key", "Public SSH key put on the nodes."),
            optional_string(
                "resource_group",
                "Resource group; Palette creates one when unset.",
            ),
            optional_string("vnet_name", "Existing virtual network to use."),
            optional_string(
                "vnet_resource_group",
                "Resource group of the existing virtual network.",
            ),
            optional_string("vnet_cidr_block", "Address space of the virtual network."),
            optional_string(
                "storage_account_name",
                "Storage account for the cluster's images.",
            ),
            optional_string(
                "container_name",
                "Storage container for the cluster's images.",
            ),
            optional_bool(
                "private_cluster",
                "Whether the API server has a private endpoint only.",
            ),
        ]
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        create_body(spec, false)
    }

    fn pool_body(&self, _block: &Value, pool: &Pool) -> Result<serde_json::Value, String> {
        to_json(&pool_entity(pool, false))
    }

    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String> {
        read_cloud_config(body)
    }
}

/// The create body of an Azure or AKS cluster (the same model).
pub(super) fn create_body(spec: &ClusterSpec<'_>, managed: bool) -> palette_api::ClusterCreate {
    let pools = spec
        .pools
        .iter()
        .map(|pool| pool_entity(pool, managed))
        .collect();
    let entity = SpectroAzureClusterEntity {
        metadata: Some(spec.metadata.clone()),
        spec: Some(SpectroAzureClusterEntitySpec {
            cloud_account_uid: spec.cloud_account_uid.clone().unwrap_or_default(),
            cloud_config: cluster_config(spec.block),
            machinepoolconfig: Some(pools),
            profiles: Some(spec.profiles.clone()),
            ..Default::default()
        }),
    };
    if managed {
        palette_api::ClusterCreate::Aks(entity)
    } else {
        palette_api::ClusterCreate::Azure(entity)
    }
}

fn cluster_config(block: &Value) -> AzureClusterConfig {
    AzureClusterConfig {
        subscription_id: get_string(block, "subscription_id").unwrap_or_default(),
        location: get_string(block, "location").unwrap_or_default(),
        ssh_key: get_string(block, "ssh_key").unwrap_or_default(),
        resource_group: get_string(block, "resource_group"),
        vnet_name: get_string(block, "vnet_name"),
        vnet_resource_group: get_string(block, "vnet_resource_group"),
        vnet_cidr_block: get_string(block, "vnet_cidr_block"),
        storage_account_name: get_string(block, "storage_account_name"),
        container_name: get_string(block, "container_name"),
        enable_private_cluster: block.get_bool("private_cluster"),
        ..Default::default()
    }
}

/// The machine-pool entity of an Azure or AKS pool. An AKS pool says whether it is a system
/// node pool, in the pool's cloud config and its managed pool config alike.
pub(super) fn pool_entity(pool: &Pool, managed: bool) -> AzureMachinePoolConfigEntity {
    let system = managed.then(|| pool.system_node_pool.unwrap_or(false));
    AzureMachinePoolConfigEntity {
        cloud_config: AzureMachinePoolCloudConfigEntity {
            instance_type: pool.instance_type.clone(),
            azs: pool.azs.clone(),
            is_system_node_pool: system,
            os_disk: pool.disk_size_gb.map(|size| AzureOSDisk {
                disk_size_gb: Some(size as i32),
                ..Default::default()
            }),
        },
        managed_pool_config: managed.then(|| palette_api::models::AzureManagedMachinePoolConfig {
            is_system_node_pool: system,
            ..Default::default()
        }),
        pool_config: Some(pool.pool_config()),
    }
}

/// Reads an Azure or AKS cloud config.
pub(super) fn read_cloud_config(body: serde_json::Value) -> Result<CloudConfigState, String> {
    let config: AzureCloudConfig = from_json(body)?;
    let spec = config.spec.unwrap_or_default();
    let cluster = spec.cluster_config.unwrap_or_default();
    Ok(CloudConfigState {
        host_names: Default::default(),
        account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
        block: BlockState::default()
            .string("subscription_id", Some(cluster.subscription_id))
            .string("location", Some(cluster.location))
            .string("ssh_key", Some(cluster.ssh_key))
            .string("resource_group", cluster.resource_group)
            .string("vnet_name", cluster.vnet_name)
            .string("vnet_resource_group", cluster.vnet_resource_group)
            .string("vnet_cidr_block", cluster.vnet_cidr_block)
            .string("storage_account_name", cluster.storage_account_name)
            .string("container_name", cluster.container_name)
            .bool("private_cluster", cluster.enable_private_cluster)
            .done(),
        pools: spec
            .machine_pool_config
            .unwrap_or_default()
            .into_iter()
            .map(|p| Pool {
                instance_type: p.instance_type,
                disk_size_gb: p.os_disk.and_then(|d| d.disk_size_gb).map(i64::from),
                azs: p.azs,
                system_node_pool: p.is_system_node_pool,
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

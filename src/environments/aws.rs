//! AWS (IaaS): clusters on EC2 instances in the user's account.

use palette_api::models::{
    AwsCloudConfig, AwsClusterConfig, AwsMachinePoolCloudConfigEntity, AwsMachinePoolConfigEntity,
    SpectroAwsClusterEntity, SpectroAwsClusterEntitySpec, SpotMarketOptions,
};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Value, ValueExt};

use super::as_entity;
use super::aws_network::{AwsPoolNetwork, HOST_RESOURCE_GROUP};
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, InPlace, Pool, Sizing,
    SizingField, from_json, get_string, in_place, non_empty, optional, optional_bool,
    optional_string, pool_from_api, required, required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// AWS.
pub(crate) struct Aws;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
    optional(SizingField::CapacityType),
    optional(SizingField::MaxPrice),
    optional(SizingField::AzSubnets),
    optional(SizingField::AdditionalSecurityGroups),
    optional(SizingField::HostResourceGroupArn),
    optional(SizingField::LicenseConfigurationArns),
];

impl Environment for Aws {
    fn name(&self) -> Name {
        Name::Aws
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("region", "AWS region, e.g. `us-east-1`."),
            optional_string("ssh_key_name", "Name of the EC2 key pair put on the nodes."),
            optional_string(
                "vpc_id",
                "Existing VPC to use; Palette creates one when unset.",
            ),
            optional_string(
                "control_plane_lb",
                "Control-plane load balancer scheme: `Internet-facing` or `internal`.",
            )
            .validator(one_of(["Internet-facing", "internal"])),
            optional_bool("bastion_disabled", "Whether to skip the bastion host."),
        ]
    }

    /// The bastion host comes and goes on a running cluster (`v1AwsClusterConfig.bastionDisabled`);
    /// region, VPC, key pair and load-balancer scheme are fixed when the cluster is made.
    fn updatable(&self) -> &'static [InPlace] {
        const FIELDS: &[InPlace] = &[in_place("bastion_disabled", "bastionDisabled")];
        FIELDS
    }

    fn cluster_config(&self, block: &Value) -> Result<serde_json::Value, String> {
        to_json(&cluster_config(block))
    }

    fn cluster_config_entity(&self, body: serde_json::Value) -> Result<serde_json::Value, String> {
        as_entity::<palette_api::models::AwsCloudClusterConfigEntity>(body)
    }

    /// Its pool models also take `skipK8sUpgrade` and report it back.
    fn lifecycle(&self) -> &'static [crate::environments::LifecycleField] {
        &crate::environments::LifecycleField::ALL
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    fn check(
        &self,
        block: &Value,
        path: &tfplugin::AttributePath,
        pools: &[Pool],
        diags: &mut tfplugin::Diagnostics,
    ) {
        super::aws_network::check(block, path, pools, diags);
    }

    fn check_with_pools(&self, block: &Value, pools: &[Value], diags: &mut tfplugin::Diagnostics) {
        let path = tfplugin::AttributePath::root(self.key());
        super::aws_network::check_capacity(block, &path, pools, true, diags);
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let pools = spec.pools.iter().map(pool_entity).collect();
        palette_api::ClusterCreate::Aws(SpectroAwsClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroAwsClusterEntitySpec {
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
        let config: AwsCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config.unwrap_or_default();
        Ok(CloudConfigState {
            host_names: Default::default(),
            account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
            block: BlockState::default()
                .string("region", Some(cluster.region))
                .string("ssh_key_name", cluster.ssh_key_name)
                .string("vpc_id", cluster.vpc_id)
                .string("control_plane_lb", cluster.control_plane_load_balancer)
                .bool("bastion_disabled", cluster.bastion_disabled)
                .done(),
            pools: spec
                .machine_pool_config
                .unwrap_or_default()
                .into_iter()
                .map(|p| Pool {
                    instance_type: p.instance_type,
                    disk_size_gb: p.root_device_size,
                    azs: p.azs,
                    // A pool on a host resource group is one, whatever capacity type is
                    // reported beside its group (the read model's enum lacks the value).
                    capacity_type: match non_empty(p.host_resource_group_arn.clone()) {
                        Some(_) => Some(HOST_RESOURCE_GROUP.to_string()),
                        None => non_empty(p.capacity_type),
                    },
                    host_resource_group_arn: non_empty(p.host_resource_group_arn),
                    license_configuration_arns: p
                        .license_configuration_arns
                        .filter(|l| !l.is_empty()),
                    max_price: p.spot_market_options.and_then(|s| non_empty(s.max_price)),
                    network: AwsPoolNetwork::from_api(
                        p.subnet_ids,
                        p.additional_security_groups,
                        None,
                        None,
                        None,
                    ),
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

fn cluster_config(block: &Value) -> AwsClusterConfig {
    AwsClusterConfig {
        region: get_string(block, "region").unwrap_or_default(),
        ssh_key_name: get_string(block, "ssh_key_name"),
        vpc_id: get_string(block, "vpc_id"),
        control_plane_load_balancer: get_string(block, "control_plane_lb"),
        bastion_disabled: block.get_bool("bastion_disabled"),
        ..Default::default()
    }
}

fn pool_entity(pool: &Pool) -> AwsMachinePoolConfigEntity {
    AwsMachinePoolConfigEntity {
        cloud_config: AwsMachinePoolCloudConfigEntity {
            instance_type: pool.instance_type.clone().unwrap_or_default(),
            root_device_size: pool.disk_size_gb,
            azs: pool.azs.clone(),
            subnets: pool.network.subnets(),
            additional_security_groups: pool.network.security_group_refs(),
            capacity_type: pool.capacity_type.clone(),
            host_resource_group_arn: pool.host_resource_group_arn.clone(),
            license_configuration_arns: pool.license_configuration_arns.clone(),
            spot_market_options: pool.max_price.clone().map(|price| SpotMarketOptions {
                max_price: Some(price),
            }),
        },
        pool_config: Some(pool.pool_config()),
    }
}

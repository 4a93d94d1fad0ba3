//! AWS EKS: managed Kubernetes on AWS, deployed with AWS cloud accounts.

use palette_api::models::{
    EksCloudConfig, EksClusterConfig, EksClusterConfigEndpointAccess, EksFargateProfiles,
    EksMachineCloudConfigEntity, EksMachinePoolConfigEntity, EncryptionConfig,
    SpectroEksClusterEntity, SpectroEksClusterEntitySpec, SpotMarketOptions,
};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Value};

use super::BlockUpdate;
use super::as_entity;
use super::aws_network::{self, AwsPoolNetwork};
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, InPlace, Pool, Sizing,
    SizingField, from_json, get_string, get_strings, in_place, non_empty, optional,
    optional_string, optional_strings, pool_from_api, required, required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// AWS EKS.
pub(crate) struct Eks;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
    optional(SizingField::CapacityType),
    optional(SizingField::MaxPrice),
    optional(SizingField::AzSubnets),
    optional(SizingField::AmiType),
    optional(SizingField::EksLaunchTemplate),
];

impl Environment for Eks {
    fn name(&self) -> Name {
        Name::Eks
    }

    fn account_environment(&self) -> Option<Name> {
        Some(Name::Aws)
    }

    fn managed_control_plane(&self) -> bool {
        true
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
                "endpoint_access",
                "API endpoint access: `public`, `private` or `private_and_public`.",
            )
            .validator(one_of(["public", "private", "private_and_public"])),
            optional_strings(
                "public_access_cidrs",
                "CIDRs allowed to reach a public API endpoint.",
            ),
            optional_strings(
                "private_access_cidrs",
                "CIDRs allowed to reach a private API endpoint.",
            ),
            optional_string(
                "encryption_config_arn",
                "KMS key ARN used to encrypt Kubernetes secrets.",
            ),
        ]
    }

    /// EKS changes a cluster's endpoint access in place (`v1EksClusterConfig.endpointAccess`:
    /// the public and private flags and their CIDRs); region, VPC, key pair and secrets
    /// encryption are fixed when the cluster is made.
    fn updatable(&self) -> &'static [InPlace] {
        const FIELDS: &[InPlace] = &[
            in_place("endpoint_access", "endpointAccess"),
            in_place("public_access_cidrs", "endpointAccess"),
            in_place("private_access_cidrs", "endpointAccess"),
        ];
        FIELDS
    }

    fn cluster_config(&self, block: &Value) -> Result<serde_json::Value, String> {
        to_json(&cluster_config(block))
    }

    fn cluster_config_entity(&self, body: serde_json::Value) -> Result<serde_json::Value, String> {
        as_entity::<palette_api::models::EksCloudClusterConfigEntity>(body)
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
        aws_network::check(block, path, pools, diags);
    }

    fn check_with_pools(&self, block: &Value, pools: &[Value], diags: &mut tfplugin::Diagnostics) {
        let path = tfplugin::AttributePath::root(self.key());
        aws_network::check_capacity(block, &path, pools, false, diags);
    }

    fn blocks(&self) -> Vec<tfplugin::NestedBlock> {
        vec![aws_network::fargate_profile_block()]
    }

    /// Fargate profiles change together, in place.
    fn block_updates(&self, old: &Value, new: &Value) -> Vec<BlockUpdate> {
        let profiles = aws_network::fargate_profiles(new);
        if aws_network::fargate_profiles(old) == profiles {
            return Vec::new();
        }
        vec![BlockUpdate::EksFargateProfiles(EksFargateProfiles {
            fargate_profiles: Some(profiles),
        })]
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let pools = spec.pools.iter().map(pool_entity).collect();
        palette_api::ClusterCreate::Eks(SpectroEksClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroEksClusterEntitySpec {
                cloud_account_uid: spec.cloud_account_uid.clone().unwrap_or_default(),
                cloud_config: cluster_config(spec.block),
                fargate_profiles: Some(aws_network::fargate_profiles(spec.block))
                    .filter(|p| !p.is_empty()),
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
        let config: EksCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config.unwrap_or_default();
        let access = cluster.endpoint_access.unwrap_or_default();
        let endpoint = match (access.public, access.private) {
            (Some(true), Some(true)) => Some("private_and_public"),
            (_, Some(true)) => Some("private"),
            (Some(true), _) => Some("public"),
            _ => None,
        };
        Ok(CloudConfigState {
            host_names: Default::default(),
            account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
            block: BlockState::default()
                .string("region", Some(cluster.region))
                .string("ssh_key_name", cluster.ssh_key_name)
                .string("vpc_id", cluster.vpc_id)
                .string("endpoint_access", endpoint.map(str::to_string))
                .strings("public_access_cidrs", access.public_cid_rs)
                .strings("private_access_cidrs", access.private_cid_rs)
                .string(
                    "encryption_config_arn",
                    cluster.encryption_config.and_then(|e| e.provider),
                )
                .done()
                .into_iter()
                .chain([(
                    "fargate_profile",
                    aws_network::fargate_profiles_value(&spec.fargate_profiles.unwrap_or_default()),
                )])
                .collect(),
            pools: spec
                .machine_pool_config
                .unwrap_or_default()
                .into_iter()
                .map(|p| Pool {
                    instance_type: p.instance_type,
                    disk_size_gb: p.root_device_size,
                    azs: p.azs,
                    capacity_type: non_empty(p.capacity_type),
                    max_price: p.spot_market_options.and_then(|s| non_empty(s.max_price)),
                    network: AwsPoolNetwork::from_api(
                        p.subnet_ids,
                        None,
                        p.ami_type,
                        p.aws_launch_template,
                        p.enable_aws_launch_template,
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
                        skip_k8s_upgrade: None,
                        override_kubeadm_configuration: p.override_kubeadm_configuration,
                    })
                })
                .collect(),
        })
    }
}

fn cluster_config(block: &Value) -> EksClusterConfig {
    let endpoint = get_string(block, "endpoint_access");
    let public_cidrs = get_strings(block, "public_access_cidrs");
    let private_cidrs = get_strings(block, "private_access_cidrs");
    let endpoint_access = (endpoint.is_some() || public_cidrs.is_some() || private_cidrs.is_some())
        .then(|| {
            let mode = endpoint.as_deref().unwrap_or("public");
            EksClusterConfigEndpointAccess {
                public: Some(mode != "private"),
                private: Some(mode != "public"),
                public_cid_rs: public_cidrs,
                private_cid_rs: private_cidrs,
            }
        });
    EksClusterConfig {
        region: get_string(block, "region").unwrap_or_default(),
        ssh_key_name: get_string(block, "ssh_key_name"),
        vpc_id: get_string(block, "vpc_id"),
        endpoint_access,
        encryption_config: get_string(block, "encryption_config_arn").map(|arn| EncryptionConfig {
            is_enabled: Some(true),
            provider: Some(arn),
            resources: Some(vec!["secrets".to_string()]),
        }),
        ..Default::default()
    }
}

fn pool_entity(pool: &Pool) -> EksMachinePoolConfigEntity {
    EksMachinePoolConfigEntity {
        cloud_config: Some(EksMachineCloudConfigEntity {
            instance_type: pool.instance_type.clone(),
            root_device_size: pool.disk_size_gb,
            azs: pool.azs.clone(),
            subnets: pool.network.subnets(),
            ami_type: pool.network.ami_type.clone(),
            aws_launch_template: pool.network.launch_template_entity(),
            enable_aws_launch_template: pool.network.launch_template.as_ref().map(|_| true),
            capacity_type: pool.capacity_type.clone(),
            spot_market_options: pool.max_price.clone().map(|price| SpotMarketOptions {
                max_price: Some(price),
            }),
        }),
        pool_config: Some(pool.pool_config()),
    }
}

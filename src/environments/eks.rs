//! AWS EKS: managed Kubernetes on AWS, deployed with AWS cloud accounts.

use palette_api::models::{
    EksCloudConfig, EksClusterConfig, EksClusterConfigEndpointAccess, EksFargateProfiles,
    EksMachineCloudConfigEntity, EksMachinePoolConfigEntity, EncryptionConfig,
    SpectroEksClusterEntity, SpectroEksClusterEntitySpec, SpotMarketOptions,
};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Value, ValueExt};

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
            Attribute::map("az_subnets", tfplugin::Type::String)
                .optional()
                .description(
                    "The control plane's subnets, availability zone to subnet id \
                     (`{ \"us-east-1a\" = \"subnet-...\" }`): the subnets of `vpc_id` EKS puts \
                     the control plane's network interfaces in, in at least two zones of the \
                     region (only with `vpc_id`; checked at plan, against the VPCs the cloud \
                     account sees where known). Palette takes them as a control-plane machine \
                     pool `cp-pool` of no nodes, which this provider keeps out of \
                     `machine_pool` and reads back here for drift and import. EKS keeps a \
                     cluster's control-plane subnets, so a change replaces the cluster.",
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
        check_control_plane_subnets(block, &path, diags);
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
        let pools = control_plane_pool(spec.block)
            .into_iter()
            .chain(spec.pools.iter().map(pool_entity))
            .collect();
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
        let mut spec = config.spec.unwrap_or_default();
        // The control plane's subnets come as a control-plane pool of no nodes (`cp-pool`); an
        // EKS cluster has no other control-plane pool.
        let (carriers, pools): (Vec<_>, Vec<_>) = spec
            .machine_pool_config
            .take()
            .unwrap_or_default()
            .into_iter()
            .partition(|p| p.is_control_plane);
        spec.machine_pool_config = Some(pools);
        let control_plane_subnets = carriers
            .into_iter()
            .find_map(|p| p.subnet_ids.filter(|s| !s.is_empty()));
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
                .chain(control_plane_subnets.map(|subnets| {
                    (
                        "az_subnets",
                        Value::Map(
                            subnets
                                .into_iter()
                                .map(|(az, id)| (az, Value::from(id)))
                                .collect(),
                        ),
                    )
                }))
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

/// The name Palette's control-plane subnet carrier pool goes by.
const CONTROL_PLANE_POOL: &str = "cp-pool";

/// The control plane's subnets (`az_subnets` of the block) as Palette takes them: a
/// control-plane pool of no nodes in those subnets.
fn control_plane_pool(block: &Value) -> Option<EksMachinePoolConfigEntity> {
    let subnets = super::get_string_map(block, "az_subnets").filter(|m| !m.is_empty())?;
    let carrier = Pool {
        name: CONTROL_PLANE_POOL.to_string(),
        control_plane: true,
        count: Some(0),
        azs: Some(subnets.keys().cloned().collect()),
        network: AwsPoolNetwork {
            az_subnets: Some(subnets),
            ..Default::default()
        },
        ..Default::default()
    };
    Some(pool_entity(&carrier))
}

/// `az_subnets` of the block: only with `vpc_id`, each zone one of the region's, at least two
/// zones (EKS places the control plane in two or more). Unknown values wait.
fn check_control_plane_subnets(
    block: &Value,
    path: &tfplugin::AttributePath,
    diags: &mut tfplugin::Diagnostics,
) {
    let Some(subnets) = block
        .get("az_subnets")
        .filter(|v| !v.is_null() && !v.is_unknown())
        .and_then(Value::as_map)
    else {
        return;
    };
    let at = path.clone().attr("az_subnets");
    if block.get("vpc_id").is_none_or(Value::is_null) {
        diags.attribute_error(
            at.clone(),
            "Subnets Without A VPC",
            format!(
                "`az_subnets` names subnets of an existing VPC for the control plane, but `{path}` \
                 sets no `vpc_id` (Palette then makes a VPC of its own). Set `vpc_id`, or remove \
                 `az_subnets`."
            ),
        );
    }
    if let Some(region) = block.get_str("region") {
        for az in subnets.keys() {
            if !az.starts_with(region) || az.len() <= region.len() {
                diags.attribute_error(
                    at.clone().key(az.as_str()),
                    "Availability Zone Outside The Region",
                    format!(
                        "{az:?} is not an availability zone of region {region:?} (its zones are \
                         named {region}a, {region}b, ...)."
                    ),
                );
            }
        }
    }
    if subnets.len() < 2 {
        diags.attribute_error(
            at,
            "Too Few Control-Plane Zones",
            "EKS puts a cluster's control plane in subnets of at least two availability zones; \
             name a subnet in each of two or more zones.",
        );
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn block(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    fn subnets(pairs: &[(&str, &str)]) -> Value {
        Value::Map(
            pairs
                .iter()
                .map(|(az, id)| (az.to_string(), Value::from(*id)))
                .collect(),
        )
    }

    #[test]
    fn control_plane_subnets_are_checked_and_wait_for_unknowns() {
        let refused = |pairs: &[(&str, Value)]| {
            let mut diags = tfplugin::Diagnostics::new();
            check_control_plane_subnets(
                &block(pairs),
                &tfplugin::AttributePath::root("eks"),
                &mut diags,
            );
            crate::diagnostics::attribute_paths(&diags)
        };
        let region = ("region", Value::from("us-west-2"));
        let vpc = ("vpc_id", Value::from("vpc-1"));
        let two = subnets(&[("us-west-2a", "subnet-a"), ("us-west-2b", "subnet-b")]);
        assert!(refused(&[region.clone(), vpc.clone(), ("az_subnets", two.clone())]).is_empty());
        assert_eq!(
            refused(&[region.clone(), ("az_subnets", two.clone())]),
            ["eks.az_subnets"],
            "no VPC"
        );
        assert_eq!(
            refused(&[
                region.clone(),
                vpc.clone(),
                ("az_subnets", subnets(&[("us-west-2a", "subnet-a")]))
            ]),
            ["eks.az_subnets"],
            "one zone"
        );
        assert_eq!(
            refused(&[
                region.clone(),
                vpc.clone(),
                (
                    "az_subnets",
                    subnets(&[("us-west-2a", "subnet-a"), ("us-east-1b", "subnet-b")])
                )
            ]),
            ["eks.az_subnets[\"us-east-1b\"]"]
        );
        assert!(refused(&[region.clone(), ("az_subnets", Value::unknown())]).is_empty());
        assert!(refused(&[region, vpc, ("az_subnets", Value::Null)]).is_empty());
    }

    #[test]
    fn control_plane_subnets_go_as_a_pool_of_no_nodes_and_come_back_in_the_block() {
        let b = block(&[
            ("region", "us-west-2".into()),
            (
                "az_subnets",
                subnets(&[("us-west-2a", "subnet-a"), ("us-west-2b", "subnet-b")]),
            ),
        ]);
        let carrier = to_json(&control_plane_pool(&b).expect("a carrier pool")).unwrap();
        assert_eq!(carrier["poolConfig"]["name"], "cp-pool");
        assert_eq!(carrier["poolConfig"]["isControlPlane"], true);
        assert_eq!(carrier["poolConfig"]["size"], 0);
        assert_eq!(
            carrier["cloudConfig"]["subnets"].as_array().unwrap().len(),
            2
        );
        assert!(control_plane_pool(&block(&[("region", "us-west-2".into())])).is_none());
        let stored = serde_json::json!({"spec": {
            "clusterConfig": {"region": "us-west-2"},
            "machinePoolConfig": [
                {"name": "cp-pool", "isControlPlane": true, "size": 0,
                 "subnetIds": {"us-west-2a": "subnet-a", "us-west-2b": "subnet-b"}},
                {"name": "workers", "isControlPlane": false, "size": 2, "instanceType": "m5.large"},
            ],
        }});
        let read = Eks.read_cloud_config(stored).unwrap();
        assert_eq!(read.pools.len(), 1);
        assert_eq!(read.pools[0].name, "workers");
        assert_eq!(
            read.block.get("az_subnets"),
            Some(&subnets(&[
                ("us-west-2a", "subnet-a"),
                ("us-west-2b", "subnet-b")
            ]))
        );
    }
}

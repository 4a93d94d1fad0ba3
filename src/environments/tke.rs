//! Tencent TKE: managed Kubernetes on Tencent Cloud (models from the legacy API spec).

use palette_api::models::{
    SpectroTencentClusterEntity, SpectroTencentClusterEntitySpec, TencentCloudConfig,
    TencentClusterConfig, TencentMachinePoolCloudConfigEntity, TencentMachinePoolConfigEntity,
    TkeEndpointAccess,
};
use tfplugin::{Attribute, Value, ValueExt};

use super::as_entity;
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, InPlace, LifecycleField, Pool,
    Sizing, SizingField, from_json, get_string, get_strings, in_place, optional, optional_bool,
    optional_string, optional_strings, pool_from_api, required, required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// Tencent TKE.
pub(crate) struct Tke;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
];

impl Environment for Tke {
    fn name(&self) -> Name {
        Name::Tke
    }

    fn managed_control_plane(&self) -> bool {
        true
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("region", "Tencent Cloud region, e.g. `ap-guangzhou`."),
            optional_strings("ssh_key_ids", "Ids of the SSH keys put on the nodes."),
            optional_string("vpc_id", "Existing VPC to use."),
            optional_bool(
                "public_access",
                "Whether the API server has a public endpoint.",
            ),
            optional_strings(
                "public_access_cidrs",
                "CIDRs allowed to reach the public API endpoint.",
            ),
            optional_bool(
                "private_access",
                "Whether the API server has a private (intranet) endpoint in the VPC; needs \
                 `endpoint_subnet_id`.",
            ),
            optional_string(
                "endpoint_subnet_id",
                "Subnet of the VPC the private API endpoint is placed in.",
            ),
            optional_string(
                "endpoint_security_group",
                "Security group of the API endpoint.",
            ),
        ]
    }

    /// A private endpoint needs its subnet. Unknown values wait.
    fn check(
        &self,
        block: &Value,
        path: &tfplugin::AttributePath,
        _pools: &[Pool],
        diags: &mut tfplugin::Diagnostics,
    ) {
        let subnet_absent = block.get("endpoint_subnet_id").is_none_or(Value::is_null);
        if block.get_bool("private_access") == Some(true) && subnet_absent {
            diags.attribute_error(
                path.clone().attr("endpoint_subnet_id"),
                "Private Endpoint Without A Subnet",
                "A private TKE API endpoint is placed in a subnet of the cluster's VPC: set \
                 `endpoint_subnet_id` beside `private_access = true`.",
            );
        }
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// The legacy spec's TKE pool takes annotations (`v1MachinePoolConfigEntity`) but its read
    /// model (`v1TencentMachinePoolConfig`) does not report them, so neither drift nor an import
    /// could see them: they are refused. The repave interval is taken, but as on every managed
    /// control plane only 0 (see `check_pools`).
    fn lifecycle(&self) -> &'static [LifecycleField] {
        &[
            LifecycleField::UpdateStrategy,
            LifecycleField::NodeRepaveInterval,
        ]
    }

    /// TKE opens, closes and restricts a cluster's public and private endpoints in place (the legacy spec's
    /// `v1TencentClusterConfig.endpointAccess`, sent by `PUT .../tke/{uid}/clusterConfig`);
    /// region, VPC and SSH keys are fixed when the cluster is made.
    fn updatable(&self) -> &'static [InPlace] {
        const FIELDS: &[InPlace] = &[
            in_place("public_access", "endpointAccess"),
            in_place("public_access_cidrs", "endpointAccess"),
            in_place("private_access", "endpointAccess"),
            in_place("endpoint_subnet_id", "endpointAccess"),
            in_place("endpoint_security_group", "endpointAccess"),
        ];
        FIELDS
    }

    fn cluster_config(&self, block: &Value) -> Result<serde_json::Value, String> {
        to_json(&cluster_config(block))
    }

    fn cluster_config_entity(&self, body: serde_json::Value) -> Result<serde_json::Value, String> {
        as_entity::<palette_api::models::TencentCloudClusterConfigEntity>(body)
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let pools = spec.pools.iter().map(pool_entity).collect();
        palette_api::ClusterCreate::Tke(SpectroTencentClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroTencentClusterEntitySpec {
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
        let config: TencentCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config.unwrap_or_default();
        let access = cluster.endpoint_access.unwrap_or_default();
        Ok(CloudConfigState {
            host_names: Default::default(),
            account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
            block: BlockState::default()
                .string("region", Some(cluster.region))
                .strings("ssh_key_ids", cluster.ssh_key_ids)
                .string("vpc_id", cluster.vpc_id)
                .bool("public_access", access.public)
                .strings("public_access_cidrs", access.public_cid_rs)
                .bool("private_access", access.private)
                .string("endpoint_subnet_id", access.subnet_id)
                .string("endpoint_security_group", access.security_group)
                .done(),
            pools: spec
                .machine_pool_config
                .unwrap_or_default()
                .into_iter()
                .map(|p| Pool {
                    instance_type: p.instance_type,
                    disk_size_gb: p.root_device_size,
                    azs: p.azs,
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
                        // The legacy TKE read model reports no annotations.
                        annotations: None,
                        skip_k8s_upgrade: None,
                        override_kubeadm_configuration: None,
                    })
                })
                .collect(),
        })
    }
}

fn cluster_config(block: &Value) -> TencentClusterConfig {
    let public = block.get_bool("public_access");
    let cidrs = get_strings(block, "public_access_cidrs");
    let private = block.get_bool("private_access");
    let subnet_id = get_string(block, "endpoint_subnet_id");
    let security_group = get_string(block, "endpoint_security_group");
    let any_public = public.is_some() || cidrs.is_some();
    let any = any_public || private.is_some() || subnet_id.is_some() || security_group.is_some();
    let endpoint_access = any.then(|| TkeEndpointAccess {
        public: if any_public {
            public.or(Some(true))
        } else {
            None
        },
        public_cid_rs: cidrs,
        private,
        subnet_id,
        security_group,
        ..Default::default()
    });
    TencentClusterConfig {
        region: get_string(block, "region").unwrap_or_default(),
        ssh_key_ids: get_strings(block, "ssh_key_ids"),
        vpc_id: get_string(block, "vpc_id"),
        endpoint_access,
    }
}

fn pool_entity(pool: &Pool) -> TencentMachinePoolConfigEntity {
    TencentMachinePoolConfigEntity {
        cloud_config: TencentMachinePoolCloudConfigEntity {
            instance_type: pool.instance_type.clone(),
            root_device_size: pool.disk_size_gb,
            azs: pool.azs.clone(),
            subnet_ids: None,
        },
        pool_config: Some(pool.pool_config()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tfplugin::{AttributePath, Diagnostics};

    use super::*;

    fn block(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    fn refused(value: &Value) -> Vec<String> {
        let mut diags = Diagnostics::new();
        Tke.check(value, &AttributePath::root("tke").index(0), &[], &mut diags);
        crate::diagnostics::attribute_paths(&diags)
    }

    #[test]
    fn a_private_endpoint_needs_its_subnet_once_both_are_known() {
        let private = block(&[("private_access", true.into())]);
        assert_eq!(refused(&private), ["tke[0].endpoint_subnet_id"]);
        let placed = block(&[
            ("private_access", true.into()),
            ("endpoint_subnet_id", "subnet-1".into()),
        ]);
        assert!(refused(&placed).is_empty());
        // A subnet from a variable is not known yet: nothing is judged.
        let later = block(&[
            ("private_access", true.into()),
            ("endpoint_subnet_id", Value::unknown()),
        ]);
        assert!(refused(&later).is_empty());
        let unknown = block(&[("private_access", Value::unknown())]);
        assert!(refused(&unknown).is_empty());
    }

    #[test]
    fn the_endpoints_are_sent_as_configured() {
        let config = cluster_config(&block(&[
            ("region", "ap-guangzhou".into()),
            ("private_access", true.into()),
            ("endpoint_subnet_id", "subnet-1".into()),
        ]));
        let access = config.endpoint_access.expect("endpoint access");
        assert_eq!(access.private, Some(true));
        assert_eq!(access.subnet_id.as_deref(), Some("subnet-1"));
        assert_eq!(
            access.public, None,
            "a private endpoint alone opens no public one"
        );
    }
}

//! The environments a cluster is deployed on: one [`Environment`] per file, and the registry [`ALL`].
//!
//! An environment knows everything that differs between clouds: its block on `palette_cluster`
//! (schema and plan-time checks), which of the block's fields the API changes in place (the rest
//! replace the cluster), which machine-pool sizing and lifecycle fields it takes, the API create
//! path, the typed create body, cluster-config update and machine-pool entity, the cloud
//! accounts it accepts, and how to read its cloud config back for drift and import.
//!
//! What the environments share lives beside them, by concern, and is re-exported here: the pool
//! model, the common pool entity and the pool checks in `pool`; the `machine_pool` block, the
//! environment blocks (where replace-or-update is decided) and the attribute builders in
//! `schema`; the in-place update body in `in_place`; value readers and writers in `values`.
//!
//! Adding an environment is one new file implementing [`Environment`] plus one line in [`ALL`].

mod aks;
mod aws;
pub(crate) mod aws_network;
mod azure;
mod edge_native;
mod eks;
mod gcp;
mod gke;
mod in_place;
mod maas;
mod nutanix;
mod openstack;
pub(crate) mod placement;
mod pool;
mod schema;
mod tke;
mod values;
mod vsphere;

use std::collections::BTreeMap;

use palette_api::models::{ObjectMeta, SpectroClusterProfileEntity};
use tfplugin::{Attribute, AttributePath, Diagnostics, NestedBlock, Value};

use palette_stack::environment_names::Environment as Name;

pub(crate) use edge_native::refresh_edge_host_blocks;
pub(crate) use in_place::{InPlace, as_entity, cluster_config_body, in_place, in_place_changed};
pub(crate) use pool::{
    ApiPool, EdgeHost, LifecycleField, MaasNetwork, Pool, Sizing, SizingField, UPDATE_STRATEGIES,
    check_pools, optional, pool_from_api, pool_to_value, required, taints_value,
};
pub(crate) use schema::{
    cloud_account_description, environment_blocks, machine_pool_block, optional_bool,
    optional_string, optional_strings, required_string,
};
pub(crate) use values::{
    BlockState, from_json, get_string, get_string_map, get_strings, non_empty, opt_list, opt_str,
    to_json,
};

/// Every environment, in the order of the contract's table.
pub(crate) static ALL: &[&dyn Environment] = &[
    &aws::Aws,
    &azure::Azure,
    &gcp::Gcp,
    &tke::Tke,
    &eks::Eks,
    &aks::Aks,
    &gke::Gke,
    &vsphere::Vsphere,
    &nutanix::Nutanix,
    &openstack::Openstack,
    &maas::Maas,
    &edge_native::EdgeNative,
];

/// The environment whose block is named `key` (`aws`, `edge_native`).
pub(crate) fn by_key(key: &str) -> Option<&'static dyn Environment> {
    ALL.iter().copied().find(|env| env.key() == key)
}

/// The environment of an API cloud type (`aws`, `edge-native`).
pub(crate) fn by_cloud_type(cloud_type: &str) -> Option<&'static dyn Environment> {
    ALL.iter()
        .copied()
        .find(|env| env.cloud_type() == cloud_type)
}

/// One environment a cluster can be deployed on.
///
/// Implementations are unit structs; the defaults cover the environments that follow the
/// API's regular paths.
pub(crate) trait Environment: Send + Sync {
    /// Which environment this is.
    fn name(&self) -> Name;

    /// The block name on `palette_cluster` (`aws`, `edge_native`).
    fn key(&self) -> &'static str {
        self.name().key()
    }

    /// The API's cloud type (`aws`, `edge-native`).
    fn cloud_type(&self) -> &'static str {
        self.name().cloud_type()
    }

    /// A name for people, as in messages.
    fn display_name(&self) -> &'static str {
        self.name().display_name()
    }

    /// The client's cloud type, which picks the cloud config and machine pool paths.
    fn api_cloud_type(&self) -> palette_api::CloudType {
        palette_api::CloudType::parse(self.cloud_type())
    }

    /// The environment whose cloud accounts this one deploys with (EKS uses AWS accounts);
    /// `None` when clusters take no cloud account.
    fn account_environment(&self) -> Option<Name> {
        Some(self.name())
    }

    /// Whether the cloud runs the Kubernetes control plane itself (EKS, AKS, GKE, TKE): pools
    /// are then workers only, and none may be a control-plane pool.
    fn managed_control_plane(&self) -> bool {
        false
    }

    /// The attributes of this environment's block. Their plan modifiers leave out replacement:
    /// [`environment_blocks`] adds it to every field but the [`updatable`](Self::updatable) ones.
    fn attributes(&self) -> Vec<Attribute>;

    /// The nested blocks of this environment's block (EKS Fargate profiles). They change in
    /// place, through [`block_updates`](Self::block_updates), and the cloud config reports them
    /// under their block name in [`CloudConfigState::block`].
    fn blocks(&self) -> Vec<NestedBlock> {
        Vec::new()
    }

    /// The updates of the [`blocks`](Self::blocks) a change from `old` to `new` (the
    /// environment blocks of state and plan) needs.
    fn block_updates(&self, _old: &Value, _new: &Value) -> Vec<BlockUpdate> {
        Vec::new()
    }

    /// The block's fields the API changes in place, through the cloud config's
    /// `PUT /v1/cloudconfigs/{cloud type}/{uid}/clusterConfig`, with the cluster-config key each
    /// is sent in; changing any other field replaces the cluster. Fields that place the cluster
    /// (region, account, network, storage, control-plane endpoint) are never here: Palette built
    /// the cluster there and cannot move it.
    fn updatable(&self) -> &'static [InPlace] {
        &[]
    }

    /// The block as the environment's cluster config (`v1*ClusterConfig`, as in the create
    /// body), for the in-place update of the [`updatable`](Self::updatable) fields.
    fn cluster_config(&self, _block: &Value) -> Result<serde_json::Value, String> {
        Err(format!(
            "{} clusters have no in-place update of their `{}` block",
            self.display_name(),
            self.key()
        ))
    }

    /// Whether its pools take `placement` blocks over the block's placement defaults (the
    /// block then has the placement fields, named as in [`placement::FIELDS`]).
    fn takes_placement(&self) -> bool {
        false
    }

    /// The machine-pool sizing fields this environment takes; the others are refused at plan.
    fn sizing(&self) -> &'static [Sizing];

    /// The machine-pool lifecycle fields this environment takes: those its pool models both
    /// take and report back, so a change is sent and drift and import read it. The others are
    /// refused at plan. Every environment's models carry all three unless it says otherwise.
    fn lifecycle(&self) -> &'static [LifecycleField] {
        &LifecycleField::COMMON
    }

    /// Plan-time checks beyond the schema's, on the environment block at `path`. Values may
    /// be unknown; skip them.
    fn check(
        &self,
        _block: &Value,
        _path: &AttributePath,
        _pools: &[Pool],
        _diags: &mut Diagnostics,
    ) {
    }

    /// Pool fields the cloud sets when it makes a pool and cannot change on a running one (AKS:
    /// a node pool's OS and OS disk): changing one on an existing pool is refused at plan.
    fn fixed_pool_fields(&self) -> &'static [SizingField] {
        &[]
    }

    /// Plan-time checks across the environment block and the `machine_pool` list as
    /// configured (values may be unknown; skip them), such as Edge's two-node roles.
    fn check_with_pools(&self, _block: &Value, _pools: &[Value], _diags: &mut Diagnostics) {}

    /// The update body read into the environment's `*CloudClusterConfigEntity` and written
    /// back, so it carries only what the update model names (a read-back cluster config can hold
    /// more, such as a vSphere network's IP pool).
    fn cluster_config_entity(&self, body: serde_json::Value) -> Result<serde_json::Value, String> {
        Ok(body)
    }

    /// Whether the environment's pool models carry an autoscaling range (`minSize`,
    /// `maxSize`); where they do not, `min` and `max` are refused at plan.
    fn autoscales(&self) -> bool {
        true
    }

    /// Plan-time checks across the `machine_pool` list as configured (values may be unknown;
    /// skip them), such as a pool role the environment needs.
    fn check_pool_list(&self, _pools: &[Value], _diags: &mut Diagnostics) {}

    /// The create request: the environment's typed entity.
    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate;

    /// The machine-pool entity for a day-2 `POST`/`PUT` of one pool.
    fn pool_body(&self, block: &Value, pool: &Pool) -> Result<serde_json::Value, String>;

    /// Reads the environment's cloud config (`GET /v1/cloudconfigs/{cloud type}/{uid}`).
    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String>;
}

/// An update of an environment block's nested blocks, each through its own endpoint.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum BlockUpdate {
    /// `PUT /v1/cloudconfigs/eks/{uid}/fargateProfiles`.
    EksFargateProfiles(palette_api::models::EksFargateProfiles),
}

/// The parts of a cluster create body every environment shares.
#[derive(Debug, Clone)]
pub(crate) struct ClusterSpec<'a> {
    /// Name, tags and description.
    pub(crate) metadata: ObjectMeta,
    /// The cloud account, for the environments that take one.
    pub(crate) cloud_account_uid: Option<String>,
    /// The profiles, with pack overrides and variables.
    pub(crate) profiles: Vec<SpectroClusterProfileEntity>,
    /// The environment block from the plan.
    pub(crate) block: &'a Value,
    /// The machine pools, in configuration order.
    pub(crate) pools: &'a [Pool],
}

/// What an environment's cloud config says, in the provider's terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CloudConfigState {
    /// The cloud account the cluster uses.
    pub(crate) account_uid: Option<String>,
    /// The environment block's attributes the API reports.
    pub(crate) block: BTreeMap<&'static str, Value>,
    /// The machine pools, in API order.
    pub(crate) pools: Vec<Pool>,
    /// Edge host names by uid, so a configuration that names hosts reads back unchanged.
    pub(crate) host_names: BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_has_every_environment_once_in_contract_order() {
        let keys: Vec<_> = ALL.iter().map(|env| env.key()).collect();
        let names: Vec<_> = palette_stack::environment_names::ALL
            .iter()
            .map(|n| n.key())
            .collect();
        assert_eq!(keys, names);
        for env in ALL {
            assert_eq!(by_key(env.key()).map(|e| e.key()), Some(env.key()));
            assert_eq!(
                by_cloud_type(env.cloud_type()).map(|e| e.key()),
                Some(env.key())
            );
        }
    }

    #[test]
    fn account_environments() {
        let cases = [
            ("eks", Some("aws")),
            ("aks", Some("azure")),
            ("gke", Some("gcp")),
            ("edge_native", None),
            ("maas", Some("maas")),
        ];
        for (key, account) in cases {
            assert_eq!(
                by_key(key).unwrap().account_environment().map(|n| n.key()),
                account,
                "{key}"
            );
        }
    }

    #[test]
    fn every_environment_takes_a_required_sizing_and_describes_its_fields() {
        for env in ALL {
            // An Edge pool names its hosts in one of two forms, checked by `check_pool_list`.
            assert!(
                env.sizing().iter().any(|s| s.required) || env.key() == "edge_native",
                "{}",
                env.key()
            );
            for attribute in env.attributes() {
                assert!(
                    !attribute.description.is_empty(),
                    "{}.{}",
                    env.key(),
                    attribute.name
                );
            }
        }
    }
}

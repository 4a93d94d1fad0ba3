//! The environments a cluster is deployed on: one [`Environment`] per file, and the registry [`ALL`].
//!
//! An environment knows everything that differs between clouds: its block on `palette_cluster`
//! (schema and plan-time checks), which of the block's fields the API changes in place (the rest
//! replace the cluster), which machine-pool sizing fields it takes, the API create path, the
//! typed create body, cluster-config update and machine-pool entity, the cloud accounts it
//! accepts, and how to read its cloud config back for drift and import. Everything the environments share (the pool
//! model, the `machine_pool` block, the common pool entity) lives here.
//!
//! Adding an environment is one new file implementing [`Environment`] plus one line in [`ALL`].

mod aks;
mod aws;
mod azure;
mod edge_native;
mod eks;
mod gcp;
mod gke;
mod maas;
mod nutanix;
mod openstack;
mod tke;
mod vsphere;

use std::collections::BTreeMap;

use palette_api::models::{
    MachinePoolConfigEntity, ObjectMeta, SpectroClusterProfileEntity, Taint,
};
use tfplugin::plan_modifier::{requires_replace, requires_replace_if};
use tfplugin::validator::{at_least, one_of};
use tfplugin::{
    Attribute, AttributePath, Block, Diagnostics, NestedBlock, Nesting, Type, Value, ValueExt,
};

use crate::stack::environment_names::Environment as Name;

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

    /// The machine-pool sizing fields this environment takes; the others are refused at plan.
    fn sizing(&self) -> &'static [Sizing];

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

    /// The update body read into the environment's `*CloudClusterConfigEntity` and written
    /// back, so it carries only what the update model names (a read-back cluster config can hold
    /// more, such as a vSphere network's IP pool).
    fn cluster_config_entity(&self, body: serde_json::Value) -> Result<serde_json::Value, String> {
        Ok(body)
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

/// A block field the API changes in place, and the cluster-config key it is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InPlace {
    /// The attribute in the environment block.
    pub(crate) attr: &'static str,
    /// The key of the environment's `v1*ClusterConfig` that carries it.
    pub(crate) api_key: &'static str,
}

/// A block field `attr` the API changes in place, sent in the cluster config's `api_key`.
pub(crate) const fn in_place(attr: &'static str, api_key: &'static str) -> InPlace {
    InPlace { attr, api_key }
}

/// Whether a change from `old` to `new` (the environment blocks of state and plan) touches a
/// field the API changes in place.
pub(crate) fn in_place_changed(env: &dyn Environment, old: &Value, new: &Value) -> bool {
    env.updatable()
        .iter()
        .any(|f| old.get(f.attr).unwrap_or(&Value::Null) != new.get(f.attr).unwrap_or(&Value::Null))
}

/// The body of `PUT .../clusterConfig` (the environment's `*CloudClusterConfigEntity`): the
/// cluster config Palette reports in `current` (the cloud config read back) with the keys of the
/// in-place fields set from the planned `block`, and removed where the block leaves them out.
/// Everything else is sent back as Palette has it, so fields Palette assigned itself (an edge
/// VIP, say) or that this provider does not manage survive the update.
pub(crate) fn cluster_config_body(
    env: &dyn Environment,
    current: &serde_json::Value,
    block: &Value,
) -> Result<serde_json::Value, String> {
    let desired = env.cluster_config(block)?;
    let mut config = current
        .pointer("/spec/clusterConfig")
        .and_then(serde_json::Value::as_object)
        .cloned()
        .ok_or_else(|| "the cloud config has no cluster config".to_string())?;
    for field in env.updatable() {
        match desired.get(field.api_key).filter(|v| !v.is_null()) {
            Some(value) => config.insert(field.api_key.to_string(), value.clone()),
            None => config.remove(field.api_key),
        };
    }
    env.cluster_config_entity(serde_json::json!({ "clusterConfig": config }))
}

/// `body` read as the update model `T` and written back.
pub(crate) fn as_entity<T: serde::de::DeserializeOwned + serde::Serialize>(
    body: serde_json::Value,
) -> Result<serde_json::Value, String> {
    let entity: T = serde_json::from_value(body)
        .map_err(|e| format!("the cluster config does not fit the update model: {e}"))?;
    to_json(&entity)
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

/// A machine-pool field that differs between environments: the sizing part of the flat
/// `machine_pool` superset, and pool roles only one environment has (AKS system pools).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SizingField {
    /// `count`.
    Count,
    /// `instance_type`.
    InstanceType,
    /// `disk_size_gb`.
    DiskSizeGb,
    /// `azs`.
    Azs,
    /// `capacity_type`.
    CapacityType,
    /// `max_price`.
    MaxPrice,
    /// `cpu`.
    Cpu,
    /// `memory_mb`.
    MemoryMb,
    /// `resource_pool`.
    ResourcePool,
    /// `edge_hosts`.
    EdgeHosts,
    /// `is_system_node_pool`.
    SystemNodePool,
}

impl SizingField {
    /// Every sizing field.
    pub(crate) const ALL: [SizingField; 11] = [
        SizingField::Count,
        SizingField::InstanceType,
        SizingField::DiskSizeGb,
        SizingField::Azs,
        SizingField::CapacityType,
        SizingField::MaxPrice,
        SizingField::Cpu,
        SizingField::MemoryMb,
        SizingField::ResourcePool,
        SizingField::EdgeHosts,
        SizingField::SystemNodePool,
    ];

    /// The attribute name in the `machine_pool` block.
    pub(crate) fn attr(self) -> &'static str {
        match self {
            SizingField::Count => "count",
            SizingField::InstanceType => "instance_type",
            SizingField::DiskSizeGb => "disk_size_gb",
            SizingField::Azs => "azs",
            SizingField::CapacityType => "capacity_type",
            SizingField::MaxPrice => "max_price",
            SizingField::Cpu => "cpu",
            SizingField::MemoryMb => "memory_mb",
            SizingField::ResourcePool => "resource_pool",
            SizingField::EdgeHosts => "edge_hosts",
            SizingField::SystemNodePool => "is_system_node_pool",
        }
    }
}

/// A sizing field an environment takes, and whether every pool must set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sizing {
    /// The field.
    pub(crate) field: SizingField,
    /// Whether a pool must set it.
    pub(crate) required: bool,
}

/// A sizing field every pool must set.
pub(crate) const fn required(field: SizingField) -> Sizing {
    Sizing {
        field,
        required: true,
    }
}

/// A sizing field a pool may set.
pub(crate) const fn optional(field: SizingField) -> Sizing {
    Sizing {
        field,
        required: false,
    }
}

/// One machine pool: the `machine_pool` block as plain Rust, and what the API reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Pool {
    /// The pool's name, its identity.
    pub(crate) name: String,
    /// Whether it runs the control plane.
    pub(crate) control_plane: bool,
    /// Whether a control-plane pool also takes workloads.
    pub(crate) control_plane_as_worker: bool,
    /// Number of nodes.
    pub(crate) count: Option<i64>,
    /// Autoscaling minimum.
    pub(crate) min: Option<i64>,
    /// Autoscaling maximum.
    pub(crate) max: Option<i64>,
    /// Instance type or flavor.
    pub(crate) instance_type: Option<String>,
    /// Root disk size in GB.
    pub(crate) disk_size_gb: Option<i64>,
    /// Availability zones.
    pub(crate) azs: Option<Vec<String>>,
    /// `on-demand` or `spot`.
    pub(crate) capacity_type: Option<String>,
    /// Spot maximum price.
    pub(crate) max_price: Option<String>,
    /// Virtual CPUs per node.
    pub(crate) cpu: Option<i64>,
    /// Memory per node in MiB.
    pub(crate) memory_mb: Option<i64>,
    /// MAAS resource pool.
    pub(crate) resource_pool: Option<String>,
    /// Edge host uids.
    pub(crate) edge_hosts: Option<Vec<String>>,
    /// Whether the pool is an AKS system node pool.
    pub(crate) system_node_pool: Option<bool>,
    /// Extra Kubernetes node labels.
    pub(crate) labels: BTreeMap<String, String>,
    /// Kubernetes node taints.
    pub(crate) taints: Vec<PoolTaint>,
}

/// A node taint of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PoolTaint {
    /// Taint key.
    pub(crate) key: String,
    /// Taint value.
    pub(crate) value: String,
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    pub(crate) effect: String,
}

impl Pool {
    /// Reads one element of the `machine_pool` list (unknown values read as absent).
    pub(crate) fn from_value(value: &Value) -> Pool {
        Pool {
            name: value.get_str("name").unwrap_or_default().to_string(),
            control_plane: value.get_bool("control_plane").unwrap_or(false),
            control_plane_as_worker: value.get_bool("control_plane_as_worker").unwrap_or(false),
            count: value.get_i64("count"),
            min: value.get_i64("min"),
            max: value.get_i64("max"),
            instance_type: get_string(value, "instance_type"),
            disk_size_gb: value.get_i64("disk_size_gb"),
            azs: get_strings(value, "azs"),
            capacity_type: get_string(value, "capacity_type"),
            max_price: get_string(value, "max_price"),
            cpu: value.get_i64("cpu"),
            memory_mb: value.get_i64("memory_mb"),
            resource_pool: get_string(value, "resource_pool"),
            edge_hosts: get_strings(value, "edge_hosts"),
            system_node_pool: value.get_bool("is_system_node_pool"),
            labels: get_string_map(value, "labels").unwrap_or_default(),
            taints: value
                .get("taints")
                .and_then(Value::as_elements)
                .unwrap_or_default()
                .iter()
                .map(|t| PoolTaint {
                    key: t.get_str("key").unwrap_or_default().to_string(),
                    value: t.get_str("value").unwrap_or_default().to_string(),
                    effect: t.get_str("effect").unwrap_or_default().to_string(),
                })
                .collect(),
        }
    }

    /// The number of nodes: `count`, or the number of edge hosts.
    pub(crate) fn size(&self) -> i64 {
        match (&self.count, &self.edge_hosts) {
            (Some(count), _) => *count,
            (None, Some(hosts)) => hosts.len() as i64,
            (None, None) => 0,
        }
    }

    /// The value of a sizing field as a Terraform value.
    pub(crate) fn sizing_value(&self, field: SizingField) -> Value {
        match field {
            SizingField::Count => opt_i64(self.count),
            SizingField::InstanceType => opt_str(&self.instance_type),
            SizingField::DiskSizeGb => opt_i64(self.disk_size_gb),
            SizingField::Azs => opt_list(&self.azs),
            SizingField::CapacityType => opt_str(&self.capacity_type),
            SizingField::MaxPrice => opt_str(&self.max_price),
            SizingField::Cpu => opt_i64(self.cpu),
            SizingField::MemoryMb => opt_i64(self.memory_mb),
            SizingField::ResourcePool => opt_str(&self.resource_pool),
            SizingField::EdgeHosts => opt_list(&self.edge_hosts),
            SizingField::SystemNodePool => opt_bool(self.system_node_pool),
        }
    }

    /// The API's node labels: `control-plane` or `worker`.
    fn role_labels(&self) -> Vec<String> {
        vec![
            if self.control_plane {
                "control-plane"
            } else {
                "worker"
            }
            .to_string(),
        ]
    }

    /// The API's taints.
    pub(crate) fn api_taints(&self) -> Option<Vec<Taint>> {
        if self.taints.is_empty() {
            return None;
        }
        Some(
            self.taints
                .iter()
                .map(|t| Taint {
                    key: Some(t.key.clone()),
                    value: Some(t.value.clone()),
                    effect: Some(t.effect.clone()),
                    time_added: None,
                })
                .collect(),
        )
    }

    /// The pool part every environment's machine-pool entity shares.
    pub(crate) fn pool_config(&self) -> MachinePoolConfigEntity {
        let size = self.size();
        MachinePoolConfigEntity {
            name: self.name.clone(),
            size: size as i32,
            min_size: Some(self.min.unwrap_or(size) as i32),
            max_size: Some(self.max.unwrap_or(size) as i32),
            is_control_plane: Some(self.control_plane),
            use_control_plane_as_worker: Some(self.control_plane_as_worker),
            labels: self.role_labels(),
            additional_labels: (!self.labels.is_empty()).then(|| self.labels.clone()),
            taints: self.api_taints(),
            ..Default::default()
        }
    }
}

/// The common fields of a pool the API reports; environments add their sizing fields.
#[allow(clippy::too_many_arguments)]
pub(crate) fn pool_from_api(
    name: Option<String>,
    is_control_plane: Option<bool>,
    control_plane_as_worker: Option<bool>,
    size: Option<i32>,
    min: Option<i32>,
    max: Option<i32>,
    labels: Option<BTreeMap<String, String>>,
    taints: Option<Vec<Taint>>,
) -> Pool {
    Pool {
        name: name.unwrap_or_default(),
        control_plane: is_control_plane.unwrap_or(false),
        control_plane_as_worker: control_plane_as_worker.unwrap_or(false),
        count: size.map(i64::from),
        min: min.map(i64::from),
        max: max.map(i64::from),
        labels: labels.unwrap_or_default(),
        taints: taints
            .unwrap_or_default()
            .into_iter()
            .map(|t| PoolTaint {
                key: t.key.unwrap_or_default(),
                value: t.value.unwrap_or_default(),
                effect: t.effect.unwrap_or_default(),
            })
            .collect(),
        ..Default::default()
    }
}

/// Checks the machine pools against an environment: sizing fields it does not take, and
/// required ones left out, each reported at `machine_pool[i].<field>`.
pub(crate) fn check_pools(env: &dyn Environment, pools: &[Value], diags: &mut Diagnostics) {
    let taken = env.sizing();
    let offered = taken
        .iter()
        .map(|s| format!("`{}`", s.field.attr()))
        .collect::<Vec<_>>()
        .join(", ");
    for (index, pool) in pools.iter().enumerate() {
        // A pool from a `dynamic` block may be unknown as a whole until plan.
        if pool.is_unknown() {
            continue;
        }
        let base = AttributePath::root("machine_pool").index(index as i64);
        for field in SizingField::ALL {
            let value = pool.get(field.attr()).unwrap_or(&Value::Null);
            match taken.iter().find(|s| s.field == field) {
                // An unknown value (a module variable, say) may still turn out null.
                _ if value.is_unknown() => {}
                None if !value.is_null() => diags.attribute_error(
                    base.clone().attr(field.attr()),
                    "Unsupported Machine Pool Field",
                    format!(
                        "{} machine pools do not take `{}`; remove it from this pool. {} pools \
                         are sized with: {offered}.",
                        env.display_name(),
                        field.attr(),
                        env.display_name()
                    ),
                ),
                Some(sizing) if sizing.required && value.is_null() => diags.attribute_error(
                    base.clone().attr(field.attr()),
                    "Missing Machine Pool Field",
                    format!(
                        "{} machine pools need `{}`; set it on this pool.",
                        env.display_name(),
                        field.attr()
                    ),
                ),
                _ => {}
            }
        }
    }
    env.check_pool_list(pools, diags);
}

/// The `machine_pool` block: one per pool, identified by name, with the sizing fields of every
/// environment (each environment takes a subset, checked at plan).
pub(crate) fn machine_pool_block() -> NestedBlock {
    let taint = Block::new()
        .description("A Kubernetes taint put on every node of the pool.")
        .attribute(
            Attribute::string("key")
                .required()
                .description("Taint key."),
        )
        .attribute(
            Attribute::string("value")
                .required()
                .description("Taint value."),
        )
        .attribute(
            Attribute::string("effect")
                .required()
                .description("`NoSchedule`, `PreferNoSchedule` or `NoExecute`.")
                .validator(one_of(["NoSchedule", "PreferNoSchedule", "NoExecute"])),
        );
    let block = Block::new()
        .description(
            "A machine pool, identified by `name`: adding, removing or reordering worker pools changes the \
             cluster in place (a reorder calls no API). The sizing fields an environment takes differ: \
             instance types for clouds, `cpu`/`memory_mb` for vSphere and Nutanix, `resource_pool` \
             for MAAS, `edge_hosts` for Edge; the others are refused at plan.",
        )
        .attribute(Attribute::string("name").required().description("Pool name, unique in the cluster; its identity. Renaming a worker pool removes it and adds a new one, in place."))
        .attribute(
            Attribute::bool("control_plane")
                .optional()
                .default(false)
                .description("Whether the pool runs the Kubernetes control plane. One pool must, except on EKS, AKS, GKE and TKE, whose cloud runs it. Changing it on a pool, or adding a control-plane pool to a running cluster, replaces the cluster: Palette keeps the control plane a cluster was created with.")
                .plan_modifier(requires_replace()),
        )
        .attribute(
            Attribute::bool("control_plane_as_worker")
                .optional()
                .default(false)
                .description("Whether a control-plane pool also runs workloads."),
        )
        .attribute(
            Attribute::int64("count")
                .optional()
                .validator(at_least(0))
                .description("Number of nodes. Required everywhere but Edge, where the pool has one node per edge host."),
        )
        .attribute(Attribute::int64("min").optional().validator(at_least(0)).description("Autoscaling minimum; defaults to `count`."))
        .attribute(Attribute::int64("max").optional().validator(at_least(0)).description("Autoscaling maximum; defaults to `count`."))
        .attribute(
            Attribute::string("instance_type")
                .optional()
                .description("Instance type (AWS, Azure, GCP, TKE, EKS, AKS, GKE) or flavor (OpenStack)."),
        )
        .attribute(Attribute::int64("disk_size_gb").optional().validator(at_least(1)).description("Root disk size in GB."))
        .attribute(Attribute::list("azs", Type::String).optional().description("Availability zones."))
        .attribute(
            Attribute::string("capacity_type")
                .optional()
                .validator(one_of(["on-demand", "spot"]))
                .description("`on-demand` or `spot` (AWS, EKS)."),
        )
        .attribute(Attribute::string("max_price").optional().description("Maximum spot price (AWS, EKS)."))
        .attribute(Attribute::int64("cpu").optional().validator(at_least(1)).description("Virtual CPUs per node (vSphere, Nutanix; the minimum for MAAS)."))
        .attribute(
            Attribute::int64("memory_mb")
                .optional()
                .validator(at_least(1))
                .description("Memory per node in MiB (vSphere, Nutanix; the minimum for MAAS)."),
        )
        .attribute(Attribute::string("resource_pool").optional().description("MAAS resource pool the machines come from."))
        .attribute(
            Attribute::list("edge_hosts", Type::String)
                .optional()
                .description("Edge host uids, one node each (Edge)."),
        )
        .attribute(
            Attribute::bool("is_system_node_pool")
                .optional()
                .description("Whether the pool is a system node pool, which runs the cluster's system pods (AKS). An AKS cluster needs at least one; it changes in place."),
        )
        .attribute(Attribute::map("labels", Type::String).optional().description("Extra Kubernetes labels on the pool's nodes."))
        .block(NestedBlock::new("taints", Nesting::List, taint));
    NestedBlock::new("machine_pool", Nesting::List, block)
        .min_items(1)
        .key("name")
}

/// One single-nested block per environment, named by its key.
///
/// Replace or update follows the API, in this one place: a field the environment lists as
/// [`Environment::updatable`] changes in place; any other field, and adding or removing the
/// block (moving the cluster to another environment), replaces the cluster.
pub(crate) fn environment_blocks() -> Vec<NestedBlock> {
    ALL.iter()
        .map(|env| {
            let updatable: Vec<&str> = env.updatable().iter().map(|f| f.attr).collect();
            let mut block = Block::new().description(format!(
                "Deploys the cluster on {}. Exactly one environment block must be set.{}",
                env.display_name(),
                if updatable.is_empty() {
                    " Changing any of its fields replaces the cluster.".to_string()
                } else {
                    format!(
                        " {} {} in place; changing any other field replaces the cluster.",
                        updatable
                            .iter()
                            .map(|f| format!("`{f}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        if updatable.len() == 1 {
                            "changes"
                        } else {
                            "change"
                        }
                    )
                }
            ));
            for mut attribute in env.attributes() {
                if updatable.contains(&attribute.name.as_str()) {
                    attribute.description.push_str(" Changes in place.");
                } else {
                    attribute
                        .description
                        .push_str(" Changing it replaces the cluster.");
                    attribute = attribute.plan_modifier(requires_replace());
                }
                block = block.attribute(attribute);
            }
            NestedBlock::new(env.key(), Nesting::Single, block).plan_modifier(requires_replace_if(
                |req| req.state_value.is_null() != req.plan_value.is_null(),
                "Adding or removing the block replaces the cluster.",
                "Adding or removing the block replaces the cluster.",
            ))
        })
        .collect()
}

/// A pool as a `machine_pool` element, for import: every attribute, absent ones null.
pub(crate) fn pool_to_value(pool: &Pool) -> Value {
    let mut out = BTreeMap::new();
    out.insert("name".to_string(), Value::from(pool.name.clone()));
    out.insert("control_plane".to_string(), Value::from(pool.control_plane));
    out.insert(
        "control_plane_as_worker".to_string(),
        Value::from(pool.control_plane_as_worker),
    );
    out.insert("min".to_string(), opt_i64(pool.min));
    out.insert("max".to_string(), opt_i64(pool.max));
    for field in SizingField::ALL {
        out.insert(field.attr().to_string(), pool.sizing_value(field));
    }
    out.insert(
        "labels".to_string(),
        if pool.labels.is_empty() {
            Value::Null
        } else {
            Value::Map(
                pool.labels
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                    .collect(),
            )
        },
    );
    out.insert("taints".to_string(), taints_value(&pool.taints));
    Value::Object(out)
}

/// The `taints` list of a pool.
pub(crate) fn taints_value(taints: &[PoolTaint]) -> Value {
    Value::List(
        taints
            .iter()
            .map(|t| {
                Value::Object(BTreeMap::from([
                    ("key".to_string(), Value::from(t.key.clone())),
                    ("value".to_string(), Value::from(t.value.clone())),
                    ("effect".to_string(), Value::from(t.effect.clone())),
                ]))
            })
            .collect(),
    )
}

/// Serializes a typed API entity.
pub(crate) fn to_json<T: serde::Serialize>(entity: &T) -> Result<serde_json::Value, String> {
    serde_json::to_value(entity).map_err(|e| format!("cannot encode the request body: {e}"))
}

/// Deserializes a typed API response.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    body: serde_json::Value,
) -> Result<T, String> {
    serde_json::from_value(body).map_err(|e| format!("cannot read the cloud config: {e}"))
}

// Small schema helpers, shared by the environment files. Every environment field carries a
// description; whether a change replaces the cluster is decided by `environment_blocks`.

/// A required string.
pub(crate) fn required_string(name: &str, description: &str) -> Attribute {
    Attribute::string(name).required().description(description)
}

/// An optional string.
pub(crate) fn optional_string(name: &str, description: &str) -> Attribute {
    Attribute::string(name).optional().description(description)
}

/// An optional bool.
pub(crate) fn optional_bool(name: &str, description: &str) -> Attribute {
    Attribute::bool(name).optional().description(description)
}

/// An optional list of strings.
pub(crate) fn optional_strings(name: &str, description: &str) -> Attribute {
    Attribute::list(name, Type::String)
        .optional()
        .description(description)
}

/// A string attribute of a block value (unknown and null read as absent).
pub(crate) fn get_string(value: &Value, name: &str) -> Option<String> {
    value.get_str(name).map(str::to_string)
}

/// A list-of-strings attribute of a block value (absent when null, unknown or partly unknown).
pub(crate) fn get_strings(value: &Value, name: &str) -> Option<Vec<String>> {
    let elements = value.get(name)?.as_elements()?;
    elements
        .iter()
        .map(|e| e.as_str().map(str::to_string))
        .collect()
}

/// A map-of-strings attribute of a block value.
pub(crate) fn get_string_map(value: &Value, name: &str) -> Option<BTreeMap<String, String>> {
    let map = value.get(name)?.as_map()?;
    map.iter()
        .map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
        .collect()
}

/// An optional string as a Terraform value.
pub(crate) fn opt_str(value: &Option<String>) -> Value {
    value.clone().map(Value::from).unwrap_or(Value::Null)
}

/// An optional whole number as a Terraform value.
pub(crate) fn opt_i64(value: Option<i64>) -> Value {
    value.map(Value::from).unwrap_or(Value::Null)
}

/// An optional bool as a Terraform value.
pub(crate) fn opt_bool(value: Option<bool>) -> Value {
    value.map(Value::from).unwrap_or(Value::Null)
}

/// An optional list of strings as a Terraform value.
pub(crate) fn opt_list(value: &Option<Vec<String>>) -> Value {
    match value {
        Some(items) => Value::List(items.iter().cloned().map(Value::from).collect()),
        None => Value::Null,
    }
}

/// Collects the block attributes an environment reads back; `None` values are left out.
#[derive(Debug, Default)]
pub(crate) struct BlockState(BTreeMap<&'static str, Value>);

impl BlockState {
    /// A string field.
    pub(crate) fn string(mut self, name: &'static str, value: Option<String>) -> Self {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.0.insert(name, Value::from(v));
        }
        self
    }

    /// A bool field.
    pub(crate) fn bool(mut self, name: &'static str, value: Option<bool>) -> Self {
        if let Some(v) = value {
            self.0.insert(name, Value::from(v));
        }
        self
    }

    /// A whole-number field.
    pub(crate) fn int(mut self, name: &'static str, value: Option<i64>) -> Self {
        if let Some(v) = value {
            self.0.insert(name, Value::from(v));
        }
        self
    }

    /// A list-of-strings field.
    pub(crate) fn strings(mut self, name: &'static str, value: Option<Vec<String>>) -> Self {
        if let Some(v) = value {
            self.0.insert(name, opt_list(&Some(v)));
        }
        self
    }

    /// The collected fields.
    pub(crate) fn done(self) -> BTreeMap<&'static str, Value> {
        self.0
    }
}

/// A non-empty string or `None`.
pub(crate) fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_has_every_environment_once_in_contract_order() {
        let keys: Vec<_> = ALL.iter().map(|env| env.key()).collect();
        let names: Vec<_> = crate::stack::environment_names::ALL
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
            assert!(env.sizing().iter().any(|s| s.required), "{}", env.key());
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

    fn pool(fields: &[(&str, Value)]) -> Value {
        let mut map = BTreeMap::new();
        for attr in [
            "name",
            "control_plane",
            "count",
            "instance_type",
            "cpu",
            "memory_mb",
            "disk_size_gb",
            "edge_hosts",
        ] {
            map.insert(attr.to_string(), Value::Null);
        }
        for (k, v) in fields {
            map.insert(k.to_string(), v.clone());
        }
        Value::Object(map)
    }

    #[test]
    fn pool_checks_name_the_attribute_path() {
        let cases: Vec<(&str, &str, Value, Vec<&str>)> = vec![
            (
                "aws ok",
                "aws",
                pool(&[("count", 1.into()), ("instance_type", "m5.large".into())]),
                vec![],
            ),
            (
                "aws cpu refused",
                "aws",
                pool(&[
                    ("count", 1.into()),
                    ("instance_type", "m5.large".into()),
                    ("cpu", 2.into()),
                ]),
                vec!["machine_pool[0].cpu"],
            ),
            (
                "vsphere needs memory",
                "vsphere",
                pool(&[
                    ("count", 1.into()),
                    ("cpu", 2.into()),
                    ("disk_size_gb", 40.into()),
                ]),
                vec!["machine_pool[0].memory_mb"],
            ),
            (
                "edge refuses count and needs hosts",
                "edge_native",
                pool(&[("count", 1.into())]),
                vec!["machine_pool[0].count", "machine_pool[0].edge_hosts"],
            ),
            (
                "unknown counts as set",
                "aws",
                pool(&[
                    ("count", Value::unknown()),
                    ("instance_type", Value::unknown()),
                ]),
                vec![],
            ),
        ];
        for (name, key, pool, want) in cases {
            let mut diags = Diagnostics::new();
            check_pools(by_key(key).unwrap(), &[pool], &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn only_the_fields_the_api_updates_change_in_place() {
        let blocks = environment_blocks();
        for env in ALL {
            let block = blocks.iter().find(|b| b.type_name == env.key()).unwrap();
            assert_eq!(
                block.plan_modifiers.len(),
                1,
                "{}: adding or removing the block replaces",
                env.key()
            );
            let names: Vec<&str> = block
                .block
                .attributes
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            for field in env.updatable() {
                assert!(names.contains(&field.attr), "{}.{}", env.key(), field.attr);
                assert!(
                    env.cluster_config(&Value::Object(BTreeMap::new())).is_ok(),
                    "{} has an in-place field but no cluster config",
                    env.key()
                );
            }
            for attribute in &block.block.attributes {
                let in_place = env.updatable().iter().any(|f| f.attr == attribute.name);
                assert_eq!(
                    attribute.plan_modifiers.is_empty(),
                    in_place,
                    "{}.{}: replaces unless the API updates it in place",
                    env.key(),
                    attribute.name
                );
            }
        }
        let in_place = |key: &str| -> Vec<&str> {
            by_key(key)
                .unwrap()
                .updatable()
                .iter()
                .map(|f| f.attr)
                .collect()
        };
        assert_eq!(
            in_place("eks"),
            [
                "endpoint_access",
                "public_access_cidrs",
                "private_access_cidrs"
            ]
        );
        for key in ["aks", "azure", "gcp", "gke", "nutanix", "openstack"] {
            assert!(in_place(key).is_empty(), "{key}");
        }
        for key in ["vsphere", "maas", "edge_native"] {
            assert_eq!(in_place(key), ["ssh_keys", "ntp_servers"], "{key}");
        }
    }

    fn block(fields: &[(&str, Value)]) -> Value {
        Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn strings(items: &[&str]) -> Value {
        Value::List(items.iter().map(|s| Value::from(*s)).collect())
    }

    #[test]
    fn cluster_config_updates_keep_what_palette_has() {
        let eks = by_key("eks").unwrap();
        let current = serde_json::json!({
            "metadata": {"uid": "c1"},
            "spec": {"clusterConfig": {
                "region": "us-west-2",
                "vpcId": "vpc-assigned",
                "endpointAccess": {"public": true, "private": false, "publicCIDRs": ["10.0.0.0/8"]},
            }},
        });
        let old = block(&[
            ("region", "us-west-2".into()),
            ("public_access_cidrs", strings(&["10.0.0.0/8"])),
        ]);
        let new = block(&[
            ("region", "us-west-2".into()),
            ("public_access_cidrs", strings(&["192.168.0.0/16"])),
        ]);
        assert!(in_place_changed(eks, &old, &new));
        assert!(!in_place_changed(eks, &old, &old));
        let body = cluster_config_body(eks, &current, &new).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"clusterConfig": {
                "region": "us-west-2",
                "vpcId": "vpc-assigned",
                "endpointAccess": {"public": true, "private": false, "publicCIDRs": ["192.168.0.0/16"]},
            }})
        );
        // The body is the spec's update entity.
        let typed: palette_api::models::EksCloudClusterConfigEntity =
            serde_json::from_value(body).unwrap();
        assert_eq!(
            typed.cluster_config.unwrap().vpc_id.as_deref(),
            Some("vpc-assigned")
        );

        // A field left out of the configuration is left out of the update.
        let edge = by_key("edge_native").unwrap();
        let current = serde_json::json!({"spec": {"clusterConfig": {
            "controlPlaneEndpoint": {"host": "10.10.0.1", "type": "IP"},
            "sshKeys": ["ssh-ed25519 AAAA old"],
            "ntpServers": ["pool.ntp.org"],
        }}});
        let new = block(&[("ssh_keys", strings(&["ssh-ed25519 AAAA new"]))]);
        assert_eq!(
            cluster_config_body(edge, &current, &new).unwrap(),
            serde_json::json!({"clusterConfig": {
                "controlPlaneEndpoint": {"host": "10.10.0.1", "type": "IP"},
                "sshKeys": ["ssh-ed25519 AAAA new"],
            }})
        );
        assert!(cluster_config_body(edge, &serde_json::json!({}), &new).is_err());
        assert!(by_key("aks").unwrap().cluster_config(&new).is_err());
    }

    /// Every in-place update body is the spec's update entity, starting from a cloud config
    /// that fills every field the spec's read model names.
    #[test]
    fn cluster_config_bodies_follow_the_spec() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let Some(spec) = palette_test_support::conformance::Spec::load(root) else {
            eprintln!("the API spec is not there; skipping");
            return;
        };
        let models = [
            ("aws", "v1AwsCloudConfig", "v1AwsCloudClusterConfigEntity"),
            (
                "tke",
                "v1TencentCloudConfig",
                "v1TencentCloudClusterConfigEntity",
            ),
            ("eks", "v1EksCloudConfig", "v1EksCloudClusterConfigEntity"),
            (
                "vsphere",
                "v1VsphereCloudConfig",
                "v1VsphereCloudClusterConfigEntity",
            ),
            (
                "maas",
                "v1MaasCloudConfig",
                "v1MaasCloudClusterConfigEntity",
            ),
            (
                "edge_native",
                "v1EdgeNativeCloudConfig",
                "v1EdgeNativeCloudClusterConfigEntity",
            ),
        ];
        let with_in_place: Vec<&str> = ALL
            .iter()
            .filter(|env| !env.updatable().is_empty())
            .map(|env| env.key())
            .collect();
        assert_eq!(
            with_in_place,
            models.iter().map(|m| m.0).collect::<Vec<_>>(),
            "a spec model per environment with in-place fields"
        );
        let block = block(&[
            ("endpoint_access", "private".into()),
            ("public_access", true.into()),
            ("public_access_cidrs", strings(&["10.0.0.0/8"])),
            ("private_access_cidrs", strings(&["10.1.0.0/16"])),
            ("bastion_disabled", true.into()),
            ("ssh_keys", strings(&["ssh-ed25519 AAAA new"])),
            ("ntp_servers", strings(&["time.example.com"])),
        ]);
        for (key, read_model, update_model) in models {
            let env = by_key(key).unwrap();
            let current = spec.sample(read_model).expect(read_model);
            let body = cluster_config_body(env, &current, &block).unwrap();
            assert_eq!(
                spec.check(&body, update_model),
                Vec::<String>::new(),
                "{key}"
            );
            for field in env.updatable() {
                assert_eq!(
                    body["clusterConfig"][field.api_key],
                    env.cluster_config(&block).unwrap()[field.api_key],
                    "{key}.{}",
                    field.attr
                );
            }
        }
    }

    #[test]
    fn aks_needs_a_system_pool() {
        let aks_pool = |system: Value, count: i64| {
            let mut pool = pool(&[
                ("count", count.into()),
                ("instance_type", "Standard_D4s_v3".into()),
            ]);
            pool.set("is_system_node_pool", system);
            pool
        };
        let cases: Vec<(&str, &str, Vec<Value>, Vec<&str>)> = vec![
            (
                "one system pool",
                "aks",
                vec![aks_pool(Value::Null, 1), aks_pool(true.into(), 1)],
                vec![],
            ),
            (
                "no system pool",
                "aks",
                vec![aks_pool(Value::Null, 1), aks_pool(false.into(), 2)],
                vec!["machine_pool[0].is_system_node_pool"],
            ),
            (
                "an unknown flag may be true",
                "aks",
                vec![aks_pool(Value::unknown(), 1)],
                vec![],
            ),
            (
                "an empty system pool",
                "aks",
                vec![aks_pool(true.into(), 0)],
                vec!["machine_pool[0].count"],
            ),
            (
                "other environments refuse the flag",
                "azure",
                vec![aks_pool(true.into(), 1)],
                vec!["machine_pool[0].is_system_node_pool"],
            ),
        ];
        for (name, key, pools, want) in cases {
            let mut diags = Diagnostics::new();
            check_pools(by_key(key).unwrap(), &pools, &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn aks_pools_carry_the_system_flag() {
        let aks = by_key("aks").unwrap();
        let system = Pool {
            name: "system".into(),
            count: Some(1),
            system_node_pool: Some(true),
            ..Default::default()
        };
        let body = aks.pool_body(&Value::Null, &system).unwrap();
        assert_eq!(body["cloudConfig"]["isSystemNodePool"], true);
        assert_eq!(body["managedPoolConfig"]["isSystemNodePool"], true);
        let user = Pool {
            system_node_pool: None,
            ..system
        };
        let body = aks.pool_body(&Value::Null, &user).unwrap();
        assert_eq!(body["cloudConfig"]["isSystemNodePool"], false);
        let azure = by_key("azure")
            .unwrap()
            .pool_body(&Value::Null, &user)
            .unwrap();
        assert!(azure["cloudConfig"].get("isSystemNodePool").is_none());
        assert!(azure.get("managedPoolConfig").is_none());
    }

    #[test]
    fn pool_config_defaults_min_and_max_to_the_size() {
        let pool = Pool {
            name: "w".into(),
            count: Some(3),
            ..Default::default()
        };
        let config = pool.pool_config();
        assert_eq!(
            (config.size, config.min_size, config.max_size),
            (3, Some(3), Some(3))
        );
        assert_eq!(config.labels, ["worker"]);
        let edge = Pool {
            name: "cp".into(),
            control_plane: true,
            edge_hosts: Some(vec!["a".into(), "b".into()]),
            ..Default::default()
        };
        assert_eq!(edge.pool_config().size, 2);
        assert_eq!(edge.pool_config().labels, ["control-plane"]);
    }
}

//! The environments a cluster is deployed on: one [`Environment`] per file, and the registry [`ALL`].
//!
//! An environment knows everything that differs between clouds: its block on `palette_cluster`
//! (schema and plan-time checks), which machine-pool sizing fields it takes, the API create path,
//! the typed create body and machine-pool entity, the cloud accounts it accepts, and how to read
//! its cloud config back for drift and import. Everything the environments share (the pool
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
use tfplugin::plan_modifier::requires_replace;
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

    /// The path clusters of this environment are created at.
    fn create_path(&self) -> String {
        format!("/v1/spectroclusters/{}", self.cloud_type())
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

    /// The attributes of this environment's block.
    fn attributes(&self) -> Vec<Attribute>;

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

    /// The create request: the environment's typed entity.
    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate;

    /// The machine-pool entity for a day-2 `POST`/`PUT` of one pool.
    fn pool_body(&self, block: &Value, pool: &Pool) -> Result<serde_json::Value, String>;

    /// Reads the environment's cloud config (`GET /v1/cloudconfigs/{cloud type}/{uid}`).
    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String>;
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

/// A machine-pool sizing field: the part of the flat `machine_pool` superset that differs
/// between environments.
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
}

impl SizingField {
    /// Every sizing field.
    pub(crate) const ALL: [SizingField; 10] = [
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
        let base = AttributePath::root("machine_pool").index(index as i64);
        for field in SizingField::ALL {
            let value = pool.get(field.attr()).unwrap_or(&Value::Null);
            match taken.iter().find(|s| s.field == field) {
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
            "A machine pool, identified by `name`. The sizing fields an environment takes differ: \
             instance types for clouds, `cpu`/`memory_mb` for vSphere and Nutanix, `resource_pool` \
             for MAAS, `edge_hosts` for Edge; the others are refused at plan.",
        )
        .attribute(Attribute::string("name").required().description("Pool name, unique in the cluster; its identity."))
        .attribute(
            Attribute::bool("control_plane")
                .optional()
                .default(false)
                .description("Whether the pool runs the Kubernetes control plane. At least one pool must.")
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
        .attribute(Attribute::map("labels", Type::String).optional().description("Extra Kubernetes labels on the pool's nodes."))
        .block(NestedBlock::new("taints", Nesting::List, taint));
    NestedBlock::new("machine_pool", Nesting::List, block).min_items(1)
}

/// One single-nested block per environment, named by its key.
pub(crate) fn environment_blocks() -> Vec<NestedBlock> {
    ALL.iter()
        .map(|env| {
            let mut block = Block::new().description(format!(
                "Deploys the cluster on {}. Exactly one environment block must be set.",
                env.display_name()
            ));
            for attribute in env.attributes() {
                block = block.attribute(attribute);
            }
            NestedBlock::new(env.key(), Nesting::Single, block)
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
// description; fields the API cannot change after creation force replacement.

// NOTE(next): every environment field forces replacement for now; the few the API can change in
// place (EKS access CIDRs, NTP servers, SSH keys) could use `update_cloud_cluster_config`.

/// A required string the API cannot change.
pub(crate) fn required_string(name: &str, description: &str) -> Attribute {
    Attribute::string(name)
        .required()
        .description(description)
        .plan_modifier(requires_replace())
}

/// An optional string the API cannot change.
pub(crate) fn optional_string(name: &str, description: &str) -> Attribute {
    Attribute::string(name)
        .optional()
        .description(description)
        .plan_modifier(requires_replace())
}

/// An optional bool the API cannot change.
pub(crate) fn optional_bool(name: &str, description: &str) -> Attribute {
    Attribute::bool(name)
        .optional()
        .description(description)
        .plan_modifier(requires_replace())
}

/// An optional list of strings the API cannot change.
pub(crate) fn optional_strings(name: &str, description: &str) -> Attribute {
    Attribute::list(name, Type::String)
        .optional()
        .description(description)
        .plan_modifier(requires_replace())
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
    fn create_paths_follow_the_contract() {
        let cases = [
            ("aws", "/v1/spectroclusters/aws"),
            ("eks", "/v1/spectroclusters/eks"),
            ("nutanix", "/v1/spectroclusters/cloudTypes/nutanix"),
            ("edge_native", "/v1/spectroclusters/edge-native"),
            ("openstack", "/v1/spectroclusters/openstack"),
        ];
        for (key, path) in cases {
            assert_eq!(by_key(key).unwrap().create_path(), path, "{key}");
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

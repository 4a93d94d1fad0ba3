//! The machine-pool model every environment shares: the sizing fields an environment picks
//! from, the [`Pool`] read from the `machine_pool` block or the API, the pool part of every
//! machine-pool entity, and the plan-time check of a pool list against an environment.

use std::collections::BTreeMap;

use palette_api::models::{MachinePoolConfigEntity, Taint};
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use super::Environment;
use super::values::{
    get_string, get_string_map, get_strings, opt_bool, opt_i64, opt_list, opt_str,
};

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
    /// Edge hosts, by uid or name as configured (names are resolved to uids before a write).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::environments::by_key;

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

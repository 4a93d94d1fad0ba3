//! Nutanix: a custom cloud type in Palette. The API takes the cluster and each machine pool as
//! Cluster API YAML (`values`); this file writes that YAML from typed fields and reads the fields
//! back from it.

use palette_api::models::{
    CustomCloudConfig, CustomClusterConfig, CustomMachinePoolBaseConfigEntity,
    CustomMachinePoolCloudConfigEntity, CustomMachinePoolConfigEntity, ObjectMetaInputEntity,
    SpectroCustomClusterEntity, SpectroCustomClusterEntitySpec,
};
use tfplugin::{Attribute, Value, ValueExt};

use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, LifecycleField, Pool, Sizing,
    SizingField, from_json, get_string, optional_string, pool_from_api, required, required_string,
    to_json,
};
use palette_stack::environment_names::Environment as Name;
use palette_stack::values::{self, Value as Yaml};

/// Nutanix.
pub(crate) struct Nutanix;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::Cpu),
    required(SizingField::MemoryMb),
    required(SizingField::DiskSizeGb),
];

/// Prism Central's usual port.
const DEFAULT_PRISM_PORT: i64 = 9440;

impl Environment for Nutanix {
    fn name(&self) -> Name {
        Name::Nutanix
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string(
                "prism_central_endpoint",
                "Prism Central host name or IP address.",
            ),
            Attribute::int64("prism_central_port")
                .optional()
                .default(DEFAULT_PRISM_PORT)
                .description("Prism Central port (default 9440)."),
            required_string(
                "prism_element_cluster",
                "Name of the Prism Element cluster the nodes run on. Palette passes it to Prism \
                 as written (its API has no Prism inventory to check it against at plan); a name \
                 Prism does not have stops the machines being made, which the apply reports \
                 (logged at once, and in the error when its wait ends).",
            ),
            required_string(
                "subnet",
                "Name of the subnet the nodes attach to, in `prism_element_cluster`. Not checked \
                 at plan, as for `prism_element_cluster`: a subnet Prism does not have is \
                 reported at apply.",
            ),
            required_string(
                "control_plane_endpoint",
                "Control-plane virtual IP or host name.",
            ),
            optional_string(
                "image",
                "Name of the node image in Prism; Palette's default when unset.",
            ),
        ]
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// A Nutanix pool (`v1CustomMachinePoolConfig`) has a size but no autoscaling range.
    fn autoscales(&self) -> bool {
        false
    }

    /// A Nutanix pool is sent as `v1CustomMachinePoolBaseConfigEntity`, which carries no update
    /// strategy, repave interval or annotations: all three are refused.
    fn lifecycle(&self) -> &'static [LifecycleField] {
        &[]
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let block = spec.block;
        let pools = spec
            .pools
            .iter()
            .map(|pool| pool_entity(block, pool))
            .collect();
        palette_api::ClusterCreate::Custom {
            cloud_type: "nutanix".to_string(),
            entity: SpectroCustomClusterEntity {
                metadata: Some(ObjectMetaInputEntity {
                    name: spec.metadata.name.clone(),
                    labels: spec.metadata.labels.clone(),
                    annotations: spec.metadata.annotations.clone(),
                }),
                spec: Some(SpectroCustomClusterEntitySpec {
                    cloud_account_uid: spec.cloud_account_uid.clone().unwrap_or_default(),
                    cloud_config: CustomClusterConfig {
                        values: cluster_values(block),
                    },
                    machinepoolconfig: Some(pools),
                    profiles: Some(spec.profiles.clone()),
                    ..Default::default()
                }),
            },
        }
    }

    fn pool_body(&self, block: &Value, pool: &Pool) -> Result<serde_json::Value, String> {
        to_json(&pool_entity(block, pool))
    }

    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String> {
        let config: CustomCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = parse_kind(&spec.cluster_config.unwrap_or_default().values, "");
        let pools = spec.machine_pool_config.unwrap_or_default();
        let first_pool = pools
            .first()
            .map(|p| parse(p.values.as_deref().unwrap_or_default()));
        let pool_field = |path: &[&str]| first_pool.as_ref().and_then(|y| scalar(y, path));
        let port =
            scalar(&cluster, &["spec", "prismCentral", "port"]).and_then(|p| p.parse::<i64>().ok());
        Ok(CloudConfigState {
            host_names: Default::default(),
            account_uid: spec.cloud_account_ref.and_then(|r| r.uid),
            block: BlockState::default()
                .string(
                    "prism_central_endpoint",
                    scalar(&cluster, &["spec", "prismCentral", "address"]),
                )
                .int(
                    "prism_central_port",
                    Some(port.unwrap_or(DEFAULT_PRISM_PORT)),
                )
                .string(
                    "control_plane_endpoint",
                    scalar(&cluster, &["spec", "controlPlaneEndpoint", "host"]),
                )
                .string(
                    "prism_element_cluster",
                    pool_field(&["spec", "template", "spec", "cluster", "name"]),
                )
                .string(
                    "subnet",
                    pool_field(&["spec", "template", "spec", "subnet", "name"]),
                )
                .string(
                    "image",
                    pool_field(&["spec", "template", "spec", "image", "name"]),
                )
                .done(),
            pools: pools
                .into_iter()
                .map(|p| {
                    let text = p.values.as_deref().unwrap_or_default();
                    let yaml = parse(text);
                    let object = parse_kind(
                        text,
                        if p.is_control_plane {
                            "KubeadmControlPlane"
                        } else {
                            "MachineDeployment"
                        },
                    );
                    let name = p
                        .name
                        .clone()
                        .or_else(|| scalar(&object, &["metadata", "name"]));
                    let size = p.size.or_else(|| {
                        scalar(&object, &["spec", "replicas"]).and_then(|s| s.parse().ok())
                    });
                    let number = |field: &str, unit: &str| {
                        scalar(&yaml, &["spec", "template", "spec", field])
                            .and_then(|text| text.trim_end_matches(unit).parse::<i64>().ok())
                    };
                    Pool {
                        cpu: number("vcpuSockets", ""),
                        memory_mb: number("memorySize", "Mi"),
                        disk_size_gb: number("systemDiskSize", "Gi"),
                        // The read model also has `additionalAnnotations`, but the pool
                        // entity cannot send them (see `lifecycle`): refresh and import leave
                        // them out.
                        ..pool_from_api(ApiPool {
                            name,
                            is_control_plane: Some(p.is_control_plane),
                            control_plane_as_worker: p.use_control_plane_as_worker,
                            size,
                            labels: p.additional_labels,
                            taints: p.taints,
                            annotations: p.additional_annotations,
                            skip_k8s_upgrade: None,
                            override_kubeadm_configuration: p.override_kubeadm_configuration,
                            ..Default::default()
                        })
                    }
                })
                .collect(),
        })
    }
}

/// The cluster's Cluster API values.
fn cluster_values(block: &Value) -> String {
    let endpoint = get_string(block, "prism_central_endpoint").unwrap_or_default();
    let port = block
        .get_i64("prism_central_port")
        .unwrap_or(DEFAULT_PRISM_PORT);
    let vip = get_string(block, "control_plane_endpoint").unwrap_or_default();
    format!(
        "apiVersion: infrastructure.cluster.x-k8s.io/v1beta1\nkind: NutanixCluster\nspec:\n  prismCentral:\n    address: {}\n    port: {port}\n  controlPlaneEndpoint:\n    host: {}\n    port: 6443\n",
        quote(&endpoint),
        quote(&vip)
    )
}

/// One pool's Cluster API values: the pool object (`KubeadmControlPlane` or
/// `MachineDeployment`) carrying its name and size, and the Nutanix machine template.
fn pool_values(block: &Value, pool: &Pool) -> String {
    let kind = if pool.control_plane {
        "KubeadmControlPlane"
    } else {
        "MachineDeployment"
    };
    let mut out = format!(
        "apiVersion: cluster.x-k8s.io/v1beta1\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n  replicas: {size}\n---\napiVersion: infrastructure.cluster.x-k8s.io/v1beta1\nkind: NutanixMachineTemplate\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n      vcpusPerSocket: 1\n      vcpuSockets: {cpu}\n      memorySize: {memory}Mi\n      systemDiskSize: {disk}Gi\n      cluster:\n        type: name\n        name: {cluster}\n      subnet:\n        type: name\n        name: {subnet}\n",
        name = quote(&pool.name),
        size = pool.size(),
        cpu = pool.cpu.unwrap_or_default(),
        memory = pool.memory_mb.unwrap_or_default(),
        disk = pool.disk_size_gb.unwrap_or_default(),
        cluster = quote(&get_string(block, "prism_element_cluster").unwrap_or_default()),
        subnet = quote(&get_string(block, "subnet").unwrap_or_default()),
    );
    if let Some(image) = get_string(block, "image") {
        out.push_str(&format!(
            "      image:\n        type: name\n        name: {}\n",
            quote(&image)
        ));
    }
    out
}

fn pool_entity(block: &Value, pool: &Pool) -> CustomMachinePoolConfigEntity {
    let common = pool.pool_config();
    CustomMachinePoolConfigEntity {
        cloud_config: CustomMachinePoolCloudConfigEntity {
            values: Some(pool_values(block, pool)),
        },
        pool_config: Some(CustomMachinePoolBaseConfigEntity {
            additional_labels: common.additional_labels,
            is_control_plane: common.is_control_plane,
            taints: common.taints,
            use_control_plane_as_worker: common.use_control_plane_as_worker,
        }),
    }
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// The document of a YAML stream whose `kind` is `kind` (or the first one when `kind` is
/// empty), or null when there is none or the text does not parse.
fn parse_kind(text: &str, kind: &str) -> Yaml {
    let Ok(stream) = values::normalize(text) else {
        return Yaml::Null;
    };
    stream
        .documents()
        .iter()
        .find(|doc| kind.is_empty() || scalar(doc, &["kind"]).as_deref() == Some(kind))
        .cloned()
        .unwrap_or(Yaml::Null)
}

/// The Nutanix machine template of a pool's values.
fn parse(text: &str) -> Yaml {
    parse_kind(text, "NutanixMachineTemplate")
}

/// The scalar at a path of mapping keys, as text.
fn scalar(doc: &Yaml, path: &[&str]) -> Option<String> {
    let mut node = doc;
    for key in path {
        let Yaml::Map(entries) = node else {
            return None;
        };
        node = entries
            .iter()
            .find(|(k, _)| matches!(k, Yaml::Str(s) if s == key))
            .map(|(_, v)| v)?;
    }
    match node {
        Yaml::Str(s) | Yaml::Ambiguous(s) | Yaml::Template(s) => Some(s.clone()),
        Yaml::Int(i) => Some(i.to_string()),
        Yaml::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn pools_take_no_autoscaling_range_once_it_is_known() {
        let pool = |min: Value| {
            Value::Object(BTreeMap::from([
                ("name".to_string(), Value::from("workers")),
                ("count".to_string(), Value::from(2)),
                ("cpu".to_string(), Value::from(4)),
                ("memory_mb".to_string(), Value::from(8192)),
                ("disk_size_gb".to_string(), Value::from(60)),
                ("min".to_string(), min),
                ("max".to_string(), Value::Null),
            ]))
        };
        let refused = |pools: &[Value]| {
            let mut diags = tfplugin::Diagnostics::new();
            crate::environments::check_pools(&Nutanix, pools, &mut diags);
            crate::diagnostics::attribute_paths(&diags)
        };
        assert_eq!(refused(&[pool(Value::from(1))]), ["machine_pool[0].min"]);
        assert!(refused(&[pool(Value::unknown())]).is_empty());
        assert!(refused(&[pool(Value::Null)]).is_empty());
    }

    #[test]
    fn values_round_trip_through_the_cloud_config() {
        let block = Value::Object(BTreeMap::from([
            (
                "prism_central_endpoint".to_string(),
                Value::from("pc.example.com"),
            ),
            ("prism_central_port".to_string(), Value::Null),
            ("prism_element_cluster".to_string(), Value::from("pe-1")),
            ("subnet".to_string(), Value::from("vlan-10")),
            (
                "control_plane_endpoint".to_string(),
                Value::from("10.0.0.5"),
            ),
            ("image".to_string(), Value::from("ubuntu-22.04")),
        ]));
        let pool = Pool {
            name: "cp".into(),
            control_plane: true,
            count: Some(1),
            cpu: Some(4),
            memory_mb: Some(8192),
            disk_size_gb: Some(80),
            ..Default::default()
        };
        let body = serde_json::json!({
            "spec": {
                "cloudAccountRef": {"uid": "acc"},
                "clusterConfig": {"values": cluster_values(&block)},
                "machinePoolConfig": [{"isControlPlane": true, "values": pool_values(&block, &pool)}]
            }
        });
        let state = Nutanix.read_cloud_config(body).unwrap();
        assert_eq!(state.account_uid.as_deref(), Some("acc"));
        for (key, want) in [
            ("prism_central_endpoint", "pc.example.com"),
            ("prism_element_cluster", "pe-1"),
            ("subnet", "vlan-10"),
            ("control_plane_endpoint", "10.0.0.5"),
            ("image", "ubuntu-22.04"),
        ] {
            assert_eq!(
                state.block.get(key).and_then(Value::as_str),
                Some(want),
                "{key}"
            );
        }
        // The default port reads back as itself: the attribute defaults to it.
        assert_eq!(
            state
                .block
                .get("prism_central_port")
                .and_then(Value::as_i64),
            Some(DEFAULT_PRISM_PORT)
        );
        let got = &state.pools[0];
        assert_eq!(
            (got.cpu, got.memory_mb, got.disk_size_gb, got.count),
            (Some(4), Some(8192), Some(80), Some(1))
        );
        assert!(got.control_plane);
    }
}

//! Azure (IaaS): clusters on Azure virtual machines. AKS shares the API models and reuses the
//! conversions here.

use std::net::Ipv4Addr;

use palette_api::models::{
    AzureCloudConfig, AzureClusterConfig, AzureMachinePoolCloudConfigEntity,
    AzureMachinePoolConfigEntity, AzureOSDisk, InfraLBConfig, LoadBalancerSpec, ManagedDisk,
    SpectroAzureClusterEntity, SpectroAzureClusterEntitySpec, Subnet,
};
use tfplugin::{Attribute, AttributePath, Diagnostics, Value, ValueExt};

use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, Environment, Pool, Sizing, SizingField,
    from_json, get_string, optional, optional_bool, optional_string, pool_from_api, required,
    required_string, to_json,
};
use palette_stack::cidr::Cidr;
use palette_stack::environment_names::Environment as Name;

/// Azure.
pub(crate) struct Azure;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
    optional(SizingField::StorageAccountType),
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
        .into_iter()
        .chain(subnet_attributes("control_plane", "control-plane nodes"))
        .chain(subnet_attributes("worker", "worker nodes"))
        .chain([
            optional_string(
                "api_server_private_dns_zone",
                "Private DNS zone name of an internal API-server load balancer (the official \
                 `private_api_server.private_dns_zone`). Setting any `api_server_*` attribute \
                 makes the control plane's load balancer internal; they are fixed once the \
                 cluster exists (changing one replaces it).",
            ),
            optional_string(
                "api_server_private_dns_resource_group",
                "Resource group of that private DNS zone (the official \
                 `private_api_server.resource_group`); the cluster's when unset.",
            ),
            optional_string(
                "api_server_static_ip",
                "Static IP of the internal API-server load balancer, inside \
                 `control_plane_subnet_cidr` (checked at plan); Azure allocates one when unset.",
            ),
        ])
        .collect()
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    fn check(&self, block: &Value, path: &AttributePath, _pools: &[Pool], diags: &mut Diagnostics) {
        check_network(block, path, &["control_plane", "worker"], diags);
        check_api_server_ip(block, path, diags);
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
    let mut cloud_config = cluster_config(spec.block);
    if managed {
        // AKS reads a private cluster from the API server's access profile (the cluster
        // config's own `enablePrivateCluster` is deprecated); both are sent.
        cloud_config.api_server_access_profile = cloud_config.enable_private_cluster.map(|p| {
            palette_api::models::APIServerAccessProfile {
                enable_private_cluster: Some(p),
                ..Default::default()
            }
        });
        cloud_config.infra_lb_config = None;
    }
    let entity = SpectroAzureClusterEntity {
        metadata: Some(spec.metadata.clone()),
        spec: Some(SpectroAzureClusterEntitySpec {
            cloud_account_uid: spec.cloud_account_uid.clone().unwrap_or_default(),
            cloud_config,
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
        control_plane_subnet: subnet(block, "control_plane"),
        worker_subnet: subnet(block, "worker"),
        infra_lb_config: api_server_lb(block).map(|lb| InfraLBConfig {
            api_server_lb: Some(lb),
        }),
        ..Default::default()
    }
}

/// The internal API-server load balancer of the `api_server_*` attributes; none when none is
/// set (Palette's public load balancer).
fn api_server_lb(block: &Value) -> Option<LoadBalancerSpec> {
    let zone = get_string(block, "api_server_private_dns_zone");
    let group = get_string(block, "api_server_private_dns_resource_group");
    let ip = get_string(block, "api_server_static_ip");
    if zone.is_none() && group.is_none() && ip.is_none() {
        return None;
    }
    Some(LoadBalancerSpec {
        type_: Some("Internal".into()),
        ip_allocation_method: Some(if ip.is_some() { "Static" } else { "Dynamic" }.into()),
        api_server_lb_static_ip: ip,
        private_dns_name: zone,
        private_dns_zone_resource_group: group,
    })
}

/// The API server's static IP is an IPv4 address inside the control plane's subnet, once both
/// are known.
fn check_api_server_ip(block: &Value, path: &AttributePath, diags: &mut Diagnostics) {
    let Some(text) = block.get_str("api_server_static_ip") else {
        return;
    };
    let at = path.clone().attr("api_server_static_ip");
    let Ok(ip) = text.parse::<Ipv4Addr>() else {
        return diags.attribute_error(
            at,
            "Invalid API Server IP",
            format!("{text:?} is not an IPv4 address."),
        );
    };
    if let Some(cidr) = block.get_str("control_plane_subnet_cidr")
        && let Some(net) = Cidr::parse_ipv4_network(cidr)
        && !net.contains_address(ip.into())
    {
        diags.attribute_error(
            at,
            "API Server IP Outside Its Subnet",
            format!(
                "{text} is not in the control plane's subnet {cidr}: the internal load balancer \
                 takes its address from that subnet."
            ),
        );
    }
}

/// The attributes of one subnet (`<role>_subnet_name`, `_cidr`, `_security_group`) of the
/// cluster config's `controlPlaneSubnet` or `workerSubnet` (`v1Subnet`).
pub(super) fn subnet_attributes(role: &str, nodes: &str) -> Vec<Attribute> {
    vec![
        optional_string(
            &format!("{role}_subnet_name"),
            &format!(
                "Subnet of the virtual network the {nodes} go in: an existing one of \
                 `vnet_name`, or the name Palette gives the one it makes."
            ),
        ),
        optional_string(
            &format!("{role}_subnet_cidr"),
            &format!(
                "Address range of the {nodes}' subnet, as a CIDR inside `vnet_cidr_block` \
                 (checked at plan), when Palette makes the virtual network."
            ),
        ),
        optional_string(
            &format!("{role}_subnet_security_group"),
            &format!("Network security group attached to the {nodes}' subnet."),
        ),
    ]
}

/// The subnet of `role` from the block; none when none of its attributes is set.
fn subnet(block: &Value, role: &str) -> Option<Subnet> {
    let subnet = Subnet {
        name: get_string(block, &format!("{role}_subnet_name")),
        cidr_block: get_string(block, &format!("{role}_subnet_cidr")),
        security_group_name: get_string(block, &format!("{role}_subnet_security_group")),
        nsg_resource_group: None,
    };
    (subnet != Subnet::default()).then_some(subnet)
}

/// The virtual network's ranges: each a CIDR, each subnet's inside `vnet_cidr_block`, the
/// subnets apart. Unknown values are checked once known.
pub(super) fn check_network(
    block: &Value,
    path: &AttributePath,
    roles: &[&str],
    diags: &mut Diagnostics,
) {
    let mut parsed = Vec::new();
    let names = std::iter::once("vnet_cidr_block".to_string())
        .chain(roles.iter().map(|r| format!("{r}_subnet_cidr")));
    for name in names {
        let Some(text) = block.get_str(&name) else {
            continue;
        };
        match Cidr::parse_ipv4_network(text) {
            Some(cidr) => parsed.push((name, cidr)),
            None => diags.attribute_error(
                path.clone().attr(&name),
                "Invalid CIDR",
                format!(
                    "{text:?} is not an IPv4 network in CIDR form (a network address and a prefix \
                     length, as 10.0.0.0/16)."
                ),
            ),
        }
    }
    let vnet = parsed
        .iter()
        .find(|(n, _)| n == "vnet_cidr_block")
        .map(|(_, c)| *c);
    let subnets: Vec<_> = parsed
        .iter()
        .filter(|(n, _)| n != "vnet_cidr_block")
        .collect();
    for (i, (name, cidr)) in subnets.iter().enumerate() {
        if let Some(vnet) = vnet
            && !vnet.contains(cidr)
        {
            diags.attribute_error(
                path.clone().attr(name),
                "Subnet Outside The Virtual Network",
                format!(
                    "{} is not inside `vnet_cidr_block` ({}).",
                    block.get_str(name).unwrap_or_default(),
                    block.get_str("vnet_cidr_block").unwrap_or_default()
                ),
            );
        }
        for (other, theirs) in &subnets[..i] {
            if cidr.overlaps(theirs) {
                diags.attribute_error(
                    path.clone().attr(name),
                    "Overlapping Subnets",
                    format!(
                        "This subnet overlaps `{other}`; the subnets need ranges of their own."
                    ),
                );
            }
        }
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
            os_disk: (pool.disk_size_gb.is_some() || pool.storage_account_type.is_some()).then(
                || AzureOSDisk {
                    disk_size_gb: pool.disk_size_gb.map(|size| size as i32),
                    managed_disk: pool.storage_account_type.clone().map(|t| ManagedDisk {
                        storage_account_type: Some(t),
                    }),
                    ..Default::default()
                },
            ),
        },
        managed_pool_config: managed.then(|| palette_api::models::AzureManagedMachinePoolConfig {
            is_system_node_pool: system,
            os_type: pool.os_type.clone(),
        }),
        pool_config: Some(pool.pool_config()),
    }
}

/// Reads an Azure or AKS cloud config.
pub(super) fn read_cloud_config(body: serde_json::Value) -> Result<CloudConfigState, String> {
    let config: AzureCloudConfig = from_json(body)?;
    let spec = config.spec.unwrap_or_default();
    let cluster = spec.cluster_config.unwrap_or_default();
    let cp = cluster.control_plane_subnet.unwrap_or_default();
    let worker = cluster.worker_subnet.unwrap_or_default();
    let lb = cluster
        .infra_lb_config
        .and_then(|c| c.api_server_lb)
        .filter(|lb| lb.type_.as_deref() == Some("Internal"))
        .unwrap_or_default();
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
            .bool(
                "private_cluster",
                cluster
                    .api_server_access_profile
                    .and_then(|p| p.enable_private_cluster)
                    .or(cluster.enable_private_cluster),
            )
            .string("control_plane_subnet_name", cp.name)
            .string("control_plane_subnet_cidr", cp.cidr_block)
            .string(
                "control_plane_subnet_security_group",
                cp.security_group_name,
            )
            .string("worker_subnet_name", worker.name)
            .string("worker_subnet_cidr", worker.cidr_block)
            .string("worker_subnet_security_group", worker.security_group_name)
            .string("api_server_private_dns_zone", lb.private_dns_name)
            .string(
                "api_server_private_dns_resource_group",
                lb.private_dns_zone_resource_group,
            )
            .string("api_server_static_ip", lb.api_server_lb_static_ip)
            .done(),
        pools: spec
            .machine_pool_config
            .unwrap_or_default()
            .into_iter()
            .map(|p| Pool {
                instance_type: p.instance_type,
                storage_account_type: p
                    .os_disk
                    .as_ref()
                    .and_then(|d| d.managed_disk.as_ref()?.storage_account_type.clone())
                    .filter(|t| !t.is_empty()),
                os_type: p
                    .os_type
                    .clone()
                    .or_else(|| p.os_disk.as_ref()?.os_type.clone())
                    .filter(|t| !t.is_empty()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_ranges_are_cidrs_inside_the_network_and_apart() {
        let block = |fields: &[(&str, Value)]| {
            Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            )
        };
        let roles = ["control_plane", "worker"];
        let cases: Vec<(&str, Value, Vec<&str>)> = vec![
            (
                "inside",
                block(&[
                    ("vnet_cidr_block", "10.0.0.0/16".into()),
                    ("control_plane_subnet_cidr", "10.0.0.0/24".into()),
                    ("worker_subnet_cidr", "10.0.4.0/22".into()),
                ]),
                vec![],
            ),
            (
                "outside",
                block(&[
                    ("vnet_cidr_block", "10.0.0.0/16".into()),
                    ("worker_subnet_cidr", "10.1.0.0/24".into()),
                ]),
                vec!["azure.worker_subnet_cidr"],
            ),
            (
                "not a network address",
                block(&[("control_plane_subnet_cidr", "10.0.0.1/24".into())]),
                vec!["azure.control_plane_subnet_cidr"],
            ),
            (
                "overlapping",
                block(&[
                    ("control_plane_subnet_cidr", "10.0.0.0/23".into()),
                    ("worker_subnet_cidr", "10.0.1.0/24".into()),
                ]),
                vec!["azure.worker_subnet_cidr"],
            ),
            (
                "unknown waits",
                block(&[
                    ("vnet_cidr_block", Value::unknown()),
                    ("worker_subnet_cidr", "10.1.0.0/24".into()),
                ]),
                vec![],
            ),
            (
                "null is absent",
                block(&[("worker_subnet_cidr", Value::Null)]),
                vec![],
            ),
        ];
        for (name, block, want) in cases {
            let mut diags = Diagnostics::new();
            check_network(&block, &AttributePath::root("azure"), &roles, &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}: {diags:?}");
        }
    }
}

#[cfg(test)]
mod api_server_tests {
    use std::collections::BTreeMap;

    use super::*;

    fn block(pairs: &[(&str, &str)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(v.to_string())))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    fn refused(value: &Value) -> Vec<String> {
        let mut diags = Diagnostics::new();
        check_api_server_ip(value, &AttributePath::root("azure").index(0), &mut diags);
        crate::diagnostics::attribute_paths(&diags)
    }

    #[test]
    fn the_api_server_address_is_checked_against_the_control_plane_subnet() {
        let inside = block(&[
            ("control_plane_subnet_cidr", "10.0.1.0/24"),
            ("api_server_static_ip", "10.0.1.10"),
        ]);
        assert!(refused(&inside).is_empty());
        let outside = block(&[
            ("control_plane_subnet_cidr", "10.0.1.0/24"),
            ("api_server_static_ip", "10.0.2.10"),
        ]);
        assert_eq!(refused(&outside), ["azure[0].api_server_static_ip"]);
        assert_eq!(
            refused(&block(&[("api_server_static_ip", "ten")])),
            ["azure[0].api_server_static_ip"]
        );
        // Without a subnet range (an existing subnet), only the address's form is checked.
        assert!(refused(&block(&[("api_server_static_ip", "10.9.9.9")])).is_empty());
    }

    #[test]
    fn any_api_server_setting_makes_the_load_balancer_internal() {
        assert_eq!(api_server_lb(&block(&[])), None);
        let lb = api_server_lb(&block(&[("api_server_private_dns_zone", "k8s.example")]))
            .expect("an internal load balancer");
        assert_eq!(lb.type_.as_deref(), Some("Internal"));
        assert_eq!(lb.ip_allocation_method.as_deref(), Some("Dynamic"));
        let fixed = api_server_lb(&block(&[("api_server_static_ip", "10.0.1.10")])).unwrap();
        assert_eq!(fixed.ip_allocation_method.as_deref(), Some("Static"));
    }
}

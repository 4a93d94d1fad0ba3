//! Edge: clusters on registered edge hosts. There is no cloud account; a pool has one node per
//! edge host, so its size is the number of hosts.

use palette_api::models::{
    EdgeNativeCloudConfig, EdgeNativeClusterConfig, EdgeNativeControlPlaneEndPoint,
    EdgeNativeMachinePoolCloudConfigEntity, EdgeNativeMachinePoolConfigEntity,
    EdgeNativeMachinePoolHostEntity, EdgeNativeOverlayNetworkConfiguration,
    SpectroEdgeNativeClusterEntity, SpectroEdgeNativeClusterEntitySpec,
};
use tfplugin::{Attribute, AttributePath, Diagnostics, Value, ValueExt};

use super::as_entity;
use super::{
    ApiPool, BlockState, CloudConfigState, ClusterSpec, EdgeHost, Environment, InPlace, Pool,
    Sizing, SizingField, from_json, get_string, get_strings, in_place, optional, optional_bool,
    optional_string, optional_strings, pool_from_api, to_json,
};
use palette_api::models::Nic;
use palette_stack::environment_names::Environment as Name;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

/// Edge.
pub(crate) struct EdgeNative;

/// A pool names its hosts with `edge_hosts` or with `edge_host` blocks, exactly one of the two
/// (checked by [`EdgeNative::check_pool_list`]).
const SIZING: &[Sizing] = &[
    optional(SizingField::EdgeHosts),
    optional(SizingField::ArchType),
];

impl Environment for EdgeNative {
    fn name(&self) -> Name {
        Name::EdgeNative
    }

    fn account_environment(&self) -> Option<Name> {
        None
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            optional_string(
                "vip",
                "Control-plane virtual IP or host name; Palette assigns one when unset.",
            ),
            optional_strings("ssh_keys", "Public SSH keys put on the hosts."),
            optional_strings("ntp_servers", "NTP servers for the hosts."),
            optional_string(
                "overlay_cidr_range",
                "CIDR of the overlay network; no overlay when unset.",
            ),
            optional_bool(
                "is_two_node_cluster",
                "Whether the cluster is a two-node high-availability pair: its control-plane \
                 pool then has exactly two hosts, written as `edge_host` blocks with \
                 `two_node_role` `primary` on one and `secondary` on the other (checked at plan).",
            ),
        ]
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// SSH keys and NTP servers are node settings Palette rolls out to a running cluster
    /// (`v1EdgeNativeClusterConfig.sshKeys`, `.ntpServers`); the VIP, overlay network and two-node mode are
    /// fixed when the cluster is made.
    fn updatable(&self) -> &'static [InPlace] {
        const FIELDS: &[InPlace] = &[
            in_place("ssh_keys", "sshKeys"),
            in_place("ntp_servers", "ntpServers"),
        ];
        FIELDS
    }

    fn cluster_config(&self, block: &Value) -> Result<serde_json::Value, String> {
        to_json(&cluster_config(block))
    }

    fn cluster_config_entity(&self, body: serde_json::Value) -> Result<serde_json::Value, String> {
        as_entity::<palette_api::models::EdgeNativeCloudClusterConfigEntity>(body)
    }

    fn check(
        &self,
        _block: &Value,
        _path: &AttributePath,
        pools: &[Pool],
        diags: &mut Diagnostics,
    ) {
        let mut seen = std::collections::BTreeMap::new();
        for (index, pool) in pools.iter().enumerate() {
            let path = AttributePath::root("machine_pool").index(index as i64);
            for (j, host) in pool.edge_hosts.iter().flatten().enumerate() {
                if let Some(first) = seen.insert(host.clone(), pool.name.clone()) {
                    diags.attribute_error(
                        match pool.edge_host {
                            Some(_) => path.clone().attr("edge_host").index(j as i64).attr("host"),
                            None => path.clone().attr("edge_hosts"),
                        },
                        "Edge Host Used Twice",
                        format!(
                            "Edge host {host:?} is already in machine pool {first:?}; a host can run one node \
                             only. Remove it from one of the pools."
                        ),
                    );
                }
            }
        }
    }

    fn check_pool_list(&self, pools: &[Value], diags: &mut Diagnostics) {
        let mut addresses = BTreeMap::new();
        for (index, pool) in pools.iter().enumerate() {
            if pool.is_unknown() {
                continue;
            }
            let path = AttributePath::root("machine_pool").index(index as i64);
            check_host_form(pool, &path, diags);
            for (j, host) in pool.get_elements("edge_host").iter().enumerate() {
                let host_path = path.clone().attr("edge_host").index(j as i64);
                check_host_network(host, &host_path, diags);
                if let Some(ip) = host
                    .get_str("static_ip")
                    .filter(|ip| ip.parse::<Ipv4Addr>().is_ok())
                    && let Some(first) = addresses.insert(ip.to_string(), host_path.clone())
                {
                    addresses.insert(ip.to_string(), first.clone());
                    diags.attribute_error(
                        host_path.attr("static_ip"),
                        "Static Address Used Twice",
                        format!(
                            "{ip} is already the static address of {first}; each edge host needs \
                             an address of its own."
                        ),
                    );
                }
            }
        }
    }

    fn check_with_pools(&self, block: &Value, pools: &[Value], diags: &mut Diagnostics) {
        check_two_node(block, pools, diags);
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        let pools = spec.pools.iter().map(pool_entity).collect();
        palette_api::ClusterCreate::EdgeNative(SpectroEdgeNativeClusterEntity {
            metadata: Some(spec.metadata.clone()),
            spec: Some(SpectroEdgeNativeClusterEntitySpec {
                cloud_config: Some(cluster_config(spec.block)),
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
        let config: EdgeNativeCloudConfig = from_json(body)?;
        let spec = config.spec.unwrap_or_default();
        let cluster = spec.cluster_config;
        let overlay = cluster.overlay_network_configuration.unwrap_or_default();
        let host_names = spec
            .machine_pool_config
            .iter()
            .flat_map(|p| p.hosts.iter())
            .filter_map(|h| {
                Some((
                    h.host_uid.clone(),
                    h.host_name.clone().filter(|n| !n.is_empty())?,
                ))
            })
            .collect();
        Ok(CloudConfigState {
            host_names,
            account_uid: None,
            block: BlockState::default()
                .string("vip", cluster.control_plane_endpoint.and_then(|e| e.host))
                .strings("ssh_keys", cluster.ssh_keys)
                .strings("ntp_servers", cluster.ntp_servers)
                .string(
                    "overlay_cidr_range",
                    overlay.cidr.filter(|_| overlay.enable != Some(false)),
                )
                .bool("is_two_node_cluster", cluster.is_two_node_cluster)
                .done(),
            pools: spec
                .machine_pool_config
                .into_iter()
                .map(|p| {
                    let hosts: Vec<String> = p.hosts.iter().map(|h| h.host_uid.clone()).collect();
                    let settings = p.hosts.iter().map(host_from_api).collect();
                    let arch = p
                        .machine_pool_properties
                        .as_ref()
                        .and_then(|m| m.arch_type.clone());
                    let mut pool = pool_from_api(ApiPool {
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
                        annotations: p.additional_annotations,
                        skip_k8s_upgrade: None,
                        override_kubeadm_configuration: p.override_kubeadm_configuration,
                    });
                    // The size of an edge pool is its host list; `count` is not an edge field.
                    pool.count = None;
                    pool.edge_hosts = Some(hosts);
                    pool.edge_host = Some(settings);
                    pool.arch_type = arch.filter(|a| !a.is_empty());
                    pool
                })
                .collect(),
        })
    }
}

fn cluster_config(block: &Value) -> EdgeNativeClusterConfig {
    let overlay = get_string(block, "overlay_cidr_range");
    EdgeNativeClusterConfig {
        control_plane_endpoint: get_string(block, "vip").map(|host| {
            EdgeNativeControlPlaneEndPoint {
                host: Some(host),
                type_: Some("IP".to_string()),
                ddns_search_domain: None,
            }
        }),
        ssh_keys: get_strings(block, "ssh_keys"),
        ntp_servers: get_strings(block, "ntp_servers"),
        overlay_network_configuration: overlay.map(|cidr| EdgeNativeOverlayNetworkConfiguration {
            cidr: Some(cidr),
            enable: Some(true),
        }),
        is_two_node_cluster: block.get_bool("is_two_node_cluster"),
        static_ip: None,
    }
}

/// A pool's entity: each host by uid (names resolved before), with the settings of its
/// `edge_host` block in `nic` (the deprecated `staticIP` and `nicName` left out) and its
/// two-node role.
fn pool_entity(pool: &Pool) -> EdgeNativeMachinePoolConfigEntity {
    let blocks = pool.edge_host.as_deref().unwrap_or_default();
    let hosts = pool
        .edge_hosts
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, uid)| {
            let block = blocks.get(i).cloned().unwrap_or_default();
            let networked = block.static_ip.is_some()
                || block.dns_servers.is_some()
                || block.nic_name.is_some();
            EdgeNativeMachinePoolHostEntity {
                host_uid: uid.clone(),
                nic: networked.then(|| Nic {
                    nic_name: block.nic_name,
                    ip: block.static_ip,
                    subnet: block.subnet_mask,
                    gateway: block.default_gateway,
                    dns: block.dns_servers,
                    ..Default::default()
                }),
                two_node_candidate_priority: block.two_node_role,
                ..Default::default()
            }
        })
        .collect();
    EdgeNativeMachinePoolConfigEntity {
        cloud_config: Some(EdgeNativeMachinePoolCloudConfigEntity { edge_hosts: hosts }),
        pool_config: Some(pool.pool_config()),
    }
}

/// A host as the cloud config reports it, by uid, with its settings (from `nic`, or the
/// deprecated `staticIP` and `nicName`).
fn host_from_api(host: &palette_api::models::EdgeNativeHost) -> EdgeHost {
    let nic = host.nic.clone().unwrap_or_default();
    let given = |v: Option<String>| v.filter(|v| !v.is_empty());
    EdgeHost {
        host: host.host_uid.clone(),
        static_ip: given(nic.ip).or_else(|| given(host.static_ip.clone())),
        subnet_mask: given(nic.subnet),
        default_gateway: given(nic.gateway),
        dns_servers: nic.dns.filter(|d| !d.is_empty()),
        nic_name: given(nic.nic_name).or_else(|| given(host.nic_name.clone())),
        two_node_role: given(host.two_node_candidate_priority.clone()),
    }
}

/// Refreshes a pool written with `edge_host` blocks from the pool read back (`api`): the hosts
/// still there in the configuration's order, written as before (by uid or name), then hosts
/// added outside Terraform. Every setting takes the reported value, as an import reads it, so a
/// setting changed or added outside Terraform shows as drift; only an empty DNS list written
/// stays as written where Palette reports none.
pub(crate) fn refresh_edge_host_blocks(
    pool: &mut Value,
    api: &Pool,
    host_names: &BTreeMap<String, String>,
) {
    let reported = api.edge_host.clone().unwrap_or_default();
    let prior = pool.get_elements("edge_host").to_vec();
    let same = |block: &Value, uid: &str| {
        let written = block.get_str("host");
        written == Some(uid)
            || written.is_some() && written == host_names.get(uid).map(String::as_str)
    };
    let mut out = Vec::new();
    for block in &prior {
        let Some(host) = reported.iter().find(|h| same(block, &h.host)) else {
            continue;
        };
        let mut merged = block.clone();
        let Value::Object(fields) = host.to_value() else {
            continue;
        };
        for (name, value) in fields {
            let written = block.get(&name).unwrap_or(&Value::Null);
            // No DNS servers reads back as none: an empty list written stays as written.
            let same_empty =
                value.is_null() && written.as_elements().is_some_and(<[Value]>::is_empty);
            if name != "host" && !same_empty {
                merged.set(&name, value);
            }
        }
        out.push(merged);
    }
    for host in &reported {
        if !prior.iter().any(|block| same(block, &host.host)) {
            let mut named = host.clone();
            if let Some(name) = host_names.get(&host.host) {
                named.host = name.clone();
            }
            out.push(named.to_value());
        }
    }
    pool.set("edge_host", Value::List(out));
}

/// A pool names its hosts one way: `edge_hosts` or `edge_host` blocks, exactly one. A value
/// unknown at validate may still turn out null (or empty), so it settles nothing.
fn check_host_form(pool: &Value, path: &AttributePath, diags: &mut Diagnostics) {
    let list = pool.get("edge_hosts").unwrap_or(&Value::Null);
    let blocks = pool.get("edge_host").unwrap_or(&Value::Null);
    let blocks_known = !blocks.is_unknown();
    let block_count = blocks.as_elements().map_or(0, <[Value]>::len);
    if !list.is_null() && !list.is_unknown() && blocks_known && block_count > 0 {
        diags.attribute_error(
            path.clone().attr("edge_hosts"),
            "Conflicting Edge Host Settings",
            "This pool sets both `edge_hosts` and `edge_host` blocks; name its hosts one way. \
             Use `edge_host` blocks to give hosts network settings.",
        );
    } else if list.is_null() && blocks_known && block_count == 0 {
        diags.attribute_error(
            path.clone().attr("edge_hosts"),
            "Missing Machine Pool Field",
            "Edge machine pools need their hosts: set `edge_hosts` (a list of hosts) or one \
             `edge_host` block per host.",
        );
    }
}

/// One `edge_host` block's addresses: each an IPv4 address (the mask a contiguous one), the
/// static address, mask and gateway given together, and the gateway inside the static
/// address's subnet. Unknown values are checked once known.
fn check_host_network(host: &Value, path: &AttributePath, diags: &mut Diagnostics) {
    let mut parsed: BTreeMap<&str, Option<Ipv4Addr>> = BTreeMap::new();
    for name in ["static_ip", "subnet_mask", "default_gateway"] {
        let value = host.get(name).unwrap_or(&Value::Null);
        if value.is_unknown() {
            return;
        }
        let Some(text) = value.as_str() else {
            parsed.insert(name, None);
            continue;
        };
        match text.parse::<Ipv4Addr>() {
            Ok(addr) if name == "subnet_mask" && !is_mask(addr) => {
                diags.attribute_error(
                    path.clone().attr(name),
                    "Invalid Subnet Mask",
                    format!("{text:?} is not a subnet mask: write it dotted, as 255.255.255.0."),
                );
                return;
            }
            Ok(addr) => {
                parsed.insert(name, Some(addr));
            }
            Err(_) => {
                diags.attribute_error(
                    path.clone().attr(name),
                    "Invalid IP Address",
                    format!("{text:?} is not an IPv4 address."),
                );
                return;
            }
        }
    }
    for dns in host
        .get("dns_servers")
        .and_then(Value::as_elements)
        .unwrap_or_default()
    {
        if let Some(text) = dns.as_str()
            && text.parse::<IpAddr>().is_err()
        {
            diags.attribute_error(
                path.clone().attr("dns_servers"),
                "Invalid IP Address",
                format!("DNS server {text:?} is not an IP address."),
            );
        }
    }
    let (ip, mask, gateway) = (
        parsed["static_ip"],
        parsed["subnet_mask"],
        parsed["default_gateway"],
    );
    if ip.is_none() && mask.is_none() && gateway.is_none() {
        return;
    }
    for (name, value) in [
        ("static_ip", ip),
        ("subnet_mask", mask),
        ("default_gateway", gateway),
    ] {
        if value.is_none() {
            diags.attribute_error(
                path.clone().attr(name),
                "Incomplete Static Address",
                "A host's `static_ip`, `subnet_mask` and `default_gateway` go together: set all \
                 three, or none for DHCP.",
            );
            return;
        }
    }
    let (Some(ip), Some(mask), Some(gateway)) = (ip, mask, gateway) else {
        return;
    };
    let net = |a: Ipv4Addr| u32::from(a) & u32::from(mask);
    if gateway == ip || net(gateway) != net(ip) {
        diags.attribute_error(
            path.clone().attr("default_gateway"),
            "Gateway Outside The Subnet",
            format!(
                "Gateway {gateway} is not another address of {ip}'s subnet ({}/{}); the host \
                 could not reach it.",
                Ipv4Addr::from(net(ip)),
                u32::from(mask).count_ones()
            ),
        );
    }
}

/// Whether `addr` is a subnet mask: ones, then zeros.
fn is_mask(addr: Ipv4Addr) -> bool {
    let bits = u32::from(addr);
    bits != 0 && bits.leading_ones() + bits.trailing_zeros() == 32
}

/// Two-node roles: only in a two-node cluster and only on control-plane hosts; a two-node
/// cluster's control-plane pool is two `edge_host` blocks, one `primary` and one `secondary`
/// (`v1EdgeNativeMachinePoolHostEntity.twoNodeCandidatePriority`).
fn check_two_node(block: &Value, pools: &[Value], diags: &mut Diagnostics) {
    let two_node = block.get("is_two_node_cluster").unwrap_or(&Value::Null);
    if two_node.is_unknown() {
        return;
    }
    let two_node = two_node.as_bool() == Some(true);
    for (index, pool) in pools.iter().enumerate() {
        if pool.is_unknown() {
            continue;
        }
        let path = AttributePath::root("machine_pool").index(index as i64);
        let role = pool.get("control_plane").unwrap_or(&Value::Null);
        let blocks = pool.get("edge_host").unwrap_or(&Value::Null);
        let hosts = blocks.as_elements().unwrap_or_default();
        for (j, host) in hosts.iter().enumerate() {
            let set = host
                .get("two_node_role")
                .is_some_and(|r| !r.is_null() && !r.is_unknown());
            if !set {
                continue;
            }
            let at = path
                .clone()
                .attr("edge_host")
                .index(j as i64)
                .attr("two_node_role");
            if !two_node {
                diags.attribute_error(
                    at,
                    "Two-Node Role Without A Two-Node Cluster",
                    "`two_node_role` applies only in a two-node cluster: set \
                     `is_two_node_cluster = true` in the `edge_native` block, or remove it.",
                );
            } else if role.as_bool() == Some(false) {
                diags.attribute_error(
                    at,
                    "Two-Node Role On A Worker",
                    "`two_node_role` applies to the control-plane hosts of a two-node cluster; \
                     remove it from this worker pool's host.",
                );
            }
        }
        if !two_node || role.as_bool() != Some(true) || blocks.is_unknown() {
            continue;
        }
        if hosts.is_empty() {
            let list = pool.get("edge_hosts").unwrap_or(&Value::Null);
            if !list.is_null() && !list.is_unknown() {
                diags.attribute_error(
                    path.attr("edge_hosts"),
                    "Two-Node Roles Missing",
                    "A two-node cluster's control-plane pool names its two hosts in `edge_host` \
                     blocks, one with `two_node_role = \"primary\"` and one with \
                     `two_node_role = \"secondary\"`.",
                );
            }
            continue;
        }
        if hosts.len() != 2 {
            diags.attribute_error(
                path.attr("edge_host").index(0).attr("host"),
                "Two-Node Control Plane Needs Two Hosts",
                format!(
                    "A two-node cluster's control-plane pool has exactly two hosts; this one has \
                     {}.",
                    hosts.len()
                ),
            );
            continue;
        }
        let roles: Vec<&Value> = hosts
            .iter()
            .map(|h| h.get("two_node_role").unwrap_or(&Value::Null))
            .collect();
        if roles.iter().any(|r| r.is_unknown()) {
            continue;
        }
        let mut got: Vec<&str> = roles.iter().filter_map(|r| r.as_str()).collect();
        got.sort_unstable();
        if got != ["primary", "secondary"] {
            let j = roles.iter().position(|r| r.is_null()).unwrap_or(1);
            diags.attribute_error(
                path.attr("edge_host").index(j as i64).attr("two_node_role"),
                "Two-Node Roles Missing",
                "A two-node cluster's control-plane hosts are one `primary` and one \
                 `secondary`: set `two_node_role` on both, one of each.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn object(fields: &[(&str, Value)]) -> Value {
        Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    fn host(fields: &[(&str, Value)]) -> Value {
        let mut all = vec![
            ("host", Value::from("edge-host-1")),
            ("static_ip", Value::Null),
            ("subnet_mask", Value::Null),
            ("default_gateway", Value::Null),
            ("dns_servers", Value::Null),
            ("nic_name", Value::Null),
            ("two_node_role", Value::Null),
        ];
        for (k, v) in fields {
            all.retain(|(name, _)| name != k);
            all.push((k, v.clone()));
        }
        object(&all)
    }

    fn addressed(ip: &str, mask: &str, gateway: &str) -> Value {
        host(&[
            ("static_ip", ip.into()),
            ("subnet_mask", mask.into()),
            ("default_gateway", gateway.into()),
        ])
    }

    fn pool(control_plane: bool, hosts: Value, list: Value) -> Value {
        object(&[
            ("name", "p".into()),
            ("control_plane", control_plane.into()),
            ("edge_hosts", list),
            ("edge_host", hosts),
        ])
    }

    fn paths(diags: &Diagnostics) -> Vec<String> {
        diags
            .iter()
            .map(|d| d.attribute.as_ref().unwrap().to_string())
            .collect()
    }

    #[test]
    fn host_checks_tell_null_unknown_and_known_apart() {
        let list = || Value::List(vec!["edge-host-1".into()]);
        let cases: Vec<(&str, Vec<Value>, Vec<&str>)> = vec![
            (
                "a list",
                vec![pool(true, Value::List(vec![]), list())],
                vec![],
            ),
            (
                "blocks",
                vec![pool(
                    true,
                    Value::List(vec![addressed("10.0.0.5", "255.255.255.0", "10.0.0.1")]),
                    Value::Null,
                )],
                vec![],
            ),
            (
                "both",
                vec![pool(true, Value::List(vec![host(&[])]), list())],
                vec!["machine_pool[0].edge_hosts"],
            ),
            (
                "neither",
                vec![pool(true, Value::List(vec![]), Value::Null)],
                vec!["machine_pool[0].edge_hosts"],
            ),
            (
                "an unknown list may be null",
                vec![pool(true, Value::List(vec![host(&[])]), Value::unknown())],
                vec![],
            ),
            (
                "unknown blocks may be some",
                vec![pool(true, Value::unknown(), Value::Null)],
                vec![],
            ),
            (
                "a bad address",
                vec![pool(
                    true,
                    Value::List(vec![addressed("10.0.0.300", "255.255.255.0", "10.0.0.1")]),
                    Value::Null,
                )],
                vec!["machine_pool[0].edge_host[0].static_ip"],
            ),
            (
                "a bad mask",
                vec![pool(
                    true,
                    Value::List(vec![addressed("10.0.0.5", "255.0.255.0", "10.0.0.1")]),
                    Value::Null,
                )],
                vec!["machine_pool[0].edge_host[0].subnet_mask"],
            ),
            (
                "a gateway elsewhere",
                vec![pool(
                    true,
                    Value::List(vec![addressed("10.0.0.5", "255.255.255.0", "10.0.1.1")]),
                    Value::Null,
                )],
                vec!["machine_pool[0].edge_host[0].default_gateway"],
            ),
            (
                "the gateway is the host",
                vec![pool(
                    true,
                    Value::List(vec![addressed("10.0.0.5", "255.255.255.0", "10.0.0.5")]),
                    Value::Null,
                )],
                vec!["machine_pool[0].edge_host[0].default_gateway"],
            ),
            (
                "an address without its gateway",
                vec![pool(
                    true,
                    Value::List(vec![host(&[
                        ("static_ip", "10.0.0.5".into()),
                        ("subnet_mask", "255.255.255.0".into()),
                    ])]),
                    Value::Null,
                )],
                vec!["machine_pool[0].edge_host[0].default_gateway"],
            ),
            (
                "an unknown gateway waits",
                vec![pool(
                    true,
                    Value::List(vec![host(&[
                        ("static_ip", "10.0.0.5".into()),
                        ("subnet_mask", "255.255.255.0".into()),
                        ("default_gateway", Value::unknown()),
                    ])]),
                    Value::Null,
                )],
                vec![],
            ),
            (
                "a bad DNS server",
                vec![pool(
                    true,
                    Value::List(vec![host(&[(
                        "dns_servers",
                        Value::List(vec!["dns.example".into(), Value::unknown()]),
                    )])]),
                    Value::Null,
                )],
                vec!["machine_pool[0].edge_host[0].dns_servers"],
            ),
            (
                "one address twice",
                vec![
                    pool(
                        true,
                        Value::List(vec![addressed("10.0.0.5", "255.255.255.0", "10.0.0.1")]),
                        Value::Null,
                    ),
                    pool(
                        false,
                        Value::List(vec![addressed("10.0.0.5", "255.255.0.0", "10.0.0.1")]),
                        Value::Null,
                    ),
                ],
                vec!["machine_pool[1].edge_host[0].static_ip"],
            ),
        ];
        for (name, pools, want) in cases {
            let mut diags = Diagnostics::new();
            EdgeNative.check_pool_list(&pools, &mut diags);
            assert_eq!(paths(&diags), want, "{name}: {diags:?}");
        }
    }

    #[test]
    fn two_node_checks_tell_null_unknown_and_known_apart() {
        let role =
            |name: &str, role: Value| host(&[("host", name.into()), ("two_node_role", role)]);
        let cp = |hosts: Vec<Value>| pool(true, Value::List(hosts), Value::Null);
        let block = |two: Value| object(&[("is_two_node_cluster", two)]);
        let pair = || {
            cp(vec![
                role("a", "primary".into()),
                role("b", "secondary".into()),
            ])
        };
        let cases: Vec<(&str, Value, Vec<Value>, Vec<&str>)> = vec![
            ("a pair", block(true.into()), vec![pair()], vec![]),
            (
                "roles without two-node",
                block(Value::Null),
                vec![pair()],
                vec![
                    "machine_pool[0].edge_host[0].two_node_role",
                    "machine_pool[0].edge_host[1].two_node_role",
                ],
            ),
            (
                "an unknown mode waits",
                block(Value::unknown()),
                vec![pair()],
                vec![],
            ),
            (
                "one host",
                block(true.into()),
                vec![cp(vec![role("a", "primary".into())])],
                vec!["machine_pool[0].edge_host[0].host"],
            ),
            (
                "two primaries",
                block(true.into()),
                vec![cp(vec![
                    role("a", "primary".into()),
                    role("b", "primary".into()),
                ])],
                vec!["machine_pool[0].edge_host[1].two_node_role"],
            ),
            (
                "a missing role",
                block(true.into()),
                vec![cp(vec![
                    role("a", "primary".into()),
                    role("b", Value::Null),
                ])],
                vec!["machine_pool[0].edge_host[1].two_node_role"],
            ),
            (
                "an unknown role waits",
                block(true.into()),
                vec![cp(vec![
                    role("a", "primary".into()),
                    role("b", Value::unknown()),
                ])],
                vec![],
            ),
            (
                "the list form",
                block(true.into()),
                vec![pool(
                    true,
                    Value::List(vec![]),
                    Value::List(vec!["a".into(), "b".into()]),
                )],
                vec!["machine_pool[0].edge_hosts"],
            ),
            (
                "a role on a worker",
                block(true.into()),
                vec![
                    pair(),
                    pool(
                        false,
                        Value::List(vec![role("c", "primary".into())]),
                        Value::Null,
                    ),
                ],
                vec!["machine_pool[1].edge_host[0].two_node_role"],
            ),
        ];
        for (name, block, pools, want) in cases {
            let mut diags = Diagnostics::new();
            EdgeNative.check_with_pools(&block, &pools, &mut diags);
            assert_eq!(paths(&diags), want, "{name}: {diags:?}");
        }
    }

    /// A refresh keeps hosts as written (by name or uid) in the configuration's order, shows a
    /// changed setting, leaves a setting the configuration leaves out alone, keeps an empty DNS
    /// list, drops a host gone from the pool and adds one added outside Terraform, by name.
    #[test]
    fn host_blocks_refresh_from_the_pool_read_back() {
        let mut pool = object(&[(
            "edge_host",
            Value::List(vec![
                host(&[
                    ("host", "edge-host-2".into()),
                    ("static_ip", "10.0.0.2".into()),
                ]),
                host(&[
                    ("host", "uid-1".into()),
                    ("dns_servers", Value::List(vec![])),
                ]),
                host(&[("host", "edge-host-9".into())]),
            ]),
        )]);
        let reported = |uid: &str, ip: Option<&str>| EdgeHost {
            host: uid.into(),
            static_ip: ip.map(Into::into),
            nic_name: Some("eth0".into()),
            ..Default::default()
        };
        let api = Pool {
            edge_host: Some(vec![
                reported("uid-1", None),
                reported("uid-2", Some("10.0.0.22")),
                reported("uid-3", None),
            ]),
            ..Default::default()
        };
        let names = BTreeMap::from([
            ("uid-1".to_string(), "edge-host-1".to_string()),
            ("uid-2".to_string(), "edge-host-2".to_string()),
            ("uid-3".to_string(), "edge-host-3".to_string()),
        ]);
        refresh_edge_host_blocks(&mut pool, &api, &names);
        let blocks = pool.get_elements("edge_host");
        // Every setting is read back, one the configuration leaves out too (an interface set
        // outside Terraform is drift); an empty DNS list written stays.
        let want = [
            host(&[
                ("host", "edge-host-2".into()),
                ("static_ip", "10.0.0.22".into()),
                ("nic_name", "eth0".into()),
            ]),
            host(&[
                ("host", "uid-1".into()),
                ("dns_servers", Value::List(vec![])),
                ("nic_name", "eth0".into()),
            ]),
            host(&[("host", "edge-host-3".into()), ("nic_name", "eth0".into())]),
        ];
        assert_eq!(blocks, want);
    }

    /// What a pool's `edge_host` blocks send comes back the same, host by host.
    #[test]
    fn host_settings_round_trip_through_the_cloud_config() {
        let value = pool(
            true,
            Value::List(vec![
                host(&[
                    ("host", "uid-1".into()),
                    ("static_ip", "10.0.0.5".into()),
                    ("subnet_mask", "255.255.255.0".into()),
                    ("default_gateway", "10.0.0.1".into()),
                    ("dns_servers", Value::List(vec!["10.0.0.2".into()])),
                    ("nic_name", "eth0".into()),
                    ("two_node_role", "primary".into()),
                ]),
                host(&[("host", "uid-2".into())]),
            ]),
            Value::Null,
        );
        let mut sent = Pool::from_value(&value);
        sent.arch_type = Some("arm64".into());
        let body = EdgeNative.pool_body(&Value::Null, &sent).unwrap();
        let hosts = &body["cloudConfig"]["edgeHosts"];
        assert_eq!(hosts[0]["nic"]["ip"], "10.0.0.5");
        assert_eq!(hosts[0]["twoNodeCandidatePriority"], "primary");
        assert!(hosts[1].get("nic").is_none(), "{body}");
        assert_eq!(
            body["poolConfig"]["machinePoolProperties"]["archType"],
            "arm64"
        );
        let mut stored = body["poolConfig"].clone();
        stored["hosts"] = hosts
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                let mut h = h.clone();
                h["hostAddress"] = "".into();
                h
            })
            .collect();
        let read = EdgeNative
            .read_cloud_config(serde_json::json!({"spec": {"machinePoolConfig": [stored]}}))
            .unwrap();
        let back = &read.pools[0];
        assert_eq!(back.edge_host, sent.edge_host);
        assert_eq!(back.edge_hosts, sent.edge_hosts);
        assert_eq!(back.arch_type.as_deref(), Some("arm64"));
    }
}

//! What Palette checks of a cluster's pools against each other and against the cluster config,
//! beyond the spec: where pools are placed (Azure subnets and disks, AKS Windows pools, GCP
//! subnetworks) and how Edge hosts are networked (static addresses, two-node roles). Called
//! with the flat pools a cloud config stores, at create and at every pool change; each refusal
//! is a 400 naming the field.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};

use serde_json::{Value, json};

use crate::environments::Environment;
use crate::error::{ApiError, ApiResult};
use crate::wire;

/// The storage account types Azure takes for a VM's OS disk (`osDisk.managedDisk`): Ultra and
/// Premium v2 disks cannot be OS disks.
const OS_DISK_TYPES: [&str; 5] = [
    "Standard_LRS",
    "StandardSSD_LRS",
    "Premium_LRS",
    "StandardSSD_ZRS",
    "Premium_ZRS",
];

fn refuse(field: &str, message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", message).with_details(json!({"field": field}))
}

/// Checks `pools` (as stored) against `cluster_config` (`spec.clusterConfig`) for the
/// environment.
pub fn check_placement(
    env: &Environment,
    cluster_config: &Value,
    pools: &[Value],
) -> ApiResult<()> {
    match env.key {
        "azure" | "aks" => check_azure(env, cluster_config, pools),
        "gcp" => check_gcp(cluster_config, pools),
        "aws" => check_host_resource_groups(cluster_config, pools),
        "eks" => check_eks_capacity(pools),
        "edge-native" => check_edge(cluster_config, pools),
        "openstack" => check_openstack(cluster_config, pools),
        _ => Ok(()),
    }
}

/// OpenStack nodes go in an existing network's subnet (both named) or in a network Palette
/// makes from `nodeCidr` (an IPv4 network CIDR), not both.
///
/// A pool's own subnet (`cloudConfig.subnet`) is a subnet of that existing network.
fn check_openstack(config: &Value, pools: &[Value]) -> ApiResult<()> {
    let network = text(config, "/network/id").or(text(config, "/network/name"));
    if network.is_none()
        && let Some(pool) = pools
            .iter()
            .find(|p| text(p, "/subnet/id").or(text(p, "/subnet/name")).is_some())
    {
        return Err(refuse(
            "cloudConfig.subnet",
            format!(
                "machine pool '{}': a subnet needs the cluster's existing network \
                 (clusterConfig.network)",
                name_of(pool)
            ),
        ));
    }
    let subnet = text(config, "/subnet/id").or(text(config, "/subnet/name"));
    match (network, subnet) {
        (None, Some(_)) => {
            return Err(refuse(
                "clusterConfig.network",
                "a subnet of an existing network needs that network".into(),
            ));
        }
        (Some(_), None) => {
            return Err(refuse(
                "clusterConfig.subnet",
                "an existing network needs the subnet the nodes go in".into(),
            ));
        }
        _ => {}
    }
    if network.is_some() && text(config, "/nodeCidr").is_some() {
        return Err(refuse(
            "clusterConfig.nodeCidr",
            "nodeCidr is for a network Palette makes, not an existing one".into(),
        ));
    }
    if let Some(range) = text(config, "/nodeCidr")
        && cidr(range).is_none()
    {
        return Err(refuse(
            "clusterConfig.nodeCidr",
            format!("nodeCidr '{range}' is not an IPv4 network CIDR such as 10.0.0.0/16"),
        ));
    }
    Ok(())
}

fn name_of(pool: &Value) -> &str {
    pool["name"].as_str().unwrap_or("")
}

fn text<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// An IPv4 CIDR as (network, prefix); `None` unless the address is the network's.
fn cidr(text: &str) -> Option<(u32, u32)> {
    let (addr, prefix) = text.split_once('/')?;
    let addr = u32::from(addr.parse::<Ipv4Addr>().ok()?);
    let prefix: u32 = prefix.parse().ok().filter(|p| *p <= 32)?;
    let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
    (addr & mask == addr).then_some((addr, prefix))
}

fn inside(outer: (u32, u32), inner: (u32, u32)) -> bool {
    let mask = u32::MAX.checked_shl(32 - outer.1).unwrap_or(0);
    inner.1 >= outer.1 && inner.0 & mask == outer.0
}

/// Azure and AKS: subnets are CIDRs inside the virtual network's; an OS disk's storage type is
/// one an OS disk can have; on AKS, a Windows pool is a user pool with a name of 1 to 6 lowercase
/// letters and digits.
fn check_azure(env: &Environment, config: &Value, pools: &[Value]) -> ApiResult<()> {
    check_api_server_lb(config)?;
    let vnet = text(config, "/vnetCidrBlock");
    let vnet_cidr = match vnet {
        Some(v) => Some(cidr(v).ok_or_else(|| {
            refuse(
                "clusterConfig.vnetCidrBlock",
                format!("vnetCidrBlock '{v}' is not an IPv4 CIDR"),
            )
        })?),
        None => None,
    };
    for key in ["controlPlaneSubnet", "workerSubnet"] {
        let Some(block) = text(config, &format!("/{key}/cidrBlock")) else {
            continue;
        };
        let field = format!("clusterConfig.{key}.cidrBlock");
        let parsed = cidr(block).ok_or_else(|| {
            refuse(
                &field,
                format!("{key}.cidrBlock '{block}' is not an IPv4 CIDR"),
            )
        })?;
        if let Some(outer) = vnet_cidr
            && !inside(outer, parsed)
        {
            return Err(refuse(
                &field,
                format!(
                    "{key}.cidrBlock '{block}' is not inside vnetCidrBlock '{}'",
                    vnet.unwrap_or("")
                ),
            ));
        }
    }
    for pool in pools {
        let name = name_of(pool);
        if let Some(disk) = text(pool, "/osDisk/managedDisk/storageAccountType")
            && !OS_DISK_TYPES.contains(&disk)
        {
            return Err(refuse(
                "cloudConfig.osDisk.managedDisk.storageAccountType",
                format!(
                    "machine pool '{name}': '{disk}' is not a storage account type for an OS disk \
                     (one of {})",
                    OS_DISK_TYPES.join(", ")
                ),
            ));
        }
        if pool["osType"] != "Windows" {
            continue;
        }
        if env.key != "aks" {
            return Err(refuse(
                "managedPoolConfig.osType",
                format!("machine pool '{name}': Windows node pools are taken on AKS only"),
            ));
        }
        if pool["isSystemNodePool"] == true {
            return Err(refuse(
                "cloudConfig.isSystemNodePool",
                format!("machine pool '{name}': a system node pool must run Linux, not Windows"),
            ));
        }
        let mut chars = name.chars();
        let valid = (1..=6).contains(&name.len())
            && chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !valid {
            return Err(refuse(
                "poolConfig.name",
                format!(
                    "machine pool '{name}': a Windows node pool's name is 1 to 6 lowercase letters \
                     and digits, starting with a letter"
                ),
            ));
        }
    }
    Ok(())
}

/// GCP: a pool's subnetwork belongs to the cluster's named network.
/// An internal API-server load balancer with a static address takes it from the control
/// plane's subnet, and a static allocation needs the address.
fn check_api_server_lb(config: &Value) -> ApiResult<()> {
    let lb = &config["infraLBConfig"]["apiServerLB"];
    let field = "clusterConfig.infraLBConfig.apiServerLB.apiServerLBStaticIP";
    let ip = text(lb, "/apiServerLBStaticIP");
    if text(lb, "/ipAllocationMethod") == Some("Static") && ip.is_none() {
        return Err(refuse(
            field,
            "a static API server load balancer address needs apiServerLBStaticIP".into(),
        ));
    }
    let Some(ip) = ip else { return Ok(()) };
    let Ok(address) = ip.parse::<std::net::Ipv4Addr>() else {
        return Err(refuse(field, format!("'{ip}' is not an IPv4 address")));
    };
    if let Some(subnet) = text(config, "/controlPlaneSubnet/cidrBlock").and_then(cidr)
        && !inside(subnet, (u32::from(address), 32))
    {
        return Err(refuse(
            field,
            format!(
                "the API server load balancer address {ip} is not in the control plane's subnet"
            ),
        ));
    }
    Ok(())
}

/// AWS dedicated hosts (`v1AwsMachinePoolCloudConfigEntity`): a pool of capacity type
/// `host-resource-group` names its host resource group, with the license configurations its
/// instances count against (required with the group, at most 10), and no spot options; the
/// group and license configurations are ARNs of their kind in the cluster's region. A pool of
/// another capacity type names neither.
fn check_host_resource_groups(config: &Value, pools: &[Value]) -> ApiResult<()> {
    let region = text(config, "/region");
    for pool in pools {
        let name = name_of(pool);
        let hosts = text(pool, "/capacityType") == Some("host-resource-group");
        let group = text(pool, "/hostResourceGroupArn");
        let licenses: Vec<&str> = pool["licenseConfigurationArns"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if !hosts {
            if group.is_some() || !licenses.is_empty() {
                return Err(refuse(
                    "cloudConfig.hostResourceGroupArn",
                    format!(
                        "machine pool '{name}': hostResourceGroupArn and licenseConfigurationArns \
                         need capacityType host-resource-group"
                    ),
                ));
            }
            continue;
        }
        let Some(group) = group else {
            return Err(refuse(
                "cloudConfig.hostResourceGroupArn",
                format!(
                    "machine pool '{name}': capacityType host-resource-group needs hostResourceGroupArn"
                ),
            ));
        };
        if licenses.is_empty() {
            return Err(refuse(
                "cloudConfig.licenseConfigurationArns",
                format!(
                    "machine pool '{name}': licenseConfigurationArns is required with hostResourceGroupArn"
                ),
            ));
        }
        if licenses.len() > 10 {
            return Err(refuse(
                "cloudConfig.licenseConfigurationArns",
                format!("machine pool '{name}': at most 10 licenseConfigurationArns"),
            ));
        }
        if pool.get("spotMarketOptions").is_some_and(|o| !o.is_null()) {
            return Err(refuse(
                "cloudConfig.spotMarketOptions",
                format!(
                    "machine pool '{name}': spotMarketOptions is for spot capacity, not host-resource-group"
                ),
            ));
        }
        let arns = std::iter::once(("cloudConfig.hostResourceGroupArn", "resource-groups", group))
            .chain(licenses.iter().map(|l| {
                (
                    "cloudConfig.licenseConfigurationArns",
                    "license-manager",
                    *l,
                )
            }));
        for (field, service, arn) in arns {
            if !aws_arn_fits(arn, service, region) {
                return Err(refuse(
                    field,
                    format!(
                        "machine pool '{name}': {arn:?} is not a {service} ARN in region {}",
                        region.unwrap_or("?")
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Whether `arn` is `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` of `service` in `region`,
/// with a 12-digit account and the resource form of the service (`group/NAME`,
/// `license-configuration:lic-HEX`).
fn aws_arn_fits(arn: &str, service: &str, region: Option<&str>) -> bool {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [prefix, partition, svc, arn_region, account, resource] = parts[..] else {
        return false;
    };
    let resource_ok = match service {
        "resource-groups" => resource.strip_prefix("group/").is_some_and(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        }),
        _ => resource
            .strip_prefix("license-configuration:lic-")
            .is_some_and(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_hexdigit())),
    };
    prefix == "arn"
        && ["aws", "aws-us-gov", "aws-cn"].contains(&partition)
        && svc == service
        && region.is_none_or(|r| r == arn_region)
        && account.len() == 12
        && account.chars().all(|c| c.is_ascii_digit())
        && resource_ok
}

/// EKS node groups have no host resource group (`v1EksMachineCloudConfigEntity` names none),
/// so the capacity type its enum lists cannot be served.
fn check_eks_capacity(pools: &[Value]) -> ApiResult<()> {
    match pools
        .iter()
        .find(|p| text(p, "/capacityType") == Some("host-resource-group"))
    {
        Some(pool) => Err(refuse(
            "cloudConfig.capacityType",
            format!(
                "machine pool '{}': EKS node groups are on-demand or spot; host-resource-group \
                 needs a host resource group, which an EKS pool cannot name",
                name_of(pool)
            ),
        )),
        None => Ok(()),
    }
}

fn check_gcp(config: &Value, pools: &[Value]) -> ApiResult<()> {
    if text(config, "/network").is_some() {
        return Ok(());
    }
    match pools.iter().find(|p| text(p, "/subnet").is_some()) {
        Some(pool) => Err(refuse(
            "cloudConfig.subnet",
            format!(
                "machine pool '{}': a subnet needs the cluster's network (clusterConfig.network)",
                name_of(pool)
            ),
        )),
        None => Ok(()),
    }
}

/// Edge: each host in one pool; static addresses valid, apart, with the gateway in their subnet;
/// two-node roles only in a two-node cluster, whose control-plane pool is one primary and one
/// secondary host.
fn check_edge(config: &Value, pools: &[Value]) -> ApiResult<()> {
    let two_node = config["isTwoNodeCluster"] == true;
    let mut hosts: HashMap<&str, &str> = HashMap::new();
    let mut addresses: HashMap<Ipv4Addr, &str> = HashMap::new();
    for pool in pools {
        let name = name_of(pool);
        let pool_hosts = wire::array_at(pool, "/hosts");
        for host in pool_hosts {
            let uid = host["hostUid"].as_str().unwrap_or("");
            let label = host["hostName"].as_str().unwrap_or(uid);
            if let Some(first) = hosts.insert(uid, name) {
                return Err(refuse(
                    "cloudConfig.edgeHosts.hostUid",
                    format!("edge host '{label}' is in machine pools '{first}' and '{name}'"),
                ));
            }
            let address = |key: &str| -> ApiResult<Option<Ipv4Addr>> {
                let Some(value) = text(host, &format!("/nic/{key}")) else {
                    return Ok(None);
                };
                value.parse().map(Some).map_err(|_| {
                    refuse(
                        &format!("cloudConfig.edgeHosts.nic.{key}"),
                        format!("edge host '{label}': nic.{key} '{value}' is not an IPv4 address"),
                    )
                })
            };
            let (ip, mask, gateway) = (address("ip")?, address("subnet")?, address("gateway")?);
            if let Some(mask) = mask {
                let bits = u32::from(mask);
                if bits == 0 || bits.leading_ones() + bits.trailing_zeros() != 32 {
                    return Err(refuse(
                        "cloudConfig.edgeHosts.nic.subnet",
                        format!("edge host '{label}': nic.subnet '{mask}' is not a subnet mask"),
                    ));
                }
            }
            for dns in wire::array_at(host, "/nic/dns") {
                if dns.as_str().is_none_or(|d| d.parse::<IpAddr>().is_err()) {
                    return Err(refuse(
                        "cloudConfig.edgeHosts.nic.dns",
                        format!("edge host '{label}': DNS server {dns} is not an IP address"),
                    ));
                }
            }
            if let Some(ip) = ip {
                let (Some(mask), Some(gateway)) = (mask, gateway) else {
                    return Err(refuse(
                        "cloudConfig.edgeHosts.nic",
                        format!(
                            "edge host '{label}': a static nic.ip needs nic.subnet and nic.gateway"
                        ),
                    ));
                };
                let net = |a: Ipv4Addr| u32::from(a) & u32::from(mask);
                if gateway == ip || net(gateway) != net(ip) {
                    return Err(refuse(
                        "cloudConfig.edgeHosts.nic.gateway",
                        format!("edge host '{label}': gateway {gateway} is not in {ip}'s subnet"),
                    ));
                }
                if let Some(other) = addresses.insert(ip, label) {
                    return Err(refuse(
                        "cloudConfig.edgeHosts.nic.ip",
                        format!("edge hosts '{other}' and '{label}' have the same static IP {ip}"),
                    ));
                }
            }
            if host
                .get("twoNodeCandidatePriority")
                .is_some_and(|p| !p.is_null())
            {
                if !two_node {
                    return Err(refuse(
                        "cloudConfig.edgeHosts.twoNodeCandidatePriority",
                        format!(
                            "edge host '{label}': twoNodeCandidatePriority needs a two-node cluster \
                             (clusterConfig.isTwoNodeCluster)"
                        ),
                    ));
                }
                if pool["isControlPlane"] != true {
                    return Err(refuse(
                        "cloudConfig.edgeHosts.twoNodeCandidatePriority",
                        format!(
                            "edge host '{label}': twoNodeCandidatePriority applies to control-plane \
                             hosts only"
                        ),
                    ));
                }
            }
        }
        if two_node && pool["isControlPlane"] == true {
            let mut roles: Vec<&str> = pool_hosts
                .iter()
                .map(|h| h["twoNodeCandidatePriority"].as_str().unwrap_or(""))
                .collect();
            roles.sort_unstable();
            if roles != ["primary", "secondary"] {
                return Err(refuse(
                    "cloudConfig.edgeHosts.twoNodeCandidatePriority",
                    format!(
                        "machine pool '{name}': a two-node cluster's control plane is two hosts, \
                         one primary and one secondary (twoNodeCandidatePriority)"
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::environments::by_key;

    /// The field a refusal names, or `None` when the pools pass.
    fn refused(env: &str, config: Value, pools: Value) -> Option<String> {
        let pools = pools.as_array().cloned().unwrap_or_default();
        check_placement(by_key(env).unwrap(), &config, &pools)
            .err()
            .map(|e| e.details["field"].as_str().unwrap_or("").to_owned())
    }

    fn nic(ip: &str, subnet: &str, gateway: &str) -> Value {
        json!({"ip": ip, "subnet": subnet, "gateway": gateway})
    }

    #[test]
    fn host_resource_groups_go_with_their_capacity_type_and_licenses() {
        const GROUP: &str = "arn:aws:resource-groups:us-east-1:123456789012:group/hosts";
        const LICENSE: &str =
            "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0abc";
        let config = json!({"region": "us-east-1"});
        let pool = |fields: Value| {
            let mut p = json!({"name": "w", "instanceType": "m5.large"});
            p.as_object_mut()
                .unwrap()
                .extend(fields.as_object().unwrap().clone());
            json!([p])
        };
        let hosts = |group: &str, licenses: Value| json!({"capacityType": "host-resource-group", "hostResourceGroupArn": group, "licenseConfigurationArns": licenses});
        let cases = [
            (
                "on dedicated hosts",
                pool(hosts(GROUP, json!([LICENSE]))),
                None,
            ),
            ("spot, plain", pool(json!({"capacityType": "spot"})), None),
            (
                "no group",
                pool(
                    json!({"capacityType": "host-resource-group", "licenseConfigurationArns": [LICENSE]}),
                ),
                Some("cloudConfig.hostResourceGroupArn"),
            ),
            (
                "no licenses",
                pool(hosts(GROUP, json!([]))),
                Some("cloudConfig.licenseConfigurationArns"),
            ),
            (
                "eleven licenses",
                pool(hosts(GROUP, json!(vec![LICENSE; 11]))),
                Some("cloudConfig.licenseConfigurationArns"),
            ),
            (
                "a group of another region",
                pool(hosts(
                    &GROUP.replace("us-east-1", "us-west-2"),
                    json!([LICENSE]),
                )),
                Some("cloudConfig.hostResourceGroupArn"),
            ),
            (
                "a license that is not one",
                pool(hosts(GROUP, json!([GROUP]))),
                Some("cloudConfig.licenseConfigurationArns"),
            ),
            (
                "a group on an on-demand pool",
                pool(json!({"hostResourceGroupArn": GROUP})),
                Some("cloudConfig.hostResourceGroupArn"),
            ),
            (
                "spot options on dedicated hosts",
                pool({
                    let mut h = hosts(GROUP, json!([LICENSE]));
                    h["spotMarketOptions"] = json!({"maxPrice": "0.1"});
                    h
                }),
                Some("cloudConfig.spotMarketOptions"),
            ),
        ];
        for (name, pools, want) in cases {
            assert_eq!(
                refused("aws", config.clone(), pools).as_deref(),
                want,
                "{name}"
            );
        }
        assert_eq!(
            refused(
                "eks",
                config,
                pool(json!({"capacityType": "host-resource-group"}))
            )
            .as_deref(),
            Some("cloudConfig.capacityType")
        );
    }

    #[test]
    fn edge_hosts_are_addressed_apart_with_their_gateway_near() {
        let pool =
            |hosts: Value, cp: bool| json!({"name": "p", "isControlPlane": cp, "hosts": hosts});
        let ok = nic("10.0.0.5", "255.255.255.0", "10.0.0.1");
        let cases = [
            (
                "plain hosts",
                json!({}),
                json!([pool(json!([{"hostUid": "a"}, {"hostUid": "b"}]), true)]),
                None,
            ),
            (
                "an address",
                json!({}),
                json!([pool(json!([{"hostUid": "a", "nic": ok}]), true)]),
                None,
            ),
            (
                "a host in two pools",
                json!({}),
                json!([
                    pool(json!([{"hostUid": "a"}]), true),
                    pool(json!([{"hostUid": "a"}]), false)
                ]),
                Some("cloudConfig.edgeHosts.hostUid"),
            ),
            (
                "one address twice",
                json!({}),
                json!([pool(
                    json!([{"hostUid": "a", "nic": ok}, {"hostUid": "b", "nic": ok}]),
                    true
                )]),
                Some("cloudConfig.edgeHosts.nic.ip"),
            ),
            (
                "a gateway elsewhere",
                json!({}),
                json!([pool(
                    json!([{"hostUid": "a", "nic": nic("10.0.0.5", "255.255.255.0", "10.0.1.1")}]),
                    true
                )]),
                Some("cloudConfig.edgeHosts.nic.gateway"),
            ),
            (
                "not a mask",
                json!({}),
                json!([pool(
                    json!([{"hostUid": "a", "nic": nic("10.0.0.5", "255.0.255.0", "10.0.0.1")}]),
                    true
                )]),
                Some("cloudConfig.edgeHosts.nic.subnet"),
            ),
            (
                "an address alone",
                json!({}),
                json!([pool(
                    json!([{"hostUid": "a", "nic": {"ip": "10.0.0.5"}}]),
                    true
                )]),
                Some("cloudConfig.edgeHosts.nic"),
            ),
            (
                "a role without two-node",
                json!({}),
                json!([pool(
                    json!([{"hostUid": "a", "twoNodeCandidatePriority": "primary"}]),
                    true
                )]),
                Some("cloudConfig.edgeHosts.twoNodeCandidatePriority"),
            ),
            (
                "a two-node pair",
                json!({"isTwoNodeCluster": true}),
                json!([pool(
                    json!([{"hostUid": "a", "twoNodeCandidatePriority": "primary"}, {"hostUid": "b", "twoNodeCandidatePriority": "secondary"}]),
                    true
                )]),
                None,
            ),
            (
                "a two-node cluster without roles",
                json!({"isTwoNodeCluster": true}),
                json!([pool(json!([{"hostUid": "a"}, {"hostUid": "b"}]), true)]),
                Some("cloudConfig.edgeHosts.twoNodeCandidatePriority"),
            ),
        ];
        for (name, config, pools, want) in cases {
            assert_eq!(
                refused("edge-native", config, pools).as_deref(),
                want,
                "{name}"
            );
        }
    }

    #[test]
    fn azure_disks_windows_pools_and_subnets() {
        let windows = |name: &str, system: bool| json!({"name": name, "osType": "Windows", "isSystemNodePool": system});
        let disk =
            |t: &str| json!({"name": "p", "osDisk": {"managedDisk": {"storageAccountType": t}}});
        let cases = [
            ("aks", json!({}), json!([windows("win", false)]), None),
            (
                "aks",
                json!({}),
                json!([windows("win", true)]),
                Some("cloudConfig.isSystemNodePool"),
            ),
            (
                "aks",
                json!({}),
                json!([windows("windows", false)]),
                Some("poolConfig.name"),
            ),
            (
                "azure",
                json!({}),
                json!([windows("win", false)]),
                Some("managedPoolConfig.osType"),
            ),
            ("azure", json!({}), json!([disk("Premium_LRS")]), None),
            (
                "azure",
                json!({}),
                json!([disk("UltraSSD_LRS")]),
                Some("cloudConfig.osDisk.managedDisk.storageAccountType"),
            ),
            (
                "azure",
                json!({"vnetCidrBlock": "10.0.0.0/16", "workerSubnet": {"cidrBlock": "10.0.4.0/22"}}),
                json!([]),
                None,
            ),
            (
                "azure",
                json!({"vnetCidrBlock": "10.0.0.0/16", "workerSubnet": {"cidrBlock": "10.1.0.0/24"}}),
                json!([]),
                Some("clusterConfig.workerSubnet.cidrBlock"),
            ),
        ];
        for (env, config, pools, want) in cases {
            assert_eq!(
                refused(env, config, pools.clone()).as_deref(),
                want,
                "{env} {pools}"
            );
        }
    }

    #[test]
    fn an_internal_api_server_address_is_in_the_control_plane_subnet() {
        let config = |ip: &str| {
            json!({
                "controlPlaneSubnet": {"cidrBlock": "10.0.1.0/24"},
                "infraLBConfig": {"apiServerLB": {"type": "Internal", "ipAllocationMethod": "Static", "apiServerLBStaticIP": ip}},
            })
        };
        assert_eq!(refused("azure", config("10.0.1.10"), json!([])), None);
        assert!(
            refused("azure", config("10.0.2.10"), json!([]))
                .is_some_and(|f| f.ends_with("apiServerLBStaticIP"))
        );
    }

    #[test]
    fn an_openstack_network_is_existing_or_made() {
        let existing = json!({"network": {"id": "n"}, "subnet": {"id": "s"}});
        assert_eq!(refused("openstack", existing, json!([])), None);
        assert_eq!(
            refused("openstack", json!({"subnet": {"id": "s"}}), json!([])).as_deref(),
            Some("clusterConfig.network")
        );
        let both =
            json!({"network": {"id": "n"}, "subnet": {"id": "s"}, "nodeCidr": "10.0.0.0/16"});
        assert_eq!(
            refused("openstack", both, json!([])).as_deref(),
            Some("clusterConfig.nodeCidr")
        );
        assert_eq!(
            refused("openstack", json!({"nodeCidr": "10.0.0.0/16"}), json!([])),
            None
        );
        for range in ["10.0.3.7/16", "fd00::/64", "10.0.0.0/40"] {
            assert_eq!(
                refused("openstack", json!({ "nodeCidr": range }), json!([])).as_deref(),
                Some("clusterConfig.nodeCidr"),
                "{range}"
            );
        }
        // A pool's own subnet is one of the existing network's.
        let pools = json!([{"name": "storage", "subnet": {"id": "s2"}}]);
        let existing = json!({"network": {"id": "n"}, "subnet": {"id": "s"}});
        assert_eq!(refused("openstack", existing, pools.clone()), None);
        assert_eq!(
            refused("openstack", json!({"nodeCidr": "10.0.0.0/16"}), pools).as_deref(),
            Some("cloudConfig.subnet")
        );
    }

    #[test]
    fn a_gcp_subnet_needs_the_network() {
        let pools = json!([{"name": "p", "subnet": "nodes"}]);
        assert_eq!(
            refused("gcp", json!({}), pools.clone()).as_deref(),
            Some("cloudConfig.subnet")
        );
        assert_eq!(refused("gcp", json!({"network": "vpc"}), pools), None);
    }
}

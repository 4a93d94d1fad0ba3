//! Where a data-centre cluster's pools go, checked against what its cloud account's private
//! cloud gateway sees (the account's `overlordUid` annotation names the gateway).
//!
//! vSphere: the cluster's datacenter, and each pool placement's compute cluster, datastore,
//! network and resource pool, must be in the gateway's vCenter inventory; an IP pool a placement
//! takes static addresses from (`network.parentPoolUid`) must be one of the gateway's, and have
//! free addresses for the pool's nodes: its range less what the machines of other live
//! clusters hold (counted from their pools, so a deleted or scaled-down cluster releases them).
//! The IP pool is stored as the read model names it, `network.parentPoolRef`.
//!
//! MAAS: each pool's zones (`azs`) and machine tags (`tags`) must be ones the gateway's MAAS
//! has, where the gateway has an inventory to check against.
//!
//! Nutanix: Palette passes a pool's Prism Element cluster and subnet (in the pool's `values`) to
//! the cloud as written: nothing refuses them, but where the account's Prism Central (a seeded
//! `prism` inventory) has no such cluster or subnet, the pool's machines are never made, and the
//! cluster's node condition says why ([`nutanix_failure`]).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::records::{config_of, live_clusters};
use crate::content;
use crate::environments::Environment;
use crate::error::{ApiError, ApiResult};
use crate::routes::gateways;
use crate::state::AppState;
use crate::store::{Kind, Record};
use crate::wire;

/// A 400 naming `field`, in its message and its details.
fn refuse(field: String, message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", format!("{field}: {message}"))
        .with_details(json!({ "field": field }))
}

/// The gateway the cloud account reaches its cloud through, if it names one.
fn gateway_of(state: &AppState, account: &Record) -> ApiResult<Option<Record>> {
    let Some(uid) = account
        .doc
        .pointer("/metadata/annotations/overlordUid")
        .and_then(Value::as_str)
        .filter(|u| !u.is_empty())
    else {
        return Ok(None);
    };
    match state.store().get(Kind::Gateway, uid)? {
        Some(gateway) => Ok(Some(gateway)),
        None => Err(refuse(
            "spec.cloudAccountUid".into(),
            format!(
                "cloud account '{}' names private cloud gateway '{uid}', which does not exist",
                account.name
            ),
        )),
    }
}

/// Why the cloud cannot make the machines of a Nutanix `pool` of `cluster`: its Prism Element
/// cluster or subnet is not in the Prism Central inventory of the cluster's account. `None` when
/// it can, or when the account has no inventory to judge by.
pub fn nutanix_failure(
    state: &AppState,
    cluster: &Record,
    pool: &Value,
) -> ApiResult<Option<String>> {
    if super::env_of(cluster).key != "nutanix" {
        return Ok(None);
    }
    let Some(account) = cluster
        .doc
        .pointer("/_emu/accountUid")
        .and_then(Value::as_str)
        .map(|uid| state.store().get(Kind::CloudAccount, uid))
        .transpose()?
        .flatten()
    else {
        return Ok(None);
    };
    let Some(prism) = account
        .doc
        .pointer("/_emu/prism/clusters")
        .and_then(Value::as_array)
    else {
        return Ok(None);
    };
    let values = pool["values"].as_str().unwrap_or("");
    let at = |leaf: &str| content::scalars_at(values, &["spec", "template", "spec", leaf, "name"]);
    for name in at("cluster") {
        let Some(found) = prism.iter().find(|c| c["name"] == name.as_str()) else {
            return Ok(Some(format!(
                "Prism Central has no Prism Element cluster '{name}' \
                 (NutanixMachineTemplate spec.template.spec.cluster.name)"
            )));
        };
        for subnet in at("subnet") {
            if !wire::array_at(found, "/subnets")
                .iter()
                .any(|s| s == subnet.as_str())
            {
                return Ok(Some(format!(
                    "Prism Element cluster '{name}' has no subnet '{subnet}' \
                     (NutanixMachineTemplate spec.template.spec.subnet.name)"
                )));
            }
        }
    }
    Ok(None)
}

/// Stores `network`'s IP pool `uid` as the read model names it (`parentPoolRef`), refusing at
/// `field` an IP pool the gateway does not have (`ip_pools`) for machine pool `pool`.
fn name_ip_pool(
    ip_pools: &[Value],
    network: &mut Value,
    uid: &str,
    field: &str,
    pool: &str,
) -> ApiResult<()> {
    let found = ip_pools
        .iter()
        .find(|p| p["metadata"]["uid"] == uid)
        .ok_or_else(|| {
            refuse(
                field.to_owned(),
                format!(
                    "machine pool '{pool}': IP pool '{uid}' does not exist on the cloud \
                     account's private cloud gateway"
                ),
            )
        })?;
    if let Some(map) = network.as_object_mut() {
        map.remove("parentPoolUid");
        map.insert(
            "parentPoolRef".into(),
            json!({"kind": "IPPool", "name": found["metadata"]["name"], "uid": uid}),
        );
    }
    Ok(())
}

/// The IP pool uid a stored or sent vSphere network takes addresses from.
fn ip_pool_of(network: &Value) -> Option<&str> {
    network["parentPoolUid"]
        .as_str()
        .or(network
            .pointer("/parentPoolRef/uid")
            .and_then(Value::as_str))
        .filter(|u| !u.is_empty())
}

/// Addresses the machines of live clusters other than `except` hold, by IP pool uid.
pub fn addresses_in_use(
    state: &AppState,
    except: Option<&str>,
) -> ApiResult<BTreeMap<String, u128>> {
    let mut used = BTreeMap::new();
    for (record, _) in live_clusters(state)? {
        if Some(record.uid.as_str()) == except || super::env_of(&record).key != "vsphere" {
            continue;
        }
        if let Some(config) = config_of(state, &record)? {
            for pool in wire::array_at(&config.doc, "/spec/machinePoolConfig") {
                for (uid, nodes) in pool_demand(pool) {
                    *used.entry(uid).or_default() += nodes;
                }
            }
        }
    }
    Ok(used)
}

/// The addresses one pool takes from each IP pool its placements name: one per node (the
/// nodes of a pool placed in several places are counted against each IP pool it names).
fn pool_demand(pool: &Value) -> BTreeMap<String, u128> {
    let nodes = pool["size"].as_i64().unwrap_or(0).max(0) as u128;
    wire::array_at(pool, "/placements")
        .iter()
        .filter_map(|p| ip_pool_of(&p["network"]).map(str::to_owned))
        .map(|uid| (uid, nodes))
        .collect()
}

/// Checks the placements of `pools` (stored form) of a cluster on `env` with the cloud
/// `account`; `datacenter`-level settings come from `cluster_config` (the stored
/// `clusterConfig`). `field_of(i)` is the prefix of pool `i`'s fields in the request
/// (`spec.machinepoolconfig[0].`, or nothing for a pool's own body).
/// Rewrites each IP pool uid as the read model's `parentPoolRef`. `cluster` is the cluster's
/// own uid on a pool change, whose current addresses are its own to reuse.
pub fn check(
    state: &AppState,
    env: &Environment,
    account: Option<&Record>,
    cluster_config: &Value,
    pools: &mut [Value],
    field_of: &dyn Fn(usize) -> String,
    cluster: Option<&str>,
) -> ApiResult<()> {
    if env.key != "vsphere" && env.key != "maas" {
        return Ok(());
    }
    let gateway = match account {
        Some(account) => gateway_of(state, account)?,
        None => None,
    };
    let inventory = gateway
        .as_ref()
        .map(gateways::inventory)
        .unwrap_or_else(|| json!({}));
    if env.key == "maas" {
        let ip_pools: Vec<Value> = gateway
            .as_ref()
            .map(|g| wire::array_at(&g.doc, "/spec/ipPools").to_vec())
            .unwrap_or_default();
        return check_maas(&inventory, &ip_pools, cluster_config, pools, field_of);
    }
    let datacenter = check_datacenter(&inventory, cluster_config)?;
    if let (Some(dc), Some(folder)) = (
        datacenter,
        cluster_config
            .pointer("/placement/imageTemplateFolder")
            .and_then(Value::as_str)
            .filter(|f| !f.is_empty()),
    ) {
        let folders = gateways::names(dc, "/folders");
        if !folders.iter().any(|f| f == folder) {
            return Err(refuse(
                "spec.cloudConfig.placement.imageTemplateFolder".into(),
                format!(
                    "image template folder '{folder}' is not a folder of datacenter '{}' (it has: \
                     {})",
                    dc["name"].as_str().unwrap_or(""),
                    folders.join(", ")
                ),
            ));
        }
    }
    let ip_pools: Vec<Value> = gateway
        .as_ref()
        .map(|g| wire::array_at(&g.doc, "/spec/ipPools").to_vec())
        .unwrap_or_default();
    let static_ip = cluster_config["staticIp"] == true;
    let mut demand: BTreeMap<String, (u128, String)> = BTreeMap::new();
    for (i, pool) in pools.iter_mut().enumerate() {
        let mut fields: BTreeMap<String, String> = BTreeMap::new();
        let name = pool["name"].as_str().unwrap_or("").to_owned();
        let base = format!("{}cloudConfig.placements", field_of(i));
        let placements = pool
            .get_mut("placements")
            .and_then(Value::as_array_mut)
            .map(std::mem::take)
            .unwrap_or_default();
        let mut out = Vec::new();
        for (j, mut placement) in placements.into_iter().enumerate() {
            let at = |key: &str| format!("{base}[{j}].{key}");
            if let Some(dc) = datacenter {
                check_in_datacenter(dc, &placement, &name, &at)?;
            }
            let network = &mut placement["network"];
            match ip_pool_of(network).map(str::to_owned) {
                Some(uid) => {
                    let field = at("network.parentPoolUid");
                    if !static_ip {
                        return Err(refuse(
                            field,
                            format!(
                                "machine pool '{name}': an IP pool is for static IPs; the cluster \
                                 takes DHCP addresses (clusterConfig.staticIp is false)"
                            ),
                        ));
                    }
                    name_ip_pool(&ip_pools, network, &uid, &field, &name)?;
                    fields.entry(uid).or_insert(field);
                }
                None if static_ip && network.is_object() => {
                    return Err(refuse(
                        at("network.parentPoolUid"),
                        format!(
                            "machine pool '{name}': static IPs (clusterConfig.staticIp) need an IP \
                             pool to take the addresses from"
                        ),
                    ));
                }
                None => {}
            }
            out.push(placement);
        }
        pool["placements"] = Value::Array(out);
        for (uid, nodes) in pool_demand(pool) {
            let field = fields.get(&uid).cloned().unwrap_or_default();
            demand.entry(uid).or_insert((0, field)).0 += nodes;
        }
    }
    if demand.is_empty() {
        return Ok(());
    }
    let used = addresses_in_use(state, cluster)?;
    for (uid, (needed, field)) in demand {
        let pool = ip_pools
            .iter()
            .find(|p| p["metadata"]["uid"] == uid.as_str())
            .expect("checked above");
        let capacity = gateways::pool_capacity(pool);
        let taken = used.get(&uid).copied().unwrap_or(0);
        let free = capacity.saturating_sub(taken);
        if needed > free {
            return Err(refuse(
                field,
                format!(
                    "IP pool '{}' has {free} free addresses ({capacity} in all, {taken} held by \
                     other clusters' machines); this cluster's nodes need {needed}",
                    pool["metadata"]["name"].as_str().unwrap_or(&uid)
                ),
            ));
        }
    }
    Ok(())
}

/// The cluster's datacenter, where the gateway has an inventory to find it in.
fn check_datacenter<'a>(
    inventory: &'a Value,
    cluster_config: &Value,
) -> ApiResult<Option<&'a Value>> {
    if inventory.get("datacenters").is_none() {
        return Ok(None);
    }
    let name = cluster_config
        .pointer("/placement/datacenter")
        .and_then(Value::as_str)
        .unwrap_or("");
    gateways::datacenter(inventory, name)
        .map(Some)
        .ok_or_else(|| {
            refuse(
                "spec.cloudConfig.placement.datacenter".into(),
                format!(
                    "datacenter '{name}' is not one the cloud account's private cloud gateway sees \
                 (it sees: {})",
                    gateways::names(inventory, "/datacenters").join(", ")
                ),
            )
        })
}

/// A placement's image template folder, compute cluster, datastore, network and resource pool
/// are in `dc`.
fn check_in_datacenter(
    dc: &Value,
    placement: &Value,
    pool: &str,
    at: &dyn Fn(&str) -> String,
) -> ApiResult<()> {
    let given = |pointer: &str| {
        placement
            .pointer(pointer)
            .and_then(Value::as_str)
            .filter(|v| !v.is_empty())
    };
    let dc_name = dc["name"].as_str().unwrap_or("");
    if let Some(folder) = given("/imageTemplateFolder") {
        let folders = gateways::names(dc, "/folders");
        if !folders.iter().any(|f| f == folder) {
            return Err(refuse(
                at("imageTemplateFolder"),
                format!(
                    "machine pool '{pool}': image template folder '{folder}' is not a folder of \
                     datacenter '{dc_name}' (it has: {})",
                    folders.join(", ")
                ),
            ));
        }
    }
    let cluster_name = given("/cluster").unwrap_or("");
    let Some(cc) = gateways::compute_cluster(dc, cluster_name) else {
        return Err(refuse(
            at("cluster"),
            format!(
                "machine pool '{pool}': compute cluster '{cluster_name}' is not in datacenter \
                 '{dc_name}' as the private cloud gateway sees it (it sees: {})",
                gateways::names(dc, "/computeClusters").join(", ")
            ),
        ));
    };
    for (pointer, list, field, what) in [
        ("/datastore", "/datastores", "datastore", "datastore"),
        (
            "/network/networkName",
            "/networks",
            "network.networkName",
            "network",
        ),
        (
            "/resourcePool",
            "/resourcePools",
            "resourcePool",
            "resource pool",
        ),
    ] {
        let Some(value) = given(pointer) else {
            continue;
        };
        let known = gateways::names(cc, list);
        if !known.iter().any(|k| k == value) {
            return Err(refuse(
                at(field),
                format!(
                    "machine pool '{pool}': {what} '{value}' is not in compute cluster \
                     '{cluster_name}' as the private cloud gateway sees it (it sees: {})",
                    known.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Each pool's zones and machine tags are ones the gateway's MAAS has; a pool's network takes
/// static addresses exactly when it names an IP pool, one of the gateway's (rewritten as the
/// read model's `parentPoolRef`); no LXD VMs for the control plane of an LXD host cluster
/// (`v1MaasMachinePoolConfig.useLxdVm`).
fn check_maas(
    inventory: &Value,
    ip_pools: &[Value],
    cluster_config: &Value,
    pools: &mut [Value],
    field_of: &dyn Fn(usize) -> String,
) -> ApiResult<()> {
    for (i, pool) in pools.iter_mut().enumerate() {
        let name = pool["name"].as_str().unwrap_or("").to_owned();
        if cluster_config["enableLxdVm"] == true
            && pool["useLxdVm"] == true
            && pool["isControlPlane"] == true
        {
            return Err(refuse(
                format!("{}cloudConfig.useLxdVm", field_of(i)),
                format!(
                    "machine pool '{name}': useLxdVm cannot be enabled for a control-plane pool \
                     when enableLxdVm is enabled in the cluster config"
                ),
            ));
        }
        if let Some(network) = pool.get_mut("network").filter(|n| n.is_object()) {
            let field = format!("{}cloudConfig.network.parentPoolUid", field_of(i));
            let static_ip = network["staticIp"] == true;
            match ip_pool_of(network).map(str::to_owned) {
                Some(uid) => {
                    if !static_ip {
                        return Err(refuse(
                            field,
                            format!(
                                "machine pool '{name}': an IP pool is for static IPs; the pool's \
                                 network takes DHCP addresses (network.staticIp is false)"
                            ),
                        ));
                    }
                    name_ip_pool(ip_pools, network, &uid, &field, &name)?;
                }
                None if static_ip => {
                    return Err(refuse(
                        field,
                        format!(
                            "machine pool '{name}': static IPs (network.staticIp) need an IP pool \
                             to take the addresses from"
                        ),
                    ));
                }
                None => {}
            }
        }
        let pool = &*pool;
        let name = name.as_str();
        for (key, list, what) in [("azs", "/zones", "zone"), ("tags", "/tags", "machine tag")] {
            if inventory.pointer(list).is_none() {
                continue;
            }
            let known = gateways::names(inventory, list);
            for value in wire::array_at(pool, &format!("/{key}")) {
                let value = value.as_str().unwrap_or("");
                if !known.iter().any(|k| k == value) {
                    return Err(refuse(
                        format!("{}cloudConfig.{key}", field_of(i)),
                        format!(
                            "machine pool '{name}': {what} '{value}' is not one the cloud \
                             account's MAAS has (it has: {})",
                            known.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

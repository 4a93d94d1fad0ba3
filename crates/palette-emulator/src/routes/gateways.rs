//! Private cloud gateways ("overlords"): `GET /v1/overlords` (optionally `?name=`) and
//! `GET /v1/overlords/{uid}`, seeded and owned by the tenant, and each gateway's IP pools:
//! `GET`/`POST /v1/overlords/{vsphere|maas}/{uid}/pools`, `PUT`/`DELETE .../pools/{poolUid}`.
//!
//! A pool is checked as Palette checks it: the path's cloud is the gateway's, a name is unique
//! on its gateway (409), and the addresses make one network: a range (`start` to `end`, in
//! order) or a `subnet` (CIDR), not both, with the `gateway` and the range inside the network
//! that `prefix` gives. Pools live in the gateway's `spec.ipPools`.
//!
//! A vSphere gateway also answers what its vCenter holds (`.../properties/datacenters`, and a
//! compute cluster's datastores, networks and resource pools at
//! `.../properties/computecluster/resources`), from the inventory it was seeded with.

use std::net::IpAddr;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, put};
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{Query, find, public, visible};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// What a 404 names.
const LABEL: &str = "private cloud gateway";

/// The clouds whose gateways hold IP pools, as their pool paths name them.
const POOL_CLOUDS: [&str; 2] = ["vsphere", "maas"];

/// The gateway routes.
pub fn router() -> Router<AppState> {
    let mut router = Router::new()
        .route("/v1/overlords", get(list))
        .route("/v1/overlords/{uid}", get(read))
        .route(
            "/v1/overlords/vsphere/{uid}/properties/datacenters",
            get(datacenters),
        )
        .route(
            "/v1/overlords/vsphere/{uid}/properties/computecluster/resources",
            get(compute_cluster_resources),
        )
        .route(
            "/v1/cloudaccounts/maas/{uid}/properties/azs",
            get(|s: State<AppState>, c: Ctx, Path(u): Path<String>| maas_names(s, c, u, "zones")),
        )
        .route(
            "/v1/cloudaccounts/maas/{uid}/properties/tags",
            get(|s: State<AppState>, c: Ctx, Path(u): Path<String>| maas_names(s, c, u, "tags")),
        );
    for cloud in POOL_CLOUDS {
        router = router
            .route(
                &format!("/v1/overlords/{cloud}/{{uid}}/pools"),
                get(move |s: State<AppState>, c: Ctx, Path(u): Path<String>| {
                    list_pools(cloud, s, c, u)
                })
                .post(
                    move |s: State<AppState>, c: Ctx, Path(u): Path<String>, b: Bytes| {
                        create_pool(cloud, s, c, u, b)
                    },
                ),
            )
            .route(
                &format!("/v1/overlords/{cloud}/{{uid}}/pools/{{poolUid}}"),
                put(
                    move |s: State<AppState>,
                          c: Ctx,
                          Path((u, p)): Path<(String, String)>,
                          b: Bytes| update_pool(cloud, s, c, u, p, b),
                )
                .delete(
                    move |s: State<AppState>, c: Ctx, Path((u, p)): Path<(String, String)>| {
                        delete_pool(cloud, s, c, u, p)
                    },
                ),
            );
    }
    router
}

/// A seeded gateway's document: running and healthy, of cloud `kind`, without pools.
pub fn gateway_doc(name: &str, uid: &str, kind: &str, now: &str) -> Value {
    json!({
        "kind": kind,
        "metadata": {
            "name": name, "uid": uid, "creationTimestamp": now, "lastModifiedTimestamp": now,
            "annotations": {"scope": "tenant"},
        },
        "spec": {
            "cloudAccountUid": "", "ipAddress": "10.10.0.2", "ipPools": [], "isSelfHosted": true,
            "isSystem": false, "spectroClusterUid": "", "tenantUid": "",
        },
        "status": {"isActive": true, "isReady": true, "state": "Running", "health": {"state": "Healthy"}},
    })
}

async fn list(State(state): State<AppState>, ctx: Ctx, q: Query) -> ApiResult<Response> {
    let wanted = q.get("name");
    let items: Vec<Value> = visible(&state, &ctx, Kind::Gateway)?
        .into_iter()
        .filter(|r| wanted.is_none_or(|n| *n == r.name))
        .map(|r| public(r.doc))
        .collect();
    wire::ok::<m::Overlords>(json!({ "items": items }))
}

async fn read(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = find(&state, &ctx, Kind::Gateway, &uid, LABEL)?;
    wire::ok::<m::Overlord>(public(record.doc))
}

/// The gateway `uid`, which must be of `cloud` (else 404, as the path names another cloud's).
fn gateway(state: &AppState, ctx: &Ctx, cloud: &str, uid: &str) -> ApiResult<Record> {
    let record = find(state, ctx, Kind::Gateway, uid, LABEL)?;
    if record.doc["kind"] != cloud {
        return Err(ApiError::not_found(&format!("{cloud} {LABEL}"), uid));
    }
    Ok(record)
}

fn pools(record: &Record) -> Vec<Value> {
    wire::array_at(&record.doc, "/spec/ipPools").to_vec()
}

fn save(state: &AppState, mut record: Record, pools: Vec<Value>) -> ApiResult<()> {
    record.doc["spec"]["ipPools"] = Value::Array(pools);
    state.store().apply(vec![Op::Put(record)])?;
    Ok(())
}

async fn list_pools(
    cloud: &'static str,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
) -> ApiResult<Response> {
    let record = gateway(&state, &ctx, cloud, &uid)?;
    wire::ok::<m::IpPools>(json!({ "items": pools(&record) }))
}

async fn create_pool(
    cloud: &'static str,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::IpPoolInputEntity = wire::body(&body)?;
    let _guard = state.write_guard();
    let record = gateway(&state, &ctx, cloud, &uid)?;
    let mut all = pools(&record);
    let pool_uid = ids::new_uid();
    let doc = pool_doc(&input, &pool_uid, &uid, &all, None)?;
    all.push(doc);
    save(&state, record, all)?;
    Ok(wire::created(&pool_uid))
}

async fn update_pool(
    cloud: &'static str,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    pool_uid: String,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::IpPoolInputEntity = wire::body(&body)?;
    let _guard = state.write_guard();
    let record = gateway(&state, &ctx, cloud, &uid)?;
    let mut all = pools(&record);
    let at = all
        .iter()
        .position(|p| p["metadata"]["uid"] == pool_uid.as_str())
        .ok_or_else(|| ApiError::not_found("IP pool", &pool_uid))?;
    let doc = pool_doc(&input, &pool_uid, &uid, &all, Some(&all[at]))?;
    all[at] = doc;
    save(&state, record, all)?;
    Ok(wire::no_content())
}

async fn delete_pool(
    cloud: &'static str,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    pool_uid: String,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let record = gateway(&state, &ctx, cloud, &uid)?;
    let mut all = pools(&record);
    let at = all
        .iter()
        .position(|p| p["metadata"]["uid"] == pool_uid.as_str())
        .ok_or_else(|| ApiError::not_found("IP pool", &pool_uid))?;
    if all[at]["status"]["inUse"] == true {
        return Err(ApiError::bad_request(
            "IpPoolInUse",
            format!("IP pool '{pool_uid}' is in use by a cluster and cannot be deleted"),
        ));
    }
    all.remove(at);
    save(&state, record, all)?;
    Ok(wire::no_content())
}

/// A 400 naming `field`.
fn refuse(field: &str, message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", message).with_details(json!({ "field": field }))
}

fn address(text: Option<&str>, field: &str) -> ApiResult<Option<IpAddr>> {
    match text.filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => t
            .parse()
            .map(Some)
            .map_err(|_| refuse(field, format!("{field} {t:?} is not an IP address"))),
    }
}

/// Whether `a` and `b` share their first `prefix` bits (same family only).
fn same_network(a: IpAddr, b: IpAddr, prefix: u32) -> bool {
    let bits = |ip: IpAddr| -> (u128, u32) {
        match ip {
            IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
            IpAddr::V6(v6) => (u128::from(v6), 128),
        }
    };
    let ((a, width), (b, other)) = (bits(a), bits(b));
    if width != other || prefix > width {
        return false;
    }
    let shift = width - prefix;
    shift >= 128 || (a >> shift) == (b >> shift)
}

/// The stored pool of `input`, checked; `prior` is the pool it replaces.
fn pool_doc(
    input: &m::IpPoolInputEntity,
    uid: &str,
    gateway_uid: &str,
    all: &[Value],
    prior: Option<&Value>,
) -> ApiResult<Value> {
    let meta = input.metadata.clone().unwrap_or_default();
    let name = wire::require(meta.name.as_deref(), "metadata.name")?.to_owned();
    if all
        .iter()
        .any(|p| p["metadata"]["name"] == name.as_str() && p["metadata"]["uid"] != uid)
    {
        return Err(ApiError::conflict(
            "IpPoolAlreadyExists",
            format!("an IP pool named '{name}' already exists on this gateway"),
        ));
    }
    let spec = input
        .spec
        .as_ref()
        .ok_or_else(|| refuse("spec", "spec is required".into()))?;
    let pool = &spec.pool;
    let start = address(pool.start.as_deref(), "spec.pool.start")?;
    let end = address(pool.end.as_deref(), "spec.pool.end")?;
    let gateway = address(pool.gateway.as_deref(), "spec.pool.gateway")?
        .ok_or_else(|| refuse("spec.pool.gateway", "spec.pool.gateway is required".into()))?;
    let prefix = pool.prefix.unwrap_or(0);
    let width = if gateway.is_ipv4() { 32 } else { 128 };
    if prefix < 1 || prefix > width {
        return Err(refuse(
            "spec.pool.prefix",
            format!("spec.pool.prefix {prefix} is not between 1 and {width}"),
        ));
    }
    let prefix = prefix as u32;
    let subnet = pool.subnet.as_deref().filter(|s| !s.is_empty());
    match (start, end, subnet) {
        (Some(start), Some(end), None) => {
            let order = |ip: IpAddr| match ip {
                IpAddr::V4(v4) => u128::from(u32::from(v4)),
                IpAddr::V6(v6) => u128::from(v6),
            };
            if start.is_ipv4() != end.is_ipv4() || order(start) > order(end) {
                return Err(refuse(
                    "spec.pool.end",
                    format!("spec.pool.end {end} comes before spec.pool.start {start}"),
                ));
            }
            for (ip, field) in [(start, "spec.pool.start"), (end, "spec.pool.end")] {
                if !same_network(ip, gateway, prefix) {
                    return Err(refuse(
                        field,
                        format!(
                            "{field} {ip} is outside the network of gateway {gateway}/{prefix}"
                        ),
                    ));
                }
            }
        }
        (None, None, Some(cidr)) => {
            let (network, bits) = cidr.split_once('/').unwrap_or((cidr, ""));
            let network: IpAddr = network.parse().map_err(|_| {
                refuse(
                    "spec.pool.subnet",
                    format!("spec.pool.subnet {cidr:?} is not a CIDR"),
                )
            })?;
            let bits: u32 = bits.parse().map_err(|_| {
                refuse(
                    "spec.pool.subnet",
                    format!("spec.pool.subnet {cidr:?} is not a CIDR"),
                )
            })?;
            if !same_network(network, gateway, bits.min(prefix)) {
                return Err(refuse(
                    "spec.pool.gateway",
                    format!("spec.pool.gateway {gateway} is outside subnet {cidr}"),
                ));
            }
        }
        _ => {
            return Err(refuse(
                "spec.pool",
                "an IP pool is a range (spec.pool.start and spec.pool.end) or a subnet \
                 (spec.pool.subnet), not both and not neither"
                    .into(),
            ));
        }
    }
    let now = ids::now_rfc3339();
    let created = prior
        .and_then(|p| p["metadata"]["creationTimestamp"].as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| now.clone());
    Ok(json!({
        "metadata": {"name": name, "uid": uid, "creationTimestamp": created, "lastModifiedTimestamp": now},
        "spec": {
            "pool": serde_json::to_value(pool)?,
            "priavetGatewayUid": gateway_uid,
            "restrictToSingleCluster": spec.restrict_to_single_cluster.unwrap_or(false),
        },
        "status": {"allottedIps": [], "associatedClusters": [], "availableIps": [], "inUse": false},
    }))
}

/// The zones or machine tags (`list`) the MAAS of account `uid` has, as its gateway's
/// inventory holds them (none without a gateway).
async fn maas_names(
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    list: &'static str,
) -> ApiResult<Response> {
    let account = find(&state, &ctx, Kind::CloudAccount, &uid, "cloud account")?;
    if crate::routes::cloud_accounts::cloud_of(&account) != "maas" {
        return Err(ApiError::not_found("maas cloud account", &uid));
    }
    let gateway = account
        .doc
        .pointer("/metadata/annotations/overlordUid")
        .and_then(Value::as_str)
        .map(|g| state.store().get(Kind::Gateway, g))
        .transpose()?
        .flatten();
    let names = gateway
        .map(|g| names(&inventory(&g), &format!("/{list}")))
        .unwrap_or_default();
    if list == "zones" {
        let items: Vec<Value> = names.iter().map(|n| json!({"name": n})).collect();
        wire::ok::<m::MaasZones>(json!({ "items": items }))
    } else {
        let items: Vec<Value> = names.iter().map(|n| json!({"name": n})).collect();
        wire::ok::<m::MaasTags>(json!({ "items": items }))
    }
}

/// The inventory gateway `record` was seeded with (`{}` when none).
pub fn inventory(record: &Record) -> Value {
    record
        .doc
        .pointer("/_emu/inventory")
        .cloned()
        .unwrap_or_else(|| json!({}))
}

/// The datacenter `name` of a vSphere inventory.
pub fn datacenter<'a>(inventory: &'a Value, name: &str) -> Option<&'a Value> {
    wire::array_at(inventory, "/datacenters")
        .iter()
        .find(|d| d["name"] == name)
}

/// The compute cluster `name` of a datacenter.
pub fn compute_cluster<'a>(datacenter: &'a Value, name: &str) -> Option<&'a Value> {
    wire::array_at(datacenter, "/computeClusters")
        .iter()
        .find(|c| c["name"] == name)
}

/// The names in the list at `pointer` of `value`.
pub fn names(value: &Value, pointer: &str) -> Vec<String> {
    wire::array_at(value, pointer)
        .iter()
        .filter_map(|v| v.as_str().or(v["name"].as_str()).map(str::to_owned))
        .collect()
}

async fn datacenters(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let record = gateway(&state, &ctx, "vsphere", &uid)?;
    let items: Vec<Value> = wire::array_at(&inventory(&record), "/datacenters")
        .iter()
        .map(|d| {
            json!({
                "datacenter": d["name"],
                "computeclusters": names(d, "/computeClusters"),
                "folders": names(d, "/folders"),
            })
        })
        .collect();
    wire::ok::<m::VsphereDatacenters>(json!({ "items": items }))
}

async fn compute_cluster_resources(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    q: Query,
) -> ApiResult<Response> {
    let record = gateway(&state, &ctx, "vsphere", &uid)?;
    let inventory = inventory(&record);
    let wanted = |key: &str| {
        q.get(key)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string())
            .ok_or_else(|| refuse(key, format!("{key} is required")))
    };
    let (dc_name, cc_name) = (wanted("datacenter")?, wanted("computecluster")?);
    let dc = datacenter(&inventory, &dc_name)
        .ok_or_else(|| ApiError::not_found("vSphere datacenter", &dc_name))?;
    let cc = compute_cluster(dc, &cc_name)
        .ok_or_else(|| ApiError::not_found("vSphere compute cluster", &cc_name))?;
    wire::ok::<m::VsphereComputeClusterResources>(json!({
        "datacenter": dc_name,
        "computecluster": {
            "name": cc_name,
            "datastores": names(cc, "/datastores"),
            "networks": names(cc, "/networks"),
            "resourcePools": names(cc, "/resourcePools"),
        },
    }))
}

/// How many addresses IP pool `pool` (a stored `v1IpPoolEntity`) hands out: its range, or its
/// subnet without the network, broadcast and gateway addresses; the gateway is never handed out.
pub fn pool_capacity(pool: &Value) -> u128 {
    let spec = &pool["spec"]["pool"];
    let ip = |key: &str| spec[key].as_str().and_then(|t| t.parse::<IpAddr>().ok());
    let order = |ip: IpAddr| match ip {
        IpAddr::V4(v4) => u128::from(u32::from(v4)),
        IpAddr::V6(v6) => u128::from(v6),
    };
    let gateway = ip("gateway");
    if let (Some(start), Some(end)) = (ip("start"), ip("end")) {
        let (a, b) = (order(start), order(end));
        let inside = gateway.is_some_and(|g| (a..=b).contains(&order(g)));
        return (b.saturating_sub(a) + 1).saturating_sub(u128::from(inside));
    }
    let subnet = spec["subnet"].as_str().unwrap_or("");
    let (network, bits) = subnet.split_once('/').unwrap_or((subnet, ""));
    let width = if network.contains(':') { 128 } else { 32 };
    match bits.parse::<u32>() {
        Ok(bits) if bits <= width => {
            let hosts = if width - bits >= 127 {
                u128::MAX
            } else {
                1u128 << (width - bits)
            };
            hosts.saturating_sub(3)
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pool_hands_out_its_range_or_subnet_less_the_gateway() {
        let range = |start: &str, end: &str, gateway: &str| json!({"spec": {"pool": {"start": start, "end": end, "gateway": gateway, "prefix": 24}}});
        assert_eq!(
            pool_capacity(&range("10.0.0.10", "10.0.0.14", "10.0.0.1")),
            5
        );
        assert_eq!(
            pool_capacity(&range("10.0.0.1", "10.0.0.14", "10.0.0.1")),
            13
        );
        let subnet = json!({"spec": {"pool": {"subnet": "10.0.0.0/29", "gateway": "10.0.0.1", "prefix": 29}}});
        assert_eq!(pool_capacity(&subnet), 5);
    }
}

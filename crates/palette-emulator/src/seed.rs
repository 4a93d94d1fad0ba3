//! Seed data written on first start: projects, pack registries and their packs, cloud accounts
//! and edge hosts.
//!
//! The built-in data lives in `seed/packs.json` (registries, their packs grouped by layer, every
//! tag with its default values) and `seed/world.json` (projects, cloud accounts, edge hosts,
//! private cloud gateways with the `inventory` each sees: a vSphere gateway's `datacenters`, each
//! with `folders` and `computeClusters` of `datastores`, `networks` and `resourcePools`; a MAAS
//! gateway's `zones`, `resourcePools` and machine `tags`). A data-centre account names its
//! gateway (`gateway`).
//! A `--seed FILE` is a JSON object with any of the keys `registries`, `projects`,
//! `cloudAccounts`, `edgeHosts`, `privateCloudGateways` and `awsVpcs`, in the same shapes; each
//! key it has replaces the built-in list. `awsVpcs` is the AWS network each AWS account sees:
//! one entry per VPC, `{cloudAccount, region, vpcId, name, cidrBlock, subnets: [{subnetId, az,
//! isPrivate, name}], securityGroups: [{groupId, groupName}]}`, kept with the account (served by
//! `GET /v1/clouds/aws/regions/{region}/vpcs`, and what AWS and EKS clusters' subnets and
//! security groups are checked against). A Nutanix account may carry `prism`, what its Prism
//! Central has (`{clusters: [{name, subnets: [NAME]}]}`), which Palette does not check a pool's
//! placement against but the cloud does when it makes the machines. Every seeded object gets a uid derived from its name, so the uids are the same on
//! every fresh start.

use serde_json::{Map, Value, json};

use crate::ids::{self, stable_uid};
use crate::store::{Kind, Op, Record, SYSTEM, Store, StoreError, TENANT};

const PACKS: &str = include_str!("../seed/packs.json");
const WORLD: &str = include_str!("../seed/world.json");

/// The uid of the seed marker record.
const MARKER: &str = "seeded";

/// A seed that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The file could not be read.
    #[error("cannot read seed file: {0}")]
    Io(#[from] std::io::Error),
    /// The file is not JSON.
    #[error("seed file is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The data breaks a rule.
    #[error("seed data: {0}")]
    Invalid(String),
    /// Writing failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The uid of a seeded project.
pub fn project_uid(name: &str) -> String {
    stable_uid(&format!("project/{name}"))
}

/// The uid of a seeded registry.
pub fn registry_uid(name: &str) -> String {
    stable_uid(&format!("registry/{name}"))
}

/// The uid of a seeded pack version.
pub fn pack_uid(registry: &str, pack: &str, tag: &str) -> String {
    stable_uid(&format!("pack/{registry}/{pack}/{tag}"))
}

/// The uid of a seeded cloud account.
pub fn cloud_account_uid(cloud: &str, name: &str) -> String {
    stable_uid(&format!("cloudaccount/{cloud}/{name}"))
}

/// The uid of a seeded private cloud gateway.
pub fn gateway_uid(name: &str) -> String {
    stable_uid(&format!("gateway/{name}"))
}

/// The uid of a seeded edge host.
pub fn edge_host_uid(name: &str) -> String {
    stable_uid(&format!("edgehost/{name}"))
}

/// The built-in seed merged with `custom` (keys present in `custom` replace built-in ones).
pub fn seed_document(custom: Option<&str>) -> Result<Map<String, Value>, SeedError> {
    let mut doc: Map<String, Value> = serde_json::from_str(WORLD)?;
    let packs: Map<String, Value> = serde_json::from_str(PACKS)?;
    doc.extend(packs);
    if let Some(text) = custom {
        let custom: Map<String, Value> = serde_json::from_str(text)?;
        for (key, value) in custom {
            if ![
                "registries",
                "projects",
                "cloudAccounts",
                "edgeHosts",
                "privateCloudGateways",
                "awsVpcs",
            ]
            .contains(&key.as_str())
            {
                return Err(SeedError::Invalid(format!("unknown key '{key}'")));
            }
            doc.insert(key, value);
        }
    }
    Ok(doc)
}

/// Writes the seed into `store` unless it was seeded before. Returns whether it seeded.
pub fn seed(store: &dyn Store, custom: Option<&str>) -> Result<bool, SeedError> {
    if store.get(Kind::Meta, MARKER)?.is_some() {
        return Ok(false);
    }
    let doc = seed_document(custom)?;
    let now = ids::now_rfc3339();
    let mut ops = Vec::new();
    for project in list(&doc, "projects") {
        let name = text(project, "name")?;
        let uid = project_uid(name);
        ops.push(put(Kind::Project, &uid, SYSTEM, name, json!({
            "metadata": {
                "name": name, "uid": uid, "creationTimestamp": now, "lastModifiedTimestamp": now,
                "annotations": {"description": project.get("description").cloned().unwrap_or(json!("")), "scope": "tenant"},
            },
            "spec": {},
            "status": {"isDisabled": false},
        })));
    }
    for registry in list(&doc, "registries") {
        seed_registry(registry, &now, &mut ops)?;
    }
    for account in list(&doc, "cloudAccounts") {
        let name = text(account, "name")?;
        let cloud = text(account, "cloud")?;
        let project = project_uid(text(account, "project")?);
        let uid = cloud_account_uid(cloud, name);
        let spec = account.get("spec").cloned().unwrap_or(json!({}));
        let mut account_doc =
            crate::routes::cloud_accounts::account_doc(cloud, name, &uid, &project, spec, &now);
        if cloud == "aws" {
            let vpcs: Vec<Value> = list(&doc, "awsVpcs")
                .iter()
                .filter(|v| v.get("cloudAccount").and_then(Value::as_str) == Some(name))
                .cloned()
                .collect();
            for vpc in &vpcs {
                text(vpc, "region")?;
                text(vpc, "vpcId")?;
            }
            account_doc["_emu"]["vpcs"] = Value::Array(vpcs);
        }
        // What a Nutanix account's Prism Central has: Prism Element clusters and their subnets.
        if let Some(prism) = account.get("prism") {
            account_doc["_emu"]["prism"] = prism.clone();
        }
        // A data-centre account reaches its cloud through a private cloud gateway.
        if let Some(gateway) = account.get("gateway").and_then(Value::as_str) {
            account_doc["metadata"]["annotations"]["overlordUid"] = json!(gateway_uid(gateway));
        }
        ops.push(put(Kind::CloudAccount, &uid, &project, name, account_doc));
    }
    for gateway in list(&doc, "privateCloudGateways") {
        let name = text(gateway, "name")?;
        let kind = text(gateway, "kind")?;
        let uid = gateway_uid(name);
        let mut doc = crate::routes::gateways::gateway_doc(name, &uid, kind, &now);
        // What the gateway sees of its cloud (vCenter datacenters, MAAS zones), which no
        // gateway read returns whole.
        if let Some(inventory) = gateway.get("inventory") {
            doc["_emu"] = json!({ "inventory": inventory });
        }
        ops.push(put(Kind::Gateway, &uid, TENANT, name, doc));
    }
    for host in list(&doc, "edgeHosts") {
        let name = text(host, "name")?;
        let project_name = text(host, "project")?;
        let project = project_uid(project_name);
        let uid = edge_host_uid(name);
        let arch = host.get("arch").and_then(Value::as_str).unwrap_or("amd64");
        let address = host
            .get("address")
            .and_then(Value::as_str)
            .unwrap_or("10.0.0.1");
        ops.push(put(Kind::EdgeHost, &uid, &project, name, json!({
            "metadata": {
                "name": name, "uid": uid, "creationTimestamp": now, "lastModifiedTimestamp": now,
                "annotations": {"scope": "project", "projectUid": project},
                "labels": {},
            },
            "spec": {
                "type": "edge-native",
                "host": {"hostAddress": address, "hostUid": uid, "project": {"name": project_name, "uid": project}},
                "device": {"archType": arch},
            },
            "status": {"state": "ready", "health": {"state": "healthy"}, "inUseClusters": []},
        })));
    }
    ops.push(put(
        Kind::Meta,
        MARKER,
        SYSTEM,
        MARKER,
        json!({"seededAt": now}),
    ));
    store.apply(ops)?;
    Ok(true)
}

fn seed_registry(registry: &Value, now: &str, ops: &mut Vec<Op>) -> Result<(), SeedError> {
    let name = text(registry, "name")?;
    let uid = registry_uid(name);
    let kind = registry
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("spectro");
    ops.push(put(
        Kind::Registry,
        &uid,
        SYSTEM,
        name,
        json!({
            "uid": uid,
            "name": name,
            "kind": if kind == "oci" { "oci" } else { "pack" },
            "packType": kind,
            "endpoint": registry.get("endpoint").cloned().unwrap_or(json!("")),
            "scope": "system",
            "isDefault": registry.get("default").and_then(Value::as_bool).unwrap_or(false),
            "isPrivate": false,
            "creationTimestamp": now,
        }),
    ));
    let layers = registry
        .get("layers")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (layer, packs) in layers {
        for pack in packs.as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let pack_name = text(pack, "pack")?;
            let tags = pack
                .get("tags")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for tag in tags.iter().filter_map(Value::as_str) {
                let pack_uid = pack_uid(name, pack_name, tag);
                ops.push(put(Kind::Pack, &pack_uid, SYSTEM, pack_name, json!({
                    "uid": pack_uid,
                    "name": pack_name,
                    "displayName": pack.get("title").cloned().unwrap_or(json!(pack_name)),
                    "layer": layer,
                    "type": pack.get("format").cloned().unwrap_or(json!("spectro")),
                    "addonType": pack.get("category").cloned().unwrap_or(json!("")),
                    "cloudTypes": pack.get("clouds").cloned().unwrap_or(json!(["all"])),
                    "registryUid": uid,
                    "registryName": name,
                    "tag": tag,
                    "version": tag,
                    "parentTags": parent_tags(tag),
                    "values": pack.get("defaults").cloned().unwrap_or(json!("")),
                    "digest": format!("sha256:{}{}", stable_uid(&pack_uid), stable_uid(pack_name)),
                    "logoUrl": format!("https://registry.spectrocloud.com/v1/{pack_name}/logo.png"),
                    "creationTimestamp": now,
                })));
            }
        }
    }
    Ok(())
}

/// The floating tags a version belongs to: `1.30.4` is in `1.30.x` and `1.x`.
pub fn parent_tags(tag: &str) -> Vec<String> {
    let parts: Vec<&str> = tag.split('.').collect();
    let mut out = Vec::new();
    if parts.len() >= 3 {
        out.push(format!("{}.{}.x", parts[0], parts[1]));
    }
    if parts.len() >= 2 {
        out.push(format!("{}.x", parts[0]));
    }
    out
}

fn list<'a>(doc: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    doc.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn text<'a>(value: &'a Value, key: &str) -> Result<&'a str, SeedError> {
    value
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| SeedError::Invalid(format!("an entry lacks '{key}': {value}")))
}

fn put(kind: Kind, uid: &str, project: &str, name: &str, doc: Value) -> Op {
    Op::Put(Record {
        kind,
        uid: uid.to_owned(),
        project: project.to_owned(),
        name: name.to_owned(),
        doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::MemoryStore;

    #[test]
    fn seeds_once_with_every_environment_covered() {
        let store = MemoryStore::new();
        assert!(seed(&store, None).unwrap());
        assert!(!seed(&store, None).unwrap());
        let packs = store.list(Kind::Pack).unwrap();
        for cloud in [
            "aws",
            "azure",
            "gcp",
            "tke",
            "eks",
            "aks",
            "gke",
            "vsphere",
            "nutanix",
            "openstack",
            "maas",
            "edge-native",
        ] {
            for layer in ["os", "k8s", "cni", "csi"] {
                assert!(
                    packs.iter().any(|p| p.doc["layer"] == layer
                        && p.doc["registryName"] == "Public Repo"
                        && p.doc["cloudTypes"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|c| c == cloud)),
                    "no {layer} pack for {cloud}"
                );
            }
        }
        assert_eq!(store.list(Kind::EdgeHost).unwrap().len(), 6);
        assert_eq!(store.list(Kind::Project).unwrap().len(), 2);
        let accounts: Vec<String> = store
            .list(Kind::CloudAccount)
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert!(
            accounts.contains(&"aws-dev".to_owned())
                && accounts.contains(&"nutanix-dev".to_owned())
        );
    }

    #[test]
    fn a_custom_seed_replaces_what_it_names() {
        let custom = r#"{"projects": [{"name": "Solo"}], "edgeHosts": []}"#;
        let store = MemoryStore::new();
        assert!(seed(&store, Some(custom)).unwrap());
        let projects: Vec<String> = store
            .list(Kind::Project)
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(projects, ["Solo"]);
        assert!(store.list(Kind::EdgeHost).unwrap().is_empty());
        assert!(
            !store.list(Kind::Pack).unwrap().is_empty(),
            "packs stay built in"
        );
        assert!(seed_document(Some(r#"{"nope": []}"#)).is_err());
        assert!(
            seed(
                &MemoryStore::new(),
                Some(r#"{"projects": [{"description": "no name"}]}"#)
            )
            .is_err()
        );
    }

    #[test]
    fn parent_tags_float() {
        assert_eq!(parent_tags("1.30.4"), vec!["1.30.x", "1.x"]);
        assert_eq!(parent_tags("22.04"), vec!["22.x"]);
        assert!(parent_tags("1").is_empty());
    }
}

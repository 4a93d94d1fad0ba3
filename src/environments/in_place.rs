//! In-place updates of an environment block: the fields the API changes through the cloud
//! config's `PUT .../clusterConfig`, whether a change touches them, and the update body.

use tfplugin::Value;

use super::Environment;
use super::values::to_json;

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

#[cfg(test)]
mod tests {
    use tfplugin::Value;

    use super::*;
    use crate::environments::{ALL, by_key};

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
}

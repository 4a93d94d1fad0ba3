//! Unit tests of the carrier's name, the planned layer state and the schema.

use std::collections::BTreeMap;

use tfplugin::{Resource, Value, ValueExt};

use super::model::carrier_name;
use super::plan::plan_state;
use super::*;

#[test]
fn carrier_names_start_with_the_prefix_the_cluster_resource_skips() {
    let name = carrier_name("prometheus-operator", "5f2b6c0e9d8a7b6c5d4e3f21");
    assert_eq!(name, "tf-pack-prometheus-operator-5f2b6c0e9d8a7b6c5d4e3f21");
    assert!(name.starts_with(CARRIER_PREFIX));
}

#[test]
fn state_is_kept_only_when_the_layer_is_unchanged() {
    let mut prior = Value::Object(BTreeMap::new());
    for (k, v) in [
        ("tag", "1.0"),
        ("registry_uid", "r"),
        ("type", "spectro"),
        ("values", "a: 1"),
        ("uid", "u"),
        ("state", "Ready"),
    ] {
        prior.set(k, v);
    }
    prior.set("manifest", Value::List(Vec::new()));
    let mut plan = prior.clone();
    plan.set("state", Value::unknown());
    plan_state(&prior, &mut plan, false);
    assert_eq!(plan.get_str("state"), Some("Ready"));
    plan.set("values", "a: 2");
    plan_state(&prior, &mut plan, false);
    assert!(plan.get("state").is_some_and(Value::is_unknown));
    let mut failed = prior.clone();
    failed.set("state", "Error");
    let mut retry = failed.clone();
    plan_state(&failed, &mut retry, false);
    assert!(retry.get("state").is_some_and(Value::is_unknown));
    let mut fresh = prior.clone();
    plan_state(&prior, &mut fresh, true);
    assert!(fresh.get("state").is_some_and(Value::is_unknown));
}

#[test]
fn schema_describes_every_attribute() {
    let schema = PackResource.schema();
    assert!(schema.problems().is_empty(), "{:?}", schema.problems());
    for a in &schema.block.attributes {
        assert!(!a.description.is_empty(), "{} has no description", a.name);
    }
    for b in &schema.block.blocks {
        assert!(!b.block.description.is_empty(), "{}", b.type_name);
        for a in &b.block.attributes {
            assert!(!a.description.is_empty(), "{}.{}", b.type_name, a.name);
        }
    }
}

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

#[test]
fn timeouts_default_to_thirty_minutes_and_name_a_bad_one() {
    let schema = PackResource.schema();
    assert!(
        schema
            .block
            .blocks
            .iter()
            .any(|b| b.type_name == "timeouts"),
        "the schema declares `timeouts`"
    );
    let defaults = DEFAULT_TIMEOUTS.read(&Value::Null).unwrap();
    let half_hour = std::time::Duration::from_secs(30 * 60);
    assert_eq!(
        (defaults.create, defaults.update, defaults.delete),
        (half_hour, half_hour, half_hour)
    );
    let mut timeouts = Value::Object(BTreeMap::new());
    timeouts.set("create", "2h");
    timeouts.set("update", Value::Null);
    timeouts.set("delete", "soon");
    let mut plan = Value::Object(BTreeMap::new());
    plan.set("timeouts", timeouts.clone());
    let (path, _) = DEFAULT_TIMEOUTS.read(&plan).unwrap_err();
    assert_eq!(path.to_string(), "timeouts.delete");
    let mut diags = tfplugin::Diagnostics::new();
    super::checks::check_config(&plan, &mut diags);
    assert!(diags.iter().any(|d| d.summary == "Invalid Timeout"));

    timeouts.set("delete", "5m");
    plan.set("timeouts", timeouts);
    let read = DEFAULT_TIMEOUTS.read(&plan).unwrap();
    assert_eq!(read.create, std::time::Duration::from_secs(2 * 3600));
    assert_eq!(read.update, half_hour);
    assert_eq!(read.delete, std::time::Duration::from_secs(300));
}

#[test]
fn a_change_of_timeouts_alone_is_no_change_to_palette() {
    use crate::resources::timeouts::only_timeouts_change;

    let mut prior = Value::Object(BTreeMap::new());
    prior.set("name", "nginx");
    prior.set("values", "a: 1");
    prior.set("state", "Ready");
    prior.set("timeouts", Value::Null);
    let mut plan = prior.clone();
    let mut timeouts = Value::Object(BTreeMap::new());
    timeouts.set("create", "1h");
    plan.set("timeouts", timeouts);
    assert!(only_timeouts_change(&prior, &plan));
    plan.set("values", "a: 2");
    assert!(
        !only_timeouts_change(&prior, &plan),
        "the values change too"
    );
    let mut retry = prior.clone();
    retry.set("state", Value::unknown());
    assert!(!only_timeouts_change(&prior, &retry), "a layer redeployed");
}

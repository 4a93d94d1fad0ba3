//! Unit tests of the plan checks, timeouts, value comparison and refresh.

use std::collections::BTreeMap;

use tfplugin::{AttributePath, Block};

use crate::environments::{self, CloudConfigState, Pool};

use super::checks::*;
use super::model::*;
use super::plan::*;
use super::read::*;
use super::schema::*;
use super::*;

fn base_config(env_key: &str, env_block: Value, pools: Vec<Value>, account: Option<&str>) -> Value {
    let mut config = null_object(&schema_v0().block);
    config.set("name", "c1");
    config.set("context", "project");
    config.set("wait_for", "healthy");
    config.set("force_delete", false);
    config.set(
        "cloud_account_id",
        account.map(Value::from).unwrap_or(Value::Null),
    );
    config.set(env_key, env_block);
    config.set("machine_pool", Value::List(pools));
    config
}

fn pool(fields: &[(&str, Value)]) -> Value {
    let mut value = null_object(&environments::machine_pool_block().block);
    value.set("control_plane", false);
    value.set("control_plane_as_worker", false);
    for (k, v) in fields {
        value.set(k, v.clone());
    }
    value
}

fn aws_block() -> Value {
    let mut block = null_object(&Block {
        attributes: environments::by_key("aws").unwrap().attributes(),
        ..Block::new()
    });
    block.set("region", "us-east-1");
    block
}

fn paths(diags: &Diagnostics) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            d.attribute
                .as_ref()
                .map(|p| p.to_string())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn config_checks_name_the_attribute_at_fault() {
    let cp = || {
        pool(&[
            ("name", "cp".into()),
            ("control_plane", true.into()),
            ("count", 1.into()),
            ("instance_type", "m5.large".into()),
        ])
    };
    let worker = |count: i64| {
        pool(&[
            ("name", "w".into()),
            ("count", count.into()),
            ("min", 1.into()),
            ("max", 3.into()),
            ("instance_type", "m5.large".into()),
        ])
    };
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "valid",
            base_config("aws", aws_block(), vec![cp(), worker(2)], Some("acc")),
            vec![],
        ),
        (
            "no control plane",
            base_config("aws", aws_block(), vec![worker(2)], Some("acc")),
            vec!["machine_pool[0].control_plane"],
        ),
        (
            "count above max",
            base_config("aws", aws_block(), vec![cp(), worker(5)], Some("acc")),
            vec!["machine_pool[1].count"],
        ),
        (
            "count below min",
            base_config("aws", aws_block(), vec![cp(), worker(0)], Some("acc")),
            vec!["machine_pool[1].count"],
        ),
        (
            "missing account",
            base_config("aws", aws_block(), vec![cp()], None),
            vec!["cloud_account_id"],
        ),
        (
            "sizing field of another environment",
            base_config(
                "aws",
                aws_block(),
                vec![pool(&[
                    ("name", "cp".into()),
                    ("control_plane", true.into()),
                    ("count", 1.into()),
                    ("instance_type", "m5.large".into()),
                    ("cpu", 4.into()),
                ])],
                Some("acc"),
            ),
            vec!["machine_pool[0].cpu"],
        ),
        (
            "managed control plane refused",
            base_config("eks", aws_block(), vec![cp()], Some("acc")),
            vec!["machine_pool[0].control_plane"],
        ),
    ];
    for (name, config, want) in cases {
        let mut diags = Diagnostics::new();
        check_config(&config, &mut diags);
        assert_eq!(paths(&diags), want, "{name}: {diags:?}");
    }
}

#[test]
fn environment_block_count_is_checked() {
    let mut none = base_config("aws", Value::Null, vec![], Some("acc"));
    none.set("aws", Value::Null);
    let mut diags = Diagnostics::new();
    check_config(&none, &mut diags);
    assert_eq!(
        diags.iter().next().map(|d| d.summary.as_str()),
        Some("Missing Environment Block")
    );

    let mut two = base_config("aws", aws_block(), vec![], Some("acc"));
    two.set("gcp", aws_block());
    let mut diags = Diagnostics::new();
    check_config(&two, &mut diags);
    assert_eq!(paths(&diags), ["gcp"]);
}

#[test]
fn timeouts_parse_with_defaults() {
    let mut config = base_config("aws", aws_block(), vec![], Some("acc"));
    assert_eq!(
        timeouts_of(&config).unwrap().create,
        Duration::from_secs(3600)
    );
    config.set(
        "timeouts",
        object([
            ("create", Value::from("2s")),
            ("update", Value::Null),
            ("delete", Value::from("bad")),
        ]),
    );
    let (path, _) = timeouts_of(&config).unwrap_err();
    assert_eq!(path.to_string(), "timeouts.delete");
}

#[test]
fn pack_overrides_compare_values_by_meaning() {
    let a = ProfileModel {
        id: "p".into(),
        variables: None,
        packs: vec![PackOverride {
            name: "k8s".into(),
            tag: None,
            values: Some("a: 1\nb: [1, 2]\n".into()),
            manifests: vec![],
        }],
    };
    let mut b = a.clone();
    b.packs[0].values = Some("b:\n  - 1\n  - 2\na: 1".into());
    assert!(a.same_packs(&b));
    b.packs[0].values = Some("a: 2".into());
    assert!(!a.same_packs(&b));
    let entity = a.entity();
    assert_eq!(entity.uid.as_deref(), Some("p"));
    assert_eq!(entity.pack_values.unwrap()[0].name, "k8s");
    assert!(entity.variables.is_none());
}

#[test]
fn equivalent_values_text_plans_no_change() {
    let profile = |id: &str, values: &str| {
        let pack = object([
            ("name", Value::from("nginx")),
            ("tag", Value::Null),
            ("values", Value::from(values)),
            ("manifest", Value::List(Vec::new())),
        ]);
        object([
            ("id", Value::from(id)),
            ("variables", Value::Null),
            ("pack", Value::List(vec![pack])),
        ])
    };
    let with = |p: Value| {
        let mut v = null_object(&schema_v0().block);
        v.set("cluster_profile", Value::List(vec![p]));
        v
    };
    let values_of = |v: &Value| {
        v.at(&AttributePath::root("cluster_profile")
            .index(0)
            .attr("pack")
            .index(0)
            .attr("values"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let state = with(profile("p1", "a: 1\nb: [x, y]\n"));
    let cases = [
        (
            "same meaning",
            "p1",
            "b:\n  - x\n  - y\na: 1",
            "a: 1\nb: [x, y]\n",
        ),
        ("other meaning", "p1", "a: 2", "a: 2"),
        ("other profile", "p2", "b: [x, y]\na: 1", "b: [x, y]\na: 1"),
    ];
    for (name, id, text, want) in cases {
        let mut plan = with(profile(id, text));
        keep_equivalent_text(&state, &mut plan);
        assert_eq!(values_of(&plan).as_deref(), Some(want), "{name}");
    }
}

#[test]
fn refreshed_pools_keep_config_order_and_names() {
    let env = environments::by_key("edge_native").unwrap();
    let prior = |name: &str, hosts: &[&str]| {
        let mut p = pool(&[("name", name.into())]);
        p.set(
            "edge_hosts",
            Value::List(hosts.iter().map(|h| Value::from(*h)).collect()),
        );
        p.set("taints", Value::List(Vec::new()));
        p
    };
    let mut state = null_object(&schema_v0().block);
    state.set(
        "machine_pool",
        Value::List(vec![
            prior("workers", &["edge-host-2"]),
            prior("gone", &["edge-host-4"]),
            prior("cp", &["uid-1"]),
        ]),
    );
    let api = |name: &str, hosts: &[&str], cp: bool| Pool {
        name: name.into(),
        control_plane: cp,
        edge_hosts: Some(hosts.iter().map(|h| h.to_string()).collect()),
        ..Default::default()
    };
    let config = CloudConfigState {
        pools: vec![
            api("cp", &["uid-1"], true),
            api("workers", &["uid-2", "uid-3"], false),
            api("extra", &["uid-5"], false),
        ],
        host_names: BTreeMap::from([
            ("uid-1".to_string(), "edge-host-1".to_string()),
            ("uid-2".to_string(), "edge-host-2".to_string()),
            ("uid-3".to_string(), "edge-host-3".to_string()),
        ]),
        ..Default::default()
    };
    refresh_pools(&mut state, env, &config, false);
    let pools = state.get_elements("machine_pool");
    let names: Vec<&str> = pools.iter().map(|p| p.get_str("name").unwrap()).collect();
    assert_eq!(
        names,
        ["workers", "cp", "extra"],
        "config order, removed pool dropped, new pool last"
    );
    let hosts = |i: usize| environments::get_strings(&pools[i], "edge_hosts").unwrap();
    assert_eq!(
        hosts(0),
        ["edge-host-2", "uid-3"],
        "a host written by name stays a name"
    );
    assert_eq!(hosts(1), ["uid-1"], "a host written by uid stays a uid");
    assert_eq!(pools[1].get_bool("control_plane"), Some(true));
    assert!(
        pools[0].get("count").is_some_and(Value::is_null),
        "edge pools have no count"
    );
}

#[test]
fn schema_attributes_are_all_described() {
    fn walk(block: &Block, at: &str) {
        for attribute in &block.attributes {
            assert!(!attribute.description.is_empty(), "{at}.{}", attribute.name);
        }
        for nested in &block.blocks {
            walk(&nested.block, &format!("{at}.{}", nested.type_name));
        }
    }
    walk(&schema_v0().block, "palette_cluster");
}

//! Unit tests of the plan checks, timeouts, value comparison and refresh.

use std::collections::BTreeMap;
use std::time::Duration;

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
    let mut profile = Value::Object(BTreeMap::new());
    profile.set("id", "p1");
    config.set("cluster_profile", Value::List(vec![profile]));
    config
}

/// Exactly one of `cluster_profile` and `cluster_template`, waiting while either is unknown; a
/// template not on TKE.
#[test]
fn profiles_or_a_template_is_checked() {
    let template = || {
        let mut block = Value::Object(BTreeMap::new());
        block.set("id", "t1");
        Value::List(vec![block])
    };
    let with = |env: &str, profiles: Option<Value>, template: Option<Value>| {
        let mut config = base_config(env, aws_block(), vec![], Some("acc"));
        if let Some(profiles) = profiles {
            config.set("cluster_profile", profiles);
        }
        config.set(
            "cluster_template",
            template.unwrap_or(Value::List(Vec::new())),
        );
        config
    };
    let cases = [
        ("profiles alone", with("aws", None, None), vec![]),
        (
            "a template alone",
            with("aws", Some(Value::List(Vec::new())), Some(template())),
            vec![],
        ),
        (
            "both",
            with("aws", None, Some(template())),
            vec!["cluster_template[0].id"],
        ),
        (
            "neither",
            with("aws", Some(Value::List(Vec::new())), None),
            vec!["cluster_profile"],
        ),
        (
            "profiles unknown",
            with("aws", Some(Value::unknown()), None),
            vec![],
        ),
        (
            "a template on TKE",
            with("tke", Some(Value::List(Vec::new())), Some(template())),
            vec!["cluster_template[0].id"],
        ),
    ];
    for (what, config, want) in cases {
        let mut diags = Diagnostics::new();
        super::template::check_choice(
            &config,
            environments::by_key(if what.contains("TKE") { "tke" } else { "aws" }),
            &mut diags,
        );
        assert_eq!(paths(&diags), want, "{what}: {diags:?}");
    }
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

use crate::diagnostics::attribute_paths as paths;

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
            "repave interval on the control-plane pool",
            base_config(
                "aws",
                aws_block(),
                vec![
                    {
                        let mut pool = cp();
                        pool.set("node_repave_interval", 120);
                        pool
                    },
                    {
                        let mut pool = worker(2);
                        pool.set("node_repave_interval", 120);
                        pool.set("update_strategy", "RollingUpdateScaleIn");
                        pool
                    },
                ],
                Some("acc"),
            ),
            vec!["machine_pool[0].node_repave_interval"],
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
    refresh_pools(&mut state, env, &config, &Default::default(), false);
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

/// Refresh reads the lifecycle fields Palette reports, but a default it reports (or leaves
/// out) where the configuration says the default its own way is no drift; an import reads
/// what is reported, less the fields the environment does not take.
#[test]
fn refreshed_pools_read_lifecycle_fields_without_default_drift() {
    let strategy = |t: &str| Value::from(t);
    let annotations = |entries: &[(&str, &str)]| {
        Value::Map(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(*v)))
                .collect(),
        )
    };
    let api =
        |name: &str, strategy: Option<&str>, interval: Option<i64>, notes: &[(&str, &str)]| Pool {
            name: name.into(),
            count: Some(1),
            instance_type: Some("m5.large".into()),
            update_strategy: strategy.map(str::to_string),
            node_repave_interval: interval,
            annotations: notes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        };
    // (what, prior update_strategy / node_repave_interval / additional_annotations, reported,
    // refreshed)
    type Fields = (Value, Value, Value);
    let cases: Vec<(&str, Fields, Pool, Fields)> = vec![
        (
            "left out and not reported",
            (Value::Null, Value::Null, Value::Null),
            api("p", None, None, &[]),
            (Value::Null, Value::Null, Value::Null),
        ),
        (
            "left out, Palette reports its defaults",
            (Value::Null, Value::Null, Value::Null),
            api("p", Some("RollingUpdateScaleOut"), Some(0), &[]),
            (Value::Null, Value::Null, Value::Null),
        ),
        (
            "the defaults said outright, Palette leaves them out",
            (
                strategy("RollingUpdateScaleOut"),
                0.into(),
                annotations(&[]),
            ),
            api("p", None, None, &[]),
            (
                strategy("RollingUpdateScaleOut"),
                0.into(),
                annotations(&[]),
            ),
        ),
        (
            "set and reported alike",
            (
                strategy("RollingUpdateScaleIn"),
                60.into(),
                annotations(&[("a", "b")]),
            ),
            api("p", Some("RollingUpdateScaleIn"), Some(60), &[("a", "b")]),
            (
                strategy("RollingUpdateScaleIn"),
                60.into(),
                annotations(&[("a", "b")]),
            ),
        ),
        (
            "changed outside Terraform: drift",
            (Value::Null, 60.into(), annotations(&[("a", "b")])),
            api("p", Some("RollingUpdateScaleIn"), Some(30), &[("a", "c")]),
            (
                strategy("RollingUpdateScaleIn"),
                30.into(),
                annotations(&[("a", "c")]),
            ),
        ),
        (
            "removed outside Terraform: drift",
            (
                strategy("RollingUpdateScaleIn"),
                60.into(),
                annotations(&[("a", "b")]),
            ),
            api("p", None, None, &[]),
            (Value::Null, Value::Null, Value::Null),
        ),
    ];
    let env = environments::by_key("aws").unwrap();
    for (what, (s0, i0, a0), reported, (s1, i1, a1)) in cases {
        let mut prior = pool(&[
            ("name", "p".into()),
            ("count", 1.into()),
            ("instance_type", "m5.large".into()),
            ("update_strategy", s0),
            ("node_repave_interval", i0),
            ("additional_annotations", a0),
        ]);
        prior.set("taints", Value::List(Vec::new()));
        let mut state = null_object(&schema_v0().block);
        state.set("machine_pool", Value::List(vec![prior]));
        let config = CloudConfigState {
            pools: vec![reported],
            ..Default::default()
        };
        refresh_pools(&mut state, env, &config, &Default::default(), false);
        let got = &state.get_elements("machine_pool")[0];
        let field = |name: &str| got.get(name).cloned().unwrap_or(Value::Null);
        assert_eq!(
            (
                field("update_strategy"),
                field("node_repave_interval"),
                field("additional_annotations")
            ),
            (s1, i1, a1),
            "{what}"
        );
    }

    // An import takes what Palette reports, on the environments that take it.
    let reported = api("p", Some("RollingUpdateScaleIn"), Some(0), &[("a", "b")]);
    let imported = |key: &str| {
        let mut state = null_object(&schema_v0().block);
        let config = CloudConfigState {
            pools: vec![reported.clone()],
            ..Default::default()
        };
        refresh_pools(
            &mut state,
            environments::by_key(key).unwrap(),
            &config,
            &Default::default(),
            true,
        );
        let got = state.get_elements("machine_pool")[0].clone();
        let field = |name: &str| got.get(name).cloned().unwrap_or(Value::Null);
        (
            field("update_strategy"),
            field("node_repave_interval"),
            field("additional_annotations"),
        )
    };
    assert_eq!(
        imported("aws"),
        (
            strategy("RollingUpdateScaleIn"),
            0.into(),
            annotations(&[("a", "b")])
        )
    );
    assert_eq!(
        imported("tke"),
        (strategy("RollingUpdateScaleIn"), 0.into(), Value::Null)
    );
    assert_eq!(imported("nutanix"), (Value::Null, Value::Null, Value::Null));
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

#[test]
fn a_new_control_plane_pool_replaces_and_a_new_worker_pool_does_not() {
    let cp = |name: &str| {
        pool(&[
            ("name", Value::from(name)),
            ("control_plane", Value::from(true)),
        ])
    };
    let worker = |name: &str| pool(&[("name", Value::from(name))]);
    let with = |pools: Vec<Value>| {
        let mut config = null_object(&schema_v0().block);
        config.set("machine_pool", Value::List(pools));
        config
    };
    let prior = with(vec![worker("workers"), cp("cp")]);
    let at = |i: i64| AttributePath::root("machine_pool").index(i).attr("name");
    let cases = [
        (
            "worker added",
            vec![worker("workers"), cp("cp"), worker("extra")],
            vec![],
        ),
        ("reordered", vec![cp("cp"), worker("workers")], vec![]),
        ("worker removed", vec![cp("cp")], vec![]),
        (
            "control plane renamed",
            vec![worker("workers"), cp("control-plane")],
            vec![at(1)],
        ),
        (
            "control plane added",
            vec![cp("cp"), worker("workers"), cp("cp2")],
            vec![at(2)],
        ),
        // A flipped flag on a pool that was there is the attribute modifier's to report.
        (
            "worker turned control plane",
            vec![cp("workers"), cp("cp")],
            vec![],
        ),
    ];
    for (what, pools, want) in cases {
        assert_eq!(new_control_planes(&prior, &with(pools)), want, "{what}");
    }
    assert!(
        new_control_planes(&Value::Null, &prior).is_empty(),
        "create"
    );
}

/// What a change of each configurable attribute does, from the schema's own plan modifiers:
/// the table in `examples/resources/palette_cluster/changes.md`, which the docs include. Run
/// with `UPDATE_CHANGES=1` to rewrite the file after a schema change.
#[test]
fn the_change_table_in_the_docs_follows_the_schema() {
    use tfplugin::schema::AttributeKind;
    use tfplugin::{Attribute, NestedBlock};

    fn replaces(attr: &Attribute) -> bool {
        attr.plan_modifiers
            .iter()
            .any(|m| m.description().contains("destroy and recreate"))
    }
    fn configurable(block: &Block) -> impl Iterator<Item = &Attribute> {
        block.attributes.iter().filter(|a| a.required || a.optional)
    }
    // Rules that depend on more than one attribute's modifier, as `modify_plan` applies them.
    let notes: BTreeMap<&str, &str> = BTreeMap::from([
        (
            "machine_pool",
            "in place: worker pools are added, removed and reordered (pools are matched by \
             `name`; a reorder calls no API); a control-plane pool whose name is new replaces",
        ),
        (
            "machine_pool.name",
            "a pool's identity: a new name is a new pool (in place for a worker pool, replaces \
             for a control-plane pool)",
        ),
        (
            "update_worker_pools_in_parallel",
            "set when the cluster is made: a change is refused at plan (Palette has no endpoint \
             that changes it)",
        ),
        (
            "cluster_profile.id",
            "in place: another version of the same profile upgrades the cluster; a new add-on \
             profile is attached, a removed one detached",
        ),
        (
            "cluster_template",
            "replaces the cluster when added or removed (a switch between `cluster_profile` and \
             a template: Palette cannot attach or detach a running cluster's template)",
        ),
        (
            "cluster_template.id",
            "replaces the cluster (Palette has no endpoint that moves a cluster to another \
             template)",
        ),
        (
            "cluster_template.cluster_profile",
            "in place (the template variables API)",
        ),
        (
            "machine_pool.storage_account_type",
            "in place on Azure; refused at plan on an existing AKS pool (rename it: a new pool)",
        ),
        (
            "machine_pool.os_type",
            "refused at plan on an existing AKS pool (rename it: a new pool)",
        ),
    ]);
    let verdict = |path: &str, attr: Option<&Attribute>| -> String {
        if let Some(note) = notes.get(path) {
            return note.to_string();
        }
        match attr {
            Some(a) if replaces(a) => "replaces the cluster".to_string(),
            _ => "in place".to_string(),
        }
    };
    let schema = schema_v0();
    let mut rows: Vec<(String, String)> = Vec::new();
    for attr in configurable(&schema.block) {
        rows.push((format!("`{}`", attr.name), verdict(&attr.name, Some(attr))));
        assert!(
            !matches!(attr.kind, AttributeKind::Nested(_)),
            "a nested attribute needs rows of its own"
        );
    }
    let env_keys: Vec<&str> = environments::ALL.iter().map(|e| e.key()).collect();
    let mut nested: Vec<&NestedBlock> = schema.block.blocks.iter().collect();
    nested.sort_by_key(|b| env_keys.contains(&b.type_name.as_str()));
    for block in nested {
        let name = &block.type_name;
        if env_keys.contains(&name.as_str()) {
            let (in_place, other): (Vec<&Attribute>, Vec<&Attribute>) =
                configurable(&block.block).partition(|a| !replaces(a));
            let list = |attrs: &[&Attribute]| {
                attrs
                    .iter()
                    .map(|a| format!("`{}`", a.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut in_place: Vec<String> =
                in_place.iter().map(|a| format!("`{}`", a.name)).collect();
            in_place.extend(
                block
                    .block
                    .blocks
                    .iter()
                    .map(|b| format!("`{}` blocks", b.type_name)),
            );
            let text = if in_place.is_empty() {
                format!("replaces the cluster: {}", list(&other))
            } else {
                format!(
                    "in place: {}; replaces the cluster: {}",
                    in_place.join(", "),
                    list(&other)
                )
            };
            rows.push((format!("`{name}` block fields"), text));
            continue;
        }
        if name == "timeouts" {
            rows.push((
                "`timeouts`".to_string(),
                "in place (state only)".to_string(),
            ));
            continue;
        }
        rows.push((format!("`{name}` blocks"), verdict(name, None)));
        for attr in configurable(&block.block) {
            let path = format!("{name}.{}", attr.name);
            rows.push((format!("`{path}`"), verdict(&path, Some(attr))));
        }
        for inner in &block.block.blocks {
            let path = format!("{name}.{}", inner.type_name);
            let all_in_place = configurable(&inner.block).all(|a| !replaces(a));
            let text = if all_in_place {
                "in place"
            } else {
                "replaces the cluster"
            };
            rows.push((format!("`{path}` blocks"), text.to_string()));
        }
    }
    rows.push((
        "the environment block itself".to_string(),
        "adding one or removing it (moving the cluster to another environment) replaces the cluster"
            .to_string(),
    ));
    let mut table = String::from(
        "<!-- Generated by the provider's unit test \
         `the_change_table_in_the_docs_follows_the_schema`; run it with UPDATE_CHANGES=1 to \
         rewrite. -->\n\
         ## What a change does\n\n\
         Palette changes most of a running cluster in place. What it cannot change replaces the \
         cluster, and the plan marks the attribute that forces it with `# forces replacement`.\n\n\
         | attribute | a change |\n|---|---|\n",
    );
    for (attr, text) in rows {
        table.push_str(&format!("| {attr} | {text} |\n"));
    }
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/resources/palette_cluster/changes.md");
    if std::env::var_os("UPDATE_CHANGES").is_some() {
        std::fs::write(&file, &table).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == table,
        "{} is stale; run this test with UPDATE_CHANGES=1 and commit it. It should read:\n{table}",
        file.display()
    );
}

/// What each environment asks of a machine pool and of `cloud_account_id`, from the lists the
/// plan-time checks use (`Environment::sizing`, `lifecycle`, `managed_control_plane`,
/// `account_environment`) and the `machine_pool` schema: the table in
/// `examples/resources/palette_cluster/machine_pools.md`, which the docs include. Run with
/// `UPDATE_POOLS=1` to rewrite the file after a change to an environment or the pool schema.
#[test]
fn the_machine_pool_table_in_the_docs_follows_the_environments() {
    use crate::environments::{LifecycleField, SizingField};

    let list = |names: &[&str]| {
        if names.is_empty() {
            "none".to_string()
        } else {
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    // The fields every environment takes alike: the pool block's own, less the sizing and
    // lifecycle fields.
    let pool_block = environments::machine_pool_block().block;
    let sizing_names: Vec<&str> = SizingField::ALL
        .iter()
        .map(|f| f.attr())
        .chain(LifecycleField::ALL.iter().map(|f| f.attr()))
        .collect();
    let common = |required: bool| -> Vec<&str> {
        pool_block
            .attributes
            .iter()
            .filter(|a| a.required == required && (a.required || a.optional))
            .map(|a| a.name.as_str())
            .filter(|name| !sizing_names.contains(name))
            .chain(
                pool_block
                    .blocks
                    .iter()
                    .filter(|b| {
                        !required
                            && !sizing_names.contains(&b.type_name.as_str())
                            && b.type_name != environments::placement::BLOCK
                    })
                    .map(|b| b.type_name.as_str())
                    // Edge's other form of `edge_hosts`, in its note.
                    .filter(|name| *name != "edge_host"),
            )
            .collect()
    };
    // Rules the checks apply across pools or values, beyond which fields a pool sets: the
    // environments' `check_pool_list` and `check` (AKS system pools, edge hosts), and what a
    // sizing field means there.
    let notes: BTreeMap<&str, &str> = BTreeMap::from([
        (
            "aks",
            "at least one pool must set `is_system_node_pool = true`, and a system pool needs \
             `count` of 1 or more; a pool with `os_type = \"Windows\"` is not a system pool and \
             has a name of 1 to 6 lowercase letters and digits; `os_type` and \
             `storage_account_type` cannot change on an existing pool (rename it to replace it)",
        ),
        (
            "edge_native",
            "a pool names its hosts with `edge_hosts` or with `edge_host` blocks (exactly one of \
             the two; the blocks are refused elsewhere), one node per host (a registered host, by uid or name, of the pool's \
             `arch_type`, amd64 when unset, checked at plan); a host can be in one pool only; an `edge_host` block's static address, mask and \
             gateway go together, the gateway in the address's subnet, and no two hosts share an \
             address; a two-node cluster's control-plane pool is two `edge_host` blocks, one \
             `two_node_role = \"primary\"` and one `\"secondary\"`",
        ),
        ("gcp", "a pool's `subnetwork` needs the cluster's `network`"),
        (
            "vsphere",
            "a pool's `placement` blocks (taken on vSphere only) override the `vsphere` block's \
             `compute_cluster`, `resource_pool`, `datastore`, `storage_policy`, `network`, \
             `ip_pool_id` and `image_template_folder` for that pool, which a pool without one takes; with `static_ip = true` \
             each placement needs an IP pool",
        ),
        (
            "maas",
            "`cpu`, `memory_mb` and `disk_size_gb` are the least a machine from `resource_pool` \
             must have; `node_tags` picks only machines carrying every tag",
        ),
        (
            "aws",
            "`az_subnets` and `additional_security_groups` need the block's `vpc_id`; \
             `az_subnets` replaces `azs` (not both), its zones are the region's, and its subnets \
             are checked at plan against the VPC's, where known",
        ),
        (
            "eks",
            "`az_subnets` and `eks_launch_template.additional_security_groups` need the block's \
             `vpc_id`; `az_subnets` replaces `azs` (not both), its zones are the region's, and its \
             subnets are checked at plan against the VPC's, where known",
        ),
    ]);
    let mut table = String::from(
        "<!-- Generated by the provider's unit test \
         `the_machine_pool_table_in_the_docs_follows_the_environments`; run it with \
         UPDATE_POOLS=1 to rewrite. -->\n\
         <a id=\"machine-pools-by-environment\"></a>\n\
         ## Machine pools by environment\n\n",
    );
    table.push_str(&format!(
        "Every `machine_pool` needs {}; {} are optional on every environment. The sizing fields \
         depend on the environment block the cluster sets: the plan fails when a pool leaves out \
         a field its environment requires, or sets one its environment does not take. Every \
         environment also checks that a pool's `count`, where set, lies within `min` .. `max` \
         (both default to the pool's size), and that a control-plane pool's `count` is not 0.\n\n\
         The lifecycle fields {} change in place; an environment takes those its machine-pool \
         API both takes and reports back, and the plan fails on the others. Palette repaves by \
         `node_repave_interval` only the worker pools of clusters that run their own control \
         plane: above 0, it is refused on a control-plane pool and where the cloud runs the \
         control plane.\n\n",
        list(&common(true)),
        list(&common(false)),
        list(&LifecycleField::ALL.map(LifecycleField::attr)),
    ));
    table.push_str(
        "| environment | required in every pool | optional | not taken (the plan fails if set) | \
         lifecycle fields taken | control-plane pool | `cloud_account_id` |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for env in environments::ALL {
        let sizing = env.sizing();
        let fields = |want: Option<bool>| -> Vec<&str> {
            SizingField::ALL
                .iter()
                .filter(|field| {
                    sizing
                        .iter()
                        .find(|s| s.field == **field)
                        .map(|s| s.required)
                        == want
                })
                .map(|field| field.attr())
                .collect()
        };
        let lifecycle: Vec<String> = LifecycleField::ALL
            .iter()
            .filter(|field| env.lifecycle().contains(field))
            .map(|field| match field {
                LifecycleField::NodeRepaveInterval if env.managed_control_plane() => {
                    format!("`{}` (0 only)", field.attr())
                }
                _ => format!("`{}`", field.attr()),
            })
            .collect();
        let lifecycle = if lifecycle.is_empty() {
            "none".to_string()
        } else {
            lifecycle.join(", ")
        };
        let control_plane = if env.managed_control_plane() {
            "none: the cloud runs the control plane, and `control_plane = true` is refused"
        } else {
            "required: a pool with `control_plane = true`"
        };
        let account = match env.account_environment() {
            Some(kind) => format!("required: an account for {}", kind.display_name()),
            None => "not taken".to_string(),
        };
        table.push_str(&format!(
            "| `{}` ({}) | {} | {} | {} | {} | {} | {} |\n",
            env.key(),
            env.display_name(),
            list(&fields(Some(true))),
            list(&fields(Some(false))),
            list(&fields(None)),
            lifecycle,
            control_plane,
            account,
        ));
    }
    assert!(
        notes.keys().all(|key| environments::by_key(key).is_some()),
        "a note for an environment that does not exist"
    );
    table.push_str("\nBeyond the table:\n\n");
    for env in environments::ALL {
        if let Some(note) = notes.get(env.key()) {
            table.push_str(&format!("- `{}`: {note}.\n", env.key()));
        }
    }
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/resources/palette_cluster/machine_pools.md");
    if std::env::var_os("UPDATE_POOLS").is_some() {
        std::fs::write(&file, &table).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == table,
        "{} is stale; run this test with UPDATE_POOLS=1 and commit it. It should read:\n{table}",
        file.display()
    );
}

/// A module that picks the environment by variable (one `dynamic` block per environment) and
/// passes `cloud_account_id` and pool fields through: at validate those are unknown, and no
/// check may read unknown as set or as absent. Once known, the same checks apply.
#[test]
fn config_checks_wait_for_unknown_values() {
    let unknown = Value::unknown;
    let cp = |instance_type: Value| {
        pool(&[
            ("name", "cp".into()),
            ("control_plane", true.into()),
            ("count", 1.into()),
            ("instance_type", instance_type),
        ])
    };
    let with_blocks = |blocks: &[(&str, Value)], account: Value, pools: Vec<Value>| {
        let mut config = base_config("aws", Value::Null, pools, None);
        for (key, block) in blocks {
            config.set(key, block.clone());
        }
        config.set("cloud_account_id", account);
        config
    };
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "every environment block unknown, account unknown",
            with_blocks(
                &[
                    ("aws", unknown()),
                    ("edge_native", unknown()),
                    ("vsphere", unknown()),
                ],
                unknown(),
                vec![cp(unknown())],
            ),
            vec![],
        ),
        (
            "one block known, another unknown",
            with_blocks(
                &[("aws", aws_block()), ("vsphere", unknown())],
                Value::from("acc"),
                vec![cp(unknown())],
            ),
            vec![],
        ),
        (
            "a known block with an unknown account and pool field",
            with_blocks(&[("aws", aws_block())], unknown(), vec![cp(unknown())]),
            vec![],
        ),
        (
            "dynamic blocks with an unknown for_each: what the template sets is unknown",
            {
                let mut aws = aws_block();
                aws.set("region", Value::unknown());
                let mut other = aws.clone();
                other.set("ssh_key_name", Value::unknown());
                with_blocks(
                    &[("aws", aws), ("gcp", other)],
                    unknown(),
                    vec![cp(unknown())],
                )
            },
            vec![],
        ),
        (
            "lifecycle fields unknown on a control-plane pool",
            with_blocks(&[("aws", aws_block())], "acc".into(), {
                let mut pool = cp("m5.large".into());
                pool.set("node_repave_interval", unknown());
                pool.set("update_strategy", unknown());
                pool.set("additional_annotations", unknown());
                vec![pool]
            }),
            vec![],
        ),
        (
            "a pool unknown as a whole",
            with_blocks(&[("aws", aws_block())], "acc".into(), vec![unknown()]),
            vec![],
        ),
        (
            "once known, two blocks still conflict",
            with_blocks(
                &[("aws", aws_block()), ("gcp", aws_block())],
                "acc".into(),
                vec![cp("m5.large".into())],
            ),
            vec!["gcp"],
        ),
        (
            "once known, a missing account is still refused",
            with_blocks(
                &[("aws", aws_block())],
                Value::Null,
                vec![cp("m5.large".into())],
            ),
            vec!["cloud_account_id"],
        ),
        (
            "force_delete_delay unknown: the default is not assumed",
            forced_delete(unknown(), "10m".into()),
            vec![],
        ),
        (
            "the delete timeout unknown: a long delay may yet fit",
            forced_delete("45m".into(), unknown()),
            vec![],
        ),
        (
            "once known, a delay past the delete timeout is refused",
            forced_delete("45m".into(), Value::Null),
            vec!["force_delete_delay"],
        ),
    ];
    for (what, config, want) in cases {
        let mut diags = Diagnostics::new();
        check_config(&config, &mut diags);
        assert_eq!(paths(&diags), want, "{what}: {diags:?}");
    }
}

/// An environment's SSH key fields may come from a `palette_ssh_key` (its `name` or its
/// `public_key`), unknown at validate and, when the key's name is itself computed, at plan: every
/// environment's checks wait for them, whether the whole value or one key of a list is unknown.
#[test]
fn ssh_key_fields_from_a_resource_may_be_unknown() {
    let mut checked = Vec::new();
    for env in environments::ALL {
        let attributes = env.attributes();
        let block_schema = Block {
            attributes: attributes.clone(),
            ..Block::new()
        };
        for attribute in attributes.iter().filter(|a| a.name.starts_with("ssh_key")) {
            let is_list = !matches!(
                attribute.kind,
                tfplugin::schema::AttributeKind::Type(tfplugin::Type::String)
            );
            let mut values = vec![Value::unknown()];
            if is_list {
                values.push(Value::List(vec![Value::unknown()]));
            }
            for value in values {
                let mut block = null_object(&block_schema);
                for required in attributes.iter().filter(|a| a.required) {
                    block.set(&required.name, "x");
                }
                block.set(&attribute.name, value.clone());
                let account = env.account_environment().map(|_| "acc");
                let config = base_config(env.key(), block, vec![Value::unknown()], account);
                let mut diags = Diagnostics::new();
                check_config(&config, &mut diags);
                let what = format!("{}.{} = {value:?}", env.key(), attribute.name);
                assert_eq!(paths(&diags), Vec::<String>::new(), "{what}: {diags:?}");
                checked.push(what);
            }
        }
    }
    assert!(checked.len() >= 10, "{checked:?}");
}

/// A valid AWS configuration with `force_delete = true`, the given delay, and a `timeouts`
/// block whose `delete` is `delete` (no block when null).
fn forced_delete(delay: Value, delete: Value) -> Value {
    let pools = vec![pool(&[
        ("name", "cp".into()),
        ("control_plane", true.into()),
        ("count", 1.into()),
        ("instance_type", "m5.large".into()),
    ])];
    let mut config = base_config("aws", Value::Null, pools, None);
    config.set("aws", aws_block());
    config.set("cloud_account_id", "acc");
    config.set("force_delete", true);
    config.set("force_delete_delay", delay);
    if !delete.is_null() {
        let mut timeouts = Value::Object(BTreeMap::new());
        timeouts.set("delete", delete);
        config.set("timeouts", timeouts);
    }
    config
}

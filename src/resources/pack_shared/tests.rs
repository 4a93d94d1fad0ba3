//! Unit tests of what the two pack resources share.

use std::collections::BTreeMap;

use palette_api::models::{ObjectReference, PackRef, PackType};
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use super::model::Setting;
use super::*;

fn object(entries: &[(&str, Value)]) -> Value {
    let mut value = Value::Object(BTreeMap::new());
    for (k, v) in entries {
        value.set(k, v.clone());
    }
    value
}

#[test]
fn prior_text_is_kept_only_when_it_means_the_same() {
    let prior = object(&[("values", Value::from("a: 1\nb: \"x\"\n"))]);
    let cases = [
        ("reordered and requoted", "b: x\na: 1", "a: 1\nb: \"x\"\n"),
        ("comment", "# note\na: 1\nb: 'x'", "a: 1\nb: \"x\"\n"),
        ("changed", "a: 2\nb: x", "a: 2\nb: x"),
        ("type change", "a: \"1\"\nb: x", "a: \"1\"\nb: x"),
    ];
    for (name, text, want) in cases {
        assert_eq!(
            keep_prior_text(text, Some(&prior), "values"),
            Value::from(want),
            "{name}"
        );
    }
    assert_eq!(keep_prior_text("a: 1", None, "values"), Value::from("a: 1"));
}

#[test]
fn unknowns_left_after_a_failed_apply_become_null() {
    let mut manifest = Value::Object(BTreeMap::new());
    manifest.set("uid", Value::unknown());
    manifest.set("name", "hello");
    let mut state = Value::Object(BTreeMap::new());
    state.set("id", "abc");
    state.set("state", Value::unknown());
    state.set("pack", Value::List(vec![manifest]));
    assert!(!state.is_fully_known());
    clear_unknowns(&mut state);
    assert!(state.is_fully_known());
    assert_eq!(state.get_str("id"), Some("abc"));
    assert!(state.get("state").is_some_and(Value::is_null));
    let pack = &state.get_elements("pack")[0];
    assert_eq!(pack.get("uid"), Some(&Value::Null));
    assert_eq!(pack.get_str("name"), Some("hello"));
}

fn manifest_pack() -> Value {
    let manifest = object(&[
        ("name", Value::from("hello")),
        ("content", Value::from("kind: ConfigMap")),
        ("uid", Value::unknown()),
    ]);
    object(&[
        ("name", Value::from("hello")),
        ("type", Value::from("manifest")),
        ("uid", Value::from(MANIFEST_PACK_UID)),
        ("layer", Value::from("addon")),
        ("values", Value::from("")),
        ("tag", Value::unknown()),
        ("manifest", Value::List(vec![manifest])),
    ])
}

#[test]
fn entities_carry_the_planned_pack_and_only_known_values() {
    let pack = PlannedPack::from_value(&manifest_pack());
    assert_eq!(pack.kind, PackType::Manifest);
    assert_eq!(pack.tag, None, "an unknown tag is not sent");
    let created = pack.create_entity();
    assert_eq!(created.uid.as_deref(), Some(MANIFEST_PACK_UID));
    let manifests = created.manifests.as_ref().unwrap();
    assert_eq!(manifests[0].content.as_deref(), Some("kind: ConfigMap"));
    let stored = PackRef {
        name: "hello".into(),
        manifests: Some(vec![ObjectReference {
            name: Some("hello".into()),
            uid: Some("m-1".into()),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let updated = pack.update_entity(Some(&stored));
    let manifests = updated.manifests.as_ref().unwrap();
    assert_eq!(manifests[0].uid.as_deref(), Some("m-1"), "the stored uid");
    assert_eq!(pack.update_entity(None).manifests.unwrap()[0].uid, None);

    let mut spectro = manifest_pack();
    spectro.set("type", "spectro");
    let spectro = PlannedPack::from_value(&spectro);
    assert!(
        spectro.create_entity().manifests.is_none(),
        "manifests only on a manifest pack"
    );
    assert!(spectro.update_entity(Some(&stored)).manifests.is_none());
}

#[test]
fn a_fill_sets_only_what_the_plan_left_unknown() {
    let mut pack = manifest_pack();
    pack.set("values", Value::unknown());
    let stored = PackRef {
        name: "hello".into(),
        version: Some("1.0.0".into()),
        values: Some("a: 1".into()),
        manifests: Some(vec![ObjectReference {
            name: Some("hello".into()),
            uid: Some("m-1".into()),
            ..Default::default()
        }]),
        ..Default::default()
    };
    fill_from_stored(&mut pack, Some(&stored));
    assert_eq!(
        pack.get_str("tag"),
        Some("1.0.0"),
        "the version stands in for a tag"
    );
    assert_eq!(pack.get_str("values"), Some("a: 1"));
    assert_eq!(
        pack.get_str("uid"),
        Some(MANIFEST_PACK_UID),
        "planned, kept"
    );
    assert_eq!(pack.get_elements("manifest")[0].get_str("uid"), Some("m-1"));
}

#[test]
fn settings_tell_unset_unknown_and_set_apart() {
    let value = object(&[
        ("a", Value::Null),
        ("b", Value::unknown()),
        ("c", Value::from("x")),
    ]);
    assert_eq!(Setting::of(&value, "a"), Setting::Unset);
    assert_eq!(Setting::of(&value, "missing"), Setting::Unset);
    assert_eq!(Setting::of(&value, "b"), Setting::Unknown);
    assert_eq!(Setting::of(&value, "c").text(), Some("x"));
}

#[test]
fn texts_are_planned_by_meaning_and_bad_yaml_is_reported_where_it_is() {
    let prior_manifest = object(&[
        ("name", Value::from("hello")),
        ("content", Value::from("a: 1\n")),
        ("uid", Value::from("m-1")),
    ]);
    let prior = object(&[
        ("values", Value::from("x: 1\n")),
        ("manifest", Value::List(vec![prior_manifest])),
    ]);
    let config_manifest = object(&[
        ("name", Value::from("hello")),
        ("content", Value::from("a:   1")),
    ]);
    let config = object(&[
        ("values", Value::from("x: [")),
        ("manifest", Value::List(vec![config_manifest.clone()])),
    ]);
    let cfg = PackConfig::from_value(&config);
    let site = PackSite {
        base: AttributePath::root("pack").index(2),
        label: "pack \"p\"".into(),
        summary: "Plan Test Error",
    };
    let mut planned = config.clone();
    let mut diags = Diagnostics::new();
    plan_texts(&cfg, &mut planned, Some(&prior), true, &site, &mut diags);
    let manifest = &planned.get_elements("manifest")[0];
    assert_eq!(
        manifest.get_str("content"),
        Some("a: 1\n"),
        "prior text kept"
    );
    assert_eq!(manifest.get_str("uid"), Some("m-1"));
    let paths: Vec<String> = diags
        .iter()
        .map(|d| d.attribute.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["pack[2].values"]);
    assert!(diags.iter().next().unwrap().detail.contains("pack \"p\""));

    let mut moved = config.clone();
    plan_texts(
        &cfg,
        &mut moved,
        Some(&prior),
        false,
        &site,
        &mut Diagnostics::new(),
    );
    assert!(
        moved.get_elements("manifest")[0]
            .get("uid")
            .unwrap()
            .is_unknown()
    );
}

#[tokio::test]
async fn a_stored_pack_reads_into_the_prior_keeping_its_text() {
    let client =
        palette_api::Client::new(palette_api::ClientConfig::new("http://127.0.0.1:9", "k"))
            .unwrap();
    let scope = palette_api::Scope::Tenant;
    // No manifests and no resolver: nothing to ask Palette.
    let stored = StoredProfile {
        client: &client,
        resolver: None,
        scope: &scope,
        uid: "p-1",
    };
    let api = PackRef {
        name: "nginx".into(),
        tag: Some("1.2.0".into()),
        values: Some("a: 1\n".into()),
        registry_uid: Some("r-1".into()),
        pack_uid: Some("u-1".into()),
        ..Default::default()
    };
    let prior = object(&[
        ("name", Value::from("nginx")),
        ("values", Value::from("a:   1")),
        ("registry_name", Value::from("Public Repo")),
    ]);
    let mut pack = prior.clone();
    stored
        .read_pack(&mut pack, &api, Some(&prior), true)
        .await
        .unwrap();
    assert_eq!(
        pack.get_str("values"),
        Some("a:   1"),
        "the same meaning, as written"
    );
    assert_eq!(pack.get_str("tag"), Some("1.2.0"));
    assert_eq!(pack.get_str("uid"), Some("u-1"));
    assert_eq!(pack.get_str("registry_uid"), Some("r-1"));
    assert_eq!(
        pack.get_str("registry_name"),
        Some("Public Repo"),
        "no resolver to ask"
    );
    assert_eq!(pack.get("manifest"), Some(&Value::List(Vec::new())));
}

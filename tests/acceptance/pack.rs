//! `palette_pack` against the emulator: packs added to a running cluster one layer at a time,
//! a values change that rolls only its layer, removal, import, plan-time refusals, and the
//! `examples/modules/monitoring` module.
//!
//! The cluster comes from `palette_cluster` in a working directory of its own (so destroying
//! the packs leaves it), built on an infra profile and an add-on profile (nginx) made through
//! the emulator's API. The cluster's layers are checked through the API with the project's
//! `ProjectUid`: [`project_get`] sends it through the harness's `Emulator::project_request`.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::support::emulator::PROJECT;
use crate::support::{Emulator, Plan, Terraform};

const HEADER: &str = r#"
terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}
"#;

/// Makes and publishes a profile at tenant scope; returns its uid.
fn make_profile(
    emu: &Emulator,
    name: &str,
    cloud: &str,
    kind: &str,
    packs: &[(&str, &str)],
) -> String {
    let body = json!({
        "metadata": {"name": name},
        "spec": {
            "version": "1.0.0",
            "template": {
                "cloudType": cloud,
                "type": kind,
                "packs": packs.iter().map(|(n, t)| json!({"name": n, "tag": t, "type": "spectro"})).collect::<Vec<_>>(),
            },
        },
    });
    let created = emu.request("POST", "/v1/clusterprofiles", Some(&body.to_string()));
    assert_eq!(
        created.status, 201,
        "creating profile {name}: {}",
        created.body
    );
    let uid = serde_json::from_str::<Value>(&created.body).unwrap()["uid"]
        .as_str()
        .unwrap()
        .to_string();
    let published = emu.request("PATCH", &format!("/v1/clusterprofiles/{uid}/publish"), None);
    assert!(
        (200..300).contains(&published.status),
        "publishing {name}: {}",
        published.body
    );
    uid
}

/// A running AWS cluster (infra profile plus an add-on profile holding nginx), applied in a
/// working directory of its own; returns that directory and the cluster's uid.
pub(crate) fn running_cluster(emu: &Emulator, name: &str) -> (Terraform, String) {
    let infra = make_profile(
        emu,
        &format!("{name}-infra"),
        "aws",
        "infra",
        &[
            ("ubuntu-aws", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-aws-ebs", "1.41.0"),
        ],
    );
    let addon = make_profile(
        emu,
        &format!("{name}-addons"),
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let tf = Terraform::new(emu);
    tf.write_config(&format!("{HEADER}{}", cluster_hcl(name, &infra, &addon)));
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.c")["id"]
        .as_str()
        .expect("the cluster's id")
        .to_string();
    (tf, uid)
}

fn cluster_hcl(name: &str, infra: &str, addon: &str) -> String {
    format!(
        r#"
data "palette_cloud_account" "aws" {{
  name = "aws-dev"
}}

resource "palette_cluster" "c" {{
  name             = "{name}"
  cloud_account_id = data.palette_cloud_account.aws.id
  aws {{
    region = "us-east-1"
  }}
  cluster_profile {{
    id = "{infra}"
  }}
  cluster_profile {{
    id = "{addon}"
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m5.large"
  }}
  machine_pool {{
    name          = "workers"
    count         = 1
    instance_type = "m5.large"
  }}
}}
"#
    )
}

/// A GET in the test project's scope (with `ProjectUid`), as JSON, with its status.
fn project_get(emu: &Emulator, path: &str) -> (u16, Value) {
    project_request(emu, "GET", path, None)
}

/// A request in the test project's scope (with `ProjectUid`): status and JSON body.
fn project_request(emu: &Emulator, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    let payload = body.map(Value::to_string);
    let response = emu.project_request(&emu.project_uid(PROJECT), method, path, payload.as_deref());
    (
        response.status,
        serde_json::from_str(&response.body).unwrap_or(Value::Null),
    )
}

/// The cluster's layers as the API reports them: pack name to (version, condition, start time,
/// profile uid).
fn layers(emu: &Emulator, cluster: &str) -> BTreeMap<String, (String, String, String, String)> {
    let (status, body) = project_get(emu, &format!("/v1/spectroclusters/{cluster}"));
    assert_eq!(status, 200, "GET cluster {cluster}: {body}");
    body["status"]["packs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
            (
                s(&p["name"]),
                (
                    s(&p["version"]),
                    s(&p["condition"]["type"]),
                    s(&p["startTime"]),
                    s(&p["profileUid"]),
                ),
            )
        })
        .collect()
}

/// The values of `pack` in the cluster's attached profiles.
fn applied_values(emu: &Emulator, cluster: &str, pack: &str) -> String {
    let (_, body) = project_get(emu, &format!("/v1/spectroclusters/{cluster}"));
    body["spec"]["clusterProfileTemplates"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["packs"].as_array().into_iter().flatten())
        .find(|p| p["name"] == pack)
        .and_then(|p| p["values"].as_str())
        .unwrap_or_default()
        .to_string()
}

fn packs_hcl(cluster: &str, prometheus_values: &str, with_cert_manager: bool) -> String {
    let mut out = format!(
        r#"
resource "palette_pack" "prometheus" {{
  cluster_id    = "{cluster}"
  name          = "prometheus-operator"
  tag           = "83.5.0"
  registry_name = "Public Repo"
  values        = <<-YAML
{prometheus_values}
  YAML
}}
"#
    );
    if with_cert_manager {
        out.push_str(&format!(
            r#"
resource "palette_pack" "cert_manager" {{
  cluster_id = "{cluster}"
  name       = "cert-manager"
  tag        = "1.20.3"
}}
"#
        ));
    }
    out
}

/// Two packs added to a running cluster in one apply (in parallel), an empty second plan,
/// equivalent values that plan clean, a values change that rolls only its layer, one pack
/// removed while the other stays, import, and destroy that leaves the cluster's own layers.
#[test]
fn packs_deploy_update_remove_import_and_destroy() {
    let emu = Emulator::start();
    let (cluster_tf, cluster) = running_cluster(&emu, "acc-pack");
    let base = layers(&emu, &cluster);
    assert_eq!(base.len(), 5, "the cluster's own layers: {base:?}");

    let tf = Terraform::new(&emu);
    let values_v1 = "    prometheus:\n      replicas: 1\n      retention: 10d";
    tf.write_config(&format!("{HEADER}{}", packs_hcl(&cluster, values_v1, true)));
    tf.init();
    tf.apply();
    let prom = tf.resource_values("palette_pack.prometheus");
    let cert = tf.resource_values("palette_pack.cert_manager");
    for (values, pack) in [(&prom, "prometheus-operator"), (&cert, "cert-manager")] {
        assert_eq!(values["id"], format!("{cluster}/{pack}"), "{values}");
        assert_eq!(values["state"], "Ready", "{values}");
        assert_eq!(values["layer"], "addon", "{values}");
        assert!(
            values["uid"].as_str().is_some_and(|u| u.len() == 24),
            "{values}"
        );
        assert!(
            values["profile_id"].as_str().is_some_and(|u| u.len() == 24),
            "{values}"
        );
    }
    let prom_profile = prom["profile_id"].as_str().unwrap().to_string();
    let cert_profile = cert["profile_id"].as_str().unwrap().to_string();
    assert_ne!(prom_profile, cert_profile);
    let after_add = layers(&emu, &cluster);
    assert_eq!(after_add.len(), 7, "{after_add:?}");
    assert_eq!(after_add["prometheus-operator"].1, "Ready");
    assert_eq!(after_add["prometheus-operator"].3, prom_profile);
    assert_eq!(after_add["cert-manager"].3, cert_profile);
    for (name, before) in &base {
        assert_eq!(
            &after_add[name], before,
            "layer {name} was touched by adding packs"
        );
    }
    // The cluster resource leaves the carriers alone.
    cluster_tf.assert_empty_plan();

    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    // The same values written differently: no change.
    tf.write_config(&format!(
        "{HEADER}{}",
        packs_hcl(
            &cluster,
            "    # a comment\n    prometheus:\n      retention: \"10d\"\n      replicas: 1",
            true
        )
    ));
    emu.assert_no_writes("a plan with equivalent values", || tf.assert_empty_plan());

    // A values change rolls only that layer.
    let values_v2 = "    prometheus:\n      replicas: 2\n      retention: 10d";
    tf.write_config(&format!("{HEADER}{}", packs_hcl(&cluster, values_v2, true)));
    assert!(matches!(tf.plan(), Plan::Changes));
    tf.apply();
    let after_update = layers(&emu, &cluster);
    assert_eq!(after_update.len(), 7, "{after_update:?}");
    for (name, before) in &after_add {
        if name == "prometheus-operator" {
            assert_eq!(after_update[name].1, "Ready");
            assert_ne!(
                after_update[name].2, before.2,
                "the prometheus layer was not redeployed"
            );
        } else {
            assert_eq!(
                &after_update[name], before,
                "layer {name} rolled on a prometheus change"
            );
        }
    }
    assert!(
        applied_values(&emu, &cluster, "prometheus-operator").contains("replicas: 2"),
        "the cluster runs the new values"
    );
    assert_eq!(
        tf.resource_values("palette_pack.prometheus")["profile_id"],
        prom_profile.as_str()
    );
    tf.assert_empty_plan();

    // Removing cert-manager leaves prometheus as it is and deletes its carrier.
    tf.write_config(&format!(
        "{HEADER}{}",
        packs_hcl(&cluster, values_v2, false)
    ));
    tf.apply();
    let after_remove = layers(&emu, &cluster);
    assert!(
        !after_remove.contains_key("cert-manager"),
        "{after_remove:?}"
    );
    assert_eq!(
        after_remove["prometheus-operator"],
        after_update["prometheus-operator"]
    );
    assert_eq!(after_remove.len(), 6);
    let (status, _) = project_get(&emu, &format!("/v1/clusterprofiles/{cert_profile}"));
    assert_eq!(status, 404, "the cert-manager carrier profile is deleted");
    tf.assert_empty_plan();

    // Import by CLUSTER_UID/PACK_NAME.
    tf.run(&["state", "rm", "palette_pack.prometheus"]);
    tf.import(
        "palette_pack.prometheus",
        &format!("{cluster}/prometheus-operator"),
    );
    assert_eq!(
        tf.resource_values("palette_pack.prometheus")["profile_id"],
        prom_profile.as_str()
    );
    tf.assert_empty_plan();

    // A pack from a profile not made by palette_pack cannot be imported.
    tf.write_config(&format!(
        "{HEADER}{}\nresource \"palette_pack\" \"nginx\" {{\n  cluster_id = \"{cluster}\"\n  name = \"nginx\"\n  tag = \"1.10.0\"\n}}\n",
        packs_hcl(&cluster, values_v2, false)
    ));
    tf.run(&[
        "import",
        "-no-color",
        "-input=false",
        "palette_pack.nginx",
        &format!("{cluster}/nginx"),
    ])
    .expect_error(r#"Import Pack Error.*cluster profile "acc-pack-addons".*Only packs deployed with palette_pack can be imported"#);
    tf.write_config(&format!(
        "{HEADER}{}",
        packs_hcl(&cluster, values_v2, false)
    ));

    // Destroy removes the pack's layer and carrier, and nothing else.
    tf.destroy();
    let after_destroy = layers(&emu, &cluster);
    assert_eq!(after_destroy.len(), 5, "{after_destroy:?}");
    for (name, before) in &base {
        assert_eq!(&after_destroy[name], before, "layer {name} was touched");
    }
    let (status, _) = project_get(&emu, &format!("/v1/clusterprofiles/{prom_profile}"));
    assert_eq!(status, 404, "the prometheus carrier profile is deleted");
    cluster_tf.assert_empty_plan();
    cluster_tf.destroy();
}

/// Bad input is refused at plan, at the attribute at fault, without a write request.
#[test]
fn bad_input_is_refused_at_plan_without_writes() {
    let emu = Emulator::start();
    let (cluster_tf, cluster) = running_cluster(&emu, "acc-pack-bad");
    let tf = Terraform::new(&emu);
    let hcl = |name: &str, tag: &str| {
        format!(
            "{HEADER}\nresource \"palette_pack\" \"bad\" {{\n  cluster_id = \"{cluster}\"\n  name       = \"{name}\"\n  tag        = \"{tag}\"\n}}\n"
        )
    };
    tf.write_config(&hcl("prometheus-operator", "83.5.0"));
    tf.init();
    let cases = [
        (
            "a core-layer pack",
            hcl("kubernetes", "1.33.10"),
            r#"Not An Add-On Pack.*name\s*=\s*"kubernetes".*k8s layer"#,
        ),
        (
            "a pack for another environment",
            hcl("karpenter", "1.14.0"),
            r#"Pack Not Made For This Environment.*name\s*=\s*"karpenter".*made for eks.*runs on aws"#,
        ),
        (
            "a name already on the stack",
            hcl("nginx", "1.10.0"),
            r#"Pack Already On The Cluster.*name\s*=\s*"nginx".*"acc-pack-bad-addons""#,
        ),
        (
            "values using a profile variable",
            hcl("prometheus-operator", "83.5.0").replace(
                "  tag        = \"83.5.0\"\n",
                "  tag        = \"83.5.0\"\n  values     = \"replicas: '{{ .spectro.var.replicas }}'\"\n",
            ),
            r#"Profile Variables Not Available.*values.*spectro\.var\.replicas"#,
        ),
        (
            "an unknown tag",
            hcl("prometheus-operator", "1.0.0"),
            r#"Unknown Pack Tag.*tag\s*=\s*"1.0.0".*tags on offer.*83.5.0"#,
        ),
        (
            "an unknown cluster",
            hcl("prometheus-operator", "83.5.0").replace(&cluster, "aaaaaaaaaaaaaaaaaaaaaaaa"),
            r#"Cluster Not Found.*cluster_id\s*=\s*"aaaaaaaaaaaaaaaaaaaaaaaa""#,
        ),
    ];
    for (what, config, pattern) in cases {
        tf.write_config(&config);
        emu.assert_no_writes(what, || {
            tf.try_plan().expect_error(pattern);
        });
    }
    cluster_tf.destroy();
}

/// The example module adds monitoring to a cluster created in the same apply (so the pack's
/// `cluster_id` is unknown while planning); destroy removes both.
#[test]
fn monitoring_module_example_applies() {
    let emu = Emulator::start();
    let infra = make_profile(
        &emu,
        "mod-infra",
        "aws",
        "infra",
        &[
            ("ubuntu-aws", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-aws-ebs", "1.41.0"),
        ],
    );
    let addon = make_profile(&emu, "mod-addons", "all", "add-on", &[("nginx", "1.10.0")]);
    let module = crate::support::workspace_root().join("examples/modules/monitoring");
    let tf = Terraform::new(&emu);
    tf.write_config(&format!(
        r#"{HEADER}{}
module "monitoring" {{
  source     = "{}"
  cluster_id = palette_cluster.c.id
  retention  = "30d"
}}

output "monitoring" {{
  value = [module.monitoring.id, module.monitoring.state]
}}

resource "palette_pack" "namespaces" {{
  cluster_id = palette_cluster.c.id
  name       = "team-namespaces"
  type       = "manifest"

  manifest {{
    name    = "namespaces"
    content = <<-YAML
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team-a
    YAML
  }}
}}
"#,
        cluster_hcl("acc-mod", &infra, &addon),
        module.display()
    ));
    tf.init();
    tf.apply();
    let state = tf.show_json();
    let cluster = tf.resource_values("palette_cluster.c")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let outputs = &state["values"]["outputs"]["monitoring"]["value"];
    assert_eq!(outputs[0], format!("{cluster}/prometheus-operator"));
    assert_eq!(outputs[1], "Ready");
    let deployed = layers(&emu, &cluster);
    assert_eq!(deployed["prometheus-operator"].1, "Ready", "{deployed:?}");
    assert!(applied_values(&emu, &cluster, "prometheus-operator").contains("30d"));
    // A manifest pack, next to it.
    let namespaces = tf.resource_values("palette_pack.namespaces");
    assert_eq!(namespaces["state"], "Ready", "{namespaces}");
    assert!(
        namespaces["manifest"][0]["uid"]
            .as_str()
            .is_some_and(|u| !u.is_empty()),
        "{namespaces}"
    );
    assert_eq!(deployed.len(), 7, "{deployed:?}");
    assert_eq!(layers(&emu, &cluster)["team-namespaces"].1, "Ready");
    tf.assert_empty_plan();
    tf.destroy();
    assert!(tf.state_list().is_empty());
}

/// A layer that fails names the pack and its message and stays in the state (tainted), then
/// deploys once the fault is gone; a tag upgrade rolls in place; drift outside Terraform (the
/// carrier detached, its values edited) shows in the plan and is repaired; a cluster deleted
/// first leaves nothing for destroy to fail on.
#[test]
fn failure_drift_and_a_deleted_cluster() {
    let emu = Emulator::start();
    let (cluster_tf, cluster) = running_cluster(&emu, "acc-pack-drift");
    let tf = Terraform::new(&emu);
    let values = "    prometheus:\n      replicas: 1";
    // Prometheus first: a failed layer blocks the add-on layers attached after it.
    tf.write_config(&format!("{HEADER}{}", packs_hcl(&cluster, values, false)));
    tf.init();
    tf.apply();
    tf.write_config(&format!("{HEADER}{}", packs_hcl(&cluster, values, true)));

    emu.set_faults(r#"{"fail_pack": "cert-manager"}"#);
    tf.try_apply()
        .expect_error(r"Pack Deployment Failed.*cert-manager 1\.20\.3.*failed on cluster");
    emu.set_faults("{}");
    let tainted = tf.state_show("palette_pack.cert_manager");
    assert!(tainted.contains("tainted"), "{tainted}");
    assert_eq!(
        tf.resource_values("palette_pack.prometheus")["state"],
        "Ready"
    );
    tf.apply();
    assert_eq!(
        tf.resource_values("palette_pack.cert_manager")["state"],
        "Ready"
    );
    assert_eq!(layers(&emu, &cluster)["cert-manager"].1, "Ready");
    tf.assert_empty_plan();

    // A tag upgrade, in place.
    let before = layers(&emu, &cluster);
    let cert_profile = tf.resource_values("palette_pack.cert_manager")["profile_id"].clone();
    tf.write_config(&format!(
        "{HEADER}{}",
        packs_hcl(&cluster, values, true).replace("1.20.3", "1.21.1")
    ));
    tf.apply();
    let after = layers(&emu, &cluster);
    assert_eq!(after["cert-manager"].0, "1.21.1");
    assert_eq!(after["cert-manager"].1, "Ready");
    assert_eq!(after["prometheus-operator"], before["prometheus-operator"]);
    assert_eq!(
        tf.resource_values("palette_pack.cert_manager")["profile_id"],
        cert_profile
    );
    tf.assert_empty_plan();
    let config = packs_hcl(&cluster, values, true).replace("1.20.3", "1.21.1");

    // An update whose layer fails keeps the new values with state Error; the next plan retries.
    emu.set_faults(r#"{"fail_pack": "prometheus-operator"}"#);
    tf.write_config(&format!(
        "{HEADER}{}",
        config.replace("replicas: 1", "replicas: 3")
    ));
    tf.try_apply()
        .expect_error(r"Pack Deployment Failed.*prometheus-operator 83\.5\.0.*failed on cluster");
    emu.set_faults("{}");
    assert_eq!(
        tf.resource_values("palette_pack.prometheus")["state"],
        "Error"
    );
    tf.write_config(&format!("{HEADER}{config}"));
    assert!(
        matches!(tf.plan(), Plan::Changes),
        "a failed layer is planned again"
    );
    tf.apply();
    assert_eq!(
        tf.resource_values("palette_pack.prometheus")["state"],
        "Ready"
    );
    assert_eq!(layers(&emu, &cluster)["prometheus-operator"].1, "Ready");
    tf.assert_empty_plan();

    // The carrier detached outside Terraform: the plan deploys the pack again.
    let prom = tf.resource_values("palette_pack.prometheus");
    let carrier = prom["profile_id"].as_str().unwrap().to_string();
    let (status, body) = project_request(
        &emu,
        "DELETE",
        &format!("/v1/spectroclusters/{cluster}/profiles"),
        Some(&json!({"profileUids": [carrier]})),
    );
    assert!((200..300).contains(&status), "detaching: {status} {body}");
    assert!(matches!(tf.plan(), Plan::Changes));
    tf.apply();
    assert_eq!(layers(&emu, &cluster)["prometheus-operator"].1, "Ready");
    assert_eq!(
        tf.resource_values("palette_pack.prometheus")["profile_id"],
        carrier.as_str(),
        "the detached carrier is adopted again"
    );
    tf.assert_empty_plan();

    // Values edited in the carrier outside Terraform: the plan puts them back.
    let (_, profile) = project_get(&emu, &format!("/v1/clusterprofiles/{carrier}"));
    let mut pack = profile["spec"]["published"]["packs"][0].clone();
    pack["values"] = json!("prometheus:\n  replicas: 9\n");
    let edit = json!({
        "metadata": {"name": profile["metadata"]["name"]},
        "spec": {"version": "1.0.0", "template": {"type": "add-on", "packs": [pack]}},
    });
    let (status, body) = project_request(
        &emu,
        "PUT",
        &format!("/v1/clusterprofiles/{carrier}"),
        Some(&edit),
    );
    assert!(
        (200..300).contains(&status),
        "editing the carrier: {status} {body}"
    );
    let (status, body) = project_request(
        &emu,
        "PATCH",
        &format!("/v1/clusterprofiles/{carrier}/publish"),
        None,
    );
    assert!((200..300).contains(&status), "publishing: {status} {body}");
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(drift.stdout.contains("replicas: 9"), "{}", drift.stdout);
    tf.apply();
    tf.assert_empty_plan();
    assert!(applied_values(&emu, &cluster, "prometheus-operator").contains("replicas: 1"));

    // The cluster deleted first: destroying the packs is not an error, and the carriers go.
    let cert_carrier = tf.resource_values("palette_pack.cert_manager")["profile_id"]
        .as_str()
        .unwrap()
        .to_string();
    cluster_tf.destroy();
    tf.write_config(&format!("{HEADER}{config}"));
    tf.run(&[
        "destroy",
        "-no-color",
        "-input=false",
        "-auto-approve",
        "-refresh=false",
    ]);
    assert!(tf.state_list().is_empty());
    for uid in [carrier, cert_carrier] {
        let (status, _) = project_get(&emu, &format!("/v1/clusterprofiles/{uid}"));
        assert_eq!(status, 404, "carrier {uid} is deleted");
    }
}

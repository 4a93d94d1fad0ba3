//! `palette_cluster_profile` (resource and data source) against the emulator, with real
//! Terraform.
//!
//! One configuration holds a core profile (infra or full) and an add-on profile for each of the
//! twelve environments, so every step runs for every environment in one Terraform run: create,
//! an empty second plan, values reformatted without a diff, a changed value as an in-place update
//! of that pack only, a version bump that keeps the old version, drift made through the API,
//! import (CLI and `-generate-config-out`) and destroy. Bad input is checked separately: each
//! case fails at plan with a diagnostic at the attribute, and the emulator sees no write.

use std::fmt::Write as _;

use crate::support::{Emulator, Plan, Terraform};

/// The provider block every configuration starts with.
const PROVIDER: &str = r#"
terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}
"#;

/// Values as first written.
const VALUES: &str =
    "pack:\n  namespace: \"kube-system\"\ncontroller:\n  replicas: 2\n  image: 'nginx:1.25'\n";
/// The same values reordered, requoted, in flow style and with comments.
const VALUES_REFORMATTED: &str = "# reformatted by hand\ncontroller:\n  image: \"nginx:1.25\"   # same image\n  replicas: 2\npack: {namespace: kube-system}\n";
/// The values with one real change.
const VALUES_CHANGED: &str =
    "pack:\n  namespace: \"kube-system\"\ncontroller:\n  replicas: 3\n  image: 'nginx:1.25'\n";
/// A manifest as first written.
const MANIFEST: &str =
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello\ndata:\n  greeting: hi\n";
/// The same manifest, reformatted.
const MANIFEST_REFORMATTED: &str = "kind: ConfigMap\napiVersion: v1\ndata: {greeting: \"hi\"}\nmetadata:\n  name: 'hello'  # the name\n";

/// One environment's core profile: its key, its type and its four core packs (name, tag), plus
/// an add-on pack made for it when the profile is a full one.
struct Core {
    env: &'static str,
    kind: &'static str,
    packs: [(&'static str, &'static str); 4],
    addon: Option<(&'static str, &'static str)>,
}

/// The twelve environments, with packs the emulator seeds for each.
const CORES: [Core; 12] = [
    Core {
        env: "aws",
        kind: "infra",
        packs: [
            ("ubuntu-aws", "22.04"),
            ("kubernetes", "1.32.10"),
            ("cni-calico", "3.29.3"),
            ("csi-aws-ebs", "1.41.0"),
        ],
        addon: None,
    },
    Core {
        env: "azure",
        kind: "full",
        packs: [
            ("ubuntu-azure", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico-azure", "3.29.3"),
            ("csi-azure", "1.32.0"),
        ],
        addon: Some(("prometheus-agent", "29.2.1")),
    },
    Core {
        env: "gcp",
        kind: "infra",
        packs: [
            ("ubuntu-gcp", "22.04"),
            ("kubernetes", "1.34.9"),
            ("cni-calico", "3.30.3"),
            ("csi-gcp-driver", "1.15.4"),
        ],
        addon: None,
    },
    Core {
        env: "tke",
        kind: "full",
        packs: [
            ("ubuntu-tke", "18.04"),
            ("kubernetes-tke", "1.24.4"),
            ("cni-tke-global-router", "1.0"),
            ("csi-tke", "1.0"),
        ],
        addon: Some(("nginx", "1.10.0")),
    },
    Core {
        env: "eks",
        kind: "full",
        packs: [
            ("amazon-linux-eks", "1.0.0"),
            ("kubernetes-eks", "1.29"),
            ("cni-aws-vpc-eks", "1.0"),
            ("csi-aws-ebs", "1.53.0"),
        ],
        addon: Some(("karpenter", "1.5.1")),
    },
    Core {
        env: "aks",
        kind: "infra",
        packs: [
            ("ubuntu-aks", "22.04"),
            ("kubernetes-aks", "1.29"),
            ("cni-azure", "1.6.32-0"),
            ("csi-azure", "1.33.4"),
        ],
        addon: None,
    },
    Core {
        env: "gke",
        kind: "infra",
        packs: [
            ("cos-gke", "1.0.0"),
            ("kubernetes-gke", "1.29"),
            ("cni-calico", "3.29.3"),
            ("gke-csi-gcp-driver", "1.0.0"),
        ],
        addon: None,
    },
    Core {
        env: "vsphere",
        kind: "full",
        packs: [
            ("ubuntu-vsphere", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-cilium-oss", "1.15.3"),
            ("csi-vsphere-csi", "3.3.1"),
        ],
        addon: Some(("traefik", "39.0.8")),
    },
    Core {
        env: "nutanix",
        kind: "infra",
        packs: [
            ("generic-byoi", "1.0.0"),
            ("kubernetes", "1.32.10"),
            ("cni-calico", "3.29.3"),
            ("nutanix-csi", "2.6.6"),
        ],
        addon: None,
    },
    Core {
        env: "openstack",
        kind: "infra",
        packs: [
            ("ubuntu-openstack", "22.04"),
            ("kubernetes", "1.32.10"),
            ("cni-calico", "3.29.3"),
            ("csi-openstack-cinder", "1.21"),
        ],
        addon: None,
    },
    Core {
        env: "maas",
        kind: "full",
        packs: [
            ("ubuntu-maas", "22.04"),
            ("kubernetes", "1.35.3"),
            ("cni-calico", "3.29.3"),
            ("csi-maas-volume", "1.0.0"),
        ],
        addon: Some(("cert-manager", "1.20.2")),
    },
    Core {
        env: "edge_native",
        kind: "infra",
        packs: [
            ("edge-native-byoi", "2.1.0"),
            ("edge-k3s", "1.33.10"),
            ("cni-calico", "3.29.3"),
            ("piraeus-operator", "2.9.0"),
        ],
        addon: None,
    },
];

/// The text of one step of the lifecycle.
#[derive(Clone, Copy)]
struct Step {
    /// Values of every profile's k8s and add-on packs.
    values: &'static str,
    /// Manifest content of every add-on profile.
    manifest: &'static str,
    /// Values of the AWS core profile's k8s pack (the one that changes).
    aws_k8s_values: &'static str,
    /// Version of the AWS add-on profile (the one that gets a new version).
    aws_addon_version: &'static str,
}

const FIRST: Step = Step {
    values: VALUES,
    manifest: MANIFEST,
    aws_k8s_values: VALUES,
    aws_addon_version: "1.0.0",
};

/// An HCL string literal (Rust's escapes are HCL's for this ASCII text).
fn hcl(text: &str) -> String {
    format!("{text:?}")
}

/// The address of the core profile of `env`.
fn core_address(env: &str) -> String {
    format!("palette_cluster_profile.core_{env}")
}

/// The address of the add-on profile of `env`.
fn addon_address(env: &str) -> String {
    format!("palette_cluster_profile.addon_{env}")
}

/// The HCL of one core profile.
fn core_hcl(core: &Core, step: Step) -> String {
    let mut out = format!(
        "resource \"palette_cluster_profile\" \"core_{env}\" {{\n  name        = \"acc-core-{env}\"\n  \
         description = \"core layers for {env}\"\n  tags        = {{ env = \"{env}\", suite = \"acc\" }}\n  \
         type        = \"{kind}\"\n  environment = \"{env}\"\n",
        env = core.env,
        kind = core.kind
    );
    for (i, (name, tag)) in core.packs.iter().enumerate() {
        write!(
            out,
            "  pack {{\n    name = \"{name}\"\n    tag  = \"{tag}\"\n"
        )
        .unwrap();
        if i == 0 {
            out.push_str("    registry_name = \"Public Repo\"\n");
        }
        if i == 1 {
            let values = if core.env == "aws" {
                step.aws_k8s_values
            } else {
                step.values
            };
            writeln!(out, "    values = {}", hcl(values)).unwrap();
        }
        out.push_str("  }\n");
    }
    if let Some((name, tag)) = core.addon {
        writeln!(
            out,
            "  pack {{\n    name   = \"{name}\"\n    tag    = \"{tag}\"\n    values = {}\n  }}",
            hcl(step.values)
        )
        .unwrap();
    }
    out.push_str("}\n");
    out
}

/// The HCL of one add-on profile (tenant context, a spectro pack and a manifest pack).
fn addon_hcl(env: &str, step: Step) -> String {
    let version = if env == "aws" {
        step.aws_addon_version
    } else {
        "1.0.0"
    };
    format!(
        r#"resource "palette_cluster_profile" "addon_{env}" {{
  name        = "acc-addon-{env}"
  version     = "{version}"
  context     = "tenant"
  environment = "{env}"
  pack {{
    name   = "cert-manager"
    tag    = "1.20.3"
    values = {values}
  }}
  pack {{
    name = "greeting"
    type = "manifest"
    manifest {{
      name    = "hello"
      content = {manifest}
    }}
  }}
  variable {{
    name          = "domain"
    display_name  = "Domain"
    default_value = "example.com"
    required      = true
  }}
}}
"#,
        values = hcl(step.values),
        manifest = hcl(step.manifest),
    )
}

/// The whole lifecycle configuration: every environment's two profiles, a profile whose
/// values are unknown until apply, and the data source.
fn lifecycle_config(step: Step) -> String {
    let mut out = PROVIDER.to_string();
    for core in &CORES {
        out.push_str(&core_hcl(core, step));
        out.push_str(&addon_hcl(core.env, step));
    }
    out.push_str(
        r#"
resource "terraform_data" "later" {
  input = "known-after-apply"
}

resource "palette_cluster_profile" "unknown_values" {
  name = "acc-unknown-values"
  pack {
    name   = "nginx"
    tag    = "1.10.0"
    values = "marker: ${terraform_data.later.output}\n"
  }
}

data "palette_cluster_profile" "core_aws" {
  name       = "acc-core-aws"
  depends_on = [palette_cluster_profile.core_aws]
}
"#,
    );
    out
}

/// Sends a request to the emulator's API in tenant scope and returns the parsed body.
fn api(emu: &Emulator, method: &str, path: &str, body: Option<&str>) -> serde_json::Value {
    let response = emu.request(method, path, body);
    assert!(
        (200..300).contains(&response.status),
        "{method} {path}: {} {}",
        response.status,
        response.body
    );
    if response.body.trim().is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(&response.body)
            .unwrap_or_else(|e| panic!("{method} {path} is not JSON ({e}): {}", response.body))
    }
}

/// The versions of tenant profile `name`, as the API lists them.
fn tenant_versions(emu: &Emulator, name: &str) -> Vec<String> {
    let list = api(emu, "GET", "/v1/dashboard/clusterprofiles/metadata", None);
    let mut versions: Vec<String> = list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["metadata"]["name"] == name)
        .filter_map(|p| p["spec"]["version"].as_str().map(str::to_owned))
        .collect();
    versions.sort();
    versions
}

/// Counts the lines of a plan that start (after indentation) with `prefix`.
fn count_lines(text: &str, prefix: &str) -> usize {
    text.lines()
        .filter(|l| l.trim_start().starts_with(prefix))
        .count()
}

#[test]
fn lifecycle_in_every_environment() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_config(&lifecycle_config(FIRST));
    tf.init();
    tf.apply();

    // Every pack is resolved, in stack order, with its layer.
    for core in &CORES {
        let values = tf.resource_values(&core_address(core.env));
        let packs = values["pack"].as_array().expect("pack list");
        let layers: Vec<&str> = packs.iter().map(|p| p["layer"].as_str().unwrap()).collect();
        assert_eq!(&layers[..4], ["os", "k8s", "cni", "csi"], "{}", core.env);
        assert!(
            packs
                .iter()
                .all(|p| p["uid"].as_str().is_some_and(|u| !u.is_empty()))
        );
        let addon = tf.resource_values(&addon_address(core.env));
        assert_eq!(addon["pack"][1]["uid"], "spectro-manifest-pack");
        assert!(addon["pack"][1]["manifest"][0]["uid"].as_str().is_some());
    }
    let data = tf.resource_values("data.palette_cluster_profile.core_aws");
    assert_eq!(data["type"], "infra");
    assert_eq!(data["environment"], "aws");
    assert_eq!(data["version"], "1.0.0");
    assert_eq!(data["pack"].as_array().map(Vec::len), Some(4));
    assert_eq!(data["pack"][3]["layer"], "csi");

    // A second plan is empty, and planning writes nothing.
    emu.assert_no_writes("the second plan", || tf.assert_empty_plan());

    // Reformatted values and manifests mean the same: still no diff.
    let reformatted = Step {
        values: VALUES_REFORMATTED,
        manifest: MANIFEST_REFORMATTED,
        aws_k8s_values: VALUES_REFORMATTED,
        ..FIRST
    };
    tf.write_config(&lifecycle_config(reformatted));
    emu.assert_no_writes("planning reformatted values", || tf.assert_empty_plan());

    // A real change is an in-place update of that one pack.
    let changed = Step {
        aws_k8s_values: VALUES_CHANGED,
        ..reformatted
    };
    tf.write_config(&lifecycle_config(changed));
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}\n{}", plan.stdout, plan.stderr);
    assert!(
        plan.stdout
            .contains("Plan: 0 to add, 1 to change, 0 to destroy."),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stdout
            .contains("# palette_cluster_profile.core_aws will be updated in-place"),
        "{}",
        plan.stdout
    );
    assert_eq!(count_lines(&plan.stdout, "~ pack {"), 1, "{}", plan.stdout);
    assert_eq!(count_lines(&plan.stdout, "~ values"), 1, "{}", plan.stdout);
    tf.apply();
    tf.assert_empty_plan();

    // A new version is a new object; the old one stays.
    let old_uid = tf.resource_values(&addon_address("aws"))["id"].clone();
    let bumped = Step {
        aws_addon_version: "1.1.0",
        ..changed
    };
    tf.write_config(&lifecycle_config(bumped));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("(known after apply)"),
        "the id of a new version is unknown until apply:\n{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let new_uid = tf.resource_values(&addon_address("aws"))["id"].clone();
    assert_ne!(old_uid, new_uid);
    assert_eq!(tenant_versions(&emu, "acc-addon-aws"), ["1.0.0", "1.1.0"]);
    let old = api(
        &emu,
        "GET",
        &format!("/v1/clusterprofiles/{}", old_uid.as_str().unwrap()),
        None,
    );
    assert_eq!(old["spec"]["version"], "1.0.0");

    // Drift: a value changed through the API shows as an update, a profile deleted through the
    // API as a create.
    let drifted = tf.resource_values(&addon_address("gcp"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = serde_json::json!({
        "metadata": {"name": "acc-addon-gcp"},
        "spec": {
            "version": "1.0.0",
            "template": {"type": "add-on", "packs": [
                {"name": "cert-manager", "tag": "1.20.3", "type": "spectro", "values": "drifted: true\n"},
                {"name": "greeting", "type": "manifest", "layer": "addon",
                 "uid": "spectro-manifest-pack",
                 "manifests": [{"name": "hello", "content": MANIFEST}]},
            ]},
        },
    });
    api(
        &emu,
        "PUT",
        &format!("/v1/clusterprofiles/{drifted}"),
        Some(&body.to_string()),
    );
    api(
        &emu,
        "PATCH",
        &format!("/v1/clusterprofiles/{drifted}/publish"),
        None,
    );
    let deleted = tf.resource_values(&addon_address("gke"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api(
        &emu,
        "DELETE",
        &format!("/v1/clusterprofiles/{deleted}"),
        None,
    );
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}\n{}", plan.stdout, plan.stderr);
    assert!(
        plan.stdout
            .contains("# palette_cluster_profile.addon_gcp will be updated in-place"),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stdout
            .contains("# palette_cluster_profile.addon_gke will be created"),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stdout
            .contains("Plan: 1 to add, 1 to change, 0 to destroy."),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // Import with generated configuration plans clean, for every profile.
    let imported = Terraform::new(&emu);
    let mut blocks = PROVIDER.to_string();
    for core in &CORES {
        let env = core.env;
        writeln!(
            blocks,
            "import {{\n  to = {}\n  id = \"acc-core-{env}@1.0.0\"\n}}",
            core_address(env)
        )
        .unwrap();
        writeln!(
            blocks,
            "import {{\n  to = {}\n  id = \"tenant/acc-addon-{env}\"\n}}",
            addon_address(env)
        )
        .unwrap();
    }
    imported.write_config(&blocks);
    imported.init();
    let generated = imported.run(&[
        "plan",
        "-no-color",
        "-input=false",
        "-generate-config-out=generated.tf",
    ]);
    assert!(
        generated
            .stdout
            .contains("Plan: 24 to import, 0 to add, 0 to change, 0 to destroy."),
        "{}\n{}",
        generated.stdout,
        generated.stderr
    );
    let again = imported.run(&["plan", "-no-color", "-input=false"]);
    assert!(
        again
            .stdout
            .contains("Plan: 24 to import, 0 to add, 0 to change, 0 to destroy."),
        "the generated configuration plans changes:\n{}\n{}",
        again.stdout,
        again.stderr
    );

    // CLI import by NAME@VERSION, by uid and by tenant/NAME (newest) plans clean against the
    // configuration as written.
    let cli = Terraform::new(&emu);
    let mut config = PROVIDER.to_string();
    config.push_str(&core_hcl(&CORES[0], bumped));
    config.push_str(&core_hcl(&CORES[1], bumped));
    config.push_str(&addon_hcl("aws", bumped));
    config.push_str(&addon_hcl("gcp", bumped));
    cli.write_config(&config);
    cli.init();
    cli.import(&core_address("aws"), "acc-core-aws@1.0.0");
    let azure_uid = tf.resource_values(&core_address("azure"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    cli.import(&core_address("azure"), &azure_uid);
    cli.import(&addon_address("aws"), "tenant/acc-addon-aws");
    assert_eq!(
        cli.resource_values(&addon_address("aws"))["version"],
        "1.1.0"
    );
    // A tenant profile imported by its bare uid still lands in the tenant context.
    let gcp_uid = tf.resource_values(&addon_address("gcp"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    cli.import(&addon_address("gcp"), &gcp_uid);
    assert_eq!(
        cli.resource_values(&addon_address("gcp"))["context"],
        "tenant"
    );
    cli.assert_empty_plan();

    // Destroy removes the current versions and leaves the old one to its clusters.
    tf.destroy();
    assert!(tf.state_list().is_empty());
    assert_eq!(tenant_versions(&emu, "acc-addon-aws"), ["1.0.0"]);
    assert!(tenant_versions(&emu, "acc-addon-gcp").is_empty());
}

/// A configuration of profiles with one mistake each, a pattern of the diagnostic it must
/// produce (on the flattened output, after the attribute's source line), and the address.
struct BadCase {
    what: &'static str,
    hcl: &'static str,
    pattern: &'static str,
}

/// Mistakes Terraform finds while validating (before the provider plans).
const VALIDATE_CASES: [BadCase; 2] = [
    BadCase {
        what: "an unknown environment",
        hcl: r#"
resource "palette_cluster_profile" "unknown_environment" {
  name        = "bad-env-name"
  environment = "mars"
  pack {
    name = "nginx"
    tag  = "1.10.0"
  }
}
"#,
        pattern: r#"with palette_cluster_profile\.unknown_environment, on main\.tf line \d+, in resource "palette_cluster_profile" "unknown_environment": \d+: environment = "mars" .*edge_native"#,
    },
    BadCase {
        what: "duplicate pack names",
        hcl: r#"
resource "palette_cluster_profile" "duplicate" {
  name = "bad-duplicate"
  pack {
    name = "nginx"
    tag  = "1.10.0"
  }
  pack {
    name = "nginx"
    tag  = "0.43.0"
  }
}
"#,
        pattern: r#"Error: Duplicate Pack with palette_cluster_profile\.duplicate, on main\.tf line \d+, in resource "palette_cluster_profile" "duplicate": \d+: name = "nginx" pack\[1\] uses the same name "nginx" as pack\[0\]"#,
    },
];

/// Mistakes the provider finds while planning.
const PLAN_CASES: [BadCase; 7] = [
    BadCase {
        what: "a missing layer",
        hcl: r#"
resource "palette_cluster_profile" "missing_layer" {
  name        = "bad-missing-layer"
  type        = "infra"
  environment = "aws"
  pack {
    name = "ubuntu-aws"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes"
    tag  = "1.32.10"
  }
  pack {
    name = "cni-calico"
    tag  = "3.29.3"
  }
}
"#,
        pattern: r#"Error: Invalid Stack with palette_cluster_profile\.missing_layer, .*the profile has no csi pack"#,
    },
    BadCase {
        what: "layers out of order",
        hcl: r#"
resource "palette_cluster_profile" "out_of_order" {
  name        = "bad-order"
  type        = "infra"
  environment = "aws"
  pack {
    name = "kubernetes"
    tag  = "1.32.10"
  }
  pack {
    name = "ubuntu-aws"
    tag  = "22.04"
  }
  pack {
    name = "cni-calico"
    tag  = "3.29.3"
  }
  pack {
    name = "csi-aws-ebs"
    tag  = "1.41.0"
  }
}
"#,
        pattern: r#"Error: Invalid Stack with palette_cluster_profile\.out_of_order, on main\.tf line \d+, in resource "palette_cluster_profile" "out_of_order": \d+: name = "ubuntu-aws" pack\[1\] "ubuntu-aws" is an os pack but comes after"#,
    },
    BadCase {
        what: "two CNI packs",
        hcl: r#"
resource "palette_cluster_profile" "two_cni" {
  name        = "bad-two-cni"
  type        = "full"
  environment = "vsphere"
  pack {
    name = "ubuntu-vsphere"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes"
    tag  = "1.32.10"
  }
  pack {
    name = "cni-calico"
    tag  = "3.29.3"
  }
  pack {
    name = "cni-cilium-oss"
    tag  = "1.15.3"
  }
  pack {
    name = "csi-vsphere-csi"
    tag  = "3.3.1"
  }
}
"#,
        pattern: r#"Error: Invalid Stack with palette_cluster_profile\.two_cni, on main\.tf line \d+, in resource "palette_cluster_profile" "two_cni": \d+: name = "cni-cilium-oss" pack\[3\] "cni-cilium-oss" is a second cni pack"#,
    },
    BadCase {
        what: "an unknown pack",
        hcl: r#"
resource "palette_cluster_profile" "unknown_pack" {
  name = "bad-unknown-pack"
  pack {
    name = "no-such-pack"
    tag  = "1.0.0"
  }
}
"#,
        pattern: r#"Error: Unknown Pack with palette_cluster_profile\.unknown_pack, on main\.tf line \d+, in resource "palette_cluster_profile" "unknown_pack": \d+: name = "no-such-pack" registry "Public Repo" has no pack named "no-such-pack""#,
    },
    BadCase {
        what: "an unknown tag",
        hcl: r#"
resource "palette_cluster_profile" "unknown_tag" {
  name = "bad-unknown-tag"
  pack {
    name = "nginx"
    tag  = "9.9.9"
  }
}
"#,
        pattern: r#"Error: Unknown Pack Tag with palette_cluster_profile\.unknown_tag, on main\.tf line \d+, in resource "palette_cluster_profile" "unknown_tag": \d+: tag = "9\.9\.9" pack "nginx" has no tag "9\.9\.9"; tags on offer: 0\.43\.0, 1\.10\.0"#,
    },
    BadCase {
        what: "a pack for another environment",
        hcl: r#"
resource "palette_cluster_profile" "other_environment" {
  name        = "bad-other-environment"
  environment = "aks"
  pack {
    name = "karpenter"
    tag  = "1.5.1"
  }
}
"#,
        pattern: r#"Error: Invalid Stack with palette_cluster_profile\.other_environment, on main\.tf line \d+, in resource "palette_cluster_profile" "other_environment": \d+: name = "karpenter" pack\[0\] "karpenter" is made for eks, not for aks"#,
    },
    BadCase {
        what: "malformed YAML",
        hcl: r#"
resource "palette_cluster_profile" "malformed" {
  name = "bad-yaml"
  pack {
    name   = "nginx"
    tag    = "1.10.0"
    values = "controller:\n  replicas: [1, 2\n"
  }
}
"#,
        pattern: r#"Error: Invalid Pack Values with palette_cluster_profile\.malformed, on main\.tf line \d+, in resource "palette_cluster_profile" "malformed": \d+: values = .* are not valid YAML: line \d+, column \d+"#,
    },
];

/// Plans `cases` together in one configuration and checks that each is reported at its
/// attribute and that nothing was written.
fn plan_fails_with(cases: &[BadCase]) {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let mut config = PROVIDER.to_string();
    for case in cases {
        config.push_str(case.hcl);
    }
    tf.write_config(&config);
    tf.init();
    let out = emu.assert_no_writes("planning bad profiles", || tf.try_plan());
    for case in cases {
        eprintln!("checking {}", case.what);
        out.expect_error(case.pattern);
    }
}

#[test]
fn bad_profiles_fail_at_validation_without_writes() {
    plan_fails_with(&VALIDATE_CASES);
}

#[test]
fn bad_profiles_fail_at_plan_without_writes() {
    plan_fails_with(&PLAN_CASES);
}

/// A profile version made outside the configuration is not adopted: creating it again fails
/// with the import ID to use, and a version bump onto an existing version fails at plan.
#[test]
fn existing_versions_are_not_taken_over() {
    let emu = Emulator::start();
    let first = Terraform::new(&emu);
    let profile = |version: &str| {
        format!(
            "{PROVIDER}\nresource \"palette_cluster_profile\" \"x\" {{\n  name    = \"acc-taken\"\n  \
             version = \"{version}\"\n  pack {{\n    name = \"nginx\"\n    tag  = \"1.10.0\"\n  }}\n}}\n"
        )
    };
    first.write_config(&profile("1.0.0"));
    first.init();
    first.apply();
    first.write_config(&profile("2.0.0"));
    first.apply();

    // Another configuration creating the same version.
    let second = Terraform::new(&emu);
    second.write_config(&profile("2.0.0"));
    second.init();
    second.try_apply().expect_error(
        r#"Error: Cluster Profile Version Exists .*terraform import <address> acc-taken@2\.0\.0"#,
    );
    assert!(second.state_list().is_empty());

    // Moving back onto the version left behind is flagged while planning (a warning, since
    // Terraform also plans before a destroy, when the version is moot) and refused at apply,
    // leaving the state on the version it had.
    first.write_config(&profile("1.0.0"));
    let out = emu.assert_no_writes("planning a taken version", || first.try_plan());
    assert_eq!(
        out.code,
        Some(2),
        "the plan must show the change with a warning: {out:?}"
    );
    let text = format!("{}{}", out.stdout, out.stderr);
    assert!(
        text.contains("Warning: Cluster Profile Version Exists")
            && text.contains("already exists in Palette"),
        "{text}"
    );
    first
        .try_apply()
        .expect_error(r#"Error: Update Cluster Profile Error"#);
    assert_eq!(
        first.resource_values("palette_cluster_profile.x")["version"],
        "2.0.0"
    );
    first.write_config(&profile("2.0.0"));
    assert_eq!(first.plan(), Plan::NoChanges);
}

/// Changing what forces a new profile (here the environment) replaces it cleanly, although
/// the replacement has the same name and version.
#[test]
fn environment_change_replaces_the_profile() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let profile = |environment: &str| {
        format!(
            "{PROVIDER}\nresource \"palette_cluster_profile\" \"x\" {{\n  name        = \"acc-replaced\"\n  \
             environment = \"{environment}\"\n  pack {{\n    name = \"nginx\"\n    tag  = \"1.10.0\"\n  }}\n}}\n"
        )
    };
    tf.write_config(&profile("aws"));
    tf.init();
    tf.apply();
    let before = tf.resource_values("palette_cluster_profile.x")["id"].clone();
    tf.write_config(&profile("gcp"));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("must be replaced") && plan.stdout.contains("forces replacement"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let after = tf.resource_values("palette_cluster_profile.x");
    assert_ne!(after["id"], before);
    assert_eq!(after["environment"], "gcp");
}

/// Reads an example file of the repository.
fn example(path: &str) -> String {
    let full = crate::support::workspace_root().join("examples").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("reading {}: {e}", full.display()))
}

/// The documented examples apply as written, plan clean afterwards, and their import commands
/// import into a configuration that plans clean.
#[test]
fn examples_apply_and_import() {
    let emu = Emulator::start();
    let provider = example("provider/provider.tf");
    let resource = example("resources/palette_cluster_profile/resource.tf");
    let tf = Terraform::new(&emu);
    tf.write_file("provider.tf", &provider);
    tf.write_file("resource.tf", &resource);
    tf.write_file(
        "data-source.tf",
        &example("data-sources/palette_cluster_profile/data-source.tf"),
    );
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let outputs = tf.show_json()["values"]["outputs"].clone();
    assert_eq!(
        outputs["base_layers"]["value"]["csi"], "csi-aws-ebs:1.41.0",
        "{outputs}"
    );
    assert_eq!(
        outputs["addons_id"]["value"],
        tf.resource_values("palette_cluster_profile.addons")["id"]
    );

    let imported = Terraform::new(&emu);
    imported.write_file("provider.tf", &provider);
    imported.write_file("resource.tf", &resource);
    imported.init();
    let commands = example("resources/palette_cluster_profile/import.sh");
    let mut count = 0;
    for line in commands
        .lines()
        .filter(|l| l.starts_with("terraform import "))
    {
        let args: Vec<&str> = line.split_whitespace().collect();
        imported.import(args[2], args[3]);
        count += 1;
    }
    assert_eq!(count, 2, "import.sh should import both example profiles");
    imported.assert_empty_plan();

    tf.destroy();
    assert!(tf.state_list().is_empty());
}

/// Deleting a profile version that a cluster uses fails, naming the cluster, and leaves the
/// profile in state.
#[test]
fn deleting_a_profile_in_use_names_the_clusters() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let mut config = PROVIDER.to_string();
    config.push_str(&core_hcl(&CORES[11], FIRST));
    tf.write_config(&config);
    tf.init();
    tf.apply();
    let profile_uid = tf.resource_values(&core_address("edge_native"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let project_uid = emu.project_uid(crate::support::emulator::PROJECT);
    let hosts = emu.project_request(&project_uid, "GET", "/v1/edgehosts/metadata", None);
    assert_eq!(hosts.status, 200, "{}", hosts.body);
    let hosts: serde_json::Value = serde_json::from_str(&hosts.body).expect("edge hosts as JSON");
    let host = hosts["edgeHosts"][0]["uid"]
        .as_str()
        .expect("an edge host is seeded")
        .to_owned();
    let cluster = serde_json::json!({
        "metadata": {"name": "acc-user-cluster"},
        "spec": {"profiles": [{"uid": profile_uid}], "cloudConfig": {}, "machinepoolconfig": [
            {"cloudConfig": {"edgeHosts": [{"hostUid": host}]},
             "poolConfig": {"name": "cp", "size": 1, "isControlPlane": true, "labels": ["control-plane"]}}]},
    });
    let created = emu.project_request(
        &project_uid,
        "POST",
        "/v1/spectroclusters/edge-native",
        Some(&cluster.to_string()),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    tf.run(&["destroy", "-no-color", "-input=false", "-auto-approve"])
        .expect_error(
            r#"Error: Cluster Profile In Use .*is used by these clusters: acc-user-cluster"#,
        );
    assert_eq!(tf.state_list(), [core_address("edge_native")]);
}

/// A plan of many profiles that share packs asks the registry once per distinct pack: lookups
/// are cached for the provider process, and concurrent askers wait for the one request.
#[test]
fn a_plan_asks_once_per_distinct_pack() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let mut config = PROVIDER.to_string();
    for i in 0..40 {
        let _ = write!(
            config,
            "resource \"palette_cluster_profile\" \"p{i}\" {{\n  name = \"shared-{i}\"\n  \
             pack {{\n    name = \"nginx\"\n    tag  = \"1.10.0\"\n  }}\n  pack {{\n    \
             name = \"cert-manager\"\n    tag  = \"1.21.1\"\n  }}\n}}\n"
        );
    }
    tf.write_config(&config);
    tf.init();
    emu.reset_stats();
    assert_eq!(tf.plan(), Plan::Changes);
    let stats = emu.stats();
    assert_eq!(
        stats.count("GET /v1/packs/{packName}/registries/{registryUid}"),
        2,
        "80 pack references, 2 distinct packs: {stats:?}"
    );
    assert!(
        stats.writes().is_empty(),
        "a plan wrote: {:?}",
        stats.writes()
    );
}

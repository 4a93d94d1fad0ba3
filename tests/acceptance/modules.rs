//! Module libraries: `examples/modules/cluster/`, a module that deploys one cluster on whichever
//! environment its caller names, with one `dynamic` block per environment. At validate every
//! module input is unknown, so these tests prove the provider's checks wait for known values
//! instead of reading "unknown" as set; then the module applies on all twelve environments and
//! its own `terraform test` file passes.

use crate::cluster::{CASES, HEADER, infra_profile};
use crate::support::terraform::Terraform;
use crate::support::{Emulator, workspace_root};

/// The module's own files (`*.tf`, and `tests/` with its set-up module) copied into `tf`'s
/// directory, under `dir`.
fn copy_module(tf: &Terraform, dir: &str) {
    let root = workspace_root().join("examples/modules/cluster");
    for file in [
        "main.tf",
        "variables.tf",
        "outputs.tf",
        "tests/cluster.tftest.hcl",
        "tests/setup/main.tf",
    ] {
        let text = std::fs::read_to_string(root.join(file))
            .unwrap_or_else(|e| panic!("reading examples/modules/cluster/{file}: {e}"));
        tf.write_file(&format!("{dir}{file}"), &text);
    }
}

/// HCL attribute lines (`count = 1\n    instance_type = "..."`) on one line, comma-separated.
fn attrs(lines: &str) -> String {
    let attrs: Vec<&str> = lines
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    attrs.join(", ")
}

/// One module instance per environment (`for_each` over a map keyed by environment), each with
/// its environment's settings, account and pools; the module picks its block by variable.
#[test]
fn the_cluster_module_deploys_on_every_environment_chosen_by_variable() {
    let emu = Emulator::start();
    let mut entries = String::new();
    for case in CASES {
        let profile = infra_profile(&emu, case, "1.0.0", None);
        let account = match case.account {
            Some(name) => format!("\"{name}\""),
            None => "null".to_string(),
        };
        let (first, role) = if case.managed {
            ("system", "")
        } else {
            ("cp", "control_plane = true, ")
        };
        let extra = if case.key == "edge_native" {
            r#"edge_hosts = ["edge-host-4"]"#.to_string()
        } else {
            case.sizing[1].to_string()
        };
        let pools = [
            format!("{{ name = \"{first}\", {role}{} }}", attrs(case.sizing[0])),
            format!("{{ name = \"workers\", {} }}", attrs(&extra)),
        ];
        let settings = attrs(case.block);
        let pools = pools.join(", ");
        entries.push_str(&format!(
            "    {key} = {{\n      account  = {account}\n      profile  = \"{profile}\"\n      settings = {{ {settings} }}\n      pools    = [{pools}]\n    }}\n",
            key = case.key,
        ));
    }
    let tf = Terraform::new(&emu);
    copy_module(&tf, "modules/cluster/");
    tf.write_config(&format!(
        r#"{HEADER}
locals {{
  clusters = {{
{entries}  }}
}}

data "palette_cloud_account" "this" {{
  for_each = {{ for k, c in local.clusters : k => c.account if c.account != null }}
  name     = each.value
}}

module "cluster" {{
  source   = "./modules/cluster"
  for_each = local.clusters

  name             = "mod-${{replace(each.key, "_", "-")}}"
  environment      = each.key
  cloud_account_id = each.value.account == null ? null : data.palette_cloud_account.this[each.key].id
  profile_ids      = [each.value.profile]
  settings         = each.value.settings
  machine_pools    = each.value.pools
}}

output "health" {{
  value = {{ for k, m in module.cluster : k => m.health }}
}}
"#
    ));
    tf.init();
    // Validate sees every module input unknown: no check may fire on "unknown".
    assert_validates(&tf);
    let out = tf.run(&[
        "apply",
        "-no-color",
        "-input=false",
        "-auto-approve",
        "-parallelism=24",
    ]);
    assert!(
        out.success(),
        "apply failed:\n{}\n{}",
        out.stdout,
        out.stderr
    );
    let state = tf.show_json();
    let health = &state["values"]["outputs"]["health"]["value"];
    for case in CASES {
        assert_eq!(health[case.key], "Healthy", "{}: {health}", case.key);
    }
    tf.assert_empty_plan();
    tf.destroy();
    assert!(
        tf.state_list().is_empty(),
        "destroy left {:?}",
        tf.state_list()
    );
}

/// The module's `terraform test` file runs against the emulator as a module author's CI would:
/// no Palette account, the provider from the environment variables.
#[test]
fn the_cluster_modules_terraform_test_passes() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    copy_module(&tf, "");
    tf.init();
    let out = tf.run(&["test", "-no-color"]);
    assert!(
        out.success() && out.stdout.contains("4 passed, 0 failed"),
        "terraform test:\n{}\n{}",
        out.stdout,
        out.stderr
    );
}

/// A module of a profile, a pack and the ephemeral kubeconfig whose every input is a module
/// variable, and a caller that feeds some of them from another resource's result (unknown until
/// apply). Validate sees every input unknown and plan sees some unknown: no profile, pack or
/// kubeconfig check may fire on "unknown" (variable defaults against format, regex and options;
/// values against declared variables; versions; pack kinds). Then it applies, plans empty and
/// destroys.
#[test]
fn profile_and_pack_checks_wait_for_module_inputs() {
    let emu = Emulator::start();
    let (_cluster_tf, cluster) = crate::pack::running_cluster(&emu, "mod-packs");
    let tf = Terraform::new(&emu);
    tf.write_file(
        "stack/main.tf",
        r#"
terraform {
  required_providers {
    palette = { source = "palette-rs/palette" }
  }
}
variable "name" { type = string }
variable "profile_version" { type = string }
variable "replicas_default" { type = string }
variable "replicas_regex" { type = string }
variable "size" { type = string }
variable "values" { type = string }
variable "cluster_id" { type = string }
variable "pack_tag" { type = string }

resource "palette_cluster_profile" "addons" {
  name        = var.name
  version     = var.profile_version
  type        = "add-on"
  environment = "all"
  variable {
    name          = "replicas"
    format        = "number"
    regex         = var.replicas_regex
    default_value = var.replicas_default
  }
  variable {
    name          = "size"
    input_type    = "dropdown"
    default_value = var.size
    option {
      value = var.size
    }
    option {
      value = "large"
    }
  }
  pack {
    name = "nginx"
    tag  = "1.10.0"
    values = var.values
  }
}

resource "palette_pack" "cert_manager" {
  cluster_id = var.cluster_id
  name       = "cert-manager"
  tag        = var.pack_tag
}

ephemeral "palette_kubeconfig" "k" {
  cluster_id = var.cluster_id
}

output "profile_id" {
  value = palette_cluster_profile.addons.id
}
"#,
    );
    tf.write_config(&format!(
        r#"{HEADER}
resource "terraform_data" "later" {{
  input = "1.0.0"
}}

module "stack" {{
  source           = "./stack"
  name             = "mod-addons"
  profile_version  = terraform_data.later.output
  replicas_default = "2"
  replicas_regex   = "[0-9]+"
  size             = "small"
  values           = "replicaCount: {{{{.spectro.var.replicas}}}}\n"
  cluster_id       = "{cluster}"
  pack_tag         = "1.20.3"
}}
"#
    ));
    tf.init();
    validate_and_plan_with_unknowns(&emu, &tf);
    tf.apply();
    tf.assert_empty_plan();
    tf.destroy();
}

/// The cloud account, pack and registry data sources and the `merge_values` function with
/// every input from a module variable: validate sees them all unknown and accepts; plan (some
/// inputs still from a resource's later result) plans with no write; apply reads them with the
/// known values.
#[test]
fn data_sources_and_function_wait_for_module_inputs() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_file(
        "reads/main.tf",
        r#"
terraform {
  required_providers {
    palette = { source = "palette-rs/palette" }
  }
}
variable "account" { type = string }
variable "environment" { type = string }
variable "pack" { type = string }
variable "tag" { type = string }
variable "registry" { type = string }
variable "base" { type = string }
variable "override" { type = string }

data "palette_cloud_account" "a" {
  name        = var.account
  environment = var.environment
}
data "palette_pack" "p" {
  name          = var.pack
  tag           = var.tag
  registry_name = var.registry
  environment   = var.environment
}
data "palette_registry" "r" {
  name = var.registry
}
output "merged" {
  value = provider::palette::merge_values(var.base, var.override)
}
output "account_id" {
  value = data.palette_cloud_account.a.id
}
output "pack_layer" {
  value = data.palette_pack.p.layer
}
output "registry_id" {
  value = data.palette_registry.r.id
}
"#,
    );
    tf.write_config(&format!(
        r#"{HEADER}
resource "terraform_data" "later" {{
  input = "aws"
}}

module "reads" {{
  source      = "./reads"
  account     = "aws-dev"
  environment = terraform_data.later.output
  pack        = "kubernetes"
  tag         = "1.33.10"
  registry    = "Public Repo"
  base        = "a: 1\nb:\n  c: 2\n"
  override    = "b:\n  c: 3\n"
}}

output "merged" {{
  value = module.reads.merged
}}
output "pack_layer" {{
  value = module.reads.pack_layer
}}
"#
    ));
    tf.init();
    validate_and_plan_with_unknowns(&emu, &tf);
    tf.apply();
    let state = tf.show_json();
    let outputs = &state["values"]["outputs"];
    assert_eq!(outputs["pack_layer"]["value"], "k8s", "{outputs}");
    let merged = outputs["merged"]["value"].as_str().unwrap_or_default();
    assert!(merged.contains("c: 3"), "{merged}");
    tf.assert_empty_plan();
    tf.destroy();
}

/// `terraform validate` succeeds: every module input is unknown there, and no check may fire on
/// "unknown".
fn assert_validates(tf: &Terraform) {
    let validated = tf.run(&["validate", "-no-color"]);
    assert!(
        validated.success(),
        "validate refused unknown inputs:\n{}\n{}",
        validated.stdout,
        validated.stderr
    );
}

/// Validate succeeds, and so does a plan in which some inputs are still unknown (a resource's
/// result), writing nothing.
fn validate_and_plan_with_unknowns(emu: &Emulator, tf: &Terraform) {
    assert_validates(tf);
    let planned = emu.assert_no_writes("the plan", || tf.try_plan());
    assert_eq!(
        planned.code,
        Some(2),
        "the plan with unknown inputs failed:\n{}\n{}",
        planned.stdout,
        planned.stderr
    );
}

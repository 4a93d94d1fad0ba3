//! Resource identity (Terraform 1.12 and later): every resource type carries one in its state,
//! and `import { identity = {...} }` brings each object back under Terraform.

use serde_json::Value;

use crate::reliability::copy_quickstart;
use crate::support::{Emulator, Terraform, terraform_at_least};

/// An SSH key, a cluster template and an IP pool beside the quickstart, so every resource type is in one
/// configuration.
const SSH_KEY: &str = r#"
resource "palette_ssh_key" "ops" {
  name       = "ops"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq ops@example.com"
}

data "palette_private_cloud_gateway" "dc1" {
  name = "pcg-dc1"
}

resource "palette_cluster_template" "aws" {
  name        = "aws-fleet"
  environment = "aws"
  cluster_profile {
    id = palette_cluster_profile.aws_base.id
  }
}

resource "palette_ip_pool" "nodes" {
  private_cloud_gateway_id = data.palette_private_cloud_gateway.dc1.id
  name                     = "dc1-nodes"
  network_type             = "range"
  ip_start_range           = "10.10.1.10"
  ip_end_range             = "10.10.1.50"
  prefix                   = 24
  gateway                  = "10.10.1.1"
}
"#;

/// The managed resources of the state, with their identities, from `terraform show -json`.
fn identities(tf: &Terraform) -> Vec<(String, String, Value)> {
    let shown = tf.show_json();
    shown["values"]["root_module"]["resources"]
        .as_array()
        .expect("resources in the state")
        .iter()
        .filter(|r| r["mode"] == "managed")
        .map(|r| {
            (
                r["address"].as_str().unwrap().to_string(),
                r["type"].as_str().unwrap().to_string(),
                r["identity"].clone(),
            )
        })
        .collect()
}

/// An `import` block by identity.
fn import_block(address: &str, identity: &Value) -> String {
    let fields: String = identity
        .as_object()
        .expect("an identity object")
        .iter()
        .map(|(k, v)| format!("    {k} = {v}\n"))
        .collect();
    format!("import {{\n  to = {address}\n  identity = {{\n{fields}  }}\n}}\n")
}

/// The quickstart plus an SSH key, a cluster template and an IP pool: every resource type's identity is in `show -json`, with
/// the attributes its schema names all set; once removed from the state, every object is
/// imported by its identity with an import-only plan (but for the account's secret version,
/// as after any import), and the plan after is empty.
#[test]
fn every_resource_imports_by_its_identity() {
    if !terraform_at_least(1, 12, "resource identity") {
        return;
    }
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    copy_quickstart(&tf);
    std::fs::write(tf.work_dir().join("ssh_key.tf"), SSH_KEY).expect("writing ssh_key.tf");
    tf.init();
    tf.apply();
    tf.assert_empty_plan();

    let found = identities(&tf);
    let expected: [(&str, &[&str]); 9] = [
        (
            "palette_backup_storage_location",
            &["context", "id", "kind"],
        ),
        ("palette_cloud_account", &["context", "id", "kind"]),
        ("palette_cluster", &["context", "id"]),
        ("palette_cluster_profile", &["context", "name"]),
        ("palette_cluster_template", &["context", "id"]),
        ("palette_ip_pool", &["id", "private_cloud_gateway_id"]),
        ("palette_pack", &["cluster_id", "name"]),
        ("palette_registry", &["id"]),
        ("palette_ssh_key", &["context", "id"]),
    ];
    for (kind, attributes) in expected {
        let of_kind: Vec<_> = found.iter().filter(|(_, t, _)| t == kind).collect();
        assert!(!of_kind.is_empty(), "no {kind} in the state");
        for (address, _, identity) in of_kind {
            let keys: Vec<&str> = identity
                .as_object()
                .unwrap_or_else(|| panic!("{address} has no identity: {identity}"))
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(keys, attributes, "{address}: {identity}");
            for key in attributes {
                assert!(
                    identity[*key].as_str().is_some_and(|v| !v.is_empty()),
                    "{address}.{key}: {identity}"
                );
            }
        }
    }
    let aws = found
        .iter()
        .find(|(a, _, _)| a == "palette_cloud_account.aws")
        .unwrap();
    assert_eq!(aws.2["kind"], "aws", "{}", aws.2);

    let mut imports = String::new();
    for (address, _, identity) in &found {
        tf.run_ok(&["state", "rm", "-no-color", address]);
        imports.push_str(&import_block(address, identity));
    }
    std::fs::write(tf.work_dir().join("imports.tf"), imports).expect("writing imports.tf");
    let plan = tf.try_plan();
    let text = plan.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    // The cloud account's secret cannot be read back, so its version is set again (and the
    // secret sent) after any import; nothing else changes.
    assert!(
        text.contains(&format!(
            "Plan: {} to import, 0 to add, 1 to change, 0 to destroy.",
            found.len()
        )),
        "{}",
        plan.stdout
    );
    // The imported objects print in full (values YAML holds `- ` lines); what changes is marked
    // `+` or `->`.
    let changed: Vec<&str> = plan
        .stdout
        .lines()
        .filter(|l| l.contains(" -> ") || l.trim_start().starts_with("+ "))
        .collect();
    assert!(
        changed.len() == 1 && changed[0].contains("secret_key_wo_version"),
        "{changed:#?}"
    );
    tf.apply();
    tf.assert_empty_plan();
    let after = identities(&tf);
    assert_eq!(after, found, "the same identities after the import");
    tf.destroy();
}

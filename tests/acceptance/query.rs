//! `terraform query` (Terraform 1.14 and later) over clusters made through the API: the
//! filters list exactly the clusters that match, and `-generate-config-out` writes
//! configuration that plans import-only, then empty.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::cluster::{HEADER, case, infra_profile};
use crate::support::{Emulator, Terraform, emulator::PROJECT, terraform_at_least};

/// Makes an AWS cluster through the API, with `labels` as its tags.
fn api_cluster(
    emu: &Emulator,
    project: &str,
    name: &str,
    labels: Value,
    account: &str,
    profile: &str,
) {
    let pool = |name: &str, control_plane: bool| {
        json!({
            "cloudConfig": {"instanceType": "m5.large", "azs": ["us-east-1a"]},
            "poolConfig": {
                "name": name, "size": 1, "isControlPlane": control_plane,
                "labels": [if control_plane { "control-plane" } else { "worker" }],
            },
        })
    };
    let body = json!({
        "metadata": {"name": name, "labels": labels},
        "spec": {
            "cloudAccountUid": account,
            "profiles": [{"uid": profile}],
            "cloudConfig": {"region": "us-east-1", "sshKeyName": "default"},
            "machinepoolconfig": [pool("cp", true), pool("workers", false)],
        },
    });
    let reply = emu.project_request(
        project,
        "POST",
        "/v1/spectroclusters/aws",
        Some(&body.to_string()),
    );
    assert!(
        (200..300).contains(&reply.status),
        "creating {name}: {} {}",
        reply.status,
        reply.body
    );
}

/// The names `terraform query` printed for `list.palette_cluster.<label>`.
fn listed(out: &str, label: &str) -> BTreeSet<String> {
    out.lines()
        .filter(|l| l.starts_with(&format!("list.palette_cluster.{label} ")))
        .filter_map(|l| l.split_whitespace().last().map(str::to_string))
        .collect()
}

/// 50 AWS clusters made through the API (30 tagged `team = web`, 20 `team = data`, named
/// `q-web-NN` and `q-data-NN`), plus one Edge cluster: the name, tag and environment filters
/// list exactly the matching clusters, `limit` caps the listing, and the configuration
/// `-generate-config-out` writes for the web clusters plans 30 imports, then nothing.
#[test]
fn query_lists_matching_clusters_and_generates_importable_config() {
    if !terraform_at_least(1, 14, "terraform query") {
        return;
    }
    let emu = Emulator::start();
    let aws = case("aws");
    let profile = infra_profile(&emu, aws, "1.0.0", None);
    let project = emu.project_uid(PROJECT);
    let accounts = emu.project_request(&project, "GET", "/v1/cloudaccounts/aws", None);
    let accounts: Value = serde_json::from_str(&accounts.body).expect("accounts JSON");
    let account = accounts["items"][0]["metadata"]["uid"]
        .as_str()
        .expect("a seeded AWS account")
        .to_string();
    let mut web = BTreeSet::new();
    for i in 0..50 {
        let (team, name) = if i < 30 {
            ("web", format!("q-web-{i:02}"))
        } else {
            ("data", format!("q-data-{i:02}"))
        };
        api_cluster(
            &emu,
            &project,
            &name,
            json!({"team": team}),
            &account,
            &profile,
        );
        if team == "web" {
            web.insert(name);
        }
    }

    let tf = Terraform::new(&emu);
    tf.write_config(HEADER);
    tf.init();
    let query = |blocks: &str| {
        std::fs::write(tf.work_dir().join("clusters.tfquery.hcl"), blocks).expect("query file");
        let out = tf.run(&["query", "-no-color"]);
        assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
        out.stdout
    };
    let out = query(
        r#"
list "palette_cluster" "web" {
  provider = palette
  limit    = 100
  config {
    tags        = { team = "web" }
    environment = "aws"
  }
}

list "palette_cluster" "pattern" {
  provider = palette
  limit    = 100
  config {
    name = "q-*-4*"
  }
}

list "palette_cluster" "first" {
  provider = palette
  limit    = 5
  config {
    name = "q-data-*"
  }
}

list "palette_cluster" "edge" {
  provider = palette
  config {
    environment = "edge_native"
  }
}
"#,
    );
    assert_eq!(listed(&out, "web"), web, "{out}");
    let pattern: BTreeSet<String> = (40..50).map(|i| format!("q-data-{i:02}")).collect();
    assert_eq!(listed(&out, "pattern"), pattern, "{out}");
    let first = listed(&out, "first");
    assert_eq!(first.len(), 5, "{out}");
    assert!(first.iter().all(|n| n.starts_with("q-data-")), "{out}");
    assert!(listed(&out, "edge").is_empty(), "{out}");
    assert!(
        out.contains("list block(s) [list.palette_cluster.edge] returned 0 results"),
        "{out}"
    );

    // The web clusters' configuration, generated, plans 30 imports and then nothing.
    query(
        r#"
list "palette_cluster" "web" {
  provider = palette
  limit    = 100
  config {
    tags = { team = "web" }
  }
}
"#,
    );
    let out = tf.run(&["query", "-no-color", "-generate-config-out=generated.tf"]);
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    let generated =
        std::fs::read_to_string(tf.work_dir().join("generated.tf")).expect("generated.tf");
    for computed in ["health", "layers", "cloud_config_id", "kubeconfig"] {
        assert!(
            !generated
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{computed} "))),
            "{computed} is computed, so left out:\n{generated}"
        );
    }
    let plan = emu.assert_no_writes("planning the generated configuration", || tf.try_plan());
    let text = plan.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Plan: 30 to import, 0 to add, 0 to change, 0 to destroy."),
        "{}\n{}\n{generated}",
        plan.stdout,
        plan.stderr
    );
    emu.assert_no_writes("applying the imports", || tf.apply());
    tf.assert_empty_plan();
}

/// Profiles are listed once per name at their newest version, in the scope asked for, accounts
/// by kind; the profile's generated configuration plans one import, then nothing.
#[test]
fn query_lists_profiles_by_name_and_accounts_by_kind() {
    if !terraform_at_least(1, 14, "terraform query") {
        return;
    }
    let emu = Emulator::start();
    let aws = case("aws");
    infra_profile(&emu, aws, "1.0.0", None);
    infra_profile(&emu, aws, "1.2.0", None);
    infra_profile(&emu, case("gcp"), "1.0.0", None);
    let project = emu.project_uid(PROJECT);
    let accounts = emu.project_request(&project, "GET", "/v1/cloudaccounts/aws", None);
    let accounts: Value = serde_json::from_str(&accounts.body).expect("accounts JSON");
    let aws_accounts: BTreeSet<String> = accounts["items"]
        .as_array()
        .expect("AWS accounts")
        .iter()
        .map(|a| a["metadata"]["name"].as_str().unwrap().to_string())
        .collect();
    assert!(!aws_accounts.is_empty());

    let tf = Terraform::new(&emu);
    tf.write_config(HEADER);
    tf.init();
    std::fs::write(
        tf.work_dir().join("all.tfquery.hcl"),
        r#"
list "palette_cluster_profile" "aws" {
  provider = palette
  config {
    name    = "aws-*"
    context = "tenant"
  }
}

list "palette_cluster_profile" "project" {
  provider = palette
  config {
    name = "aws-*"
  }
}

list "palette_cloud_account" "aws" {
  provider = palette
  config {
    kind = "aws"
  }
}
"#,
    )
    .expect("query file");
    let out = tf.run(&["query", "-no-color"]);
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    let rows = |label: &str| -> Vec<String> {
        out.stdout
            .lines()
            .filter(|l| l.starts_with(&format!("{label} ")))
            .map(str::to_string)
            .collect()
    };
    let profiles = rows("list.palette_cluster_profile.aws");
    assert_eq!(profiles.len(), 1, "{}", out.stdout);
    assert!(
        profiles[0].contains("context=tenant,name=aws-infra")
            && profiles[0].ends_with("aws-infra 1.2.0"),
        "{}",
        out.stdout
    );
    assert!(
        rows("list.palette_cluster_profile.project").is_empty(),
        "the test's profiles live at tenant scope:\n{}",
        out.stdout
    );
    let listed: BTreeSet<String> = rows("list.palette_cloud_account.aws")
        .iter()
        .map(|l| l.split_whitespace().last().unwrap().to_string())
        .collect();
    assert_eq!(listed, aws_accounts, "{}", out.stdout);

    std::fs::write(
        tf.work_dir().join("all.tfquery.hcl"),
        "list \"palette_cluster_profile\" \"aws\" {\n  provider = palette\n  config {\n    name    = \"aws-infra\"\n    context = \"tenant\"\n  }\n}\n",
    )
    .expect("query file");
    let out = tf.run(&["query", "-no-color", "-generate-config-out=generated.tf"]);
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    let plan = tf.try_plan();
    let text = plan.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."),
        "{}\n{}",
        plan.stdout,
        plan.stderr
    );
    emu.assert_no_writes("applying the import", || tf.apply());
    tf.assert_empty_plan();
}

//! The documented examples (`examples/` in the registry's layout) apply as written, together,
//! against the emulator: every resource, data source, ephemeral resource and function example in
//! one configuration, as a reader would combine them. The second plan is empty, every
//! `import.sh` names a resource the examples declare, and destroy leaves nothing behind. On
//! Terraform 1.14 and later the action examples join them, and the scan and backup run.

use std::path::Path;

use crate::support::emulator::Emulator;
use crate::support::terraform::Terraform;
use crate::support::workspace_root;

/// The example folders applied together, with the file each holds.
const KINDS: &[(&str, &str)] = &[
    ("resources", "resource.tf"),
    ("data-sources", "data-source.tf"),
    ("ephemeral-resources", "ephemeral-resource.tf"),
    ("functions", "function.tf"),
];

/// Every `(type, file)` example under `examples/<kind>/`.
fn examples(kind: &str, file: &str) -> Vec<(String, String)> {
    let dir = workspace_root().join("examples").join(kind);
    let mut found = Vec::new();
    for entry in
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
    {
        let path = entry.expect("a directory entry").path();
        let example = path.join(file);
        if example.exists() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            found.push((name, read(&example)));
        }
    }
    found.sort();
    found
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

#[test]
fn every_example_applies_plans_clean_and_destroys() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_file(
        "provider.tf",
        &read(&workspace_root().join("examples/provider/provider.tf")),
    );
    let mut written = 0;
    for (kind, file) in KINDS {
        for (name, text) in examples(kind, file) {
            tf.write_file(&format!("{kind}-{name}.tf"), &text);
            written += 1;
        }
    }
    assert!(
        written >= 10,
        "expected an example per type, found {written}"
    );
    let actions = crate::support::terraform::terraform_at_least(1, 14, "the action examples");
    if actions {
        for (name, text) in examples("actions", "action.tf") {
            tf.write_file(&format!("actions-{name}.tf"), &text);
        }
    }
    // The write-only secrets the examples read from variables.
    tf.write_file(
        "examples.auto.tfvars",
        "charts_password = \"example-robot-password\"\n",
    );
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    if actions {
        for address in [
            "palette_cluster_scan.audit",
            "palette_cluster_backup.before_upgrade",
        ] {
            let out = tf.run(&[
                "apply",
                "-auto-approve",
                &format!("-invoke=action.{address}"),
            ]);
            assert!(
                out.success()
                    && out
                        .stdout
                        .contains(&format!("Action complete: action.{address}")),
                "{address}:\n{}\n{}",
                out.stdout,
                out.stderr
            );
        }
    }

    // Each import.sh imports a resource the examples declare, with an id of the documented form.
    let state = tf.state_list();
    for (name, _) in examples("resources", "resource.tf") {
        let script = read(
            &workspace_root()
                .join("examples/resources")
                .join(&name)
                .join("import.sh"),
        );
        let imports: Vec<&str> = script
            .lines()
            .filter(|l| l.starts_with("terraform import "))
            .collect();
        assert!(!imports.is_empty(), "{name}/import.sh imports nothing");
        for line in imports {
            let address = line.split_whitespace().nth(2).expect("an address");
            assert!(
                address.starts_with(&format!("{name}.")),
                "{name}/import.sh: {line}"
            );
            assert!(
                state.iter().any(|s| s == address),
                "{name}/import.sh names {address}, which the examples do not declare: {state:?}"
            );
        }
    }

    let cluster = tf.resource_values("palette_cluster.prod")["id"]
        .as_str()
        .expect("the cluster's id")
        .to_string();
    tf.destroy();
    assert!(
        tf.state_list().is_empty(),
        "destroy left {:?}",
        tf.state_list()
    );
    let after = emu.request("GET", &format!("/v1/spectroclusters/{cluster}"), None);
    assert!(
        after.status == 404 || after.body.contains("\"Deleted\""),
        "the example cluster is still live: {} {}",
        after.status,
        after.body
    );
}

/// For each environment example, a field Palette changes on a running cluster: the text its
/// `main.tf` holds once, and what the test writes instead.
const IN_PLACE: &[(&str, &str, &str)] = &[
    // The Windows pool scales.
    (
        "aks",
        "count                = 2",
        "count                = 3",
    ),
    (
        "aws",
        "[\"sg-0e1a000000000001a\", \"sg-0e1a000000000002b\"]",
        "[\"sg-0e1a000000000001a\"]",
    ),
    (
        "azure",
        "disk_size_gb         = 128\n    storage_account_type = \"Premium_LRS\"",
        "disk_size_gb         = 128\n    storage_account_type = \"StandardSSD_LRS\"",
    ),
    (
        "edge_native",
        "ntp_servers         = [\"10.20.0.2\", \"time.cloudflare.com\"]",
        "ntp_servers         = [\"10.20.0.2\"]",
    ),
    (
        "eks",
        "additional_tags = { team = \"platform\" }",
        "additional_tags = { team = \"platform\", tier = \"system\" }",
    ),
    (
        "gcp",
        "subnetwork    = \"k8s-workers\"",
        "subnetwork    = \"k8s-workers-2\"",
    ),
    ("gke", "count         = 2", "count         = 3"),
    (
        "maas",
        "node_tags     = [\"nvme\", \"rack-a\"]",
        "node_tags     = [\"nvme\"]",
    ),
    (
        "nutanix",
        "latitude     = 52.3676",
        "latitude     = 52.3702",
    ),
    ("openstack", "count         = 2", "count         = 3"),
    (
        "tke",
        "public_access_cidrs = [\"203.0.113.0/24\"]",
        "public_access_cidrs = [\"203.0.113.0/24\", \"198.51.100.0/24\"]",
    ),
    (
        "vsphere",
        "ntp_servers     = [\"ntp1.dc1.example.com\", \"ntp2.dc1.example.com\"]",
        "ntp_servers     = [\"ntp1.dc1.example.com\"]",
    ),
];

/// The twelve environment examples (`examples/environments/<env>/main.tf`) apply together: each
/// makes its environment's infra profile and a cluster that comes up healthy with every layer
/// ready; the second plan is empty, every cluster imported by id plans empty too, and destroy
/// removes them all.
#[test]
fn every_environment_example_deploys_healthy() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_file(
        "provider.tf",
        &read(&workspace_root().join("examples/provider/provider.tf")),
    );
    let root = workspace_root().join("examples/environments");
    let mut environments = Vec::new();
    for entry in std::fs::read_dir(&root).expect("examples/environments") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        tf.write_file(&format!("{name}.tf"), &read(&path.join("main.tf")));
        environments.push(name);
    }
    environments.sort();
    assert_eq!(
        environments.len(),
        12,
        "one example per environment: {environments:?}"
    );
    tf.init();
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
    for env in &environments {
        let cluster = tf.resource_values(&format!("palette_cluster.{env}"));
        assert_eq!(cluster["health"], "Healthy", "{env}: {cluster}");
        let layers = cluster["layers"].as_array().expect("layers");
        assert_eq!(layers.len(), 4, "{env}: {cluster}");
        assert!(
            layers.iter().all(|l| l["state"] == "Ready"),
            "{env}: {cluster}"
        );
    }
    tf.assert_empty_plan();

    // One field of each example that Palette changes on a running cluster, changed: every
    // cluster plans an update, none a replacement, and the apply converges.
    for (env, from, to) in IN_PLACE {
        let path = root.join(env).join("main.tf");
        let text = read(&path);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{env}: `{from}` should appear once in {}",
            path.display()
        );
        tf.write_file(&format!("{env}.tf"), &text.replacen(from, to, 1));
    }
    assert_eq!(
        IN_PLACE
            .iter()
            .map(|(env, _, _)| *env)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        environments.len(),
        "an in-place change for every environment"
    );
    tf.run_ok(&["plan", "-no-color", "-input=false", "-out=change.tfplan"]);
    let plan: serde_json::Value =
        serde_json::from_str(&tf.run_ok(&["show", "-json", "change.tfplan"]).stdout)
            .expect("terraform show -json prints JSON");
    let mut updated = Vec::new();
    for change in plan["resource_changes"]
        .as_array()
        .expect("resource changes")
    {
        let actions = &change["change"]["actions"];
        let address = change["address"].as_str().unwrap_or_default();
        match actions
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>())
        {
            Some(a) if a == ["no-op"] || a == ["read"] => {}
            Some(a) if a == ["update"] => updated.push(address.to_string()),
            _ => panic!("{address} plans {actions}, not an update in place"),
        }
    }
    updated.sort();
    let expected: Vec<String> = environments
        .iter()
        .map(|env| format!("palette_cluster.{env}"))
        .collect();
    assert_eq!(updated, expected, "each cluster updates in place");
    tf.run_ok(&["apply", "-no-color", "-input=false", "change.tfplan"]);
    tf.assert_empty_plan();

    // Every example cluster, forgotten and imported by its id, plans empty against its example
    // (edge hosts come back by the names the example writes, and no min or max appears).
    let uids: Vec<(String, String)> = environments
        .iter()
        .map(|env| {
            let address = format!("palette_cluster.{env}");
            let uid = tf.resource_values(&address)["id"]
                .as_str()
                .expect("an id")
                .to_string();
            (address, uid)
        })
        .collect();
    let mut forget = vec!["state", "rm", "-no-color"];
    forget.extend(uids.iter().map(|(address, _)| address.as_str()));
    assert!(tf.run(&forget).success(), "state rm failed");
    for (address, uid) in &uids {
        tf.import(address, uid);
    }
    tf.assert_empty_plan();

    tf.destroy();
    assert!(
        tf.state_list().is_empty(),
        "destroy left {:?}",
        tf.state_list()
    );
}

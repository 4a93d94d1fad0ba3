//! `palette_cluster` against the emulator: all twelve environments in one configuration (one
//! apply, clusters in parallel), day-2 changes, failures and plan-time refusals.
//!
//! Profiles are made through the emulator's API rather than `palette_cluster_profile`, so these
//! tests exercise only the cluster resource and stay fast. Every cluster gets an infra profile
//! for its environment and a shared add-on profile.

use serde_json::{Value, json};

use crate::support::{Emulator, Plan, Terraform};

/// One environment's test cluster: block, account and pool sizing.
pub(crate) struct Case {
    /// Block name.
    pub(crate) key: &'static str,
    /// The API cloud type of its profiles.
    pub(crate) cloud_type: &'static str,
    /// Name of the seeded cloud account, if the environment takes one.
    pub(crate) account: Option<&'static str>,
    /// The environment block's body.
    pub(crate) block: &'static str,
    /// Core packs (os, k8s, cni, csi) and tags.
    pub(crate) packs: [(&'static str, &'static str); 4],
    /// HCL sizing lines of the first and the second pool.
    pub(crate) sizing: [&'static str; 2],
    /// Whether the cloud runs the control plane (pools are workers only).
    pub(crate) managed: bool,
}

pub(crate) const CASES: &[Case] = &[
    Case {
        key: "aws",
        cloud_type: "aws",
        account: Some("aws-dev"),
        block: r#"region = "us-east-1""#,
        packs: [
            ("ubuntu-aws", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-aws-ebs", "1.41.0"),
        ],
        sizing: [
            r#"count = 1
    instance_type = "m5.large""#,
            r#"count = 2
    instance_type = "m5.large""#,
        ],
        managed: false,
    },
    Case {
        key: "azure",
        cloud_type: "azure",
        account: Some("azure-dev"),
        block: r#"subscription_id = "sub-1"
    location = "eastus"
    ssh_key = "ssh-ed25519 AAAA test""#,
        packs: [
            ("ubuntu-azure", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico-azure", "3.31.4"),
            ("csi-azure", "1.33.4"),
        ],
        sizing: [
            r#"count = 1
    instance_type = "Standard_D4s_v3""#,
            r#"count = 1
    instance_type = "Standard_D4s_v3"
    disk_size_gb = 80"#,
        ],
        managed: false,
    },
    Case {
        key: "gcp",
        cloud_type: "gcp",
        account: Some("gcp-dev"),
        block: r#"project = "acme"
    region = "us-central1""#,
        packs: [
            ("ubuntu-gcp", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-gcp-driver", "1.25.2"),
        ],
        sizing: [
            r#"count = 1
    instance_type = "n2-standard-4""#,
            r#"count = 1
    instance_type = "n2-standard-4""#,
        ],
        managed: false,
    },
    Case {
        key: "tke",
        cloud_type: "tke",
        account: Some("tke-dev"),
        block: r#"region = "ap-guangzhou""#,
        packs: [
            ("ubuntu-tke", "18.04"),
            ("kubernetes-tke", "1.24.4"),
            ("cni-tke-global-router", "1.0"),
            ("csi-tke", "1.0"),
        ],
        sizing: [
            r#"count = 1
    instance_type = "S5.MEDIUM4""#,
            r#"count = 2
    instance_type = "S5.MEDIUM4""#,
        ],
        managed: true,
    },
    Case {
        key: "eks",
        cloud_type: "eks",
        account: Some("aws-dev"),
        block: r#"region = "us-west-2""#,
        packs: [
            ("amazon-linux-eks", "1.0.0"),
            ("kubernetes-eks", "1.29"),
            ("cni-aws-vpc-eks", "1.0"),
            ("csi-aws-ebs", "1.41.0"),
        ],
        sizing: [
            r#"count = 1
    instance_type = "t3.large""#,
            r#"count = 2
    instance_type = "t3.large"
    capacity_type = "spot""#,
        ],
        managed: true,
    },
    Case {
        key: "aks",
        cloud_type: "aks",
        account: Some("azure-dev"),
        block: r#"subscription_id = "sub-1"
    location = "eastus"
    ssh_key = "ssh-ed25519 AAAA test"
    resource_group = "rg-1""#,
        packs: [
            ("ubuntu-aks", "22.04"),
            ("kubernetes-aks", "1.29"),
            ("cni-azure", "1.4.0"),
            ("csi-azure", "1.33.4"),
        ],
        sizing: [
            r#"count = 1
    is_system_node_pool = true
    instance_type = "Standard_D4s_v3""#,
            r#"count = 1
    instance_type = "Standard_D4s_v3""#,
        ],
        managed: true,
    },
    Case {
        key: "gke",
        cloud_type: "gke",
        account: Some("gcp-dev"),
        block: r#"project = "acme"
    region = "us-central1""#,
        packs: [
            ("cos-gke", "1.0.0"),
            ("kubernetes-gke", "1.29"),
            ("cni-calico", "3.31.4"),
            ("gke-csi-gcp-driver", "1.0.0"),
        ],
        sizing: [
            r#"count = 1
    instance_type = "e2-standard-4""#,
            r#"count = 1
    instance_type = "e2-standard-4""#,
        ],
        managed: true,
    },
    Case {
        key: "vsphere",
        cloud_type: "vsphere",
        account: Some("vsphere-dev"),
        block: r#"datacenter = "dc1"
    folder = "clusters"
    compute_cluster = "cl1"
    datastore = "ds1"
    network = "vm-network""#,
        packs: [
            ("ubuntu-vsphere", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-vsphere-csi", "3.7.0"),
        ],
        sizing: [
            r#"count = 1
    cpu = 4
    memory_mb = 8192
    disk_size_gb = 60"#,
            r#"count = 2
    cpu = 8
    memory_mb = 16384
    disk_size_gb = 80"#,
        ],
        managed: false,
    },
    Case {
        key: "nutanix",
        cloud_type: "nutanix",
        account: Some("nutanix-dev"),
        block: r#"prism_central_endpoint = "pc.example.com"
    prism_element_cluster = "pe-1"
    subnet = "vlan-10"
    control_plane_endpoint = "10.0.0.5""#,
        packs: [
            ("generic-byoi", "1.0.0"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("nutanix-csi", "2.6.6"),
        ],
        sizing: [
            r#"count = 1
    cpu = 4
    memory_mb = 8192
    disk_size_gb = 60"#,
            r#"count = 1
    cpu = 4
    memory_mb = 8192
    disk_size_gb = 60"#,
        ],
        managed: false,
    },
    Case {
        key: "openstack",
        cloud_type: "openstack",
        account: Some("openstack-dev"),
        block: r#"region = "RegionOne"
    domain = "Default"
    project = "demo"
    ssh_key_name = "ops""#,
        packs: [
            ("ubuntu-openstack", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-openstack-cinder", "1.22"),
        ],
        sizing: [
            r#"count = 1
    instance_type = "m1.large""#,
            r#"count = 1
    instance_type = "m1.large""#,
        ],
        managed: false,
    },
    Case {
        key: "maas",
        cloud_type: "maas",
        account: Some("maas-dev"),
        block: r#"domain = "maas.example.com""#,
        packs: [
            ("ubuntu-maas", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-maas-volume", "1.0.0"),
        ],
        sizing: [
            r#"count = 1
    resource_pool = "default""#,
            r#"count = 1
    resource_pool = "default"
    cpu = 8"#,
        ],
        managed: false,
    },
    Case {
        key: "edge_native",
        cloud_type: "edge-native",
        account: None,
        block: r#"ssh_keys = ["ssh-ed25519 AAAA test"]"#,
        packs: [
            ("edge-native-byoi", "2.0.0"),
            ("edge-k8s", "1.35.6"),
            ("cni-calico", "3.31.4"),
            ("piraeus-operator", "2.10.7"),
        ],
        sizing: [
            r#"edge_hosts = ["edge-host-1"]"#,
            r#"edge_hosts = ["edge-host-2", "edge-host-3"]"#,
        ],
        managed: false,
    },
];

pub(crate) fn case(key: &str) -> &'static Case {
    CASES
        .iter()
        .find(|c| c.key == key)
        .expect("a test case per environment")
}

/// Makes and publishes a profile at tenant scope (visible to every project); returns its uid.
pub(crate) fn make_profile(
    emu: &Emulator,
    name: &str,
    version: &str,
    cloud_type: &str,
    kind: &str,
    packs: &[(&str, &str)],
) -> String {
    let body = json!({
        "metadata": {"name": name},
        "spec": {
            "version": version,
            "template": {
                "cloudType": cloud_type,
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

pub(crate) fn infra_profile(
    emu: &Emulator,
    case: &Case,
    version: &str,
    k8s_tag: Option<&str>,
) -> String {
    let mut packs = case.packs;
    if let Some(tag) = k8s_tag {
        packs[1].1 = tag;
    }
    make_profile(
        emu,
        &format!("{}-infra", case.key.replace('_', "-")),
        version,
        case.cloud_type,
        "infra",
        &packs,
    )
}

pub(crate) const HEADER: &str = r#"
terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}
"#;

/// A `palette_cluster` block (with its account data source) for `case`, with its first pool
/// (the control plane, or a system pool where the cloud runs the control plane) and a worker
/// pool.
pub(crate) fn cluster_hcl(case: &Case, name: &str, profiles: &[String], extra: &str) -> String {
    cluster_hcl_with_pools(case, name, profiles, extra, &[Pool::First, Pool::Workers])
}

/// The machine pools a test cluster may have: [`cluster_hcl`]'s two, and an extra worker pool.
#[derive(Clone, Copy)]
enum Pool {
    First,
    Workers,
    Extra,
}

impl Pool {
    /// The pool's `machine_pool` block.
    fn hcl(self, case: &Case) -> String {
        let (name, role, sizing) = match self {
            Pool::First if case.managed => ("system", "", case.sizing[0]),
            Pool::First => ("cp", "    control_plane = true\n", case.sizing[0]),
            Pool::Workers => ("workers", "", case.sizing[1]),
            // Edge pools take hosts no other pool has.
            Pool::Extra if case.key == "edge_native" => {
                ("extra", "", r#"edge_hosts = ["edge-host-4"]"#)
            }
            Pool::Extra => ("extra", "", case.sizing[1]),
        };
        format!("  machine_pool {{\n    name = \"{name}\"\n{role}    {sizing}\n  }}\n")
    }
}

/// [`cluster_hcl`] with the given pools, in order.
fn cluster_hcl_with_pools(
    case: &Case,
    name: &str,
    profiles: &[String],
    extra: &str,
    pools: &[Pool],
) -> String {
    let label = case.key;
    let mut out = String::new();
    let account = match case.account {
        Some(account) => {
            out.push_str(&format!(
                "data \"palette_cloud_account\" \"{label}\" {{\n  name = \"{account}\"\n}}\n"
            ));
            format!("  cloud_account_id = data.palette_cloud_account.{label}.id\n")
        }
        None => String::new(),
    };
    let profiles: String = profiles
        .iter()
        .map(|p| format!("  cluster_profile {{\n    id = \"{p}\"\n  }}\n"))
        .collect();
    let pools: String = pools.iter().map(|p| p.hcl(case)).collect();
    out.push_str(&format!(
        r#"resource "palette_cluster" "{label}" {{
  name = "{name}"
{account}  {key} {{
    {block}
  }}
{profiles}{pools}{extra}}}
"#,
        key = case.key,
        block = case.block,
    ));
    out
}

/// `terraform apply` with the clusters of a configuration deployed in parallel; panics on failure.
pub(crate) fn apply_in_parallel(tf: &Terraform) -> crate::support::terraform::Output {
    let out = tf.run(&[
        "apply",
        "-no-color",
        "-input=false",
        "-auto-approve",
        "-parallelism=16",
    ]);
    assert!(
        out.success(),
        "apply failed:\n{}\n{}",
        out.stdout,
        out.stderr
    );
    out
}

fn values_of(tf: &Terraform, address: &str) -> Value {
    tf.resource_values(address)
}

pub(crate) fn assert_healthy(values: &Value, address: &str, layers: usize) {
    assert_eq!(values["state"], "Running", "{address}: {values}");
    assert_eq!(values["health"], "Healthy", "{address}: {values}");
    let got = values["layers"]
        .as_array()
        .unwrap_or_else(|| panic!("{address} has no layers: {values}"));
    assert_eq!(got.len(), layers, "{address}: {values}");
    assert!(
        got.iter().all(|l| l["state"] == "Ready"),
        "{address}: {values}"
    );
    let order: Vec<&str> = got.iter().map(|l| l["layer"].as_str().unwrap()).collect();
    assert_eq!(
        &order[..4],
        ["os", "k8s", "cni", "csi"],
        "{address}: layers in stack order"
    );
    // The kubeconfig is in state only where the configuration asks for it.
    let kubeconfig = values["kubeconfig"].as_str().unwrap_or_default();
    if values["store_kubeconfig"] == true {
        assert!(kubeconfig.contains("apiVersion"), "{address}: kubeconfig");
    } else {
        assert!(
            kubeconfig.is_empty(),
            "{address}: a kubeconfig in state unasked"
        );
    }
}

/// Every environment: an infra profile plus an add-on profile, a control-plane pool (workers
/// only where the cloud runs the control plane) and a worker pool. One apply deploys all twelve
/// in parallel; the next plan is empty; the data source and the ephemeral kubeconfig read them;
/// destroy removes them all.
#[test]
fn every_environment_deploys_healthy_and_destroys() {
    let emu = Emulator::start();
    let addon = make_profile(
        &emu,
        "monitoring",
        "1.0.0",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let mut config = HEADER.to_string();
    for case in CASES {
        let infra = infra_profile(&emu, case, "1.0.0", None);
        let name = format!("acc-{}", case.key.replace('_', "-"));
        // The kubeconfig enters state only on request: ask for it here, to check it.
        config.push_str(&cluster_hcl(
            case,
            &name,
            &[infra, addon.clone()],
            "  store_kubeconfig = true\n",
        ));
    }
    config.push_str(
        r#"
data "palette_cluster" "aws" {
  name = palette_cluster.aws.name
}

ephemeral "palette_kubeconfig" "aws" {
  cluster_id = palette_cluster.aws.id
}

check "kubeconfig" {
  assert {
    condition     = strcontains(ephemeral.palette_kubeconfig.aws.content, "apiVersion")
    error_message = "the ephemeral kubeconfig is not a kubeconfig"
  }
}

output "aws_from_data_source" {
  value = [data.palette_cluster.aws.id, data.palette_cluster.aws.state, data.palette_cluster.aws.environment]
}
"#,
    );
    let tf = Terraform::new(&emu);
    tf.write_config(&config);
    tf.init();
    let out = apply_in_parallel(&tf);
    assert!(
        !out.stdout.contains("Check block assertion failed"),
        "the ephemeral kubeconfig check failed:\n{}",
        out.stdout
    );
    for case in CASES {
        let address = format!("palette_cluster.{}", case.key);
        let values = values_of(&tf, &address);
        assert_healthy(&values, &address, 5);
        assert_eq!(
            values["machine_pool"].as_array().unwrap().len(),
            2,
            "{address}"
        );
    }
    let state = tf.show_json();
    let outputs = &state["values"]["outputs"]["aws_from_data_source"]["value"];
    assert_eq!(outputs[0], values_of(&tf, "palette_cluster.aws")["id"]);
    assert_eq!(outputs[1], "Running");
    assert_eq!(outputs[2], "aws");

    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());

    let ids: Vec<String> = CASES
        .iter()
        .map(|c| {
            values_of(&tf, &format!("palette_cluster.{}", c.key))["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    tf.destroy();
    assert!(tf.state_list().is_empty());
    for id in ids {
        let gone = emu.request("GET", &format!("/v1/spectroclusters/{id}"), None);
        assert_eq!(
            gone.status, 404,
            "cluster {id} after destroy: {}",
            gone.body
        );
    }
}

/// Machine pools on running clusters, on every environment in one configuration: a worker pool
/// added, the pools reordered, the worker pool removed. Each changes every cluster in place
/// (never "must be replaced"), applies, and plans empty; a reorder writes nothing; the clusters
/// keep their uids throughout. What Palette cannot change on a running cluster, a pool's
/// `control_plane` flipped or a control-plane pool added, plans a replacement that names it.
#[test]
fn machine_pools_are_added_removed_and_reordered_in_place() {
    let emu = Emulator::start();
    let profiles: Vec<String> = CASES
        .iter()
        .map(|case| infra_profile(&emu, case, "1.0.0", None))
        .collect();
    let tf = Terraform::new(&emu);
    let write = |pools: &[Pool]| {
        let mut config = HEADER.to_string();
        for (case, profile) in CASES.iter().zip(&profiles) {
            let name = format!("pools-{}", case.key.replace('_', "-"));
            config.push_str(&cluster_hcl_with_pools(
                case,
                &name,
                std::slice::from_ref(profile),
                "",
                pools,
            ));
        }
        tf.write_config(&config);
    };
    let apply = || apply_in_parallel(&tf);
    let in_place = |what: &str| {
        let plan = tf.try_plan();
        assert_eq!(
            plan.code,
            Some(2),
            "{what}: expected changes\n{}",
            plan.stdout
        );
        assert!(
            plan.stdout.contains(&format!(
                "0 to add, {} to change, 0 to destroy",
                CASES.len()
            )),
            "{what}: not in place on every environment\n{}",
            plan.stdout
        );
        assert!(!plan.stdout.contains("replace"), "{what}:\n{}", plan.stdout);
    };
    let ids = || -> Vec<Value> {
        CASES
            .iter()
            .map(|c| values_of(&tf, &format!("palette_cluster.{}", c.key))["id"].clone())
            .collect()
    };
    let project = emu.project_uid("Default");
    let pools_in_palette = |case: &Case| -> Vec<String> {
        let values = values_of(&tf, &format!("palette_cluster.{}", case.key));
        let path = if case.key == "nutanix" {
            format!(
                "/v1/cloudconfigs/cloudTypes/nutanix/{}",
                values["cloud_config_id"].as_str().unwrap()
            )
        } else {
            format!(
                "/v1/cloudconfigs/{}/{}",
                case.cloud_type,
                values["cloud_config_id"].as_str().unwrap()
            )
        };
        let reply = emu.project_request(&project, "GET", &path, None);
        assert_eq!(reply.status, 200, "{}: {}", case.key, reply.body);
        let config: Value = serde_json::from_str(&reply.body).unwrap();
        let mut names: Vec<String> = config["spec"]["machinePoolConfig"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    let names = |list: &[&str]| -> Vec<String> { list.iter().map(|n| n.to_string()).collect() };
    let first = |case: &Case| if case.managed { "system" } else { "cp" };

    write(&[Pool::First, Pool::Workers]);
    tf.init();
    apply();
    tf.assert_empty_plan();
    let created = ids();

    write(&[Pool::First, Pool::Workers, Pool::Extra]);
    in_place("a worker pool added");
    apply();
    tf.assert_empty_plan();
    for case in CASES {
        let mut want = names(&[first(case), "workers", "extra"]);
        want.sort();
        assert_eq!(pools_in_palette(case), want, "{}", case.key);
    }

    // A reorder is an update that calls nothing: pools are matched by name.
    write(&[Pool::Extra, Pool::Workers, Pool::First]);
    in_place("pools reordered");
    emu.assert_no_writes("applying a reorder", apply);
    tf.assert_empty_plan();

    write(&[Pool::Workers, Pool::First]);
    in_place("a worker pool removed");
    apply();
    tf.assert_empty_plan();
    for case in CASES {
        let mut want = names(&[first(case), "workers"]);
        want.sort();
        assert_eq!(pools_in_palette(case), want, "{}", case.key);
    }
    assert_eq!(ids(), created, "every cluster kept its uid");

    // What only a new cluster can do replaces it, and the plan says which attribute forces it.
    let aws = case("aws");
    let aws_only = |pools: &str| {
        let hcl = cluster_hcl_with_pools(
            aws,
            "pools-aws",
            std::slice::from_ref(&profiles[0]),
            pools,
            &[],
        );
        format!("{HEADER}{hcl}")
    };
    let others = CASES
        .iter()
        .zip(&profiles)
        .filter(|(c, _)| c.key != "aws")
        .map(|(c, p)| {
            cluster_hcl_with_pools(
                c,
                &format!("pools-{}", c.key.replace('_', "-")),
                std::slice::from_ref(p),
                "",
                &[Pool::Workers, Pool::First],
            )
        })
        .collect::<String>();
    for (what, pools, forcing) in [
        (
            "a worker pool turned control plane",
            "  machine_pool {\n    name = \"workers\"\n    control_plane = true\n    count = 2\n    instance_type = \"m5.large\"\n  }\n  machine_pool {\n    name = \"cp\"\n    control_plane = true\n    count = 1\n    instance_type = \"m5.large\"\n  }\n",
            ("control_plane", "true # forces replacement"),
        ),
        (
            "the control-plane pool renamed",
            "  machine_pool {\n    name = \"workers\"\n    count = 2\n    instance_type = \"m5.large\"\n  }\n  machine_pool {\n    name = \"control-plane\"\n    control_plane = true\n    count = 1\n    instance_type = \"m5.large\"\n  }\n",
            ("name", "\"control-plane\" # forces replacement"),
        ),
    ] {
        tf.write_config(&format!("{}{others}", aws_only(pools)));
        let plan = emu.assert_no_writes(what, || tf.try_plan());
        assert_eq!(
            plan.code,
            Some(2),
            "{what}:\n{}{}",
            plan.stdout,
            plan.stderr
        );
        let (attr, marked) = forcing;
        assert!(
            plan.stdout.contains("palette_cluster.aws must be replaced")
                && plan
                    .stdout
                    .lines()
                    .any(|l| l.trim_start().starts_with(&format!("~ {attr} "))
                        && l.ends_with(marked))
                && plan.stdout.contains("1 to add, 0 to change, 1 to destroy"),
            "{what}: the plan does not replace the cluster for `{attr}`\n{}",
            plan.stdout
        );
    }
    write(&[Pool::Workers, Pool::First]);
    tf.destroy();
}

/// Day 2 on one cluster: a profile version bump, a pack values override, a pool resize, an
/// add-on profile added and removed, tags; each is an in-place update followed by an empty plan.
/// Then the cluster is imported by name and by uid and plans empty, and an import block with
/// `-generate-config-out` writes a configuration that plans only the import.
#[test]
fn day_two_changes_update_in_place() {
    let emu = Emulator::start();
    let aws = case("aws");
    let v1 = infra_profile(&emu, aws, "1.0.0", None);
    let v2 = infra_profile(&emu, aws, "1.1.0", Some("1.34.9"));
    let addon = make_profile(
        &emu,
        "monitoring",
        "1.0.0",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let extra = make_profile(
        &emu,
        "security",
        "1.0.0",
        "all",
        "add-on",
        &[("cert-manager", "1.20.2")],
    );
    let tf = Terraform::new(&emu);
    let write = |profiles: &[String], pack_values: Option<&str>, workers: u32, tags: &str| {
        let mut hcl = cluster_hcl(aws, "day-two", profiles, tags);
        hcl = hcl.replace("count = 2", &format!("count = {workers}"));
        if let Some(values) = pack_values {
            hcl = hcl.replace(
                &format!("  cluster_profile {{\n    id = \"{addon}\"\n  }}\n"),
                &format!(
                    "  cluster_profile {{\n    id = \"{addon}\"\n    pack {{\n      name   = \"nginx\"\n      values = <<-EOT\n{values}      EOT\n    }}\n  }}\n"
                ),
            );
        }
        tf.write_config(&format!("{HEADER}{hcl}"));
    };
    let k8s_version = |tf: &Terraform| {
        values_of(tf, "palette_cluster.aws")["layers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["layer"] == "k8s")
            .map(|l| l["version"].as_str().unwrap().to_string())
            .unwrap()
    };
    let step = |what: &str| {
        let plan = tf.try_plan();
        assert_eq!(
            plan.code,
            Some(2),
            "{what}: expected changes\n{}",
            plan.stdout
        );
        assert!(
            plan.stdout.contains("1 to change, 0 to destroy"),
            "{what}: not in place\n{}",
            plan.stdout
        );
        tf.apply();
        tf.assert_empty_plan();
        let values = values_of(&tf, "palette_cluster.aws");
        let layers = values["layers"].as_array().unwrap().len();
        assert_healthy(&values, what, layers);
        values
    };

    write(&[v1.clone(), addon.clone()], None, 2, "");
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    assert_eq!(k8s_version(&tf), "1.33.10");
    let id = values_of(&tf, "palette_cluster.aws")["id"].clone();

    write(&[v2.clone(), addon.clone()], None, 2, "");
    step("profile version bump");
    assert_eq!(k8s_version(&tf), "1.34.9");

    write(
        &[v2.clone(), addon.clone()],
        Some("      replicaCount: 3\n      controller:\n        kind: DaemonSet\n"),
        2,
        "",
    );
    step("pack values override");
    // The same values written differently mean no change.
    write(
        &[v2.clone(), addon.clone()],
        Some("      controller: {kind: DaemonSet}\n      replicaCount: 3\n"),
        2,
        "",
    );
    assert_eq!(tf.plan(), Plan::NoChanges, "values equal by meaning");

    write(
        &[v2.clone(), addon.clone()],
        Some("      replicaCount: 3\n      controller:\n        kind: DaemonSet\n"),
        3,
        "",
    );
    let values = step("pool resize");
    assert_eq!(values["machine_pool"][1]["count"], 3);

    write(&[v2.clone(), addon.clone(), extra.clone()], None, 3, "");
    let values = step("add an add-on profile");
    assert_eq!(values["layers"].as_array().unwrap().len(), 6);

    write(
        &[v2.clone(), addon.clone()],
        None,
        3,
        "  tags = { team = \"platform\" }\n  description = \"day two\"\n",
    );
    let values = step("remove an add-on profile and tag");
    assert_eq!(values["layers"].as_array().unwrap().len(), 5);
    assert_eq!(values["tags"]["team"], "platform");
    assert_eq!(values["id"], id, "updated in place");

    // Import by name gives the same state: the plan stays empty.
    let out = tf.run(&["state", "rm", "palette_cluster.aws"]);
    assert!(out.success(), "{}", out.stderr);
    tf.import("palette_cluster.aws", "day-two");
    tf.assert_empty_plan();
    // And by uid.
    assert!(tf.run(&["state", "rm", "palette_cluster.aws"]).success());
    tf.import("palette_cluster.aws", id.as_str().unwrap());
    tf.assert_empty_plan();

    // An import block with generated configuration, in a directory of its own: the
    // configuration Terraform writes from the imported state plans nothing but the import.
    generated_import(&emu, "palette_cluster.aws", "day-two");
    tf.destroy();
}

/// A pack that fails to deploy fails the apply with the layer's name and message; the cluster
/// stays in state (tainted) and the next apply replaces it.
#[test]
fn failed_layer_names_the_pack_and_next_apply_replaces() {
    let emu = Emulator::start();
    let edge = case("edge_native");
    let infra = infra_profile(&emu, edge, "1.0.0", None);
    let addon = make_profile(
        &emu,
        "monitoring",
        "1.0.0",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let tf = Terraform::new(&emu);
    tf.write_config(&format!(
        "{HEADER}{}",
        cluster_hcl(edge, "failing", &[infra, addon], "")
    ));
    tf.init();
    emu.set_faults(r#"{"fail_pack": "nginx"}"#);
    tf.try_apply().expect_error(
        r"Cluster Layer Failed: nginx.*layer addon \(pack nginx 1\.10\.0\) went to Error",
    );
    assert_eq!(
        tf.state_list(),
        ["palette_cluster.edge_native"],
        "the failed cluster stays in state"
    );
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("is tainted, so must be replaced"),
        "{}",
        plan.stdout
    );
    emu.set_faults("{}");
    tf.apply();
    assert_healthy(
        &values_of(&tf, "palette_cluster.edge_native"),
        "edge_native",
        5,
    );
    tf.assert_empty_plan();
    tf.destroy();
}

/// A create that outlives `timeouts.create` fails clearly and keeps the cluster in state.
#[test]
fn create_timeout_is_an_error_and_keeps_the_cluster() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let timeouts = "  timeouts {\n    create = \"100ms\"\n  }\n";
    tf.write_config(&format!(
        "{HEADER}{}",
        cluster_hcl(aws, "slow", std::slice::from_ref(&infra), timeouts)
    ));
    tf.init();
    tf.try_apply()
        .expect_error(r"Cluster Create Timed Out.*did not finish within 100ms");
    let clusters: Vec<String> = tf
        .state_list()
        .into_iter()
        .filter(|a| a.starts_with("palette_cluster."))
        .collect();
    assert_eq!(
        clusters,
        ["palette_cluster.aws"],
        "the timed-out cluster stays in state"
    );
    let id = values_of(&tf, "palette_cluster.aws")["id"].clone();
    assert!(
        id.as_str().is_some_and(|s| s.len() == 24),
        "uid in state: {id}"
    );

    // Kept instead of replaced: untaint, and the next apply waits for the same cluster.
    assert!(tf.run(&["untaint", "palette_cluster.aws"]).success());
    let generous = "  timeouts {\n    create = \"10m\"\n    update = \"100ms\"\n  }\n";
    let hcl = cluster_hcl(aws, "slow", std::slice::from_ref(&infra), generous);
    tf.write_config(&format!("{HEADER}{hcl}"));
    tf.apply();
    assert_eq!(
        values_of(&tf, "palette_cluster.aws")["id"],
        id,
        "the same cluster, not a new one"
    );
    tf.assert_empty_plan();

    // A day-2 change past `timeouts.update` fails clearly; the cluster stays.
    tf.write_config(&format!(
        "{HEADER}{}",
        hcl.replace("count = 2", "count = 4")
    ));
    tf.try_apply()
        .expect_error(r"Cluster Update Timed Out.*did not finish within 100ms");
    assert_eq!(values_of(&tf, "palette_cluster.aws")["id"], id);
    tf.destroy();
}

/// Bad input is refused at plan, at the attribute at fault, without any write request.
#[test]
fn bad_input_is_refused_at_plan_without_writes() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let edge_infra = infra_profile(&emu, case("edge_native"), "1.0.0", None);
    let addon = make_profile(
        &emu,
        "monitoring",
        "1.0.0",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let good = cluster_hcl(aws, "bad", &[infra.clone(), addon.clone()], "");
    let tf = Terraform::new(&emu);
    tf.write_config(&format!("{HEADER}{good}"));
    tf.init();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "no environment block",
            good.replace("  aws {\n    region = \"us-east-1\"\n  }\n", ""),
            "Missing Environment Block",
        ),
        (
            "two environment blocks",
            good.replace(
                "  aws {\n",
                "  gcp {\n    project = \"p\"\n    region = \"r\"\n  }\n  aws {\n",
            ),
            r"Conflicting Environment Blocks.*both `aws` and `gcp`",
        ),
        (
            "an account of another environment",
            good.replace("name = \"aws-dev\"", "name = \"azure-dev\""),
            r"Wrong Cloud Account.*cloud_account_id",
        ),
        (
            "no control-plane pool",
            good.replace("    control_plane = true\n", ""),
            r"Missing Control-Plane Pool",
        ),
        (
            "count outside min..max",
            good.replace("count = 2", "count = 5\n    max = 3"),
            r"Pool Size Out Of Range.*count = 5",
        ),
        (
            "a sizing field the environment does not take",
            good.replace("count = 2", "count = 2\n    memory_mb = 4096"),
            r"Unsupported Machine Pool Field.*memory_mb = 4096",
        ),
        (
            "a missing required environment field",
            good.replace("region = \"us-east-1\"", "vpc_id = \"vpc-1\""),
            r#"Missing required argument.*"region" is required"#,
        ),
        (
            "an edge host that does not exist",
            cluster_hcl(
                case("edge_native"),
                "bad",
                std::slice::from_ref(&edge_infra),
                "",
            )
            .replace("edge-host-3", "edge-host-99"),
            r#"Unknown Edge Host.*"edge-host-99""#,
        ),
        (
            "only an add-on profile",
            good.replace(
                &format!("  cluster_profile {{\n    id = \"{infra}\"\n  }}\n"),
                "",
            ),
            r"Missing Infrastructure Profile.*no full or infra profile",
        ),
    ];
    for (what, hcl, pattern) in cases {
        tf.write_config(&format!("{HEADER}{hcl}"));
        emu.assert_no_writes(what, || {
            tf.try_plan().expect_error(pattern);
        });
    }
}

/// Ctrl-C during the wait: the provider returns at once with a warning, the cluster stays in
/// state untainted, and the next apply resumes the wait in place instead of creating another.
#[test]
fn interrupted_create_resumes_on_next_apply() {
    // Slower than the default so the wait is still running when the interrupt comes.
    let emu = Emulator::start_with(&["--no-rate-limit", "--time-scale", "0.1"]);
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let tf = Terraform::new(&emu);
    tf.write_config(&format!(
        "{HEADER}{}",
        cluster_hcl(aws, "resumed", &[infra], "")
    ));
    tf.init();

    let terraform = std::env::var("TF_ACC_TERRAFORM_PATH").unwrap_or_else(|_| "terraform".into());
    let child = std::process::Command::new(terraform)
        .args(["apply", "-no-color", "-input=false", "-auto-approve"])
        .current_dir(tf.work_dir())
        .env(
            "TF_CLI_CONFIG_FILE",
            tf.work_dir().parent().unwrap().join("cli.tfrc"),
        )
        .env("TF_IN_AUTOMATION", "1")
        .envs(crate::support::TestEnv::provider_env(&emu))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starting terraform apply");
    let started = std::time::Instant::now();
    while emu.stats().count("POST /v1/spectroclusters/aws") == 0 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the cluster was never created"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let interrupted = std::time::Instant::now();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    assert!(
        sent.is_ok_and(|s| s.success()),
        "sending SIGINT to terraform"
    );
    let out = child.wait_with_output().expect("waiting for terraform");
    let stopped_after = interrupted.elapsed();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Cluster Create Interrupted"), "{text}");
    assert!(
        stopped_after < std::time::Duration::from_secs(10),
        "terraform took {stopped_after:?} to stop:\n{text}"
    );

    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("1 to change, 0 to destroy"),
        "resumes in place:\n{}",
        plan.stdout
    );
    tf.apply();
    assert_healthy(&values_of(&tf, "palette_cluster.aws"), "resumed", 4);
    tf.assert_empty_plan();
    tf.destroy();
}

/// `wait_for = "none"` returns right after the create is accepted; later refreshes follow the
/// deployment without planning changes. `wait_for = "running"` returns once nodes are up.
#[test]
fn wait_for_none_and_running_return_early() {
    let emu = Emulator::start();
    let gcp = case("gcp");
    let infra = infra_profile(&emu, gcp, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let hcl = cluster_hcl(
        gcp,
        "early",
        std::slice::from_ref(&infra),
        "  wait_for = \"none\"\n",
    );
    tf.write_config(&format!("{HEADER}{hcl}"));
    tf.init();
    tf.apply();
    let values = values_of(&tf, "palette_cluster.gcp");
    assert!(
        values["layers"]
            .as_array()
            .is_none_or(|l| l.iter().any(|l| l["state"] != "Ready")),
        "wait_for = none should not wait for the layers: {values}"
    );
    // Once the cluster is up, a refresh records it and the plan stays empty.
    std::thread::sleep(std::time::Duration::from_secs(3));
    tf.assert_empty_plan();
    assert!(
        tf.run(&["apply", "-refresh-only", "-auto-approve", "-no-color"])
            .success()
    );
    assert_healthy(&values_of(&tf, "palette_cluster.gcp"), "gcp", 4);

    tf.write_config(&format!(
        "{HEADER}{}",
        hcl.replace("\"none\"", "\"running\"")
    ));
    tf.apply();
    assert_eq!(values_of(&tf, "palette_cluster.gcp")["state"], "Running");

    // With force_delete set, a cluster that deletes normally is never forced.
    tf.write_config(&format!(
        "{HEADER}{}",
        hcl.replace(
            "wait_for = \"none\"",
            "wait_for = \"running\"\n  force_delete = true"
        )
    ));
    tf.apply();
    let out = tf.destroy();
    let text = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Cluster Will Be Force Deleted"),
        "{}",
        out.stdout
    );
    assert!(!text.contains("Cluster Force Deleted"), "{}", out.stdout);
}

/// A cluster stuck deleting (the emulator's `stuck_delete` fault) is deleted normally first,
/// then, after `force_delete_delay`, force deleted once Palette allows it: Palette refuses a
/// force delete until the cluster has been deleting for 15 minutes (9 s at the tests' time
/// scale), and the provider asks again until then. A delay that could never come before the
/// delete timeout is refused at plan.
#[test]
fn a_stuck_deletion_is_forced_once_palette_allows() {
    let emu = Emulator::start();
    let gcp = case("gcp");
    let infra = infra_profile(&emu, gcp, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let hcl = cluster_hcl(
        gcp,
        "stuck",
        std::slice::from_ref(&infra),
        "  wait_for = \"running\"\n  force_delete = true\n  force_delete_delay = \"45m\"\n",
    );
    tf.write_config(&format!("{HEADER}{hcl}"));
    tf.init();
    let refused = emu.assert_no_writes("a plan with a delay past the timeout", || tf.try_plan());
    let text = refused.stdout.clone() + &refused.stderr;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Force Delete Delay Too Long"), "{text}");

    tf.write_config(&format!("{HEADER}{}", hcl.replace("\"45m\"", "\"3s\"")));
    tf.apply();
    tf.assert_empty_plan();
    emu.set_faults(r#"{"stuck_delete": "stuck"}"#);
    let started = std::time::Instant::now();
    let out = tf.destroy();
    let took = started.elapsed();
    let text = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Cluster Force Deleted"), "{}", out.stdout);
    assert!(text.contains("still deleting after 3s"), "{}", out.stdout);
    // Not before Palette allows it: 9 s in Deleting.
    assert!(
        took >= std::time::Duration::from_secs(9),
        "destroyed in {took:?}"
    );
    let log = tf.log();
    assert!(
        log.contains("does not allow the force delete"),
        "the refusal is logged"
    );
    eprintln!("RELIABILITY force delete: forced after {took:.1?} (Palette allows after 9 s)");
}

/// Runs one API call against the emulator in the cluster's project, for changes made
/// "outside Terraform".
pub(crate) fn outside<T>(
    emu: &Emulator,
    call: impl AsyncFnOnce(&palette_api::Client, &palette_api::Scope) -> T,
) -> T {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let config = palette_api::ClientConfig::new(emu.url(), crate::support::emulator::API_KEY);
        let client = palette_api::Client::new(config).expect("a client");
        let scope = client
            .project_scope(crate::support::emulator::PROJECT)
            .await
            .expect("the project");
        call(&client, &scope).await
    })
}

/// Changes made outside Terraform show in the next plan: a resized pool, a detached profile;
/// a cluster deleted outside Terraform is planned again.
#[test]
fn drift_outside_terraform_shows_in_the_plan() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let addon = make_profile(
        &emu,
        "monitoring",
        "1.0.0",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let tf = Terraform::new(&emu);
    tf.write_config(&format!(
        "{HEADER}{}",
        cluster_hcl(aws, "drifting", &[infra, addon.clone()], "")
    ));
    tf.init();
    tf.apply();
    let values = values_of(&tf, "palette_cluster.aws");
    let uid = values["id"].as_str().unwrap().to_string();
    let config_uid = values["cloud_config_id"].as_str().unwrap().to_string();

    // Resize the worker pool and detach the add-on profile behind Terraform's back.
    let pool = json!({
        "cloudConfig": {"instanceType": "m5.large"},
        "poolConfig": {"name": "workers", "size": 5, "minSize": 5, "maxSize": 5, "labels": ["worker"]},
    });
    outside(&emu, async |client, scope| {
        client
            .update_machine_pool(
                scope,
                &palette_api::CloudType::Aws,
                &config_uid,
                "workers",
                &pool,
            )
            .await
            .expect("resizing the pool");
        let detach = palette_api::models::SpectroClusterProfilesDeleteEntity {
            profile_uids: Some(vec![addon.clone()]),
        };
        client
            .delete_cluster_profiles(scope, &uid, &detach)
            .await
            .expect("detaching the add-on profile");
    });
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("count                   = 5 -> 2"),
        "the resize shows:\n{}",
        plan.stdout
    );
    assert!(
        plan.stdout.contains(&format!(
            "+ cluster_profile {{\n          + id = \"{addon}\""
        )),
        "the detach shows:\n{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    assert_eq!(
        values_of(&tf, "palette_cluster.aws")["layers"]
            .as_array()
            .unwrap()
            .len(),
        5
    );

    // Deleted outside Terraform: removed from state on refresh, so the plan creates it again.
    outside(&emu, async |client, scope| {
        client
            .delete_cluster(scope, &uid, false)
            .await
            .expect("deleting")
    });
    std::thread::sleep(std::time::Duration::from_secs(1));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("1 to add, 0 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
}

/// Profile variables set per cluster change in place and read back without drift; a variable
/// the profile declares sensitive goes in `sensitive_variables` and never shows in a plan. A
/// cluster made that way (variables off their default, a pack values override) imports whole:
/// `-generate-config-out` writes the override and the plain variables (an import leaves the
/// secret in Palette), plans only the import with no write, and a change in Palette shows as
/// drift.
#[test]
fn profile_variables_change_in_place() {
    let emu = Emulator::start();
    let maas = case("maas");
    let infra = infra_profile(&emu, maas, "1.0.0", None);
    let body = json!({
        "metadata": {"name": "ingress"},
        "spec": {
            "version": "1.0.0",
            "variables": [
                {"name": "replicas", "format": "number", "defaultValue": "1"},
                {"name": "token", "isSensitive": true, "defaultValue": "unset"},
            ],
            "template": {
                "cloudType": "all",
                "type": "add-on",
                "packs": [{"name": "nginx", "tag": "1.10.0", "type": "spectro",
                    "values": "replicaCount: {{.spectro.var.replicas}}\ntoken: '{{.spectro.var.token}}'\n"}],
            },
        },
    });
    let created = emu.request("POST", "/v1/clusterprofiles", Some(&body.to_string()));
    assert_eq!(created.status, 201, "{}", created.body);
    let addon = serde_json::from_str::<Value>(&created.body).unwrap()["uid"]
        .as_str()
        .unwrap()
        .to_string();
    let published = emu.request(
        "PATCH",
        &format!("/v1/clusterprofiles/{addon}/publish"),
        None,
    );
    assert!((200..300).contains(&published.status), "{}", published.body);

    let tf = Terraform::new(&emu);
    let write = |replicas: &str, map: &str| {
        let maps = if map == "variables" {
            format!("    variables = {{ replicas = \"{replicas}\", token = \"s3cr3t-token\" }}\n")
        } else {
            format!(
                "    variables = {{ replicas = \"{replicas}\" }}\n    {map} = {{ token = \"s3cr3t-token\" }}\n"
            )
        };
        let hcl = cluster_hcl(maas, "vars", &[infra.clone(), addon.clone()], "").replace(
            &format!("  cluster_profile {{\n    id = \"{addon}\"\n  }}\n"),
            &format!(
                "  cluster_profile {{\n    id = \"{addon}\"\n{maps}    pack {{\n      name = \"nginx\"\n      values = \"replicaCount: {{{{.spectro.var.replicas}}}}\\ntoken: '{{{{.spectro.var.token}}}}'\\nextra: true\\n\"\n    }}\n  }}\n"
            ),
        );
        tf.write_config(&format!("{HEADER}{hcl}"));
    };
    // A sensitive variable in the plain map is refused at plan, with no write.
    write("2", "variables");
    tf.init();
    let refused = emu.assert_no_writes("a sensitive variable in `variables`", || tf.try_plan());
    let text = (refused.stdout.clone() + &refused.stderr)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Sensitive Variable In Plain Map"), "{text}");

    write("2", "sensitive_variables");
    tf.apply();
    tf.assert_empty_plan();
    write("3", "sensitive_variables");
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("1 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
    assert!(!plan.stdout.contains("s3cr3t-token"), "{}", plan.stdout);
    assert!(plan.stdout.contains("(sensitive value)"), "{}", plan.stdout);
    tf.apply();
    tf.assert_empty_plan();
    let values = values_of(&tf, "palette_cluster.maas");
    assert_eq!(values["cluster_profile"][1]["variables"]["replicas"], "3");
    assert_eq!(
        values["cluster_profile"][1]["sensitive_variables"]["token"],
        "s3cr3t-token"
    );
    assert_healthy(&values, "maas", 5);
    let uid = values["id"].as_str().unwrap().to_string();

    // The same cluster, imported with generated configuration in a directory of its own.
    let written = generated_import(&emu, "palette_cluster.maas", &uid);
    assert!(written.contains("replicas = \"3\""), "{written}");
    assert!(
        written.contains("extra: true"),
        "the values override: {written}"
    );
    assert!(!written.contains("s3cr3t-token"), "{written}");

    // Palette's view changes: the original configuration's next plan shows it.
    let patched = emu.project_request(
        &emu.project_uid(crate::support::emulator::PROJECT),
        "PATCH",
        &format!("/v1/spectroclusters/{uid}/variables"),
        Some(
            &json!([{"profileUid": addon, "variables": [{"name": "replicas", "value": "7"}]}])
                .to_string(),
        ),
    );
    assert!((200..300).contains(&patched.status), "{}", patched.body);
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(drift.stdout.contains("\"7\" -> \"3\""), "{}", drift.stdout);
    tf.destroy();
}

/// A per-cluster manifest override reads back: an import (`-generate-config-out`) writes it
/// and plans only the import, and the configuration that states it plans empty.
#[test]
fn manifest_overrides_import_whole() {
    let emu = Emulator::start();
    let maas = case("maas");
    let infra = infra_profile(&emu, maas, "1.0.0", None);
    let body = json!({
        "metadata": {"name": "hello-apps"},
        "spec": {
            "version": "1.0.0",
            "template": {
                "cloudType": "all",
                "type": "add-on",
                "packs": [{"name": "hello", "type": "manifest", "layer": "addon",
                    "manifests": [
                        {"name": "config", "content": "kind: ConfigMap\ndata:\n  greeting: hi\n"},
                        {"name": "other", "content": "kind: ConfigMap\ndata:\n  left: alone\n"},
                    ]}],
            },
        },
    });
    let created = emu.request(
        "POST",
        "/v1/clusterprofiles?publish=true",
        Some(&body.to_string()),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let addon = serde_json::from_str::<Value>(&created.body).unwrap()["uid"]
        .as_str()
        .unwrap()
        .to_string();
    let tf = Terraform::new(&emu);
    let hcl = cluster_hcl(maas, "manifests", &[infra.clone(), addon.clone()], "").replace(
        &format!("  cluster_profile {{\n    id = \"{addon}\"\n  }}\n"),
        &format!(
            "  cluster_profile {{\n    id = \"{addon}\"\n    pack {{\n      name = \"hello\"\n      manifest {{\n        name    = \"config\"\n        content = \"kind: ConfigMap\\ndata:\\n  greeting: hello from this cluster\\n\"\n      }}\n    }}\n  }}\n"
        ),
    );
    tf.write_config(&format!("{HEADER}{hcl}"));
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let uid = values_of(&tf, "palette_cluster.maas")["id"]
        .as_str()
        .unwrap()
        .to_string();

    // By id, into the same configuration: the override comes back, the plan is empty.
    assert!(tf.run(&["state", "rm", "palette_cluster.maas"]).success());
    tf.import("palette_cluster.maas", &uid);
    tf.assert_empty_plan();

    let written = generated_import(&emu, "palette_cluster.maas", &uid);
    assert!(written.contains("hello from this cluster"), "{written}");
    assert!(
        !written.contains("left: alone"),
        "only the override: {written}"
    );
    tf.destroy();
}

/// Imports `id` into `address` through an `import` block with `-generate-config-out`, in a
/// directory of its own: the generated configuration plans only the import and writes nothing,
/// applying the import writes nothing, and the configuration then plans empty. Returns what
/// Terraform generated.
pub(crate) fn generated_import(emu: &Emulator, address: &str, id: &str) -> String {
    let generated = Terraform::new(emu);
    generated.write_config(&format!(
        "{HEADER}import {{\n  to = {address}\n  id = \"{id}\"\n}}\n"
    ));
    generated.init();
    let import_only = "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.";
    let first = generated.run(&[
        "plan",
        "-no-color",
        "-input=false",
        "-generate-config-out=generated.tf",
    ]);
    assert!(
        first.stdout.contains(import_only),
        "generating the configuration:\n{}\n{}",
        first.stdout,
        first.stderr
    );
    let again = emu.assert_no_writes("a plan of the generated configuration", || {
        generated.run(&["plan", "-no-color", "-input=false"])
    });
    assert!(
        again.stdout.contains(import_only),
        "the generated configuration plans changes:\n{}\n{}",
        again.stdout,
        again.stderr
    );
    emu.assert_no_writes("applying the import", || generated.apply());
    generated.assert_empty_plan();
    std::fs::read_to_string(generated.work_dir().join("generated.tf")).expect("generated.tf")
}

/// The cluster's cloud config as the emulator has it, and the reasons of its events.
fn cloud_config_and_events(emu: &Emulator, env: &str, values: &Value) -> (Value, Vec<String>) {
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let config_uid = values["cloud_config_id"].as_str().unwrap();
    let config = emu.project_request(
        &project,
        "GET",
        &format!("/v1/cloudconfigs/{env}/{config_uid}"),
        None,
    );
    assert_eq!(config.status, 200, "{}", config.body);
    let uid = values["id"].as_str().unwrap();
    let events = emu.project_request(
        &project,
        "GET",
        &format!("/v1/events/components/spectrocluster/{uid}"),
        None,
    );
    assert_eq!(events.status, 200, "{}", events.body);
    let reasons = serde_json::from_str::<Value>(&events.body).unwrap()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reason"].as_str().unwrap_or_default().to_string())
        .collect();
    (serde_json::from_str(&config.body).unwrap(), reasons)
}

/// EKS endpoint access changes in place: a new `public_access_cidrs` plans an update (not a
/// replacement) that applies with one `PUT .../clusterConfig`, plans empty afterwards, and shows
/// in the emulator's cloud config and events. A field the API cannot change (the region) still
/// plans a replacement.
#[test]
fn eks_endpoint_access_updates_in_place_and_the_region_replaces() {
    let emu = Emulator::start();
    let eks = case("eks");
    let infra = infra_profile(&emu, eks, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let write = |region: &str, cidrs: &str| {
        let hcl = cluster_hcl(eks, "access", std::slice::from_ref(&infra), "").replace(
            r#"region = "us-west-2""#,
            &format!(
                "region = \"{region}\"\n    endpoint_access = \"private_and_public\"\n    public_access_cidrs = [{cidrs}]"
            ),
        );
        tf.write_config(&format!("{HEADER}{hcl}"));
    };
    write("us-west-2", r#""10.0.0.0/8""#);
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let before = values_of(&tf, "palette_cluster.eks");

    write("us-west-2", r#""10.0.0.0/8", "192.168.10.0/24""#);
    let plan = emu.assert_no_writes("the plan of a CIDR change", || tf.try_plan());
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("1 to change, 0 to destroy"),
        "in place:\n{}",
        plan.stdout
    );
    assert!(
        plan.stdout.contains("~ public_access_cidrs") && !plan.stdout.contains("replace"),
        "the CIDRs change in place:\n{}",
        plan.stdout
    );
    emu.reset_stats();
    tf.apply();
    assert_eq!(
        emu.stats()
            .count("PUT /v1/cloudconfigs/eks/{configUid}/clusterConfig"),
        1,
        "one cluster-config update"
    );
    tf.assert_empty_plan();
    let after = values_of(&tf, "palette_cluster.eks");
    assert_eq!(after["id"], before["id"], "the same cluster");
    assert_eq!(
        after["eks"]["public_access_cidrs"],
        json!(["10.0.0.0/8", "192.168.10.0/24"])
    );
    assert_healthy(&after, "eks", 4);
    let (config, events) = cloud_config_and_events(&emu, "eks", &after);
    let access = &config["spec"]["clusterConfig"]["endpointAccess"];
    assert_eq!(
        access["publicCIDRs"],
        json!(["10.0.0.0/8", "192.168.10.0/24"]),
        "{config}"
    );
    assert_eq!(
        (&access["public"], &access["private"]),
        (&json!(true), &json!(true))
    );
    assert_eq!(config["spec"]["clusterConfig"]["region"], "us-west-2");
    assert!(
        events.iter().any(|r| r == "ClusterConfigUpdated"),
        "{events:?}"
    );

    // The region cannot change: the plan replaces the cluster, and writes nothing.
    write("eu-west-1", r#""10.0.0.0/8", "192.168.10.0/24""#);
    let plan = emu.assert_no_writes("the plan of a region change", || tf.try_plan());
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("must be replaced")
            && plan.stdout.contains("1 to add, 0 to change, 1 to destroy"),
        "a replacement:\n{}",
        plan.stdout
    );
    assert!(
        plan.stdout
            .contains(r#""us-west-2" -> "eu-west-1" # forces replacement"#),
        "the region forces it:\n{}",
        plan.stdout
    );
    tf.destroy();
}

/// AKS pools say which are system node pools: a cluster with one applies and the emulator's
/// cloud config marks it; marking another pool is an in-place pool update; a configuration
/// without any system pool is refused at plan, at the attribute, with no write request.
#[test]
fn aks_needs_a_system_pool_and_marks_it() {
    let emu = Emulator::start();
    let aks = case("aks");
    let infra = infra_profile(&emu, aks, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let good = cluster_hcl(aks, "system-pools", std::slice::from_ref(&infra), "");
    assert!(good.contains("is_system_node_pool = true"), "{good}");
    tf.write_config(&format!("{HEADER}{good}"));
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let values = values_of(&tf, "palette_cluster.aks");
    assert_healthy(&values, "aks", 4);
    let system = |config: &Value| -> Vec<(String, bool)> {
        config["spec"]["machinePoolConfig"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_string(),
                    p["isSystemNodePool"].as_bool().unwrap_or(false),
                )
            })
            .collect()
    };
    let (config, _) = cloud_config_and_events(&emu, "aks", &values);
    assert_eq!(
        system(&config),
        [("system".to_string(), true), ("workers".to_string(), false)]
    );
    // Imported, the worker pool (not a system pool) plans clean with the flag left out.
    assert!(tf.run(&["state", "rm", "palette_cluster.aks"]).success());
    tf.import("palette_cluster.aks", "system-pools");
    tf.assert_empty_plan();

    // Both pools system pools: an in-place update of the worker pool.
    let both = good.replace(
        "name = \"workers\"\n",
        "name = \"workers\"\n    is_system_node_pool = true\n",
    );
    tf.write_config(&format!("{HEADER}{both}"));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("1 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let (config, _) = cloud_config_and_events(&emu, "aks", &values);
    assert_eq!(
        system(&config),
        [("system".to_string(), true), ("workers".to_string(), true)]
    );

    // No system pool: refused at plan, at the first pool's flag, before any write.
    let none = good.replace("    is_system_node_pool = true\n", "");
    tf.write_config(&format!("{HEADER}{none}"));
    emu.assert_no_writes("a plan without a system pool", || {
        tf.try_plan().expect_error(
            r#"Error: Missing System Node Pool with palette_cluster\.aks, on main\.tf line \d+, in resource "palette_cluster" "aks": .*An AKS cluster needs at least one machine pool with `is_system_node_pool = true`"#,
        );
    });
    tf.write_config(&format!("{HEADER}{good}"));
    tf.destroy();
}

/// Every other environment with in-place fields, in one configuration: the AWS bastion, TKE's
/// public endpoint CIDRs, vSphere NTP servers, MAAS and Edge SSH keys. One apply changes all of
/// them in place, the plan after is empty, and each emulator cloud config shows its change.
#[test]
fn other_in_place_fields_update_without_replacing() {
    let emu = Emulator::start();
    // (environment, block lines before, after, cluster-config key, its value after)
    let changes: [(&str, &str, &str, &str, Value); 5] = [
        (
            "aws",
            "bastion_disabled = false",
            "bastion_disabled = true",
            "bastionDisabled",
            json!(true),
        ),
        (
            "tke",
            r#"public_access = true
    public_access_cidrs = ["10.0.0.0/8"]"#,
            r#"public_access = true
    public_access_cidrs = ["10.0.0.0/8", "172.16.0.0/12"]"#,
            "endpointAccess",
            json!({"public": true, "publicCIDRs": ["10.0.0.0/8", "172.16.0.0/12"]}),
        ),
        (
            "vsphere",
            r#"ntp_servers = ["ntp1.example.com"]"#,
            r#"ntp_servers = ["ntp1.example.com", "ntp2.example.com"]"#,
            "ntpServers",
            json!(["ntp1.example.com", "ntp2.example.com"]),
        ),
        (
            "maas",
            r#"ssh_keys = ["ssh-ed25519 AAAA one"]"#,
            r#"ssh_keys = ["ssh-ed25519 AAAA one", "ssh-ed25519 AAAA two"]"#,
            "sshKeys",
            json!(["ssh-ed25519 AAAA one", "ssh-ed25519 AAAA two"]),
        ),
        (
            "edge_native",
            "",
            "",
            "sshKeys",
            json!(["ssh-ed25519 AAAA rotated"]),
        ),
    ];
    let infras: Vec<String> = changes
        .iter()
        .map(|(key, ..)| infra_profile(&emu, case(key), "1.0.0", None))
        .collect();
    let tf = Terraform::new(&emu);
    let write = |after: bool| {
        let mut config = HEADER.to_string();
        for ((key, before, later, ..), infra) in changes.iter().zip(&infras) {
            let case = case(key);
            let extra = if after { later } else { before };
            let mut hcl = cluster_hcl(
                case,
                &format!("inplace-{}", key.replace('_', "-")),
                std::slice::from_ref(infra),
                "",
            );
            if !extra.is_empty() {
                hcl = hcl.replace(case.block, &format!("{}\n    {extra}", case.block));
            }
            if *key == "edge_native" && after {
                hcl = hcl.replace("ssh-ed25519 AAAA test", "ssh-ed25519 AAAA rotated");
            }
            config.push_str(&hcl);
        }
        tf.write_config(&config);
    };
    write(false);
    tf.init();
    let out = tf.run(&[
        "apply",
        "-no-color",
        "-input=false",
        "-auto-approve",
        "-parallelism=8",
    ]);
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    tf.assert_empty_plan();
    let ids: Vec<Value> = changes
        .iter()
        .map(|(key, ..)| values_of(&tf, &format!("palette_cluster.{key}"))["id"].clone())
        .collect();

    write(true);
    let plan = emu.assert_no_writes("the plan of in-place changes", || tf.try_plan());
    assert!(
        plan.stdout.contains("0 to add, 5 to change, 0 to destroy"),
        "all in place:\n{}",
        plan.stdout
    );
    let out = tf.run(&[
        "apply",
        "-no-color",
        "-input=false",
        "-auto-approve",
        "-parallelism=8",
    ]);
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    tf.assert_empty_plan();
    for ((key, _, _, api_key, want), id) in changes.iter().zip(&ids) {
        let values = values_of(&tf, &format!("palette_cluster.{key}"));
        assert_eq!(&values["id"], id, "{key}: the same cluster");
        let (config, events) = cloud_config_and_events(&emu, case(key).cloud_type, &values);
        let got = &config["spec"]["clusterConfig"][api_key];
        if let Some(want) = want.as_object() {
            for (field, value) in want {
                assert_eq!(&got[field], value, "{key}.{api_key}.{field}: {config}");
            }
        } else {
            assert_eq!(got, want, "{key}.{api_key}: {config}");
        }
        assert!(
            events.iter().any(|r| r == "ClusterConfigUpdated"),
            "{key}: {events:?}"
        );
    }
    tf.destroy();
}

/// A cluster in the tenant scope: created there, then imported by `tenant/NAME`, `tenant/UID`,
/// its bare name and its bare uid, each landing in the tenant context and planning empty; so
/// does a `palette_pack` on it, imported by `CLUSTER_UID/PACK_NAME`.
#[test]
fn tenant_cluster_imports_into_the_tenant_context() {
    let emu = Emulator::start();
    let gcp = case("gcp");
    let infra = infra_profile(&emu, gcp, "1.0.0", None);
    // A tenant cluster deploys with a tenant cloud account (the seeded ones are the project's).
    let account = json!({
        "metadata": {"name": "gcp-shared"},
        "spec": {"jsonCredentials": "{\"type\":\"service_account\",\"project_id\":\"shared\"}"},
    });
    let created = emu.request("POST", "/v1/cloudaccounts/gcp", Some(&account.to_string()));
    assert_eq!(created.status, 201, "{}", created.body);
    let tf = Terraform::new(&emu);
    let hcl = cluster_hcl(
        gcp,
        "shared",
        std::slice::from_ref(&infra),
        "  context = \"tenant\"\n",
    )
    .replace(
        "name = \"gcp-dev\"",
        "name    = \"gcp-shared\"\n  context = \"tenant\"",
    );
    tf.write_config(&format!("{HEADER}{hcl}"));
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let values = values_of(&tf, "palette_cluster.gcp");
    assert_eq!(values["context"], "tenant");
    let uid = values["id"].as_str().unwrap().to_owned();
    let in_tenant = emu.request("GET", &format!("/v1/spectroclusters/{uid}"), None);
    assert_eq!(in_tenant.status, 200, "{}", in_tenant.body);

    for id in ["tenant/shared".to_owned(), format!("tenant/{uid}")] {
        assert!(tf.run(&["state", "rm", "palette_cluster.gcp"]).success());
        tf.import("palette_cluster.gcp", &id);
        assert_eq!(
            values_of(&tf, "palette_cluster.gcp")["context"],
            "tenant",
            "{id}"
        );
        tf.assert_empty_plan();
    }

    // Without the prefix the project scope is asked, which also sees tenant clusters: the
    // cluster says where it lives, so the import lands in the tenant context all the same.
    for id in ["shared".to_owned(), uid.clone()] {
        assert!(tf.run(&["state", "rm", "palette_cluster.gcp"]).success());
        tf.import("palette_cluster.gcp", &id);
        assert_eq!(
            values_of(&tf, "palette_cluster.gcp")["context"],
            "tenant",
            "{id}"
        );
        tf.assert_empty_plan();
    }

    // A pack deployed on the tenant cluster imports into the tenant context too.
    let pack = r#"
resource "palette_pack" "nginx" {
  cluster_id = palette_cluster.gcp.id
  context    = "tenant"
  name       = "nginx"
  tag        = "1.10.0"
}
"#;
    tf.write_config(&format!("{HEADER}{hcl}{pack}"));
    tf.apply();
    tf.assert_empty_plan();
    assert!(tf.run(&["state", "rm", "palette_pack.nginx"]).success());
    tf.import("palette_pack.nginx", &format!("{uid}/nginx"));
    assert_eq!(values_of(&tf, "palette_pack.nginx")["context"], "tenant");
    tf.assert_empty_plan();
    tf.destroy();
}

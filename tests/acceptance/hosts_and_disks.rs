//! Where nodes go and what they boot from: Edge hosts with static addresses and two-node roles
//! (`edge_host` blocks) beside the plain `edge_hosts` list, an Edge pool's architecture, Azure and
//! AKS OS disks, AKS Windows pools and subnets in an existing virtual network, GCP pools in a
//! named subnetwork. Each applies and plans clean, changes in place where Palette changes it,
//! shows drift made through the API, and imports; bad input fails at plan with the attribute
//! named, a value unknown at validate (a module variable) is checked once known, and the
//! emulator refuses what Palette refuses.

use serde_json::{Value, json};

use crate::cluster::{HEADER, case, generated_import, infra_profile};
use crate::support::{Emulator, Terraform};

/// An infra profile for the environment `key`.
fn profile(emu: &Emulator, key: &str) -> String {
    infra_profile(emu, case(key), "1.0.0", None)
}

/// A request in the test project through the emulator's API; panics unless it answers `want`.
fn project_call(emu: &Emulator, method: &str, path: &str, body: &Value, want: u16) -> String {
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let reply = emu.project_request(&project, method, path, Some(&body.to_string()));
    assert_eq!(reply.status, want, "{method} {path}: {}", reply.body);
    reply.body
}

/// The Edge cluster: a two-node control plane (one host by name, one by uid-or-name, both with
/// static addresses and roles), a worker pool in the plain list form, and an arm64 pool.
fn edge_hcl(profile: &str, dns: &str, arm_ip: &str) -> String {
    format!(
        r#"{HEADER}
resource "palette_cluster" "edge" {{
  name = "edge-hosts"
  edge_native {{
    ssh_keys            = ["ssh-ed25519 AAAA test"]
    vip                 = "10.20.0.50"
    is_two_node_cluster = true
  }}
  cluster_profile {{
    id = "{profile}"
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    edge_host {{
      host            = "edge-host-1"
      static_ip       = "10.20.0.11"
      subnet_mask     = "255.255.255.0"
      default_gateway = "10.20.0.1"
      dns_servers     = [{dns}]
      nic_name        = "eth0"
      two_node_role   = "primary"
    }}
    edge_host {{
      host            = "edge-host-2"
      static_ip       = "10.20.0.12"
      subnet_mask     = "255.255.255.0"
      default_gateway = "10.20.0.1"
      two_node_role   = "secondary"
    }}
  }}
  machine_pool {{
    name       = "workers"
    edge_hosts = ["edge-host-3"]
  }}
  machine_pool {{
    name      = "arm"
    arch_type = "arm64"
    edge_host {{
      host            = "edge-host-5"
      static_ip       = "{arm_ip}"
      subnet_mask     = "255.255.0.0"
      default_gateway = "10.20.0.1"
    }}
  }}
}}
"#
    )
}

/// Edge hosts with network settings: apply, a clean plan, an in-place change of a host's DNS
/// servers and of another's address, drift made through the API, the emulator's refusals (a
/// duplicate address, a host of another cluster, a pool's architecture its hosts lack), and
/// an import that reproduces the blocks, the roles and the architecture.
#[test]
fn edge_hosts_with_static_addresses_and_two_node_roles() {
    let emu = Emulator::start();
    let infra = profile(&emu, "edge_native");
    let tf = Terraform::new(&emu);
    tf.write_config(&edge_hcl(&infra, r#""10.20.0.2""#, "10.20.7.15"));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let values = tf.resource_values("palette_cluster.edge");
    let config_uid = values["cloud_config_id"].as_str().unwrap().to_string();
    let uid = values["id"].as_str().unwrap().to_string();

    // What Palette stores: each host's nic and role, the pool's architecture.
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let read = emu.project_request(
        &project,
        "GET",
        &format!("/v1/cloudconfigs/edge-native/{config_uid}"),
        None,
    );
    let config: Value = serde_json::from_str(&read.body).unwrap();
    let pools = config["spec"]["machinePoolConfig"].as_array().unwrap();
    let cp = pools.iter().find(|p| p["name"] == "cp").unwrap();
    assert_eq!(cp["hosts"][0]["nic"]["ip"], "10.20.0.11", "{cp}");
    assert_eq!(cp["hosts"][0]["nic"]["nicName"], "eth0", "{cp}");
    assert_eq!(
        cp["hosts"][0]["twoNodeCandidatePriority"], "primary",
        "{cp}"
    );
    assert_eq!(
        cp["hosts"][1]["twoNodeCandidatePriority"], "secondary",
        "{cp}"
    );
    let arm = pools.iter().find(|p| p["name"] == "arm").unwrap();
    assert_eq!(arm["machinePoolProperties"]["archType"], "arm64", "{arm}");

    // In place: a host's DNS servers and another's address.
    tf.write_config(&edge_hcl(&infra, r#""10.20.0.2", "1.1.1.1""#, "10.20.7.25"));
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("1 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
    assert!(
        !plan.stdout.contains("forces replacement"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    assert_eq!(
        tf.resource_values("palette_cluster.edge")["id"],
        uid.as_str()
    );

    // Drift: the arm pool's host readdressed through the API.
    let host5 = arm["hosts"][0]["hostUid"].as_str().unwrap().to_string();
    project_call(
        &emu,
        "PUT",
        &format!("/v1/cloudconfigs/edge-native/{config_uid}/machinePools/arm"),
        &json!({
            "cloudConfig": {"edgeHosts": [{"hostUid": host5, "nic": {"ip": "10.20.9.9", "subnet": "255.255.0.0", "gateway": "10.20.0.1"}}]},
            "poolConfig": {"name": "arm", "size": 1, "labels": ["worker"], "machinePoolProperties": {"archType": "arm64"}},
        }),
        204,
    );
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(
        drift.stdout.contains(r#""10.20.9.9" -> "10.20.7.25""#),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // Drift: settings the configuration leaves out, added through the API (an interface, DNS
    // servers): the refresh reads them back, the plan takes them off, and the apply does.
    project_call(
        &emu,
        "PUT",
        &format!("/v1/cloudconfigs/edge-native/{config_uid}/machinePools/arm"),
        &json!({
            "cloudConfig": {"edgeHosts": [{"hostUid": host5, "nic": {"ip": "10.20.7.25", "subnet": "255.255.0.0", "gateway": "10.20.0.1", "nicName": "eth1", "dns": ["10.20.0.3"]}}]},
            "poolConfig": {"name": "arm", "size": 1, "labels": ["worker"], "machinePoolProperties": {"archType": "arm64"}},
        }),
        204,
    );
    tf.run_ok(&[
        "apply",
        "-refresh-only",
        "-auto-approve",
        "-no-color",
        "-input=false",
    ]);
    let refreshed = tf.resource_values("palette_cluster.edge");
    let arm_host = &refreshed["machine_pool"][2]["edge_host"][0];
    assert_eq!(
        (&arm_host["nic_name"], &arm_host["dns_servers"]),
        (&json!("eth1"), &json!(["10.20.0.3"])),
        "the refresh reads the added settings: {refreshed}"
    );
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(
        drift
            .stdout
            .contains(r#"- nic_name        = "eth1" -> null"#)
            && drift.stdout.contains("10.20.0.3"),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // The emulator refuses what Palette refuses, naming the field.
    let pool_body = |hosts: Value, arch: &str| {
        json!({
            "cloudConfig": {"edgeHosts": hosts},
            "poolConfig": {"name": "arm", "size": 1, "labels": ["worker"], "machinePoolProperties": {"archType": arch}},
        })
    };
    let path = format!("/v1/cloudconfigs/edge-native/{config_uid}/machinePools/arm");
    let dup = project_call(
        &emu,
        "PUT",
        &path,
        &pool_body(
            json!([{"hostUid": host5, "nic": {"ip": "10.20.0.11", "subnet": "255.255.0.0", "gateway": "10.20.0.1"}}]),
            "arm64",
        ),
        400,
    );
    assert!(dup.contains("same static IP"), "{dup}");
    let wrong_arch = project_call(
        &emu,
        "PUT",
        &path,
        &pool_body(json!([{"hostUid": host5}]), "amd64"),
        400,
    );
    assert!(wrong_arch.contains("archType"), "{wrong_arch}");
    let role = project_call(
        &emu,
        "PUT",
        &path,
        &pool_body(
            json!([{"hostUid": host5, "twoNodeCandidatePriority": "primary"}]),
            "arm64",
        ),
        400,
    );
    assert!(role.contains("control-plane hosts only"), "{role}");

    // Import reproduces the blocks (hosts by name), the roles and the architecture.
    let generated = generated_import(&emu, "palette_cluster.imported", &uid);
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        r#"host = "edge-host-1""#,
        r#"static_ip = "10.20.0.11""#,
        r#"subnet_mask = "255.255.255.0""#,
        r#"default_gateway = "10.20.0.1""#,
        r#"dns_servers = ["10.20.0.2", "1.1.1.1"]"#,
        r#"nic_name = "eth0""#,
        r#"two_node_role = "primary""#,
        r#"two_node_role = "secondary""#,
        r#"arch_type = "arm64""#,
        r#"static_ip = "10.20.7.25""#,
        r#"edge_hosts = ["edge-host-3"]"#,
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }
}

/// Azure with premium OS disks in subnets of an existing virtual network, and AKS with a
/// Windows pool: apply, a clean plan, an in-place disk change on Azure, AKS refusing a change of
/// a pool's OS or disk at plan (a new pool is the way), drift through the API, the emulator's
/// refusals, and an import of both.
#[test]
fn azure_disks_subnets_and_aks_windows_pools() {
    let emu = Emulator::start();
    let azure = profile(&emu, "azure");
    let aks = profile(&emu, "aks");
    let hcl = |azure_disk: &str, win_os: &str| {
        format!(
            r#"{HEADER}
data "palette_cloud_account" "azure" {{
  name = "azure-dev"
}}
resource "palette_cluster" "azure" {{
  name             = "azure-disks"
  cloud_account_id = data.palette_cloud_account.azure.id
  azure {{
    subscription_id           = "sub-1"
    location                  = "eastus"
    ssh_key                   = "ssh-ed25519 AAAA test"
    vnet_name                 = "platform-vnet"
    vnet_resource_group       = "network-rg"
    vnet_cidr_block           = "10.50.0.0/16"
    control_plane_subnet_name = "cp"
    control_plane_subnet_cidr = "10.50.0.0/24"
    worker_subnet_name        = "workers"
    worker_subnet_cidr        = "10.50.4.0/22"
    worker_subnet_security_group = "workers-nsg"
  }}
  cluster_profile {{
    id = "{azure}"
  }}
  machine_pool {{
    name                 = "cp"
    control_plane        = true
    count                = 1
    instance_type        = "Standard_D4s_v3"
    storage_account_type = "Premium_LRS"
  }}
  machine_pool {{
    name                 = "workers"
    count                = 2
    instance_type        = "Standard_D4s_v3"
    disk_size_gb         = 128
    storage_account_type = "{azure_disk}"
  }}
}}
resource "palette_cluster" "aks" {{
  name             = "aks-windows"
  cloud_account_id = data.palette_cloud_account.azure.id
  aks {{
    subscription_id    = "sub-1"
    location           = "eastus"
    ssh_key            = "ssh-ed25519 AAAA test"
    resource_group     = "rg-1"
    vnet_name          = "platform-vnet"
    worker_subnet_name = "aks-nodes"
  }}
  cluster_profile {{
    id = "{aks}"
  }}
  machine_pool {{
    name                = "system"
    is_system_node_pool = true
    count               = 1
    instance_type       = "Standard_D4s_v3"
  }}
  machine_pool {{
    name                 = "win"
    os_type              = "{win_os}"
    count                = 1
    instance_type        = "Standard_D4s_v3"
    storage_account_type = "StandardSSD_LRS"
  }}
}}
"#
        )
    };
    let tf = Terraform::new(&emu);
    tf.write_config(&hcl("Premium_LRS", "Windows"));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let azure_values = tf.resource_values("palette_cluster.azure");
    let aks_values = tf.resource_values("palette_cluster.aks");
    let azure_config = azure_values["cloud_config_id"]
        .as_str()
        .unwrap()
        .to_string();
    let aks_config = aks_values["cloud_config_id"].as_str().unwrap().to_string();

    // Azure rolls a pool onto another disk type in place.
    tf.write_config(&hcl("StandardSSD_LRS", "Windows"));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("1 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
    assert!(
        !plan.stdout.contains("forces replacement"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // AKS keeps a pool's OS: the plan refuses the change at the pool's field, writing nothing.
    tf.write_config(&hcl("StandardSSD_LRS", "Linux"));
    emu.assert_no_writes("a refused plan", || {
        tf.try_plan()
            .expect_error(r#"Machine Pool Field Cannot Change.*os_type.*give it a new name"#);
    });
    tf.write_config(&hcl("StandardSSD_LRS", "Windows"));

    // Drift: the Azure workers' disk changed through the API.
    project_call(
        &emu,
        "PUT",
        &format!("/v1/cloudconfigs/azure/{azure_config}/machinePools/workers"),
        &json!({
            "cloudConfig": {"instanceType": "Standard_D4s_v3", "osDisk": {"diskSizeGB": 128, "managedDisk": {"storageAccountType": "Standard_LRS"}}},
            "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]},
        }),
        204,
    );
    let drift = tf.try_plan();
    assert!(
        drift
            .stdout
            .contains(r#""Standard_LRS" -> "StandardSSD_LRS""#),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // The emulator refuses a Windows system pool, a long Windows pool name, a change of an AKS
    // pool's OS, and an OS disk type Azure has no OS disks of.
    let pools = format!("/v1/cloudconfigs/aks/{aks_config}/machinePools");
    let windows = |name: &str, system: bool| {
        json!({
            "cloudConfig": {"instanceType": "Standard_D4s_v3", "isSystemNodePool": system},
            "managedPoolConfig": {"isSystemNodePool": system, "osType": "Windows"},
            "poolConfig": {"name": name, "size": 1, "labels": ["worker"]},
        })
    };
    let system = project_call(&emu, "POST", &pools, &windows("winsys", true), 400);
    assert!(system.contains("must run Linux"), "{system}");
    let long = project_call(&emu, "POST", &pools, &windows("windows2", false), 400);
    assert!(long.contains("1 to 6"), "{long}");
    let mut linux = windows("win", false);
    linux["managedPoolConfig"]["osType"] = json!("Linux");
    let os = project_call(&emu, "PUT", &format!("{pools}/win"), &linux, 400);
    assert!(os.contains("osType cannot change"), "{os}");
    let ultra = project_call(
        &emu,
        "PUT",
        &format!("/v1/cloudconfigs/azure/{azure_config}/machinePools/workers"),
        &json!({
            "cloudConfig": {"instanceType": "Standard_D4s_v3", "osDisk": {"managedDisk": {"storageAccountType": "UltraSSD_LRS"}}},
            "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]},
        }),
        400,
    );
    assert!(
        ultra.contains("storageAccountType") || ultra.contains("OS disk"),
        "{ultra}"
    );

    // Import reproduces the disks, the Windows pool and the subnets.
    let generated = generated_import(
        &emu,
        "palette_cluster.imported",
        aks_values["id"].as_str().unwrap(),
    );
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        r#"os_type = "Windows""#,
        r#"storage_account_type = "StandardSSD_LRS""#,
        r#"worker_subnet_name = "aks-nodes""#,
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }
    let generated = generated_import(
        &emu,
        "palette_cluster.imported",
        azure_values["id"].as_str().unwrap(),
    );
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        r#"storage_account_type = "Premium_LRS""#,
        r#"storage_account_type = "StandardSSD_LRS""#,
        r#"control_plane_subnet_cidr = "10.50.0.0/24""#,
        r#"worker_subnet_security_group = "workers-nsg""#,
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }
}

/// GCP pools in named subnetworks of the cluster's network: apply, a clean plan, a pool moved
/// to another subnetwork in place, drift through the API, the emulator refusing a subnetwork
/// without a network, and an import.
#[test]
fn gcp_pools_in_named_subnetworks() {
    let emu = Emulator::start();
    let infra = profile(&emu, "gcp");
    let hcl = |subnet: &str| {
        format!(
            r#"{HEADER}
data "palette_cloud_account" "gcp" {{
  name = "gcp-dev"
}}
resource "palette_cluster" "gcp" {{
  name             = "gcp-subnets"
  cloud_account_id = data.palette_cloud_account.gcp.id
  gcp {{
    project = "acme"
    region  = "us-central1"
    network = "platform-vpc"
  }}
  cluster_profile {{
    id = "{infra}"
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "n2-standard-4"
    subnetwork    = "k8s-control-plane"
  }}
  machine_pool {{
    name          = "workers"
    count         = 2
    instance_type = "n2-standard-4"
    subnetwork    = "{subnet}"
  }}
}}
"#
        )
    };
    let tf = Terraform::new(&emu);
    tf.write_config(&hcl("k8s-workers"));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let values = tf.resource_values("palette_cluster.gcp");
    let config_uid = values["cloud_config_id"].as_str().unwrap().to_string();

    tf.write_config(&hcl("k8s-workers-2"));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("1 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    project_call(
        &emu,
        "PUT",
        &format!("/v1/cloudconfigs/gcp/{config_uid}/machinePools/workers"),
        &json!({
            "cloudConfig": {"instanceType": "n2-standard-4", "subnet": "elsewhere"},
            "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]},
        }),
        204,
    );
    let drift = tf.try_plan();
    assert!(
        drift.stdout.contains(r#""elsewhere" -> "k8s-workers-2""#),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    let generated = generated_import(
        &emu,
        "palette_cluster.imported",
        values["id"].as_str().unwrap(),
    );
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        r#"network = "platform-vpc""#,
        r#"subnetwork = "k8s-control-plane""#,
        r#"subnetwork = "k8s-workers-2""#,
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }

    // A subnetwork without a network is refused by Palette (the emulator), naming the field.
    let body = json!({
        "metadata": {"name": "no-network"},
        "spec": {
            "cloudAccountUid": values["cloud_account_id"],
            "cloudConfig": {"project": "acme", "region": "us-central1"},
            "profiles": [{"uid": infra}],
            "machinepoolconfig": [{
                "cloudConfig": {"instanceType": "n2-standard-4", "subnet": "k8s-workers"},
                "poolConfig": {"name": "cp", "size": 1, "isControlPlane": true, "labels": ["control-plane"]},
            }],
        },
    });
    let refused = project_call(&emu, "POST", "/v1/spectroclusters/gcp", &body, 400);
    assert!(refused.contains("clusterConfig.network"), "{refused}");
}

/// One bad configuration: its name, the HCL of the cluster (after the header), and the error
/// it must fail with at plan.
struct Bad {
    name: &'static str,
    hcl: String,
    error: &'static str,
}

/// An Edge cluster with the given block settings and pools.
fn edge_with(block: &str, pools: &str) -> String {
    format!(
        r#"resource "palette_cluster" "x" {{
  name = "bad"
  edge_native {{
    ssh_keys = ["ssh-ed25519 AAAA test"]
    {block}
  }}
  cluster_profile {{
    id = "PROFILE"
  }}
{pools}}}
"#
    )
}

/// One `edge_host` block with the given lines.
fn host(lines: &str) -> String {
    format!("    edge_host {{\n      {lines}\n    }}\n")
}

fn cp(hosts: &str) -> String {
    format!("  machine_pool {{\n    name = \"cp\"\n    control_plane = true\n{hosts}  }}\n")
}

const STATIC: &str = r#"static_ip = "10.20.0.11"
      subnet_mask = "255.255.255.0"
      default_gateway = "10.20.0.1""#;

/// Bad input fails at plan with the attribute named and nothing written; a module variable,
/// unknown at validate, is not refused there, and is checked at plan once known.
#[test]
fn bad_hosts_disks_and_subnets_fail_at_plan() {
    let emu = Emulator::start();
    let edge = profile(&emu, "edge_native");
    let aks = profile(&emu, "aks");
    let azure = profile(&emu, "azure");
    let gcp = profile(&emu, "gcp");
    let h1 = r#"host = "edge-host-1""#;
    let h2 = r#"host = "edge-host-2""#;
    let cases = vec![
        Bad {
            name: "both host forms",
            hcl: edge_with(
                "",
                &format!(
                    "  machine_pool {{\n    name = \"cp\"\n    control_plane = true\n    edge_hosts = [\"edge-host-1\"]\n{}  }}\n",
                    host(h2)
                ),
            ),
            error: r#"Conflicting Edge Host Settings.*edge_hosts = \["edge-host-1"\]"#,
        },
        Bad {
            name: "no hosts",
            hcl: edge_with(
                "",
                "  machine_pool {\n    name = \"cp\"\n    control_plane = true\n  }\n",
            ),
            error: r#"Missing Machine Pool Field.*edge_hosts.*edge_host"#,
        },
        Bad {
            name: "bad address",
            hcl: edge_with(
                "",
                &cp(&host(&format!(
                    "{h1}\n{}",
                    STATIC.replace("10.20.0.11", "10.20.0.300")
                ))),
            ),
            error: r#"Invalid IP Address.*"10.20.0.300""#,
        },
        Bad {
            name: "bad mask",
            hcl: edge_with(
                "",
                &cp(&host(&format!(
                    "{h1}\n{}",
                    STATIC.replace("255.255.255.0", "255.0.255.0")
                ))),
            ),
            error: r#"Invalid Subnet Mask"#,
        },
        Bad {
            name: "gateway outside",
            hcl: edge_with(
                "",
                &cp(&host(&format!(
                    "{h1}\n{}",
                    STATIC.replace("10.20.0.1\"", "10.21.0.1\"")
                ))),
            ),
            error: r#"Gateway Outside The Subnet.*10.21.0.1.*10.20.0.0/24"#,
        },
        Bad {
            name: "incomplete",
            hcl: edge_with("", &cp(&host(&format!("{h1}\nstatic_ip = \"10.20.0.11\"")))),
            error: r#"Incomplete Static Address"#,
        },
        Bad {
            name: "same address twice",
            hcl: edge_with(
                "",
                &cp(&format!(
                    "{}{}",
                    host(&format!("{h1}\n{STATIC}")),
                    host(&format!("{h2}\n{STATIC}"))
                )),
            ),
            error: r#"Static Address Used Twice.*10.20.0.11"#,
        },
        Bad {
            name: "role without two-node",
            hcl: edge_with(
                "",
                &cp(&host(&format!("{h1}\ntwo_node_role = \"primary\""))),
            ),
            error: r#"Two-Node Role Without A Two-Node Cluster.*is_two_node_cluster"#,
        },
        Bad {
            name: "two-node with one host",
            hcl: edge_with(
                "is_two_node_cluster = true",
                &cp(&host(&format!("{h1}\ntwo_node_role = \"primary\""))),
            ),
            error: r#"Two-Node Control Plane Needs Two Hosts"#,
        },
        Bad {
            name: "two-node with two primaries",
            hcl: edge_with(
                "is_two_node_cluster = true",
                &cp(&format!(
                    "{}{}",
                    host(&format!("{h1}\ntwo_node_role = \"primary\"")),
                    host(&format!("{h2}\ntwo_node_role = \"primary\""))
                )),
            ),
            error: r#"Two-Node Roles Missing.*one `primary` and one `secondary`"#,
        },
        Bad {
            name: "two-node in list form",
            hcl: edge_with(
                "is_two_node_cluster = true",
                "  machine_pool {\n    name = \"cp\"\n    control_plane = true\n    edge_hosts = [\"edge-host-1\", \"edge-host-2\"]\n  }\n",
            ),
            error: r#"Two-Node Roles Missing"#,
        },
        Bad {
            name: "unknown host in a block",
            hcl: edge_with("", &cp(&host(r#"host = "edge-host-99""#))),
            error: r#"Unknown Edge Host.*edge-host-99"#,
        },
        Bad {
            name: "architecture",
            hcl: edge_with(
                "",
                "  machine_pool {\n    name = \"cp\"\n    control_plane = true\n    arch_type = \"riscv\"\n    edge_hosts = [\"edge-host-1\"]\n  }\n",
            ),
            error: r#"arch_type"#,
        },
        Bad {
            name: "arm64 hosts in an amd64 pool",
            hcl: edge_with(
                "",
                "  machine_pool {\n    name = \"cp\"\n    control_plane = true\n    edge_hosts = [\"edge-host-5\"]\n  }\n",
            ),
            error: r#"Edge Host Architecture Mismatch.*"edge-host-5" is arm64.*arch_type = "arm64""#,
        },
        Bad {
            name: "windows system pool",
            hcl: aks_with(
                &aks,
                "is_system_node_pool = true\n    os_type = \"Windows\"",
                "win",
            ),
            error: r#"Windows System Node Pool"#,
        },
        Bad {
            name: "windows pool name",
            hcl: aks_with(&aks, "os_type = \"Windows\"", "windows"),
            error: r#"Invalid Windows Pool Name.*"windows""#,
        },
        Bad {
            name: "disk type",
            hcl: aks_with(&aks, "storage_account_type = \"UltraSSD_LRS\"", "user"),
            error: r#"storage_account_type"#,
        },
        Bad {
            name: "edge host blocks elsewhere",
            hcl: aks_with(
                &aks,
                "edge_host {\n      host = \"edge-host-1\"\n    }",
                "user",
            ),
            error: r#"Unsupported Machine Pool Field.*`edge_host` blocks"#,
        },
        Bad {
            name: "os type elsewhere",
            hcl: azure_with(&azure, "", "os_type = \"Windows\""),
            error: r#"Unsupported Machine Pool Field.*os_type"#,
        },
        Bad {
            name: "subnet outside the network",
            hcl: azure_with(
                &azure,
                "vnet_cidr_block = \"10.50.0.0/16\"\n    worker_subnet_cidr = \"10.60.0.0/24\"",
                "",
            ),
            error: r#"Subnet Outside The Virtual Network.*worker_subnet_cidr"#,
        },
        Bad {
            name: "subnet not a network",
            hcl: azure_with(&azure, "control_plane_subnet_cidr = \"10.50.0.1/24\"", ""),
            error: r#"Invalid CIDR"#,
        },
        Bad {
            name: "subnetwork without network",
            hcl: format!(
                r#"data "palette_cloud_account" "gcp" {{
  name = "gcp-dev"
}}
resource "palette_cluster" "x" {{
  name             = "bad"
  cloud_account_id = data.palette_cloud_account.gcp.id
  gcp {{
    project = "acme"
    region  = "us-central1"
  }}
  cluster_profile {{
    id = "{gcp}"
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "n2-standard-4"
    subnetwork    = "k8s"
  }}
}}
"#
            ),
            error: r#"Subnetwork Without A Network.*subnetwork"#,
        },
    ];
    let tf = Terraform::new(&emu);
    tf.write_config(HEADER);
    tf.init();
    let mut failures = Vec::new();
    for bad in &cases {
        tf.write_config(&format!("{HEADER}{}", bad.hcl.replace("PROFILE", &edge)));
        let out = emu.assert_no_writes(bad.name, || tf.try_plan());
        let text = format!("{}\n{}", out.stdout, out.stderr);
        let flat = text
            .replace(['│', '╷', '╵'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let matched = regex::Regex::new(bad.error).unwrap().is_match(&flat);
        if out.success() || !matched {
            failures.push(format!("{}: wanted {:?}\n{flat}", bad.name, bad.error));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));

    // A module variable is unknown at validate: not refused there; checked once known.
    let module = |gateway: &str| {
        format!(
            r#"{HEADER}
module "site" {{
  source  = "./site"
  profile = "{edge}"
  gateway = "{gateway}"
}}
"#
        )
    };
    tf.write_file(
        "site/main.tf",
        &format!(
            r#"{}
variable "profile" {{
  type = string
}}
variable "gateway" {{
  type = string
}}
{}"#,
            HEADER.replace("provider \"palette\" {}", ""),
            edge_with(
                "",
                &cp(&host(&format!(
                    "{h1}\nstatic_ip = \"10.20.0.11\"\n      subnet_mask = \"255.255.255.0\"\n      default_gateway = var.gateway"
                ))),
            )
            .replace("\"PROFILE\"", "var.profile")
        ),
    );
    tf.write_config(&module("10.21.0.1"));
    tf.init();
    let validate = tf.run(&["validate", "-no-color"]);
    assert!(
        validate.success(),
        "{}\n{}",
        validate.stdout,
        validate.stderr
    );
    emu.assert_no_writes("a plan with a bad gateway", || {
        tf.try_plan()
            .expect_error(r#"Gateway Outside The Subnet.*10.21.0.1"#);
    });
    tf.write_config(&module("10.20.0.1"));
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}\n{}", plan.stdout, plan.stderr);
}

/// An AKS cluster with a system pool and one more pool named `name` with `lines`.
fn aks_with(profile: &str, lines: &str, name: &str) -> String {
    format!(
        r#"data "palette_cloud_account" "azure" {{
  name = "azure-dev"
}}
resource "palette_cluster" "x" {{
  name             = "bad"
  cloud_account_id = data.palette_cloud_account.azure.id
  aks {{
    subscription_id = "sub-1"
    location        = "eastus"
    ssh_key         = "ssh-ed25519 AAAA test"
    resource_group  = "rg-1"
  }}
  cluster_profile {{
    id = "{profile}"
  }}
  machine_pool {{
    name                = "system"
    is_system_node_pool = true
    count               = 1
    instance_type       = "Standard_D4s_v3"
  }}
  machine_pool {{
    name          = "{name}"
    count         = 1
    instance_type = "Standard_D4s_v3"
    {lines}
  }}
}}
"#
    )
}

/// An Azure cluster with extra block lines and extra lines on its control-plane pool.
fn azure_with(profile: &str, block: &str, pool: &str) -> String {
    format!(
        r#"data "palette_cloud_account" "azure" {{
  name = "azure-dev"
}}
resource "palette_cluster" "x" {{
  name             = "bad"
  cloud_account_id = data.palette_cloud_account.azure.id
  azure {{
    subscription_id = "sub-1"
    location        = "eastus"
    ssh_key         = "ssh-ed25519 AAAA test"
    {block}
  }}
  cluster_profile {{
    id = "{profile}"
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "Standard_D4s_v3"
    {pool}
  }}
}}
"#
    )
}

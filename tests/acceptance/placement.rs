//! Data-centre placement: vSphere pools placed one by one over the block's defaults, with static
//! IPs from an IP pool on the account's private cloud gateway, and MAAS pools in zones with
//! machine tags. Apply, an empty plan, import reproducing the placements, drift made through
//! the API, an in-place move of a pool, an IP pool too small refused at apply with nothing left
//! behind, and what the gateway does not see refused at plan. Nutanix pools, whose Prism
//! placement Palette's API cannot check, reported at apply when Prism has no such subnet.

use serde_json::{Value, json};

use crate::bad_input::at;
use crate::cluster::{HEADER, case, cluster_hcl, generated_import, infra_profile, outside};
use crate::support::{Emulator, Terraform};

const VSPHERE_PROFILE: &str = r#"
data "palette_cloud_account" "vsphere" {
  name        = "vsphere-dev"
  environment = "vsphere"
}

data "palette_private_cloud_gateway" "dc1" {
  name = "pcg-dc1"
}

resource "palette_cluster_profile" "vsphere" {
  name        = "placement-vsphere"
  type        = "infra"
  environment = "vsphere"
  pack {
    name = "ubuntu-vsphere"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes"
    tag  = "1.33.10"
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "csi-vsphere-csi"
    tag  = "3.7.0"
  }
}
"#;

/// An IP pool on pcg-dc1 holding `start` to `end` of 10.10.5.0/24.
fn ip_pool(label: &str, name: &str, start: &str, end: &str) -> String {
    format!(
        r#"
resource "palette_ip_pool" "{label}" {{
  private_cloud_gateway_id = data.palette_private_cloud_gateway.dc1.id
  name                     = "{name}"
  network_type             = "range"
  ip_start_range           = "10.10.5.{start}"
  ip_end_range             = "10.10.5.{end}"
  prefix                   = 24
  gateway                  = "10.10.5.1"
}}
"#
    )
}

/// A vSphere cluster `label` on IP pool `pool`: a control plane of one, `workers` nodes placed by
/// the block, and a `batch` pool with `batch_placement` (HCL inside its `placement` block).
fn vsphere_cluster(label: &str, pool: &str, workers: u32, batch_placement: &str) -> String {
    format!(
        r#"
resource "palette_cluster" "{label}" {{
  name             = "placement-{label}"
  cloud_account_id = data.palette_cloud_account.vsphere.id
  vsphere {{
    datacenter      = "dc1"
    folder          = "prod"
    image_template_folder = "templates"
    compute_cluster = "cl1"
    datastore       = "ds1"
    network         = "prod-net"
    resource_pool   = "prod"
    static_ip       = true
    ip_pool_id      = palette_ip_pool.{pool}.id
    network_type    = "DDNS"
    network_search_domain = "prod.dc1.example.com"
  }}
  cluster_profile {{
    id = palette_cluster_profile.vsphere.id
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    cpu           = 4
    memory_mb     = 8192
    disk_size_gb  = 60
  }}
  machine_pool {{
    name         = "workers"
    count        = {workers}
    cpu          = 8
    memory_mb    = 16384
    disk_size_gb = 80
  }}
  machine_pool {{
    name         = "batch"
    count        = 1
    cpu          = 8
    memory_mb    = 16384
    disk_size_gb = 80
    placement {{
{batch_placement}
    }}
  }}
}}
"#
    )
}

const BATCH_IN_CL2: &str = r#"      compute_cluster = "cl2"
      datastore       = "ds2"
      resource_pool   = "batch"
      image_template_folder = "prod""#;

/// `text` with each run of spaces as one, so an attribute reads the same however Terraform
/// aligns its block.
fn squeezed(text: &str) -> String {
    text.split(' ')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The cloud config of the cluster at `address`, as the API reports it.
fn cloud_config(emu: &Emulator, tf: &Terraform, address: &str) -> Value {
    let uid = tf.resource_values(address)["cloud_config_id"]
        .as_str()
        .expect("a cloud config id")
        .to_string();
    outside(emu, async |client, scope| {
        client
            .get_cloud_config::<Value>(scope, &palette_api::CloudType::parse("vsphere"), &uid)
            .await
    })
    .expect("the cloud config")
}

/// The first placement of pool `name` in a cloud config.
fn placement_of<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["spec"]["machinePoolConfig"]
        .as_array()
        .expect("pools")
        .iter()
        .find(|p| p["name"] == name)
        .map(|p| &p["placements"][0])
        .unwrap_or_else(|| panic!("no pool {name} in {config}"))
}

/// Static IPs and a pool placed in a second compute cluster: applied, read back with an empty
/// plan, the placements as Palette stores them; imported (and generated) with an empty plan;
/// a pool moved in place; a pool moved outside Terraform shown as drift and moved back.
#[test]
fn vsphere_pools_are_placed_one_by_one() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let config = |batch: &str| {
        format!(
            "{HEADER}{VSPHERE_PROFILE}{}{}",
            ip_pool("nodes", "placement-nodes", "20", "40"),
            vsphere_cluster("x", "nodes", 2, batch)
        )
    };
    tf.write_config(&config(BATCH_IN_CL2));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let ip_pool_id = tf.resource_values("palette_ip_pool.nodes")["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Palette has each pool where the configuration puts it, with the IP pool.
    let stored = cloud_config(&emu, &tf, "palette_cluster.x");
    let workers = placement_of(&stored, "workers");
    assert_eq!(
        (
            &workers["cluster"],
            &workers["datastore"],
            &workers["resourcePool"]
        ),
        (&json!("cl1"), &json!("ds1"), &json!("prod")),
        "{stored}"
    );
    assert_eq!(
        workers["network"]["parentPoolRef"]["uid"], ip_pool_id,
        "{stored}"
    );
    let batch = placement_of(&stored, "batch");
    assert_eq!(
        (
            &batch["cluster"],
            &batch["datastore"],
            &batch["resourcePool"]
        ),
        (&json!("cl2"), &json!("ds2"), &json!("batch")),
        "{stored}"
    );
    assert_eq!(batch["network"]["networkName"], "prod-net", "{stored}");
    assert_eq!(batch["imageTemplateFolder"], "prod", "{stored}");
    assert_eq!(workers["imageTemplateFolder"], "templates", "{stored}");
    assert_eq!(batch["network"]["parentPoolRef"]["uid"], ip_pool_id);
    assert_eq!(
        stored["spec"]["clusterConfig"]["controlPlaneEndpoint"]["ddnsSearchDomain"],
        "prod.dc1.example.com",
        "{stored}"
    );
    assert_eq!(
        stored["spec"]["clusterConfig"]["placement"]["imageTemplateFolder"], "templates",
        "{stored}"
    );
    let state = tf.resource_values("palette_cluster.x");
    let pools = state["machine_pool"].as_array().unwrap();
    assert_eq!(pools[1]["placement"], json!([]), "workers: {state}");
    assert_eq!(pools[2]["placement"][0]["compute_cluster"], "cl2");
    assert_eq!(pools[2]["placement"][0]["network"], Value::Null);

    // Import reproduces the placements: the pool placed by the defaults has none.
    let uid = state["id"].as_str().unwrap().to_string();
    tf.run_ok(&["state", "rm", "-no-color", "palette_cluster.x"]);
    tf.import("palette_cluster.x", &uid);
    emu.assert_no_writes("the plan after import", || tf.assert_empty_plan());
    let generated = generated_import(&emu, "palette_cluster.imported", &uid);
    assert!(
        squeezed(&generated).contains("compute_cluster = \"cl2\"")
            && generated.contains(&format!("\"{ip_pool_id}\""))
            && generated.contains("prod.dc1.example.com")
            && generated.contains("image_template_folder = \"templates\""),
        "{generated}"
    );

    // Moving the batch pool to the shared datastore is a pool update, in place.
    tf.write_config(&config(
        r#"      compute_cluster = "cl2"
      datastore       = "ds-shared"
      resource_pool   = "batch""#,
    ));
    let plan = tf.run(&["plan", "-no-color", "-input=false"]);
    assert!(
        plan.stdout
            .contains("Plan: 0 to add, 1 to change, 0 to destroy."),
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
    let stored = cloud_config(&emu, &tf, "palette_cluster.x");
    assert_eq!(placement_of(&stored, "batch")["datastore"], "ds-shared");

    // The workers moved to cl2 outside Terraform: the plan shows it and moves them back.
    let config_uid = tf.resource_values("palette_cluster.x")["cloud_config_id"]
        .as_str()
        .unwrap()
        .to_string();
    let moved = json!({
        "cloudConfig": {
            "instanceType": {"numCPUs": 8, "memoryMiB": 16384, "diskGiB": 80},
            "placements": [{"cluster": "cl2", "datastore": "ds2", "resourcePool": "batch",
                "network": {"networkName": "prod-net", "staticIp": true, "parentPoolUid": ip_pool_id}}],
        },
        "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"], "isControlPlane": false},
    });
    outside(&emu, async |client, scope| {
        client
            .update_machine_pool(
                scope,
                &palette_api::CloudType::parse("vsphere"),
                &config_uid,
                "workers",
                &moved,
            )
            .await
    })
    .expect("moving the workers");
    let plan = tf.run(&["plan", "-no-color", "-input=false"]);
    assert!(
        squeezed(&plan.stdout).contains("compute_cluster = \"cl2\"")
            && plan.stdout.contains("1 to change"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let stored = cloud_config(&emu, &tf, "palette_cluster.x");
    assert_eq!(placement_of(&stored, "workers")["cluster"], "cl1");
    tf.destroy();
}

/// The block's placement defaults change in place: Palette places each pool with placements of
/// its own, so a new default datastore and network go in the machine-pool update of every pool
/// that takes them (the batch pool takes the network only), planned as an update, not a
/// replacement; applied (the repave approved), then an empty plan, and every pool placed anew.
#[test]
fn vsphere_placement_defaults_change_in_place() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let config = |datastore: &str, network: &str| {
        format!(
            "{HEADER}{VSPHERE_PROFILE}{}{}",
            ip_pool("nodes", "placement-defaults", "20", "40"),
            vsphere_cluster("x", "nodes", 2, BATCH_IN_CL2)
                .replace("\"ds1\"", &format!("\"{datastore}\""))
                .replace("\"prod-net\"", &format!("\"{network}\""))
        )
    };
    tf.write_config(&config("ds1", "prod-net"));
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.x")["id"]
        .as_str()
        .unwrap()
        .to_string();

    tf.write_config(&config("ds-shared", "vm-network"));
    tf.run_ok(&["plan", "-no-color", "-input=false", "-out=defaults.tfplan"]);
    let plan: Value =
        serde_json::from_str(&tf.run_ok(&["show", "-json", "defaults.tfplan"]).stdout)
            .expect("terraform show -json prints JSON");
    let change = plan["resource_changes"]
        .as_array()
        .expect("resource changes")
        .iter()
        .find(|c| c["address"] == "palette_cluster.x")
        .expect("the cluster's change");
    assert_eq!(change["change"]["actions"], json!(["update"]), "{change}");
    assert_eq!(change["change"]["replace_paths"], Value::Null, "{change}");
    assert_eq!(
        change["change"]["after"]["vsphere"]["datastore"], "ds-shared",
        "{change}"
    );
    tf.run_ok(&["apply", "-no-color", "-input=false", "defaults.tfplan"]);
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    assert_eq!(
        tf.resource_values("palette_cluster.x")["id"],
        uid.as_str(),
        "the same cluster"
    );

    // The nodes were made in the old placement, so Palette repaved the pools, and the apply
    // approved the repave it held.
    let repave = outside(&emu, async |client, scope| {
        client.get_cluster_repave(scope, &uid).await
    })
    .expect("the repave status");
    let repave = serde_json::to_value(repave).expect("JSON");
    assert_eq!(repave["status"]["state"], "Approved", "{repave}");
    for name in ["cp", "workers", "batch"] {
        assert!(
            repave
                .to_string()
                .contains(&format!("machine pool {name}: placements changed")),
            "{name}: {repave}"
        );
    }

    // Every pool that takes a default has it now; the batch pool keeps its own datastore.
    let stored = cloud_config(&emu, &tf, "palette_cluster.x");
    for name in ["cp", "workers"] {
        let placement = placement_of(&stored, name);
        assert_eq!(
            (
                &placement["cluster"],
                &placement["datastore"],
                &placement["network"]["networkName"]
            ),
            (&json!("cl1"), &json!("ds-shared"), &json!("vm-network")),
            "{name}: {stored}"
        );
    }
    let batch = placement_of(&stored, "batch");
    assert_eq!(
        (&batch["datastore"], &batch["network"]["networkName"]),
        (&json!("ds2"), &json!("vm-network")),
        "{stored}"
    );
    let state = tf.resource_values("palette_cluster.x");
    assert_eq!(state["machine_pool"][1]["placement"], json!([]), "{state}");
    assert_eq!(
        state["machine_pool"][2]["placement"][0]["network"],
        Value::Null,
        "{state}"
    );
    tf.destroy();
}

/// An IP pool with fewer free addresses than the nodes need: the create is refused at apply,
/// naming the field, and nothing is left behind (no cluster in Palette, none in state). Once the
/// first cluster is gone its addresses are free again.
#[test]
fn an_exhausted_ip_pool_is_refused_at_apply_and_addresses_are_released() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    // Five addresses: the first cluster's four nodes fit, the second's four do not.
    let pool = ip_pool("small", "placement-small", "10", "14");
    let first = vsphere_cluster("first", "small", 2, BATCH_IN_CL2);
    let second = vsphere_cluster("second", "small", 2, BATCH_IN_CL2);
    tf.write_config(&format!("{HEADER}{VSPHERE_PROFILE}{pool}{first}"));
    tf.init();
    tf.apply();
    tf.write_config(&format!("{HEADER}{VSPHERE_PROFILE}{pool}{first}{second}"));
    tf.try_apply()
        .expect_error(r"parentPoolUid: IP pool 'placement-small' has 1 free addresses");
    assert!(
        !tf.state_list()
            .contains(&"palette_cluster.second".to_string()),
        "{:?}",
        tf.state_list()
    );
    let found = outside(&emu, async |client, scope| {
        client.find_cluster_by_name(scope, "placement-second").await
    })
    .expect("the search");
    assert_eq!(found, None, "nothing left behind in Palette");
    // The first cluster gone, its addresses go back to the pool.
    tf.write_config(&format!("{HEADER}{VSPHERE_PROFILE}{pool}"));
    tf.apply();
    tf.write_config(&format!("{HEADER}{VSPHERE_PROFILE}{pool}{second}"));
    tf.apply();
    tf.assert_empty_plan();
    tf.destroy();
}

/// What the gateway does not see, and static-IP settings that do not fit, are refused at plan
/// at the attribute that writes them, with no write; an IP pool id unknown until apply waits.
#[test]
fn placements_the_gateway_does_not_see_are_refused_at_plan() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let pool = ip_pool("nodes", "placement-plan", "20", "40");
    let base = format!("{HEADER}{VSPHERE_PROFILE}{pool}");
    let c = "palette_cluster.x";
    let cluster = |batch: &str| vsphere_cluster("x", "nodes", 2, batch);
    let cases: Vec<(&str, String, String)> = vec![
        (
            "a datastore the gateway does not see",
            cluster("      compute_cluster = \"cl2\"\n      datastore = \"ds-missing\""),
            at("Unknown vSphere Placement", c, "datastore"),
        ),
        (
            "a compute cluster the gateway does not see",
            cluster("      compute_cluster = \"cl9\""),
            at("Unknown vSphere Compute Cluster", c, "compute_cluster"),
        ),
        (
            "a default datastore not in the pool's compute cluster",
            cluster("      compute_cluster = \"cl2\"\n      resource_pool = \"batch\""),
            at("Unknown vSphere Placement", c, "datastore"),
        ),
        (
            "a datacenter the gateway does not see",
            cluster(BATCH_IN_CL2).replace("\"dc1\"", "\"dc9\""),
            at("Unknown vSphere Datacenter", c, "datacenter"),
        ),
        (
            "an image template folder the gateway does not see",
            cluster(BATCH_IN_CL2).replace("\"templates\"", "\"golden-images\""),
            at("Unknown vSphere Folder", c, "image_template_folder"),
        ),
        (
            "a pool's image template folder the gateway does not see",
            cluster(&BATCH_IN_CL2.replace("\"prod\"", "\"golden-images\"")),
            at("Unknown vSphere Folder", c, "image_template_folder"),
        ),
        (
            "static IPs without an IP pool",
            cluster(BATCH_IN_CL2).replace("ip_pool_id      = palette_ip_pool.nodes.id", ""),
            at("Missing IP Pool", c, "static_ip"),
        ),
        (
            "an IP pool without static IPs",
            cluster(BATCH_IN_CL2).replace("static_ip       = true", "static_ip = false"),
            at("IP Pool Without Static IPs", c, "ip_pool_id"),
        ),
        (
            "a search domain without a DDNS endpoint",
            cluster(BATCH_IN_CL2).replace("\"DDNS\"", "\"VIP\""),
            at("Search Domain Without DDNS", c, "network_search_domain"),
        ),
        (
            "a placement on a MAAS pool",
            MAAS_CLUSTER.replace(
                "node_tags     = [\"nvme\"]",
                "placement {\n      compute_cluster = \"cl1\"\n    }",
            ),
            at(
                "Unsupported Machine Pool Field",
                "palette_cluster.metal",
                "placement",
            ),
        ),
        (
            "machine tags on a vSphere pool",
            cluster(BATCH_IN_CL2).replace(
                "    count         = 1\n    cpu           = 4",
                "    count         = 1\n    node_tags     = [\"gpu\"]\n    cpu           = 4",
            ),
            at("Unsupported Machine Pool Field", c, "node_tags"),
        ),
    ];
    tf.write_config(&base);
    tf.init();
    tf.apply();
    for (what, hcl, expect) in cases {
        tf.write_config(&format!("{base}{MAAS_ACCOUNT}{hcl}"));
        emu.assert_no_writes(what, || {
            tf.try_plan().expect_error(&expect);
        });
    }
    // Static IPs from an IP pool made in the same apply: its id is unknown at plan, and waits.
    let later = ip_pool("later", "placement-later", "50", "60");
    tf.write_config(&format!(
        "{base}{later}{}",
        vsphere_cluster("x", "later", 2, BATCH_IN_CL2)
    ));
    let plan = tf.run(&["plan", "-no-color", "-input=false"]);
    assert!(
        plan.success() && plan.stdout.contains("2 to add"),
        "{}\n{}",
        plan.stdout,
        plan.stderr
    );
}

const MAAS_ACCOUNT: &str = r#"
data "palette_cloud_account" "maas" {
  name        = "maas-dev"
  environment = "maas"
}

resource "palette_cluster_profile" "maas" {
  name        = "placement-maas"
  type        = "infra"
  environment = "maas"
  pack {
    name = "ubuntu-maas"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes"
    tag  = "1.33.10"
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "csi-maas-volume"
    tag  = "1.0.0"
  }
}
"#;

const MAAS_CLUSTER: &str = r#"
resource "palette_cluster" "metal" {
  name             = "placement-metal"
  cloud_account_id = data.palette_cloud_account.maas.id
  maas {
    domain = "maas.example.com"
  }
  cluster_profile {
    id = palette_cluster_profile.maas.id
  }
  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 1
    resource_pool = "default"
    azs           = ["az1"]
  }
  machine_pool {
    name          = "workers"
    count         = 2
    resource_pool = "bare-metal"
    azs           = ["az1", "az2"]
    node_tags     = ["nvme"]
  }
}
"#;

/// MAAS pools in zones with machine tags: applied and read back empty, imported empty, tags
/// changed in place, and a zone or tag the account's MAAS does not have refused at plan (and
/// by the API, naming the field).
#[test]
fn maas_pools_take_zones_and_machine_tags() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_config(&format!("{HEADER}{MAAS_ACCOUNT}{MAAS_CLUSTER}"));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let state = tf.resource_values("palette_cluster.metal");
    assert_eq!(state["machine_pool"][1]["node_tags"], json!(["nvme"]));
    let uid = state["id"].as_str().unwrap().to_string();
    tf.run_ok(&["state", "rm", "-no-color", "palette_cluster.metal"]);
    tf.import("palette_cluster.metal", &uid);
    emu.assert_no_writes("the plan after import", || tf.assert_empty_plan());

    tf.write_config(&format!(
        "{HEADER}{MAAS_ACCOUNT}{}",
        MAAS_CLUSTER.replace("[\"nvme\"]", "[\"nvme\", \"rack-b\"]")
    ));
    let plan = tf.run(&["plan", "-no-color", "-input=false"]);
    assert!(
        plan.stdout.contains("1 to change") && !plan.stdout.contains("forces replacement"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let config_uid = tf.resource_values("palette_cluster.metal")["cloud_config_id"]
        .as_str()
        .unwrap()
        .to_string();
    let stored = outside(&emu, async |client, scope| {
        client
            .get_cloud_config::<Value>(scope, &palette_api::CloudType::parse("maas"), &config_uid)
            .await
    })
    .expect("the cloud config");
    let workers = &stored["spec"]["machinePoolConfig"][1];
    assert_eq!(workers["tags"], json!(["nvme", "rack-b"]), "{stored}");

    // A zone or tag the account's MAAS does not have: refused at plan, at the attribute.
    for (from, to, attr) in [
        ("[\"az1\", \"az2\"]", "[\"az1\", \"az9\"]", "azs"),
        ("[\"nvme\"]", "[\"nvme\", \"tpu\"]", "node_tags"),
    ] {
        tf.write_config(&format!(
            "{HEADER}{MAAS_ACCOUNT}{}",
            MAAS_CLUSTER.replace(from, to)
        ));
        emu.assert_no_writes(attr, || {
            tf.try_plan().expect_error(&at(
                "Unknown MAAS Placement",
                "palette_cluster.metal",
                attr,
            ));
        });
    }
    // And by Palette, naming the field, where the plan-time check is not there to stop it.
    let refused = outside(&emu, async |client, scope| {
        let body = json!({
            "cloudConfig": {"resourcePool": "bare-metal", "instanceType": {}, "azs": ["az9"]},
            "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]},
        });
        client
            .update_machine_pool(
                scope,
                &palette_api::CloudType::parse("maas"),
                &config_uid,
                "workers",
                &body,
            )
            .await
    })
    .expect_err("an unknown zone");
    assert!(
        refused
            .to_string()
            .contains("cloudConfig.azs: machine pool 'workers': zone 'az9'"),
        "{refused}"
    );
    tf.write_config(&format!("{HEADER}{MAAS_ACCOUNT}{MAAS_CLUSTER}"));
    tf.destroy();
}

/// A MAAS cluster whose workers are LXD virtual machines in a network with static addresses
/// from an IP pool on the MAAS gateway (`workers` is the workers' extra HCL).
fn maas_lxd_cluster(workers: &str, enable_lxd_vm: bool) -> String {
    format!(
        r#"{HEADER}{MAAS_ACCOUNT}
data "palette_private_cloud_gateway" "maas" {{
  name = "pcg-maas"
}}

resource "palette_ip_pool" "metal" {{
  private_cloud_gateway_id = data.palette_private_cloud_gateway.maas.id
  name                     = "placement-metal"
  network_type             = "range"
  ip_start_range           = "10.10.6.20"
  ip_end_range             = "10.10.6.60"
  prefix                   = 24
  gateway                  = "10.10.6.1"
}}

resource "palette_cluster" "lxd" {{
  name             = "placement-lxd"
  cloud_account_id = data.palette_cloud_account.maas.id
  maas {{
    domain        = "maas.example.com"
    enable_lxd_vm = {enable_lxd_vm}
  }}
  cluster_profile {{
    id = palette_cluster_profile.maas.id
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    resource_pool = "default"
  }}
  machine_pool {{
    name          = "workers"
    count         = 2
    resource_pool = "bare-metal"
{workers}
  }}
}}
"#
    )
}

const LXD_WORKERS: &str = r#"    use_lxd_vm    = true
    network {
      network_name    = "prod-metal"
      parent_pool_uid = palette_ip_pool.metal.id
      static_ip       = true
    }"#;

/// MAAS pools of LXD virtual machines in a network with static addresses from an IP pool:
/// applied and read back empty, stored as Palette's `useLxdVm` and `network` (the IP pool as
/// its reference), imported empty, the network changed in place, drift made through the API
/// shown, and what Palette refuses refused at plan (or by Palette, naming the field).
#[test]
fn maas_pools_take_lxd_vms_and_static_networks() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_config(&maas_lxd_cluster(LXD_WORKERS, false));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let pool_uid = tf.resource_values("palette_ip_pool.metal")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let state = tf.resource_values("palette_cluster.lxd");
    let uid = state["id"].as_str().unwrap().to_string();
    let config_uid = state["cloud_config_id"].as_str().unwrap().to_string();
    let read = |emu: &Emulator| {
        outside(emu, async |client, scope| {
            client
                .get_cloud_config::<Value>(
                    scope,
                    &palette_api::CloudType::parse("maas"),
                    &config_uid,
                )
                .await
        })
        .expect("the cloud config")
    };
    let stored = read(&emu);
    let workers = &stored["spec"]["machinePoolConfig"][1];
    assert_eq!(workers["useLxdVm"], true, "{stored}");
    assert_eq!(workers["network"]["networkName"], "prod-metal", "{stored}");
    assert_eq!(workers["network"]["staticIp"], true, "{stored}");
    assert_eq!(
        workers["network"]["parentPoolRef"]["uid"], pool_uid,
        "{stored}"
    );

    // Import reproduces the LXD VMs and the network.
    tf.run_ok(&["state", "rm", "-no-color", "palette_cluster.lxd"]);
    tf.import("palette_cluster.lxd", &uid);
    emu.assert_no_writes("the plan after import", || tf.assert_empty_plan());
    let generated = generated_import(&emu, "palette_cluster.imported", &uid);
    assert!(
        generated.contains("use_lxd_vm")
            && generated.contains("prod-metal")
            && generated.contains(&format!("\"{pool_uid}\"")),
        "{generated}"
    );

    // Another network, in place.
    tf.write_config(&maas_lxd_cluster(
        &LXD_WORKERS.replace("prod-metal", "prod-metal-b"),
        false,
    ));
    let plan = tf.run(&["plan", "-no-color", "-input=false"]);
    assert!(
        plan.stdout.contains("1 to change") && !plan.stdout.contains("forces replacement"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    assert_eq!(
        read(&emu)["spec"]["machinePoolConfig"][1]["network"]["networkName"],
        "prod-metal-b"
    );

    // Drift: the pool moved to bare metal on DHCP through the API.
    let body = |network: Value, lxd: bool| {
        json!({
            "cloudConfig": {"resourcePool": "bare-metal", "instanceType": {}, "useLxdVm": lxd, "network": network},
            "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]},
        })
    };
    let dhcp = body(
        json!({"networkName": "prod-metal-b", "staticIp": false}),
        false,
    );
    let cfg = config_uid.clone();
    outside(&emu, async |client, scope| {
        client
            .update_machine_pool(
                scope,
                &palette_api::CloudType::parse("maas"),
                &cfg,
                "workers",
                &dhcp,
            )
            .await
    })
    .expect("the pool update");
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("use_lxd_vm") && plan.stdout.contains(&pool_uid),
        "drift shows the LXD VMs and the IP pool:\n{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // Palette refuses an IP pool that is not the gateway's, and an IP pool on DHCP.
    for (network, want) in [
        (
            json!({"networkName": "n", "staticIp": true, "parentPoolUid": "0123456789abcdef01234567"}),
            "does not exist on the cloud account's private cloud gateway",
        ),
        (
            json!({"networkName": "n", "staticIp": false, "parentPoolUid": pool_uid}),
            "an IP pool is for static IPs",
        ),
        (
            json!({"networkName": "n", "staticIp": true}),
            "need an IP pool",
        ),
    ] {
        let sent = body(network, true);
        let err = outside(&emu, async |client, scope| {
            client
                .update_machine_pool(
                    scope,
                    &palette_api::CloudType::parse("maas"),
                    &config_uid,
                    "workers",
                    &sent,
                )
                .await
        })
        .expect_err(want);
        assert!(
            err.to_string()
                .contains("cloudConfig.network.parentPoolUid")
                && err.to_string().contains(want),
            "{err}"
        );
    }

    // At plan: static addresses without an IP pool, an IP pool on DHCP, and LXD VMs for the
    // control plane of an LXD host cluster.
    let c = "palette_cluster.lxd";
    let cases = [
        (
            "static IPs without an IP pool",
            maas_lxd_cluster(
                &LXD_WORKERS.replace("parent_pool_uid = palette_ip_pool.metal.id", ""),
                false,
            ),
            "Missing IP Pool",
            "static_ip",
        ),
        (
            "an IP pool on DHCP",
            maas_lxd_cluster(&LXD_WORKERS.replace("static_ip       = true", ""), false),
            "IP Pool Without Static IPs",
            "parent_pool_uid",
        ),
        (
            "LXD VMs for an LXD host's control plane",
            maas_lxd_cluster("", true).replace(
                "    count         = 1\n    resource_pool = \"default\"",
                "    count         = 1\n    resource_pool = \"default\"\n    use_lxd_vm    = true",
            ),
            "LXD VMs On An LXD Host Cluster",
            "use_lxd_vm",
        ),
    ];
    for (what, hcl, summary, attr) in cases {
        tf.write_config(&hcl);
        emu.assert_no_writes(what, || {
            tf.try_plan().expect_error(&at(summary, c, attr));
        });
    }
    tf.write_config(&maas_lxd_cluster(LXD_WORKERS, false));
    tf.destroy();
}

/// A MAAS cluster `label` with the HyperShift lines `hyper_shift` (HCL inside the block; no
/// block when empty).
fn maas_hyper_shift_cluster(label: &str, hyper_shift: &str) -> String {
    let block = if hyper_shift.is_empty() {
        String::new()
    } else {
        format!("  hyper_shift_config {{\n{hyper_shift}\n  }}\n")
    };
    format!(
        r#"
resource "palette_cluster" "{label}" {{
  name             = "hypershift-{label}"
  cloud_account_id = data.palette_cloud_account.maas.id
  maas {{
    domain = "maas.example.com"
  }}
{block}  cluster_profile {{
    id = palette_cluster_profile.maas.id
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    resource_pool = "default"
  }}
  machine_pool {{
    name          = "workers"
    count         = 1
    resource_pool = "bare-metal"
  }}
}}
"#
    )
}

/// HyperShift on MAAS: a management cluster, and an OpenShift cluster whose control plane it
/// hosts, made in one apply (the host's uid unknown until then); both read back empty, the
/// hosted one imported with its configuration; and what Palette refuses refused at plan: an
/// OpenShift cluster without a host, or hosted by a cluster that is not a management cluster
/// or does not exist.
#[test]
fn maas_hyper_shift_clusters_host_openshift_control_planes() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let mgmt = maas_hyper_shift_cluster("mgmt", "    cluster_deployment_type = \"hypershift\"");
    let hosted = |host: &str| {
        maas_hyper_shift_cluster(
            "ocp",
            &format!(
                "    cluster_deployment_type = \"openshift\"\n    host_cluster_uid        = {host}"
            ),
        )
    };
    tf.write_config(&format!(
        "{HEADER}{MAAS_ACCOUNT}{mgmt}{}",
        hosted("palette_cluster.mgmt.id")
    ));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let mgmt_uid = tf.resource_values("palette_cluster.mgmt")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let ocp_uid = tf.resource_values("palette_cluster.ocp")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let stored = outside(&emu, async |client, scope| {
        client.get_cluster(scope, &ocp_uid).await
    })
    .expect("the cluster");
    let config = stored
        .spec
        .and_then(|s| s.cluster_config)
        .and_then(|c| c.hyper_shift_config)
        .expect("a HyperShift configuration");
    assert_eq!(config.cluster_deployment_type.as_deref(), Some("openshift"));
    assert_eq!(config.host_cluster_uid.as_deref(), Some(mgmt_uid.as_str()));

    // Import reproduces the hosted cluster's configuration.
    tf.run_ok(&["state", "rm", "-no-color", "palette_cluster.ocp"]);
    tf.import("palette_cluster.ocp", &ocp_uid);
    emu.assert_no_writes("the plan after import", || tf.assert_empty_plan());
    let generated = generated_import(&emu, "palette_cluster.imported", &ocp_uid);
    assert!(
        generated.contains("cluster_deployment_type = \"openshift\"")
            && generated.contains(&mgmt_uid),
        "{generated}"
    );

    // A change of deployment type replaces the cluster (Palette takes it at create only).
    tf.write_config(&format!(
        "{HEADER}{MAAS_ACCOUNT}{mgmt}{}",
        maas_hyper_shift_cluster("ocp", "    cluster_deployment_type = \"hypershift\"")
    ));
    let plan = tf.run(&["plan", "-no-color", "-input=false"]);
    assert!(
        plan.stdout.contains("forces replacement") && plan.stdout.contains("1 to add"),
        "{}",
        plan.stdout
    );

    let c = "palette_cluster.ocp";
    let cases = [
        (
            "an OpenShift cluster without a host",
            maas_hyper_shift_cluster("ocp", "    cluster_deployment_type = \"openshift\""),
            at("Missing Host Cluster", c, "cluster_deployment_type"),
        ),
        (
            "a management cluster with a host",
            maas_hyper_shift_cluster(
                "ocp",
                &format!(
                    "    cluster_deployment_type = \"hypershift\"\n    host_cluster_uid        = \"{mgmt_uid}\""
                ),
            ),
            at(
                "Host Cluster Of A Management Cluster",
                c,
                "host_cluster_uid",
            ),
        ),
        (
            "a host that is not a management cluster",
            hosted(&format!("\"{ocp_uid}\"")),
            at("Not A HyperShift Management Cluster", c, "host_cluster_uid"),
        ),
        (
            "a host that does not exist",
            hosted("\"0123456789abcdef01234567\""),
            at("Unknown Host Cluster", c, "host_cluster_uid"),
        ),
    ];
    for (what, hcl, expect) in cases {
        tf.write_config(&format!("{HEADER}{MAAS_ACCOUNT}{mgmt}{hcl}"));
        emu.assert_no_writes(what, || {
            tf.try_plan().expect_error(&expect);
        });
    }
    tf.write_config(&format!(
        "{HEADER}{MAAS_ACCOUNT}{mgmt}{}",
        hosted("palette_cluster.mgmt.id")
    ));
    tf.destroy();
}

/// Nutanix: Palette passes a pool's Prism Element cluster and subnet to the cloud as written (its
/// API has no Prism inventory to check them against at plan), and the cloud cannot make machines
/// on a subnet Prism does not have. The apply says so, naming the subnet, when its wait ends
/// (not a bare timeout); with the name fixed, the next apply replaces the tainted cluster and
/// it runs.
#[test]
fn a_nutanix_subnet_prism_does_not_have_is_reported_at_apply() {
    let emu = Emulator::start();
    let nutanix = case("nutanix");
    let infra = infra_profile(&emu, nutanix, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let timeouts = "  timeouts {\n    create = \"8s\"\n  }\n";
    let good = cluster_hcl(nutanix, "prism", std::slice::from_ref(&infra), timeouts);
    assert!(good.contains("\"vlan-10\""), "{good}");
    tf.write_config(&format!(
        "{HEADER}{}",
        good.replace("\"vlan-10\"", "\"vlan-99\"")
    ));
    tf.init();
    tf.try_apply().expect_error(
        r"Cluster Create Timed Out.*failure it keeps retrying.*WorkerNodesReady: machines of pool \S+ cannot be created: Prism Element cluster 'pe-1' has no subnet 'vlan-99'",
    );
    tf.write_config(&format!("{HEADER}{good}"));
    tf.apply();
    tf.assert_empty_plan();
    tf.destroy();
}

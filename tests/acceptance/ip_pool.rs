//! `palette_ip_pool` and the `palette_private_cloud_gateway` data source: pools on the
//! emulator's seeded vSphere and MAAS gateways, changed in place, drift made through the API,
//! import, and destroy.

use serde_json::Value;

use crate::cluster::{HEADER, generated_import, outside};
use crate::support::{Emulator, Terraform};

/// The pools of a gateway through the API, as JSON.
fn pools(emu: &Emulator, cloud: &str, gateway: &str) -> Vec<Value> {
    let (cloud, gateway) = (cloud.to_string(), gateway.to_string());
    let listed = outside(emu, async |client, scope| {
        client.list_ip_pools(scope, &cloud, &gateway).await
    })
    .expect("the pools");
    listed
        .iter()
        .map(|p| serde_json::to_value(p).expect("JSON"))
        .collect()
}

fn config(end: &str, name: &str) -> String {
    format!(
        r#"{HEADER}
data "palette_private_cloud_gateway" "dc1" {{
  name = "pcg-dc1"
}}

data "palette_private_cloud_gateway" "maas" {{
  name = "pcg-maas"
}}

resource "palette_ip_pool" "nodes" {{
  private_cloud_gateway_id = data.palette_private_cloud_gateway.dc1.id
  name                     = "{name}"
  network_type             = "range"
  ip_start_range           = "10.10.1.10"
  ip_end_range             = "{end}"
  prefix                   = 24
  gateway                  = "10.10.1.1"
  nameserver_addresses     = ["10.10.0.53"]
}}

resource "palette_ip_pool" "metal" {{
  private_cloud_gateway_id   = data.palette_private_cloud_gateway.maas.id
  name                       = "metal"
  network_type               = "subnet"
  subnet_cidr                = "10.20.0.0/16"
  prefix                     = 16
  gateway                    = "10.20.0.1"
  restrict_to_single_cluster = true
}}
"#
    )
}

/// A range pool on the vSphere gateway and a subnet pool on the MAAS one: created, read back
/// with an empty plan, changed in place (name and range), drift made through the API shown and
/// undone, imported by `GATEWAY/NAME` with an import-only plan, and destroyed.
#[test]
fn ip_pools_live_on_their_gateways() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_config(&config("10.10.1.50", "dc1-nodes"));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let gateway = tf.resource_values("data.palette_private_cloud_gateway.dc1");
    assert_eq!(gateway["cloud_type"], "vsphere", "{gateway}");
    assert_eq!(gateway["ready"], true, "{gateway}");
    let dc1 = gateway["id"].as_str().unwrap().to_string();
    let maas = tf.resource_values("data.palette_private_cloud_gateway.maas")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let nodes = tf.resource_values("palette_ip_pool.nodes");
    let uid = nodes["id"].as_str().unwrap().to_string();
    let listed = pools(&emu, "vsphere", &dc1);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["spec"]["pool"]["end"], "10.10.1.50");
    let metal = pools(&emu, "maas", &maas);
    assert_eq!(metal[0]["spec"]["pool"]["subnet"], "10.20.0.0/16");
    assert_eq!(metal[0]["spec"]["restrictToSingleCluster"], true);

    // In place.
    tf.write_config(&config("10.10.1.60", "dc1-nodes-2"));
    let plan = tf.try_plan();
    assert!(plan.stdout.contains("update in-place"), "{}", plan.stdout);
    assert!(!plan.stdout.contains("must be replaced"), "{}", plan.stdout);
    tf.apply();
    tf.assert_empty_plan();
    assert_eq!(
        tf.resource_values("palette_ip_pool.nodes")["id"],
        uid.as_str()
    );
    assert_eq!(
        pools(&emu, "vsphere", &dc1)[0]["spec"]["pool"]["end"],
        "10.10.1.60"
    );

    // Drift through the API.
    let body = serde_json::json!({
        "metadata": {"name": "dc1-nodes-2"},
        "spec": {"pool": {"start": "10.10.1.10", "end": "10.10.1.99", "prefix": 24, "gateway": "10.10.1.1",
                           "nameserver": {"addresses": ["10.10.0.53"]}}},
    });
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let reply = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/overlords/vsphere/{dc1}/pools/{uid}"),
        Some(&body.to_string()),
    );
    assert!(
        (200..300).contains(&reply.status),
        "{} {}",
        reply.status,
        reply.body
    );
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(drift.stdout.contains("10.10.1.99"), "{}", drift.stdout);
    tf.apply();
    tf.assert_empty_plan();

    let generated = generated_import(
        &emu,
        "palette_ip_pool.imported",
        &format!("{dc1}/dc1-nodes-2"),
    );
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "ip_end_range = \"10.10.1.60\"",
        "network_type = \"range\"",
        "nameserver_addresses = [\"10.10.0.53\"]",
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }

    tf.destroy();
    assert!(pools(&emu, "vsphere", &dc1).is_empty());
    assert!(pools(&emu, "maas", &maas).is_empty());
}

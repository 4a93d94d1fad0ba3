//! Checks of the harness itself: Terraform runs, the emulator starts and counts requests, and
//! the provider built for this run serves Terraform through `dev_overrides`.

use crate::support::{Emulator, Plan, Terraform, TestEnv, emulator};

/// A configuration that only configures the provider.
const PROVIDER_ONLY: &str = r#"
terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}
"#;

/// The runner drives whichever Terraform version it was given through a full lifecycle, using
/// only Terraform's built-in `terraform_data`, so it proves the Terraform side on its own.
#[test]
fn terraform_runs_a_builtin_lifecycle() {
    let tf = Terraform::without_provider();
    tf.write_config(
        r#"
resource "terraform_data" "x" {
  input = var.greeting
}
variable "greeting" {
  default = "hello"
}
output "greeting" {
  value = terraform_data.x.output
}
"#,
    );
    tf.init();
    assert_eq!(tf.plan(), Plan::Changes);
    tf.apply();
    tf.assert_empty_plan();
    assert_eq!(tf.state_list(), ["terraform_data.x"]);
    assert_eq!(tf.resource_values("terraform_data.x")["output"], "hello");
    assert!(tf.state_show("terraform_data.x").contains("\"hello\""));
    assert!(
        !tf.log().is_empty(),
        "TF_LOG output should reach terraform.log"
    );

    tf.write_config(r#"resource "terraform_data" "x" { input = no_such_function() }"#);
    tf.try_plan()
        .expect_error(r#"Call to unknown function .* no_such_function"#);

    tf.write_config("");
    tf.apply();
    assert!(tf.state_list().is_empty());
}

/// The emulator binary starts, prints its address, requires the API key and counts requests.
#[test]
fn emulator_starts_and_counts_requests() {
    let emu = Emulator::start();
    let path = "/v1/dashboard/projects/metadata";
    let anonymous = crate::support::http::request(emu.url(), "GET", path, None, None).unwrap();
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
    let projects = emu.request("GET", path, None);
    assert_eq!(projects.status, 200, "{}", projects.body);
    assert!(
        projects.body.contains(emulator::PROJECT),
        "{}",
        projects.body
    );

    let stats = emu.stats();
    assert!(stats.requests_total >= 2, "{stats:?}");
    assert!(stats.writes().is_empty(), "{stats:?}");
    emu.reset_stats();
    assert!(emu.stats().requests_by_route.values().all(|n| *n <= 1));
}

/// The smoke test of the whole chain: Terraform starts the provider built for this run
/// (through `dev_overrides`), the provider accepts its configuration from `PALETTE_*`, and
/// planning an empty configuration changes nothing and writes nothing.
#[test]
fn provider_serves_terraform_against_the_emulator() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    assert_eq!(emu.name(), "emulator");
    tf.write_config(PROVIDER_ONLY);
    tf.init();
    let plan = emu.assert_no_writes("planning an empty configuration", || tf.plan());
    assert_eq!(plan, Plan::NoChanges);
}

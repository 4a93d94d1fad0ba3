//! `palette_ssh_key` against the emulator, with real Terraform: create from a `.pub` file read
//! with `file()` (its newline plans no change), a new key and a rename in place, drift made
//! through the API, import by name and by uid (CLI and `-generate-config-out`), an AWS cluster
//! that takes the key's name in the same apply (unknown at validate and at plan), bad input
//! refused at plan with no write, and destroy.

use palette_api::models::{ObjectMeta, UserAssetSsh, UserAssetSshSpec};
use serde_json::Value;

use crate::cluster::{HEADER, case, cluster_hcl, generated_import, infra_profile, outside};
use crate::support::emulator::PROJECT;
use crate::support::{Emulator, Plan, Terraform};

/// A public key, as `ssh-keygen` writes its `.pub` file (newline included).
const OPS_PUB: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq ops@example.com\n";
/// Another key.
const NEW_PUB: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBkZAwk7+VAT5ATgKk015PeCNItGhDRIww8G4WPC1rGq ops@example.com\n";

/// One key read from `ops.pub` in the working directory.
fn key_hcl(name: &str) -> String {
    format!(
        r#"{HEADER}
resource "palette_ssh_key" "ops" {{
  name       = "{name}"
  public_key = file("${{path.module}}/ops.pub")
}}
"#
    )
}

/// The key `uid` as the emulator has it, in the provider's project (404 gives `Null`).
fn stored(emu: &Emulator, uid: &str) -> (u16, Value) {
    let project = emu.project_uid(PROJECT);
    let reply = emu.project_request(
        &project,
        "GET",
        &format!("/v1/users/assets/sshkeys/{uid}"),
        None,
    );
    let body = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    (reply.status, body)
}

/// A Terraform directory with `ops.pub` holding `public_key` and the key named `name`, applied.
fn applied(emu: &Emulator, name: &str, public_key: &str) -> (Terraform, String) {
    let tf = Terraform::new(emu);
    tf.write_file("ops.pub", public_key);
    tf.write_config(&key_hcl(name));
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_ssh_key.ops")["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    (tf, uid)
}

/// Create, an empty plan, a new key in place (one `PUT`, nothing else written), a rename in
/// place, destroy, and 404 after.
#[test]
fn a_key_is_created_changed_in_place_and_destroyed() {
    let emu = Emulator::start();
    let (tf, uid) = applied(&emu, "ops", OPS_PUB);
    let values = tf.resource_values("palette_ssh_key.ops");
    assert_eq!(values["public_key"], OPS_PUB, "the configured text is kept");
    assert_eq!(values["context"], "project");
    let (status, key) = stored(&emu, &uid);
    assert_eq!(status, 200, "{key}");
    assert_eq!(
        key["spec"]["publicKey"],
        OPS_PUB.trim_end(),
        "Palette gets the canonical key"
    );
    emu.assert_no_writes("the plan after create", || tf.assert_empty_plan());

    // A new key changes in place: one PUT, no create or delete.
    tf.write_file("ops.pub", NEW_PUB);
    assert_eq!(tf.plan(), Plan::Changes);
    emu.reset_stats();
    let out = tf.apply();
    assert!(
        out.stdout.contains("0 added, 1 changed, 0 destroyed"),
        "{}",
        out.stdout
    );
    let writes = emu.stats().writes();
    assert_eq!(
        writes.into_iter().collect::<Vec<_>>(),
        [("PUT /v1/users/assets/sshkeys/{uid}".to_owned(), 1)],
        "one update"
    );
    assert_eq!(
        stored(&emu, &uid).1["spec"]["publicKey"],
        NEW_PUB.trim_end()
    );
    assert_eq!(
        tf.resource_values("palette_ssh_key.ops")["id"],
        uid.as_str()
    );
    tf.assert_empty_plan();

    // A rename is in place too.
    tf.write_config(&key_hcl("ops-renamed"));
    let out = tf.apply();
    assert!(
        out.stdout.contains("0 added, 1 changed, 0 destroyed"),
        "{}",
        out.stdout
    );
    assert_eq!(stored(&emu, &uid).1["metadata"]["name"], "ops-renamed");
    tf.assert_empty_plan();

    tf.destroy();
    assert!(tf.state_list().is_empty(), "{:?}", tf.state_list());
    assert_eq!(stored(&emu, &uid).0, 404, "the key is gone");
}

/// A key changed through the API shows in the next plan and the apply puts it back; a key
/// deleted through the API is planned again.
#[test]
fn drift_made_through_the_api_shows_in_the_plan() {
    let emu = Emulator::start();
    let (tf, uid) = applied(&emu, "ops", OPS_PUB);
    let changed = UserAssetSsh {
        metadata: Some(ObjectMeta {
            name: Some("ops".to_owned()),
            ..ObjectMeta::default()
        }),
        spec: Some(UserAssetSshSpec {
            public_key: Some(NEW_PUB.trim_end().to_owned()),
        }),
    };
    outside(&emu, async |client, scope| {
        client
            .update_ssh_key(scope, &uid, &changed)
            .await
            .expect("updating the key")
    });
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}\n{}", plan.stdout, plan.stderr);
    assert!(
        plan.stdout.contains("1 to change") && plan.stdout.contains("AAAAIBkZAwk7"),
        "the plan shows the key Palette has: {}",
        plan.stdout
    );
    tf.apply();
    assert_eq!(
        stored(&emu, &uid).1["spec"]["publicKey"],
        OPS_PUB.trim_end()
    );
    tf.assert_empty_plan();

    outside(&emu, async |client, scope| {
        client
            .delete_ssh_key(scope, &uid)
            .await
            .expect("deleting the key")
    });
    let plan = tf.try_plan();
    assert!(
        plan.code == Some(2) && plan.stdout.contains("1 to add, 0 to change, 0 to destroy"),
        "a deleted key is made again: {}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    tf.destroy();
}

/// A key is imported by name and by uid into the configuration that made it (the `file()`
/// newline plans no change after import either), and through `import` blocks whose generated
/// configuration plans empty, for a project key and a tenant key.
#[test]
fn import_by_name_and_by_uid_plans_empty() {
    let emu = Emulator::start();
    let (tf, uid) = applied(&emu, "ops", OPS_PUB);
    for id in ["ops", uid.as_str(), "project/ops"] {
        assert!(
            tf.run(&["state", "rm", "palette_ssh_key.ops"]).success(),
            "state rm"
        );
        tf.import("palette_ssh_key.ops", id);
        assert_eq!(
            tf.resource_values("palette_ssh_key.ops")["id"],
            uid.as_str(),
            "{id}"
        );
        emu.assert_no_writes("the plan after import", || tf.assert_empty_plan());
    }

    for id in ["ops", uid.as_str()] {
        let written = generated_import(&emu, "palette_ssh_key.ops", id);
        assert!(written.contains(OPS_PUB.trim_end()), "{written}");
        assert!(written.contains(r#"name       = "ops""#), "{written}");
    }

    // A tenant key, by name with its prefix and by uid without (its context comes from Palette).
    let tenant = emu.request(
        "POST",
        "/v1/users/assets/sshkeys",
        Some(&serde_json::json!({"metadata": {"name": "shared"}, "spec": {"publicKey": NEW_PUB.trim_end()}}).to_string()),
    );
    assert_eq!(tenant.status, 201, "{}", tenant.body);
    let tenant_uid = serde_json::from_str::<Value>(&tenant.body).unwrap()["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    for id in ["tenant/shared", tenant_uid.as_str()] {
        let written = generated_import(&emu, "palette_ssh_key.shared", id);
        assert!(
            written.contains(r#"context    = "tenant""#),
            "{id}: {written}"
        );
    }

    // A name no key has.
    assert!(
        tf.run(&["state", "rm", "palette_ssh_key.ops"]).success(),
        "state rm"
    );
    let missing = tf.run(&["import", "-no-color", "palette_ssh_key.ops", "nobody"]);
    missing.expect_error(
        "Error: SSH Key Not Found .*no SSH key named \"nobody\" in the project scope",
    );
    tf.import("palette_ssh_key.ops", &uid);
    tf.destroy();
}

/// The environment block of an AWS cluster whose key pair name comes from the key.
const AWS_BLOCK_WITH_KEY: &str = r#"region = "us-east-1"
    ssh_key_name = palette_ssh_key.ops.name"#;

/// An AWS cluster takes `ssh_key_name = palette_ssh_key.ops.name` in the apply that makes the
/// key. The key's name is built from `terraform_data`'s id, so it is unknown when Terraform
/// validates the cluster and when it plans it: the cluster's checks wait for it, and the cluster
/// is made with the name the key got.
#[test]
fn a_cluster_takes_the_key_name_in_the_same_apply() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let with_key = crate::cluster::Case {
        block: AWS_BLOCK_WITH_KEY,
        ..*aws
    };
    let tf = Terraform::new(&emu);
    tf.write_file("ops.pub", OPS_PUB);
    tf.write_config(&format!(
        r#"{HEADER}
resource "terraform_data" "suffix" {{
  input = "ops"
}}

resource "palette_ssh_key" "ops" {{
  name       = "ops-${{substr(terraform_data.suffix.id, 0, 8)}}"
  public_key = file("${{path.module}}/ops.pub")
}}

{cluster}"#,
        cluster = cluster_hcl(&with_key, "acc-ssh", &[infra], "  wait_for = \"running\"\n"),
    ));
    tf.init();
    let plan = emu.assert_no_writes("the plan", || tf.try_plan());
    assert_eq!(plan.code, Some(2), "{}\n{}", plan.stdout, plan.stderr);
    assert!(
        plan.stdout.contains("ssh_key_name = (known after apply)"),
        "the name is unknown at plan: {}",
        plan.stdout
    );
    tf.apply();
    let name = tf.resource_values("palette_ssh_key.ops")["name"]
        .as_str()
        .expect("the key's name")
        .to_owned();
    assert!(name.starts_with("ops-") && name.len() == 12, "{name}");
    let cluster = tf.resource_values("palette_cluster.aws");
    assert_eq!(cluster["aws"]["ssh_key_name"], name.as_str(), "{cluster}");
    let project = emu.project_uid(PROJECT);
    let config_uid = cluster["cloud_config_id"].as_str().expect("a cloud config");
    let config = emu.project_request(
        &project,
        "GET",
        &format!("/v1/cloudconfigs/aws/{config_uid}"),
        None,
    );
    let config: Value = serde_json::from_str(&config.body).expect("the cloud config");
    assert_eq!(
        config["spec"]["clusterConfig"]["sshKeyName"],
        name.as_str(),
        "{config}"
    );
    tf.assert_empty_plan();
    tf.destroy();
}

/// Bad input fails at plan at the attribute at fault, and nothing is written; a name another
/// key has fails the apply with how to import it.
#[test]
fn bad_input_is_refused_at_plan_with_no_writes() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_config(HEADER);
    tf.init();
    let key = OPS_PUB.trim_end();
    // What is wrong, the attribute Terraform shows the line of, and what the detail says.
    let cases = [
        (
            "not a key",
            r#"name = "ops"
  public_key = "ops@example.com""#
                .to_owned(),
            ("Invalid Public Key", "public_key", "this one starts with"),
        ),
        (
            "two keys",
            format!("name = \"ops\"\n  public_key = \"{key}\\n{key}\""),
            ("Invalid Public Key", "public_key", "more than one line"),
        ),
        (
            "a private key",
            "name = \"ops\"\n  public_key = \"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbn\\n-----END OPENSSH PRIVATE KEY-----\\n\"".to_owned(),
            ("Invalid Public Key", "public_key", "this is a private key"),
        ),
        (
            "a mislabelled key",
            format!("name = \"ops\"\n  public_key = \"ssh-rsa {}\"", &key[12..]),
            (
                "Invalid Public Key",
                "public_key",
                "of type ssh-ed25519 but the line says ssh-rsa",
            ),
        ),
        (
            "an empty name",
            format!("name = \"\"\n  public_key = \"{key}\""),
            ("Invalid Attribute Value Length", "name", "between 1 and 256"),
        ),
        (
            "an unknown context",
            format!("name = \"ops\"\n  context = \"team\"\n  public_key = \"{key}\""),
            ("Invalid Attribute Value Match", "context", "project"),
        ),
    ];
    for (what, body, (summary, attribute, detail)) in cases {
        tf.write_config(&format!(
            "{HEADER}\nresource \"palette_ssh_key\" \"x\" {{\n  {body}\n}}\n"
        ));
        let out = emu.assert_no_writes(what, || tf.try_plan());
        out.expect_error(&format!(
            r"Error: {summary} .*with palette_ssh_key\.x, on main\.tf line \d+, in resource .*\d+: +{attribute} += .*{}",
            regex::escape(detail)
        ));
    }

    // A name another key already has: refused by Palette at apply, with how to import it.
    let taken = emu.project_request(
        &emu.project_uid(PROJECT),
        "POST",
        "/v1/users/assets/sshkeys",
        Some(
            &serde_json::json!({"metadata": {"name": "taken"}, "spec": {"publicKey": key}})
                .to_string(),
        ),
    );
    assert_eq!(taken.status, 201, "{}", taken.body);
    tf.write_config(&format!(
        "{HEADER}\nresource \"palette_ssh_key\" \"x\" {{\n  name = \"taken\"\n  public_key = \"{key}\"\n}}\n"
    ));
    tf.try_apply().expect_error(
        "Error: SSH Key Name Taken .*named \"taken\" already exists in the project scope.*terraform import <address> taken",
    );
    assert!(tf.state_list().is_empty(), "{:?}", tf.state_list());
}

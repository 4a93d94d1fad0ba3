//! `palette_cloud_account`, every kind in one configuration: create with write-only secrets,
//! an empty plan, a rotation by version (one update each, and the emulator holds the new
//! secret), drift, import (the next plan asks only for the versions), destroy; and no secret in
//! state, `plan -json` or a trace log.

use serde_json::json;

use crate::cluster::HEADER;
use crate::support::emulator::PROJECT;
use crate::support::{Emulator, Terraform};

/// A kind's block key, its body (secrets given as `{SECRET}` and `{VERSION}`), and where the
/// emulator keeps each secret.
type KindCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const KINDS: &[KindCase] = &[
    (
        "aws",
        "access_key = \"AKIAEXAMPLE\"\n    secret_key = \"{SECRET}\"\n    secret_key_wo_version = {VERSION}",
        &[("secretKey", "/spec/secretKey")],
    ),
    (
        "azure",
        "tenant_id = \"t-1\"\n    client_id = \"c-1\"\n    client_secret = \"{SECRET}\"\n    client_secret_wo_version = {VERSION}",
        &[("clientSecret", "/spec/clientSecret")],
    ),
    (
        "gcp",
        "json_credentials = \"{SECRET}\"\n    json_credentials_wo_version = {VERSION}",
        &[("jsonCredentials", "/spec/jsonCredentials")],
    ),
    (
        "vsphere",
        "vcenter_server = \"vc.example.com\"\n    username = \"admin\"\n    password = \"{SECRET}\"\n    password_wo_version = {VERSION}\n    private_cloud_gateway_id = \"0123456789abcdef01234567\"",
        &[("password", "/spec/password")],
    ),
    (
        "maas",
        "api_endpoint = \"http://maas.example.com:5240/MAAS\"\n    api_key = \"{SECRET}\"\n    api_key_wo_version = {VERSION}",
        &[("apiKey", "/spec/apiKey")],
    ),
    (
        "openstack",
        "identity_endpoint = \"https://keystone.example.com:5000/v3\"\n    username = \"admin\"\n    default_domain = \"Default\"\n    password = \"{SECRET}\"\n    password_wo_version = {VERSION}",
        &[("password", "/spec/password")],
    ),
    (
        "tencent",
        "secret_id = \"AKIDEXAMPLE\"\n    secret_key = \"{SECRET}\"\n    secret_key_wo_version = {VERSION}",
        &[("secretKey", "/spec/secretKey")],
    ),
    (
        "nutanix",
        "credentials = { NUTANIX_ENDPOINT = \"https://pc.example.com:9440\", NUTANIX_USER = \"admin\" }\n    secret_credentials = { NUTANIX_PASSWORD = \"{SECRET}\" }\n    secret_credentials_wo_version = {VERSION}",
        &[("NUTANIX_PASSWORD", "/spec/credentials/NUTANIX_PASSWORD")],
    ),
];

/// The secret of `kind` at `version`: long and unique, so a grep for it means something.
fn secret(kind: &str, version: u32) -> String {
    format!("wo-secret-{kind}-v{version}-9f3c1a7e5b")
}

fn config(version: u32, secret_version: u32) -> String {
    let mut out = HEADER.to_string();
    for (kind, body, _) in KINDS {
        let body = body
            .replace("{SECRET}", &secret(kind, secret_version))
            .replace("{VERSION}", &version.to_string());
        out.push_str(&format!(
            "resource \"palette_cloud_account\" \"{kind}\" {{\n  name = \"acc-{kind}\"\n  {kind} {{\n    {body}\n  }}\n}}\n\n"
        ));
    }
    out
}

/// Whether the emulator holds `value` at `pointer` of the record `uid` (an account, a
/// location), asked through its secret check, which never returns the secret.
pub(crate) fn holds(emu: &Emulator, uid: &str, pointer: &str, value: &str) -> bool {
    let body = json!({"uid": uid, "pointer": pointer, "value": value}).to_string();
    let reply = emu.request("POST", "/__emulator/secret-check", Some(&body));
    assert_eq!(reply.status, 200, "{}", reply.body);
    serde_json::from_str::<serde_json::Value>(&reply.body).expect("JSON")["matches"] == true
}

/// Asserts that a plan's changed lines (`->`, `+`, `-`) all name a `_wo_version`, and that
/// there is one: after an import, Palette holds everything but the secrets.
pub(crate) fn assert_only_versions_change(plan: &str) {
    let changed_lines: Vec<&str> = plan
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            l.contains(" -> ") || t.starts_with("+ ") || t.starts_with("- ")
        })
        .filter(|l| !l.contains("palette-rs/palette in"))
        .collect();
    assert!(!changed_lines.is_empty(), "{plan}");
    assert!(
        changed_lines.iter().all(|l| l.contains("_wo_version")),
        "an import changes only the versions: {changed_lines:#?}"
    );
}

/// Asserts that none of `secrets` appears in any of the named texts in `places`.
pub(crate) fn assert_no_leaks(places: &[(&str, String)], secrets: &[String]) {
    let mut leaks = Vec::new();
    for secret in secrets {
        for (place, text) in places {
            if text.contains(secret.as_str()) {
                leaks.push(format!("{secret} in {place}"));
            }
        }
    }
    assert!(leaks.is_empty(), "secrets leaked: {leaks:?}");
}

fn uids(tf: &Terraform) -> Vec<String> {
    KINDS
        .iter()
        .map(|(kind, _, _)| {
            tf.resource_values(&format!("palette_cloud_account.{kind}"))["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn every_account_kind_keeps_its_secrets_out_of_state_and_rotates_by_version() {
    let emu = Emulator::start();
    let mut tf = Terraform::new(&emu);
    tf.set_env("TF_LOG", "TRACE");
    tf.write_config(&config(1, 1));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let ids = uids(&tf);
    for ((kind, _, secrets), uid) in KINDS.iter().zip(&ids) {
        for (_, pointer) in *secrets {
            assert!(
                holds(&emu, uid, pointer, &secret(kind, 1)),
                "{kind}: created with its secret"
            );
        }
    }

    // A new secret without a new version is not sent: write-only values are not compared.
    tf.write_config(&config(1, 2));
    emu.assert_no_writes("a secret changed without its version", || {
        tf.assert_empty_plan()
    });

    // Rotation: one in-place update per account, and the emulator holds the new secret.
    tf.write_config(&config(2, 2));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains(&format!(
            "0 to add, {} to change, 0 to destroy",
            KINDS.len()
        )),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    for ((kind, _, secrets), uid) in KINDS.iter().zip(&ids) {
        for (_, pointer) in *secrets {
            assert!(
                holds(&emu, uid, pointer, &secret(kind, 2)),
                "{kind}: rotated"
            );
        }
    }

    // Drift: the vSphere user changed in Palette shows in the plan, and the apply puts it back.
    let project = emu.project_uid(PROJECT);
    let vsphere = &ids[3];
    let changed = json!({
        "metadata": {"name": "acc-vsphere"},
        "spec": {"vcenterServer": "vc.example.com", "username": "someone-else", "password": "x"},
    })
    .to_string();
    let reply = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/cloudaccounts/vsphere/{vsphere}"),
        Some(&changed),
    );
    assert!((200..300).contains(&reply.status), "{}", reply.body);
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(
        drift.stdout.contains("\"someone-else\" -> \"admin\""),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    assert!(holds(
        &emu,
        vsphere,
        "/spec/password",
        &secret("vsphere", 2)
    ));

    // Import into a new directory: the next plan asks only for the secrets' versions.
    let mut imported = Terraform::new(&emu);
    imported.set_env("TF_LOG", "TRACE");
    let mut with_imports = config(3, 3);
    for (kind, _, _) in KINDS {
        with_imports.push_str(&format!(
            "import {{\n  to = palette_cloud_account.{kind}\n  id = \"{kind}/acc-{kind}\"\n}}\n"
        ));
    }
    imported.write_config(&with_imports);
    imported.init();
    let plan = imported.try_plan();
    let summary = format!(
        "{} to import, 0 to add, {} to change, 0 to destroy",
        KINDS.len(),
        KINDS.len()
    );
    assert!(plan.stdout.contains(&summary), "{}", plan.stdout);
    assert_only_versions_change(&plan.stdout);
    imported.apply();
    imported.assert_empty_plan();
    for ((kind, _, secrets), uid) in KINDS.iter().zip(&ids) {
        for (_, pointer) in *secrets {
            assert!(
                holds(&emu, uid, pointer, &secret(kind, 3)),
                "{kind}: sent after import"
            );
        }
    }

    // No secret in state, in `plan -json`, or in the trace logs.
    let plan_json = imported
        .run(&["plan", "-json", "-no-color", "-input=false"])
        .stdout;
    let places = [
        ("state", tf.state_text()),
        ("imported state", imported.state_text()),
        ("plan -json", plan_json),
        ("trace log", tf.log()),
        ("imported trace log", imported.log()),
    ];
    assert!(
        places[3].1.contains("provider.terraform-provider-palette"),
        "a trace log"
    );
    let secrets: Vec<String> = KINDS
        .iter()
        .flat_map(|(kind, _, _)| (1..=3).map(|version| secret(kind, version)))
        .collect();
    assert_no_leaks(&places, &secrets);

    imported.destroy();
    for (kind, uid) in KINDS.iter().map(|k| k.0).zip(&ids) {
        let path = if kind == "nutanix" {
            format!("/v1/cloudaccounts/cloudTypes/nutanix/{uid}")
        } else {
            format!("/v1/cloudaccounts/{kind}/{uid}")
        };
        let gone = emu.project_request(&project, "GET", &path, None);
        assert_eq!(gone.status, 404, "{kind} after destroy: {}", gone.body);
    }
}

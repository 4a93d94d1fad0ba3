//! `palette_backup_storage_location`, every kind in one configuration: create with write-only
//! secrets (and an S3 role without one, in the tenant), an empty plan, a rotation by version (one update each,
//! and the emulator holds the new secret), drift of a bucket and of the default flag changed
//! through the API, import into a fresh directory (the next plan asks only for the versions),
//! destroy; and no secret in state, `plan -json` or a trace log.

use serde_json::json;

use crate::cloud_account::{assert_no_leaks, assert_only_versions_change, holds};
use crate::cluster::HEADER;
use crate::support::emulator::PROJECT;
use crate::support::{Emulator, Terraform};

const BASE: &str = "/v1/users/assets/locations";

/// The location that lives in the tenant rather than the project.
const TENANT: &str = "s3_role";

/// A resource name, its kind block, its body (the secret given as `{SECRET}`, its version as
/// `{VERSION}`), and whether it has a secret.
type Case = (&'static str, &'static str, &'static str, bool);

const CASES: &[Case] = &[
    (
        "s3",
        "s3",
        "bucket_name = \"team-backups\"\n    region = \"us-east-1\"\n    access_key = \"AKIAEXAMPLE\"\n    secret_key = \"{SECRET}\"\n    secret_key_wo_version = {VERSION}",
        true,
    ),
    (
        "s3_role",
        "s3",
        "bucket_name = \"team-backups\"\n    region = \"eu-west-1\"\n    credential_type = \"sts\"\n    arn = \"arn:aws:iam::123456789012:role/palette-backups\"\n    external_id = \"ext-1\"",
        false,
    ),
    (
        "minio",
        "minio",
        "bucket_name = \"velero\"\n    region = \"us-east-1\"\n    s3_url = \"https://minio.example.com:9000\"\n    force_path_style = false\n    access_key = \"minio-user\"\n    secret_key = \"{SECRET}\"\n    secret_key_wo_version = {VERSION}",
        true,
    ),
    (
        "gcp",
        "gcp",
        "bucket_name = \"gcs-backups\"\n    project_id = \"example-project\"\n    json_credentials = jsonencode({ private_key = \"{SECRET}\" })\n    json_credentials_wo_version = {VERSION}",
        true,
    ),
    (
        "azure",
        "azure",
        "container_name = \"backups\"\n    storage_account_name = \"teambackups\"\n    resource_group = \"rg\"\n    subscription_id = \"sub-1\"\n    tenant_id = \"t-1\"\n    client_id = \"c-1\"\n    client_secret = \"{SECRET}\"\n    client_secret_wo_version = {VERSION}",
        true,
    ),
];

/// The secret of `name` at `version`: long and unique, so a grep for it means something.
fn secret(name: &str, version: u32) -> String {
    format!("wo-secret-bsl-{name}-v{version}-4d7e2b9a1c")
}

/// Where the emulator keeps the secret of a kind, and the value it holds there.
fn stored(block: &str, name: &str, version: u32) -> (&'static str, String) {
    match block {
        "gcp" => (
            "/spec/config/credentials/jsonCredentials",
            json!({"private_key": secret(name, version)}).to_string(),
        ),
        "azure" => (
            "/spec/config/credentials/clientSecret",
            secret(name, version),
        ),
        _ => ("/spec/config/credentials/secretKey", secret(name, version)),
    }
}

fn config(version: u32, secret_version: u32) -> String {
    let mut out = HEADER.to_string();
    for (name, block, body, _) in CASES {
        let body = body
            .replace("{SECRET}", &secret(name, secret_version))
            .replace("{VERSION}", &version.to_string());
        let extra = match *name {
            "s3" => "\n  is_default = true",
            TENANT => "\n  context = \"tenant\"",
            _ => "",
        };
        out.push_str(&format!(
            "resource \"palette_backup_storage_location\" \"{name}\" {{\n  name = \"bsl-{name}\"{extra}\n  {block} {{\n    {body}\n  }}\n}}\n\n"
        ));
    }
    out
}

fn uids(tf: &Terraform) -> Vec<String> {
    CASES
        .iter()
        .map(|(name, _, _, _)| {
            tf.resource_values(&format!("palette_backup_storage_location.{name}"))["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Asserts that the emulator holds each location's secret at `version`.
fn assert_secrets_at(emu: &Emulator, ids: &[String], version: u32, what: &str) {
    for ((name, block, _, has_secret), uid) in CASES.iter().zip(ids) {
        if *has_secret {
            let (pointer, value) = stored(block, name, version);
            assert!(holds(emu, uid, pointer, &value), "{name}: {what}");
        }
    }
}

#[test]
fn every_location_kind_keeps_its_secrets_out_of_state_and_rotates_by_version() {
    let emu = Emulator::start();
    let project = emu.project_uid(PROJECT);
    let mut tf = Terraform::new(&emu);
    tf.set_env("TF_LOG", "TRACE");
    tf.write_config(&config(1, 1));
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let ids = uids(&tf);
    assert_secrets_at(&emu, &ids, 1, "created with its secret");
    let listed = emu.project_request(&project, "GET", BASE, None);
    let listed: serde_json::Value = serde_json::from_str(&listed.body).expect("JSON");
    let default_of = |listed: &serde_json::Value, uid: &str| {
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["metadata"]["uid"] == uid)
            .map(|l| l["spec"]["isDefault"] == true)
            .unwrap()
    };
    assert!(default_of(&listed, &ids[0]), "s3 is the default: {listed}");
    assert!(!default_of(&listed, &ids[4]));
    let in_tenant = emu.request("GET", &format!("{BASE}/s3/{}", ids[1]), None);
    assert_eq!(
        in_tenant.status, 200,
        "the role location is the tenant's: {}",
        in_tenant.body
    );
    let tenant_list = emu.request("GET", BASE, None).body;
    assert!(
        tenant_list.contains(&ids[1]) && !tenant_list.contains(&ids[0]),
        "the tenant sees only its own: {tenant_list}"
    );

    // A new secret without a new version is not sent: write-only values are not compared.
    tf.write_config(&config(1, 2));
    emu.assert_no_writes("a secret changed without its version", || {
        tf.assert_empty_plan()
    });

    // Rotation: one in-place update per location with a secret, and the emulator holds it.
    tf.write_config(&config(2, 2));
    let plan = tf.try_plan();
    let with_secrets = CASES.iter().filter(|c| c.3).count();
    assert!(
        plan.stdout
            .contains(&format!("0 to add, {with_secrets} to change, 0 to destroy")),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    assert_secrets_at(&emu, &ids, 2, "rotated");

    // Drift: the MinIO bucket changed in Palette (without its secret), and Azure made the
    // default; the plan shows both, and the apply puts them back.
    let minio = &ids[2];
    let changed = json!({
        "metadata": {"name": "bsl-minio"},
        "spec": {"config": {"bucketName": "elsewhere", "region": "us-east-1",
            "s3Url": "https://minio.example.com:9000", "s3ForcePathStyle": false,
            "credentials": {"accessKey": "minio-user"}}, "isDefault": false},
    })
    .to_string();
    let reply = emu.project_request(
        &project,
        "PUT",
        &format!("{BASE}/minio/{minio}"),
        Some(&changed),
    );
    assert_eq!(reply.status, 204, "{}", reply.body);
    let azure = &ids[4];
    let reply = emu.project_request(
        &project,
        "PATCH",
        &format!("{BASE}/azure/{azure}/default"),
        None,
    );
    assert_eq!(reply.status, 204, "{}", reply.body);
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    for line in [
        "\"elsewhere\" -> \"velero\"",
        "is_default = false -> true",
        "is_default = true -> false",
    ] {
        assert!(drift.stdout.contains(line), "{line}: {}", drift.stdout);
    }
    assert!(
        drift.stdout.contains("0 to add, 3 to change, 0 to destroy"),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let listed = emu.project_request(&project, "GET", BASE, None);
    let listed: serde_json::Value = serde_json::from_str(&listed.body).expect("JSON");
    assert!(
        default_of(&listed, &ids[0]),
        "s3 is the default again: {listed}"
    );
    assert!(!default_of(&listed, azure));
    assert_secrets_at(&emu, &ids, 2, "kept through a drift");

    // Import into a new directory: the next plan asks only for the secrets' versions.
    let mut imported = Terraform::new(&emu);
    imported.set_env("TF_LOG", "TRACE");
    let mut with_imports = config(3, 3);
    for (name, block, _, _) in CASES {
        let scope = if *name == TENANT { "tenant/" } else { "" };
        with_imports.push_str(&format!(
            "import {{\n  to = palette_backup_storage_location.{name}\n  id = \"{scope}{block}/bsl-{name}\"\n}}\n"
        ));
    }
    imported.write_config(&with_imports);
    imported.init();
    let plan = imported.try_plan();
    let summary = format!(
        "{} to import, 0 to add, {with_secrets} to change, 0 to destroy",
        CASES.len()
    );
    assert!(plan.stdout.contains(&summary), "{}", plan.stdout);
    assert_only_versions_change(&plan.stdout);
    imported.apply();
    imported.assert_empty_plan();
    assert_secrets_at(&emu, &ids, 3, "sent after import");

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
    assert!(
        places[1].1.contains("bsl-azure"),
        "the imported state holds the locations"
    );
    let secrets: Vec<String> = CASES
        .iter()
        .flat_map(|(name, _, _, _)| (1..=3).map(|version| secret(name, version)))
        .collect();
    assert_no_leaks(&places, &secrets);

    imported.destroy();
    for ((name, block, _, _), uid) in CASES.iter().zip(&ids) {
        let path = format!("{BASE}/{block}/{uid}");
        let gone = if *name == TENANT {
            emu.request("GET", &path, None)
        } else {
            emu.project_request(&project, "GET", &path, None)
        };
        assert_eq!(gone.status, 404, "{name} after destroy: {}", gone.body);
    }
}

//! `palette_registry` against the emulator: every kind (pack, Helm, basic OCI, ECR) created,
//! its write-only secret rotated by its `_wo_version`, drift shown, imported by name and by uid,
//! and destroyed; a profile using a pack of a registry made in the same apply deploys on a
//! cluster; bad input refused at plan; and no secret in the state, the JSON plan or a
//! `TF_LOG=trace` log.

use serde_json::{Value, json};

use crate::bad_input::at;
use crate::cluster::{HEADER, assert_healthy, case, cluster_hcl, infra_profile};
use crate::reliability::terraform_command;
use crate::secrets::leaks;
use crate::support::temp::TempDir;
use crate::support::{Emulator, Plan, Terraform, workspace_root};

/// One registry of each kind: its label (the resource name), its settings, and its secret.
struct Kind {
    label: &'static str,
    settings: &'static str,
    /// The write-only secret attribute, and the emulator's name for it.
    secret: (&'static str, &'static str),
}

const KINDS: [Kind; 4] = [
    Kind {
        label: "pack",
        settings: r#"type       = "pack"
  endpoint   = "https://packs.example.com"
  is_private = true
  username   = "robot""#,
        secret: ("password", "password"),
    },
    Kind {
        label: "helm",
        settings: r#"type                 = "helm"
  endpoint             = "https://charts.example.com"
  username             = "robot"
  insecure_skip_verify = true"#,
        secret: ("password", "password"),
    },
    Kind {
        label: "oci",
        settings: r#"type              = "oci"
  endpoint          = "oci://harbor.example.com"
  base_content_path = "charts"
  base_path         = "artifactory/api"
  username          = "robot""#,
        secret: ("password", "password"),
    },
    Kind {
        label: "ecr",
        settings: r#"type              = "oci"
  oci_provider      = "ecr"
  endpoint          = "https://123456789012.dkr.ecr.us-east-1.amazonaws.com"
  is_private        = true
  provider_type     = "pack"
  base_content_path = "packs"
  access_key        = "AKIAACCREGISTRY01"
  ca_certificate    = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n""#,
        secret: ("secret_key", "secretKey"),
    },
];

/// The secret of `kind` at `round`: distinctive, so any copy of it is found.
fn secret(kind: &Kind, round: u32) -> String {
    format!("{}-Zq81-regsecret-{round}", kind.label)
}

/// The resource of `kind` with its secret given by the expression `secret` and, when
/// `version` is given, its `_wo_version`.
fn registry_hcl(kind: &Kind, secret: &str, version: Option<i64>) -> String {
    let (attr, _) = kind.secret;
    let version = version
        .map(|v| format!("  {attr}_wo_version = {v}\n"))
        .unwrap_or_default();
    format!(
        "resource \"palette_registry\" \"{label}\" {{\n  name = \"acc-{label}\"\n  {settings}\n  \
         {attr} = {secret}\n{version}}}\n",
        label = kind.label,
        settings = kind.settings,
    )
}

/// Every kind, with secrets at `round` written in the configuration and versions `version`
/// (none for the kinds in `unversioned`).
fn config(round: u32, version: i64, unversioned: &[&str]) -> String {
    let mut out = HEADER.to_string();
    for kind in &KINDS {
        let v = (!unversioned.contains(&kind.label)).then_some(version);
        out.push_str(&registry_hcl(
            kind,
            &format!("{:?}", secret(kind, round)),
            v,
        ));
    }
    out
}

/// Every kind, its secret read from an ephemeral variable `<label>_secret` (as the secrets of a
/// real configuration are), with versions `version`.
fn config_with_variables(version: i64) -> String {
    let mut out = HEADER.to_string();
    for kind in &KINDS {
        out.push_str(&format!(
            "variable \"{}_secret\" {{\n  type      = string\n  sensitive = true\n  \
             ephemeral = true\n}}\n",
            kind.label
        ));
        let variable = format!("var.{}_secret", kind.label);
        out.push_str(&registry_hcl(kind, &variable, Some(version)));
    }
    out
}

/// The `TF_VAR_` variables giving [`config_with_variables`] the secrets of `round`.
fn secret_variables(round: u32) -> Vec<(String, String)> {
    KINDS
        .iter()
        .map(|k| (format!("TF_VAR_{}_secret", k.label), secret(k, round)))
        .collect()
}

/// The uid of `palette_registry.<label>`.
fn uid(tf: &Terraform, label: &str) -> String {
    tf.resource_values(&format!("palette_registry.{label}"))["id"]
        .as_str()
        .unwrap_or_else(|| panic!("palette_registry.{label} has no id"))
        .to_string()
}

/// Whether the emulator keeps `value` as the secret of registry `uid` (it never returns one).
fn keeps_secret(emu: &Emulator, uid: &str, field: &str, value: &str) -> bool {
    let body = json!({ field: value }).to_string();
    let path = format!("/__emulator/registries/{uid}/secrets/check");
    let reply = emu.request("POST", &path, Some(&body));
    assert_eq!(reply.status, 200, "{path}: {}", reply.body);
    serde_json::from_str::<Value>(&reply.body).expect("JSON")[field] == true
}

/// Asserts that every registry of `tf` holds its secret of `round` in the emulator.
fn assert_secrets(emu: &Emulator, tf: &Terraform, round: u32) {
    for kind in &KINDS {
        let uid = uid(tf, kind.label);
        assert!(
            keeps_secret(emu, &uid, kind.secret.1, &secret(kind, round)),
            "{} does not hold its secret of round {round}",
            kind.label
        );
    }
}

/// The `Plan:` summary line of a plan's output.
fn plan_line(out: &crate::support::terraform::Output) -> String {
    out.stdout
        .lines()
        .find(|l| l.starts_with("Plan:") || l.starts_with("No changes."))
        .unwrap_or_else(|| panic!("no plan summary in:\n{}\n{}", out.stdout, out.stderr))
        .to_string()
}

/// The attributes a saved plan changes, per resource address (no-ops left out).
fn planned_changes(tf: &Terraform) -> Vec<(String, Vec<String>)> {
    let saved = tf.run(&["plan", "-no-color", "-input=false", "-out=registry.tfplan"]);
    assert!(
        saved.success(),
        "plan failed:\n{}\n{}",
        saved.stdout,
        saved.stderr
    );
    let shown = tf.run(&["show", "-json", "registry.tfplan"]);
    let plan: Value = serde_json::from_str(&shown.stdout).expect("terraform show -json");
    let mut out = Vec::new();
    for change in plan["resource_changes"].as_array().into_iter().flatten() {
        if change["change"]["actions"] == json!(["no-op"]) {
            continue;
        }
        let (before, after) = (&change["change"]["before"], &change["change"]["after"]);
        let mut changed: Vec<String> = after
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, v)| before.get(k.as_str()) != Some(v))
            .map(|(k, _)| k.clone())
            .collect();
        changed.sort();
        out.push((
            change["address"].as_str().unwrap_or("").to_string(),
            changed,
        ));
    }
    out.sort();
    out
}

/// Every kind: created, an unchanged version keeps the old secret, a bumped version sends the
/// new one (one in-place update each), drift outside Terraform shows, import by name and by uid
/// plans only the version companion (nothing where it is not set), a rename replaces, destroy
/// removes them.
#[test]
fn every_kind_rotates_its_secret_imports_and_destroys() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_config(&config(1, 1, &[]));
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    assert_secrets(&emu, &tf, 1);
    let ecr = tf.resource_values("palette_registry.ecr");
    assert_eq!(ecr["secret_key"], Value::Null, "{ecr}");
    assert_eq!(ecr["scope"], "tenant");
    assert_eq!(
        tf.resource_values("palette_registry.oci")["provider_type"],
        "helm"
    );

    // A new secret under the same version is not sent.
    tf.write_config(&config(2, 1, &[]));
    tf.assert_empty_plan();
    assert_secrets(&emu, &tf, 1);

    // A new version sends it: one in-place update per registry.
    tf.write_config(&config(2, 2, &[]));
    let planned = tf.try_plan();
    assert_eq!(
        plan_line(&planned),
        "Plan: 0 to add, 4 to change, 0 to destroy.",
        "{}",
        planned.stdout
    );
    let applied = tf.apply();
    assert!(
        applied.stdout.contains("0 added, 4 changed, 0 destroyed"),
        "{}",
        applied.stdout
    );
    assert_secrets(&emu, &tf, 2);
    tf.assert_empty_plan();

    // A change made outside Terraform shows in the plan, and the apply undoes it.
    let helm = uid(&tf, "helm");
    let path = format!("/v1/registries/helm/{helm}");
    let mut remote: Value = serde_json::from_str(&emu.request("GET", &path, None).body).unwrap();
    remote["spec"]["endpoint"] = json!("https://moved.example.com");
    let put = emu.request("PUT", &path, Some(&remote.to_string()));
    assert_eq!(put.status, 204, "{}", put.body);
    assert_eq!(
        planned_changes(&tf),
        vec![(
            "palette_registry.helm".to_string(),
            vec!["endpoint".to_string()]
        )]
    );
    tf.apply();
    tf.assert_empty_plan();

    // Imported by name and by uid: only the version companions plan a change, and the pack
    // registry, configured without one, plans nothing.
    let uids: Vec<(String, String)> = KINDS
        .iter()
        .map(|k| (format!("palette_registry.{}", k.label), uid(&tf, k.label)))
        .collect();
    let mut forget = vec!["state", "rm", "-no-color"];
    forget.extend(uids.iter().map(|(address, _)| address.as_str()));
    assert!(tf.run(&forget).success(), "state rm failed");
    tf.write_config(&config(2, 2, &["pack"]));
    for (i, (address, uid)) in uids.iter().enumerate() {
        let id = match i % 2 {
            0 => format!("acc-{}", KINDS[i].label),
            _ => uid.clone(),
        };
        emu.assert_no_writes("an import", || tf.import(address, &id));
    }
    let want: Vec<(String, Vec<String>)> = ["ecr", "helm", "oci"]
        .iter()
        .map(|label| {
            let kind = KINDS.iter().find(|k| k.label == *label).unwrap();
            (
                format!("palette_registry.{label}"),
                vec![format!("{}_wo_version", kind.secret.0)],
            )
        })
        .collect();
    assert_eq!(planned_changes(&tf), want);
    tf.apply();
    tf.assert_empty_plan();
    assert_secrets(&emu, &tf, 2);

    // Palette cannot rename a registry: a new name replaces it.
    let renamed = config(2, 2, &["pack"]).replace("acc-helm", "acc-helm-2");
    tf.write_config(&renamed);
    let planned = tf.try_plan();
    assert_eq!(
        plan_line(&planned),
        "Plan: 1 to add, 0 to change, 1 to destroy.",
        "{}",
        planned.stdout
    );
    tf.write_config(&config(2, 2, &["pack"]));

    tf.destroy();
    let left = emu.request("GET", "/v1/registries/metadata", None);
    assert!(
        !left.body.contains("acc-"),
        "destroy left registries: {}",
        left.body
    );
}

/// A profile whose pack comes from a registry of the same apply plans cleanly (its registry's
/// uid is unknown until apply) and deploys on a cluster in one apply; the second plan is empty.
#[test]
fn a_pack_from_a_registry_of_the_same_apply_deploys_on_a_cluster() {
    let emu = Emulator::start();
    let catalogue = json!({"endpoint": "https://team-packs.example.com", "packs": [
        {"name": "team-agent", "layer": "addon", "tags": ["1.0.0", "1.1.0"],
         "values": "agent:\n  level: info\n"},
    ]});
    let put = emu.request(
        "PUT",
        "/__emulator/registry-catalogues",
        Some(&catalogue.to_string()),
    );
    assert_eq!(put.status, 204, "{}", put.body);
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let registry_and_profile = r#"
resource "palette_registry" "team" {
  name     = "team-packs"
  type     = "pack"
  endpoint = "https://team-packs.example.com"
}

resource "palette_cluster_profile" "team" {
  name = "team-agent"
  type = "add-on"
  pack {
    name         = "team-agent"
    tag          = "1.1.0"
    registry_uid = palette_registry.team.id
  }
}
"#;
    let cluster = cluster_hcl(
        aws,
        "registry-packs",
        &[infra, "${palette_cluster_profile.team.id}".to_string()],
        "",
    );
    let tf = Terraform::new(&emu);
    tf.write_config(&format!("{HEADER}{registry_and_profile}{cluster}"));
    tf.init();
    let plan = emu.assert_no_writes("the first plan", || tf.plan());
    assert_eq!(plan, Plan::Changes);
    tf.apply();
    let cluster = tf.resource_values("palette_cluster.aws");
    assert_healthy(&cluster, "palette_cluster.aws", 5);
    let layers = cluster["layers"].as_array().expect("layers");
    assert!(
        layers
            .iter()
            .any(|l| l["name"] == "team-agent" && l["version"] == "1.1.0"),
        "{cluster}"
    );
    let profile = tf.resource_values("palette_cluster_profile.team");
    assert_eq!(profile["pack"][0]["layer"], "addon", "{profile}");
    assert_eq!(profile["pack"][0]["values"], "agent:\n  level: info\n");
    tf.assert_empty_plan();
    tf.destroy();
}

/// Bad registry configurations fail at plan, at the attribute at fault, with no write.
#[test]
fn bad_registry_input_is_refused_at_plan_without_writes() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    tf.write_config(HEADER);
    tf.init();
    let x = "palette_registry.x";
    let with = |summary: &str| format!(r"Error: {summary} .*with {}", regex::escape(x));
    let cases: [(&str, &str, String); 10] = [
        (
            "an endpoint without a scheme",
            r#"type = "helm"
  endpoint = "charts.example.com""#,
            at("Invalid Registry Endpoint", x, "endpoint"),
        ),
        (
            "an unknown type",
            r#"type = "docker"
  endpoint = "https://r.example.com""#,
            at("Invalid Attribute Value", x, "type"),
        ),
        (
            "an unknown OCI provider",
            r#"type = "oci"
  oci_provider = "gcr"
  endpoint = "https://r.example.com""#,
            at("Invalid Attribute Value", x, "oci_provider"),
        ),
        (
            "a username without a password",
            r#"type = "pack"
  endpoint = "https://r.example.com"
  username = "robot""#,
            format!("{}.*`password` is missing", with("Incomplete Credentials")),
        ),
        (
            "a version without its secret",
            r#"type = "helm"
  endpoint = "https://r.example.com"
  password_wo_version = 1"#,
            with("Missing Secret"),
        ),
        (
            "an OCI setting on a Helm registry",
            r#"type = "helm"
  endpoint = "https://r.example.com"
  base_content_path = "charts""#,
            at("Attribute Not For This Registry", x, "base_content_path"),
        ),
        (
            "a private basic OCI registry",
            r#"type = "oci"
  endpoint = "https://r.example.com"
  is_private = true"#,
            at("Attribute Not For This Registry", x, "is_private"),
        ),
        (
            "an ECR access key without its secret",
            r#"type = "oci"
  oci_provider = "ecr"
  endpoint = "https://1.dkr.ecr.us-east-1.amazonaws.com"
  access_key = "AKIA1""#,
            format!(
                "{}.*`secret_key` is missing",
                with("Incomplete ECR Credentials")
            ),
        ),
        (
            "ECR keys and a role",
            r#"type = "oci"
  oci_provider = "ecr"
  endpoint = "https://1.dkr.ecr.us-east-1.amazonaws.com"
  access_key = "AKIA1"
  secret_key = "s"
  role_arn = "arn:aws:iam::1:role/r""#,
            at("Incomplete ECR Credentials", x, "role_arn"),
        ),
        (
            "a private ECR registry without credentials",
            r#"type = "oci"
  oci_provider = "ecr"
  endpoint = "https://1.dkr.ecr.us-east-1.amazonaws.com"
  is_private = true"#,
            with("Incomplete ECR Credentials"),
        ),
    ];
    let mut failures = Vec::new();
    emu.assert_no_writes("refusing bad registry input", || {
        for (what, settings, expect) in &cases {
            tf.write_config(&format!(
                "{HEADER}resource \"palette_registry\" \"x\" {{\n  name = \"bad\"\n  {settings}\n}}\n"
            ));
            let out = tf.try_plan();
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                out.expect_error(expect);
            }));
            if checked.is_err() {
                failures.push(format!("{what}: expected /{expect}/, got\n{}", out.stderr));
            }
        }
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// With `TF_LOG=trace`, an apply, a rotation planned as JSON and a destroy leave no registry
/// secret in the state file, the JSON plan, Terraform's log (the provider's lines included),
/// the console, or the emulator's logs. The secrets come from ephemeral variables, as a real
/// configuration's do: a secret written as a literal in a `.tf` file is in Terraform's own JSON
/// rendering of the configuration (`terraform show -json`'s `configuration`), whatever the
/// provider does.
#[test]
fn registry_secrets_stay_out_of_state_plans_and_logs() {
    let logs = TempDir::new("registry-secrets");
    let requests = logs.path().join("requests.jsonl");
    let request_log = requests.to_string_lossy().into_owned();
    let emu = Emulator::start_with(&["--no-rate-limit", "--request-log", &request_log]);
    let tf = Terraform::new(&emu);
    tf.write_config(&config_with_variables(1));
    tf.init();
    let trace = logs.path().join("trace.log");
    let run_round = |round: u32, args: &[&str]| {
        let mut env = vec![
            ("TF_LOG".to_string(), "trace".to_string()),
            (
                "TF_LOG_PATH".to_string(),
                trace.to_string_lossy().into_owned(),
            ),
        ];
        env.extend(secret_variables(round));
        let env: Vec<(&str, String)> = env.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        let out = terraform_command(&tf, &emu, args, &env)
            .output()
            .expect("running terraform");
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "terraform {args:?} failed:\n{text}");
        text
    };
    let apply = run_round(1, &["apply", "-no-color", "-input=false", "-auto-approve"]);
    assert_secrets(&emu, &tf, 1);
    let state = std::fs::read_to_string(tf.work_dir().join("terraform.tfstate")).expect("state");
    // A rotation planned with `-json`, saved, shown as JSON (the whole plan: every planned
    // value of the registries, and the configuration) and applied.
    tf.write_config(&config_with_variables(2));
    let plan_stream = run_round(2, &["plan", "-json", "-input=false", "-out=rotate.tfplan"]);
    assert!(plan_stream.contains("4 to change"), "{plan_stream}");
    let plan_json = run_round(2, &["show", "-json", "rotate.tfplan"]);
    assert!(plan_json.contains("password_wo_version"), "{plan_json}");
    let rotate = run_round(2, &["apply", "-no-color", "-input=false", "rotate.tfplan"]);
    assert_secrets(&emu, &tf, 2);
    let rotated_state =
        std::fs::read_to_string(tf.work_dir().join("terraform.tfstate")).expect("state");
    let destroy = run_round(
        2,
        &["destroy", "-no-color", "-input=false", "-auto-approve"],
    );

    let trace_text = std::fs::read_to_string(&trace).expect("the trace log");
    assert!(
        trace_text.contains("provider.terraform-provider-palette"),
        "no provider lines in the trace log"
    );
    assert!(
        trace_text.contains("/v1/registries/"),
        "the trace log shows no registry request"
    );
    let request_text = std::fs::read_to_string(&requests).unwrap_or_default();
    assert!(!request_text.is_empty(), "the request log is empty");
    let secrets: Vec<(String, String)> = KINDS
        .iter()
        .flat_map(|k| [1, 2].map(|round| (format!("{} round {round}", k.label), secret(k, round))))
        .collect();
    let secrets: Vec<(&str, String)> = secrets
        .iter()
        .map(|(l, s)| (l.as_str(), s.clone()))
        .collect();
    let emulator_log = emu.log();
    let found = leaks(
        &[
            ("the state after apply", &state),
            ("the state after the rotation", &rotated_state),
            ("the plan's -json output", &plan_stream),
            ("the saved plan as JSON", &plan_json),
            ("the trace log", &trace_text),
            ("the apply output", &apply),
            ("the rotation output", &rotate),
            ("the destroy output", &destroy),
            ("the emulator's request log", &request_text),
            ("the emulator's log", &emulator_log),
        ],
        &secrets,
    );
    assert!(found.is_empty(), "registry secrets leaked: {found:?}");
}

/// The documented example (`examples/resources/palette_registry/resource.tf`) applies as
/// written, its profile takes a chart from the registry it makes, the second plan is empty, and
/// after an import by name (as `import.sh` shows) the plan is the one update the import notes
/// describe: `password_wo_version` from null to 1.
#[test]
fn the_documented_example_applies_and_imports_as_described() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    let example = |path: &str| {
        std::fs::read_to_string(workspace_root().join("examples").join(path))
            .unwrap_or_else(|e| panic!("reading examples/{path}: {e}"))
    };
    tf.write_file("provider.tf", &example("provider/provider.tf"));
    tf.write_config(&example("resources/palette_registry/resource.tf"));
    tf.write_file(
        "secrets.auto.tfvars",
        "charts_password = \"example-robot\"\n",
    );
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let profile = tf.resource_values("palette_cluster_profile.charts");
    assert_eq!(profile["pack"][0]["type"], "helm", "{profile}");
    let charts = uid(&tf, "charts");
    assert!(keeps_secret(&emu, &charts, "password", "example-robot"));

    let script = example("resources/palette_registry/import.sh");
    let line = script
        .lines()
        .find(|l| l.starts_with("terraform import palette_registry.charts "))
        .expect("import.sh imports palette_registry.charts");
    let id = line.rsplit(' ').next().expect("an id");
    assert!(
        tf.run(&["state", "rm", "-no-color", "palette_registry.charts"])
            .success()
    );
    tf.import("palette_registry.charts", id);
    assert_eq!(
        planned_changes(&tf),
        vec![(
            "palette_registry.charts".to_string(),
            vec!["password_wo_version".to_string()]
        )]
    );
    tf.apply();
    tf.assert_empty_plan();
    tf.destroy();
}

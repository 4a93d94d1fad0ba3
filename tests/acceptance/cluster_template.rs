//! `palette_cluster_template`, and clusters launched from one, against the emulator with real
//! Terraform: a template created, planned empty, changed in place (name, variables, profiles),
//! drift made through the API, import by uid with an empty plan, destroy; a cluster launched
//! from the template (`cluster_template` block) deployed healthy layer by layer, planned empty,
//! a variable changed in place through the template variables API, imported, destroyed.

use serde_json::{Value, json};

use crate::cluster::{HEADER, assert_healthy, case, cluster_hcl, infra_profile};
use crate::support::emulator::PROJECT;
use crate::support::{Emulator, Terraform};

/// Makes and publishes an add-on profile for every environment, with a `replicas` variable
/// (default `1`) and a required `domain` variable; returns its uid.
pub(crate) fn addon_with_variables(emu: &Emulator, name: &str) -> String {
    let body = json!({
        "metadata": {"name": name},
        "spec": {
            "version": "1.0.0",
            "variables": [
                {"name": "replicas", "format": "number", "defaultValue": "1"},
                {"name": "domain", "required": true},
                {"name": "token", "isSensitive": true, "defaultValue": "unset"},
            ],
            "template": {
                "cloudType": "all",
                "type": "add-on",
                "packs": [{"name": "nginx", "tag": "1.10.0", "type": "spectro",
                    "values": "replicaCount: {{.spectro.var.replicas}}\nhost: '{{.spectro.var.domain}}'\ntoken: '{{.spectro.var.token}}'\n"}],
            },
        },
    });
    let created = emu.request("POST", "/v1/clusterprofiles", Some(&body.to_string()));
    assert_eq!(created.status, 201, "{}", created.body);
    let uid = serde_json::from_str::<Value>(&created.body).unwrap()["uid"]
        .as_str()
        .unwrap()
        .to_string();
    let published = emu.request("PATCH", &format!("/v1/clusterprofiles/{uid}/publish"), None);
    assert!((200..300).contains(&published.status), "{}", published.body);
    uid
}

/// A template `name` on `environment` with `infra` and `addon` (the template fixing
/// `replicas`).
fn template_hcl(name: &str, environment: &str, infra: &str, addon: &str, replicas: &str) -> String {
    format!(
        r#"
resource "palette_cluster_template" "web" {{
  name        = "{name}"
  environment = "{environment}"
  description = "web clusters"
  tags        = {{ team = "web" }}
  cluster_profile {{
    id = "{infra}"
  }}
  cluster_profile {{
    id        = "{addon}"
    variables = {{ replicas = "{replicas}" }}
  }}
}}
"#
    )
}

/// The template `uid` as the emulator has it, in the provider's project.
fn stored(emu: &Emulator, uid: &str) -> (u16, Value) {
    let project = emu.project_uid(PROJECT);
    let reply = emu.project_request(
        &project,
        "GET",
        &format!("/v1/clusterTemplates/{uid}"),
        None,
    );
    (
        reply.status,
        serde_json::from_str(&reply.body).unwrap_or(Value::Null),
    )
}

/// Create, an empty plan, a rename and a new variable value in place, drift made through the
/// API, import by uid planning empty, destroy.
#[test]
fn a_template_is_created_changed_in_place_and_imported() {
    let emu = Emulator::start();
    let infra = infra_profile(&emu, case("aws"), "1.0.0", None);
    let addon = addon_with_variables(&emu, "web-addon");
    let tf = Terraform::new(&emu);
    tf.write_config(&format!(
        "{HEADER}{}",
        template_hcl("web", "aws", &infra, &addon, "2")
    ));
    tf.init();
    tf.apply();
    let values = tf.resource_values("palette_cluster_template.web");
    let uid = values["id"].as_str().expect("an id").to_owned();
    let (status, template) = stored(&emu, &uid);
    assert_eq!(status, 200, "{template}");
    assert_eq!(template["spec"]["cloudType"], "aws");
    assert_eq!(template["metadata"]["labels"]["team"], "web");
    let profiles = template["spec"]["profiles"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(profiles.len(), 2, "{template}");
    assert_eq!(profiles[1]["variables"][0]["name"], "replicas");
    assert_eq!(profiles[1]["variables"][0]["value"], "2");
    assert_eq!(profiles[1]["variables"][0]["assignStrategy"], "all");
    emu.assert_no_writes("the plan after create", || tf.assert_empty_plan());

    // Palette keeps a profile a template holds.
    let refused = emu.request("DELETE", &format!("/v1/clusterprofiles/{infra}"), None);
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("web"), "{}", refused.body);

    // A rename and a new value: in place, the same uid.
    tf.write_config(&format!(
        "{HEADER}{}",
        template_hcl("web-v2", "aws", &infra, &addon, "3")
    ));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("0 to add, 1 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let values = tf.resource_values("palette_cluster_template.web");
    assert_eq!(values["id"], uid.as_str(), "changed in place");
    let (_, template) = stored(&emu, &uid);
    assert_eq!(template["metadata"]["name"], "web-v2");
    assert_eq!(
        template["spec"]["profiles"][1]["variables"][0]["value"],
        "3"
    );

    // Drift through the API: another value and a rename show in the next plan.
    let project = emu.project_uid(PROJECT);
    let body = json!({"profiles": [
        {"uid": infra, "variables": []},
        {"uid": addon, "variables": [{"name": "replicas", "value": "9", "assignStrategy": "all"}]},
    ]});
    let put = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/clusterTemplates/{uid}/profiles"),
        Some(&body.to_string()),
    );
    assert!((200..300).contains(&put.status), "{}", put.body);
    let renamed = emu.project_request(
        &project,
        "PATCH",
        &format!("/v1/clusterTemplates/{uid}/metadata"),
        Some(&json!({"metadata": {"name": "renamed"}}).to_string()),
    );
    assert!((200..300).contains(&renamed.status), "{}", renamed.body);
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(drift.stdout.contains("\"9\" -> \"3\""), "{}", drift.stdout);
    assert!(
        drift.stdout.contains("\"renamed\" -> \"web-v2\""),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // Import by uid into a directory of its own: the same configuration plans empty.
    let imported = Terraform::new(&emu);
    imported.write_config(&format!(
        "{HEADER}{}",
        template_hcl("web-v2", "aws", &infra, &addon, "3")
    ));
    imported.init();
    emu.assert_no_writes("the import", || {
        imported.import("palette_cluster_template.web", &uid)
    });
    emu.assert_no_writes("the plan after import", || imported.assert_empty_plan());

    tf.destroy();
    assert_eq!(stored(&emu, &uid).0, 404, "deleted");
}

/// An AWS cluster launched from `template` (an HCL expression), giving `domain` (and the
/// sensitive `token`, if any) to the add-on profile of the template.
fn cluster_from_template(template: &str, addon: &str, domain: &str, token: Option<&str>) -> String {
    let secret = token.map_or(String::new(), |t| {
        format!("      sensitive_variables = {{ token = \"{t}\" }}\n")
    });
    let block = format!(
        "  cluster_template {{\n    id = {template}\n    cluster_profile {{\n      id        = \"{addon}\"\n      variables = {{ domain = \"{domain}\" }}\n{secret}    }}\n  }}\n"
    );
    cluster_hcl(case("aws"), "from-template", &[], &block)
}

/// The cluster's variable values in Palette, by profile uid and name.
fn cluster_variables(emu: &Emulator, uid: &str) -> Value {
    let project = emu.project_uid(PROJECT);
    let reply = emu.project_request(
        &project,
        "GET",
        &format!("/v1/spectroclusters/{uid}/variables"),
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let listed: Value = serde_json::from_str(&reply.body).unwrap();
    let mut out = serde_json::Map::new();
    for entry in listed.as_array().into_iter().flatten() {
        let vars: serde_json::Map<String, Value> = entry["variables"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| (v["name"].as_str().unwrap().to_owned(), v["value"].clone()))
            .collect();
        out.insert(
            entry["profileUid"].as_str().unwrap().to_owned(),
            Value::Object(vars),
        );
    }
    Value::Object(out)
}

/// A cluster launched from a template in the same apply: deployed healthy with every layer of
/// the template's profiles, an empty plan, a variable changed in place through the template
/// variables API, drift made through that API, import planning empty, another template
/// planned as a replacement, the template kept while the cluster uses it, and destroy.
#[test]
fn a_cluster_is_launched_from_a_template() {
    let emu = Emulator::start();
    let infra = infra_profile(&emu, case("aws"), "1.0.0", None);
    let addon = addon_with_variables(&emu, "web-addon");
    let template = template_hcl("web", "aws", &infra, &addon, "2");
    let write = |domain: &str| {
        format!(
            "{HEADER}{template}{}",
            cluster_from_template(
                "palette_cluster_template.web.id",
                &addon,
                domain,
                Some("s3cr3t-token")
            )
        )
    };
    let tf = Terraform::new(&emu);
    tf.write_config(&write("a.example.com"));
    tf.init();
    tf.apply();
    let values = tf.resource_values("palette_cluster.aws");
    assert_healthy(&values, "aws", 5);
    let uid = values["id"].as_str().expect("an id").to_owned();
    let template_uid = tf.resource_values("palette_cluster_template.web")["id"]
        .as_str()
        .expect("a template id")
        .to_owned();
    let project = emu.project_uid(PROJECT);
    let cluster: Value = serde_json::from_str(
        &emu.project_request(&project, "GET", &format!("/v1/spectroclusters/{uid}"), None)
            .body,
    )
    .unwrap();
    assert_eq!(
        cluster["spec"]["clusterTemplate"]["uid"],
        template_uid.as_str()
    );
    let attached: Vec<&str> = cluster["spec"]["clusterProfileTemplates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t["uid"].as_str())
        .collect();
    assert_eq!(attached, [infra.as_str(), addon.as_str()], "{cluster}");
    let vars = cluster_variables(&emu, &uid);
    assert_eq!(
        vars[&addon]["replicas"], "2",
        "the template's value: {vars}"
    );
    assert_eq!(vars[&addon]["domain"], "a.example.com", "{vars}");
    assert_eq!(vars[&addon]["token"], "s3cr3t-token", "{vars}");
    let (_, stored_template) = stored(&emu, &template_uid);
    assert_eq!(
        stored_template["spec"]["clusters"][&uid]["name"], "from-template",
        "{stored_template}"
    );
    emu.assert_no_writes("the plan after create", || tf.assert_empty_plan());

    // Palette keeps a template a cluster was launched from.
    let refused = emu.project_request(
        &project,
        "DELETE",
        &format!("/v1/clusterTemplates/{template_uid}"),
        None,
    );
    assert_eq!(refused.status, 409, "{}", refused.body);

    // A variable changes in place, through the template variables API.
    tf.write_config(&write("b.example.com"));
    let plan = tf.try_plan();
    assert!(
        plan.stdout.contains("0 to add, 1 to change, 0 to destroy"),
        "{}",
        plan.stdout
    );
    assert!(!plan.stdout.contains("s3cr3t-token"), "{}", plan.stdout);
    emu.reset_stats();
    tf.apply();
    let writes = emu.stats().writes();
    assert!(
        writes
            .keys()
            .any(|w| w.contains("/v1/clusterTemplates/spectroclusters/")),
        "{writes:?}"
    );
    tf.assert_empty_plan();
    assert_eq!(
        cluster_variables(&emu, &uid)[&addon]["domain"],
        "b.example.com"
    );
    assert_healthy(&tf.resource_values("palette_cluster.aws"), "aws", 5);

    // Drift through the same API shows in the next plan.
    let body = json!({"profiles": [{"uid": addon, "variables": [{"name": "domain", "value": "drift.example.com"}]}]});
    let patched = emu.project_request(
        &project,
        "PATCH",
        &format!("/v1/clusterTemplates/spectroclusters/{uid}/variables"),
        Some(&body.to_string()),
    );
    assert!((200..300).contains(&patched.status), "{}", patched.body);
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(
        drift
            .stdout
            .contains("\"drift.example.com\" -> \"b.example.com\""),
        "{}",
        drift.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // Import into a directory of its own, the template named by its uid: an empty plan.
    let imported = Terraform::new(&emu);
    imported.write_config(&format!(
        "{HEADER}{}",
        cluster_from_template(
            &format!("\"{template_uid}\""),
            &addon,
            "b.example.com",
            None
        )
    ));
    imported.init();
    emu.assert_no_writes("the import", || {
        imported.import("palette_cluster.aws", &uid)
    });
    emu.assert_no_writes("the plan after import", || imported.assert_empty_plan());

    // Another template: Palette cannot move a cluster to it, so the plan replaces the cluster.
    let other = json!({
        "metadata": {"name": "web-other"},
        "spec": {"cloudType": "aws", "profiles": [
            {"uid": infra},
            {"uid": addon, "variables": [{"name": "replicas", "value": "4", "assignStrategy": "all"}]},
        ]},
    });
    let created = emu.project_request(
        &project,
        "POST",
        "/v1/clusterTemplates",
        Some(&other.to_string()),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let other_uid = serde_json::from_str::<Value>(&created.body).unwrap()["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    imported.write_config(&format!(
        "{HEADER}{}",
        cluster_from_template(&format!("\"{other_uid}\""), &addon, "b.example.com", None)
    ));
    let replace = emu.assert_no_writes("a plan to another template", || imported.try_plan());
    assert!(
        replace.stdout.contains("must be replaced"),
        "{}",
        replace.stdout
    );

    tf.destroy();
    assert_eq!(
        stored(&emu, &template_uid).0,
        404,
        "deleted after its cluster"
    );
}

//! Cluster policies on `palette_cluster`: namespaces with quotas and RBAC role bindings, created
//! with the cluster, changed in place, read back for drift and import.

use serde_json::json;

use crate::cluster::{HEADER, case, cluster_hcl, generated_import, infra_profile};
use crate::support::emulator::PROJECT;
use crate::support::{Emulator, Terraform};

fn policies(cpu: &str, group: &str, extra_namespace: bool) -> String {
    let mut out = format!(
        r#"  namespace {{
    name       = "team-a"
    cpu_cores  = {cpu}
    memory_mib = 4096
  }}
  namespace {{
    name = "team-b"
  }}
"#
    );
    if extra_namespace {
        out.push_str("  namespace {\n    name = \"team-c\"\n  }\n");
    }
    out.push_str(&format!(
        r#"  rbac_binding {{
    type      = "ClusterRoleBinding"
    role_name = "view"
    subject {{
      type = "Group"
      name = "{group}"
    }}
  }}
  rbac_binding {{
    type      = "RoleBinding"
    namespace = "team-a"
    role_kind = "Role"
    role_name = "deployer"
    subject {{
      type      = "ServiceAccount"
      name      = "ci"
      namespace = "team-a"
    }}
    subject {{
      type = "User"
      name = "alice@example.com"
    }}
  }}
"#
    ));
    out
}

#[test]
fn namespaces_and_role_bindings_live_with_the_cluster() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let write = |cpu: &str, group: &str, extra: bool| {
        let hcl = cluster_hcl(
            aws,
            "governed",
            std::slice::from_ref(&infra),
            &policies(cpu, group, extra),
        );
        tf.write_config(&format!("{HEADER}{hcl}"));
    };
    write("2", "devs", false);
    tf.init();
    tf.apply();
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let project = emu.project_uid(PROJECT);
    let namespaces = emu.project_request(
        &project,
        "GET",
        &format!("/v1/spectroclusters/{uid}/config/namespaces"),
        None,
    );
    assert!(
        namespaces.body.contains("team-a") && namespaces.body.contains("4096"),
        "{}",
        namespaces.body
    );

    // Day 2, in place: a quota, a subject, a new namespace.
    write("1.5", "platform", true);
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(!plan.stdout.contains("must be replaced"), "{}", plan.stdout);
    tf.apply();
    tf.assert_empty_plan();
    let rbacs = emu.project_request(
        &project,
        "GET",
        &format!("/v1/spectroclusters/{uid}/config/rbacs"),
        None,
    );
    assert!(rbacs.body.contains("platform"), "{}", rbacs.body);

    // Drift: a quota changed in Palette shows, and the apply puts it back.
    let changed = json!({"namespaces": [
        {"metadata": {"name": "team-a"}, "spec": {"isRegex": false, "resourceAllocation": {"cpuCores": 8, "memoryMiB": 4096}}},
        {"metadata": {"name": "team-b"}, "spec": {"isRegex": false}},
        {"metadata": {"name": "team-c"}, "spec": {"isRegex": false}},
    ]})
    .to_string();
    let reply = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/spectroclusters/{uid}/config/namespaces"),
        Some(&changed),
    );
    assert!((200..300).contains(&reply.status), "{}", reply.body);
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    assert!(drift.stdout.contains("cpu_cores"), "{}", drift.stdout);
    tf.apply();
    tf.assert_empty_plan();

    // Import reproduces both lists.
    let generated = generated_import(&emu, "palette_cluster.imported", &uid);
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "name = \"team-c\"",
        "cpu_cores = 1.5",
        "role_name = \"deployer\"",
        "name = \"alice@example.com\"",
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }

    // Refused at plan, with the attribute path and no write.
    let bad = cluster_hcl(
        aws,
        "governed",
        std::slice::from_ref(&infra),
        &policies("2", "devs", false).replacen("type      = \"ClusterRoleBinding\"\n    role_name = \"view\"", "type      = \"ClusterRoleBinding\"\n    role_kind = \"Role\"\n    role_name = \"view\"", 1),
    );
    tf.write_config(&format!("{HEADER}{bad}"));
    let refused = emu.assert_no_writes("a binding Kubernetes refuses", || tf.try_plan());
    refused.expect_error("Role Kind Not Bindable .*with palette_cluster.aws.*role_kind = \"Role\"");
    tf.write_config(&format!(
        "{HEADER}{}",
        cluster_hcl(
            aws,
            "governed",
            std::slice::from_ref(&infra),
            &policies("2", "devs", false).replacen("team-b", "Team_B", 1)
        )
    ));
    let refused = emu.assert_no_writes("a namespace Kubernetes refuses", || tf.try_plan());
    refused.expect_error("DNS-1123");

    tf.write_config(&format!(
        "{HEADER}{}",
        cluster_hcl(
            aws,
            "governed",
            std::slice::from_ref(&infra),
            &policies("1.5", "platform", true)
        )
    ));
    tf.destroy();
}

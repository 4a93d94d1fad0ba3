//! Cluster policies on `palette_cluster`: namespaces with quotas and RBAC role bindings, created
//! with the cluster, changed in place, read back for drift and import.

use serde_json::json;

use crate::cluster::{HEADER, case, cluster_hcl, generated_import, infra_profile};
use crate::support::emulator::PROJECT;
use crate::support::{Emulator, Terraform};

/// A backup storage location, made in the same configuration.
pub(crate) const LOCATION_HCL: &str = r#"
resource "palette_backup_storage_location" "backups" {
  name = "governed-backups"
  s3 {
    bucket_name     = "governed"
    region          = "us-east-1"
    credential_type = "sts"
    arn             = "arn:aws:iam::123456789012:role/backups"
    external_id     = "governed"
  }
}
"#;

/// The backup and scan policies, with `hour` in their schedules.
fn schedules(hour: u32) -> String {
    format!(
        r#"  backup_policy {{
    backup_storage_location_id = palette_backup_storage_location.backups.id
    prefix                     = "nightly"
    schedule                   = "0 {hour} * * *"
    expiry_in_hours            = 72
    namespaces                 = ["team-a"]
  }}
  scan_policy {{
    configuration_scan_schedule = "0 {hour} * * SUN"
    conformance_scan_schedule   = "30 {hour} 1 * *"
  }}
"#
    )
}

fn policies(cpu: &str, group: &str, extra_namespace: bool) -> String {
    let hour = if extra_namespace { 3 } else { 1 };
    let mut out = schedules(hour);
    out.push_str(&format!(
        r#"  namespace {{
    name       = "team-a"
    cpu_cores  = {cpu}
    memory_mib = 4096
    gpu_limit  = 2
  }}
  namespace {{
    name = "team-b"
  }}
"#
    ));
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
fn all_four_policies_live_with_the_cluster() {
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
        tf.write_config(&format!("{HEADER}{LOCATION_HCL}{hcl}"));
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
        namespaces.body.contains("team-a")
            && namespaces.body.contains("4096")
            && namespaces
                .body
                .contains(r#""gpuConfig":{"limit":2,"provider":"nvidia"}"#),
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

    let backup = emu.project_request(
        &project,
        "GET",
        &format!("/v1/spectroclusters/{uid}/features/backup"),
        None,
    );
    assert!(backup.body.contains("0 3 * * *"), "{}", backup.body);

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
    assert!(drift.stdout.contains("gpu_limit"), "{}", drift.stdout);
    tf.apply();
    tf.assert_empty_plan();
    // And a backup expiry changed in Palette.
    let location = tf.resource_values("palette_backup_storage_location.backups")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let changed =
        json!({"backupLocationUid": location, "backupPrefix": "nightly", "durationInHours": 1,
        "schedule": {"scheduledRunTime": "0 3 * * *"}, "includeAllDisks": true,
        "includeClusterResourceMode": "Always", "namespaces": ["team-a"]})
        .to_string();
    let reply = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/spectroclusters/{uid}/features/backup"),
        Some(&changed),
    );
    assert!((200..300).contains(&reply.status), "{}", reply.body);
    let drift = tf.try_plan();
    assert!(drift.stdout.contains("expiry_in_hours"), "{}", drift.stdout);
    tf.apply();
    tf.assert_empty_plan();

    // Import reproduces both lists.
    let generated = generated_import(&emu, "palette_cluster.imported", &uid);
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "name = \"team-c\"",
        "cpu_cores = 1.5",
        "gpu_limit = 2",
        "role_name = \"deployer\"",
        "name = \"alice@example.com\"",
        "prefix = \"nightly\"",
        "conformance_scan_schedule = \"30 3 1 * *\"",
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
    tf.write_config(&format!("{HEADER}{LOCATION_HCL}{bad}"));
    let refused = emu.assert_no_writes("a binding Kubernetes refuses", || tf.try_plan());
    refused.expect_error("Role Kind Not Bindable .*with palette_cluster.aws.*role_kind = \"Role\"");
    tf.write_config(&format!(
        "{HEADER}{LOCATION_HCL}{}",
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
        "{HEADER}{LOCATION_HCL}{}",
        cluster_hcl(
            aws,
            "governed",
            std::slice::from_ref(&infra),
            &policies("1.5", "platform", true).replace(&schedules(3), "")
        )
    ));
    // Both policies removed: the backup goes, every scan is off, and the plan is empty.
    tf.apply();
    tf.assert_empty_plan();
    let gone = emu.project_request(
        &project,
        "GET",
        &format!("/v1/spectroclusters/{uid}/features/backup"),
        None,
    );
    assert_eq!(gone.status, 404, "{}", gone.body);
    tf.destroy();
}

/// The runs a policy's schedules make show in what Palette reports, on the schedule's
/// emulated clock: every minute at the tests' time scale (0.01) is every 600 ms.
#[test]
fn scheduled_backups_and_scans_show_up_on_schedule() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let every_minute = r#"  backup_policy {
    backup_storage_location_id = palette_backup_storage_location.backups.id
    prefix                     = "minutely"
    schedule                   = "* * * * *"
    expiry_in_hours            = 1
  }
  scan_policy {
    configuration_scan_schedule = "* * * * *"
  }
"#;
    let hcl = cluster_hcl(aws, "scheduled", std::slice::from_ref(&infra), every_minute);
    tf.write_config(&format!("{HEADER}{LOCATION_HCL}{hcl}"));
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let project = emu.project_uid(PROJECT);
    let time_of = |text: &str| -> i64 {
        // RFC 3339 with milliseconds, UTC: compare the clock part, within one day.
        let clock = &text[11..23];
        let h: i64 = clock[0..2].parse().unwrap();
        let m: i64 = clock[3..5].parse().unwrap();
        let s: i64 = clock[6..8].parse().unwrap();
        let ms: i64 = clock[9..12].parse().unwrap();
        ((h * 60 + m) * 60 + s) * 1000 + ms
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let (backups, scans) = loop {
        let backup = emu.project_request(
            &project,
            "GET",
            &format!("/v1/spectroclusters/{uid}/features/backup"),
            None,
        );
        let logs = emu.project_request(
            &project,
            "GET",
            &format!("/v1/spectroclusters/{uid}/features/complianceScan/logs/drivers"),
            None,
        );
        let backup: serde_json::Value = serde_json::from_str(&backup.body).unwrap();
        let logs: serde_json::Value = serde_json::from_str(&logs.body).unwrap();
        let backups = backup["status"]["clusterBackupStatuses"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let scans = logs["kubeBenchLogs"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let done = |list: &[serde_json::Value], pointer: &str| {
            list.iter()
                .filter(|r| r.pointer(pointer) == Some(&json!("Completed")))
                .count()
        };
        if done(&backups, "/state") >= 2 && done(&scans, "/status/state") >= 2 {
            break (backups, scans);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no scheduled runs after 30 s: {backups:?} {scans:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    // One run per emulated minute, 600 ms apart, made by the schedule.
    let times: Vec<i64> = backups
        .iter()
        .map(|b| {
            time_of(
                b["backupStatusMeta"][0]["backupState"]["backupTime"]
                    .as_str()
                    .unwrap(),
            )
        })
        .collect();
    for pair in times.windows(2) {
        let gap = (pair[1] - pair[0]).rem_euclid(86_400_000);
        assert!((599..=601).contains(&gap), "runs {times:?}");
    }
    assert!(
        backups
            .iter()
            .all(|b| b["actor"]["actorType"] == "schedule")
    );
    let first = &backups[0]["backupStatusMeta"][0];
    assert!(
        first["backupName"]
            .as_str()
            .unwrap()
            .starts_with("minutely-"),
        "{first}"
    );
    let starts: Vec<i64> = scans
        .iter()
        .map(|s| time_of(s["status"]["scanTime"]["startTime"].as_str().unwrap()))
        .collect();
    for pair in starts.windows(2) {
        let gap = (pair[1] - pair[0]).rem_euclid(86_400_000);
        assert!((599..=601).contains(&gap), "scans {starts:?}");
    }
    let report = &scans[0]["status"]["reports"]["master"];
    assert_eq!(report["fail"], 2, "{report}");
    // The refresh still plans nothing: runs are status, not configuration.
    tf.assert_empty_plan();
    tf.destroy();
}

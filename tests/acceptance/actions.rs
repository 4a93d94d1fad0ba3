//! The actions, run with `terraform apply -invoke=action.<type>.<name>` (Terraform 1.14 and
//! later; on an older Terraform these tests say so and skip): their progress lines appear in
//! Terraform's output, the emulator saw the scan, backup or approval, and bad configurations are
//! refused at plan with their attribute paths and no write.

use crate::cluster::{HEADER, case, cluster_hcl, infra_profile, outside};
use crate::policies::LOCATION_HCL;
use crate::support::terraform::{Output, terraform_at_least};
use crate::support::{Emulator, Terraform};

/// The progress lines Terraform printed for `action.<address>`.
fn progress<'a>(out: &'a Output, address: &str) -> Vec<&'a str> {
    let prefix = format!("Action action.{address}");
    out.stdout
        .lines()
        .filter(|l| l.starts_with(&prefix))
        .collect()
}

fn invoke(tf: &Terraform, address: &str) -> Output {
    tf.run(&[
        "apply",
        "-auto-approve",
        "-no-color",
        &format!("-invoke=action.{address}"),
    ])
}

/// Writes `action.tf` holding one action block.
fn action(tf: &Terraform, kind: &str, name: &str, config: &str) {
    tf.write_file(
        "action.tf",
        &format!("action \"{kind}\" \"{name}\" {{\n  config {{\n{config}  }}\n}}\n"),
    );
}

#[test]
fn scan_and_backup_actions_run_now_and_report_their_progress() {
    if !terraform_at_least(1, 14, "the action tests") {
        return;
    }
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let policy = r#"  backup_policy {
    backup_storage_location_id = palette_backup_storage_location.backups.id
    prefix                     = "nightly"
    schedule                   = "0 1 1 1 *"
    expiry_in_hours            = 48
  }
"#;
    let hcl = cluster_hcl(aws, "acted", std::slice::from_ref(&infra), policy);
    tf.write_config(&format!("{HEADER}{LOCATION_HCL}{hcl}"));
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Refused at plan: an unknown scan, a duplicate, a bad timeout; nothing is written.
    action(
        &tf,
        "palette_cluster_scan",
        "now",
        &format!(
            "    cluster_id = \"{uid}\"\n    scans = [\"configuration\", \"kube-bench\", \"configuration\"]\n    timeout = \"soon\"\n"
        ),
    );
    let refused = emu.assert_no_writes("a scan Palette does not run", || {
        invoke(&tf, "palette_cluster_scan.now")
    });
    refused.expect_error("Invalid Timeout.*timeout = \"soon\"");
    refused.expect_error("Unknown Scan.*kube-bench");
    refused.expect_error("Duplicate Scan");

    // The three scans, now.
    action(
        &tf,
        "palette_cluster_scan",
        "now",
        &format!(
            "    cluster_id = \"{uid}\"\n    scans = [\"configuration\", \"penetration\", \"conformance\"]\n"
        ),
    );
    let out = invoke(&tf, "palette_cluster_scan.now");
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    let lines = progress(&out, "palette_cluster_scan.now");
    let text = lines.join("\n");
    for want in [
        "started the configuration scan (kube-bench), penetration scan (kube-hunter), conformance scan (Sonobuoy)",
        "configuration scan (kube-bench): InProgress",
        "configuration scan (kube-bench) completed: 71 passed, 2 failed, 15 warnings",
        "penetration scan (kube-hunter) completed: vulnerabilities: 0 high, 1 medium, 1 low",
        "conformance scan (Sonobuoy) completed: 386 of 386 tests passed, 0 failed",
    ] {
        assert!(
            text.contains(want),
            "{want:?} in the progress:\n{}",
            out.stdout
        );
    }
    assert!(
        out.stdout
            .contains("Action complete: action.palette_cluster_scan.now"),
        "{}",
        out.stdout
    );
    // Findings are warnings, with what was found.
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(
        all.contains("Cluster Scan Findings") && all.contains("1.2.16"),
        "{all}"
    );
    // The emulator ran them, for this request.
    let scan_uid = uid.clone();
    let logs = outside(&emu, async |client, scope| {
        client.get_cluster_scan_logs(scope, &scan_uid).await
    })
    .expect("the scan logs");
    for (driver, list) in [
        ("kubeBench", &logs.kube_bench_logs),
        ("kubeHunter", &logs.kube_hunter_logs),
        ("sonobuoy", &logs.sonobuoy_logs),
    ] {
        let runs = list.as_deref().unwrap_or_default();
        assert_eq!(runs.len(), 1, "{driver}: {runs:?}");
        let status = runs[0].status.clone().unwrap_or_default();
        assert_eq!(status.state.as_deref(), Some("Completed"), "{driver}");
        assert_eq!(
            status.actor.and_then(|a| a.actor_type).as_deref(),
            Some("user"),
            "{driver}"
        );
    }
    // With `fail_on_findings`, the findings fail the action.
    action(
        &tf,
        "palette_cluster_scan",
        "now",
        &format!(
            "    cluster_id = \"{uid}\"\n    scans = [\"penetration\"]\n    fail_on_findings = true\n"
        ),
    );
    let strict = invoke(&tf, "palette_cluster_scan.now");
    strict.expect_error("Cluster Scan Findings.*KHV002");

    // A backup now, to the policy's location, followed to the end.
    action(
        &tf,
        "palette_cluster_backup",
        "now",
        &format!(
            "    cluster_id = \"{uid}\"\n    name = \"before-upgrade\"\n    namespaces = [\"team-a\"]\n"
        ),
    );
    let out = invoke(&tf, "palette_cluster_backup.now");
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    let text = progress(&out, "palette_cluster_backup.now").join("\n");
    let location = tf.resource_values("palette_backup_storage_location.backups")["id"]
        .as_str()
        .unwrap()
        .to_string();
    for want in [
        format!("started a backup of cluster {uid} to storage location {location}"),
        "backup before-upgrade: InProgress".to_string(),
        "backup before-upgrade completed in".to_string(),
        "namespaces team-a".to_string(),
    ] {
        assert!(
            text.contains(&want),
            "{want:?} in the progress:\n{}",
            out.stdout
        );
    }
    let backup_uid = uid.clone();
    let backup = outside(&emu, async |client, scope| {
        client.get_cluster_backup(scope, &backup_uid).await
    })
    .expect("the backups");
    let taken: Vec<_> = backup
        .status
        .unwrap_or_default()
        .cluster_backup_statuses
        .into_iter()
        .filter(|s| s.actor.as_ref().and_then(|a| a.actor_type.as_deref()) == Some("user"))
        .collect();
    assert_eq!(taken.len(), 1, "{taken:?}");
    assert_eq!(taken[0].state.as_deref(), Some("Completed"));
    let meta = taken[0].backup_status_meta.clone().unwrap_or_default();
    assert_eq!(meta[0].backup_name.as_deref(), Some("before-upgrade"));
    assert_eq!(
        taken[0]
            .backup_location_config
            .as_ref()
            .and_then(|l| l.uid.as_deref()),
        Some(location.as_str())
    );

    // A bad name is refused at plan, with its path, and nothing is written.
    action(
        &tf,
        "palette_cluster_backup",
        "now",
        &format!("    cluster_id = \"{uid}\"\n    name = \"Before_Upgrade\"\n"),
    );
    let refused = emu.assert_no_writes("a backup name Palette refuses", || {
        invoke(&tf, "palette_cluster_backup.now")
    });
    refused.expect_error("Invalid Backup Name.*name = \"Before_Upgrade\"");
    tf.write_file("action.tf", "");
    tf.destroy();
}

#[test]
fn the_repave_approval_action_says_what_it_approves() {
    if !terraform_at_least(1, 14, "the action tests") {
        return;
    }
    let emu = Emulator::start();
    let aws = case("aws");
    let v1 = infra_profile(&emu, aws, "1.0.0", None);
    let v2 = infra_profile(&emu, aws, "1.1.0", Some("1.34.9"));
    let tf = Terraform::new(&emu);
    let write = |profile: &str, extra: &str| {
        let hcl = cluster_hcl(aws, "approved", &[profile.to_string()], extra);
        tf.write_config(&format!("{HEADER}{hcl}"));
    };
    write(&v1, "");
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();
    action(
        &tf,
        "palette_cluster_repave_approval",
        "go",
        &format!("    cluster_id = \"{uid}\"\n"),
    );

    // Nothing pending: a clear error, and nothing approved.
    let none = emu.assert_no_writes("an approval with nothing pending", || {
        invoke(&tf, "palette_cluster_repave_approval.go")
    });
    none.expect_error("No Repave Pending.*has no repave waiting for approval");

    // A Kubernetes upgrade held for a person, then approved by the action.
    write(
        &v2,
        "  repave_approval = \"manual\"\n  wait_for        = \"none\"\n",
    );
    tf.apply();
    let status_uid = uid.clone();
    let pending = outside(&emu, async |client, scope| {
        client.get_cluster_repave(scope, &status_uid).await
    })
    .expect("the repave status");
    assert_eq!(
        pending.status.and_then(|s| s.state).as_deref(),
        Some("Pending")
    );
    let out = invoke(&tf, "palette_cluster_repave_approval.go");
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    let text = progress(&out, "palette_cluster_repave_approval.go").join("\n");
    for want in [
        format!("repave of cluster {uid} pending since"),
        "it replaces the nodes of every pool".to_string(),
        "(layer k8s) changes from".to_string(),
        "to 1.34.9, so every node is replaced".to_string(),
        "(PackChanged)".to_string(),
        "approved: the repave of cluster".to_string(),
    ] {
        assert!(
            text.contains(&want),
            "{want:?} in the progress:\n{}",
            out.stdout
        );
    }
    let approved = outside(&emu, async |client, scope| {
        client.get_cluster_repave(scope, &uid).await
    })
    .expect("the repave status");
    assert_eq!(
        approved.status.and_then(|s| s.state).as_deref(),
        Some("Approved")
    );
    tf.write_file("action.tf", "");
    tf.destroy();
}

/// `palette_cluster_certificate_renewal` says when the certificates expire, renews them, and
/// follows the renewal node by node; the emulator's certificates then expire later. A bad
/// configuration is refused at plan with no write, and a cluster whose cloud runs the control
/// plane (EKS) is refused with nothing renewed.
#[test]
fn the_certificate_renewal_action_renews_node_by_node() {
    if !terraform_at_least(1, 14, "the action tests") {
        return;
    }
    let emu = Emulator::start();
    let (aws, eks) = (case("aws"), case("eks"));
    let aws_profile = infra_profile(&emu, aws, "1.0.0", None);
    let eks_profile = infra_profile(&emu, eks, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let aws_hcl = cluster_hcl(aws, "renewed", std::slice::from_ref(&aws_profile), "");
    let eks_hcl = cluster_hcl(eks, "renewed-eks", std::slice::from_ref(&eks_profile), "");
    tf.write_config(&format!("{HEADER}{aws_hcl}{eks_hcl}"));
    tf.init();
    tf.apply();
    let uid = |address: &str| {
        tf.resource_values(address)["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (aws_uid, eks_uid) = (uid("palette_cluster.aws"), uid("palette_cluster.eks"));
    let expiries = |id: &str| -> Vec<String> {
        let id = id.to_string();
        let certificates = outside(&emu, async |client, scope| {
            client.get_cluster_certificates(scope, &id).await
        })
        .expect("the certificates");
        certificates
            .machine_certificates
            .into_iter()
            .flatten()
            .flat_map(|m| m.certificate_authorities.into_iter().flatten())
            .flat_map(|ca| ca.certificates.into_iter().flatten())
            .filter_map(|c| c.expiry)
            .collect()
    };
    let before = expiries(&aws_uid);
    assert!(
        !before.is_empty(),
        "a running control plane has certificates"
    );

    // Refused at plan: an empty cluster id and a zero timeout; nothing is written.
    action(
        &tf,
        "palette_cluster_certificate_renewal",
        "now",
        "    cluster_id = \" \"\n    timeout = \"0s\"\n",
    );
    let refused = emu.assert_no_writes("a renewal of no cluster", || {
        invoke(&tf, "palette_cluster_certificate_renewal.now")
    });
    refused.expect_error("Missing Cluster");
    refused.expect_error("Invalid Timeout");

    // EKS: the cloud runs the control plane, so there is nothing to renew.
    action(
        &tf,
        "palette_cluster_certificate_renewal",
        "now",
        &format!("    cluster_id = \"{eks_uid}\"\n"),
    );
    let managed = emu.assert_no_writes("a renewal on EKS", || {
        invoke(&tf, "palette_cluster_certificate_renewal.now")
    });
    managed.expect_error("No Control-Plane Certificates.*the cloud runs the control plane");

    // AWS: renewed, node by node.
    action(
        &tf,
        "palette_cluster_certificate_renewal",
        "now",
        &format!("    cluster_id = \"{aws_uid}\"\n"),
    );
    let out = invoke(&tf, "palette_cluster_certificate_renewal.now");
    assert!(out.success(), "{}\n{}", out.stdout, out.stderr);
    let text = progress(&out, "palette_cluster_certificate_renewal.now").join("\n");
    for want in [
        format!("cluster {aws_uid}: 1 control-plane node(s); the first certificate to expire is"),
        "renewal asked: Palette renews the nodes one after another".to_string(),
        "renewed: its certificates now expire at".to_string(),
        "renewed the certificates of 1 control-plane node(s)".to_string(),
    ] {
        assert!(
            text.contains(&want),
            "{want:?} in the progress:\n{}",
            out.stdout
        );
    }
    let after = expiries(&aws_uid);
    assert_eq!(before.len(), after.len());
    assert!(
        before.iter().zip(&after).all(|(b, a)| a > b),
        "every certificate expires later: {before:?} then {after:?}"
    );
    tf.write_file("action.tf", "");
    tf.destroy();
}

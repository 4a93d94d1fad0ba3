//! Day 2 through Palette's gates: a change that replaces nodes waits for repave approval
//! (given by the apply, or by a person), a profile change is waited for until Palette reports
//! it applied, a change sent to install later waits for its apply, and the cluster settings
//! with endpoints of their own show drift and survive import.

use serde_json::Value;

use crate::cluster::{
    HEADER, case, cluster_hcl, generated_import, infra_profile, make_profile, outside,
};
use crate::support::{Emulator, Terraform};

/// The cluster as the emulator reports it, in the test project.
fn cluster(emu: &Emulator, uid: &str) -> Value {
    let uid = uid.to_string();
    let cluster = outside(emu, async |client, scope| {
        client.get_cluster(scope, &uid).await
    })
    .expect("the cluster");
    serde_json::to_value(cluster).expect("JSON")
}

/// A change of the Kubernetes layer replaces every node. With `repave_approval = "automatic"`
/// the apply approves the repave and converges; with `"manual"` it says at once, by name and
/// with the reasons, that it waits for a person, fails at its timeout saying how to approve,
/// and after an approval through the API the next apply converges.
#[test]
fn a_repave_waits_for_approval_by_the_apply_or_by_a_person() {
    let emu = Emulator::start();
    let aws = case("aws");
    let v1 = infra_profile(&emu, aws, "1.0.0", None);
    let v2 = infra_profile(&emu, aws, "1.1.0", Some("1.34.9"));
    let v3 = infra_profile(&emu, aws, "1.2.0", Some("1.35.3"));
    let tf = Terraform::new(&emu);
    let write = |profile: &str, extra: &str| {
        let hcl = cluster_hcl(aws, "repaved", &[profile.to_string()], extra);
        tf.write_config(&format!("{HEADER}{hcl}"));
    };
    write(&v1, "");
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Automatic: the apply is the approval.
    write(&v2, "");
    tf.apply();
    tf.assert_empty_plan();
    let status = cluster(&emu, &uid)["status"].clone();
    assert_eq!(status["repave"]["state"], "Approved", "{status}");
    assert!(
        tf.log()
            .contains("approving the repave Palette holds for review"),
        "the approval is logged"
    );

    // Manual: the apply waits for a person, and says so.
    write(
        &v3,
        "  repave_approval = \"manual\"\n  timeouts {\n    update = \"8s\"\n  }\n",
    );
    let out = tf.try_apply();
    out.expect_error(
        "Cluster Repave Awaits Approval.*repaved.*kubernetes \\(layer k8s\\) changes from 1.34.9 to 1.35.3.*repave/approve",
    );
    let log = tf.log();
    let line = log
        .lines()
        .find(|l| l.contains("waits for someone to approve a repave"))
        .expect("the wait for a person is logged");
    assert!(
        line.contains("\"repaved\"") && line.contains("1.35.3"),
        "{line}"
    );
    assert_eq!(
        cluster(&emu, &uid)["status"]["repave"]["state"],
        "Pending",
        "the manual mode never approves"
    );
    let approve_uid = uid.clone();
    outside(&emu, async |client, scope| {
        client.approve_cluster_repave(scope, &approve_uid).await
    })
    .expect("approving through the API");
    tf.apply();
    tf.assert_empty_plan();
    let values = tf.resource_values("palette_cluster.aws");
    let k8s = values["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == "k8s")
        .cloned()
        .unwrap();
    assert_eq!(k8s["version"], "1.35.3");
    assert_eq!(k8s["state"], "Ready");
}

/// A values-only update is waited for until Palette reports the change applied: while the
/// agent downloads it, the cluster still shows every old layer `Ready`, and a provider that
/// ended its wait on that would return before the new values are installed.
#[test]
fn a_values_only_update_waits_until_palette_applies_it() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let addon = make_profile(
        &emu,
        "monitoring",
        "1.0.0",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let tf = Terraform::new(&emu);
    let write = |replicas: u32| {
        let mut hcl = cluster_hcl(aws, "slow-apply", &[infra.clone(), addon.clone()], "");
        hcl = hcl.replace(
            &format!("  cluster_profile {{\n    id = \"{addon}\"\n  }}\n"),
            &format!(
                "  cluster_profile {{\n    id = \"{addon}\"\n    pack {{\n      name   = \"nginx\"\n      values = \"replicaCount: {replicas}\\n\"\n    }}\n  }}\n"
            ),
        );
        tf.write_config(&format!("{HEADER}{hcl}"));
    };
    write(1);
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();
    emu.set_faults(r#"{"apply_delay_ms": 3000}"#);
    write(2);
    let started = std::time::Instant::now();
    tf.apply();
    let took = started.elapsed();
    let status = cluster(&emu, &uid)["status"].clone();
    assert_eq!(
        status["spcApply"]["canBeApplied"], true,
        "the apply returned before Palette applied the change (after {took:?}): {status}"
    );
    assert!(
        status["packs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["condition"]["type"] == "Ready"),
        "{status}"
    );
    assert!(took >= std::time::Duration::from_secs(3), "{took:?}");
    emu.set_faults("{}");
    tf.assert_empty_plan();
}

/// `apply_setting = "DownloadAndInstallLater"`: the change is sent, the apply returns with a
/// warning, and the cluster keeps its layers until someone applies the change in Palette.
#[test]
fn a_change_to_install_later_waits_for_someone_to_apply_it() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let addon = make_profile(
        &emu,
        "monitoring",
        "1.0.0",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let tf = Terraform::new(&emu);
    let later = "  apply_setting = \"DownloadAndInstallLater\"\n";
    let hcl = cluster_hcl(aws, "later", std::slice::from_ref(&infra), later);
    tf.write_config(&format!("{HEADER}{hcl}"));
    tf.init();
    tf.apply();
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let hcl = cluster_hcl(aws, "later", &[infra.clone(), addon.clone()], later);
    tf.write_config(&format!("{HEADER}{hcl}"));
    let out = tf.apply();
    let text = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Profile Change Awaits Apply"),
        "{}",
        out.stdout
    );
    let status = cluster(&emu, &uid)["status"].clone();
    assert_eq!(status["spcApply"]["canBeApplied"], false, "{status}");
    assert_eq!(status["spcApply"]["actionType"], "DownloadAndInstallLater");
    assert_eq!(
        status["packs"].as_array().unwrap().len(),
        4,
        "not installed yet"
    );
    tf.assert_empty_plan();

    let apply_uid = uid.clone();
    outside(&emu, async |client, scope| {
        client.apply_cluster_change(scope, &apply_uid).await
    })
    .expect("applying the change through the API");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let status = cluster(&emu, &uid)["status"].clone();
        let packs = status["packs"].as_array().unwrap();
        if packs.len() == 5 && packs.iter().all(|p| p["condition"]["type"] == "Ready") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{status}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    tf.assert_empty_plan();
}

/// Agent upgrades, OS patching and the time zone are set at create, read back, show drift when
/// changed through the API (and are set back by the next apply), and import with an empty plan.
#[test]
fn cluster_settings_show_drift_and_survive_import() {
    let emu = Emulator::start();
    let aws = case("aws");
    let infra = infra_profile(&emu, aws, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let settings = "  pause_agent_upgrades = true\n  os_patch_on_boot = true\n  os_patch_schedule = \"0 2 * * SUN\"\n  os_patch_after = \"2026-12-31T23:00:00Z\"\n  cluster_timezone = \"Europe/Paris\"\n";
    let hcl = cluster_hcl(aws, "settled", std::slice::from_ref(&infra), settings);
    tf.write_config(&format!("{HEADER}{hcl}"));
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let values = tf.resource_values("palette_cluster.aws");
    let uid = values["id"].as_str().unwrap().to_string();
    let read = cluster(&emu, &uid);
    assert_eq!(
        read["metadata"]["annotations"]["spectroComponentsUpgradeForbidden"],
        "true"
    );
    assert_eq!(read["spec"]["clusterConfig"]["timezone"], "Europe/Paris");

    let drift: [(&str, &str); 5] = [
        ("pause_agent_upgrades", "unlock"),
        ("os_patch_schedule", "patch"),
        ("os_patch_on_boot", "boot"),
        ("os_patch_after", "after"),
        ("cluster_timezone", "zone"),
    ];
    for (attribute, change) in drift {
        let id = uid.clone();
        outside(&emu, async |client, scope| match change {
            "unlock" => client.set_cluster_agent_upgrades(scope, &id, false).await,
            "patch" | "boot" | "after" => {
                // The whole OS patch config is sent; only the setting named differs from the
                // configuration.
                let config = palette_api::models::OsPatchConfig {
                    schedule: Some(
                        if change == "patch" {
                            "0 3 * * *"
                        } else {
                            "0 2 * * SUN"
                        }
                        .into(),
                    ),
                    patch_on_boot: Some(change != "boot"),
                    on_demand_patch_after: Some(
                        if change == "after" {
                            "2027-01-15T00:00:00Z"
                        } else {
                            "2026-12-31T23:00:00Z"
                        }
                        .into(),
                    ),
                    ..Default::default()
                };
                client.patch_cluster_os_patch(scope, &id, &config).await
            }
            _ => {
                client
                    .patch_cluster_timezone(scope, &id, "Asia/Tokyo")
                    .await
            }
        })
        .expect("a change through the API");
        let out = tf.try_plan();
        assert_eq!(out.code, Some(2), "{attribute}: {}", out.stdout);
        assert!(
            out.stdout.contains(attribute),
            "{attribute} drift shows:\n{}",
            out.stdout
        );
        tf.apply();
        tf.assert_empty_plan();
    }

    let generated = generated_import(&emu, "palette_cluster.imported", &uid);
    for line in [
        "pause_agent_upgrades = true",
        "os_patch_on_boot     = true",
        "cluster_timezone     = \"Europe/Paris\"",
        "os_patch_after       = \"2026-12-31T23:00:00Z\"",
    ] {
        assert!(
            generated
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&line.split_whitespace().collect::<Vec<_>>().join(" ")),
            "{line} in\n{generated}"
        );
    }
}

/// A Nutanix cluster's place on Palette's map.
const PARIS: &str = "  location {\n    latitude = 48.8566\n    longitude = 2.3522\n    country_code = \"FR\"\n    region_name = \"Ile-de-France\"\n  }\n";

/// The cluster metadata and the host cluster configuration change in place through their own
/// endpoints, show drift and come back on import; parallel pool updates are set by the create
/// and a change is refused at plan. On Nutanix, whose create body has no place for the metadata
/// or the host configuration, they follow the create.
#[test]
fn cluster_metadata_and_host_config_change_in_place_and_survive_import() {
    let emu = Emulator::start();
    let aws = case("aws");
    let nutanix = case("nutanix");
    let aws_profile = infra_profile(&emu, aws, "1.0.0", None);
    let nutanix_profile = infra_profile(&emu, nutanix, "1.0.0", None);
    let tf = Terraform::new(&emu);
    let write = |meta: &str, host: &str, parallel: bool| {
        let settings = format!(
            "  cluster_meta_attribute = {meta:?}\n  update_worker_pools_in_parallel = {parallel}\n{host}"
        );
        let aws_hcl = cluster_hcl(
            aws,
            "hosting",
            std::slice::from_ref(&aws_profile),
            &settings,
        );
        let nutanix_hcl = cluster_hcl(
            nutanix,
            "hosting-nx",
            std::slice::from_ref(&nutanix_profile),
            &format!("  cluster_meta_attribute = {meta:?}\n{host}{PARIS}"),
        );
        tf.write_config(&format!("{HEADER}{aws_hcl}{nutanix_hcl}"));
    };
    let load_balancer = "  host_config {\n    host_endpoint_type = \"LoadBalancer\"\n    external_traffic_policy = \"Local\"\n    load_balancer_source_ranges = [\"10.0.0.0/8\"]\n  }\n";
    write(r#"{"team":"platform"}"#, load_balancer, true);
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let uid = |address: &str| {
        tf.resource_values(address)["id"]
            .as_str()
            .expect("an id")
            .to_string()
    };
    let (aws_uid, nutanix_uid) = (uid("palette_cluster.aws"), uid("palette_cluster.nutanix"));
    let status = &cluster(&emu, &nutanix_uid)["status"]["location"];
    assert_eq!(status["geoLoc"]["latitude"], 48.8566, "{status}");
    assert_eq!(status["countryCode"], "FR", "{status}");
    for id in [&aws_uid, &nutanix_uid] {
        let config = &cluster(&emu, id)["spec"]["clusterConfig"];
        assert_eq!(
            config["clusterMetaAttribute"], r#"{"team":"platform"}"#,
            "{config}"
        );
        assert_eq!(
            config["hostClusterConfig"]["isHostCluster"], true,
            "{config}"
        );
        let endpoint = &config["hostClusterConfig"]["clusterEndpoint"];
        assert_eq!(endpoint["type"], "LoadBalancer", "{config}");
        assert_eq!(
            endpoint["config"]["loadBalancerConfig"]["loadBalancerSourceRanges"][0], "10.0.0.0/8",
            "{config}"
        );
    }
    assert_eq!(
        cluster(&emu, &aws_uid)["spec"]["clusterConfig"]["updateWorkerPoolsInParallel"],
        true
    );

    // In place: another metadata text, and an ingress instead of load balancers.
    let ingress = "  host_config {\n    ingress_host = \"vclusters.example.com\"\n  }\n";
    write(r#"{"team":"apps"}"#, ingress, true);
    tf.apply();
    tf.assert_empty_plan();
    assert_eq!(uid("palette_cluster.aws"), aws_uid, "updated in place");
    assert_eq!(
        uid("palette_cluster.nutanix"),
        nutanix_uid,
        "updated in place"
    );
    let host = &cluster(&emu, &aws_uid)["spec"]["clusterConfig"]["hostClusterConfig"];
    assert_eq!(host["clusterEndpoint"]["type"], "Ingress", "{host}");
    assert_eq!(
        host["clusterEndpoint"]["config"]["ingressConfig"]["host"], "vclusters.example.com",
        "{host}"
    );

    // Drift: the metadata changed and the hosting stopped, through the API.
    let id = aws_uid.clone();
    outside(&emu, async |client, scope| {
        client
            .patch_cluster_meta_attribute(scope, &id, "changed by hand")
            .await?;
        client
            .patch_cluster_host_config(
                scope,
                &id,
                &palette_api::models::HostClusterConfig {
                    is_host_cluster: Some(false),
                    ..Default::default()
                },
            )
            .await
    })
    .expect("a change through the API");
    let id = nutanix_uid.clone();
    outside(&emu, async |client, scope| {
        let elsewhere = palette_api::models::ClusterLocation {
            geo_loc: Some(palette_api::models::GeolocationLatlong {
                latitude: Some(45.764),
                longitude: Some(4.8357),
            }),
            ..Default::default()
        };
        client.put_cluster_location(scope, &id, &elsewhere).await
    })
    .expect("a change through the API");
    let out = tf.try_plan();
    assert_eq!(out.code, Some(2), "{}", out.stdout);
    for shown in [
        "45.764",
        "cluster_meta_attribute",
        "host_config",
        "vclusters.example.com",
    ] {
        assert!(
            out.stdout.contains(shown),
            "{shown} drift shows:\n{}",
            out.stdout
        );
    }
    tf.apply();
    tf.assert_empty_plan();

    // Parallel pool updates are set once: a change is refused at plan, with nothing sent.
    write(r#"{"team":"apps"}"#, ingress, false);
    tf.try_plan().expect_error(
        r"(?s)Set When The Cluster Is Made.*update_worker_pools_in_parallel.*terraform apply -replace",
    );
    write(r#"{"team":"apps"}"#, ingress, true);

    // Import reproduces all three.
    let generated = generated_import(&emu, "palette_cluster.imported", &aws_uid);
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        // Terraform writes a JSON text back as `jsonencode`.
        "cluster_meta_attribute = jsonencode({ team = \"apps\" })",
        "update_worker_pools_in_parallel = true",
        "ingress_host = \"vclusters.example.com\"",
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }
    // The Nutanix cluster, forgotten and imported, reads its location back as configured.
    assert!(
        tf.run(&["state", "rm", "-no-color", "palette_cluster.nutanix"])
            .success()
    );
    tf.import("palette_cluster.nutanix", &nutanix_uid);
    tf.assert_empty_plan();
    let location = &tf.resource_values("palette_cluster.nutanix")["location"];
    assert_eq!(location["latitude"], 48.8566, "{location}");
    assert_eq!(location["country_code"], "FR", "{location}");
    // And through an import block with generated configuration: Palette's float coordinates
    // read back as the decimals Terraform writes for them, so the generated configuration
    // plans no update (the exact binary expansion of 48.8566 once made one, with nothing shown).
    let generated = generated_import(&emu, "palette_cluster.imported_nx", &nutanix_uid);
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("latitude = 48.8566") && flat.contains("longitude = 2.3522"),
        "{generated}"
    );
    tf.destroy();
}

/// The machine-pool lifecycle fields each environment takes (`update_strategy`,
/// `node_repave_interval` above 0, `additional_annotations`), as `machine_pools.md` documents;
/// `skip_k8s_upgrade` only on AWS, vSphere and MAAS ([`skips_upgrades`]),
/// `override_kubeadm_configuration` on all but TKE and Nutanix ([`overrides_kubeadm`]).
fn lifecycle_of(key: &str) -> (bool, bool, bool) {
    let strategy = key != "nutanix";
    let interval = matches!(
        key,
        "aws" | "azure" | "gcp" | "vsphere" | "openstack" | "maas" | "edge_native"
    );
    let annotations = !matches!(key, "tke" | "nutanix");
    (strategy, interval, annotations)
}

/// Whether an environment's pools take `skip_k8s_upgrade`.
fn skips_upgrades(key: &str) -> bool {
    matches!(key, "aws" | "vsphere" | "maas")
}

/// Whether an environment's pools take `override_kubeadm_configuration`.
fn overrides_kubeadm(key: &str) -> bool {
    !matches!(key, "tke" | "nutanix")
}

/// The kubeadm override the lifecycle test sets, as HCL.
const KUBEADM: &str = "    override_kubeadm_configuration = \"kubeletExtraArgs:\\n  max-pods: \\\"110\\\"\\npreKubeadmCommands:\\n  - echo ready\\n\"\n";

/// Every environment's worker pool with the lifecycle fields it takes, and the cluster
/// settings it takes (agent upgrades paused, a time zone, an OS patch schedule but on Edge):
/// set at create, changed in place, read back with an empty plan; a change of the Kubernetes layer's values (which
/// replaces every node) is approved by the apply on every environment; on AWS, the fields
/// changed through the API show as drift, and an import reproduces them.
#[test]
fn pool_lifecycle_and_repaves_on_every_environment() {
    let emu = Emulator::start();
    let profiles: Vec<(String, &'static str)> = crate::cluster::CASES
        .iter()
        .map(|case| (infra_profile(&emu, case, "1.0.0", None), case.packs[1].0))
        .collect();
    let manual = std::cell::Cell::new(false);
    let write = |strategy: &str, interval: u32, note: &str, k8s_values: Option<&str>| {
        let mut config = HEADER.to_string();
        for (case, (infra, k8s)) in crate::cluster::CASES.iter().zip(&profiles) {
            let (takes_strategy, takes_interval, takes_annotations) = lifecycle_of(case.key);
            let mut fields = String::new();
            if takes_strategy {
                fields.push_str(&format!("    update_strategy = \"{strategy}\"\n"));
            }
            if takes_interval {
                fields.push_str(&format!("    node_repave_interval = {interval}\n"));
            }
            if takes_annotations {
                fields.push_str(&format!(
                    "    additional_annotations = {{ \"example.com/note\" = \"{note}\" }}\n"
                ));
            }
            if skips_upgrades(case.key) {
                fields.push_str("    skip_k8s_upgrade = true\n");
            }
            if overrides_kubeadm(case.key) {
                fields.push_str(KUBEADM);
            }
            let name = format!("life-{}", case.key.replace('_', "-"));
            // The cluster settings every environment takes (OS patching all but Edge).
            let mut settings =
                "  pause_agent_upgrades = true\n  cluster_timezone = \"Europe/Paris\"\n"
                    .to_string();
            if case.key != "edge_native" {
                settings.push_str("  os_patch_schedule = \"0 2 * * SUN\"\n");
            }
            if manual.get() {
                settings.push_str(
                    "  repave_approval = \"manual\"\n  timeouts {\n    update = \"6s\"\n  }\n",
                );
            }
            let mut hcl = cluster_hcl(case, &name, std::slice::from_ref(infra), &settings)
                .replacen(
                    "    name = \"workers\"\n",
                    &format!("    name = \"workers\"\n{fields}"),
                    1,
                );
            if let Some(values) = k8s_values {
                hcl = hcl.replacen(
                    &format!("  cluster_profile {{\n    id = \"{infra}\"\n  }}\n"),
                    &format!(
                        "  cluster_profile {{\n    id = \"{infra}\"\n    pack {{\n      name   = \"{k8s}\"\n      values = \"{values}\"\n    }}\n  }}\n"
                    ),
                    1,
                );
            }
            config.push_str(&hcl);
        }
        config
    };
    let tf = Terraform::new(&emu);
    tf.write_config(&write("RollingUpdateScaleOut", 30, "first", None));
    tf.init();
    crate::cluster::apply_in_parallel(&tf);
    emu.assert_no_writes("the plan after apply", || tf.assert_empty_plan());
    let uids: Vec<String> = crate::cluster::CASES
        .iter()
        .map(|c| {
            tf.resource_values(&format!("palette_cluster.{}", c.key))["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();

    // In place on every environment.
    tf.write_config(&write("RollingUpdateScaleIn", 60, "second", None));
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(!plan.stdout.contains("must be replaced"), "{}", plan.stdout);
    crate::cluster::apply_in_parallel(&tf);
    tf.assert_empty_plan();
    for (case, uid) in crate::cluster::CASES.iter().zip(&uids) {
        let values = tf.resource_values(&format!("palette_cluster.{}", case.key));
        assert_eq!(values["id"], uid.as_str(), "{}: kept", case.key);
        let workers = values["machine_pool"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "workers")
            .cloned()
            .unwrap();
        let (strategy, _, annotations) = lifecycle_of(case.key);
        if strategy {
            assert_eq!(
                workers["update_strategy"], "RollingUpdateScaleIn",
                "{}",
                case.key
            );
        }
        if annotations {
            assert_eq!(
                workers["additional_annotations"]["example.com/note"], "second",
                "{}",
                case.key
            );
        }
    }

    // New Kubernetes values replace every node: each cluster's repave is approved by the apply.
    tf.write_config(&write(
        "RollingUpdateScaleIn",
        60,
        "second",
        Some("repaved: true\\n"),
    ));
    crate::cluster::apply_in_parallel(&tf);
    tf.assert_empty_plan();
    for (case, uid) in crate::cluster::CASES.iter().zip(&uids) {
        let status = cluster(&emu, uid)["status"].clone();
        assert_eq!(
            status["repave"]["state"], "Approved",
            "{}: {status}",
            case.key
        );
        crate::cluster::assert_healthy(
            &tf.resource_values(&format!("palette_cluster.{}", case.key)),
            case.key,
            4,
        );
    }

    // Left to a person, the next repave waits on every environment, says so, and converges once
    // approved through the API.
    manual.set(true);
    tf.write_config(&write(
        "RollingUpdateScaleIn",
        60,
        "second",
        Some("repaved: twice\\n"),
    ));
    let waited = tf.run(&[
        "apply",
        "-no-color",
        "-input=false",
        "-auto-approve",
        "-parallelism=16",
    ]);
    assert!(!waited.success(), "{}", waited.stdout);
    let text = format!("{}{}", waited.stdout, waited.stderr);
    assert_eq!(
        text.matches("Cluster Repave Awaits Approval").count(),
        crate::cluster::CASES.len(),
        "{text}"
    );
    for uid in &uids {
        let status = cluster(&emu, uid)["status"].clone();
        assert_eq!(status["repave"]["state"], "Pending", "{status}");
        let id = uid.clone();
        outside(&emu, async |client, scope| {
            client.approve_cluster_repave(scope, &id).await
        })
        .expect("approving through the API");
    }
    crate::cluster::apply_in_parallel(&tf);
    tf.assert_empty_plan();
    manual.set(false);
    tf.write_config(&write(
        "RollingUpdateScaleIn",
        60,
        "second",
        Some("repaved: twice\\n"),
    ));
    tf.apply();
    tf.assert_empty_plan();

    // Drift on AWS: the pool rewritten through the API without the fields (restoring the kubeadm
    // override repaves the pool again, approved by the apply).
    let aws = tf.resource_values("palette_cluster.aws");
    let config_uid = aws["cloud_config_id"].as_str().unwrap();
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let body = serde_json::json!({
        "cloudConfig": {"instanceType": "m5.large"},
        "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]},
    })
    .to_string();
    let reply = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/cloudconfigs/aws/{config_uid}/machinePools/workers"),
        Some(&body),
    );
    assert!(
        (200..300).contains(&reply.status),
        "{} {}",
        reply.status,
        reply.body
    );
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    for attribute in [
        "update_strategy",
        "node_repave_interval",
        "additional_annotations",
        "skip_k8s_upgrade",
        "override_kubeadm_configuration",
    ] {
        assert!(
            drift.stdout.contains(attribute),
            "{attribute}:\n{}",
            drift.stdout
        );
    }
    tf.apply();
    tf.assert_empty_plan();

    let generated = generated_import(&emu, "palette_cluster.imported", &uids[0]);
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "update_strategy = \"RollingUpdateScaleIn\"",
        "node_repave_interval = 60",
        "\"example.com/note\" = \"second\"",
        "skip_k8s_upgrade = true",
        "override_kubeadm_configuration = \"kubeletExtraArgs:\\n max-pods: \\\"110\\\"",
    ] {
        assert!(flat.contains(line), "{line} in\n{generated}");
    }
}

/// The uids of a pool's machines and the maintenance action each reports, through the API.
fn machines(emu: &Emulator, cloud: &str, config_uid: &str, pool: &str) -> Vec<(String, String)> {
    let (cloud, config_uid, pool) = (cloud.to_string(), config_uid.to_string(), pool.to_string());
    let listed: Vec<Value> = outside(emu, async |client, scope| {
        let cloud = palette_api::CloudType::parse(&cloud);
        client
            .list_machines::<Value>(scope, &cloud, &config_uid, &pool)
            .await
    })
    .expect("the machines");
    listed
        .iter()
        .map(|m| {
            (
                m["metadata"]["uid"].as_str().unwrap().to_string(),
                m["status"]["maintenanceStatus"]["action"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect()
}

/// Node maintenance on every environment (Nutanix, a custom cloud, has a maintenance path
/// unlike its other pool paths): a `node` block cordons a machine in place, a cordon made
/// through the API shows as drift and the apply undoes it, a machine that is not in the pool
/// fails the apply by name, an import takes the cordoned machine, and removing the block
/// uncordons it.
#[test]
fn nodes_are_cordoned_and_uncordoned_in_place() {
    let emu = Emulator::start();
    let cases: Vec<&crate::cluster::Case> = crate::cluster::CASES.iter().collect();
    let n = cases.len();
    let none = || vec![Vec::new(); n];
    let profiles: Vec<String> = cases
        .iter()
        .map(|c| infra_profile(&emu, c, "1.0.0", None))
        .collect();
    let tf = Terraform::new(&emu);
    let write = |nodes: &[Vec<(String, &str)>]| {
        let mut config = HEADER.to_string();
        for ((case, profile), nodes) in cases.iter().zip(&profiles).zip(nodes) {
            let blocks: String = nodes
                .iter()
                .map(|(id, action)| {
                    format!("    node {{\n      node_id = \"{id}\"\n      action  = \"{action}\"\n    }}\n")
                })
                .collect();
            let name = format!("maint-{}", case.key.replace('_', "-"));
            let mut hcl = cluster_hcl(case, &name, std::slice::from_ref(profile), "");
            // At least two workers (the worker pool's sizing is the last one in the text).
            let at = hcl.rfind(case.sizing[1]).expect("the worker pool's sizing");
            let sizing = case.sizing[1].replacen("count = 1", "count = 2", 1);
            hcl.replace_range(at..at + case.sizing[1].len(), &sizing);
            config.push_str(&hcl.replacen(
                "    name = \"workers\"\n",
                &format!("    name = \"workers\"\n{blocks}"),
                1,
            ));
        }
        tf.write_config(&config);
    };
    write(&none());
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let configs: Vec<String> = cases
        .iter()
        .map(|c| {
            tf.resource_values(&format!("palette_cluster.{}", c.key))["cloud_config_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let listed = |i: usize| machines(&emu, cases[i].key, &configs[i], "workers");
    let first: Vec<String> = (0..n).map(|i| listed(i)[0].0.clone()).collect();
    let second: Vec<String> = (0..n).map(|i| listed(i)[1].0.clone()).collect();

    // Cordoned in place.
    let cordoned = || -> Vec<Vec<(String, &str)>> {
        first
            .iter()
            .map(|id| vec![(id.clone(), "cordon")])
            .collect()
    };
    write(&cordoned());
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(!plan.stdout.contains("must be replaced"), "{}", plan.stdout);
    tf.apply();
    emu.assert_no_writes("the plan after the cordon", || tf.assert_empty_plan());
    for i in 0..n {
        let got = listed(i);
        assert!(
            got.contains(&(first[i].clone(), "cordon".into())),
            "{}: {got:?}",
            cases[i].key
        );
    }

    // A cordon made through the API is drift; the apply uncordons that machine.
    for i in 0..n {
        let (cloud, config, id) = (cases[i].key, configs[i].clone(), second[i].clone());
        outside(&emu, async |client, scope| {
            let cloud = palette_api::CloudType::parse(cloud);
            client
                .set_machine_maintenance(scope, &cloud, &config, "workers", &id, "cordon")
                .await
        })
        .expect("a cordon through the API");
    }
    let drift = tf.try_plan();
    assert_eq!(drift.code, Some(2), "{}", drift.stdout);
    for id in &second {
        assert!(
            drift.stdout.contains(id.as_str()),
            "{id}:\n{}",
            drift.stdout
        );
    }
    tf.apply();
    tf.assert_empty_plan();
    for i in 0..n {
        let got = listed(i);
        assert!(
            got.contains(&(second[i].clone(), "uncordon".into())),
            "{}: {got:?}",
            cases[i].key
        );
    }

    // A machine the pool does not have fails the apply, naming it.
    let mut wrong = cordoned();
    wrong[0].push(("no-such-machine".into(), "cordon"));
    write(&wrong);
    let failed = tf.try_apply();
    assert!(!failed.success(), "{}", failed.stdout);
    assert!(
        failed.stderr.contains("Node Not In Pool") && failed.stderr.contains("no-such-machine"),
        "{}",
        failed.stderr
    );

    // An import takes the cordoned machine.
    let uid = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let generated = generated_import(&emu, "palette_cluster.imported", &uid);
    let flat = generated.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "node {{ action = \"cordon\" node_id = \"{}\" }}",
            first[0]
        )),
        "{generated}"
    );

    // Removing the blocks uncordons.
    write(&none());
    tf.apply();
    tf.assert_empty_plan();
    for (i, case) in cases.iter().enumerate() {
        let got = listed(i);
        assert!(
            got.iter().all(|(_, action)| action != "cordon"),
            "{}: {got:?}",
            case.key
        );
    }
    tf.destroy();
}

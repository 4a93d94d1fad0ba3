//! AWS and EKS clusters in an existing VPC: machine pools in subnets per availability zone
//! (`az_subnets`) with extra security groups, EKS pools' AMI type and launch template, EKS
//! Fargate profiles. Each applies, plans empty, shows drift made through the API, is imported as
//! configured, changes in place where Palette does; and bad networks are refused at plan where
//! the values are known (checked against the VPCs the seeded account sees), by Palette naming
//! the field where they are not.

use serde_json::{Value, json};

use crate::cluster::{HEADER, case, generated_import, infra_profile, outside};
use crate::support::{Emulator, Terraform};

/// The seeded `aws-dev` account's VPC in us-east-1 (`awsVpcs` in the emulator's seed).
const USE1_VPC: &str = "vpc-0e1a2b3c4d5e6f701";
const USE1_PRIVATE: [(&str, &str); 3] = [
    ("us-east-1a", "subnet-0e110000000000001"),
    ("us-east-1b", "subnet-0e120000000000002"),
    ("us-east-1c", "subnet-0e130000000000003"),
];
const USE1_PUBLIC_A: &str = "subnet-0e210000000000001";
const USE1_SG_NODES: &str = "sg-0e1a000000000001a";
const USE1_SG_MONITORING: &str = "sg-0e1a000000000002b";
/// Its VPC in us-west-2.
const USW2_VPC: &str = "vpc-0a2b3c4d5e6f70812";
const USW2_PRIVATE: [(&str, &str); 3] = [
    ("us-west-2a", "subnet-0a110000000000001"),
    ("us-west-2b", "subnet-0a120000000000002"),
    ("us-west-2c", "subnet-0a130000000000003"),
];
const USW2_SG_NODES: &str = "sg-0a2b000000000001a";
const USW2_SG_BASTION: &str = "sg-0a2b000000000002b";

/// An HCL map of AZ to subnet.
fn az_map(pairs: &[(&str, &str)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|(az, id)| format!("\"{az}\" = \"{id}\""))
        .collect();
    format!("{{ {} }}", body.join(", "))
}

/// An AWS cluster in `vpc` (none when empty) with a control-plane pool and a worker pool whose
/// network lines are `workers`.
fn aws_hcl(profile: &str, vpc: &str, workers: &str) -> String {
    let vpc = if vpc.is_empty() {
        String::new()
    } else {
        format!("vpc_id = \"{vpc}\"")
    };
    format!(
        r#"{HEADER}
data "palette_cloud_account" "aws" {{
  name = "aws-dev"
}}

resource "palette_cluster" "aws" {{
  name             = "net-aws"
  cloud_account_id = data.palette_cloud_account.aws.id
  aws {{
    region = "us-east-1"
    {vpc}
  }}
  cluster_profile {{
    id = "{profile}"
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m5.large"
    az_subnets    = {cp}
  }}
  machine_pool {{
    name          = "workers"
    count         = 2
    instance_type = "m5.large"
    {workers}
  }}
}}
"#,
        cp = az_map(&USE1_PRIVATE[..1]),
    )
}

/// The cluster's cloud config as the emulator has it.
fn cloud_config(emu: &Emulator, env: &str, config_uid: &str) -> Value {
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let got = emu.project_request(
        &project,
        "GET",
        &format!("/v1/cloudconfigs/{env}/{config_uid}"),
        None,
    );
    assert_eq!(got.status, 200, "{}", got.body);
    serde_json::from_str(&got.body).expect("JSON")
}

fn pool<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["spec"]["machinePoolConfig"]
        .as_array()
        .and_then(|pools| pools.iter().find(|p| p["name"] == name))
        .unwrap_or_else(|| panic!("pool {name} in {config}"))
}

/// An AWS cluster's pools in subnets of three zones with extra security groups: applied, read
/// back, a security-group change in place, drift made through the API, and an import that
/// reproduces every field.
#[test]
fn aws_pools_take_subnets_per_zone_and_security_groups() {
    let emu = Emulator::start();
    let profile = infra_profile(&emu, case("aws"), "1.0.0", None);
    let tf = Terraform::new(&emu);
    let workers = |groups: &[&str]| {
        format!(
            "az_subnets = {}\n    additional_security_groups = {}",
            az_map(&USE1_PRIVATE),
            serde_json::to_string(groups).unwrap()
        )
    };
    tf.write_config(&aws_hcl(
        &profile,
        USE1_VPC,
        &workers(&[USE1_SG_NODES, USE1_SG_MONITORING]),
    ));
    tf.init();
    tf.apply();
    emu.reset_stats();
    tf.assert_empty_plan();
    assert_eq!(
        emu.stats()
            .count("GET /v1/clouds/aws/regions/{region}/vpcs"),
        1,
        "a plan reads the account's VPCs once, for both pools"
    );
    assert_eq!(
        emu.stats().count("GET /v1/clouds/aws/securitygroups"),
        1,
        "and the VPC's security groups once"
    );
    let values = tf.resource_values("palette_cluster.aws");
    let uid = values["id"].as_str().unwrap().to_string();
    let config_uid = values["cloud_config_id"].as_str().unwrap().to_string();
    let config = cloud_config(&emu, "aws", &config_uid);
    let stored = pool(&config, "workers");
    assert_eq!(
        stored["subnetIds"],
        json!(
            USE1_PRIVATE
                .iter()
                .map(|(a, s)| (a.to_string(), json!(s)))
                .collect::<serde_json::Map<_, _>>()
        ),
        "{stored}"
    );
    assert_eq!(
        stored["additionalSecurityGroups"],
        json!([{"id": USE1_SG_NODES}, {"id": USE1_SG_MONITORING}])
    );

    // The security groups change in place, through the pool's PUT.
    tf.write_config(&aws_hcl(&profile, USE1_VPC, &workers(&[USE1_SG_NODES])));
    let out = tf.apply();
    assert!(
        out.stdout.contains("0 added, 1 changed, 0 destroyed"),
        "{}",
        out.stdout
    );
    tf.assert_empty_plan();
    let config = cloud_config(&emu, "aws", &config_uid);
    assert_eq!(
        pool(&config, "workers")["additionalSecurityGroups"],
        json!([{"id": USE1_SG_NODES}])
    );
    assert_eq!(
        tf.resource_values("palette_cluster.aws")["id"],
        uid.as_str()
    );

    // Drift: the pool moved to the public subnet of us-east-1a through the API.
    let mut body = json!({
        "cloudConfig": {
            "instanceType": "m5.large",
            "subnets": [
                {"az": "us-east-1a", "id": USE1_PUBLIC_A},
                {"az": "us-east-1b", "id": USE1_PRIVATE[1].1},
                {"az": "us-east-1c", "id": USE1_PRIVATE[2].1},
            ],
            "additionalSecurityGroups": [{"id": USE1_SG_MONITORING}],
        },
        "poolConfig": {"name": "workers", "size": 2, "minSize": 2, "maxSize": 2, "labels": ["worker"], "isControlPlane": false},
    });
    let cfg = config_uid.clone();
    let sent = body.clone();
    outside(&emu, async |client, scope| {
        client
            .update_machine_pool(scope, &palette_api::CloudType::Aws, &cfg, "workers", &sent)
            .await
    })
    .expect("the pool update");
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    for shown in [USE1_PUBLIC_A, USE1_SG_MONITORING] {
        assert!(
            plan.stdout.contains(shown),
            "drift shows {shown}:\n{}",
            plan.stdout
        );
    }
    tf.apply();
    tf.assert_empty_plan();

    // Palette refuses a subnet of another zone, naming the field.
    body["cloudConfig"]["subnets"][0]["id"] = json!(USE1_PRIVATE[1].1);
    let err = outside(&emu, async |client, scope| {
        client
            .update_machine_pool(
                scope,
                &palette_api::CloudType::Aws,
                &config_uid,
                "workers",
                &body,
            )
            .await
    })
    .expect_err("a subnet of another zone");
    assert!(
        err.to_string().contains("us-east-1b") && err.to_string().contains("cloudConfig.subnets"),
        "{err}"
    );

    // An import reproduces the subnets and the security groups.
    let generated = generated_import(&emu, "palette_cluster.aws", &uid);
    for want in [
        "az_subnets",
        USE1_PRIVATE[2].1,
        "additional_security_groups",
        USE1_SG_NODES,
    ] {
        assert!(generated.contains(want), "{want} in:\n{generated}");
    }
}

/// A host resource group of the seeded account's region, and license configurations there.
const HOST_GROUP: &str = "arn:aws:resource-groups:us-east-1:123456789012:group/prod-mac-hosts";
const HOST_GROUP_B: &str = "arn:aws:resource-groups:us-east-1:123456789012:group/prod-hosts-b";
const LICENSE_A: &str = "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const LICENSE_B: &str = "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-1b2c3d4e5f60718293a4b5c6d7e8f90a";

/// Worker pool lines that put the pool on the dedicated hosts of `group` with `licenses`.
fn dedicated_hosts(group: &str, licenses: &[&str]) -> String {
    format!(
        "capacity_type = \"host-resource-group\"\n    host_resource_group_arn = \"{group}\"\n    \
         license_configuration_arns = {}",
        serde_json::to_string(licenses).unwrap()
    )
}

/// An AWS pool on the dedicated hosts of a host resource group: applied and read back, a license
/// configuration added in place, drift in the group made through the API, and an import that
/// reproduces the group and its licenses.
#[test]
fn aws_pools_go_on_dedicated_hosts_of_a_host_resource_group() {
    let emu = Emulator::start();
    let profile = infra_profile(&emu, case("aws"), "1.0.0", None);
    let tf = Terraform::new(&emu);
    tf.write_config(&aws_hcl(
        &profile,
        USE1_VPC,
        &dedicated_hosts(HOST_GROUP, &[LICENSE_A]),
    ));
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let values = tf.resource_values("palette_cluster.aws");
    let uid = values["id"].as_str().unwrap().to_string();
    let config_uid = values["cloud_config_id"].as_str().unwrap().to_string();
    let config = cloud_config(&emu, "aws", &config_uid);
    let stored = pool(&config, "workers");
    assert_eq!(stored["capacityType"], "host-resource-group", "{stored}");
    assert_eq!(stored["hostResourceGroupArn"], HOST_GROUP);
    assert_eq!(stored["licenseConfigurationArns"], json!([LICENSE_A]));
    assert!(pool(&config, "cp").get("hostResourceGroupArn").is_none());

    // A second license configuration, in place through the pool's PUT.
    tf.write_config(&aws_hcl(
        &profile,
        USE1_VPC,
        &dedicated_hosts(HOST_GROUP, &[LICENSE_A, LICENSE_B]),
    ));
    let out = tf.apply();
    assert!(
        out.stdout.contains("0 added, 1 changed, 0 destroyed"),
        "{}",
        out.stdout
    );
    tf.assert_empty_plan();
    assert_eq!(
        pool(&cloud_config(&emu, "aws", &config_uid), "workers")["licenseConfigurationArns"],
        json!([LICENSE_A, LICENSE_B])
    );
    assert_eq!(
        tf.resource_values("palette_cluster.aws")["id"],
        uid.as_str()
    );

    // Drift: the pool moved to another host resource group through the API.
    let body = json!({
        "cloudConfig": {
            "instanceType": "m5.large",
            "subnets": USE1_PRIVATE.iter().map(|(az, id)| json!({"az": az, "id": id})).collect::<Vec<_>>(),
            "capacityType": "host-resource-group",
            "hostResourceGroupArn": HOST_GROUP_B,
            "licenseConfigurationArns": [LICENSE_B],
        },
        "poolConfig": {"name": "workers", "size": 2, "minSize": 2, "maxSize": 2, "labels": ["worker"], "isControlPlane": false},
    });
    let cfg = config_uid.clone();
    let sent = body.clone();
    outside(&emu, async |client, scope| {
        client
            .update_machine_pool(scope, &palette_api::CloudType::Aws, &cfg, "workers", &sent)
            .await
    })
    .expect("the pool update");
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("prod-hosts-b") && plan.stdout.contains(LICENSE_A),
        "drift shows the group and the licenses:\n{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();

    // Palette refuses a host resource group without its license configurations, naming the
    // field.
    let mut bare = body.clone();
    bare["cloudConfig"]["licenseConfigurationArns"] = json!([]);
    let err = outside(&emu, async |client, scope| {
        client
            .update_machine_pool(
                scope,
                &palette_api::CloudType::Aws,
                &config_uid,
                "workers",
                &bare,
            )
            .await
    })
    .expect_err("a group without licenses");
    assert!(
        err.to_string().contains("licenseConfigurationArns"),
        "{err}"
    );

    // An import reproduces the capacity type, the group and its licenses.
    let generated = generated_import(&emu, "palette_cluster.aws", &uid);
    for want in [
        "host-resource-group",
        HOST_GROUP,
        "license_configuration_arns",
        LICENSE_B,
    ] {
        assert!(generated.contains(want), "{want} in:\n{generated}");
    }
}

/// A pool's subnets and security groups removed outside Terraform (the pool moved back to
/// Palette's own zones): the refresh reads that Palette holds none, the plan shows both coming
/// back, and the apply restores them.
#[test]
fn aws_pool_subnets_and_security_groups_removed_outside_show_as_drift() {
    let emu = Emulator::start();
    let profile = infra_profile(&emu, case("aws"), "1.0.0", None);
    let tf = Terraform::new(&emu);
    let workers = format!(
        "az_subnets = {}\n    additional_security_groups = [\"{USE1_SG_NODES}\"]",
        az_map(&USE1_PRIVATE)
    );
    tf.write_config(&aws_hcl(&profile, USE1_VPC, &workers));
    tf.init();
    tf.apply();
    let config_uid = tf.resource_values("palette_cluster.aws")["cloud_config_id"]
        .as_str()
        .unwrap()
        .to_string();
    let bare = json!({
        "cloudConfig": {
            "instanceType": "m5.large",
            "azs": ["us-east-1a", "us-east-1b", "us-east-1c"],
        },
        "poolConfig": {"name": "workers", "size": 2, "minSize": 2, "maxSize": 2, "labels": ["worker"], "isControlPlane": false},
    });
    let cfg = config_uid.clone();
    outside(&emu, async |client, scope| {
        client
            .update_machine_pool(scope, &palette_api::CloudType::Aws, &cfg, "workers", &bare)
            .await
    })
    .expect("the pool update");
    let stored = cloud_config(&emu, "aws", &config_uid);
    let stored = pool(&stored, "workers");
    assert!(
        stored
            .get("subnetIds")
            .is_none_or(|s| s.as_object().is_none_or(|m| m.is_empty()))
            && stored
                .get("additionalSecurityGroups")
                .is_none_or(|g| g.as_array().is_none_or(|a| a.is_empty())),
        "Palette holds neither: {stored}"
    );

    tf.run_ok(&["refresh", "-no-color", "-input=false"]);
    let refreshed = tf.resource_values("palette_cluster.aws");
    assert_eq!(
        (
            &refreshed["machine_pool"][1]["az_subnets"],
            &refreshed["machine_pool"][1]["additional_security_groups"]
        ),
        (&Value::Null, &Value::Null),
        "the refresh reads what Palette holds: {refreshed}"
    );
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    for shown in [
        "az_subnets",
        USE1_PRIVATE[2].1,
        "additional_security_groups",
        USE1_SG_NODES,
    ] {
        assert!(
            plan.stdout.contains(shown),
            "drift shows {shown}:\n{}",
            plan.stdout
        );
    }
    assert!(plan.stdout.contains("1 to change"), "{}", plan.stdout);
    tf.apply();
    tf.assert_empty_plan();
    let stored = cloud_config(&emu, "aws", &config_uid);
    let stored = pool(&stored, "workers");
    assert_eq!(
        stored["subnetIds"][USE1_PRIVATE[2].0], USE1_PRIVATE[2].1,
        "{stored}"
    );
    assert_eq!(
        stored["additionalSecurityGroups"],
        json!([{"id": USE1_SG_NODES}]),
        "{stored}"
    );
}

/// An EKS cluster in a VPC with a Fargate profile, a pool with an AMI type and one with a
/// launch template: applied, read back, the Fargate profile changed in place, drift in it and in
/// the launch template made through the API, and an import that reproduces every field.
#[test]
fn eks_fargate_profiles_and_launch_templates() {
    let emu = Emulator::start();
    let profile = infra_profile(&emu, case("eks"), "1.0.0", None);
    let tf = Terraform::new(&emu);
    let write = |fargate: &str, groups: &[&str]| {
        tf.write_config(&format!(
            r#"{HEADER}
data "palette_cloud_account" "eks" {{
  name = "aws-dev"
}}

resource "palette_cluster" "eks" {{
  name             = "net-eks"
  cloud_account_id = data.palette_cloud_account.eks.id
  eks {{
    region          = "us-west-2"
    vpc_id          = "{USW2_VPC}"
    endpoint_access = "private_and_public"
    az_subnets      = {control_plane}
{fargate}
  }}
  cluster_profile {{
    id = "{profile}"
  }}
  machine_pool {{
    name          = "system"
    count         = 1
    instance_type = "t3.large"
    ami_type      = "AL2023_x86_64_STANDARD"
    az_subnets    = {subnets}
  }}
  machine_pool {{
    name          = "workers"
    count         = 2
    instance_type = "m5.large"
    az_subnets    = {subnets}
    eks_launch_template {{
      root_volume_type           = "gp3"
      root_volume_iops           = 3000
      root_volume_throughput     = 125
      additional_security_groups = {groups}
    }}
  }}
}}
"#,
            subnets = az_map(&USW2_PRIVATE),
            control_plane = az_map(&USW2_PRIVATE[..2]),
            groups = serde_json::to_string(groups).unwrap(),
        ))
    };
    let fargate = |namespace: &str, tags: &str| {
        format!(
            r#"    fargate_profile {{
      name            = "system"
      subnets         = ["{}", "{}"]
      additional_tags = {tags}
      selector {{
        namespace = "{namespace}"
        labels    = {{ compute = "fargate" }}
      }}
    }}"#,
            USW2_PRIVATE[0].1, USW2_PRIVATE[1].1
        )
    };
    write(
        &fargate("kube-system", "{ team = \"platform\" }"),
        &[USW2_SG_NODES],
    );
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let values = tf.resource_values("palette_cluster.eks");
    let uid = values["id"].as_str().unwrap().to_string();
    let config_uid = values["cloud_config_id"].as_str().unwrap().to_string();
    let config = cloud_config(&emu, "eks", &config_uid);
    assert_eq!(
        config["spec"]["fargateProfiles"][0]["selectors"][0]["namespace"], "kube-system",
        "{config}"
    );
    let workers = pool(&config, "workers");
    assert_eq!(workers["enableAwsLaunchTemplate"], true, "{workers}");
    assert_eq!(
        workers["awsLaunchTemplate"],
        json!({
            "additionalSecurityGroups": [{"id": USW2_SG_NODES}],
            "rootVolume": {"type": "gp3", "iops": 3000, "throughput": 125},
        })
    );
    assert_eq!(pool(&config, "system")["amiType"], "AL2023_x86_64_STANDARD");
    // The control plane's subnets go as Palette's control-plane pool of no nodes, which the
    // state keeps out of `machine_pool`.
    let carrier = pool(&config, "cp-pool");
    assert_eq!(
        (&carrier["isControlPlane"], &carrier["size"]),
        (&json!(true), &json!(0)),
        "{carrier}"
    );
    assert_eq!(
        carrier["subnetIds"],
        json!(
            USW2_PRIVATE[..2]
                .iter()
                .map(|(a, s)| (a.to_string(), json!(s)))
                .collect::<serde_json::Map<_, _>>()
        )
    );
    let state = tf.resource_values("palette_cluster.eks");
    assert_eq!(
        state["machine_pool"].as_array().unwrap().len(),
        2,
        "{state}"
    );
    assert_eq!(
        state["eks"]["az_subnets"][USW2_PRIVATE[0].0],
        USW2_PRIVATE[0].1
    );

    // The Fargate profile changes in place, through its own PUT; the pool's launch template too.
    emu.reset_stats();
    write(
        &fargate("apps", "{ team = \"apps\" }"),
        &[USW2_SG_NODES, USW2_SG_BASTION],
    );
    let out = tf.apply();
    assert!(
        out.stdout.contains("0 added, 1 changed, 0 destroyed"),
        "{}",
        out.stdout
    );
    let stats = emu.stats();
    assert_eq!(
        stats.count("PUT /v1/cloudconfigs/eks/{configUid}/fargateProfiles"),
        1
    );
    assert_eq!(
        stats.count("PUT /v1/cloudconfigs/eks/{configUid}/clusterConfig"),
        0
    );
    tf.assert_empty_plan();
    let config = cloud_config(&emu, "eks", &config_uid);
    assert_eq!(
        config["spec"]["fargateProfiles"][0]["selectors"][0]["namespace"],
        "apps"
    );
    assert_eq!(
        tf.resource_values("palette_cluster.eks")["id"],
        uid.as_str()
    );

    // Drift: a second Fargate profile added through the API shows, and the apply removes it.
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let mut profiles = config["spec"]["fargateProfiles"].clone();
    profiles
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "batch", "selectors": [{"namespace": "batch"}]}));
    let put = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/cloudconfigs/eks/{config_uid}/fargateProfiles"),
        Some(&json!({ "fargateProfiles": profiles }).to_string()),
    );
    assert_eq!(put.status, 204, "{}", put.body);
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(plan.stdout.contains("\"batch\""), "{}", plan.stdout);
    tf.apply();
    tf.assert_empty_plan();

    // Drift: the system pool's subnets removed through the API (back to Palette's own zones):
    // the plan shows them, and the apply puts them back.
    let azs: Vec<&str> = USW2_PRIVATE.iter().map(|(az, _)| *az).collect();
    let put = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/cloudconfigs/eks/{config_uid}/machinePools/system"),
        Some(
            &json!({
                "cloudConfig": {"instanceType": "t3.large", "amiType": "AL2023_x86_64_STANDARD", "azs": azs},
                "poolConfig": {"name": "system", "size": 1, "minSize": 1, "maxSize": 1, "labels": ["worker"], "isControlPlane": false},
            })
            .to_string(),
        ),
    );
    assert_eq!(put.status, 204, "{}", put.body);
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("+ az_subnets") && plan.stdout.contains(USW2_PRIVATE[2].1),
        "{}",
        plan.stdout
    );
    tf.apply();
    tf.assert_empty_plan();
    let config = cloud_config(&emu, "eks", &config_uid);
    assert_eq!(
        pool(&config, "system")["subnetIds"][USW2_PRIVATE[2].0],
        USW2_PRIVATE[2].1,
        "{config}"
    );

    // Palette refuses a Fargate subnet outside the VPC, naming the field.
    let put = emu.project_request(
        &project,
        "PUT",
        &format!("/v1/cloudconfigs/eks/{config_uid}/fargateProfiles"),
        Some(
            &json!({"fargateProfiles": [{"name": "x", "subnetIds": ["subnet-0e110000000000001"], "selectors": [{"namespace": "x"}]}]})
                .to_string(),
        ),
    );
    assert_eq!(put.status, 400, "{}", put.body);
    assert!(
        put.body.contains("fargateProfiles.subnetIds"),
        "{}",
        put.body
    );

    // An import reproduces the Fargate profile, the AMI type and the launch template.
    let generated = generated_import(&emu, "palette_cluster.eks", &uid);
    for want in [
        "fargate_profile",
        "\"apps\"",
        "ami_type",
        "eks_launch_template",
        "root_volume_throughput",
        USW2_SG_BASTION,
        "az_subnets",
    ] {
        assert!(generated.contains(want), "{want} in:\n{generated}");
    }
    // The control plane's subnets come back in the `eks` block, not as a pool.
    assert!(!generated.contains("cp-pool"), "{generated}");
    assert_eq!(generated.matches("az_subnets").count(), 3, "{generated}");
}

/// Bad networks are refused at plan, at the attribute, with no write: a subnet outside the VPC
/// (naming the VPC's subnets in that zone), a zone of another region, subnets without a VPC,
/// both `azs` and `az_subnets`, an EKS-only field on AWS. Values from a variable are not refused
/// at validate, and are checked at plan once known; values known only at apply reach Palette,
/// which names the field.
#[test]
fn bad_networks_are_refused_at_plan_or_by_palette() {
    let emu = Emulator::start();
    let profile = infra_profile(&emu, case("aws"), "1.0.0", None);
    let tf = Terraform::new(&emu);
    tf.write_config(&aws_hcl(&profile, USE1_VPC, ""));
    tf.init();
    let cases: Vec<(&str, String, String)> = vec![
        (
            "a subnet outside the VPC",
            USE1_VPC.to_string(),
            format!(
                "az_subnets = {}",
                az_map(&[("us-east-1a", "subnet-0a110000000000001")])
            ),
        ),
        (
            "a subnet of another zone",
            USE1_VPC.to_string(),
            format!(
                "az_subnets = {}",
                az_map(&[("us-east-1a", USE1_PRIVATE[1].1)])
            ),
        ),
        (
            "a zone of another region",
            USE1_VPC.to_string(),
            format!(
                "az_subnets = {}",
                az_map(&[("us-west-2a", USW2_PRIVATE[0].1)])
            ),
        ),
        (
            "subnets without a VPC",
            String::new(),
            format!("az_subnets = {}", az_map(&USE1_PRIVATE[..1])),
        ),
        (
            "azs and az_subnets",
            USE1_VPC.to_string(),
            format!(
                "az_subnets = {}\n    azs = [\"us-east-1a\"]",
                az_map(&USE1_PRIVATE[..1])
            ),
        ),
        (
            "a launch template on AWS",
            USE1_VPC.to_string(),
            "eks_launch_template {\n      root_volume_type = \"gp3\"\n    }".to_string(),
        ),
        (
            "a security group of no VPC of the account",
            USE1_VPC.to_string(),
            "additional_security_groups = [\"sg-0a2b000000000001a\"]".to_string(),
        ),
        (
            "an unknown VPC",
            "vpc-0000000000000dead".to_string(),
            format!("az_subnets = {}", az_map(&USE1_PRIVATE[..1])),
        ),
        (
            "dedicated hosts without a group",
            USE1_VPC.to_string(),
            format!(
                "capacity_type = \"host-resource-group\"\n    license_configuration_arns = [\"{LICENSE_A}\"]"
            ),
        ),
        (
            "dedicated hosts without licenses",
            USE1_VPC.to_string(),
            format!(
                "capacity_type = \"host-resource-group\"\n    host_resource_group_arn = \"{HOST_GROUP}\""
            ),
        ),
        (
            "a host resource group on an on-demand pool",
            USE1_VPC.to_string(),
            format!(
                "host_resource_group_arn = \"{HOST_GROUP}\"\n    license_configuration_arns = [\"{LICENSE_A}\"]"
            ),
        ),
        (
            "a spot price on dedicated hosts",
            USE1_VPC.to_string(),
            format!(
                "{}\n    max_price = \"0.20\"",
                dedicated_hosts(HOST_GROUP, &[LICENSE_A])
            ),
        ),
        (
            "a host resource group ARN of another service",
            USE1_VPC.to_string(),
            dedicated_hosts(&HOST_GROUP.replace("resource-groups", "ec2"), &[LICENSE_A]),
        ),
        (
            "a host resource group of another region",
            USE1_VPC.to_string(),
            dedicated_hosts(&HOST_GROUP.replace("us-east-1", "eu-west-1"), &[LICENSE_A]),
        ),
        (
            "a license configuration twice",
            USE1_VPC.to_string(),
            dedicated_hosts(HOST_GROUP, &[LICENSE_A, LICENSE_A]),
        ),
    ];
    let expected = [
        "Subnet Not In The VPC.*subnet-0a110000000000001.*subnets in us-east-1a:.*subnet-0e110000000000001 \\(prod-use1-private-a, private\\).*subnet-0e210000000000001",
        "Subnet In Another Availability Zone.*us-east-1b, not us-east-1a",
        "Availability Zone Outside The Region.*us-west-2a.*us-east-1",
        "Subnets Without A VPC",
        "Conflicting Availability Zones",
        "Unsupported Machine Pool Field.*eks_launch_template",
        "Security Group Not In The VPC.*sg-0a2b000000000001a.*sg-0e1a000000000001a \\(prod-use1-nodes\\)",
        "Unknown VPC.*vpc-0000000000000dead.*vpc-0e1a2b3c4d5e6f701",
        "Missing Host Resource Group",
        "Missing License Configurations",
        "Not A Host Resource Group Pool",
        "Spot Price On Dedicated Hosts",
        "Invalid ARN.*service \"ec2\"",
        "ARN In Another Region.*eu-west-1.*us-east-1",
        "Duplicate License Configuration",
    ];
    for ((name, vpc, workers), pattern) in cases.iter().zip(expected) {
        tf.write_config(&aws_hcl(&profile, vpc, workers));
        let out = emu.assert_no_writes(name, || tf.try_plan());
        assert_ne!(out.code, Some(0), "{name}: {}", out.stdout);
        out.expect_error(pattern);
    }

    // From a variable: unknown at validate (no refusal), checked at plan once known.
    tf.write_config(&format!(
        "{}\nvariable \"subnet\" {{\n  type = string\n}}\n",
        aws_hcl(
            &profile,
            USE1_VPC,
            "az_subnets = { \"us-east-1a\" = var.subnet }"
        )
    ));
    let validated = tf.run(&["validate", "-no-color"]);
    assert!(
        validated.success(),
        "{}\n{}",
        validated.stdout,
        validated.stderr
    );
    let out = emu.assert_no_writes("a bad subnet from a variable", || {
        tf.run(&[
            "plan",
            "-no-color",
            "-input=false",
            "-var",
            "subnet=subnet-0a110000000000001",
        ])
    });
    out.expect_error("Subnet Not In The VPC");
    let ok = tf.run(&[
        "plan",
        "-no-color",
        "-input=false",
        "-var",
        &format!("subnet={}", USE1_PRIVATE[0].1),
    ]);
    assert!(ok.success(), "{}\n{}", ok.stdout, ok.stderr);

    // Known only at apply: the apply's plan of the cluster, with the value then known, refuses
    // it before any write.
    tf.write_config(&format!(
        "{}\nresource \"terraform_data\" \"subnet\" {{\n  input = \"subnet-0a110000000000001\"\n}}\n",
        aws_hcl(
            &profile,
            USE1_VPC,
            "az_subnets = { \"us-east-1a\" = terraform_data.subnet.output }"
        )
    ));
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}\n{}", plan.stdout, plan.stderr);
    emu.reset_stats();
    let out = tf.try_apply();
    out.expect_error("Subnet Not In The VPC.*subnet-0a110000000000001");
    assert_eq!(
        emu.stats().count("POST /v1/spectroclusters/aws"),
        0,
        "no create reaches Palette"
    );
    // Now that the value is in the state, the plan itself refuses it.
    tf.try_plan().expect_error("Subnet Not In The VPC");
}

/// An OpenStack cluster in an existing network whose `storage` pool is in a subnet of its own.
fn openstack_hcl(profile: &str, network: &str, storage_subnet: &str) -> String {
    let network = if network.is_empty() {
        "node_cidr = \"10.8.0.0/16\"".to_string()
    } else {
        format!("network_id = \"{network}\"\n    subnet_id = \"subnet-nodes\"")
    };
    format!(
        r#"{HEADER}
data "palette_cloud_account" "openstack" {{
  name = "openstack-dev"
}}

resource "palette_cluster" "openstack" {{
  name             = "net-openstack"
  cloud_account_id = data.palette_cloud_account.openstack.id
  openstack {{
    region       = "RegionOne"
    domain       = "Default"
    project      = "demo"
    ssh_key_name = "ops"
    {network}
  }}
  cluster_profile {{
    id = "{profile}"
  }}
  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m1.large"
  }}
  machine_pool {{
    name          = "storage"
    count         = 2
    instance_type = "m1.xlarge"
    subnet_id     = "{storage_subnet}"
  }}
}}
"#
    )
}

/// OpenStack pools in a subnet of their own: applied and read back, the subnet changed in
/// place, drift made through the API, an import that reproduces it; a pool subnet without the
/// cluster's network refused at plan and by Palette.
#[test]
fn openstack_pools_take_a_subnet_of_their_own() {
    let emu = Emulator::start();
    let profile = infra_profile(&emu, case("openstack"), "1.0.0", None);
    let tf = Terraform::new(&emu);
    tf.write_config(&openstack_hcl(&profile, "net-prod", "subnet-storage"));
    tf.init();
    tf.apply();
    tf.assert_empty_plan();
    let values = tf.resource_values("palette_cluster.openstack");
    let uid = values["id"].as_str().unwrap().to_string();
    let config_uid = values["cloud_config_id"].as_str().unwrap().to_string();
    let config = cloud_config(&emu, "openstack", &config_uid);
    assert_eq!(
        pool(&config, "storage")["subnet"]["id"],
        "subnet-storage",
        "{config}"
    );
    assert!(pool(&config, "cp").get("subnet").is_none(), "{config}");

    // Another subnet, in place through the pool's PUT.
    tf.write_config(&openstack_hcl(&profile, "net-prod", "subnet-storage-b"));
    let out = tf.apply();
    assert!(
        out.stdout.contains("0 added, 1 changed, 0 destroyed"),
        "{}",
        out.stdout
    );
    tf.assert_empty_plan();
    assert_eq!(
        pool(&cloud_config(&emu, "openstack", &config_uid), "storage")["subnet"]["id"],
        "subnet-storage-b"
    );

    // Drift: the pool moved to another subnet through the API.
    let body = |subnet: &str| {
        json!({
            "cloudConfig": {"flavorConfig": {"name": "m1.xlarge"}, "subnet": {"id": subnet}},
            "poolConfig": {"name": "storage", "size": 2, "labels": ["worker"]},
        })
    };
    let cfg = config_uid.clone();
    let sent = body("subnet-elsewhere");
    outside(&emu, async |client, scope| {
        client
            .update_machine_pool(
                scope,
                &palette_api::CloudType::parse("openstack"),
                &cfg,
                "storage",
                &sent,
            )
            .await
    })
    .expect("the pool update");
    let plan = tf.try_plan();
    assert_eq!(plan.code, Some(2), "{}", plan.stdout);
    assert!(plan.stdout.contains("subnet-elsewhere"), "{}", plan.stdout);
    tf.apply();
    tf.assert_empty_plan();

    // An import reproduces the pool's subnet.
    let generated = generated_import(&emu, "palette_cluster.openstack", &uid);
    assert!(generated.contains("subnet-storage-b"), "{generated}");

    // Without the cluster's network there is no subnet of it to name: refused at plan, with no
    // write.
    tf.write_config(&openstack_hcl(&profile, "", "subnet-storage"));
    let out = emu.assert_no_writes("a pool subnet without a network", || tf.try_plan());
    out.expect_error(&crate::bad_input::at(
        "Subnet Without Its Network",
        "palette_cluster.openstack",
        "subnet_id",
    ));
    tf.write_config(&openstack_hcl(&profile, "net-prod", "subnet-storage-b"));
    tf.destroy();
}

/// A host resource group from a variable: unknown at validate (no refusal), checked at plan once
/// known, with no write.
#[test]
fn dedicated_hosts_from_a_variable_are_checked_once_known() {
    let emu = Emulator::start();
    let profile = infra_profile(&emu, case("aws"), "1.0.0", None);
    let tf = Terraform::new(&emu);
    tf.write_config(&format!(
        "{}\nvariable \"group\" {{\n  type = string\n}}\n",
        aws_hcl(
            &profile,
            USE1_VPC,
            &format!(
                "capacity_type = \"host-resource-group\"\n    host_resource_group_arn = var.group\n    \
                 license_configuration_arns = [\"{LICENSE_A}\"]"
            ),
        )
    ));
    tf.init();
    let validated = tf.run(&["validate", "-no-color"]);
    assert!(
        validated.success(),
        "{}\n{}",
        validated.stdout,
        validated.stderr
    );
    let plan = |group: &str| {
        tf.run(&[
            "plan",
            "-no-color",
            "-input=false",
            "-var",
            &format!("group={group}"),
        ])
    };
    let out = emu.assert_no_writes("a group of another region from a variable", || {
        plan(&HOST_GROUP.replace("us-east-1", "eu-west-1"))
    });
    out.expect_error("ARN In Another Region");
    let ok = plan(HOST_GROUP);
    assert!(ok.success(), "{}\n{}", ok.stdout, ok.stderr);
}

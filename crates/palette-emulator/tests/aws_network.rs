//! The AWS network an account sees (seeded `awsVpcs`) and Palette's checks of a cluster's
//! subnets and security groups against it: at create, on a pool change and on a Fargate profile
//! change, each refusal a 400 naming the field.

mod support;

use serde_json::{Value, json};
use support::Emu;

const VPC: &str = "vpc-0e1a2b3c4d5e6f701";
const SUBNET_A: &str = "subnet-0e110000000000001";
const SUBNET_B: &str = "subnet-0e120000000000002";
const SG: &str = "sg-0e1a000000000001a";

/// An AWS create body in us-east-1 with `cloud_config` extra keys and the workers' cloudConfig.
async fn aws_body(emu: &Emu, profile: &str, cluster: Value, workers: Value) -> Value {
    let account = emu.account_uid("aws", "aws-dev").await;
    let mut cloud_config = json!({"region": "us-east-1", "sshKeyName": "ops"});
    for (k, v) in cluster.as_object().into_iter().flatten() {
        cloud_config[k] = v.clone();
    }
    let mut pool = json!({"instanceType": "m5.large"});
    for (k, v) in workers.as_object().into_iter().flatten() {
        pool[k] = v.clone();
    }
    json!({
        "metadata": {"name": "net"},
        "spec": {
            "cloudAccountUid": account,
            "profiles": [{"uid": profile}],
            "cloudConfig": cloud_config,
            "machinepoolconfig": [
                {"cloudConfig": {"instanceType": "m5.large"},
                 "poolConfig": {"name": "cp", "size": 1, "labels": ["control-plane"], "isControlPlane": true}},
                {"cloudConfig": pool,
                 "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]}},
            ],
        },
    })
}

#[tokio::test]
async fn the_seeded_vpcs_are_listed_per_account_and_region() {
    let emu = Emu::start().await;
    let account = emu.account_uid("aws", "aws-dev").await;
    let reply = emu
        .get(&format!(
            "/v1/clouds/aws/regions/us-east-1/vpcs?cloudAccountUid={account}"
        ))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let vpcs = reply.body["vpcs"].as_array().unwrap();
    assert_eq!(vpcs.len(), 1);
    assert_eq!(vpcs[0]["vpcId"], VPC);
    let subnets = vpcs[0]["subnets"].as_array().unwrap();
    assert_eq!(subnets.len(), 6);
    assert!(
        subnets.iter().any(|s| s["subnetId"] == SUBNET_A
            && s["az"] == "us-east-1a"
            && s["isPrivate"] == true)
    );
    let none = emu
        .get(&format!(
            "/v1/clouds/aws/regions/eu-west-1/vpcs?cloudAccountUid={account}"
        ))
        .await;
    assert_eq!(none.body["vpcs"], json!([]), "{}", none.text);
    let groups = emu
        .get(&format!(
            "/v1/clouds/aws/securitygroups?cloudAccountUid={account}&region=us-east-1&vpcId={VPC}"
        ))
        .await;
    assert_eq!(groups.body["groups"][0]["groupId"], SG, "{}", groups.text);
    let azure = emu.account_uid("azure", "azure-dev").await;
    let wrong = emu
        .get(&format!(
            "/v1/clouds/aws/regions/us-east-1/vpcs?cloudAccountUid={azure}"
        ))
        .await;
    assert_eq!(wrong.status, 400, "{}", wrong.text);
}

#[tokio::test]
async fn creates_and_pool_changes_are_checked_against_the_vpc() {
    let emu = Emu::start().await;
    let profile = emu.aws_infra_profile("net").await;
    let subnets = |az: &str, id: &str| json!({"subnets": [{"az": az, "id": id}]});
    let refused = [
        (
            json!({}),
            subnets("us-east-1a", SUBNET_A),
            "cloudConfig.subnets",
        ),
        (
            json!({"vpcId": VPC}),
            subnets("us-east-1a", "subnet-0a110000000000001"),
            "cloudConfig.subnets",
        ),
        (
            json!({"vpcId": VPC}),
            subnets("us-east-1a", SUBNET_B),
            "cloudConfig.subnets",
        ),
        (
            json!({"vpcId": VPC}),
            json!({"additionalSecurityGroups": [{"id": "sg-0000000000000dead"}]}),
            "cloudConfig.additionalSecurityGroups",
        ),
        (
            json!({"vpcId": "vpc-0000000000000dead"}),
            subnets("us-east-1a", SUBNET_A),
            "cloudConfig.vpcId",
        ),
    ];
    for (cluster, workers, field) in refused {
        let body = aws_body(&emu, &profile, cluster.clone(), workers.clone()).await;
        let reply = emu.post("/v1/spectroclusters/aws", body).await;
        assert_eq!(reply.status, 400, "{cluster} {workers}: {}", reply.text);
        assert!(reply.text.contains(field), "{field}: {}", reply.text);
    }
    let body = aws_body(
        &emu,
        &profile,
        json!({"vpcId": VPC}),
        json!({"subnets": [{"az": "us-east-1a", "id": SUBNET_A}, {"az": "us-east-1b", "id": SUBNET_B}],
               "additionalSecurityGroups": [{"id": SG}]}),
    )
    .await;
    let created = emu.post("/v1/spectroclusters/aws", body).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().unwrap();
    let cluster = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    let config_uid = cluster.body["spec"]["cloudConfigRef"]["uid"]
        .as_str()
        .unwrap();
    let config = emu.get(&format!("/v1/cloudconfigs/aws/{config_uid}")).await;
    let workers = &config.body["spec"]["machinePoolConfig"][1];
    assert_eq!(
        workers["subnetIds"],
        json!({"us-east-1a": SUBNET_A, "us-east-1b": SUBNET_B}),
        "{workers}"
    );
    assert_eq!(workers["additionalSecurityGroups"], json!([{"id": SG}]));

    // A pool change with a subnet of another zone is refused; the pool stays.
    let update = json!({
        "cloudConfig": {"instanceType": "m5.large", "subnets": [{"az": "us-east-1a", "id": SUBNET_B}]},
        "poolConfig": {"name": "workers", "size": 2, "labels": ["worker"]},
    });
    let reply = emu
        .put(
            &format!("/v1/cloudconfigs/aws/{config_uid}/machinePools/workers"),
            update,
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert!(reply.text.contains("cloudConfig.subnets"), "{}", reply.text);
}

#[tokio::test]
async fn eks_fargate_profiles_and_ami_types_are_checked() {
    let emu = Emu::start().await;
    let account = emu.account_uid("aws", "aws-dev").await;
    let profile = emu
        .post(
            "/v1/clusterprofiles?publish=true",
            json!({
                "metadata": {"name": "eks-net"},
                "spec": {"version": "1.0.0", "template": {"type": "infra", "cloudType": "eks", "packs": [
                    {"name": "amazon-linux-eks", "tag": "1.0.0", "type": "spectro"},
                    {"name": "kubernetes-eks", "tag": "1.29", "type": "spectro"},
                    {"name": "cni-aws-vpc-eks", "tag": "1.0", "type": "spectro"},
                    {"name": "csi-aws-ebs", "tag": "1.41.0", "type": "spectro"},
                ]}},
            }),
        )
        .await;
    assert_eq!(profile.status, 201, "{}", profile.text);
    let profile = profile.body["uid"].as_str().unwrap().to_owned();
    let body = |ami: &str, fargate_subnet: &str| {
        json!({
            "metadata": {"name": "net-eks"},
            "spec": {
                "cloudAccountUid": account,
                "profiles": [{"uid": profile}],
                "cloudConfig": {"region": "us-west-2", "vpcId": "vpc-0a2b3c4d5e6f70812"},
                "fargateProfiles": [{"name": "system", "subnetIds": [fargate_subnet], "selectors": [{"namespace": "kube-system"}]}],
                "machinepoolconfig": [
                    {"cloudConfig": {"instanceType": "t3.large", "amiType": ami},
                     "poolConfig": {"name": "workers", "size": 1, "labels": ["worker"]}},
                ],
            },
        })
    };
    let reply = emu
        .post(
            "/v1/spectroclusters/eks",
            body("AL2_x86_64", "subnet-0a110000000000001"),
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert!(reply.text.contains("cloudConfig.amiType"), "{}", reply.text);
    let reply = emu
        .post(
            "/v1/spectroclusters/eks",
            body("AL2023_x86_64_STANDARD", SUBNET_A),
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert!(
        reply.text.contains("fargateProfiles.subnetIds"),
        "{}",
        reply.text
    );
    let created = emu
        .post(
            "/v1/spectroclusters/eks",
            body("AL2023_x86_64_STANDARD", "subnet-0a110000000000001"),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().unwrap();
    let cluster = emu.get(&format!("/v1/spectroclusters/{uid}")).await;
    let config_uid = cluster.body["spec"]["cloudConfigRef"]["uid"]
        .as_str()
        .unwrap();
    let path = format!("/v1/cloudconfigs/eks/{config_uid}");
    let config = emu.get(&path).await;
    assert_eq!(
        config.body["spec"]["fargateProfiles"][0]["name"], "system",
        "{}",
        config.text
    );
    let replaced = emu
        .put(
            &format!("{path}/fargateProfiles"),
            json!({"fargateProfiles": [{"name": "apps", "selectors": [{"namespace": "apps", "labels": {"tier": "web"}}]}]}),
        )
        .await;
    assert_eq!(replaced.status, 204, "{}", replaced.text);
    let config = emu.get(&path).await;
    assert_eq!(
        config.body["spec"]["fargateProfiles"],
        json!([{"name": "apps", "selectors": [{"namespace": "apps", "labels": {"tier": "web"}}]}])
    );
    let twice = emu
        .put(
            &format!("{path}/fargateProfiles"),
            json!({"fargateProfiles": [{"name": "a", "selectors": [{"namespace": "a"}]}, {"name": "a", "selectors": [{"namespace": "b"}]}]}),
        )
        .await;
    assert_eq!(twice.status, 400, "{}", twice.text);
}

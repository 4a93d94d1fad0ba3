//! Cloud accounts: CRUD per environment family, secrets never returned, in-use accounts kept.

mod support;

use serde_json::json;
use support::Emu;

#[tokio::test]
async fn accounts_round_trip_without_secrets() {
    let emu = Emu::start().await;
    let seeded = emu.get("/v1/cloudaccounts/summary").await;
    let kinds: Vec<&str> = seeded.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["kind"].as_str())
        .collect();
    for kind in [
        "aws",
        "azure",
        "gcp",
        "tencent",
        "vsphere",
        "nutanix",
        "openstack",
        "maas",
    ] {
        assert!(kinds.contains(&kind), "a seeded {kind} account: {kinds:?}");
    }
    let aws = emu
        .get(&format!(
            "/v1/cloudaccounts/aws/{}",
            emu.account_uid("aws", "aws-dev").await
        ))
        .await;
    assert_eq!(aws.body["spec"]["accessKey"], "AKIAEMULATOR0000DEV1");
    assert!(aws.body["spec"].get("secretKey").is_none(), "{}", aws.text);

    let body = json!({"metadata": {"name": "aws-prod"}, "spec": {"credentialType": "secret", "accessKey": "AKIA1", "secretKey": "s3cr3t"}});
    let created = emu.post("/v1/cloudaccounts/aws", body.clone()).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().unwrap().to_owned();
    assert_eq!(emu.post("/v1/cloudaccounts/aws", body).await.status, 409);
    let missing = emu.post("/v1/cloudaccounts/aws", json!({"metadata": {"name": "x"}, "spec": {"credentialType": "secret", "accessKey": "A"}})).await;
    assert_eq!(missing.status, 400, "{}", missing.text);
    let update = json!({"metadata": {"name": "aws-prod"}, "spec": {"credentialType": "secret", "accessKey": "AKIA2"}});
    assert_eq!(
        emu.put(&format!("/v1/cloudaccounts/aws/{uid}"), update)
            .await
            .status,
        204,
        "secrets may be left out"
    );
    let read = emu.get(&format!("/v1/cloudaccounts/aws/{uid}")).await;
    assert_eq!(read.body["spec"]["accessKey"], "AKIA2");
    assert!(!read.text.contains("s3cr3t"));
    assert_eq!(
        emu.get(&format!("/v1/cloudaccounts/azure/{uid}"))
            .await
            .status,
        404,
        "another family's path"
    );
    assert_eq!(
        emu.delete(&format!("/v1/cloudaccounts/aws/{uid}"))
            .await
            .status,
        204
    );
    assert_eq!(
        emu.get(&format!("/v1/cloudaccounts/aws/{uid}"))
            .await
            .status,
        404
    );

    let custom = emu
        .post("/v1/cloudaccounts/cloudTypes/nutanix", json!({"metadata": {"name": "ntnx"}, "spec": {"credentials": {"NUTANIX_USER": "u", "NUTANIX_PASSWORD": "p4ss"}}}))
        .await;
    assert_eq!(custom.status, 201, "{}", custom.text);
    let custom_uid = custom.body["uid"].as_str().unwrap();
    let read = emu
        .get(&format!(
            "/v1/cloudaccounts/cloudTypes/nutanix/{custom_uid}"
        ))
        .await;
    assert_eq!(read.body["spec"]["credentials"]["NUTANIX_USER"], "u");
    assert!(!read.text.contains("p4ss"), "{}", read.text);

    // An account in use by a cluster stays.
    let infra = emu.aws_infra_profile("base").await;
    let cluster = emu.aws_cluster("user", &[&infra], 1).await;
    assert_eq!(cluster.status, 201, "{}", cluster.text);
    let account = emu.account_uid("aws", "aws-dev").await;
    let refused = emu
        .delete(&format!("/v1/cloudaccounts/aws/{account}"))
        .await;
    assert_eq!(refused.status, 409);
    assert!(
        refused.body["message"].as_str().unwrap().contains("user"),
        "{}",
        refused.text
    );
    emu.stop().await;
}

//! Backup storage locations: CRUD per type, secrets stored but never returned, names unique
//! per scope, required fields, one default per scope, and delete.

mod support;

use reqwest::Method;
use serde_json::{Value, json};
use support::Emu;

const BASE: &str = "/v1/users/assets/locations";

fn s3_config(secret: &str) -> Value {
    json!({"bucketName": "backups", "region": "us-east-1", "s3ForcePathStyle": false,
        "credentials": {"credentialType": "secret", "accessKey": "AKIA1", "secretKey": secret}})
}

fn body(name: &str, config: Value) -> Value {
    json!({"metadata": {"name": name}, "spec": {"config": config}})
}

async fn secret_matches(emu: &Emu, uid: &str, pointer: &str, value: &str) -> bool {
    let reply = emu
        .call_as(
            Method::POST,
            "/__emulator/secret-check",
            Some(json!({"uid": uid, "pointer": pointer, "value": value})),
            None,
            None,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.body["matches"] == true
}

#[tokio::test]
async fn locations_round_trip_without_secrets() {
    let emu = Emu::start().await;
    let created = emu
        .post(
            &format!("{BASE}/s3"),
            body("bsl", s3_config("s3cr3t-value")),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().unwrap().to_owned();

    let read = emu.get(&format!("{BASE}/s3/{uid}")).await;
    assert_eq!(read.status, 200, "{}", read.text);
    assert_eq!(read.body["spec"]["config"]["bucketName"], "backups");
    assert_eq!(
        read.body["spec"]["config"]["credentials"]["accessKey"],
        "AKIA1"
    );
    assert_eq!(read.body["spec"]["type"], "s3");
    assert_eq!(read.body["spec"]["isDefault"], false);
    assert!(!read.text.contains("s3cr3t-value"), "{}", read.text);
    let list = emu.get(BASE).await;
    assert!(!list.text.contains("s3cr3t-value"), "{}", list.text);
    let listed = &list.body["items"][0];
    assert_eq!(listed["metadata"]["uid"], uid.as_str());
    assert_eq!(listed["metadata"]["name"], "bsl");
    assert_eq!(listed["spec"]["type"], "s3");
    assert!(
        secret_matches(
            &emu,
            &uid,
            "/spec/config/credentials/secretKey",
            "s3cr3t-value"
        )
        .await
    );

    // The same name again, of any type, in the same scope: 409.
    let again = emu
        .post(&format!("{BASE}/s3"), body("bsl", s3_config("x")))
        .await;
    assert_eq!(again.status, 409, "{}", again.text);
    let gcp = body(
        "bsl",
        json!({"bucketName": "b", "credentials": {"jsonCredentials": "{}"}}),
    );
    assert_eq!(emu.post(&format!("{BASE}/gcp"), gcp).await.status, 409);
    // Another project may use it.
    let team_b = emu.project_uid("Team-B").await;
    let elsewhere = emu
        .call_as(
            Method::POST,
            &format!("{BASE}/s3"),
            Some(body("bsl", s3_config("x"))),
            Some(&emu.key),
            Some(&team_b),
        )
        .await;
    assert_eq!(elsewhere.status, 201, "{}", elsewhere.text);

    // An update without the secret keeps it; a wrong type's path does not find the location.
    let mut config = s3_config("");
    config["credentials"]
        .as_object_mut()
        .unwrap()
        .remove("secretKey");
    config["bucketName"] = json!("renamed-bucket");
    let updated = emu
        .put(&format!("{BASE}/s3/{uid}"), body("bsl-2", config))
        .await;
    assert_eq!(updated.status, 204, "{}", updated.text);
    let read = emu.get(&format!("{BASE}/s3/{uid}")).await;
    assert_eq!(read.body["spec"]["config"]["bucketName"], "renamed-bucket");
    assert_eq!(read.body["metadata"]["name"], "bsl-2");
    assert!(
        secret_matches(
            &emu,
            &uid,
            "/spec/config/credentials/secretKey",
            "s3cr3t-value"
        )
        .await
    );
    assert_eq!(emu.get(&format!("{BASE}/minio/{uid}")).await.status, 404);

    assert_eq!(emu.delete(&format!("{BASE}/{uid}")).await.status, 204);
    assert_eq!(emu.get(&format!("{BASE}/s3/{uid}")).await.status, 404);
    assert_eq!(emu.delete(&format!("{BASE}/{uid}")).await.status, 404);
}

#[tokio::test]
async fn every_type_checks_its_fields_and_hides_its_secret() {
    let emu = Emu::start().await;
    let cases = [
        (
            "minio",
            json!({"bucketName": "b", "region": "us-east-1", "s3Url": "https://minio.example.com:9000",
                "credentials": {"accessKey": "A", "secretKey": "minio-secret"}}),
            "/spec/config/credentials/secretKey",
            "minio-secret",
            "s3Url",
        ),
        (
            "gcp",
            json!({"bucketName": "b", "projectId": "p", "credentials": {"jsonCredentials": "{\"k\":\"gcp-secret\"}"}}),
            "/spec/config/credentials/jsonCredentials",
            "{\"k\":\"gcp-secret\"}",
            "jsonCredentials",
        ),
        (
            "azure",
            json!({"containerName": "c", "storageName": "s", "resourceGroup": "g",
                "credentials": {"subscriptionId": "sub", "tenantId": "t", "clientId": "c", "clientSecret": "azure-secret"}}),
            "/spec/config/credentials/clientSecret",
            "azure-secret",
            "subscriptionId",
        ),
    ];
    for (ty, config, pointer, secret, needed) in cases {
        let created = emu
            .post(
                &format!("{BASE}/{ty}"),
                body(&format!("bsl-{ty}"), config.clone()),
            )
            .await;
        assert_eq!(created.status, 201, "{ty}: {}", created.text);
        let uid = created.body["uid"].as_str().unwrap();
        let read = emu.get(&format!("{BASE}/{ty}/{uid}")).await;
        assert_eq!(read.status, 200, "{ty}: {}", read.text);
        assert!(!read.text.contains(secret), "{ty}: {}", read.text);
        assert!(secret_matches(&emu, uid, pointer, secret).await, "{ty}");

        let mut without = config;
        let text = without.to_string();
        without =
            serde_json::from_str(&text.replace(&format!("\"{needed}\""), "\"unrelated\"")).unwrap();
        let refused = emu
            .post(&format!("{BASE}/{ty}"), body("another", without))
            .await;
        assert_eq!(
            refused.status, 400,
            "{ty} without {needed}: {}",
            refused.text
        );
        assert!(refused.text.contains(needed), "{}", refused.text);
        // Only S3 has a delete of its own.
        assert_eq!(emu.delete(&format!("{BASE}/{ty}/{uid}")).await.status, 405);
        assert_eq!(emu.delete(&format!("{BASE}/{uid}")).await.status, 204);
    }
    let sts = json!({"bucketName": "b", "region": "r", "credentials": {"credentialType": "sts"}});
    let refused = emu.post(&format!("{BASE}/s3"), body("sts", sts)).await;
    assert_eq!(refused.status, 400, "{}", refused.text);
    assert!(refused.text.contains("sts.arn"), "{}", refused.text);
    let nameless = json!({"spec": {"config": s3_config("x")}});
    assert_eq!(emu.post(&format!("{BASE}/s3"), nameless).await.status, 400);
}

#[tokio::test]
async fn one_location_per_scope_is_the_default() {
    let emu = Emu::start().await;
    let mut first = body("first", s3_config("a"));
    first["spec"]["isDefault"] = json!(true);
    let first = emu.post(&format!("{BASE}/s3"), first).await.body["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = emu
        .post(&format!("{BASE}/s3"), body("second", s3_config("b")))
        .await
        .body["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let default_of = |items: &Value, uid: &str| {
        items["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["metadata"]["uid"] == uid)
            .map(|i| i["spec"]["isDefault"].clone())
            .unwrap()
    };
    let list = emu.get(BASE).await.body;
    assert_eq!(default_of(&list, &first), true);
    assert_eq!(default_of(&list, &second), false);

    let switched = emu
        .call(Method::PATCH, &format!("{BASE}/s3/{second}/default"), None)
        .await;
    assert_eq!(switched.status, 204, "{}", switched.text);
    let list = emu.get(BASE).await.body;
    assert_eq!(default_of(&list, &first), false);
    assert_eq!(default_of(&list, &second), true);
    let read = emu.get(&format!("{BASE}/s3/{second}")).await;
    assert_eq!(read.body["spec"]["isDefault"], true);
    let wrong_type = emu
        .call(Method::PATCH, &format!("{BASE}/gcp/{first}/default"), None)
        .await;
    assert_eq!(wrong_type.status, 404, "{}", wrong_type.text);
}

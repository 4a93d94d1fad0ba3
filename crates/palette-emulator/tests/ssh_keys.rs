//! SSH keys: create, list, read, update (a new key, a rename), delete, per scope with unique
//! names, and the public key checked as an OpenSSH public key line.

mod support;

use reqwest::Method;
use serde_json::{Value, json};
use support::Emu;

const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq ops@example.com";
const OTHER_KEY: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFxU92JuBdXSKzr6NByTWLGaB+EfxypOfQqNuEVehvQElT4DGGuUv89MIRQ/i+KxP/VpPOLikSK1wJm9/evt/eU= ci";
const KEYS: &str = "/v1/users/assets/sshkeys";

fn body(name: &str, key: &str) -> Value {
    json!({"metadata": {"name": name}, "spec": {"publicKey": key}})
}

fn names(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|k| k["metadata"]["name"].as_str())
        .collect()
}

#[tokio::test]
async fn ssh_keys_round_trip_with_unique_names() {
    let emu = Emu::start().await;
    let created = emu.post(KEYS, body("ops", KEY)).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().unwrap().to_owned();
    let path = format!("{KEYS}/{uid}");

    let read = emu.get(&path).await;
    assert_eq!(read.status, 200, "{}", read.text);
    assert_eq!(read.body["metadata"]["name"], "ops");
    assert_eq!(read.body["metadata"]["annotations"]["scope"], "project");
    assert_eq!(read.body["spec"]["publicKey"], KEY);

    let clash = emu.post(KEYS, body("ops", OTHER_KEY)).await;
    assert_eq!(clash.status, 409, "{}", clash.text);
    assert_eq!(clash.body["code"], "SshKeyAlreadyExists");

    // A new key and a new name in one PUT.
    let renamed = emu.put(&path, body("ops-2", OTHER_KEY)).await;
    assert_eq!(renamed.status, 204, "{}", renamed.text);
    let read = emu.get(&path).await;
    assert_eq!(read.body["metadata"]["name"], "ops-2");
    assert_eq!(read.body["spec"]["publicKey"], OTHER_KEY);

    // A rename onto another key's name is refused.
    let second = emu.post(KEYS, body("ops", KEY)).await;
    assert_eq!(second.status, 201, "the old name is free: {}", second.text);
    let onto = emu.put(&path, body("ops", OTHER_KEY)).await;
    assert_eq!(onto.status, 409, "{}", onto.text);

    let list = emu.get(KEYS).await;
    assert_eq!(list.status, 200, "{}", list.text);
    assert_eq!(names(&list.body), ["ops-2", "ops"]);
    let filtered = emu
        .get(&format!("{KEYS}?filters=metadata.name=ops-2"))
        .await;
    assert_eq!(names(&filtered.body), ["ops-2"]);

    assert_eq!(emu.delete(&path).await.status, 204);
    assert_eq!(emu.get(&path).await.status, 404);
    assert_eq!(emu.delete(&path).await.status, 404);
    assert_eq!(emu.put(&path, body("x", KEY)).await.status, 404);
    emu.stop().await;
}

#[tokio::test]
async fn a_project_sees_tenant_keys_and_names_are_unique_per_scope() {
    let emu = Emu::start().await;
    let tenant = emu
        .call_as(
            Method::POST,
            KEYS,
            Some(body("shared", KEY)),
            Some(&emu.key),
            None,
        )
        .await;
    assert_eq!(tenant.status, 201, "{}", tenant.text);
    let project = emu.post(KEYS, body("shared", OTHER_KEY)).await;
    assert_eq!(
        project.status, 201,
        "a project may reuse a tenant key's name: {}",
        project.text
    );

    let in_project = emu.get(KEYS).await;
    assert_eq!(names(&in_project.body), ["shared", "shared"]);
    let in_tenant = emu
        .call_as(Method::GET, KEYS, None, Some(&emu.key), None)
        .await;
    assert_eq!(
        names(&in_tenant.body),
        ["shared"],
        "the tenant does not see project keys"
    );
    assert_eq!(
        in_tenant.body["items"][0]["metadata"]["annotations"]["scope"],
        "tenant"
    );

    let other = emu.project_uid("Team-B").await;
    let project_uid = project.body["uid"].as_str().unwrap();
    let elsewhere = emu
        .call_as(
            Method::GET,
            &format!("{KEYS}/{project_uid}"),
            None,
            Some(&emu.key),
            Some(&other),
        )
        .await;
    assert_eq!(elsewhere.status, 404, "another project's key is invisible");
    emu.stop().await;
}

#[tokio::test]
async fn a_public_key_that_is_not_an_openssh_line_is_refused_by_field() {
    let emu = Emu::start().await;
    for bad in [
        "not a key",
        "ssh-dss AAAAB3NzaC1kc3MAAACBAP",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJ*dz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq",
        // A key of one type labelled as another.
        "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq",
    ] {
        let refused = emu.post(KEYS, body("bad", bad)).await;
        assert_eq!(refused.status, 400, "{bad}: {}", refused.text);
        assert_eq!(refused.body["details"]["field"], "spec.publicKey", "{bad}");
    }
    let missing = emu.post(KEYS, json!({"metadata": {"name": "bad"}})).await;
    assert_eq!(missing.status, 400, "{}", missing.text);
    assert!(
        missing.text.contains("spec.publicKey is required"),
        "{}",
        missing.text
    );

    // A trailing newline, as `file()` reads it, is fine.
    let with_newline = emu.post(KEYS, body("good", &format!("{KEY}\n"))).await;
    assert_eq!(with_newline.status, 201, "{}", with_newline.text);
    let uid = with_newline.body["uid"].as_str().unwrap();
    let refused = emu
        .put(&format!("{KEYS}/{uid}"), body("good", "ssh-rsa x"))
        .await;
    assert_eq!(refused.status, 400, "{}", refused.text);
    assert_eq!(refused.body["details"]["field"], "spec.publicKey");
    assert_eq!(
        names(&emu.get(KEYS).await.body),
        ["good"],
        "nothing else was stored"
    );
    emu.stop().await;
}

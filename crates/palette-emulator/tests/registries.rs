//! Registries: create, read, update and delete of every kind, secrets kept but never returned,
//! the sync that makes a registry's packs appear, catalogues registered per endpoint, and the
//! deletes Palette refuses.

mod support;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::Emu;

/// The create path and item path (with `{uid}`) of each kind, with a valid body.
fn kinds() -> Vec<(&'static str, &'static str, Value)> {
    let auth = json!({"type": "basic", "username": "robot", "password": "pw-one"});
    vec![
        (
            "/v1/registries/pack",
            "/v1/registries/pack/{uid}",
            json!({"metadata": {"name": "packs"}, "spec": {"endpoint": "https://packs.example.com",
                "auth": auth, "private": true}}),
        ),
        (
            "/v1/registries/helm",
            "/v1/registries/helm/{uid}",
            json!({"metadata": {"name": "charts"}, "spec": {"endpoint": "https://charts.example.com",
                "auth": auth, "isPrivate": true}}),
        ),
        (
            "/v1/registries/oci/basic",
            "/v1/registries/oci/{uid}/basic",
            json!({"metadata": {"name": "harbor"}, "spec": {"endpoint": "https://harbor.example.com",
                "auth": auth, "providerType": "helm", "baseContentPath": "charts"}}),
        ),
        (
            "/v1/registries/oci/ecr",
            "/v1/registries/oci/{uid}/ecr",
            json!({"metadata": {"name": "ecr"}, "spec": {
                "endpoint": "https://123456789012.dkr.ecr.us-east-1.amazonaws.com",
                "isPrivate": true, "providerType": "helm",
                "credentials": {"credentialType": "secret", "accessKey": "AKIA1",
                    "secretKey": "pw-one"}}}),
        ),
    ]
}

/// Asserts that registry `uid` (made at `collection`) keeps `value` as its secret.
async fn assert_keeps(emu: &Emu, uid: &str, collection: &str, value: &str) {
    let check = emu
        .post(
            &format!("/__emulator/registries/{uid}/secrets/check"),
            secret_probe(collection, value),
        )
        .await;
    assert_eq!(check.status, 200, "{}", check.text);
    assert!(
        check.body.as_object().unwrap().values().all(|v| v == true),
        "{collection}: {}",
        check.text
    );
}

fn uid_of(reply: &support::Reply) -> String {
    reply.body["uid"].as_str().expect("a uid").to_owned()
}

/// Polls a registry's sync status until it is `want`.
async fn wait_sync(emu: &Emu, item: &str, want: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = emu.get(&format!("{item}/sync/status")).await;
        assert_eq!(status.status, 200, "{}", status.text);
        if status.body["status"] == want {
            return status.body;
        }
        assert!(Instant::now() < deadline, "no {want} sync: {}", status.text);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn every_kind_round_trips_without_secrets() {
    let emu = Emu::start().await;
    for (collection, item, body) in kinds() {
        let created = emu.post(collection, body.clone()).await;
        assert_eq!(created.status, 201, "{collection}: {}", created.text);
        let uid = uid_of(&created);
        let item = item.replace("{uid}", &uid);
        assert_eq!(
            emu.post(collection, body.clone()).await.status,
            409,
            "{collection}"
        );
        let read = emu.get(&item).await;
        assert_eq!(read.status, 200, "{}", read.text);
        assert_eq!(read.body["metadata"]["name"], body["metadata"]["name"]);
        assert_eq!(read.body["spec"]["endpoint"], body["spec"]["endpoint"]);
        assert_eq!(read.body["metadata"]["annotations"]["scope"], "tenant");
        assert!(
            !read.text.contains("pw-one"),
            "{item} shows its secret: {}",
            read.text
        );
        assert_keeps(&emu, &uid, collection, "pw-one").await;

        // An update without the secret keeps it; with one, replaces it.
        let mut update = read.body.clone();
        update["spec"]["endpoint"] = json!("https://moved.example.com");
        assert_eq!(emu.put(&item, update.clone()).await.status, 204);
        let moved = emu.get(&item).await;
        assert_eq!(moved.body["spec"]["endpoint"], "https://moved.example.com");
        assert_keeps(&emu, &uid, collection, "pw-one").await;
        let mut rotated = body.clone();
        set_secret(&mut rotated, collection, "pw-two");
        assert_eq!(emu.put(&item, rotated).await.status, 204);
        assert_keeps(&emu, &uid, collection, "pw-two").await;

        let mut renamed = update.clone();
        renamed["metadata"]["name"] = json!("another");
        assert_eq!(emu.put(&item, renamed).await.status, 400, "a rename");
        assert_eq!(emu.delete(&item).await.status, 204);
        assert_eq!(emu.get(&item).await.status, 404);
    }
}

/// The admin body checking the kind's one secret.
fn secret_probe(collection: &str, value: &str) -> Value {
    match collection.ends_with("ecr") {
        true => json!({"secretKey": value}),
        false => json!({"password": value}),
    }
}

fn set_secret(body: &mut Value, collection: &str, value: &str) {
    match collection.ends_with("ecr") {
        true => body["spec"]["credentials"]["secretKey"] = json!(value),
        false => body["spec"]["auth"]["password"] = json!(value),
    }
}

#[tokio::test]
async fn the_emulator_refuses_what_palette_refuses() {
    let emu = Emu::start().await;
    let missing = emu
        .post(
            "/v1/registries/helm",
            json!({"metadata": {"name": "x"}, "spec": {"endpoint": "https://x",
            "auth": {"type": "basic", "username": "u"}}}),
        )
        .await;
    assert_eq!(
        missing.status, 400,
        "basic auth without a password: {}",
        missing.text
    );
    let no_keys = emu
        .post(
            "/v1/registries/oci/ecr",
            json!({"metadata": {"name": "x"}, "spec": {"endpoint": "https://x",
            "isPrivate": true}}),
        )
        .await;
    assert_eq!(
        no_keys.status, 400,
        "a private ecr without credentials: {}",
        no_keys.text
    );
    let bad_enum = emu
        .post(
            "/v1/registries/oci/basic",
            json!({"metadata": {"name": "x"}, "spec": {"endpoint": "https://x",
            "auth": {"type": "noAuth"}, "providerType": "docker"}}),
        )
        .await;
    assert_eq!(bad_enum.status, 400, "{}", bad_enum.text);
    assert_eq!(bad_enum.body["details"]["field"], "spec.providerType");

    let registries = emu.get("/v1/registries/metadata").await;
    let public = registries.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Public Repo")
        .and_then(|r| r["uid"].as_str())
        .expect("the seeded Public Repo")
        .to_owned();
    let refused = emu.delete(&format!("/v1/registries/pack/{public}")).await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    assert_eq!(
        emu.get(&format!("/v1/registries/helm/{public}"))
            .await
            .status,
        404,
        "a pack registry is not a helm registry"
    );
}

#[tokio::test]
async fn a_synced_registry_serves_its_catalogue_to_profiles() {
    let emu = Emu::start().await;
    let catalogue = json!({"endpoint": "https://team-packs.example.com/", "packs": [
        {"name": "team-agent", "layer": "addon", "tags": ["1.0.0", "1.1.0"], "values": "level: info\n"},
    ]});
    let put = emu.put("/__emulator/registry-catalogues", catalogue).await;
    assert_eq!(put.status, 204, "{}", put.text);
    // Slow enough to see the sync run.
    emu.put("/__emulator/settings", json!({"time_scale": 0.1}))
        .await;
    let created = emu
        .post(
            "/v1/registries/pack",
            json!({"metadata": {"name": "team"}, "spec": {
            "endpoint": "https://team-packs.example.com", "auth": {"type": "noAuth"}}}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = uid_of(&created);
    let item = format!("/v1/registries/pack/{uid}");
    let running = emu.get(&format!("{item}/sync/status")).await;
    assert_eq!(running.body["status"], "InProgress", "{}", running.text);
    let before = emu
        .get(&format!("/v1/packs/team-agent/registries/{uid}"))
        .await;
    assert_eq!(
        before.status, 404,
        "packs show only once synced: {}",
        before.text
    );
    let done = wait_sync(&emu, &item, "Completed").await;
    assert!(done["lastSyncedTime"].is_string(), "{done}");
    let tags = emu
        .get(&format!("/v1/packs/team-agent/registries/{uid}"))
        .await;
    assert_eq!(tags.status, 200, "{}", tags.text);
    assert_eq!(
        tags.body["tags"].as_array().unwrap().len(),
        2,
        "{}",
        tags.text
    );
    assert_eq!(tags.body["layer"], "addon");

    // A profile uses a pack by name, tag and registry; the registry cannot go while it does.
    let profile = emu
        .post("/v1/clusterprofiles?publish=true", json!({"metadata": {"name": "team-addons"},
            "spec": {"version": "1.0.0", "template": {"type": "add-on", "cloudType": "all",
            "packs": [{"name": "team-agent", "tag": "1.1.0", "registryUid": uid, "type": "spectro"}]}}}))
        .await;
    assert_eq!(profile.status, 201, "{}", profile.text);
    let refused = emu.delete(&item).await;
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert!(
        refused.text.contains("team-addons@1.0.0"),
        "{}",
        refused.text
    );
    let profile_uid = uid_of(&profile);
    assert_eq!(
        emu.delete(&format!("/v1/clusterprofiles/{profile_uid}"))
            .await
            .status,
        204
    );
    assert_eq!(emu.delete(&item).await.status, 204);
    let gone = emu
        .get(&format!("/v1/packs/team-agent/registries/{uid}"))
        .await;
    assert_eq!(gone.status, 404, "a deleted registry's packs go with it");
}

#[tokio::test]
async fn a_sync_fails_as_its_catalogue_says_and_a_resync_recovers() {
    let emu = Emu::start().await;
    let endpoint = "https://broken.example.com";
    emu.put(
        "/__emulator/registry-catalogues",
        json!({"endpoint": endpoint, "fail": "401 from the registry"}),
    )
    .await;
    let created = emu
        .post(
            "/v1/registries/helm",
            json!({"metadata": {"name": "broken"}, "spec": {
            "endpoint": endpoint, "auth": {"type": "noAuth"}}}),
        )
        .await;
    let item = format!("/v1/registries/helm/{}", uid_of(&created));
    let failed = wait_sync(&emu, &item, "Failed").await;
    assert_eq!(failed["message"], "401 from the registry");
    emu.put(
        "/__emulator/registry-catalogues",
        json!({"endpoint": endpoint, "packs": [
        {"name": "podinfo", "tags": ["6.7.1"]}]}),
    )
    .await;
    let sync = emu.post(&format!("{item}/sync"), json!(null)).await;
    assert_eq!(sync.status, 202, "{}", sync.text);
    wait_sync(&emu, &item, "Completed").await;
    let catalogues = emu.get("/__emulator/registry-catalogues").await;
    assert_eq!(
        catalogues.body["items"].as_array().unwrap().len(),
        1,
        "{}",
        catalogues.text
    );
}

#[tokio::test]
async fn registry_lists_show_every_kind() {
    let emu = Emu::start().await;
    for (collection, _, body) in kinds() {
        assert_eq!(emu.post(collection, body).await.status, 201);
    }
    let metadata = emu.get("/v1/registries/metadata").await;
    let kinds: Vec<(String, String)> = metadata.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_owned(),
                r["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for (name, kind) in [
        ("packs", "pack"),
        ("charts", "helm"),
        ("harbor", "oci"),
        ("ecr", "oci"),
    ] {
        assert!(
            kinds.contains(&(name.to_owned(), kind.to_owned())),
            "{kinds:?}"
        );
    }
    let tenant = emu.get("/v1/registries/metadata?scope=tenant").await;
    assert_eq!(
        tenant.body["items"].as_array().unwrap().len(),
        4,
        "{}",
        tenant.text
    );
    let oci = emu.get("/v1/registries/oci/summary").await;
    let types: Vec<&str> = oci.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["spec"]["registryType"].as_str())
        .collect();
    assert!(
        types.contains(&"ecr") && types.contains(&"basic"),
        "{}",
        oci.text
    );
    let helm = emu.get("/v1/registries/helm").await;
    assert_eq!(
        helm.body["items"][0]["metadata"]["name"], "charts",
        "{}",
        helm.text
    );
    assert!(!helm.text.contains("pw-one") && !oci.text.contains("pw-one"));
}

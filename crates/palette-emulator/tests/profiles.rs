//! Cluster profiles: validation, versions, drafts and publishing, clone, variables, manifests,
//! dashboard lookups.

mod support;

use serde_json::{Value, json};
use support::Emu;

fn profile(name: &str, version: &str, kind: &str, cloud: &str, packs: Value) -> Value {
    json!({"metadata": {"name": name}, "spec": {"version": version, "template": {"type": kind, "cloudType": cloud, "packs": packs}}})
}

#[tokio::test]
async fn create_checks_packs_like_the_server() {
    let emu = Emu::start().await;
    let k8s = emu.pack_uid("kubernetes", "1.32.10").await;
    let table = [
        (
            "missing name",
            json!({"metadata": {}, "spec": {"template": {"type": "infra", "cloudType": "aws", "packs": [{"name": "kubernetes", "tag": "1.32.10"}]}}}),
            400,
            "metadata.name",
        ),
        (
            "missing type",
            json!({"metadata": {"name": "x"}, "spec": {"template": {"cloudType": "aws", "packs": [{"name": "kubernetes", "tag": "1.32.10"}]}}}),
            400,
            "type",
        ),
        (
            "bad type",
            profile("x", "1.0.0", "everything", "aws", json!([])),
            400,
            "should be one of",
        ),
        (
            "no packs",
            profile("x", "1.0.0", "infra", "aws", json!([])),
            400,
            "at least one pack",
        ),
        (
            "unknown uid",
            profile(
                "x",
                "1.0.0",
                "infra",
                "aws",
                json!([{"name": "kubernetes", "uid": "0123456789abcdef01234567"}]),
            ),
            404,
            "0123456789abcdef01234567",
        ),
        (
            "unknown tag",
            profile(
                "x",
                "1.0.0",
                "infra",
                "aws",
                json!([{"name": "kubernetes", "tag": "0.0.1"}]),
            ),
            404,
            "kubernetes:0.0.1",
        ),
        (
            "uid of another tag",
            profile(
                "x",
                "1.0.0",
                "infra",
                "aws",
                json!([{"name": "kubernetes", "tag": "1.33.10", "uid": k8s}]),
            ),
            400,
            "not tag",
        ),
        (
            "wrong cloud",
            profile(
                "x",
                "1.0.0",
                "infra",
                "aws",
                json!([{"name": "ubuntu-azure", "tag": "22.04"}]),
            ),
            400,
            "not offered",
        ),
        (
            "core layer in add-on",
            profile(
                "x",
                "1.0.0",
                "add-on",
                "all",
                json!([{"name": "kubernetes", "tag": "1.32.10"}]),
            ),
            400,
            "add-on profile",
        ),
        (
            "two csi packs",
            profile(
                "x",
                "1.0.0",
                "infra",
                "maas",
                json!([{"name": "csi-maas-volume", "tag": "1.0.0"}, {"name": "csi-rook-ceph-helm", "tag": "1.14.9"}]),
            ),
            400,
            "csi layer",
        ),
        (
            "manifest without content",
            profile(
                "x",
                "1.0.0",
                "add-on",
                "all",
                json!([{"name": "m", "type": "manifest", "manifests": [{"name": "a"}]}]),
            ),
            400,
            "no content",
        ),
        (
            "values that are not YAML",
            profile(
                "x",
                "1.0.0",
                "add-on",
                "all",
                json!([{"name": "m", "type": "manifest", "values": "a: [1, 2\nb: 3",
                    "manifests": [{"name": "a", "content": "kind: ConfigMap"}]}]),
            ),
            400,
            "spec.template.packs[0].values is not valid YAML",
        ),
        (
            "a manifest that is not YAML",
            profile(
                "x",
                "1.0.0",
                "add-on",
                "all",
                json!([{"name": "m", "type": "manifest",
                    "manifests": [{"name": "a", "content": "kind: [ConfigMap"}]}]),
            ),
            400,
            "spec.template.packs[0].manifests[0].content is not valid YAML",
        ),
        (
            "two manifests of one name",
            profile(
                "x",
                "1.0.0",
                "add-on",
                "all",
                json!([{"name": "m", "type": "manifest", "manifests": [
                    {"name": "a", "content": "kind: ConfigMap"},
                    {"name": "a", "content": "kind: Secret"}]}]),
            ),
            400,
            "two manifests named 'a'",
        ),
        (
            "wrong pack type",
            profile(
                "x",
                "1.0.0",
                "add-on",
                "all",
                json!([{"name": "falco", "tag": "2.0.18", "type": "helm"}]),
            ),
            400,
            "type",
        ),
    ];
    for (name, body, status, needle) in table {
        let reply = emu.post("/v1/clusterprofiles", body).await;
        assert_eq!(reply.status, status, "{name}: {}", reply.text);
        assert!(
            reply.body["message"]
                .as_str()
                .unwrap_or("")
                .contains(needle),
            "{name}: {}",
            reply.text
        );
    }
    let ok = emu
        .post(
            "/v1/clusterprofiles",
            profile(
                "base",
                "1.0.0",
                "infra",
                "aws",
                json!([{"name": "kubernetes", "uid": k8s}]),
            ),
        )
        .await;
    assert_eq!(ok.status, 201, "{}", ok.text);
    let dup = emu
        .post(
            "/v1/clusterprofiles",
            profile(
                "base",
                "1.0.0",
                "infra",
                "aws",
                json!([{"name": "kubernetes", "uid": k8s}]),
            ),
        )
        .await;
    assert_eq!(dup.status, 409);
    assert_eq!(dup.body["code"], "ClusterProfileAlreadyExists");
    assert_eq!(
        emu.get("/v1/clusterprofiles/validate/name?name=base&version=1.0.0")
            .await
            .status,
        409
    );
    assert_eq!(
        emu.get("/v1/clusterprofiles/validate/name?name=base&version=2.0.0")
            .await
            .status,
        204
    );
    let missing = emu
        .get("/v1/clusterprofiles/0123456789abcdef01234567")
        .await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body["code"], "ResourceNotFound");
    emu.stop().await;
}

#[tokio::test]
async fn drafts_publish_clone_and_versions() {
    let emu = Emu::start().await;
    let created = emu
        .post(
            "/v1/clusterprofiles",
            profile(
                "web",
                "1.0.0",
                "add-on",
                "all",
                json!([{"name": "nginx", "tag": "0.43.0", "type": "spectro"}]),
            ),
        )
        .await;
    let uid = created.body["uid"].as_str().unwrap().to_owned();
    let read = emu.get(&format!("/v1/clusterprofiles/{uid}")).await;
    assert_eq!(read.body["status"]["isPublished"], false);
    assert_eq!(read.body["spec"]["draft"]["packs"][0]["layer"], "addon");
    assert!(
        read.body["spec"]["draft"]["packs"][0]["values"]
            .as_str()
            .unwrap()
            .len()
            > 10,
        "default values filled in"
    );
    assert_eq!(
        emu.patch(&format!("/v1/clusterprofiles/{uid}/publish"), json!({}))
            .await
            .status,
        204
    );
    let published = emu.get(&format!("/v1/clusterprofiles/{uid}")).await;
    assert_eq!(published.body["status"]["isPublished"], true);
    assert!(published.body["spec"]["draft"].is_null());
    assert_eq!(published.body["spec"]["published"]["version"], 1);
    assert_eq!(
        published.body["spec"]["published"]["profileVersion"],
        "1.0.0"
    );

    // PUT replaces the draft's packs; the published template stays until the next publish.
    let update = json!({"metadata": {"name": "web", "uid": uid}, "spec": {"version": "1.0.0", "template": {"type": "add-on", "packs": [
        {"name": "nginx", "tag": "1.10.0", "type": "spectro", "values": "replicas: 3\n"}]}}});
    assert_eq!(
        emu.put(&format!("/v1/clusterprofiles/{uid}"), update)
            .await
            .status,
        204
    );
    let drafted = emu.get(&format!("/v1/clusterprofiles/{uid}")).await;
    assert_eq!(drafted.body["spec"]["draft"]["packs"][0]["tag"], "1.10.0");
    assert_eq!(
        drafted.body["spec"]["published"]["packs"][0]["tag"],
        "0.43.0"
    );
    emu.patch(&format!("/v1/clusterprofiles/{uid}/publish"), json!({}))
        .await;
    let republished = emu.get(&format!("/v1/clusterprofiles/{uid}")).await;
    assert_eq!(republished.body["spec"]["published"]["version"], 2);
    assert_eq!(
        republished.body["spec"]["published"]["packs"][0]["values"],
        "replacas: 3\n".replace("replacas", "replicas")
    );

    // Metadata patch.
    let meta = emu
        .patch(&format!("/v1/clusterprofiles/{uid}/metadata"), json!({"metadata": {"labels": {"team": "web"}, "annotations": {"description": "nginx"}}}))
        .await;
    assert_eq!(meta.status, 204, "{}", meta.text);
    let read = emu.get(&format!("/v1/clusterprofiles/{uid}")).await;
    assert_eq!(read.body["metadata"]["labels"]["team"], "web");
    assert_eq!(read.body["metadata"]["annotations"]["description"], "nginx");
    assert_eq!(
        read.body["metadata"]["annotations"]["scope"], "project",
        "server annotations stay"
    );

    // Clone makes a new version object; both list each other.
    let clone = emu
        .post(
            &format!("/v1/clusterprofiles/{uid}/clone"),
            json!({"metadata": {"name": "web", "version": "1.1.0"}}),
        )
        .await;
    assert_eq!(clone.status, 201, "{}", clone.text);
    let clone_uid = clone.body["uid"].as_str().unwrap().to_owned();
    assert_ne!(clone_uid, uid);
    let cloned = emu.get(&format!("/v1/clusterprofiles/{clone_uid}")).await;
    assert_eq!(cloned.body["spec"]["version"], "1.1.0");
    assert_eq!(cloned.body["spec"]["draft"]["packs"][0]["tag"], "1.10.0");
    let versions: Vec<&str> = cloned.body["spec"]["versions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["version"].as_str())
        .collect();
    assert_eq!(versions, ["1.0.0", "1.1.0"]);
    let again = emu
        .post(
            &format!("/v1/clusterprofiles/{uid}/clone"),
            json!({"metadata": {"name": "web", "version": "1.1.0"}}),
        )
        .await;
    assert_eq!(again.status, 409);

    // Dashboard lookups.
    let meta = emu.get("/v1/dashboard/clusterprofiles/metadata").await;
    let items = meta.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|i| i["spec"]["cloudType"] == "all"));
    let filtered = emu
        .post(
            "/v1/dashboard/clusterprofiles?limit=10",
            json!({"filter": {"profileName": {"eq": "web"}, "version": {"gt": "1.0.0"}}}),
        )
        .await;
    assert_eq!(filtered.status, 200, "{}", filtered.text);
    let found = filtered.body["items"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{}", filtered.text);
    assert_eq!(found[0]["metadata"]["uid"], clone_uid.as_str());
    let none = emu
        .post(
            "/v1/dashboard/clusterprofiles",
            json!({"filter": {"environment": ["aws"]}}),
        )
        .await;
    assert!(none.body["items"].as_array().unwrap().is_empty());

    assert_eq!(
        emu.delete(&format!("/v1/clusterprofiles/{clone_uid}"))
            .await
            .status,
        204
    );
    assert_eq!(
        emu.get(&format!("/v1/clusterprofiles/{clone_uid}"))
            .await
            .status,
        404
    );
    emu.stop().await;
}

#[tokio::test]
async fn variables_and_manifests() {
    let emu = Emu::start().await;
    let uid = emu
        .addon_profile("hello", "kind: Namespace\nmetadata:\n  name: hello\n")
        .await;
    let vars = json!({"variables": [{"name": "replicas", "defaultValue": "1", "format": "number"}, {"name": "domain", "required": true}]});
    assert_eq!(
        emu.put(&format!("/v1/clusterprofiles/{uid}/variables"), vars)
            .await
            .status,
        204
    );
    let patch =
        json!({"variables": [{"name": "domain", "defaultValue": "example.com"}, {"name": "tier"}]});
    assert_eq!(
        emu.patch(&format!("/v1/clusterprofiles/{uid}/variables"), patch)
            .await
            .status,
        204
    );
    let read = emu
        .get(&format!("/v1/clusterprofiles/{uid}/variables"))
        .await;
    let names: Vec<&str> = read.body["variables"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["name"].as_str())
        .collect();
    assert_eq!(names, ["replicas", "domain", "tier"]);
    assert_eq!(read.body["variables"][1]["defaultValue"], "example.com");
    let dup = emu
        .put(
            &format!("/v1/clusterprofiles/{uid}/variables"),
            json!({"variables": [{"name": "a"}, {"name": "a"}]}),
        )
        .await;
    assert_eq!(dup.status, 400);
    let del = emu
        .call(
            reqwest::Method::DELETE,
            &format!("/v1/clusterprofiles/{uid}/variables"),
            Some(json!({"variables": ["tier"]})),
        )
        .await;
    assert_eq!(del.status, 204, "{}", del.text);
    let read = emu
        .get(&format!("/v1/clusterprofiles/{uid}/variables"))
        .await;
    assert_eq!(read.body["variables"].as_array().unwrap().len(), 2);

    let manifests = emu
        .get(&format!("/v1/clusterprofiles/{uid}/packs/hello/manifests"))
        .await;
    assert_eq!(manifests.status, 200, "{}", manifests.text);
    let item = &manifests.body["items"][0];
    assert_eq!(item["metadata"]["name"], "hello");
    assert!(
        item["spec"]["published"]["content"]
            .as_str()
            .unwrap()
            .contains("kind: Namespace")
    );
    let read = emu.get(&format!("/v1/clusterprofiles/{uid}")).await;
    let refs = &read.body["spec"]["published"]["packs"][0]["manifests"][0];
    assert_eq!(refs["uid"], item["metadata"]["uid"]);
    assert!(
        refs.get("content").is_none(),
        "pack refs carry references only"
    );
    assert_eq!(
        read.body["spec"]["published"]["packs"][0]["packUid"],
        "spectro-manifest-pack"
    );
    assert_eq!(
        emu.get(&format!("/v1/clusterprofiles/{uid}/packs/nope/manifests"))
            .await
            .status,
        404
    );
    emu.stop().await;
}

#[tokio::test]
async fn publishing_needs_every_referenced_variable() {
    let emu = Emu::start().await;
    let packs =
        json!([{"name": "nginx", "tag": "1.10.0", "values": "host: {{.spectro.var.host}}\n"}]);
    let eager = emu
        .post(
            "/v1/clusterprofiles?publish=true",
            profile("vars", "1.0.0", "add-on", "all", packs.clone()),
        )
        .await;
    assert_eq!(eager.status, 400, "{}", eager.text);
    assert_eq!(eager.body["code"], "PackVariablesUndefined");
    let created = emu
        .post(
            "/v1/clusterprofiles",
            profile("vars", "1.0.0", "add-on", "all", packs),
        )
        .await;
    assert_eq!(
        created.status, 201,
        "a draft may reference what is not defined yet"
    );
    let uid = created.body["uid"].as_str().unwrap().to_owned();
    let early = emu
        .patch(&format!("/v1/clusterprofiles/{uid}/publish"), json!({}))
        .await;
    assert_eq!(early.status, 400);
    assert!(
        early.body["message"].as_str().unwrap().contains("host"),
        "{}",
        early.text
    );
    let vars = emu
        .put(
            &format!("/v1/clusterprofiles/{uid}/variables"),
            json!({"variables": [{"name": "host", "defaultValue": "example.com"}]}),
        )
        .await;
    assert_eq!(vars.status, 204);
    assert_eq!(
        emu.patch(&format!("/v1/clusterprofiles/{uid}/publish"), json!({}))
            .await
            .status,
        204
    );
    emu.stop().await;
}

/// The uids listed at `pointer` in `body`.
fn uids_at(body: &Value, pointer: &str) -> Vec<String> {
    body.pointer(pointer)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().or_else(|| v["uid"].as_str()))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn versions_and_clusters_in_use_follow_writes_and_a_restart() {
    let db = support::temp_db("in-use");
    let config = || palette_emulator::Config {
        db: Some(db.clone()),
        ..palette_emulator::Config::for_tests()
    };
    let emu = Emu::with(config()).await;
    let infra = emu.aws_infra_profile("base").await;
    let other = emu.aws_infra_profile("other").await;
    let clone = emu
        .post(
            &format!("/v1/clusterprofiles/{infra}/clone"),
            json!({"metadata": {"name": "base", "version": "2.0.0"}}),
        )
        .await;
    assert_eq!(clone.status, 201, "{}", clone.text);
    let clone = clone.body["uid"].as_str().unwrap().to_owned();
    let mut uids = Vec::new();
    for name in ["one", "two"] {
        let created = emu.aws_cluster(name, &[&infra], 1).await;
        assert_eq!(created.status, 201, "{}", created.text);
        uids.push(created.body["uid"].as_str().unwrap().to_owned());
    }
    let third = emu.aws_cluster("three", &[&other], 1).await;
    assert_eq!(third.status, 201, "{}", third.text);
    let dup = emu.aws_cluster("one", &[&other], 1).await;
    assert_eq!(dup.status, 409, "{}", dup.text);
    assert_eq!(dup.body["code"], "ClusterAlreadyExists");

    // Checked before and after a restart on the same database.
    let check = |emu: Emu, uids: Vec<String>| {
        let (infra, clone) = (infra.clone(), clone.clone());
        async move {
            let read = emu.get(&format!("/v1/clusterprofiles/{infra}")).await;
            assert_eq!(read.status, 200, "{}", read.text);
            assert_eq!(
                uids_at(&read.body, "/spec/versions"),
                [infra.as_str(), clone.as_str()]
            );
            assert_eq!(uids_at(&read.body, "/status/inUseClusterUids"), uids);
            assert_eq!(uids_at(&read.body, "/status/inUseClusters"), uids);
            assert_eq!(read.body["status"]["inUseClusters"][0]["name"], "one");
            let refused = emu.delete(&format!("/v1/clusterprofiles/{infra}")).await;
            assert_eq!(refused.status, 409, "{}", refused.text);
            assert_eq!(refused.body["code"], "ClusterProfileInUse");
            assert_eq!(refused.body["details"]["clusters"], json!(["one", "two"]));
            let taken = emu
                .post(
                    &format!("/v1/clusterprofiles/{infra}/clone"),
                    json!({"metadata": {"name": "base", "version": "2.0.0"}}),
                )
                .await;
            assert_eq!(taken.status, 409, "{}", taken.text);
            let read = emu.get(&format!("/v1/clusterprofiles/{clone}")).await;
            assert!(uids_at(&read.body, "/status/inUseClusterUids").is_empty());
            let name = emu.get("/v1/spectroclusters/validate/name?name=two").await;
            assert_eq!(name.status, 409, "{}", name.text);
            emu
        }
    };
    let emu = check(emu, uids.clone()).await;
    emu.stop().await;
    let emu = check(Emu::with(config()).await, uids.clone()).await;

    // A deleted cluster no longer uses the profile and frees its name.
    emu.delete_cluster(&uids[0]).await;
    let read = emu.get(&format!("/v1/clusterprofiles/{infra}")).await;
    assert_eq!(
        uids_at(&read.body, "/status/inUseClusterUids"),
        [uids[1].as_str()]
    );
    let published = emu
        .patch(&format!("/v1/clusterprofiles/{clone}/publish"), json!({}))
        .await;
    assert_eq!(published.status, 204, "{}", published.text);
    let again = emu.aws_cluster("one", &[&clone], 1).await;
    assert_eq!(again.status, 201, "{}", again.text);
    let read = emu.get(&format!("/v1/clusterprofiles/{clone}")).await;
    let again = again.body["uid"].as_str().unwrap();
    assert_eq!(uids_at(&read.body, "/status/inUseClusterUids"), [again]);
    emu.delete_cluster(&uids[1]).await;
    assert_eq!(
        emu.delete(&format!("/v1/clusterprofiles/{infra}"))
            .await
            .status,
        204
    );
    emu.stop().await;
}

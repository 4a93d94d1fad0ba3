//! Cluster templates: what Palette refuses of a template (name clash, cloud type, profiles of
//! another cloud type, no or two infra profiles, undeclared variables, unknown policies), a
//! cluster launched from one (its profiles and variables, refused from an unknown template or
//! one of another cloud type), the template variables of that cluster, the cluster's own profile
//! endpoints refused on it, and the template kept while the cluster lives.

mod support;

use std::time::Duration;

use serde_json::{Value, json};
use support::{Emu, pack_conditions};

fn template(name: &str, cloud: &str, profiles: Value) -> Value {
    json!({"metadata": {"name": name}, "spec": {"cloudType": cloud, "profiles": profiles}})
}

#[tokio::test]
async fn templates_are_checked_as_palette_checks_them() {
    let emu = Emu::start().await;
    let infra = emu.aws_infra_profile("stack").await;
    let addon = emu.addon_profile("hello", "kind: ConfigMap\n").await;
    let ok = emu
        .post(
            "/v1/clusterTemplates",
            template("web", "aws", json!([{"uid": infra}, {"uid": addon}])),
        )
        .await;
    assert_eq!(ok.status, 201, "{}", ok.text);
    let cases = [
        (
            "a name taken",
            template("web", "aws", json!([{"uid": infra}])),
            409,
            "already exists",
        ),
        (
            "an unknown cloud type",
            template("t1", "mars", json!([{"uid": infra}])),
            400,
            "spec.cloudType",
        ),
        (
            "a profile of another cloud type",
            template("t2", "gcp", json!([{"uid": infra}])),
            400,
            "spec.profiles[0].uid",
        ),
        (
            "no infra profile",
            template("t3", "aws", json!([{"uid": addon}])),
            400,
            "exactly one infrastructure",
        ),
        (
            "the same profile twice",
            template("t4", "aws", json!([{"uid": infra}, {"uid": infra}])),
            400,
            "twice",
        ),
        (
            "a variable the profile does not declare",
            template(
                "t5",
                "aws",
                json!([{"uid": infra, "variables": [{"name": "nope", "value": "1"}]}]),
            ),
            400,
            "spec.profiles[0].variables[0].name",
        ),
        (
            "an unknown profile",
            template("t6", "aws", json!([{"uid": "0123456789abcdef01234567"}])),
            400,
            "no cluster profile",
        ),
        (
            "no profiles",
            template("t7", "aws", json!([])),
            400,
            "at least one",
        ),
        (
            "an unknown policy",
            json!({"metadata": {"name": "t8"}, "spec": {"cloudType": "aws", "profiles": [{"uid": infra}],
                "policies": [{"kind": "maintenance", "uid": "0123456789abcdef01234567"}]}}),
            400,
            "spec.policies[0].uid",
        ),
    ];
    for (what, body, status, says) in cases {
        let reply = emu.post("/v1/clusterTemplates", body).await;
        assert_eq!(reply.status, status, "{what}: {}", reply.text);
        assert!(reply.text.contains(says), "{what}: {}", reply.text);
    }
    emu.stop().await;
}

#[tokio::test]
async fn a_cluster_launched_from_a_template_deploys_its_profiles() {
    let emu = Emu::start().await;
    let infra = emu.aws_infra_profile("stack").await;
    let addon = emu.addon_profile("hello", "kind: ConfigMap\n").await;
    let created = emu
        .post(
            "/v1/clusterTemplates",
            template(
                "web",
                "aws",
                json!([{"uid": infra, "variables": [{"name": "domain", "value": "fleet.example.com", "assignStrategy": "all"}]}, {"uid": addon}]),
            ),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let template_uid = created.body["uid"].as_str().unwrap().to_owned();
    let gcp = emu
        .post(
            "/v1/clusterTemplates",
            json!({"metadata": {"name": "gcp"}, "spec": {"cloudType": "gcp", "profiles": []}}),
        )
        .await;
    assert_eq!(gcp.status, 400, "a template needs profiles: {}", gcp.text);

    let account = emu.account_uid("aws", "aws-dev").await;
    let body = |template: &str, profiles: Value| {
        json!({
            "metadata": {"name": "from-template"},
            "spec": {
                "cloudAccountUid": account,
                "clusterTemplate": {"uid": template},
                "profiles": profiles,
                "cloudConfig": {"region": "us-east-1", "sshKeyName": "ops"},
                "machinepoolconfig": [
                    {"cloudConfig": {"instanceType": "m5.large", "azs": ["us-east-1a"]},
                     "poolConfig": {"name": "cp", "size": 1, "labels": ["control-plane"], "isControlPlane": true}},
                ],
            },
        })
    };
    let unknown = emu
        .post(
            "/v1/spectroclusters/aws",
            body("0123456789abcdef01234567", json!([])),
        )
        .await;
    assert_eq!(unknown.status, 400, "{}", unknown.text);
    assert!(
        unknown.text.contains("spec.clusterTemplate.uid"),
        "{}",
        unknown.text
    );
    let foreign = emu
        .post(
            "/v1/spectroclusters/aws",
            body(&template_uid, json!([{"uid": "0123456789abcdef01234567"}])),
        )
        .await;
    assert_eq!(foreign.status, 400, "{}", foreign.text);
    assert!(
        foreign.text.contains("not in the cluster template"),
        "{}",
        foreign.text
    );

    let launched = emu
        .post("/v1/spectroclusters/aws", body(&template_uid, json!([])))
        .await;
    assert_eq!(launched.status, 201, "{}", launched.text);
    let uid = launched.body["uid"].as_str().unwrap().to_owned();
    let ready = emu
        .wait_cluster(&uid, Duration::from_secs(30), |r| {
            let conds = pack_conditions(&r.body);
            conds.len() == 5 && conds.iter().all(|(_, c)| c == "Ready")
        })
        .await;
    assert_eq!(
        ready.body["spec"]["clusterTemplate"]["uid"],
        template_uid.as_str()
    );
    let vars = emu
        .get(&format!("/v1/spectroclusters/{uid}/variables"))
        .await;
    let domain = vars.body[0]["variables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "domain")
        .cloned()
        .unwrap();
    assert_eq!(domain["value"], "fleet.example.com", "the template's value");

    // The cluster's own profile endpoints are refused; the template variables API is not.
    let own = emu
        .patch(
            &format!("/v1/spectroclusters/{uid}/variables"),
            json!([{"profileUid": infra, "variables": [{"name": "domain", "value": "x.example.com"}]}]),
        )
        .await;
    assert_eq!(own.status, 400, "{}", own.text);
    let through = emu
        .patch(
            &format!("/v1/clusterTemplates/spectroclusters/{uid}/variables"),
            json!({"profiles": [{"uid": infra, "variables": [{"name": "domain", "value": "x.example.com"}]}]}),
        )
        .await;
    assert_eq!(through.status, 204, "{}", through.text);
    let vars = emu
        .get(&format!("/v1/spectroclusters/{uid}/variables"))
        .await;
    assert!(vars.text.contains("x.example.com"), "{}", vars.text);

    // Kept while the cluster lives, listed in `spec.clusters`.
    let read = emu
        .get(&format!("/v1/clusterTemplates/{template_uid}"))
        .await;
    assert_eq!(
        read.body["spec"]["clusters"][&uid]["name"], "from-template",
        "{}",
        read.text
    );
    let refused = emu
        .delete(&format!("/v1/clusterTemplates/{template_uid}"))
        .await;
    assert_eq!(refused.status, 409, "{}", refused.text);
    let held = emu.delete(&format!("/v1/clusterprofiles/{addon}")).await;
    assert_eq!(held.status, 409, "{}", held.text);
    emu.delete_cluster(&uid).await;
    let deleted = emu
        .delete(&format!("/v1/clusterTemplates/{template_uid}"))
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.text);
    emu.stop().await;
}

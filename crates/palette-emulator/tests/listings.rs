//! The read endpoints scripts and other tools use answer as Palette does: the metadata and tag
//! lists of clusters, cloud accounts and edge hosts, with no fixed path segment read as a uid,
//! and search filters the emulator does not understand are refused, not ignored.

mod support;

use serde_json::json;
use support::Emu;

#[tokio::test]
async fn metadata_and_tag_lists_answer_for_every_kind() {
    let emu = Emu::start().await;
    let infra = emu.aws_infra_profile("infra").await;
    let created = emu.aws_cluster("listed", &[&infra], 1).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().expect("uid");

    let clusters = emu.get("/v1/dashboard/spectroclusters/metadata").await;
    assert_eq!(clusters.status, 200, "{}", clusters.text);
    assert_eq!(
        clusters.body["items"],
        json!([{"name": "listed", "uid": uid}])
    );
    let searched = emu
        .post("/v1/dashboard/spectroclusters/metadata", json!({}))
        .await;
    assert_eq!(searched.body, clusters.body);

    let tags = emu.get("/v1/spectroclusters/tags").await;
    assert_eq!(tags.status, 200, "{}", tags.text);
    assert_eq!(tags.body["tags"], json!(["env:test"]));

    let accounts = emu
        .get("/v1/dashboard/cloudaccounts/metadata?environment=aws")
        .await;
    assert_eq!(accounts.status, 200, "{}", accounts.text);
    let items = accounts.body["items"].as_array().expect("items");
    assert!(!items.is_empty());
    assert!(
        items.iter().all(|a| a["kind"] == "aws"),
        "{}",
        accounts.text
    );

    let hosts = emu.get("/v1/edgehosts/tags").await;
    assert_eq!(hosts.status, 200, "{}", hosts.text);
    assert!(hosts.body["tags"].is_array(), "{}", hosts.text);
}

#[tokio::test]
async fn a_fixed_segment_is_never_read_as_a_uid() {
    let emu = Emu::start().await;
    // The spec's `GET /v1/spectroclusters/upgrade/settings` is not `GET /v1/spectroclusters/{uid}`.
    let reply = emu.get("/v1/spectroclusters/upgrade/settings").await;
    assert_eq!(reply.status, 501, "{}", reply.text);
    assert_eq!(reply.body["code"], "NotImplemented");
    let reply = emu.get("/v1/registries/helm/summary").await;
    assert_eq!(reply.status, 501, "{}", reply.text);
}

#[tokio::test]
async fn registry_summaries_list_each_kind() {
    let emu = Emu::start().await;
    let packs = emu.get("/v1/registries/pack/summary").await;
    assert_eq!(packs.status, 200, "{}", packs.text);
    let items = packs.body["items"].as_array().expect("items");
    assert!(!items.is_empty(), "{}", packs.text);
    assert!(
        items.iter().all(|r| r["metadata"]["uid"].is_string()),
        "{}",
        packs.text
    );
    assert_eq!(packs.body["listmeta"]["count"], items.len());
    let oci = emu.get("/v1/registries/oci/summary").await;
    assert_eq!(oci.status, 200, "{}", oci.text);
    assert!(oci.body["items"].is_array(), "{}", oci.text);
}

#[tokio::test]
async fn unknown_query_parameters_and_search_properties_are_refused() {
    let emu = Emu::start().await;
    let reply = emu
        .get("/v1/spectroclusters/5f0e7b2c9d1a4b3c8e7f6a5b?color=red")
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(reply.body["details"]["field"], "color");

    let filter = json!({"filter": {"filterGroups": [{"filters": [{"property": "color",
        "type": "string", "condition": {"string": {"operator": "eq",
        "match": {"values": ["red"]}}}}]}]}});
    let reply = emu
        .post("/v1/dashboard/spectroclusters/search", filter)
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(
        reply.body["details"]["field"],
        "filter.filterGroups[0].filters[0].property"
    );
}

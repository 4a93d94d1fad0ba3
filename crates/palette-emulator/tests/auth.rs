//! Authentication and project isolation.

mod support;

use palette_emulator::{ApiKeySpec, Config};
use reqwest::Method;
use serde_json::json;
use support::Emu;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn two_keys() -> Emu {
    Emu::with(Config {
        api_keys: vec![
            ApiKeySpec::parse("test-key").unwrap(),
            ApiKeySpec::parse("team-b-key:Team-B").unwrap(),
        ],
        ..Config::for_tests()
    })
    .await
}

#[tokio::test]
async fn requests_without_a_valid_key_get_401() {
    let emu = Emu::start().await;
    for (name, key) in [("no key", None), ("wrong key", Some("nope"))] {
        let reply = emu
            .call_as(
                Method::GET,
                "/v1/dashboard/projects/metadata",
                None,
                key,
                None,
            )
            .await;
        assert_eq!(reply.status, 401, "{name}");
        assert_eq!(reply.body["code"], "Unauthorized", "{name}");
        assert!(
            reply.body["message"].is_string()
                && reply.body["ref"].is_string()
                && reply.body["details"].is_object()
        );
    }
    let stats = emu.get("/__emulator/stats").await;
    assert_eq!(stats.body["unauthorized_total"], 2);
    emu.stop().await;
}

#[tokio::test]
async fn header_names_are_case_insensitive() {
    let emu = Emu::start().await;
    let project = emu.project.clone().unwrap();
    let mut stream = tokio::net::TcpStream::connect(emu.handle.addr())
        .await
        .unwrap();
    let request = format!(
        "GET /v1/cloudaccounts/aws HTTP/1.1\r\nHost: x\r\nAPIKEY: test-key\r\nPROJECTUID: {project}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains("aws-dev"),
        "the project header was honoured: {response}"
    );
    emu.stop().await;
}

#[tokio::test]
async fn a_project_key_stays_in_its_project() {
    let emu = two_keys().await;
    let default = emu.project_uid("Default").await;
    let team_b = emu.project_uid("Team-B").await;
    let profile = emu.addon_profile("default-only", "kind: ConfigMap\n").await;

    // The limited key lists only its own project.
    let projects = emu
        .call_as(
            Method::GET,
            "/v1/dashboard/projects/metadata",
            None,
            Some("team-b-key"),
            None,
        )
        .await;
    let names: Vec<&str> = projects.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["metadata"]["name"].as_str())
        .collect();
    assert_eq!(names, ["Team-B"]);

    // Another project's scope is forbidden; tenant scope is forbidden outside discovery.
    let other = emu
        .call_as(
            Method::GET,
            &format!("/v1/clusterprofiles/{profile}"),
            None,
            Some("team-b-key"),
            Some(&default),
        )
        .await;
    assert_eq!(other.status, 403, "{}", other.text);
    assert_eq!(other.body["code"], "Forbidden");
    let tenant = emu
        .call_as(
            Method::GET,
            "/v1/dashboard/clusterprofiles/metadata",
            None,
            Some("team-b-key"),
            None,
        )
        .await;
    assert_eq!(tenant.status, 403);
    let packs = emu
        .call_as(
            Method::GET,
            "/v1/packs?limit=1",
            None,
            Some("team-b-key"),
            None,
        )
        .await;
    assert_eq!(packs.status, 200, "pack discovery works in tenant scope");

    // In its own project the Default profile is invisible (404), and so are Default's accounts.
    let hidden = emu
        .call_as(
            Method::GET,
            &format!("/v1/clusterprofiles/{profile}"),
            None,
            Some("team-b-key"),
            Some(&team_b),
        )
        .await;
    assert_eq!(hidden.status, 404);
    assert_eq!(hidden.body["code"], "ResourceNotFound");
    let listed = emu
        .call_as(
            Method::GET,
            "/v1/dashboard/clusterprofiles/metadata",
            None,
            Some("team-b-key"),
            Some(&team_b),
        )
        .await;
    assert!(
        listed.body["items"].as_array().unwrap().is_empty(),
        "{}",
        listed.text
    );
    let accounts = emu
        .call_as(
            Method::GET,
            "/v1/cloudaccounts/aws",
            None,
            Some("team-b-key"),
            Some(&team_b),
        )
        .await;
    assert!(accounts.body["items"].as_array().unwrap().is_empty());

    // A tenant-scoped profile is visible from every project and echoes its scope.
    let body = json!({"metadata": {"name": "shared"}, "spec": {"template": {"type": "add-on", "cloudType": "all", "packs": [
        {"name": "cert-manager", "tag": "1.20.2", "type": "spectro"}]}}});
    let created = emu
        .call_as(
            Method::POST,
            "/v1/clusterprofiles",
            Some(body),
            Some("test-key"),
            None,
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let uid = created.body["uid"].as_str().unwrap();
    let seen = emu
        .call_as(
            Method::GET,
            &format!("/v1/clusterprofiles/{uid}"),
            None,
            Some("team-b-key"),
            Some(&team_b),
        )
        .await;
    assert_eq!(seen.status, 200);
    assert_eq!(seen.body["metadata"]["annotations"]["scope"], "tenant");
    let mine = emu.get(&format!("/v1/clusterprofiles/{profile}")).await;
    assert_eq!(mine.body["metadata"]["annotations"]["scope"], "project");

    // An unknown project uid is not found.
    let unknown = emu
        .call_as(
            Method::GET,
            "/v1/cloudaccounts/aws",
            None,
            Some("test-key"),
            Some("000000000000000000000000"),
        )
        .await;
    assert_eq!(unknown.status, 404);
    emu.stop().await;
}

//! GET throughput of the emulator on loopback, rate limits off.
//!
//! Run with `cargo bench -p palette-emulator --bench get_throughput` (release build). It starts an
//! emulator in-process on a SQLite file, creates a profile and a cluster, then has 32 client
//! tasks read them for a few seconds and prints requests per second for each route. The target
//! is 2,000+ GET/s. Set `GET_BENCH_SECONDS` to change the duration.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use palette_emulator::Config;
use serde_json::{Value, json};

const CLIENTS: usize = 32;

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::var("GET_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let dir = std::env::temp_dir().join(format!("palette-emulator-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let config = Config {
        db: Some(dir.join("bench.db")),
        ..Config::for_tests()
    };
    let handle = palette_emulator::start(config)
        .await
        .expect("emulator starts");
    let base = handle.base_url();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()
        .expect("client");
    let send =
        |method: reqwest::Method, path: String, body: Option<Value>, project: Option<String>| {
            let mut req = http
                .request(method, format!("{base}{path}"))
                .header("ApiKey", "test-key");
            if let Some(p) = project {
                req = req.header("ProjectUid", p);
            }
            if let Some(b) = body {
                req = req.json(&b);
            }
            req.send()
        };
    let projects: Value = send(
        reqwest::Method::GET,
        "/v1/dashboard/projects/metadata".into(),
        None,
        None,
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let project = projects["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["metadata"]["name"] == "Default")
        .unwrap()["metadata"]["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let profile = json!({"metadata": {"name": "bench"}, "spec": {"template": {"type": "add-on", "cloudType": "all", "packs": [
        {"name": "cert-manager", "tag": "1.20.2"}]}}});
    let created: Value = send(
        reqwest::Method::POST,
        "/v1/clusterprofiles?publish=true".into(),
        Some(profile),
        Some(project.clone()),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let profile_uid = created["uid"].as_str().unwrap().to_owned();

    let accounts: Value = send(
        reqwest::Method::GET,
        "/v1/cloudaccounts/aws".into(),
        None,
        Some(project.clone()),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let account = accounts["items"][0]["metadata"]["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let infra = json!({"metadata": {"name": "bench-infra"}, "spec": {"template": {"type": "infra", "cloudType": "aws", "packs": [
        {"name": "ubuntu-aws", "tag": "22.04"}, {"name": "kubernetes", "tag": "1.32.10"},
        {"name": "cni-calico", "tag": "3.29.3"}, {"name": "csi-aws-ebs", "tag": "1.41.0"}]}}});
    let infra: Value = send(
        reqwest::Method::POST,
        "/v1/clusterprofiles?publish=true".into(),
        Some(infra),
        Some(project.clone()),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let cluster = json!({"metadata": {"name": "bench"}, "spec": {
        "cloudAccountUid": account, "cloudConfig": {"region": "us-east-1"},
        "profiles": [{"uid": infra["uid"]}, {"uid": profile_uid}],
        "machinepoolconfig": [{"cloudConfig": {"instanceType": "m5.large"}, "poolConfig": {"name": "cp", "size": 1, "isControlPlane": true, "labels": ["control-plane"]}}]}});
    let cluster: Value = send(
        reqwest::Method::POST,
        "/v1/spectroclusters/aws".into(),
        Some(cluster),
        Some(project.clone()),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let cluster_uid = cluster["uid"].as_str().expect("cluster created").to_owned();

    let routes = [
        format!("/v1/spectroclusters/{cluster_uid}"),
        format!("/v1/clusterprofiles/{profile_uid}"),
        "/v1/packs?limit=20".to_owned(),
        "/v1/cloudaccounts/aws".to_owned(),
    ];
    println!("palette-emulator GET throughput, {CLIENTS} clients, {seconds}s per route");
    for route in routes {
        let count = Arc::new(AtomicU64::new(0));
        let errors = Arc::new(AtomicU64::new(0));
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for _ in 0..CLIENTS {
            let (http, base, route, project) =
                (http.clone(), base.clone(), route.clone(), project.clone());
            let (count, errors) = (count.clone(), errors.clone());
            tasks.push(tokio::spawn(async move {
                while Instant::now() < deadline {
                    let reply = http
                        .get(format!("{base}{route}"))
                        .header("ApiKey", "test-key")
                        .header("ProjectUid", &project)
                        .send()
                        .await;
                    match reply {
                        Ok(r) if r.status().is_success() => {
                            let _ = r.bytes().await;
                            count.fetch_add(1, Ordering::Relaxed);
                        }
                        _ => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        let rate = count.load(Ordering::Relaxed) as f64 / seconds as f64;
        println!(
            "  GET {route:<50} {rate:>9.0} req/s  ({} errors)",
            errors.load(Ordering::Relaxed)
        );
    }
    handle.shutdown().await;
    std::fs::remove_dir_all(&dir).ok();
}

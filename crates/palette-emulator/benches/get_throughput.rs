//! GET throughput of the emulator on loopback, rate limits off, with a store as large as the one
//! BENCHMARKS.md scenario 5 reads from.
//!
//! Run with `cargo bench -p palette-emulator --bench get_throughput` (release build). For each
//! store backend (in memory, as `cargo xtask bench` runs it, then SQLite) it starts an emulator
//! in-process on a runtime of its own, stores one four-pack infra profile, add-on profiles up to
//! `GET_BENCH_PROFILES` profiles in all (500) and `GET_BENCH_CLUSTERS` clusters (100) on the
//! infra profile and one add-on profile, then reads each route from `GET_BENCH_CONNECTIONS` (4)
//! keep-alive HTTP/1.1 connections driven by plain threads for `GET_BENCH_SECONDS` (3) each. It
//! prints requests per second and the CPU time the emulator's runtime threads spent per request.
//! The first route is scenario 5's (the infra profile every cluster uses); the target is 2,000+
//! GET/s. `GET_BENCH_STORE=memory` or `=sqlite` runs one backend only; `GET_BENCH_ROUTE=1` (or
//! another position in the list, from 1) reads one route only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use palette_emulator::Config;
use serde_json::{Value, json};

/// The prefix of the emulator runtime's thread names, for counting their CPU time.
const SERVER_THREADS: &str = "emu-server";

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let seconds = env_number("GET_BENCH_SECONDS", 3);
    let profiles = env_number("GET_BENCH_PROFILES", 500).max(1) as usize;
    let clusters = env_number("GET_BENCH_CLUSTERS", 100) as usize;
    let connections = env_number("GET_BENCH_CONNECTIONS", 4).max(1) as usize;
    let only = std::env::var("GET_BENCH_STORE").unwrap_or_default();
    for store in ["memory", "sqlite"] {
        if !only.is_empty() && only != store {
            continue;
        }
        run(store, seconds, profiles, clusters, connections);
    }
}

/// What the setup created.
struct World {
    project: String,
    infra: String,
    addon: String,
    cluster: String,
}

fn run(store: &str, seconds: u64, profiles: usize, clusters: usize, connections: usize) {
    let server = tokio::runtime::Builder::new_multi_thread()
        .thread_name(SERVER_THREADS)
        .enable_all()
        .build()
        .expect("server runtime");
    let dir = std::env::temp_dir().join(format!("palette-emulator-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("bench.db");
    let _ = std::fs::remove_file(&db);
    let config = Config {
        db: (store == "sqlite").then(|| db.clone()),
        ..Config::for_tests()
    };
    let handle = server
        .block_on(palette_emulator::start(config))
        .expect("emulator starts");
    let addr = handle.addr();
    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    let started = Instant::now();
    let world = client.block_on(populate(&handle.base_url(), profiles, clusters));
    println!(
        "palette-emulator GET throughput, {store} store with {profiles} profiles and {clusters} clusters \
         (stored in {:.1}s), {connections} keep-alive connections, {seconds}s per route",
        started.elapsed().as_secs_f64()
    );
    let routes = [
        format!("/v1/clusterprofiles/{}", world.infra),
        format!("/v1/clusterprofiles/{}", world.addon),
        format!("/v1/spectroclusters/{}", world.cluster),
        "/v1/packs?limit=20".to_owned(),
        "/v1/cloudaccounts/aws".to_owned(),
    ];
    let only = env_number("GET_BENCH_ROUTE", 0) as usize;
    for (n, route) in routes.into_iter().enumerate() {
        if only != 0 && only != n + 1 {
            continue;
        }
        let request = format!(
            "GET {route} HTTP/1.1\r\nHost: {addr}\r\nApiKey: test-key\r\nProjectUid: {}\r\n\r\n",
            world.project
        );
        let cpu_before = server_cpu_ns();
        let (ok, failed, secs) = load(addr, request.into_bytes(), connections, seconds);
        let cpu = server_cpu_ns().zip(cpu_before).map(|(a, b)| a - b);
        let per_request = match cpu {
            Some(ns) if ok + failed > 0 => {
                format!("{:>6.0} µs", ns as f64 / 1e3 / (ok + failed) as f64)
            }
            _ => "     ? µs".to_owned(),
        };
        println!(
            "  GET {route:<50} {:>7.0} req/s  {per_request} emulator CPU per request  ({failed} not 200)",
            ok as f64 / secs
        );
    }
    server.block_on(handle.shutdown());
    std::fs::remove_dir_all(&dir).ok();
}

/// Stores the profiles and clusters over the API.
async fn populate(base: &str, profiles: usize, clusters: usize) -> World {
    let http = reqwest::Client::new();
    let send = |method: reqwest::Method, path: &str, body: Option<Value>, project: Option<&str>| {
        let mut req = http
            .request(method, format!("{base}{path}"))
            .header("ApiKey", "test-key");
        if let Some(p) = project {
            req = req.header("ProjectUid", p);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        async move {
            let reply = req.send().await.expect("request");
            let status = reply.status();
            let body: Value = reply.json().await.unwrap_or(Value::Null);
            assert!(status.is_success(), "{status}: {body}");
            body
        }
    };
    let projects = send(
        reqwest::Method::GET,
        "/v1/dashboard/projects/metadata",
        None,
        None,
    )
    .await;
    let project = projects["items"]
        .as_array()
        .expect("projects")
        .iter()
        .find(|p| p["metadata"]["name"] == "Default")
        .expect("a Default project")["metadata"]["uid"]
        .as_str()
        .expect("uid")
        .to_owned();
    let p = Some(project.as_str());
    let infra = json!({"metadata": {"name": "bench-infra"}, "spec": {"template": {"type": "infra", "cloudType": "aws", "packs": [
        {"name": "ubuntu-aws", "tag": "22.04"}, {"name": "kubernetes", "tag": "1.32.10"},
        {"name": "cni-calico", "tag": "3.29.3"}, {"name": "csi-aws-ebs", "tag": "1.41.0"}]}}});
    let infra = send(
        reqwest::Method::POST,
        "/v1/clusterprofiles?publish=true",
        Some(infra),
        p,
    )
    .await["uid"]
        .as_str()
        .expect("infra profile created")
        .to_owned();
    let mut addon = String::new();
    for i in 1..profiles {
        let body = json!({"metadata": {"name": format!("bench-addon-{i}")}, "spec": {"template": {"type": "add-on", "cloudType": "all", "packs": [
            {"name": "cert-manager", "tag": "1.20.2"}]}}});
        let created = send(
            reqwest::Method::POST,
            "/v1/clusterprofiles?publish=true",
            Some(body),
            p,
        )
        .await;
        if addon.is_empty() {
            addon = created["uid"].as_str().expect("uid").to_owned();
        }
    }
    let accounts = send(reqwest::Method::GET, "/v1/cloudaccounts/aws", None, p).await;
    let account = accounts["items"][0]["metadata"]["uid"]
        .as_str()
        .expect("an aws account")
        .to_owned();
    let mut cluster = String::new();
    for i in 0..clusters {
        let mut attached = vec![json!({"uid": infra})];
        if i == 0 && !addon.is_empty() {
            attached.push(json!({"uid": addon}));
        }
        let body = json!({"metadata": {"name": format!("bench-{i}")}, "spec": {
            "cloudAccountUid": account, "cloudConfig": {"region": "us-east-1"},
            "profiles": attached,
            "machinepoolconfig": [{"cloudConfig": {"instanceType": "m5.large"}, "poolConfig": {"name": "cp", "size": 1, "isControlPlane": true, "labels": ["control-plane"]}}]}});
        let created = send(
            reqwest::Method::POST,
            "/v1/spectroclusters/aws",
            Some(body),
            p,
        )
        .await;
        if cluster.is_empty() {
            cluster = created["uid"].as_str().expect("cluster created").to_owned();
        }
    }
    World {
        project,
        infra,
        addon,
        cluster,
    }
}

/// Sends `request` over and over from `connections` threads for `seconds`: `(200s, others,
/// elapsed seconds)`.
fn load(addr: SocketAddr, request: Vec<u8>, connections: usize, seconds: u64) -> (u64, u64, f64) {
    let stop = Arc::new(AtomicBool::new(false));
    let ok = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let request = Arc::new(request);
    let start = Instant::now();
    let threads: Vec<_> = (0..connections)
        .map(|_| {
            let (stop, ok, failed, request) =
                (stop.clone(), ok.clone(), failed.clone(), request.clone());
            std::thread::spawn(move || {
                let stream = TcpStream::connect(addr).expect("connect");
                stream.set_nodelay(true).expect("nodelay");
                let mut writer = stream.try_clone().expect("clone stream");
                let mut reader = BufReader::new(stream);
                while !stop.load(Ordering::Relaxed) {
                    writer.write_all(&request).expect("send");
                    let status = read_response(&mut reader);
                    if status == 200 { &ok } else { &failed }.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    for thread in threads {
        thread.join().expect("load thread");
    }
    let secs = start.elapsed().as_secs_f64();
    (
        ok.load(Ordering::Relaxed),
        failed.load(Ordering::Relaxed),
        secs,
    )
}

/// Reads one response with a `content-length` body and returns its status.
fn read_response(reader: &mut BufReader<TcpStream>) -> u16 {
    let mut line = String::new();
    reader.read_line(&mut line).expect("status line");
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status code");
    let mut length = 0usize;
    loop {
        line.clear();
        reader.read_line(&mut line).expect("header line");
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().expect("content-length");
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("body");
    status
}

/// CPU time of the emulator runtime's threads so far, in nanoseconds (Linux only).
fn server_cpu_ns() -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let path = task.ok()?.path();
        let comm = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
        if !comm.starts_with(SERVER_THREADS) {
            continue;
        }
        let stat = std::fs::read_to_string(path.join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

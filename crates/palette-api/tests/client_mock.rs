//! The client against small in-process servers: headers and scope, retries and their limits,
//! idempotent creates after ambiguous failures, paging, deletes, kubeconfigs, project
//! resolution, and logs that never show a secret.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use palette_api::models::ClusterProfileEntity;
use palette_api::{Client, ClientConfig, Error, KubeconfigKind, RetryPolicy, Scope};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the mock saw and what it holds.
#[derive(Default)]
struct Mock {
    calls: Mutex<Vec<(String, HeaderMap, String)>>,
    counter: AtomicUsize,
    profiles: Mutex<Vec<(String, String, String)>>,
    /// Lookups that still return nothing, as a lagging index would.
    stale_lookups: AtomicUsize,
}

type Shared = Arc<Mock>;

fn record(mock: &Mock, what: &str, headers: &HeaderMap, body: &[u8]) -> usize {
    mock.calls.lock().unwrap().push((
        what.to_owned(),
        headers.clone(),
        String::from_utf8_lossy(body).into_owned(),
    ));
    mock.counter.fetch_add(1, Ordering::SeqCst)
}

async fn serve(router: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        axum::serve(listener, router).await.expect("serve");
    });
    format!("http://{addr}")
}

fn client(base: &str) -> Client {
    let mut cfg = ClientConfig::new(base, "test-key-123");
    cfg.retry = RetryPolicy {
        max_retries: 3,
        max_throttled: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(40),
    };
    cfg.rate_limits = None;
    cfg.timeout = Duration::from_secs(5);
    Client::new(cfg).expect("client builds")
}

fn profile_entity(name: &str, version: &str) -> ClusterProfileEntity {
    serde_json::from_value(json!({
        "metadata": {"name": name},
        "spec": {"version": version, "template": {"type": "cluster", "cloudType": "aws", "packs": []}}
    }))
    .expect("valid entity")
}

#[tokio::test]
async fn sends_the_key_and_the_scope_header() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/clusterprofiles/{uid}",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                record(&m, "get", &headers, b"");
                Json(json!({"metadata": {"name": "p", "uid": "u1"}}))
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    let got = c
        .get_cluster_profile(&Scope::Project("proj-1".into()), "u1")
        .await
        .expect("get works");
    assert_eq!(got.metadata.and_then(|m| m.name).as_deref(), Some("p"));
    c.get_cluster_profile(&Scope::Tenant, "u1")
        .await
        .expect("get works");
    let calls = mock.calls.lock().unwrap();
    assert_eq!(calls[0].1.get("apikey").unwrap(), "test-key-123");
    assert_eq!(calls[0].1.get("projectuid").unwrap(), "proj-1");
    assert_eq!(calls[1].1.get("apikey").unwrap(), "test-key-123");
    assert!(
        calls[1].1.get("projectuid").is_none(),
        "tenant scope sends no ProjectUid"
    );
}

#[tokio::test]
async fn idempotent_calls_retry_5xx_and_posts_do_not() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/spectroclusters/{uid}",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                let n = record(&m, "get", &headers, b"");
                if n < 2 {
                    (StatusCode::SERVICE_UNAVAILABLE, "busy").into_response()
                } else {
                    Json(json!({"metadata": {"uid": "c1"}, "status": {"state": "Running"}}))
                        .into_response()
                }
            }),
        )
        .route(
            "/v1/clusterprofiles",
            post(
                |State(m): State<Shared>, headers: HeaderMap, body: Bytes| async move {
                    record(&m, "post", &headers, &body);
                    (
                        StatusCode::BAD_GATEWAY,
                        Json(json!({"code": "Gateway", "message": "upstream"})),
                    )
                },
            ),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    let cluster = c
        .get_cluster(&Scope::Tenant, "c1")
        .await
        .expect("third attempt succeeds");
    assert_eq!(
        cluster.status.and_then(|s| s.state).as_deref(),
        Some("Running")
    );
    assert_eq!(mock.counter.load(Ordering::SeqCst), 3);

    mock.counter.store(0, Ordering::SeqCst);
    let err = c
        .create_cluster_profile(&Scope::Tenant, &profile_entity("p", "1.0.0"), false)
        .await
        .expect_err("a plain create is not retried on 502");
    assert!(matches!(err, Error::Api { status: 502, .. }), "{err:?}");
    assert_eq!(mock.counter.load(Ordering::SeqCst), 1, "exactly one POST");
}

#[tokio::test]
async fn rate_limited_posts_are_retried_until_the_count_runs_out() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/clusterprofiles",
            post(
                |State(m): State<Shared>, headers: HeaderMap, body: Bytes| async move {
                    let n = record(&m, "post", &headers, &body);
                    if n == 0 {
                        (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response()
                    } else {
                        (StatusCode::CREATED, Json(json!({"uid": "new-uid"}))).into_response()
                    }
                },
            ),
        )
        .route(
            "/v1/packs",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                record(&m, "packs", &headers, b"");
                (StatusCode::TOO_MANY_REQUESTS, "slow down")
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    let uid = c
        .create_cluster_profile(&Scope::Tenant, &profile_entity("p", "1.0.0"), true)
        .await
        .expect("429 then 201");
    assert_eq!(uid, "new-uid");
    assert_eq!(mock.counter.load(Ordering::SeqCst), 2);
    {
        let calls = mock.calls.lock().unwrap();
        assert_eq!(calls[0].0, "post");
        assert!(calls[0].2.contains("\"name\":\"p\""), "the body was sent");
    }

    mock.counter.store(0, Ordering::SeqCst);
    let err = c
        .list_packs(&Scope::Tenant, &Default::default())
        .await
        .expect_err("always throttled");
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
    assert_eq!(
        mock.counter.load(Ordering::SeqCst),
        4,
        "one attempt plus three retries"
    );
}

/// `GET /v1/spectroclusters/c1` with a 300 ms deadline, `retries` of each kind and a steady
/// `backoff`: the error it ends with, and how long that took.
async fn get_cluster_before_deadline(
    base: &str,
    retries: u32,
    backoff: Duration,
) -> (Error, Duration) {
    let mut cfg = ClientConfig::new(base, "k");
    cfg.rate_limits = None;
    cfg.retry = RetryPolicy {
        max_retries: retries,
        max_throttled: retries,
        initial_backoff: backoff,
        max_backoff: backoff,
    };
    let c = Client::new(cfg).expect("client builds");
    let started = std::time::Instant::now();
    let err = c
        .with_timeout(Duration::from_millis(300))
        .get_cluster(&Scope::Tenant, "c1")
        .await
        .expect_err("the server never answers with success in time");
    (err, started.elapsed())
}

#[tokio::test]
async fn the_deadline_bounds_retries() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/spectroclusters/{uid}",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                record(&m, "get", &headers, b"");
                (StatusCode::SERVICE_UNAVAILABLE, "busy")
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let (err, took) = get_cluster_before_deadline(&base, 50, Duration::from_millis(100)).await;
    assert!(matches!(err, Error::Api { status: 503, .. }), "{err:?}");
    // Without the deadline the 50 retries would take 5 s; the margin absorbs a loaded machine.
    assert!(took < Duration::from_millis(1500), "{took:?}");
    let attempts = mock.counter.load(Ordering::SeqCst);
    assert!((2..=7).contains(&attempts), "attempts {attempts}");
}

/// CI once saw the deadline fall while a retry was in flight on a loaded machine: the call
/// then said only "timed out". The failure that caused the retry is what the user needs.
#[tokio::test]
async fn a_deadline_that_cuts_a_retry_reports_the_failure_before_it() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/spectroclusters/{uid}",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                if record(&m, "get", &headers, b"") == 0 {
                    return (StatusCode::SERVICE_UNAVAILABLE, "busy");
                }
                // Every retry outlasts the caller's deadline.
                tokio::time::sleep(Duration::from_secs(5)).await;
                (StatusCode::OK, "{}")
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let (err, took) = get_cluster_before_deadline(&base, 5, Duration::from_millis(20)).await;
    assert!(matches!(err, Error::Api { status: 503, .. }), "{err:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(
        mock.counter.load(Ordering::SeqCst),
        2,
        "one retry, cut short"
    );
}

#[tokio::test]
async fn the_deadline_bounds_rate_limit_waits() {
    let router = Router::new().route(
        "/v1/packs/{uid}",
        get(|| async { Json(json!({"name": "kubernetes"})) }),
    );
    let base = serve(router).await;
    let mut cfg = ClientConfig::new(base.as_str(), "k");
    cfg.rate_limits = Some(palette_api::RateLimits {
        default_per_sec: 1.0,
        heavy_per_sec: 1.0,
        burst: 1,
    });
    let c = Client::new(cfg).expect("client builds");
    c.get_pack(&Scope::Tenant, "p1")
        .await
        .expect("the burst allows one");
    let started = std::time::Instant::now();
    let err = c
        .with_timeout(Duration::from_millis(150))
        .get_pack(&Scope::Tenant, "p1")
        .await
        .expect_err("the next token is a second away");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    // Without the deadline the call would wait 1 s for the token.
    assert!(
        started.elapsed() < Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn each_attempt_keeps_its_own_time_limit_under_a_long_deadline() {
    let router = Router::new().route(
        "/v1/packs/{uid}",
        get(|| async {
            tokio::time::sleep(Duration::from_secs(5)).await;
            Json(json!({}))
        }),
    );
    let base = serve(router).await;
    let mut cfg = ClientConfig::new(base.as_str(), "k");
    cfg.rate_limits = None;
    cfg.retry = RetryPolicy::none();
    cfg.timeout = Duration::from_millis(200);
    let c = Client::new(cfg).expect("client builds");
    let started = std::time::Instant::now();
    let err = c
        .with_timeout(Duration::from_secs(60))
        .get_pack(&Scope::Tenant, "p1")
        .await
        .expect_err("the server is too slow");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

/// A server that throttles and fails in turn: 429s do not use up the budget for failures, so
/// a GET that meets three 429s and three 503s with three retries for each still succeeds, and
/// one that meets a fourth 503 stops there.
#[tokio::test]
async fn throttling_does_not_spend_the_failure_budget() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/packs/{uid}",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                let n = record(&m, "get", &headers, b"");
                match n {
                    0 | 2 | 4 => (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response(),
                    1 | 3 | 5 => (StatusCode::SERVICE_UNAVAILABLE, "busy").into_response(),
                    _ => Json(json!({"name": "kubernetes"})).into_response(),
                }
            }),
        )
        .route(
            "/v1/spectroclusters/{uid}",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                let n = record(&m, "cluster", &headers, b"");
                if n % 2 == 1 {
                    (StatusCode::TOO_MANY_REQUESTS, "slow down")
                } else {
                    (StatusCode::SERVICE_UNAVAILABLE, "busy")
                }
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    let pack = c
        .get_pack(&Scope::Tenant, "p1")
        .await
        .expect("three 429s and three 503s fit three retries of each");
    assert_eq!(pack.name.as_deref(), Some("kubernetes"));
    assert_eq!(mock.counter.load(Ordering::SeqCst), 7);

    mock.counter.store(0, Ordering::SeqCst);
    let err = c
        .get_cluster(&Scope::Tenant, "c1")
        .await
        .expect_err("a fourth 503 is one failure too many");
    assert!(matches!(err, Error::Api { status: 503, .. }), "{err:?}");
    assert_eq!(
        mock.counter.load(Ordering::SeqCst),
        7,
        "503, 429, 503, 429, 503, 429, 503"
    );
}

#[tokio::test]
async fn a_retry_after_header_lengthens_the_wait() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/packs/{uid}",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                if record(&m, "get", &headers, b"") == 0 {
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        [("retry-after", "1")],
                        "later",
                    )
                        .into_response()
                } else {
                    Json(json!({"name": "kubernetes"})).into_response()
                }
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    let started = std::time::Instant::now();
    let pack = c
        .get_pack(&Scope::Tenant, "p1")
        .await
        .expect("second attempt works");
    assert_eq!(pack.name.as_deref(), Some("kubernetes"));
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(950), "waited only {took:?}");
    assert!(took < Duration::from_secs(3), "waited {took:?}");
}

/// Profile routes that commit a create and then fail the response on the first POST.
fn committing_profile_router(mock: Shared) -> Router {
    Router::new()
        .route(
            "/v1/clusterprofiles",
            post(|State(m): State<Shared>, headers: HeaderMap, body: Bytes| async move {
                let n = record(&m, "post", &headers, &body);
                let v: Value = serde_json::from_slice(&body).unwrap();
                let name = v["metadata"]["name"].as_str().unwrap().to_owned();
                let version = v["spec"]["version"].as_str().unwrap().to_owned();
                let mut profiles = m.profiles.lock().unwrap();
                if profiles.iter().any(|(n2, v2, _)| *n2 == name && *v2 == version) {
                    return (
                        StatusCode::CONFLICT,
                        Json(json!({"code": "ClusterProfileAlreadyExists", "message": "dup"})),
                    )
                        .into_response();
                }
                let uid = format!("uid-{n}");
                profiles.push((name, version, uid.clone()));
                if n == 0 {
                    // Committed, but the caller sees a gateway timeout.
                    (StatusCode::GATEWAY_TIMEOUT, "upstream timed out").into_response()
                } else {
                    (StatusCode::CREATED, Json(json!({"uid": uid}))).into_response()
                }
            }),
        )
        .route(
            "/v1/dashboard/clusterprofiles/metadata",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                record(&m, "lookup", &headers, b"");
                if m.stale_lookups.load(Ordering::SeqCst) > 0 {
                    m.stale_lookups.fetch_sub(1, Ordering::SeqCst);
                    return Json(json!({"items": []}));
                }
                let items: Vec<Value> = m
                    .profiles
                    .lock()
                    .unwrap()
                    .iter()
                    .map(|(n, v, u)| json!({"metadata": {"name": n, "uid": u}, "spec": {"version": v, "cloudType": "aws"}}))
                    .collect();
                Json(json!({"items": items}))
            }),
        )
        .with_state(mock)
}

#[tokio::test]
async fn idempotent_create_finds_the_object_after_an_ambiguous_failure() {
    let mock: Shared = Arc::default();
    let base = serve(committing_profile_router(mock.clone())).await;
    let c = client(&base);
    let uid = c
        .create_cluster_profile_idempotent(&Scope::Tenant, &profile_entity("base", "1.0.0"), false)
        .await
        .expect("create succeeds");
    assert_eq!(uid, "uid-0", "the object the first POST committed");
    assert_eq!(mock.profiles.lock().unwrap().len(), 1, "no duplicate");
    let kinds: Vec<String> = mock
        .calls
        .lock()
        .unwrap()
        .iter()
        .map(|c| c.0.clone())
        .collect();
    assert_eq!(kinds, vec!["post", "lookup"]);
}

#[tokio::test]
async fn idempotent_create_survives_a_lagging_lookup() {
    let mock: Shared = Arc::default();
    mock.stale_lookups.store(1, Ordering::SeqCst);
    let base = serve(committing_profile_router(mock.clone())).await;
    let c = client(&base);
    let uid = c
        .create_cluster_profile_idempotent(&Scope::Tenant, &profile_entity("base", "1.0.0"), false)
        .await
        .expect("create succeeds");
    assert_eq!(uid, "uid-0");
    assert_eq!(mock.profiles.lock().unwrap().len(), 1, "no duplicate");
    let kinds: Vec<String> = mock
        .calls
        .lock()
        .unwrap()
        .iter()
        .map(|c| c.0.clone())
        .collect();
    // Gateway timeout, lookup misses, the second POST hits the duplicate check, lookup finds it.
    assert_eq!(kinds, vec!["post", "lookup", "post", "lookup"]);
}

/// A raw server that stores each request it reads and then drops the connection without
/// answering, the way a reset after commit looks to a client.
async fn resetting_server(seen: Arc<AtomicUsize>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let (mut sock, _) = listener.accept().await.expect("accept");
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 * 1024];
                let _ = sock.read(&mut buf).await;
                seen.fetch_add(1, Ordering::SeqCst);
                let _ = sock.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn connection_resets_after_sending_are_ambiguous() {
    let seen = Arc::new(AtomicUsize::new(0));
    let base = resetting_server(seen.clone()).await;
    let c = client(&base);
    // A plain POST is not repeated after a reset: it may have committed.
    let err = c
        .create_cluster_profile(&Scope::Tenant, &profile_entity("p", "1.0.0"), false)
        .await
        .expect_err("no response");
    match &err {
        Error::Transport(t) => assert!(t.request_sent, "{err:?}"),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(seen.load(Ordering::SeqCst), 1);
    // A GET is retried.
    seen.store(0, Ordering::SeqCst);
    let err = c
        .get_cluster(&Scope::Tenant, "c")
        .await
        .expect_err("no response");
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(seen.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn connection_refused_is_retried_even_for_posts() {
    // Bind and drop to get a port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let c = client(&format!("http://127.0.0.1:{port}"));
    let err = c
        .create_cluster_profile(&Scope::Tenant, &profile_entity("p", "1.0.0"), false)
        .await
        .expect_err("nothing listens");
    match err {
        Error::Transport(t) => assert!(!t.request_sent),
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn lists_follow_continue_tokens() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/packs",
            get(
                |State(m): State<Shared>, headers: HeaderMap, Query(q): Query<HashMap<String, String>>| async move {
                    record(&m, &serde_json::to_string(&q).unwrap(), &headers, b"");
                    let page = match q.get("continue").map(String::as_str) {
                        None => 0,
                        Some("t1") => 1,
                        Some("t2") => 2,
                        Some(other) => panic!("unexpected token {other}"),
                    };
                    let next = ["t1", "t2", ""][page];
                    let items: Vec<Value> = (0..2)
                        .map(|i| json!({"metadata": {"uid": format!("p{page}-{i}")}}))
                        .collect();
                    Json(json!({"items": items, "listmeta": {"continue": next, "count": 6, "limit": 2, "offset": (page + 1) * 2}}))
                },
            ),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    let packs = c
        .list_packs(
            &Scope::Tenant,
            &palette_api::endpoints::PackListQuery {
                filters: Some("spec.name=kubernetes".into()),
                ..Default::default()
            },
        )
        .await
        .expect("lists");
    let uids: Vec<String> = packs
        .into_iter()
        .filter_map(|p| p.metadata.and_then(|m| m.uid))
        .collect();
    assert_eq!(uids, vec!["p0-0", "p0-1", "p1-0", "p1-1", "p2-0", "p2-1"]);
    let calls = mock.calls.lock().unwrap();
    assert_eq!(calls.len(), 3);
    let second: HashMap<String, String> = serde_json::from_str(&calls[1].0).unwrap();
    assert_eq!(second.get("limit").map(String::as_str), Some("50"));
    assert_eq!(second.get("continue").map(String::as_str), Some("t1"));
    assert_eq!(second.get("offset").map(String::as_str), Some("2"));
    assert_eq!(
        second.get("filters").map(String::as_str),
        Some("spec.name=kubernetes")
    );
}

#[tokio::test]
async fn a_retried_delete_that_finds_nothing_succeeded() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/spectroclusters/{uid}",
            axum::routing::delete(|State(m): State<Shared>, headers: HeaderMap| async move {
                let n = record(&m, "delete", &headers, b"");
                if n == 0 {
                    (StatusCode::BAD_GATEWAY, "upstream").into_response()
                } else {
                    (
                        StatusCode::NOT_FOUND,
                        Json(json!({"code": "ResourceNotFound", "message": "gone"})),
                    )
                        .into_response()
                }
            }),
        )
        .route(
            "/v1/clusterprofiles/{uid}",
            axum::routing::delete(|State(m): State<Shared>, headers: HeaderMap| async move {
                record(&m, "delete-profile", &headers, b"");
                (
                    StatusCode::NOT_FOUND,
                    Json(json!({"code": "ResourceNotFound", "message": "gone"})),
                )
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    c.delete_cluster(&Scope::Tenant, "c1", true)
        .await
        .expect("deleted on the first try");
    let err = c
        .delete_cluster_profile(&Scope::Tenant, "p1")
        .await
        .expect_err("a first-attempt 404 is reported");
    assert!(err.is_not_found());
    let calls = mock.calls.lock().unwrap();
    assert_eq!(calls.len(), 3);
}

#[tokio::test]
async fn kubeconfigs_decode_and_missing_ones_are_none() {
    let yaml = "apiVersion: v1\nkind: Config\n";
    let router = Router::new().route(
        "/v1/spectroclusters/{uid}/assets/{kind}",
        get(
            move |Path((uid, kind)): Path<(String, String)>| async move {
                use base64::Engine as _;
                match (uid.as_str(), kind.as_str()) {
                    ("ready", "kubeconfigclient") => yaml.to_owned().into_response(),
                    ("ready", "adminKubeconfig") => base64::engine::general_purpose::STANDARD
                        .encode(yaml)
                        .into_response(),
                    _ => (StatusCode::NOT_FOUND, "no kubeconfig yet").into_response(),
                }
            },
        ),
    );
    let base = serve(router).await;
    let c = client(&base);
    let s = Scope::Tenant;
    assert_eq!(
        c.get_kubeconfig(&s, "ready", KubeconfigKind::Client)
            .await
            .unwrap()
            .as_deref(),
        Some(yaml)
    );
    assert_eq!(
        c.get_kubeconfig(&s, "ready", KubeconfigKind::Admin)
            .await
            .unwrap()
            .as_deref(),
        Some(yaml)
    );
    assert_eq!(
        c.get_kubeconfig(&s, "pending", KubeconfigKind::Client)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn projects_resolve_once_per_client() {
    let mock: Shared = Arc::default();
    let router = Router::new()
        .route(
            "/v1/dashboard/projects/metadata",
            get(|State(m): State<Shared>, headers: HeaderMap| async move {
                record(&m, "projects", &headers, b"");
                Json(json!({"items": [
                    {"metadata": {"name": "Default", "uid": "p-default"}},
                    {"metadata": {"name": "Team-B", "uid": "p-team-b"}}
                ]}))
            }),
        )
        .with_state(mock.clone());
    let base = serve(router).await;
    let c = client(&base);
    let clone = c.clone();
    assert_eq!(c.resolve_project("Default").await.unwrap(), "p-default");
    assert_eq!(
        clone.project_scope("Team-B").await.unwrap(),
        Scope::Project("p-team-b".into())
    );
    assert_eq!(c.resolve_project("p-team-b").await.unwrap(), "p-team-b");
    let err = c
        .resolve_project("Nope")
        .await
        .expect_err("unknown project");
    assert!(err.is_not_found());
    assert!(err.to_string().contains("Team-B"), "{err}");
    assert_eq!(mock.counter.load(Ordering::SeqCst), 1, "fetched once");
    assert!(mock.calls.lock().unwrap()[0].1.get("projectuid").is_none());
}

/// Compiles only if the value is `Send` (servers such as tonic need `Send` futures).
fn assert_send<T: Send>(_: &T) {}

#[test]
fn the_client_and_its_futures_can_cross_threads() {
    fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
    assert_send_sync::<Client>();
    let c = client("http://127.0.0.1:9");
    let s = Scope::Tenant;
    let entity = profile_entity("p", "1.0.0");
    assert_send(&c.get_cluster(&s, "u"));
    assert_send(&c.create_cluster_profile_idempotent(&s, &entity, true));
    assert_send(
        &c.create_cluster_idempotent(&s, &palette_api::ClusterCreate::Aws(Default::default())),
    );
    assert_send(&c.list_packs(&s, &Default::default()));
    assert_send(&c.resolve_project("Default"));
    assert_send(&c.get_kubeconfig(&s, "u", KubeconfigKind::Admin));
}

//! The client's failure handling against the running emulator: paging across pages, 429 and
//! 5xx retried, a slow server turned into a timeout, a bad key into `Unauthorized`, an unknown
//! uid into `NotFound`, and a key limited to one project kept out of another.

use std::time::{Duration, Instant};

use palette_api::endpoints::PackListQuery;
use palette_api::{Client, ClientConfig, Error, RetryPolicy, Scope};
use palette_emulator::config::ApiKeySpec;
use palette_emulator::{Config, Handle};
use serde_json::json;

/// A client of `handle` with `key`, retrying quickly.
fn client(handle: &Handle, key: &str, timeout: Duration) -> Client {
    let mut cfg = ClientConfig::new(handle.base_url(), key);
    cfg.timeout = timeout;
    cfg.retry = RetryPolicy {
        max_retries: 6,
        max_throttled: 6,
        initial_backoff: Duration::from_millis(5),
        max_backoff: Duration::from_millis(40),
    };
    cfg.rate_limits = None;
    Client::new(cfg).expect("client builds")
}

async fn start() -> Handle {
    let mut config = Config::for_tests();
    config.api_keys.push(ApiKeySpec {
        key: "team-b-key".to_owned(),
        project: Some("Team-B".to_owned()),
    });
    palette_emulator::start(config)
        .await
        .expect("emulator starts")
}

async fn faults(handle: &Handle, faults: serde_json::Value) {
    let reply = reqwest::Client::new()
        .put(format!("{}/__emulator/faults", handle.base_url()))
        .header("ApiKey", handle.api_key())
        .json(&faults)
        .send()
        .await
        .expect("the faults endpoint answers");
    assert!(reply.status().is_success(), "{}", reply.status());
}

async fn stats(handle: &Handle) -> serde_json::Value {
    reqwest::Client::new()
        .get(format!("{}/__emulator/stats", handle.base_url()))
        .header("ApiKey", handle.api_key())
        .send()
        .await
        .expect("stats")
        .json()
        .await
        .expect("stats json")
}

#[tokio::test]
async fn lists_are_paged_to_the_end() {
    let handle = start().await;
    let c = client(&handle, handle.api_key(), Duration::from_secs(10));
    let scope = c.project_scope("Default").await.expect("Default project");
    let packs = c
        .list_packs(&scope, &PackListQuery::default())
        .await
        .expect("listing packs");
    // The seed holds more packs than one page (50) can carry: every one must arrive, once.
    assert!(
        packs.len() > 50,
        "only {} packs: paging stopped early",
        packs.len()
    );
    let mut uids: Vec<_> = packs
        .iter()
        .filter_map(|p| p.metadata.as_ref().and_then(|m| m.uid.clone()))
        .collect();
    let total = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), total, "a page was fetched twice");
    let pages = stats(&handle).await["requests_by_route"]["GET /v1/packs"]
        .as_u64()
        .unwrap_or_default();
    assert!(pages >= 2, "expected at least two pages, stats say {pages}");
    handle.shutdown().await;
}

#[tokio::test]
async fn throttling_and_server_errors_are_retried() {
    let handle = start().await;
    let c = client(&handle, handle.api_key(), Duration::from_secs(10));
    let scope = c.project_scope("Default").await.expect("Default project");
    faults(&handle, json!({"throttle_next": 2, "error_next": 2})).await;
    let registries = c
        .list_registries_metadata(&scope)
        .await
        .expect("retried until the faults ran out");
    assert!(!registries.is_empty());
    let injected = stats(&handle).await["faults_injected_total"]
        .as_u64()
        .unwrap_or_default();
    assert!(
        injected >= 4,
        "the faults were not all injected: {injected}"
    );
    handle.shutdown().await;
}

#[tokio::test]
async fn a_slow_server_times_out_within_the_deadline() {
    let handle = start().await;
    let c = client(&handle, handle.api_key(), Duration::from_millis(200));
    let scope = c.project_scope("Default").await.expect("Default project");
    faults(&handle, json!({"latency_ms": 1500})).await;
    let started = Instant::now();
    let err = c
        .with_timeout(Duration::from_secs(1))
        .list_registries_metadata(&scope)
        .await
        .expect_err("every attempt is slower than the timeout");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the caller's one-second deadline was not honoured: {:?}",
        started.elapsed()
    );
    faults(&handle, json!({})).await;
    handle.shutdown().await;
}

#[tokio::test]
async fn a_wrong_key_is_unauthorized_and_a_missing_object_is_not_found() {
    let handle = start().await;
    let bad = client(&handle, "not-a-key", Duration::from_secs(10));
    let err = bad
        .list_registries_metadata(&Scope::Tenant)
        .await
        .expect_err("the key is wrong");
    assert!(matches!(err, Error::Unauthorized { .. }), "{err:?}");

    let c = client(&handle, handle.api_key(), Duration::from_secs(10));
    let scope = c.project_scope("Default").await.expect("Default project");
    let err = c
        .get_cluster(&scope, "0123456789abcdef01234567")
        .await
        .expect_err("no such cluster");
    assert!(err.is_not_found(), "{err:?}");
    let err = c
        .get_cluster_profile(&scope, "0123456789abcdef01234567")
        .await
        .expect_err("no such profile");
    assert!(err.is_not_found(), "{err:?}");
    handle.shutdown().await;
}

#[tokio::test]
async fn a_key_limited_to_one_project_cannot_reach_another() {
    let handle = start().await;
    let admin = client(&handle, handle.api_key(), Duration::from_secs(10));
    let default = admin
        .project_scope("Default")
        .await
        .expect("Default project");
    let accounts = admin
        .list_cloud_account_summaries(&default, None)
        .await
        .expect("Default's accounts");
    let account = accounts
        .iter()
        .find_map(|a| a.metadata.as_ref().and_then(|m| m.uid.clone()))
        .expect("a seeded account in Default");

    let team_b = client(&handle, "team-b-key", Duration::from_secs(10));
    let err = team_b
        .resolve_project("Default")
        .await
        .expect_err("Team-B's key does not see Default");
    assert!(err.is_not_found(), "{err:?}");
    let err = team_b
        .list_cloud_account_summaries(&default, None)
        .await
        .expect_err("Team-B's key may not act in Default");
    assert!(
        matches!(err, Error::Forbidden { .. }) || err.is_not_found(),
        "{err:?}"
    );
    let own = team_b
        .project_scope("Team-B")
        .await
        .expect("Team-B's own project");
    let err = team_b
        .get_cloud_account::<palette_api::models::AwsAccount>(&own, &account)
        .await
        .expect_err("Default's account is not Team-B's");
    assert!(err.is_not_found(), "{err:?}");
    handle.shutdown().await;
}

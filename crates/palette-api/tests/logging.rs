//! The client's logs: every request is traced with method, path and status, and neither the
//! API key nor any credential in a request body ever appears. One test per process, because
//! it installs the global subscriber.

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use palette_api::models::{AwsAccount, AwsCloudAccount, ObjectMeta};
use palette_api::{Client, ClientConfig, Scope};
use serde_json::{Value, json};
use tokio::net::TcpListener;

/// A writer that appends to a shared buffer, for capturing logs.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_show_requests_but_never_secrets() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // A global subscriber: thread-local ones race with callsite interest caching.
    tracing::subscriber::set_global_default(subscriber).expect("first subscriber");

    let router = Router::new().route(
        "/v1/cloudaccounts/aws",
        post(|body: Bytes| async move {
            let v: Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(v["spec"]["secretKey"], "s3cr3t-value", "the secret is sent");
            (StatusCode::CREATED, Json(json!({"uid": "acc-1"})))
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
    let mut cfg = ClientConfig::new(format!("http://{addr}"), "test-key-123");
    cfg.rate_limits = None;
    let c = Client::new(cfg).expect("client builds");
    let account = AwsAccount {
        metadata: Some(ObjectMeta {
            name: Some("aws-dev".into()),
            ..Default::default()
        }),
        spec: Some(AwsCloudAccount {
            access_key: Some("AKIA-ACCESS".into()),
            secret_key: Some("s3cr3t-value".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let uid = c
        .create_cloud_account::<AwsAccount>(&Scope::Project("p1".into()), &account)
        .await
        .expect("created");
    assert_eq!(uid, "acc-1");
    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("palette api request"), "{logs}");
    assert!(logs.contains("/v1/cloudaccounts/aws"), "{logs}");
    assert!(logs.contains("status=201"), "{logs}");
    for secret in ["test-key-123", "s3cr3t-value", "AKIA-ACCESS"] {
        assert!(!logs.contains(secret), "{secret} leaked into logs:\n{logs}");
    }
}

//! Shared helpers for the emulator's integration tests: start an emulator in-process and talk
//! to it over HTTP.
#![allow(dead_code, unreachable_pub)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use palette_emulator::{Config, Handle};
use reqwest::Method;
use serde_json::{Value, json};

/// A running emulator and a client for it.
pub struct Emu {
    pub handle: Handle,
    pub http: reqwest::Client,
    pub key: String,
    pub project: Option<String>,
}

/// A reply: status and JSON body (`Value::Null` when empty or not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub text: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Emu {
    /// Starts an emulator with the test defaults (memory, fast, no rate limits).
    pub async fn start() -> Emu {
        Self::with(Config::for_tests()).await
    }

    /// Starts an emulator with `config`.
    pub async fn with(config: Config) -> Emu {
        let handle = palette_emulator::start(config)
            .await
            .expect("emulator starts");
        let key = handle.api_key().to_owned();
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(16)
            .build()
            .expect("client");
        let mut emu = Emu {
            handle,
            http,
            key,
            project: None,
        };
        let projects = emu.get("/v1/dashboard/projects/metadata").await;
        emu.project = projects.body["items"]
            .as_array()
            .and_then(|items| items.iter().find(|p| p["metadata"]["name"] == "Default"))
            .and_then(|p| p["metadata"]["uid"].as_str().map(str::to_owned));
        emu
    }

    /// The uid of the project called `name`.
    pub async fn project_uid(&self, name: &str) -> String {
        let projects = self.get("/v1/dashboard/projects/metadata").await;
        projects.body["items"]
            .as_array()
            .and_then(|items| items.iter().find(|p| p["metadata"]["name"] == name))
            .and_then(|p| p["metadata"]["uid"].as_str().map(str::to_owned))
            .expect("project exists")
    }

    /// Sends a request in the Default project scope with the test key.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        self.call_as(method, path, body, Some(&self.key), self.project.as_deref())
            .await
    }

    /// Sends a request with an explicit key and project.
    pub async fn call_as(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        key: Option<&str>,
        project: Option<&str>,
    ) -> Reply {
        let url = format!("{}{}", self.handle.base_url(), path);
        let mut req = self.http.request(method, url);
        if let Some(key) = key {
            req = req.header("ApiKey", key);
        }
        if let Some(project) = project {
            req = req.header("ProjectUid", project);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("request succeeds");
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            body,
            text,
            headers,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.call(Method::DELETE, path, None).await
    }

    /// The uid of pack `name` at `tag` in Public Repo.
    pub async fn pack_uid(&self, name: &str, tag: &str) -> String {
        let reply = self
            .get(&format!(
                "/v1/packs?filters=spec.name={name}ANDspec.version={tag}"
            ))
            .await;
        reply.body["items"]
            .as_array()
            .and_then(|items| items.first())
            .and_then(|p| p["metadata"]["uid"].as_str().map(str::to_owned))
            .unwrap_or_else(|| panic!("pack {name}:{tag} exists: {}", reply.text))
    }

    /// The uid of the seeded cloud account `name` of `cloud`.
    pub async fn account_uid(&self, cloud: &str, name: &str) -> String {
        let reply = self.get(&format!("/v1/cloudaccounts/{cloud}")).await;
        reply.body["items"]
            .as_array()
            .and_then(|items| items.iter().find(|a| a["metadata"]["name"] == name))
            .and_then(|a| a["metadata"]["uid"].as_str().map(str::to_owned))
            .unwrap_or_else(|| panic!("account {name} exists: {}", reply.text))
    }

    /// Creates and publishes an AWS infra profile (os, k8s, cni, csi) and returns its uid.
    pub async fn aws_infra_profile(&self, name: &str) -> String {
        let body = json!({
            "metadata": {"name": name, "labels": {"team": "platform"}},
            "spec": {"version": "1.0.0", "template": {"type": "infra", "cloudType": "aws", "packs": [
                {"name": "ubuntu-aws", "tag": "22.04", "type": "spectro"},
                {"name": "kubernetes", "tag": "1.32.10", "type": "spectro", "values": "cluster:\n  name: {{.spectro.var.domain}}\n"},
                {"name": "cni-calico", "tag": "3.29.3", "type": "spectro"},
                {"name": "csi-aws-ebs", "tag": "1.41.0", "type": "spectro"},
            ]}, "variables": [{"name": "domain", "defaultValue": "example.com"}]},
        });
        let reply = self.post("/v1/clusterprofiles?publish=true", body).await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        reply.body["uid"].as_str().expect("uid").to_owned()
    }

    /// Creates and publishes an add-on profile with one manifest pack.
    pub async fn addon_profile(&self, name: &str, content: &str) -> String {
        let body = json!({
            "metadata": {"name": name},
            "spec": {"version": "1.0.0", "template": {"type": "add-on", "cloudType": "all", "packs": [
                {"name": "hello", "type": "manifest", "layer": "addon", "manifests": [{"name": "hello", "content": content}]},
            ]}},
        });
        let reply = self.post("/v1/clusterprofiles?publish=true", body).await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        reply.body["uid"].as_str().expect("uid").to_owned()
    }

    /// Creates an AWS cluster on `profiles` with a control plane and `workers` workers.
    pub async fn aws_cluster(&self, name: &str, profiles: &[&str], workers: u32) -> Reply {
        let account = self.account_uid("aws", "aws-dev").await;
        let body = json!({
            "metadata": {"name": name, "labels": {"env": "test"}},
            "spec": {
                "cloudAccountUid": account,
                "profiles": profiles.iter().map(|p| json!({"uid": p})).collect::<Vec<_>>(),
                "cloudConfig": {"region": "us-east-1", "sshKeyName": "ops"},
                "machinepoolconfig": [
                    {"cloudConfig": {"instanceType": "m5.large", "azs": ["us-east-1a"]},
                     "poolConfig": {"name": "cp", "size": 1, "labels": ["control-plane"], "isControlPlane": true}},
                    {"cloudConfig": {"instanceType": "m5.xlarge", "azs": ["us-east-1a"]},
                     "poolConfig": {"name": "workers", "size": workers, "labels": ["worker"]}},
                ],
            },
        });
        self.post("/v1/spectroclusters/aws", body).await
    }

    /// Polls until `check` holds for the cluster GET body, or panics after `timeout`.
    pub async fn wait_cluster(
        &self,
        uid: &str,
        timeout: Duration,
        mut check: impl FnMut(&Reply) -> bool,
    ) -> Reply {
        let deadline = Instant::now() + timeout;
        loop {
            let reply = self.get(&format!("/v1/spectroclusters/{uid}")).await;
            if check(&reply) {
                return reply;
            }
            assert!(
                Instant::now() < deadline,
                "cluster {uid} did not get there in time: {}",
                reply.text
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Deletes a cluster (a plain delete, as Palette wants first) and waits until it is gone.
    pub async fn delete_cluster(&self, uid: &str) {
        let reply = self.delete(&format!("/v1/spectroclusters/{uid}")).await;
        assert_eq!(reply.status, 204, "{}", reply.text);
        for _ in 0..200 {
            let read = self.get(&format!("/v1/spectroclusters/{uid}")).await;
            if read.status == 404 || read.body["status"]["state"] == "Deleted" {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("cluster {uid} was not deleted within 5 s");
    }

    pub async fn stop(self) {
        self.handle.shutdown().await;
    }
}

/// A fresh temporary file path for a database.
pub fn temp_db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "palette-emulator-{name}-{}-{}",
        std::process::id(),
        palette_emulator::ids::new_uid()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join("state.db")
}

/// The condition type of each pack in a cluster body, in order.
pub fn pack_conditions(cluster: &Value) -> Vec<(String, String)> {
    cluster["status"]["packs"]
        .as_array()
        .map(|packs| {
            packs
                .iter()
                .map(|p| {
                    (
                        p["name"].as_str().unwrap_or("").to_owned(),
                        p["condition"]["type"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

//! Cloud configs and machine pools, per cloud type: `/v1/cloudconfigs/{cloudType}/{configUid}`
//! (`/v1/cloudconfigs/cloudTypes/{name}/{configUid}` for custom clouds).
//!
//! The models differ per environment (`AwsCloudConfig`, `AzureCloudConfig` for Azure and AKS,
//! `CustomCloudConfig` for Nutanix, ...), so these calls are generic over the body and response
//! types; the caller picks the models matching the [`CloudType`].

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::{Request, v1_path};
use crate::endpoints::CloudType;
use crate::{Client, Error, Scope};

fn config_path(cloud: &CloudType, config_uid: &str, rest: &[&str]) -> String {
    let mut segments = vec!["cloudconfigs"];
    segments.extend(cloud.segments());
    segments.push(config_uid);
    segments.extend_from_slice(rest);
    v1_path(&segments)
}

impl Client {
    /// The cloud config (`T` is the environment's `*CloudConfig` model).
    pub async fn get_cloud_config<T: DeserializeOwned>(
        &self,
        scope: &Scope,
        cloud: &CloudType,
        config_uid: &str,
    ) -> Result<T, Error> {
        let req = Request::new(Method::GET, scope, config_path(cloud, config_uid, &[]));
        self.fetch(&req).await
    }

    /// Replaces the cluster-level cloud config (`B` is the environment's
    /// `*CloudClusterConfigEntity`, `{"clusterConfig": ...}`): the day-2 update of an
    /// environment's in-place settings. A whole-object `PUT`, so it is idempotent and retried
    /// like a read: sending it twice leaves the same config.
    pub async fn update_cloud_cluster_config<B: Serialize + ?Sized>(
        &self,
        scope: &Scope,
        cloud: &CloudType,
        config_uid: &str,
        body: &B,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PUT,
            scope,
            config_path(cloud, config_uid, &["clusterConfig"]),
        )
        .json(body)?;
        self.run(&req).await
    }

    /// Adds a machine pool (`B` is the environment's `*MachinePoolConfigEntity`) and returns its
    /// uid.
    pub async fn create_machine_pool<B: Serialize + ?Sized>(
        &self,
        scope: &Scope,
        cloud: &CloudType,
        config_uid: &str,
        pool: &B,
    ) -> Result<String, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            config_path(cloud, config_uid, &["machinePools"]),
        )
        .json(pool)?;
        self.create_uid(&req).await
    }

    /// Replaces the machine pool named `pool_name`.
    pub async fn update_machine_pool<B: Serialize + ?Sized>(
        &self,
        scope: &Scope,
        cloud: &CloudType,
        config_uid: &str,
        pool_name: &str,
        pool: &B,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PUT,
            scope,
            config_path(cloud, config_uid, &["machinePools", pool_name]),
        )
        .json(pool)?;
        self.run(&req).await
    }

    /// Deletes the machine pool named `pool_name`.
    pub async fn delete_machine_pool(
        &self,
        scope: &Scope,
        cloud: &CloudType,
        config_uid: &str,
        pool_name: &str,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::DELETE,
            scope,
            config_path(cloud, config_uid, &["machinePools", pool_name]),
        );
        self.run(&req).await
    }

    /// Cordons or uncordons one machine of a pool (`action` is `cordon` or `uncordon`). The
    /// path names the cloud type itself, custom clouds included (the spec has no
    /// `cloudTypes/...` form of it).
    pub async fn set_machine_maintenance(
        &self,
        scope: &Scope,
        cloud: &CloudType,
        config_uid: &str,
        pool_name: &str,
        machine_uid: &str,
        action: &str,
    ) -> Result<(), Error> {
        let path = v1_path(&[
            "cloudconfigs",
            cloud.as_str(),
            config_uid,
            "machinePools",
            pool_name,
            "machines",
            machine_uid,
            "maintenance",
        ]);
        let body = crate::models::MachineMaintenance {
            action: Some(action.to_string()),
        };
        let req = Request::new(Method::PUT, scope, path).json(&body)?;
        self.run(&req).await
    }

    /// The machines of one pool (`T` is the environment's `*Machine` model): paged, but for the
    /// clouds whose machine list takes no paging parameters (edge-native, OpenStack), which
    /// answer with every machine at once.
    pub async fn list_machines<T: DeserializeOwned>(
        &self,
        scope: &Scope,
        cloud: &CloudType,
        config_uid: &str,
        pool_name: &str,
    ) -> Result<Vec<T>, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            config_path(cloud, config_uid, &["machinePools", pool_name, "machines"]),
        );
        if cloud.pages_machines() {
            self.fetch_all(&req).await
        } else {
            let list: crate::models::List<T> = self.fetch(&req).await?;
            Ok(list.items)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_paths_cover_builtin_and_custom_clouds() {
        assert_eq!(
            config_path(&CloudType::Aks, "c1", &["machinePools", "worker pool"]),
            "/v1/cloudconfigs/aks/c1/machinePools/worker%20pool"
        );
        assert_eq!(
            config_path(&CloudType::parse("nutanix"), "c2", &["clusterConfig"]),
            "/v1/cloudconfigs/cloudTypes/nutanix/c2/clusterConfig"
        );
    }

    /// The cluster-config update goes to the environment's path with the entity as sent, and
    /// a 503 is retried (an idempotent `PUT`).
    #[tokio::test]
    async fn cluster_config_updates_are_put_and_retried() {
        use std::sync::{Arc, Mutex};
        use std::time::Duration;

        use axum::body::Bytes;
        use axum::extract::{Path, State};
        use axum::http::StatusCode;
        use axum::routing::put;

        use crate::models::{EksCloudClusterConfigEntity, EksClusterConfig};
        use crate::{ClientConfig, RetryPolicy};

        type Seen = Arc<Mutex<Vec<(String, String)>>>;
        let seen: Seen = Arc::default();
        let router = axum::Router::new()
            .route(
                "/v1/cloudconfigs/eks/{uid}/clusterConfig",
                put(
                    |State(seen): State<Seen>, Path(uid): Path<String>, body: Bytes| async move {
                        let mut seen = seen.lock().unwrap();
                        seen.push((uid, String::from_utf8_lossy(&body).into_owned()));
                        if seen.len() == 1 {
                            StatusCode::SERVICE_UNAVAILABLE
                        } else {
                            StatusCode::NO_CONTENT
                        }
                    },
                ),
            )
            .with_state(seen.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        let mut config = ClientConfig::new(base, "test-key");
        config.retry = RetryPolicy {
            max_retries: 2,
            max_throttled: 2,
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(10),
        };
        config.rate_limits = None;
        let client = Client::new(config).unwrap();
        let body = EksCloudClusterConfigEntity {
            cluster_config: Some(EksClusterConfig {
                region: "us-west-2".into(),
                ..Default::default()
            }),
        };
        client
            .update_cloud_cluster_config(&Scope::Tenant, &CloudType::Eks, "cfg-1", &body)
            .await
            .expect("the retry succeeds");
        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 2, "one retry after the 503");
        for (uid, sent) in seen {
            assert_eq!(uid, "cfg-1");
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&sent).unwrap(),
                serde_json::json!({"clusterConfig": {"region": "us-west-2"}})
            );
        }
    }
}

//! Day-2 settings of a cluster with endpoints of their own: repave status and approval, the
//! apply state of a profile change, agent upgrades, OS patching, the time zone, namespaces,
//! role bindings, and the backup and scan policies; and the same settings in a create body.

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::endpoints::ClusterCreate;
use crate::models::{
    ClusterBackup, ClusterBackupConfig, ClusterComplianceOnDemandConfig, ClusterComplianceScan,
    ClusterComplianceScanLogs, ClusterComplianceScheduleConfig, ClusterConfigEntity,
    ClusterLocation, ClusterMetaAttributeEntity, ClusterNamespaceResourceInputEntity,
    ClusterNamespaceResources, ClusterNamespaceResourcesUpdateEntity, ClusterRbacInputEntity,
    ClusterRbacResourcesUpdateEntity, ClusterRbacs, ClusterResourcesEntity,
    ClusterUpgradeSettingsEntity, CustomClusterConfigEntity, HostClusterConfig,
    HostClusterConfigEntity, HyperShiftConfig, MachineCertificates, MachineManagementConfig,
    OsPatchConfig, OsPatchEntity, SpcApply, SpectroClusterPolicies, SpectroClusterRepave,
    TimezoneUpdateEntity,
};
use crate::{Client, Error, Scope};

/// Settings in a create body's `clusterConfig` that every environment shares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterSettings {
    /// The cluster's time zone (IANA name).
    pub timezone: Option<String>,
    /// OS patching of the nodes.
    pub os_patch: Option<OsPatchConfig>,
    /// Namespaces and role bindings.
    pub resources: Option<ClusterResourcesEntity>,
    /// The backup and scan policies (the create body's `spec.policies`).
    pub policies: Option<SpectroClusterPolicies>,
    /// Free-form metadata kept on the cluster (`clusterMetaAttribute`); not in a custom
    /// cloud's create body.
    pub meta_attribute: Option<String>,
    /// Whether worker pools are updated in parallel rather than one after another; only in a
    /// create body (no endpoint changes it), and not in a custom cloud's.
    pub update_worker_pools_in_parallel: Option<bool>,
    /// The cluster as a host of virtual clusters; not in a custom cloud's create body.
    pub host_cluster: Option<HostClusterConfig>,
    /// Where the cluster is, for Palette's map.
    pub location: Option<ClusterLocation>,
    /// HyperShift: a management cluster, or an OpenShift cluster whose control plane one hosts
    /// (MAAS only; only in a create body).
    pub hyper_shift: Option<HyperShiftConfig>,
}

impl ClusterSettings {
    fn machine_management(&self) -> Option<MachineManagementConfig> {
        self.os_patch.clone().map(|p| MachineManagementConfig {
            os_patch_config: Some(p),
        })
    }

    fn is_empty(&self) -> bool {
        self.timezone.is_none()
            && self.os_patch.is_none()
            && self.resources.is_none()
            && self.meta_attribute.is_none()
            && self.update_worker_pools_in_parallel.is_none()
            && self.host_cluster.is_none()
            && self.location.is_none()
            && self.hyper_shift.is_none()
    }

    fn policies_json(&self) -> Option<serde_json::Value> {
        self.policies
            .as_ref()
            .and_then(|p| serde_json::to_value(p).ok())
    }

    fn resources_json(&self) -> Option<serde_json::Value> {
        self.resources
            .as_ref()
            .and_then(|r| serde_json::to_value(r).ok())
    }

    fn entity(&self, base: Option<ClusterConfigEntity>) -> Option<ClusterConfigEntity> {
        if self.is_empty() {
            return base;
        }
        let mut config = base.unwrap_or_default();
        config.timezone = self.timezone.clone().or(config.timezone);
        config.machine_management_config = self
            .machine_management()
            .or(config.machine_management_config);
        config.resources = self.resources_json().or(config.resources);
        config.cluster_meta_attribute = self
            .meta_attribute
            .clone()
            .or(config.cluster_meta_attribute);
        config.update_worker_pools_in_parallel = self
            .update_worker_pools_in_parallel
            .or(config.update_worker_pools_in_parallel);
        config.host_cluster_config = self.host_cluster.clone().or(config.host_cluster_config);
        config.location = self.location.clone().or(config.location);
        config.hyper_shift_config = self.hyper_shift.clone().or(config.hyper_shift_config);
        Some(config)
    }
}

impl ClusterCreate {
    /// Whether the body takes the backup and scan policies (`spec.policies`); a custom cloud's
    /// (Nutanix) does not, so they are set once the cluster exists.
    pub fn takes_policies(&self) -> bool {
        !self.is_custom_cloud()
    }

    /// Whether this is a custom cloud's body (Nutanix), whose `clusterConfig` is
    /// `v1CustomClusterConfigEntity`: no metadata, host cluster or parallel pool updates.
    pub fn is_custom_cloud(&self) -> bool {
        matches!(self, ClusterCreate::Custom { .. })
    }

    /// Puts `settings` in the body's `clusterConfig`, keeping what the body already has there.
    pub fn with_settings(mut self, settings: &ClusterSettings) -> ClusterCreate {
        macro_rules! apply {
            ($entity:expr) => {{
                let spec = $entity.spec.get_or_insert_with(Default::default);
                spec.cluster_config = settings.entity(spec.cluster_config.take());
                spec.policies = settings.policies_json().or(spec.policies.take());
            }};
        }
        match &mut self {
            ClusterCreate::Aws(e) => apply!(e),
            ClusterCreate::Eks(e) => apply!(e),
            ClusterCreate::Azure(e) | ClusterCreate::Aks(e) => apply!(e),
            ClusterCreate::Gcp(e) | ClusterCreate::Gke(e) => apply!(e),
            ClusterCreate::Vsphere(e) => apply!(e),
            ClusterCreate::Maas(e) => apply!(e),
            ClusterCreate::EdgeNative(e) => apply!(e),
            ClusterCreate::Openstack(e) => apply!(e),
            ClusterCreate::Tke(e) => apply!(e),
            ClusterCreate::Custom { entity, .. } => {
                if !settings.is_empty() {
                    let spec = entity.spec.get_or_insert_with(Default::default);
                    let mut config: CustomClusterConfigEntity =
                        spec.cluster_config.take().unwrap_or_default();
                    config.timezone = settings.timezone.clone().or(config.timezone);
                    config.machine_management_config = settings
                        .machine_management()
                        .or(config.machine_management_config);
                    config.resources = settings.resources_json().or(config.resources);
                    config.location = settings.location.clone().or(config.location);
                    spec.cluster_config = Some(config);
                }
            }
        }
        self
    }
}

impl Client {
    /// Why the cluster's nodes would be replaced, and whether the repave is approved.
    pub async fn get_cluster_repave(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<SpectroClusterRepave, Error> {
        self.get_json(scope, &["spectroclusters", uid, "repave", "status"])
            .await
    }

    /// Approves a pending repave.
    pub async fn approve_cluster_repave(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "repave", "approve"]),
        )
        .idempotent(true);
        self.run(&req).await
    }

    /// The Kubernetes certificates of the cluster's control-plane nodes, with their expiries.
    pub async fn get_cluster_certificates(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<MachineCertificates, Error> {
        self.get_json(scope, &["spectroclusters", uid, "k8certificates"])
            .await
    }

    /// Asks Palette to renew the Kubernetes certificates of the cluster's control-plane nodes
    /// (they are renewed node by node; follow them with [`Client::get_cluster_certificates`]).
    pub async fn renew_cluster_certificates(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "k8certificates", "renew"]),
        )
        .idempotent(true);
        self.run(&req).await
    }

    /// The apply state of the cluster's last profile change.
    pub async fn get_cluster_spc_apply(&self, scope: &Scope, uid: &str) -> Result<SpcApply, Error> {
        self.get_json(scope, &["spectroclusters", uid, "status", "spcApply"])
            .await
    }

    /// Applies a profile change the cluster downloaded to install later
    /// (`DownloadAndInstallLater`).
    pub async fn apply_cluster_change(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["spectroclusters", uid, "status", "spcApply"]),
        )
        .idempotent(true);
        self.run(&req).await
    }

    /// Pauses (`lock`) or resumes (`unlock`) the upgrades of the cluster's Palette agent.
    pub async fn set_cluster_agent_upgrades(
        &self,
        scope: &Scope,
        uid: &str,
        paused: bool,
    ) -> Result<(), Error> {
        let body = ClusterUpgradeSettingsEntity {
            spectro_components: Some(if paused { "lock" } else { "unlock" }.to_string()),
        };
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["spectroclusters", uid, "upgrade", "settings"]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }

    /// Sets the cluster's OS patching.
    pub async fn patch_cluster_os_patch(
        &self,
        scope: &Scope,
        uid: &str,
        config: &OsPatchConfig,
    ) -> Result<(), Error> {
        let body = OsPatchEntity {
            os_patch_config: Some(config.clone()),
        };
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "clusterConfig", "osPatch"]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }

    /// The cluster's namespaces, with their resource quotas.
    pub async fn get_cluster_namespaces(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<ClusterNamespaceResources, Error> {
        self.get_json(scope, &["spectroclusters", uid, "config", "namespaces"])
            .await
    }

    /// Replaces the cluster's namespaces.
    pub async fn put_cluster_namespaces(
        &self,
        scope: &Scope,
        uid: &str,
        namespaces: Vec<ClusterNamespaceResourceInputEntity>,
    ) -> Result<(), Error> {
        let body = ClusterNamespaceResourcesUpdateEntity {
            namespaces: Some(namespaces),
        };
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["spectroclusters", uid, "config", "namespaces"]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }

    /// The cluster's RBAC role bindings.
    pub async fn get_cluster_rbacs(&self, scope: &Scope, uid: &str) -> Result<ClusterRbacs, Error> {
        self.get_json(scope, &["spectroclusters", uid, "config", "rbacs"])
            .await
    }

    /// Replaces the cluster's RBAC role bindings.
    pub async fn put_cluster_rbacs(
        &self,
        scope: &Scope,
        uid: &str,
        rbacs: Vec<ClusterRbacInputEntity>,
    ) -> Result<(), Error> {
        let body = ClusterRbacResourcesUpdateEntity { rbacs: Some(rbacs) };
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["spectroclusters", uid, "config", "rbacs"]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }

    /// The cluster's backup policy (404 when it has none).
    pub async fn get_cluster_backup(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<ClusterBackup, Error> {
        self.get_json(scope, &["spectroclusters", uid, "features", "backup"])
            .await
    }

    /// Sets the cluster's backup policy: `create` for a cluster without one (POST), else PUT.
    pub async fn set_cluster_backup(
        &self,
        scope: &Scope,
        uid: &str,
        config: &ClusterBackupConfig,
        create: bool,
    ) -> Result<(), Error> {
        let method = if create { Method::POST } else { Method::PUT };
        let req = Request::new(
            method,
            scope,
            v1_path(&["spectroclusters", uid, "features", "backup"]),
        )
        .json(config)?
        .idempotent(!create);
        self.run(&req).await
    }

    /// Removes the cluster's backup policy.
    pub async fn delete_cluster_backup(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(
            Method::DELETE,
            scope,
            v1_path(&["spectroclusters", uid, "features", "backup"]),
        );
        self.run(&req).await
    }

    /// The cluster's compliance scan policy (404 when it has none).
    pub async fn get_cluster_scan(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<ClusterComplianceScan, Error> {
        self.get_json(
            scope,
            &["spectroclusters", uid, "features", "complianceScan"],
        )
        .await
    }

    /// Sets the cluster's scan policy: `create` for a cluster without one (POST), else PUT (an
    /// empty policy turns every scan off).
    pub async fn set_cluster_scan(
        &self,
        scope: &Scope,
        uid: &str,
        config: &ClusterComplianceScheduleConfig,
        create: bool,
    ) -> Result<(), Error> {
        let method = if create { Method::POST } else { Method::PUT };
        let req = Request::new(
            method,
            scope,
            v1_path(&["spectroclusters", uid, "features", "complianceScan"]),
        )
        .json(config)?
        .idempotent(!create);
        self.run(&req).await
    }

    /// Takes a backup now (`POST .../features/backup/onDemand`); returns the request's uid, which
    /// [`get_cluster_backup_request`](Client::get_cluster_backup_request) follows. Not retried:
    /// a second request would take a second backup.
    pub async fn backup_cluster_now(
        &self,
        scope: &Scope,
        uid: &str,
        config: &ClusterBackupConfig,
    ) -> Result<String, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["spectroclusters", uid, "features", "backup", "onDemand"]),
        )
        .json(config)?;
        self.create_uid(&req).await
    }

    /// The cluster's backups of one request (`GET .../features/backup?backupRequestUid=`).
    pub async fn get_cluster_backup_request(
        &self,
        scope: &Scope,
        uid: &str,
        request_uid: &str,
    ) -> Result<ClusterBackup, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["spectroclusters", uid, "features", "backup"]),
        )
        .query("backupRequestUid", request_uid.to_string());
        self.fetch(&req).await
    }

    /// Runs compliance scans now (`POST .../features/complianceScan/onDemand`); returns the
    /// request's uid, which the scan logs carry as `requestUid`. Not retried.
    pub async fn scan_cluster_now(
        &self,
        scope: &Scope,
        uid: &str,
        config: &ClusterComplianceOnDemandConfig,
    ) -> Result<String, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&[
                "spectroclusters",
                uid,
                "features",
                "complianceScan",
                "onDemand",
            ]),
        )
        .json(config)?;
        self.create_uid(&req).await
    }

    /// The cluster's compliance scan runs, by driver (`GET .../complianceScan/logs/drivers`).
    pub async fn get_cluster_scan_logs(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<ClusterComplianceScanLogs, Error> {
        self.get_json(
            scope,
            &[
                "spectroclusters",
                uid,
                "features",
                "complianceScan",
                "logs",
                "drivers",
            ],
        )
        .await
    }

    /// Sets the cluster's time zone.
    pub async fn patch_cluster_timezone(
        &self,
        scope: &Scope,
        uid: &str,
        timezone: &str,
    ) -> Result<(), Error> {
        let body = TimezoneUpdateEntity {
            timezone: timezone.to_string(),
        };
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "clusterConfig", "timezone"]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }

    /// Sets the cluster's free-form metadata (`""` clears it).
    pub async fn patch_cluster_meta_attribute(
        &self,
        scope: &Scope,
        uid: &str,
        meta: &str,
    ) -> Result<(), Error> {
        let body = ClusterMetaAttributeEntity {
            cluster_meta_attribute: Some(meta.to_string()),
        };
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&[
                "spectroclusters",
                uid,
                "clusterConfig",
                "clusterMetaAttribute",
            ]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }

    /// Makes the cluster a host of virtual clusters, with how their API servers are exposed,
    /// or (with `isHostCluster` false) no longer one.
    pub async fn patch_cluster_host_config(
        &self,
        scope: &Scope,
        uid: &str,
        config: &HostClusterConfig,
    ) -> Result<(), Error> {
        let body = HostClusterConfigEntity {
            host_cluster_config: Some(config.clone()),
        };
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "clusterConfig", "hostCluster"]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }

    /// Sets where the cluster is (an empty location clears it).
    pub async fn put_cluster_location(
        &self,
        scope: &Scope,
        uid: &str,
        location: &ClusterLocation,
    ) -> Result<(), Error> {
        let body = crate::models::SpectroClusterLocationInputEntity {
            location: Some(location.clone()),
        };
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["spectroclusters", uid, "location"]),
        )
        .json(&body)?
        .idempotent(true);
        self.run(&req).await
    }
}

//! Clusters (`spectroclusters`): create per environment, read, status, overview, delete, search,
//! day-2 profiles and variables, metadata, and kubeconfig downloads.

use base64::Engine as _;
use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::endpoints::CloudType;
use crate::models::{
    ClusterTemplateRef, Manifest, ObjectMetaInputEntitySchema, SearchFilterBoolCondition,
    SearchFilterCondition, SearchFilterConjunctionOperator, SearchFilterGroup, SearchFilterItem,
    SearchFilterPropertyType, SearchFilterSpec, SearchFilterStringCondition,
    SearchFilterStringConditionMatch, SearchFilterStringOperator, SearchFilterSummarySpec,
    SpectroAwsClusterEntity, SpectroAzureClusterEntity, SpectroCluster, SpectroClusterProfileList,
    SpectroClusterProfiles, SpectroClusterProfilesDeleteEntity, SpectroClusterStatusEntity,
    SpectroClusterSummary, SpectroClusterUidSummary, SpectroClusterVariableUpdateEntity,
    SpectroClusterVariables, SpectroCustomClusterEntity, SpectroEdgeNativeClusterEntity,
    SpectroEksClusterEntity, SpectroGcpClusterEntity, SpectroMaasClusterEntity,
    SpectroOpenStackClusterEntity, SpectroTencentClusterEntity, SpectroVsphereClusterEntity,
};
use crate::{Client, Error, Scope};

/// A cluster create body together with the environment it targets (AKS shares the Azure
/// entity and GKE the GCP one, so the body type alone does not say where to POST).
#[derive(Debug, Clone, PartialEq)]
pub enum ClusterCreate {
    /// `POST /v1/spectroclusters/aws`.
    Aws(SpectroAwsClusterEntity),
    /// `POST /v1/spectroclusters/eks`.
    Eks(SpectroEksClusterEntity),
    /// `POST /v1/spectroclusters/azure`.
    Azure(SpectroAzureClusterEntity),
    /// `POST /v1/spectroclusters/aks`.
    Aks(SpectroAzureClusterEntity),
    /// `POST /v1/spectroclusters/gcp`.
    Gcp(SpectroGcpClusterEntity),
    /// `POST /v1/spectroclusters/gke`.
    Gke(SpectroGcpClusterEntity),
    /// `POST /v1/spectroclusters/vsphere`.
    Vsphere(SpectroVsphereClusterEntity),
    /// `POST /v1/spectroclusters/maas`.
    Maas(SpectroMaasClusterEntity),
    /// `POST /v1/spectroclusters/edge-native`.
    EdgeNative(SpectroEdgeNativeClusterEntity),
    /// `POST /v1/spectroclusters/openstack` (legacy spec).
    Openstack(SpectroOpenStackClusterEntity),
    /// `POST /v1/spectroclusters/tke` (legacy spec).
    Tke(SpectroTencentClusterEntity),
    /// `POST /v1/spectroclusters/cloudTypes/{cloud_type}` (custom clouds such as Nutanix).
    Custom {
        /// The custom cloud type, e.g. `nutanix`.
        cloud_type: String,
        /// The body.
        entity: SpectroCustomClusterEntity,
    },
}

impl ClusterCreate {
    /// The body with `spec.clusterTemplate` set: the cluster is launched from that template.
    /// TKE's create body has no such field, so it is left unchanged (the caller refuses a
    /// template there).
    pub fn with_template(mut self, template: Option<ClusterTemplateRef>) -> ClusterCreate {
        let Some(template) = template else {
            return self;
        };
        macro_rules! set {
            ($entity:expr) => {{
                $entity
                    .spec
                    .get_or_insert_with(Default::default)
                    .cluster_template = Some(template);
            }};
        }
        match &mut self {
            ClusterCreate::Aws(e) => set!(e),
            ClusterCreate::Eks(e) => set!(e),
            ClusterCreate::Azure(e) | ClusterCreate::Aks(e) => set!(e),
            ClusterCreate::Gcp(e) | ClusterCreate::Gke(e) => set!(e),
            ClusterCreate::Vsphere(e) => set!(e),
            ClusterCreate::Maas(e) => set!(e),
            ClusterCreate::EdgeNative(e) => set!(e),
            ClusterCreate::Openstack(e) => set!(e),
            ClusterCreate::Tke(_) => {}
            ClusterCreate::Custom { entity, .. } => set!(entity),
        }
        self
    }

    /// The environment this create targets.
    pub fn cloud_type(&self) -> CloudType {
        match self {
            ClusterCreate::Aws(_) => CloudType::Aws,
            ClusterCreate::Eks(_) => CloudType::Eks,
            ClusterCreate::Azure(_) => CloudType::Azure,
            ClusterCreate::Aks(_) => CloudType::Aks,
            ClusterCreate::Gcp(_) => CloudType::Gcp,
            ClusterCreate::Gke(_) => CloudType::Gke,
            ClusterCreate::Vsphere(_) => CloudType::Vsphere,
            ClusterCreate::Maas(_) => CloudType::Maas,
            ClusterCreate::EdgeNative(_) => CloudType::EdgeNative,
            ClusterCreate::Openstack(_) => CloudType::Openstack,
            ClusterCreate::Tke(_) => CloudType::Tke,
            ClusterCreate::Custom { cloud_type, .. } => CloudType::Custom(cloud_type.clone()),
        }
    }

    /// The cluster name from the body's metadata (empty when unset).
    pub fn name(&self) -> &str {
        let name = match self {
            ClusterCreate::Aws(e) => e.metadata.as_ref().and_then(|m| m.name.as_deref()),
            ClusterCreate::Eks(e) => e.metadata.as_ref().and_then(|m| m.name.as_deref()),
            ClusterCreate::Azure(e) | ClusterCreate::Aks(e) => {
                e.metadata.as_ref().and_then(|m| m.name.as_deref())
            }
            ClusterCreate::Gcp(e) | ClusterCreate::Gke(e) => {
                e.metadata.as_ref().and_then(|m| m.name.as_deref())
            }
            ClusterCreate::Vsphere(e) => e.metadata.as_ref().and_then(|m| m.name.as_deref()),
            ClusterCreate::Maas(e) => e.metadata.as_ref().and_then(|m| m.name.as_deref()),
            ClusterCreate::EdgeNative(e) => e.metadata.as_ref().and_then(|m| m.name.as_deref()),
            ClusterCreate::Openstack(e) => e.metadata.as_ref().and_then(|m| m.name.as_deref()),
            ClusterCreate::Tke(e) => e.metadata.as_ref().and_then(|m| m.name.as_deref()),
            ClusterCreate::Custom { entity, .. } => {
                entity.metadata.as_ref().and_then(|m| m.name.as_deref())
            }
        };
        name.unwrap_or_default()
    }

    fn request<'a>(&self, scope: &'a Scope) -> Result<Request<'a>, Error> {
        let cloud = self.cloud_type();
        let mut segments = vec!["spectroclusters"];
        segments.extend(cloud.segments());
        let req = Request::new(Method::POST, scope, v1_path(&segments));
        match self {
            ClusterCreate::Aws(e) => req.json(e),
            ClusterCreate::Eks(e) => req.json(e),
            ClusterCreate::Azure(e) | ClusterCreate::Aks(e) => req.json(e),
            ClusterCreate::Gcp(e) | ClusterCreate::Gke(e) => req.json(e),
            ClusterCreate::Vsphere(e) => req.json(e),
            ClusterCreate::Maas(e) => req.json(e),
            ClusterCreate::EdgeNative(e) => req.json(e),
            ClusterCreate::Openstack(e) => req.json(e),
            ClusterCreate::Tke(e) => req.json(e),
            ClusterCreate::Custom { entity, .. } => req.json(entity),
        }
    }
}

/// Query parameters of `GET /v1/spectroclusters/{uid}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterQuery {
    /// Resolve pack values (macros and variables) in the returned profile templates.
    pub resolve_pack_values: bool,
    /// Pack metadata to include, e.g. `schema,presets`.
    pub include_pack_meta: Option<String>,
    /// Include tags.
    pub include_tags: bool,
}

/// Which kubeconfig to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KubeconfigKind {
    /// `assets/kubeconfigclient`: the client kubeconfig.
    Client,
    /// `assets/adminKubeconfig`: the admin kubeconfig.
    Admin,
    /// `assets/kubeconfig`: the (deprecated) reverse-proxy kubeconfig.
    Frp,
}

/// The search body that finds live clusters named exactly `name`.
pub fn cluster_name_filter(name: &str) -> SearchFilterSummarySpec {
    let name_item = SearchFilterItem {
        property: Some("clusterName".to_owned()),
        type_: Some(SearchFilterPropertyType::String),
        condition: Some(SearchFilterCondition {
            string: Some(SearchFilterStringCondition {
                operator: Some(SearchFilterStringOperator::Eq),
                negation: Some(false),
                ignore_case: Some(false),
                match_: Some(SearchFilterStringConditionMatch {
                    conjunction: Some(SearchFilterConjunctionOperator::Or),
                    values: Some(vec![name.to_owned()]),
                }),
            }),
            ..Default::default()
        }),
    };
    let live_item = SearchFilterItem {
        property: Some("isDeleted".to_owned()),
        type_: Some(SearchFilterPropertyType::Bool),
        condition: Some(SearchFilterCondition {
            bool: Some(SearchFilterBoolCondition { value: Some(false) }),
            ..Default::default()
        }),
    };
    SearchFilterSummarySpec {
        filter: Some(SearchFilterSpec {
            conjunction: Some(SearchFilterConjunctionOperator::And),
            filter_groups: Some(vec![SearchFilterGroup {
                conjunction: Some(SearchFilterConjunctionOperator::And),
                filters: Some(vec![name_item, live_item]),
            }]),
        }),
        sort: None,
    }
}

/// Reads a kubeconfig body: raw YAML as is, or base64 of it decoded.
pub(crate) fn parse_kubeconfig(body: &[u8]) -> String {
    let compact: Vec<u8> = body
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if !compact.is_empty()
        && let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(&compact)
        && let Ok(text) = String::from_utf8(decoded)
    {
        return text;
    }
    String::from_utf8_lossy(body).into_owned()
}

impl Client {
    /// Creates a cluster and returns its uid.
    pub async fn create_cluster(
        &self,
        scope: &Scope,
        cluster: &ClusterCreate,
    ) -> Result<String, Error> {
        let req = cluster.request(scope)?;
        self.create_uid(&req).await
    }

    /// Creates a cluster without ever making a duplicate (looks it up by name after an
    /// ambiguous failure).
    pub async fn create_cluster_idempotent(
        &self,
        scope: &Scope,
        cluster: &ClusterCreate,
    ) -> Result<String, Error> {
        let name = cluster.name().to_owned();
        self.create_with_lookup(
            || self.create_cluster(scope, cluster),
            || self.find_cluster_by_name(scope, &name),
        )
        .await
    }

    /// One cluster.
    pub async fn get_cluster(&self, scope: &Scope, uid: &str) -> Result<SpectroCluster, Error> {
        self.get_cluster_with(scope, uid, &ClusterQuery::default())
            .await
    }

    /// One cluster, with query options.
    pub async fn get_cluster_with(
        &self,
        scope: &Scope,
        uid: &str,
        query: &ClusterQuery,
    ) -> Result<SpectroCluster, Error> {
        let req = Request::new(Method::GET, scope, v1_path(&["spectroclusters", uid]))
            .query_opt(
                "resolvePackValues",
                query.resolve_pack_values.then_some("true"),
            )
            .query_opt("includeTags", query.include_tags.then_some("true"))
            .query_opt("includePackMeta", query.include_pack_meta.clone());
        self.fetch(&req).await
    }

    /// The cluster's state only.
    pub async fn get_cluster_status(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<SpectroClusterStatusEntity, Error> {
        self.get_json(scope, &["spectroclusters", uid, "status"])
            .await
    }

    /// The dashboard overview, which carries `status.health`.
    pub async fn get_cluster_overview(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<SpectroClusterUidSummary, Error> {
        self.get_json(scope, &["dashboard", "spectroclusters", uid, "overview"])
            .await
    }

    /// Starts deleting a cluster; `force` removes one stuck in `Deleting`.
    pub async fn delete_cluster(&self, scope: &Scope, uid: &str, force: bool) -> Result<(), Error> {
        let req = Request::new(Method::DELETE, scope, v1_path(&["spectroclusters", uid]))
            .query_opt("forceDelete", force.then_some("true"));
        self.run(&req).await
    }

    /// Cluster summaries matching a search filter (paged; a read-only POST).
    pub async fn search_clusters(
        &self,
        scope: &Scope,
        filter: &SearchFilterSummarySpec,
    ) -> Result<Vec<SpectroClusterSummary>, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["dashboard", "spectroclusters", "search"]),
        )
        .json(filter)?
        .idempotent(true);
        self.fetch_all(&req).await
    }

    /// The same search, one page at a time: for a caller that may stop early (a list with a
    /// limit), so pages it does not need are never requested.
    ///
    /// # Errors
    ///
    /// When the filter cannot be encoded.
    pub fn search_cluster_pages<'a>(
        &'a self,
        scope: &'a Scope,
        filter: &SearchFilterSummarySpec,
    ) -> Result<crate::client::Pages<'a, SpectroClusterSummary>, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["dashboard", "spectroclusters", "search"]),
        )
        .json(filter)?
        .idempotent(true);
        Ok(crate::client::Pages::new(self, req))
    }

    /// The uid of the live cluster named exactly `name`.
    pub async fn find_cluster_by_name(
        &self,
        scope: &Scope,
        name: &str,
    ) -> Result<Option<String>, Error> {
        let found = self
            .search_clusters(scope, &cluster_name_filter(name))
            .await?;
        Ok(found.into_iter().find_map(|c| {
            let meta = c.metadata?;
            (meta.name.as_deref() == Some(name))
                .then_some(meta.uid)
                .flatten()
        }))
    }

    /// Whether `name` is free for a new cluster (204 means free; a 4xx other than 401, 403 and
    /// 404 means taken).
    pub async fn validate_cluster_name(&self, scope: &Scope, name: &str) -> Result<bool, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["spectroclusters", "validate", "name"]),
        )
        .query("name", name);
        match self.run(&req).await {
            Ok(()) => Ok(true),
            Err(Error::Api { status, .. }) if (400..500).contains(&status) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The profiles attached to a cluster, with their packs.
    pub async fn get_cluster_profiles(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<SpectroClusterProfileList, Error> {
        self.get_json(scope, &["spectroclusters", uid, "profiles"])
            .await
    }

    /// Adds or updates the listed profiles on a cluster (an upsert, so retried like a PUT).
    pub async fn patch_cluster_profiles(
        &self,
        scope: &Scope,
        uid: &str,
        profiles: &SpectroClusterProfiles,
        resolve_notification: bool,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "profiles"]),
        )
        .query("resolveNotification", resolve_notification.to_string())
        .json(profiles)?
        .idempotent(true);
        self.run(&req).await
    }

    /// Removes profiles from a cluster.
    pub async fn delete_cluster_profiles(
        &self,
        scope: &Scope,
        uid: &str,
        profiles: &SpectroClusterProfilesDeleteEntity,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::DELETE,
            scope,
            v1_path(&["spectroclusters", uid, "profiles"]),
        )
        .json(profiles)?;
        self.run(&req).await
    }

    /// One manifest as the cluster deploys it: the profile's content, or the cluster's own
    /// override of it.
    pub async fn get_cluster_manifest(
        &self,
        scope: &Scope,
        uid: &str,
        manifest_uid: &str,
    ) -> Result<Manifest, Error> {
        self.get_json(
            scope,
            &["spectroclusters", uid, "pack", "manifests", manifest_uid],
        )
        .await
    }

    /// The cluster's profile variables, per profile.
    pub async fn get_cluster_variables(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<Vec<SpectroClusterVariables>, Error> {
        self.get_json(scope, &["spectroclusters", uid, "variables"])
            .await
    }

    /// Sets profile variable values on a cluster.
    pub async fn patch_cluster_variables(
        &self,
        scope: &Scope,
        uid: &str,
        variables: &[SpectroClusterVariableUpdateEntity],
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "variables"]),
        )
        .json(variables)?
        .idempotent(true);
        self.run(&req).await
    }

    /// Updates the cluster's name, labels and annotations.
    pub async fn patch_cluster_metadata(
        &self,
        scope: &Scope,
        uid: &str,
        meta: &ObjectMetaInputEntitySchema,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["spectroclusters", uid, "metadata"]),
        )
        .json(meta)?
        .idempotent(true);
        self.run(&req).await
    }

    /// A kubeconfig, or `None` while the cluster has none yet (404). Never logged.
    pub async fn get_kubeconfig(
        &self,
        scope: &Scope,
        uid: &str,
        kind: KubeconfigKind,
    ) -> Result<Option<String>, Error> {
        let asset = match kind {
            KubeconfigKind::Client => "kubeconfigclient",
            KubeconfigKind::Admin => "adminKubeconfig",
            KubeconfigKind::Frp => "kubeconfig",
        };
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["spectroclusters", uid, "assets", asset]),
        );
        match self.execute(&req).await {
            Ok(resp) if resp.body.iter().all(u8::is_ascii_whitespace) => Ok(None),
            Ok(resp) => Ok(Some(parse_kubeconfig(&resp.body))),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubeconfig_bodies_decode_raw_or_base64() {
        let yaml = "apiVersion: v1\nkind: Config\nclusters: []\n";
        assert_eq!(parse_kubeconfig(yaml.as_bytes()), yaml);
        let encoded = base64::engine::general_purpose::STANDARD.encode(yaml);
        assert_eq!(parse_kubeconfig(encoded.as_bytes()), yaml);
        let wrapped = format!("{}\n{}\n", &encoded[..20], &encoded[20..]);
        assert_eq!(parse_kubeconfig(wrapped.as_bytes()), yaml);
    }

    #[test]
    fn create_paths_follow_the_environment() {
        let scope = Scope::Tenant;
        let cases = [
            (
                ClusterCreate::Aws(Default::default()),
                "/v1/spectroclusters/aws",
            ),
            (
                ClusterCreate::Aks(Default::default()),
                "/v1/spectroclusters/aks",
            ),
            (
                ClusterCreate::Gke(Default::default()),
                "/v1/spectroclusters/gke",
            ),
            (
                ClusterCreate::EdgeNative(Default::default()),
                "/v1/spectroclusters/edge-native",
            ),
            (
                ClusterCreate::Tke(Default::default()),
                "/v1/spectroclusters/tke",
            ),
            (
                ClusterCreate::Openstack(Default::default()),
                "/v1/spectroclusters/openstack",
            ),
            (
                ClusterCreate::Custom {
                    cloud_type: "nutanix".into(),
                    entity: Default::default(),
                },
                "/v1/spectroclusters/cloudTypes/nutanix",
            ),
        ];
        for (create, path) in cases {
            let req = create.request(&scope).expect("encodes");
            assert_eq!(req.path, path);
            assert_eq!(req.method, Method::POST);
            assert!(!req.idempotent, "creates are not blindly retried");
        }
    }

    #[test]
    fn name_filter_targets_live_clusters_by_exact_name() {
        let json = serde_json::to_value(cluster_name_filter("prod")).expect("serializes");
        let group = &json["filter"]["filterGroups"][0];
        assert_eq!(group["filters"][0]["property"], "clusterName");
        assert_eq!(group["filters"][0]["condition"]["string"]["operator"], "eq");
        assert_eq!(
            group["filters"][0]["condition"]["string"]["match"]["values"][0],
            "prod"
        );
        assert_eq!(group["filters"][1]["property"], "isDeleted");
        assert_eq!(group["filters"][1]["condition"]["bool"]["value"], false);
    }
}

//! The request bodies whose model differs by environment — a cluster create
//! (`v1Spectro*ClusterEntity`), a machine pool (`v1*MachinePoolConfigEntity`) and a
//! cluster-config update (`v1*CloudClusterConfigEntity`) — read as the environment's model and
//! turned into one typed shape the routes share.
//!
//! What the routes reason about is typed: names, sizes, roles, the cloud account, the attached
//! profiles, edge hosts. The environment's own cloud settings (a cluster's `cloudConfig`, a
//! pool's `cloudConfig` and `poolConfig`) are kept as the JSON their model writes: the emulator
//! stores them as sent, and checks them only by field name, the same way for every environment
//! (`Environment::required`, `Environment::pool_required`).

use axum::body::Bytes;
use palette_api::models as m;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::ApiResult;
use crate::routes::common::meta_input;
use crate::wire;

/// An environment's own settings (a `cloudConfig`, a `poolConfig`, a `clusterConfig`) as their
/// model writes them.
pub type Settings = Map<String, Value>;

/// A cluster create body, whatever the environment's model.
#[derive(Debug, Default)]
pub struct ClusterBody {
    /// The caller-settable part of `metadata`.
    pub metadata: m::ObjectMetaInputEntity,
    /// `spec.cloudAccountUid`, with `""` read as absent; `None` where the model has none.
    pub cloud_account_uid: Option<String>,
    /// `spec.cloudConfig` as its model writes it, `{}` when absent.
    pub cloud_config: Settings,
    /// `spec.clusterConfig` as its model writes it.
    pub cluster_config: Option<Value>,
    /// `spec.clusterType`, where the model has one.
    pub cluster_type: Option<String>,
    /// `spec.policies` (backup and scan), where the model has them.
    pub policies: Option<Value>,
    /// `spec.profiles`.
    pub profiles: Vec<m::SpectroClusterProfileEntity>,
    /// `spec.clusterTemplate.uid`, with `""` read as absent; `None` where the model has none.
    pub cluster_template: Option<String>,
    /// `spec.machinepoolconfig`.
    pub pools: Vec<PoolBody>,
}

/// A machine pool body (`{cloudConfig, poolConfig}`), whatever the environment's model.
#[derive(Debug, Default)]
pub struct PoolBody {
    /// `cloudConfig` as its model writes it, `{}` when absent.
    pub cloud_config: Settings,
    /// `poolConfig` as its model writes it, `{}` when absent.
    pub pool_config: Settings,
    /// `poolConfig.name` (`None` without a `poolConfig`, and on custom clouds, whose pools are
    /// named in `cloudConfig.values`).
    pub name: Option<String>,
    /// `poolConfig.size` (as for `name`).
    pub size: Option<i64>,
    /// `poolConfig.isControlPlane`.
    pub is_control_plane: Option<bool>,
    /// `poolConfig.labels` (as for `name`).
    pub labels: Option<Vec<String>>,
    /// `cloudConfig.values` of a custom cloud's pool: a YAML document with its name and size.
    pub values: Option<String>,
    /// `cloudConfig.edgeHosts` of an edge pool.
    pub edge_hosts: Option<Vec<m::EdgeNativeMachinePoolHostEntity>>,
}

/// A cluster create model.
pub trait ClusterModel: DeserializeOwned {
    /// The body in the shared shape.
    fn into_body(self) -> ApiResult<ClusterBody>;
}

/// A machine pool model.
pub trait PoolModel: DeserializeOwned {
    /// The body in the shared shape.
    fn into_body(self) -> ApiResult<PoolBody>;
}

/// Reads a cluster create body as the model `M`.
pub fn cluster<M: ClusterModel>(body: &Bytes) -> ApiResult<ClusterBody> {
    wire::body::<M>(body)?.into_body()
}

/// Reads a machine pool body as the model `M`.
pub fn pool<M: PoolModel>(body: &Bytes) -> ApiResult<PoolBody> {
    wire::body::<M>(body)?.into_body()
}

/// A model part as the JSON object it writes; `{}` for an absent part.
fn object(part: &impl Serialize) -> ApiResult<Settings> {
    Ok(match serde_json::to_value(part)? {
        Value::Object(map) => map,
        _ => Map::new(),
    })
}

/// A `metadata` of either model a create body uses.
trait Metadata {
    fn input(self) -> m::ObjectMetaInputEntity;
}

impl Metadata for m::ObjectMeta {
    fn input(self) -> m::ObjectMetaInputEntity {
        meta_input(self)
    }
}

impl Metadata for m::ObjectMetaInputEntity {
    fn input(self) -> m::ObjectMetaInputEntity {
        self
    }
}

/// A string field a model holds as required (`String`) or optional (`Option<String>`).
trait Text {
    fn text(&self) -> Option<String>;
}

impl Text for String {
    fn text(&self) -> Option<String> {
        wire::given(Some(self)).map(str::to_owned)
    }
}

impl Text for Option<String> {
    fn text(&self) -> Option<String> {
        wire::given(self.as_deref()).map(str::to_owned)
    }
}

/// A pool whose `poolConfig` is the common `v1MachinePoolConfigEntity`.
fn common_pool(
    cloud_config: &impl Serialize,
    pool_config: Option<m::MachinePoolConfigEntity>,
) -> ApiResult<PoolBody> {
    Ok(PoolBody {
        cloud_config: object(cloud_config)?,
        pool_config: object(&pool_config)?,
        name: pool_config.as_ref().map(|p| p.name.clone()),
        size: pool_config.as_ref().map(|p| i64::from(p.size)),
        is_control_plane: pool_config.as_ref().and_then(|p| p.is_control_plane),
        labels: pool_config.map(|p| p.labels),
        values: None,
        edge_hosts: None,
    })
}

macro_rules! common_pools {
    ($($ty:ty),* $(,)?) => {$(
        impl PoolModel for $ty {
            fn into_body(self) -> ApiResult<PoolBody> {
                common_pool(&self.cloud_config, self.pool_config)
            }
        }
    )*};
}

common_pools!(
    m::AwsMachinePoolConfigEntity,
    m::GcpMachinePoolConfigEntity,
    m::TencentMachinePoolConfigEntity,
    m::EksMachinePoolConfigEntity,
    m::VsphereMachinePoolConfigEntity,
    m::OpenStackMachinePoolConfigEntity,
    m::MaasMachinePoolConfigEntity,
);

/// An Azure or AKS pool: an AKS pool's OS (`managedPoolConfig.osType`) is stored as the pool's
/// `osType`, where its read model reports it.
impl PoolModel for m::AzureMachinePoolConfigEntity {
    fn into_body(self) -> ApiResult<PoolBody> {
        let mut body = common_pool(&self.cloud_config, self.pool_config)?;
        if let Some(os) = self
            .managed_pool_config
            .and_then(|m| m.os_type)
            .filter(|os| !os.is_empty())
        {
            body.cloud_config.insert("osType".into(), Value::String(os));
        }
        Ok(body)
    }
}

impl PoolModel for m::EdgeNativeMachinePoolConfigEntity {
    fn into_body(self) -> ApiResult<PoolBody> {
        let mut body = common_pool(&self.cloud_config, self.pool_config)?;
        body.edge_hosts = self.cloud_config.map(|c| c.edge_hosts);
        Ok(body)
    }
}

impl PoolModel for m::CustomMachinePoolConfigEntity {
    fn into_body(self) -> ApiResult<PoolBody> {
        Ok(PoolBody {
            cloud_config: object(&self.cloud_config)?,
            pool_config: object(&self.pool_config)?,
            is_control_plane: self.pool_config.and_then(|p| p.is_control_plane),
            values: self.cloud_config.values,
            ..PoolBody::default()
        })
    }
}

/// Implements [`ClusterModel`] for a create model; `account` and `cluster_type` read those
/// fields from the spec (bound to `$spec`), as the models differ in them.
macro_rules! cluster_model {
    ($ty:ty, |$spec:ident| account: $account:expr, cluster_type: $cluster_type:expr, policies: $policies:expr, template: $template:expr $(,)?) => {
        impl ClusterModel for $ty {
            fn into_body(self) -> ApiResult<ClusterBody> {
                let metadata = self.metadata.map(Metadata::input).unwrap_or_default();
                let Some($spec) = self.spec else {
                    return Ok(ClusterBody {
                        metadata,
                        ..ClusterBody::default()
                    });
                };
                let cloud_account_uid = $account;
                let cluster_type = $cluster_type;
                let policies = $policies;
                let cluster_template = $template;
                Ok(ClusterBody {
                    metadata,
                    cloud_account_uid,
                    cloud_config: object(&$spec.cloud_config)?,
                    cluster_config: $spec
                        .cluster_config
                        .as_ref()
                        .map(serde_json::to_value)
                        .transpose()?,
                    cluster_type,
                    policies,
                    profiles: $spec.profiles.unwrap_or_default(),
                    cluster_template,
                    pools: $spec
                        .machinepoolconfig
                        .unwrap_or_default()
                        .into_iter()
                        .map(PoolModel::into_body)
                        .collect::<ApiResult<_>>()?,
                })
            }
        }
    };
}

cluster_model!(
    m::SpectroAwsClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: spec.cluster_type.clone(),
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroAzureClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: None,
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroGcpClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: None,
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroTencentClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: None,
    policies: spec.policies.clone(),
    template: None,
);
cluster_model!(
    m::SpectroEksClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: None,
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroVsphereClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: None,
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroCustomClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: spec.cluster_type.clone(),
    policies: None,
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroOpenStackClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: None,
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroMaasClusterEntity,
    |spec| account: spec.cloud_account_uid.text(),
    cluster_type: spec.cluster_type.clone(),
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);
cluster_model!(
    m::SpectroEdgeNativeClusterEntity,
    |spec| account: None,
    cluster_type: None,
    policies: spec.policies.clone(),
    template: spec.cluster_template.as_ref().and_then(|t| wire::given(t.uid.as_deref())).map(str::to_owned),
);

/// The Fargate profiles of an EKS create body (`spec.fargateProfiles`), as their model writes
/// them; the other environments' bodies have none.
pub fn eks_fargate_profiles(body: &Bytes) -> ApiResult<Vec<Value>> {
    let entity = wire::body::<m::SpectroEksClusterEntity>(body)?;
    let profiles = entity
        .spec
        .and_then(|s| s.fargate_profiles)
        .unwrap_or_default();
    Ok(profiles
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()?)
}

/// A cluster-config update model (`v1*CloudClusterConfigEntity`, `{clusterConfig}`).
pub trait ClusterConfigModel: DeserializeOwned {
    /// `clusterConfig` as its model writes it, if given.
    fn into_cluster_config(self) -> ApiResult<Option<Settings>>;
}

/// Reads a cluster-config update body as the model `M`.
pub fn cluster_config<M: ClusterConfigModel>(body: &Bytes) -> ApiResult<Option<Settings>> {
    wire::body::<M>(body)?.into_cluster_config()
}

macro_rules! cluster_config_models {
    ($($ty:ty),* $(,)?) => {$(
        impl ClusterConfigModel for $ty {
            fn into_cluster_config(self) -> ApiResult<Option<Settings>> {
                self.cluster_config.as_ref().map(object).transpose()
            }
        }
    )*};
}

cluster_config_models!(
    m::AwsCloudClusterConfigEntity,
    m::AzureCloudClusterConfigEntity,
    m::GcpCloudClusterConfigEntity,
    m::TencentCloudClusterConfigEntity,
    m::EksCloudClusterConfigEntity,
    m::VsphereCloudClusterConfigEntity,
    m::CustomCloudClusterConfigEntity,
    m::OpenStackCloudClusterConfigEntity,
    m::MaasCloudClusterConfigEntity,
    m::EdgeNativeCloudClusterConfigEntity,
);

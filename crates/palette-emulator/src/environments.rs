//! The twelve environments a cluster can run on, and what differs between them: the create
//! path, the models of the create body, the cloud config, the machine pools and the machines,
//! the cloud-account family, the fields a cluster and a pool must carry, and what is particular
//! to some environments' pools (a YAML document, edge hosts, a system pool).

use axum::body::Bytes;
use axum::response::Response;
use palette_api::models as m;
use serde_json::Value;

use crate::bodies::{self, ClusterBody, PoolBody, Settings};
use crate::error::ApiResult;
use crate::wire;

type Render = fn(Value) -> ApiResult<Response>;

/// One environment.
pub struct Environment {
    /// The environment key (`edge-native`, `nutanix`, ...), also the profile cloud type.
    pub key: &'static str,
    /// The path under `/v1/spectroclusters/`.
    pub create_path: &'static str,
    /// The path under `/v1/cloudconfigs/`.
    pub config_path: &'static str,
    /// The cloud-account family it uses, if any.
    pub account: Option<&'static str>,
    /// Whether a cloud account must be given.
    pub account_required: bool,
    /// Managed Kubernetes: the provider runs the control plane, so no pool is a control plane.
    pub managed: bool,
    /// Required fields of `spec.cloudConfig`. The spec requires them too, but only in a
    /// `spec` and a `cloudConfig` that are given, so a create body without them reaches the
    /// route, which refuses it.
    pub required: &'static [&'static str],
    /// Fields of each pool's `cloudConfig` the emulator requires where the spec does not (where
    /// the spec requires them, the spec gate refuses a pool without them before any route runs).
    pub pool_required: &'static [&'static str],
    /// A pool is a YAML document (`cloudConfig.values`) that carries its name and size
    /// (`replicas`), so a pool update takes its name from the path.
    pub pool_in_values: bool,
    /// A pool is made of registered edge hosts (`cloudConfig.edgeHosts`), each held by at most
    /// one live cluster.
    pub edge_hosts: bool,
    /// A cluster needs at least one system node pool (`cloudConfig.isSystemNodePool`).
    pub system_pool_required: bool,
    /// Reads the create body.
    pub parse_create: fn(&Bytes) -> ApiResult<ClusterBody>,
    /// Reads a machine pool body (`{cloudConfig, poolConfig}`).
    pub parse_pool: fn(&Bytes) -> ApiResult<PoolBody>,
    /// Reads a `PUT .../clusterConfig` body: its `clusterConfig`, if given.
    pub parse_cluster_config: fn(&Bytes) -> ApiResult<Option<Settings>>,
    /// Writes the cloud config (a 200 through its model).
    pub render_config: Render,
    /// Writes a page of machines (a 200 through its model).
    pub render_machines: Render,
}

/// One [`Environment`]. The flags `pool_in_values`, `edge_hosts` and `system_pool_required` are
/// false unless named after a `;` at the end (`...; edge_hosts: true`).
macro_rules! env {
    ($key:literal, $create:literal, $config:literal, $account:expr, $required_account:literal, $managed:literal,
     $required:expr, $pool_required:expr, $entity:ty, $pool:ty, $cluster_config:ty, $cloud_config:ty, $machines:ty
     $(; $flag:ident: $value:literal)*) => {{
        #[allow(unused_mut)]
        let mut env = Environment {
            key: $key,
            create_path: $create,
            config_path: $config,
            account: $account,
            account_required: $required_account,
            managed: $managed,
            required: $required,
            pool_required: $pool_required,
            pool_in_values: false,
            edge_hosts: false,
            system_pool_required: false,
            parse_create: bodies::cluster::<$entity>,
            parse_pool: bodies::pool::<$pool>,
            parse_cluster_config: bodies::cluster_config::<$cluster_config>,
            render_config: wire::ok::<$cloud_config>,
            render_machines: wire::ok::<$machines>,
        };
        $(env.$flag = $value;)*
        env
    }};
}

/// Every environment.
pub const ALL: &[Environment] = &[
    env!(
        "aws",
        "aws",
        "aws",
        Some("aws"),
        true,
        false,
        &["region"],
        &[],
        m::SpectroAwsClusterEntity,
        m::AwsMachinePoolConfigEntity,
        m::AwsCloudClusterConfigEntity,
        m::AwsCloudConfig,
        m::AwsMachines
    ),
    env!(
        "azure",
        "azure",
        "azure",
        Some("azure"),
        true,
        false,
        &["subscriptionId", "location", "sshKey"],
        &["instanceType"],
        m::SpectroAzureClusterEntity,
        m::AzureMachinePoolConfigEntity,
        m::AzureCloudClusterConfigEntity,
        m::AzureCloudConfig,
        m::AzureMachines
    ),
    env!(
        "gcp",
        "gcp",
        "gcp",
        Some("gcp"),
        true,
        false,
        &["project", "region"],
        &[],
        m::SpectroGcpClusterEntity,
        m::GcpMachinePoolConfigEntity,
        m::GcpCloudClusterConfigEntity,
        m::GcpCloudConfig,
        m::GcpMachines
    ),
    env!(
        "tke",
        "tke",
        "tke",
        Some("tencent"),
        true,
        true,
        &["region"],
        &["instanceType"],
        m::SpectroTencentClusterEntity,
        m::TencentMachinePoolConfigEntity,
        m::TencentCloudClusterConfigEntity,
        m::TencentCloudConfig,
        m::TencentMachines
    ),
    env!(
        "eks",
        "eks",
        "eks",
        Some("aws"),
        true,
        true,
        &["region"],
        &["instanceType"],
        m::SpectroEksClusterEntity,
        m::EksMachinePoolConfigEntity,
        m::EksCloudClusterConfigEntity,
        m::EksCloudConfig,
        m::AwsMachines
    ),
    env!(
        "aks",
        "aks",
        "aks",
        Some("azure"),
        true,
        true,
        &["subscriptionId", "location"],
        &["instanceType"],
        m::SpectroAzureClusterEntity,
        m::AzureMachinePoolConfigEntity,
        m::AzureCloudClusterConfigEntity,
        m::AzureCloudConfig,
        m::AzureMachines; system_pool_required: true
    ),
    env!(
        "gke",
        "gke",
        "gke",
        Some("gcp"),
        true,
        true,
        &["project", "region"],
        &[],
        m::SpectroGcpClusterEntity,
        m::GcpMachinePoolConfigEntity,
        m::GcpCloudClusterConfigEntity,
        m::GcpCloudConfig,
        m::GcpMachines
    ),
    env!(
        "vsphere",
        "vsphere",
        "vsphere",
        Some("vsphere"),
        false,
        false,
        &["placement"],
        &["instanceType"],
        m::SpectroVsphereClusterEntity,
        m::VsphereMachinePoolConfigEntity,
        m::VsphereCloudClusterConfigEntity,
        m::VsphereCloudConfig,
        m::VsphereMachines
    ),
    env!(
        "nutanix",
        "cloudTypes/nutanix",
        "cloudTypes/nutanix",
        Some("nutanix"),
        true,
        false,
        &["values"],
        &["values"],
        m::SpectroCustomClusterEntity,
        m::CustomMachinePoolConfigEntity,
        m::CustomCloudClusterConfigEntity,
        m::CustomCloudConfig,
        m::CustomMachines; pool_in_values: true
    ),
    env!(
        "openstack",
        "openstack",
        "openstack",
        Some("openstack"),
        true,
        false,
        &[],
        &[],
        m::SpectroOpenStackClusterEntity,
        m::OpenStackMachinePoolConfigEntity,
        m::OpenStackCloudClusterConfigEntity,
        m::OpenStackCloudConfig,
        m::OpenStackMachines
    ),
    env!(
        "maas",
        "maas",
        "maas",
        Some("maas"),
        true,
        false,
        &["domain"],
        &[],
        m::SpectroMaasClusterEntity,
        m::MaasMachinePoolConfigEntity,
        m::MaasCloudClusterConfigEntity,
        m::MaasCloudConfig,
        m::MaasMachines
    ),
    env!(
        "edge-native",
        "edge-native",
        "edge-native",
        None,
        false,
        false,
        &[],
        &["edgeHosts"],
        m::SpectroEdgeNativeClusterEntity,
        m::EdgeNativeMachinePoolConfigEntity,
        m::EdgeNativeCloudClusterConfigEntity,
        m::EdgeNativeCloudConfig,
        m::EdgeNativeMachines; edge_hosts: true
    ),
];

/// The environment with this key.
pub fn by_key(key: &str) -> Option<&'static Environment> {
    ALL.iter().find(|e| e.key == key)
}

//! The data sources, one file each. Data sources only read: they never write to the API.

mod cloud_account;
mod cluster;
mod cluster_profile;
mod pack;
mod private_cloud_gateway;
mod registry;

use std::sync::Arc;

use tfplugin::DataSource;

/// Every data source of the provider, in alphabetical order.
pub(crate) fn all() -> Vec<Arc<dyn DataSource>> {
    vec![
        Arc::new(cloud_account::CloudAccountDataSource),
        Arc::new(cluster::ClusterDataSource),
        Arc::new(cluster_profile::ClusterProfileDataSource),
        Arc::new(pack::PackDataSource),
        Arc::new(private_cloud_gateway::PrivateCloudGatewayDataSource),
        Arc::new(registry::RegistryDataSource),
    ]
}

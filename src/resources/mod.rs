//! The managed resource types, one file each.

mod backup_storage_location;
mod cloud_account;
pub(crate) mod cluster;
pub(crate) mod cluster_profile;
mod kind_table;
mod pack;
mod pack_shared;
mod registry;
mod ssh_key;
mod timeouts;

use std::sync::Arc;

use tfplugin::Resource;

/// Every resource type of the provider, in alphabetical order.
pub(crate) fn all() -> Vec<Arc<dyn Resource>> {
    vec![
        Arc::new(backup_storage_location::BackupStorageLocationResource),
        Arc::new(cloud_account::CloudAccountResource),
        Arc::new(cluster::ClusterResource),
        Arc::new(cluster_profile::ClusterProfileResource),
        Arc::new(pack::PackResource),
        Arc::new(registry::RegistryResource),
        Arc::new(ssh_key::SshKeyResource),
    ]
}

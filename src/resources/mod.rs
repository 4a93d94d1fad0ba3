//! The managed resource types, one file each.

mod backup_storage_location;
mod cloud_account;
pub(crate) mod cluster;
pub(crate) mod cluster_profile;
pub(crate) mod cluster_template;
pub(crate) mod identity;
mod ip_pool;
mod kind_table;
mod listing;
mod pack;
mod pack_shared;
mod registry;
mod ssh_key;
mod timeouts;

use std::sync::Arc;

use tfplugin::{ListResource, Resource, ValueExt};

use identity::{Identified, IdentityRules};

/// Every resource type of the provider, in alphabetical order, each with its identity.
pub(crate) fn all() -> Vec<Arc<dyn Resource>> {
    vec![
        Identified::wrap(
            Arc::new(backup_storage_location::BackupStorageLocationResource),
            backup_storage_location::identity(),
        ),
        Identified::wrap(
            Arc::new(cloud_account::CloudAccountResource),
            cloud_account::identity(),
        ),
        Identified::wrap(Arc::new(cluster::ClusterResource), scoped()),
        Identified::wrap(
            Arc::new(cluster_profile::ClusterProfileResource),
            profile_identity(),
        ),
        Identified::wrap(
            Arc::new(cluster_template::ClusterTemplateResource),
            scoped(),
        ),
        Identified::wrap(Arc::new(ip_pool::IpPoolResource), ip_pool_identity()),
        Identified::wrap(Arc::new(pack::PackResource), pack_identity()),
        Identified::wrap(Arc::new(registry::RegistryResource), registry_identity()),
        Identified::wrap(Arc::new(ssh_key::SshKeyResource), scoped()),
    ]
}

/// Every list resource (`terraform query`), in alphabetical order.
pub(crate) fn list_resources() -> Vec<Arc<dyn ListResource>> {
    vec![
        Arc::new(cloud_account::CloudAccountList),
        Arc::new(cluster::ClusterList),
        Arc::new(cluster_profile::ClusterProfileList),
    ]
}

/// The identity of an object named by its uid and where it lives (`[tenant/]UID`).
fn scoped() -> IdentityRules {
    const ATTRIBUTES: &[(&str, &str)] =
        &[("id", "The object's uid."), ("context", identity::CONTEXT)];
    IdentityRules {
        attributes: ATTRIBUTES,
        of_state: |state| identity::same_names(ATTRIBUTES, state),
        import_id: identity::scoped_uid,
    }
}

/// A cluster profile: its name and where it lives (`[tenant/]NAME`, the newest version). A
/// version bump is a new uid changed in place, so neither the uid nor the version names the
/// object for its whole life; the name does (changing it replaces the resource).
fn profile_identity() -> IdentityRules {
    const ATTRIBUTES: &[(&str, &str)] = &[
        ("name", "The profile's name, which its versions share."),
        ("context", identity::CONTEXT),
    ];
    IdentityRules {
        attributes: ATTRIBUTES,
        of_state: |state| identity::same_names(ATTRIBUTES, state),
        import_id: |identity| {
            let name = identity::required(identity, "name")?;
            Ok(match identity.get_str("context") {
                Some("tenant") => format!("tenant/{name}"),
                _ => name.to_string(),
            })
        },
    }
}

/// A pack deployed on a cluster: the cluster's uid and the pack's name (`CLUSTER_UID/NAME`).
fn pack_identity() -> IdentityRules {
    const ATTRIBUTES: &[(&str, &str)] = &[
        (
            "cluster_id",
            "The uid of the cluster the pack is deployed on.",
        ),
        ("name", "The pack's name in that cluster's stack."),
    ];
    IdentityRules {
        attributes: ATTRIBUTES,
        of_state: |state| identity::same_names(ATTRIBUTES, state),
        import_id: |identity| {
            let cluster = identity::required(identity, "cluster_id")?;
            let name = identity::required(identity, "name")?;
            Ok(format!("{cluster}/{name}"))
        },
    }
}

/// An IP pool: its gateway and its uid (`GATEWAY_UID/POOL_UID`).
fn ip_pool_identity() -> IdentityRules {
    const ATTRIBUTES: &[(&str, &str)] = &[
        (
            "private_cloud_gateway_id",
            "Uid of the pool's private cloud gateway.",
        ),
        ("id", "Uid of the pool."),
    ];
    IdentityRules {
        attributes: ATTRIBUTES,
        of_state: |state| identity::same_names(ATTRIBUTES, state),
        import_id: |identity| {
            let gateway = identity::required(identity, "private_cloud_gateway_id")?;
            let id = identity::required(identity, "id")?;
            Ok(format!("{gateway}/{id}"))
        },
    }
}

/// A registry: its uid (registries live at tenant level).
fn registry_identity() -> IdentityRules {
    const ATTRIBUTES: &[(&str, &str)] = &[("id", "The registry's uid.")];
    IdentityRules {
        attributes: ATTRIBUTES,
        of_state: |state| identity::same_names(ATTRIBUTES, state),
        import_id: |identity| identity::required(identity, "id").map(str::to_string),
    }
}

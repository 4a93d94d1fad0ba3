//! SSH keys, a user asset: `/v1/users/assets/sshkeys` (list, create) and
//! `/v1/users/assets/sshkeys/{uid}` (get, update, delete).
//!
//! The list is not paged (`v1UserAssetsSsh` has `items` only, and the operation takes no
//! `limit`). A project scope lists the tenant's keys too, so a lookup by name keeps to the keys
//! the scope owns (`metadata.annotations.scope`, and `projectUid` when Palette sends it).

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{ObjectMeta, UserAssetSsh, UserAssetSshEntity, UserAssetsSsh};
use crate::{Client, Error, Scope};

/// The path segments of the collection.
const SSH_KEYS: [&str; 3] = ["users", "assets", "sshkeys"];

/// The path of one key.
fn key_path(uid: &str) -> String {
    v1_path(&["users", "assets", "sshkeys", uid])
}

/// Whether an object's metadata says it belongs to `scope` itself (not one a project merely
/// sees, such as a tenant key listed in a project). Metadata without a scope annotation is
/// taken as belonging.
fn owned_by(meta: &ObjectMeta, scope: &Scope) -> bool {
    let annotation = |key: &str| {
        meta.annotations
            .as_ref()
            .and_then(|a| a.get(key))
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    match (scope, annotation("scope")) {
        (_, None) => true,
        (Scope::Tenant, Some(kind)) => kind == "tenant",
        (Scope::Project(uid), Some(kind)) => {
            kind == "project" && annotation("projectUid").is_none_or(|p| p == uid)
        }
    }
}

impl Client {
    /// Every SSH key visible in `scope` (a project sees the tenant's keys too), unpaged.
    pub async fn list_ssh_keys(&self, scope: &Scope) -> Result<Vec<UserAssetSsh>, Error> {
        let list: UserAssetsSsh = self.get_json(scope, &SSH_KEYS).await?;
        Ok(list.items)
    }

    /// One SSH key.
    pub async fn get_ssh_key(&self, scope: &Scope, uid: &str) -> Result<UserAssetSsh, Error> {
        self.fetch(&Request::new(Method::GET, scope, key_path(uid)))
            .await
    }

    /// Creates an SSH key and returns its uid.
    pub async fn create_ssh_key(
        &self,
        scope: &Scope,
        key: &UserAssetSshEntity,
    ) -> Result<String, Error> {
        let req = Request::new(Method::POST, scope, v1_path(&SSH_KEYS)).json(key)?;
        self.create_uid(&req).await
    }

    /// Creates an SSH key without ever making a duplicate: after a failure that may have
    /// committed, the key is looked up by its name before posting again.
    pub async fn create_ssh_key_idempotent(
        &self,
        scope: &Scope,
        key: &UserAssetSshEntity,
    ) -> Result<String, Error> {
        let name = key
            .metadata
            .as_ref()
            .and_then(|m| m.name.clone())
            .unwrap_or_default();
        self.create_with_lookup(
            || self.create_ssh_key(scope, key),
            || self.find_ssh_key(scope, &name),
        )
        .await
    }

    /// Replaces an SSH key's name and public key.
    pub async fn update_ssh_key(
        &self,
        scope: &Scope,
        uid: &str,
        key: &UserAssetSsh,
    ) -> Result<(), Error> {
        let req = Request::new(Method::PUT, scope, key_path(uid)).json(key)?;
        self.run(&req).await
    }

    /// Deletes an SSH key.
    pub async fn delete_ssh_key(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(Method::DELETE, scope, key_path(uid));
        self.run(&req).await
    }

    /// The uid of the SSH key named `name` that `scope` owns (a project's lookup passes over
    /// the tenant's keys it also lists).
    pub async fn find_ssh_key(&self, scope: &Scope, name: &str) -> Result<Option<String>, Error> {
        let all = self.list_ssh_keys(scope).await?;
        Ok(all.into_iter().find_map(|key| {
            let meta = key.metadata?;
            (meta.name.as_deref() == Some(name) && owned_by(&meta, scope))
                .then_some(meta.uid)
                .flatten()
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn meta(annotations: &[(&str, &str)]) -> ObjectMeta {
        let annotations: BTreeMap<String, String> = annotations
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ObjectMeta {
            annotations: Some(annotations),
            ..ObjectMeta::default()
        }
    }

    #[test]
    fn a_scope_owns_only_its_own_keys() {
        let project = Scope::Project("p1".into());
        let cases = [
            ("no annotation", meta(&[]), true, true),
            ("tenant key", meta(&[("scope", "tenant")]), false, true),
            ("project key", meta(&[("scope", "project")]), true, false),
            (
                "this project's key",
                meta(&[("scope", "project"), ("projectUid", "p1")]),
                true,
                false,
            ),
            (
                "another project's key",
                meta(&[("scope", "project"), ("projectUid", "p2")]),
                false,
                false,
            ),
        ];
        for (what, meta, in_project, in_tenant) in cases {
            assert_eq!(owned_by(&meta, &project), in_project, "{what} in a project");
            assert_eq!(
                owned_by(&meta, &Scope::Tenant),
                in_tenant,
                "{what} in the tenant"
            );
        }
    }
}

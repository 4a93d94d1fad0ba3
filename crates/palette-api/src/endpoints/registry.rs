//! Registries: the cross-kind metadata list, and one generic set of calls (create, read, update,
//! delete, sync, sync status) over [`RegistryKind`] for pack, Helm, basic OCI and ECR registries.
//!
//! Registry bodies carry credentials: they are never logged (the client traces no bodies) and
//! their `Debug` output is redacted.

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::{Request, v1_path};
use crate::models::{
    BasicOciRegistry, EcrRegistry, HelmRegistry, HelmRegistryEntity, ObjectMeta, OciRegistries,
    OciRegistry, PackRegistry, RegistriesMetadata, RegistryMetadata, RegistrySyncStatus,
};
use crate::{Client, Error, Scope};

/// A registry type with calls of its own: where it lives under `/v1/registries`, the model read
/// back (also the update body), and the model written on create.
///
/// A registry's paths are `/v1/registries/<BASE>/<SUFFIX>` for a create and
/// `/v1/registries/<BASE>/{uid}/<SUFFIX>` for one registry: `pack` and `helm` have no suffix,
/// OCI registries live under `oci` with the suffix `basic` or `ecr`.
pub trait RegistryKind: DeserializeOwned + Serialize + Send + Sync {
    /// The segment after `/v1/registries`: `pack`, `helm` or `oci`.
    const BASE: &'static str;
    /// The segment after the uid (and after `BASE` on create): `basic` or `ecr` for OCI.
    const SUFFIX: Option<&'static str>;
    /// The create body.
    type Create: Serialize + Sync;
    /// The registry's metadata.
    fn metadata(&self) -> Option<&ObjectMeta>;
    /// The registry's sync status, as its read model reports it.
    fn sync_status(&self) -> Option<&RegistrySyncStatus>;
}

impl RegistryKind for PackRegistry {
    const BASE: &'static str = "pack";
    const SUFFIX: Option<&'static str> = None;
    type Create = PackRegistry;
    fn metadata(&self) -> Option<&ObjectMeta> {
        self.metadata.as_ref()
    }
    fn sync_status(&self) -> Option<&RegistrySyncStatus> {
        self.status.as_ref()?.pack_sync_status.as_ref()
    }
}

impl RegistryKind for HelmRegistry {
    const BASE: &'static str = "helm";
    const SUFFIX: Option<&'static str> = None;
    type Create = HelmRegistryEntity;
    fn metadata(&self) -> Option<&ObjectMeta> {
        self.metadata.as_ref()
    }
    fn sync_status(&self) -> Option<&RegistrySyncStatus> {
        self.status.as_ref()?.helm_sync_status.as_ref()
    }
}

impl RegistryKind for BasicOciRegistry {
    const BASE: &'static str = "oci";
    const SUFFIX: Option<&'static str> = Some("basic");
    type Create = BasicOciRegistry;
    fn metadata(&self) -> Option<&ObjectMeta> {
        self.metadata.as_ref()
    }
    fn sync_status(&self) -> Option<&RegistrySyncStatus> {
        self.status.as_ref()?.sync_status.as_ref()
    }
}

impl RegistryKind for EcrRegistry {
    const BASE: &'static str = "oci";
    const SUFFIX: Option<&'static str> = Some("ecr");
    type Create = EcrRegistry;
    fn metadata(&self) -> Option<&ObjectMeta> {
        self.metadata.as_ref()
    }
    fn sync_status(&self) -> Option<&RegistrySyncStatus> {
        self.status.as_ref()?.sync_status.as_ref()
    }
}

/// `/v1/registries/<BASE>[/<uid>][/<SUFFIX>]<tail>`.
fn registry_path<R: RegistryKind>(uid: Option<&str>, tail: &[&str]) -> String {
    let mut segments = vec!["registries", R::BASE];
    segments.extend(uid);
    segments.extend(R::SUFFIX);
    segments.extend_from_slice(tail);
    v1_path(&segments)
}

impl Client {
    /// Every registry of every kind (pack, helm, OCI), unpaged.
    pub async fn list_registries_metadata(
        &self,
        scope: &Scope,
    ) -> Result<Vec<RegistryMetadata>, Error> {
        let req = Request::new(Method::GET, scope, v1_path(&["registries", "metadata"]));
        let list: RegistriesMetadata = self.fetch(&req).await?;
        Ok(list.items)
    }

    /// Every pack registry (paged).
    pub async fn list_pack_registries(&self, scope: &Scope) -> Result<Vec<PackRegistry>, Error> {
        self.get_all(scope, &["registries", "pack"]).await
    }

    /// One pack registry.
    pub async fn get_pack_registry(&self, scope: &Scope, uid: &str) -> Result<PackRegistry, Error> {
        self.get_registry::<PackRegistry>(scope, uid).await
    }

    /// Every OCI registry, basic and ECR, with its `registryType` (unpaged).
    pub async fn list_oci_registries(&self, scope: &Scope) -> Result<Vec<OciRegistry>, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["registries", "oci", "summary"]),
        );
        let list: OciRegistries = self.fetch(&req).await?;
        Ok(list.items)
    }

    /// One registry of kind `R`.
    pub async fn get_registry<R: RegistryKind>(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<R, Error> {
        let req = Request::new(Method::GET, scope, registry_path::<R>(Some(uid), &[]));
        self.fetch(&req).await
    }

    /// Creates a registry of kind `R` and returns its uid. Palette starts syncing it at once.
    pub async fn create_registry<R: RegistryKind>(
        &self,
        scope: &Scope,
        registry: &R::Create,
    ) -> Result<String, Error> {
        let req =
            Request::new(Method::POST, scope, registry_path::<R>(None, &[])).json(registry)?;
        self.create_uid(&req).await
    }

    /// Creates a registry of kind `R` named `name` without ever making a duplicate.
    pub async fn create_registry_idempotent<R: RegistryKind>(
        &self,
        scope: &Scope,
        name: &str,
        registry: &R::Create,
    ) -> Result<String, Error> {
        self.create_with_lookup(
            || self.create_registry::<R>(scope, registry),
            || self.find_registry(scope, R::BASE, name),
        )
        .await
    }

    /// Replaces a registry of kind `R` (credentials included: the body's secrets are sent).
    pub async fn update_registry<R: RegistryKind>(
        &self,
        scope: &Scope,
        uid: &str,
        registry: &R,
    ) -> Result<(), Error> {
        let req =
            Request::new(Method::PUT, scope, registry_path::<R>(Some(uid), &[])).json(registry)?;
        self.run(&req).await
    }

    /// Deletes a registry of kind `R`.
    pub async fn delete_registry<R: RegistryKind>(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<(), Error> {
        let req = Request::new(Method::DELETE, scope, registry_path::<R>(Some(uid), &[]));
        self.run(&req).await
    }

    /// Asks Palette to sync a registry of kind `R` again (202; the sync runs in the background).
    /// Asking twice starts no second sync, so the call is safe to repeat.
    pub async fn sync_registry<R: RegistryKind>(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::POST,
            scope,
            registry_path::<R>(Some(uid), &["sync"]),
        )
        .idempotent(true);
        self.run(&req).await
    }

    /// The sync status of a registry of kind `R`.
    pub async fn registry_sync_status<R: RegistryKind>(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<RegistrySyncStatus, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            registry_path::<R>(Some(uid), &["sync", "status"]),
        );
        self.fetch(&req).await
    }

    /// The uid of the registry of metadata kind `kind` (`pack`, `helm` or `oci`) named `name`.
    pub async fn find_registry(
        &self,
        scope: &Scope,
        kind: &str,
        name: &str,
    ) -> Result<Option<String>, Error> {
        let all = self.list_registries_metadata(scope).await?;
        Ok(all
            .into_iter()
            .find(|r| r.kind.as_deref() == Some(kind) && r.name.as_deref() == Some(name))
            .and_then(|r| r.uid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_paths_put_the_uid_before_the_oci_kind() {
        assert_eq!(
            registry_path::<PackRegistry>(None, &[]),
            "/v1/registries/pack"
        );
        assert_eq!(
            registry_path::<HelmRegistry>(Some("u1"), &["sync", "status"]),
            "/v1/registries/helm/u1/sync/status"
        );
        assert_eq!(
            registry_path::<BasicOciRegistry>(None, &[]),
            "/v1/registries/oci/basic"
        );
        assert_eq!(
            registry_path::<EcrRegistry>(Some("u2"), &["sync"]),
            "/v1/registries/oci/u2/ecr/sync"
        );
    }
}

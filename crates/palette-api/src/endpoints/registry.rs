//! Pack registries: `GET /v1/registries/metadata`, `GET /v1/registries/pack[/{uid}]`.

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{PackRegistry, RegistriesMetadata, RegistryMetadata};
use crate::{Client, Error, Scope};

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
        self.get_json(scope, &["registries", "pack", uid]).await
    }
}

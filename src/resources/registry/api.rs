//! The registry's API calls, chosen by [`Kind`]: each kind has its own paths and models, and
//! these functions pick them so the handlers read the same for every kind.

use palette_api::models::{
    BasicOciRegistry, EcrRegistry, HelmRegistry, PackRegistry, RegistrySyncStatus,
};
use palette_api::{Client, Error, Scope};

use super::model::{Kind, RegistryPlan};
use super::wire::{Remote, Wire};

/// Runs `$body` with `$r` the API model of `$kind`.
macro_rules! by_kind {
    ($kind:expr, $r:ident => $body:expr) => {
        match $kind {
            Kind::Pack => {
                type $r = PackRegistry;
                $body
            }
            Kind::Helm => {
                type $r = HelmRegistry;
                $body
            }
            Kind::OciBasic => {
                type $r = BasicOciRegistry;
                $body
            }
            Kind::OciEcr => {
                type $r = EcrRegistry;
                $body
            }
        }
    };
}

/// Registries live at tenant level ([`super::model::SCOPE`]): every call runs there.
pub(super) fn scope() -> Scope {
    Scope::Tenant
}

/// Creates the planned registry, never twice (a retried create finds the first by name).
pub(super) async fn create(client: &Client, plan: &RegistryPlan) -> Result<String, Error> {
    let scope = scope();
    by_kind!(plan.kind, R => {
        client
            .create_registry_idempotent::<R>(&scope, &plan.name, &R::create_body(plan))
            .await
    })
}

/// Reads registry `uid` of `kind`.
pub(super) async fn get(client: &Client, kind: Kind, uid: &str) -> Result<Remote, Error> {
    by_kind!(kind, R => client.get_registry::<R>(&scope(), uid).await.map(Wire::remote))
}

/// Replaces registry `uid` with the plan, secret included.
pub(super) async fn update(client: &Client, uid: &str, plan: &RegistryPlan) -> Result<(), Error> {
    by_kind!(plan.kind, R => {
        client
            .update_registry::<R>(&scope(), uid, &R::update_body(plan, uid))
            .await
    })
}

/// Deletes registry `uid` of `kind`.
pub(super) async fn delete(client: &Client, kind: Kind, uid: &str) -> Result<(), Error> {
    by_kind!(kind, R => client.delete_registry::<R>(&scope(), uid).await)
}

/// Asks Palette to sync registry `uid` of `kind` again.
pub(super) async fn sync(client: &Client, kind: Kind, uid: &str) -> Result<(), Error> {
    by_kind!(kind, R => client.sync_registry::<R>(&scope(), uid).await)
}

/// The sync status of registry `uid` of `kind`.
pub(super) async fn sync_status(
    client: &Client,
    kind: Kind,
    uid: &str,
) -> Result<RegistrySyncStatus, Error> {
    by_kind!(kind, R => client.registry_sync_status::<R>(&scope(), uid).await)
}

/// The kind of registry `uid`, from the OCI summary for an OCI registry (basic or ECR); `None`
/// when no registry has that uid.
pub(super) async fn kind_of(
    client: &Client,
    metadata_kind: Option<&str>,
    uid: &str,
) -> Result<Option<Kind>, Error> {
    Ok(match metadata_kind {
        Some("pack") => Some(Kind::Pack),
        Some("helm") => Some(Kind::Helm),
        Some("oci") => {
            let all = client.list_oci_registries(&scope()).await?;
            let registry_type = all
                .iter()
                .find(|r| r.metadata.as_ref().and_then(|m| m.uid.as_deref()) == Some(uid))
                .and_then(|r| r.spec.as_ref()?.registry_type.as_deref());
            Some(match registry_type {
                Some("ecr") => Kind::OciEcr,
                _ => Kind::OciBasic,
            })
        }
        _ => None,
    })
}

//! The carrier: the add-on profile, owned by the resource, that holds its one pack.

use std::collections::BTreeMap;

use palette_api::models::{
    ClusterProfileEntity, ClusterProfileEntitySpec, ClusterProfileTemplateDraft,
    ClusterProfileTemplateUpdate, ClusterProfileUpdateEntity, ClusterProfileUpdateEntitySpec,
    ObjectMeta, ProfileType as ApiProfileType,
};
use palette_api::{Client, Scope};

use crate::resources::pack_shared::stored_pack;

use super::model::PackPlan;
use super::{CARRIER_LABEL, CARRIER_VERSION};

/// The carrier's metadata.
fn carrier_meta(name: &str, plan: &PackPlan) -> ObjectMeta {
    let mut labels = BTreeMap::new();
    labels.insert(CARRIER_LABEL.to_owned(), "true".to_owned());
    let mut annotations = BTreeMap::new();
    annotations.insert(
        "description".to_owned(),
        format!(
            "Carries pack {:?} onto cluster {}; managed by Terraform (palette_pack).",
            plan.name(),
            plan.cluster_uid
        ),
    );
    ObjectMeta {
        name: Some(name.to_owned()),
        labels: Some(labels),
        annotations: Some(annotations),
        ..ObjectMeta::default()
    }
}

/// Creates the carrier profile (as a draft; [`publish`] follows once its uid is in the state);
/// returns its uid. A carrier of the same name left by an earlier, interrupted run (or detached
/// outside Terraform) is adopted and brought up to date.
pub(super) async fn create_carrier(
    client: &Client,
    scope: &Scope,
    name: &str,
    plan: &PackPlan,
) -> Result<String, palette_api::Error> {
    let entity = ClusterProfileEntity {
        metadata: Some(carrier_meta(name, plan)),
        spec: Some(ClusterProfileEntitySpec {
            template: Some(ClusterProfileTemplateDraft {
                cloud_type: Some("all".to_owned()),
                packs: Some(vec![plan.pack.create_entity()]),
                type_: Some(ApiProfileType::AddOn),
            }),
            variables: None,
            version: Some(CARRIER_VERSION.to_owned()),
        }),
    };
    match client
        .create_cluster_profile_idempotent(scope, &entity, false)
        .await
    {
        Ok(uid) => Ok(uid),
        Err(err) if err.is_conflict() => {
            let Some(uid) = client
                .find_cluster_profile(scope, name, Some(CARRIER_VERSION))
                .await?
            else {
                return Err(err);
            };
            tracing::info!(profile = %uid, "adopting the existing carrier profile {name:?}");
            update_carrier(client, scope, &uid, plan).await?;
            Ok(uid)
        }
        Err(err) => Err(err),
    }
}

/// Rewrites the carrier's one pack as planned (a draft until [`publish`]).
pub(super) async fn update_carrier(
    client: &Client,
    scope: &Scope,
    uid: &str,
    plan: &PackPlan,
) -> Result<(), palette_api::Error> {
    let current = client.get_cluster_profile(scope, uid).await?;
    let name = current
        .metadata
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_default();
    let current_pack = stored_pack(&current, plan.name());
    let update = ClusterProfileUpdateEntity {
        metadata: Some(carrier_meta(&name, plan)),
        spec: Some(ClusterProfileUpdateEntitySpec {
            template: Some(ClusterProfileTemplateUpdate {
                packs: Some(vec![plan.pack.update_entity(current_pack)]),
                type_: Some(ApiProfileType::AddOn),
            }),
            version: Some(CARRIER_VERSION.to_owned()),
        }),
    };
    client.update_cluster_profile(scope, uid, &update).await
}

/// Publishes the carrier, so the cluster can use what it now holds.
pub(super) async fn publish(
    client: &Client,
    scope: &Scope,
    uid: &str,
) -> Result<(), palette_api::Error> {
    client.publish_cluster_profile(scope, uid).await
}

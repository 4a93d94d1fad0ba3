//! Reading the cluster the pack is on, and the pack into a state.

use palette_api::models::{ClusterProfileTemplate, SpectroCluster};
use palette_api::{Client, Scope};
use tfplugin::resource::{ReadRequest, ReadResponse};
use tfplugin::{Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::pack_shared::{StoredProfile, stored_pack};

/// The profiles attached to a cluster.
pub(super) fn attached(cluster: &SpectroCluster) -> &[ClusterProfileTemplate] {
    cluster
        .spec
        .as_ref()
        .and_then(|s| s.cluster_profile_templates.as_deref())
        .unwrap_or_default()
}

/// The cluster's name, for messages and log lines.
pub(super) fn cluster_name(cluster: &SpectroCluster) -> String {
    cluster
        .metadata
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_default()
}

/// Whether a cluster read means the cluster is gone.
fn cluster_gone(cluster: &SpectroCluster) -> bool {
    cluster
        .status
        .as_ref()
        .and_then(|s| s.state.as_deref())
        .is_some_and(|s| s == "Deleted")
}

/// Reads a cluster; `None` when it is gone.
pub(super) async fn get_cluster(
    client: &Client,
    scope: &Scope,
    uid: &str,
) -> Result<Option<SpectroCluster>, palette_api::Error> {
    match client.get_cluster(scope, uid).await {
        Ok(cluster) if cluster_gone(&cluster) => Ok(None),
        Ok(cluster) => Ok(Some(cluster)),
        Err(err) if err.is_not_found() => Ok(None),
        Err(err) => Err(err),
    }
}

/// The `read` handler: follows the pack, or removes it when it is gone.
pub(super) async fn read(req: ReadRequest, resp: &mut ReadResponse) {
    const SUMMARY: &str = "Read Pack Error";
    let context = req.state.get_str("context").unwrap_or("project").to_owned();
    let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    match read_pack(data, &scope, &req.state).await {
        Ok(Some(mut state)) => {
            state.set("context", context);
            resp.state = state;
        }
        Ok(None) => resp.remove(),
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!(
                "reading pack {:?} on cluster {}",
                req.state.get_str("name").unwrap_or_default(),
                req.state.get_str("cluster_id").unwrap_or_default()
            ),
            &err,
        )),
    }
}

/// Reads the pack into a state; `None` when it is gone (cluster deleted, carrier detached or
/// deleted, or the pack no longer in the carrier).
async fn read_pack(
    data: &PaletteData,
    scope: &Scope,
    prior: &Value,
) -> Result<Option<Value>, palette_api::Error> {
    let client = &data.client;
    let (Some(cluster_uid), Some(name), Some(profile_uid)) = (
        prior.get_str("cluster_id"),
        prior.get_str("name"),
        prior.get_str("profile_id").filter(|s| !s.is_empty()),
    ) else {
        return Ok(None);
    };
    let Some(cluster) = get_cluster(client, scope, cluster_uid).await? else {
        return Ok(None);
    };
    if !attached(&cluster)
        .iter()
        .any(|t| t.uid.as_deref() == Some(profile_uid))
    {
        return Ok(None);
    }
    let profile = match client.get_cluster_profile(scope, profile_uid).await {
        Ok(profile) => profile,
        Err(err) if err.is_not_found() => return Ok(None),
        Err(err) => return Err(err),
    };
    let Some(api) = stored_pack(&profile, name).cloned() else {
        return Ok(None);
    };
    let mut state = prior.clone();
    state.set("id", format!("{cluster_uid}/{name}"));
    // An import knows no registry name (nor tag).
    let imported = prior.get("registry_name").is_none_or(Value::is_null)
        && prior.get("tag").is_none_or(Value::is_null);
    let stored = StoredProfile {
        client,
        resolver: Some(&data.resolver),
        scope,
        uid: profile_uid,
    };
    stored
        .read_pack(&mut state, &api, Some(prior), imported)
        .await?;
    let layer_state = crate::wait::layers_of(&cluster)
        .into_iter()
        .find(|l| l.profile_uid == profile_uid && l.name == name)
        .map(|l| l.state)
        .unwrap_or_else(|| "Pending".to_owned());
    state.set("state", layer_state);
    Ok(Some(state))
}

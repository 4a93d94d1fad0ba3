//! Import by `CLUSTER_UID/PACK_NAME`: only packs a carrier deployed.

use palette_api::models::ClusterProfileTemplate;
use tfplugin::ValueExt;
use tfplugin::resource::{ImportStateRequest, ImportStateResponse};

use crate::diagnostics;
use crate::provider_data::{PaletteData, context_of};
use palette_stack::import_id::parse_pack_import_id;

use super::CARRIER_PREFIX;
use super::read::{attached, cluster_name, get_cluster};

/// The `import_state` handler. The cluster is looked up in the provider's project, then in the
/// tenant; the pack must come from a carrier on it.
pub(super) async fn import_state(req: ImportStateRequest, resp: &mut ImportStateResponse) {
    const SUMMARY: &str = "Import Pack Error";
    let id = match parse_pack_import_id(&req.id) {
        Ok(id) => id,
        Err(err) => {
            resp.diagnostics.error(
                "Invalid Import ID",
                format!(
                    "The import ID of a palette_pack is `CLUSTER_UID/PACK_NAME`: {err}. \
                     Example: `5f2b6c0e9d8a7b6c5d4e3f21/prometheus-operator`."
                ),
            );
            return;
        }
    };
    // The cluster lives in the provider's project or, shared, in the tenant: the project
    // is asked first, and the cluster's own scope decides the context.
    let mut found = None;
    for context in ["project", "tenant"] {
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        match get_cluster(&data.client, &scope, &id.cluster_uid).await {
            Ok(Some(cluster)) => {
                found = Some((context, cluster));
                break;
            }
            Ok(None) => {}
            Err(err) => {
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("reading cluster {}", id.cluster_uid),
                    &err,
                ));
                return;
            }
        }
    }
    let Some((asked, cluster)) = found else {
        let project = match req.provider_data.require::<PaletteData>() {
            Ok(data) => data.project.clone(),
            Err(diag) => return resp.diagnostics.push(diag),
        };
        resp.diagnostics.error(
            SUMMARY,
            format!(
                "There is no cluster with uid {} in project {project:?} or in the tenant.",
                id.cluster_uid
            ),
        );
        return;
    };
    let context = context_of(cluster.metadata.as_ref()).unwrap_or(asked);
    let holders: Vec<&ClusterProfileTemplate> = attached(&cluster)
        .iter()
        .filter(|t| t.packs.iter().flatten().any(|p| p.name == id.pack_name))
        .collect();
    let carrier = holders.iter().find(|t| {
        t.name
            .as_deref()
            .is_some_and(|n| n.starts_with(CARRIER_PREFIX))
    });
    match (carrier, holders.first()) {
        (Some(carrier), _) => {
            resp.state
                .set("id", format!("{}/{}", id.cluster_uid, id.pack_name));
            resp.state.set("cluster_id", id.cluster_uid.clone());
            resp.state.set("name", id.pack_name.clone());
            resp.state
                .set("profile_id", carrier.uid.clone().unwrap_or_default());
            resp.state.set("context", context);
        }
        (None, Some(holder)) => resp.diagnostics.error(
            SUMMARY,
            format!(
                "Pack {:?} on cluster {:?} comes from cluster profile {:?} (uid {}), which \
                 was not made by palette_pack. Only packs deployed with palette_pack can be \
                 imported; manage this one through that profile (palette_cluster_profile) \
                 and the cluster's `cluster_profile` blocks instead.",
                id.pack_name,
                cluster_name(&cluster),
                holder.name.as_deref().unwrap_or_default(),
                holder.uid.as_deref().unwrap_or_default()
            ),
        ),
        (None, None) => resp.diagnostics.error(
            SUMMARY,
            format!(
                "Cluster {:?} ({}) has no pack named {:?} in its stack.",
                cluster_name(&cluster),
                id.cluster_uid,
                id.pack_name
            ),
        ),
    }
}

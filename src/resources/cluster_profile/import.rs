//! Import by name and version, by name (the newest version), or by uid.

use tfplugin::ValueExt;
use tfplugin::resource::{ImportStateRequest, ImportStateResponse};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use palette_stack::import_id::{ProfileTarget, parse_profile_import_id};

/// The `import_state` handler.
pub(super) async fn import_state(req: ImportStateRequest, resp: &mut ImportStateResponse) {
    const SUMMARY: &str = "Import Cluster Profile Error";
    let id = match parse_profile_import_id(&req.id) {
        Ok(id) => id,
        Err(err) => {
            resp.diagnostics.error(
                "Invalid Import ID",
                format!(
                    "The import ID of a palette_cluster_profile names one version of a \
                     profile: {err}. Examples: `aws-base@1.0.0`, `aws-base` (newest version), \
                     `tenant/shared-addons@2.1.0`, or the uid."
                ),
            );
            return;
        }
    };
    let context = id.scope.context();
    let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    let uid = match id.target {
        ProfileTarget::Uid(uid) => uid,
        ProfileTarget::Name { name, version } => {
            let version = version.map(|v| v.to_string());
            match data
                .client
                .find_cluster_profile(&scope, &name, version.as_deref())
                .await
            {
                Ok(Some(uid)) => uid,
                Ok(None) => {
                    resp.diagnostics.error(
                        "Cluster Profile Not Found",
                        format!(
                            "There is no cluster profile named {name:?}{} in the {context} \
                             scope. Check the name (and version), and use the prefix \
                             `tenant/` for a tenant profile.",
                            version
                                .map(|v| format!(" at version {v}"))
                                .unwrap_or_default()
                        ),
                    );
                    return;
                }
                Err(err) => {
                    resp.diagnostics.push(diagnostics::api_error(
                        SUMMARY,
                        &format!("looking up cluster profile {name:?}"),
                        &err,
                    ));
                    return;
                }
            }
        }
    };
    resp.state.set("id", uid);
    resp.state.set("context", context);
}

//! UpgradeResourceState: bring a stored state to the current schema version.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::upgrade_resource_state::upgrade_resource_state;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn upgrade_resource_state(
        &self,
        req: pb::upgrade_resource_state::Request,
    ) -> pb::upgrade_resource_state::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.type_name, &mut diags) else {
            return pb::upgrade_resource_state::Response {
                upgraded_state: None,
                diagnostics: convert::diagnostics(diags),
            };
        };
        let raw = req.raw_state.unwrap_or_default();
        if raw.json.is_empty() && !raw.flatmap.is_empty() {
            diags.error(
                "Unable to Upgrade Resource State",
                "The stored state uses the legacy flat-map format, which this provider cannot \
                 read. Remove the resource from state and import it again.",
            );
            return pb::upgrade_resource_state::Response {
                upgraded_state: None,
                diagnostics: convert::diagnostics(diags),
            };
        }
        let (state, upgrade_diags) = upgrade_resource_state(
            &self.context(),
            r.handler.as_ref(),
            &r.schema,
            req.version,
            &raw.json,
        )
        .await;
        diags.extend(upgrade_diags);
        let upgraded_state = if diags.has_errors() {
            None
        } else {
            convert::encode(&state, &r.ty, "upgraded state", &mut diags)
        };
        pb::upgrade_resource_state::Response {
            upgraded_state,
            diagnostics: convert::diagnostics(diags),
        }
    }
}

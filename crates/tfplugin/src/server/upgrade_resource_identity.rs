//! UpgradeResourceIdentity: bring a stored identity to the current identity version.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::upgrade_resource_identity::upgrade_resource_identity;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn upgrade_resource_identity(
        &self,
        req: pb::upgrade_resource_identity::Request,
    ) -> pb::upgrade_resource_identity::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.type_name, &mut diags) else {
            return pb::upgrade_resource_identity::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let raw = req.raw_identity.map(|s| s.json).unwrap_or_default();
        let (identity, upgrade_diags) = upgrade_resource_identity(
            &self.context(),
            r.handler.as_ref(),
            r.identity.as_ref(),
            req.version,
            raw,
        )
        .await;
        diags.extend(upgrade_diags);
        let upgraded_identity =
            r.encode_identity(identity.as_ref(), "upgraded identity", &mut diags);
        pb::upgrade_resource_identity::Response {
            upgraded_identity,
            diagnostics: convert::diagnostics(diags),
        }
    }
}

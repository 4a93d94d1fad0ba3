//! MoveResourceState: adopt the state of another resource type.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::move_resource_state::move_resource_state;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;
use crate::resource::MoveStateRequest;

impl<P: Provider> Inner<P> {
    pub(super) async fn move_resource_state(
        &self,
        req: pb::move_resource_state::Request,
    ) -> pb::move_resource_state::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.target_type_name, &mut diags) else {
            return pb::move_resource_state::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let source = MoveStateRequest {
            source_provider_address: req.source_provider_address,
            source_type_name: req.source_type_name,
            source_schema_version: req.source_schema_version,
            source_state: req.source_state.map(|s| s.json).unwrap_or_default(),
            source_private: req.source_private,
            source_identity: req.source_identity.map(|s| s.json).unwrap_or_default(),
            source_identity_schema_version: req.source_identity_schema_version,
        };
        let result = move_resource_state(
            &self.context(),
            r.handler.as_ref(),
            &r.schema,
            r.identity.as_ref(),
            source,
        )
        .await;
        diags.extend(result.diagnostics);
        let target_state = if result.state.is_null() {
            None
        } else {
            convert::encode(&result.state, &r.ty, "moved state", &mut diags)
        };
        let target_identity =
            r.encode_identity(result.identity.as_ref(), "moved identity", &mut diags);
        pb::move_resource_state::Response {
            target_state,
            diagnostics: convert::diagnostics(diags),
            target_private: result.private.to_bytes(),
            target_identity,
        }
    }
}

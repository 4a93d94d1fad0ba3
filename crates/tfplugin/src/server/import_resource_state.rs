//! ImportResourceState: turn an import identifier or identity into a state.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::import_resource_state::import_resource_state;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn import_resource_state(
        &self,
        req: pb::import_resource_state::Request,
    ) -> pb::import_resource_state::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.type_name, &mut diags) else {
            return pb::import_resource_state::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let requested = r.decode_identity(req.identity.as_ref(), "identity to import", &mut diags);
        if diags.has_errors() {
            return pb::import_resource_state::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        }
        let result = import_resource_state(
            &self.context(),
            r.handler.as_ref(),
            &r.schema,
            r.identity.as_ref(),
            req.id,
            requested,
            self.provider_data(),
            convert::client_capabilities(req.client_capabilities.as_ref()),
        )
        .await;
        diags.extend(result.diagnostics);
        let mut imported_resources = Vec::new();
        if let Some((state, private)) = result.state {
            let state = convert::encode(&state, &r.ty, "imported state", &mut diags);
            let identity =
                r.encode_identity(result.identity.as_ref(), "imported identity", &mut diags);
            imported_resources.push(pb::import_resource_state::ImportedResource {
                type_name: req.type_name,
                state,
                private: private.to_bytes(),
                identity,
            });
        }
        pb::import_resource_state::Response {
            imported_resources,
            diagnostics: convert::diagnostics(diags),
            deferred: convert::deferred(result.deferred),
        }
    }
}

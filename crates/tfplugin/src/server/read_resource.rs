//! ReadResource: refresh one resource instance.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::read_resource::{ReadResourceRequest, read_resource};
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn read_resource(
        &self,
        req: pb::read_resource::Request,
    ) -> pb::read_resource::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.type_name, &mut diags) else {
            return pb::read_resource::Response {
                diagnostics: convert::diagnostics(diags),
                new_state: req.current_state,
                private: req.private,
                ..Default::default()
            };
        };
        let current_state = convert::decode(
            req.current_state.as_ref(),
            &r.ty,
            "current state",
            &mut diags,
        );
        let private = convert::private_from_proto(&req.private, &mut diags);
        let current_identity = r.decode_identity(
            req.current_identity.as_ref(),
            "current identity",
            &mut diags,
        );
        if diags.has_errors() {
            return pb::read_resource::Response {
                diagnostics: convert::diagnostics(diags),
                new_state: req.current_state,
                private: req.private,
                ..Default::default()
            };
        }
        let result = read_resource(
            &self.context(),
            r.handler.as_ref(),
            &r.schema,
            r.identity.as_ref(),
            ReadResourceRequest {
                current_state,
                private,
                provider_data: self.provider_data(),
                client_capabilities: convert::client_capabilities(req.client_capabilities.as_ref()),
                current_identity,
            },
        )
        .await;
        diags.extend(result.diagnostics);
        let new_state = convert::encode(&result.new_state, &r.ty, "refreshed state", &mut diags);
        let new_identity = r.encode_identity(
            result.new_identity.as_ref(),
            "refreshed identity",
            &mut diags,
        );
        pb::read_resource::Response {
            new_state,
            diagnostics: convert::diagnostics(diags),
            private: result.private.to_bytes(),
            deferred: convert::deferred(result.deferred),
            new_identity,
        }
    }
}

//! ApplyResourceChange: carry out a planned change of one resource instance.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::apply_resource_change::{ApplyRequest, apply_resource_change};
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn apply_resource_change(
        &self,
        req: pb::apply_resource_change::Request,
    ) -> pb::apply_resource_change::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.type_name, &mut diags) else {
            return pb::apply_resource_change::Response {
                new_state: req.prior_state,
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let prior_state =
            convert::decode(req.prior_state.as_ref(), &r.ty, "prior state", &mut diags);
        let planned_state = convert::decode(
            req.planned_state.as_ref(),
            &r.ty,
            "planned state",
            &mut diags,
        );
        let config = convert::decode(req.config.as_ref(), &r.ty, "configuration", &mut diags);
        let planned_private = convert::private_from_proto(&req.planned_private, &mut diags);
        let planned_identity = r.decode_identity(
            req.planned_identity.as_ref(),
            "planned identity",
            &mut diags,
        );
        if diags.has_errors() {
            // Nothing was done: keep the prior state.
            return pb::apply_resource_change::Response {
                new_state: req.prior_state,
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        }
        let result = apply_resource_change(
            &self.context(),
            r.handler.as_ref(),
            &r.schema,
            r.identity.as_ref(),
            ApplyRequest {
                prior_state,
                planned_state,
                config,
                planned_private,
                provider_data: self.provider_data(),
                planned_identity,
            },
        )
        .await;
        diags.extend(result.diagnostics);
        let new_state = convert::encode(&result.new_state, &r.ty, "new state", &mut diags);
        let new_identity =
            r.encode_identity(result.new_identity.as_ref(), "new identity", &mut diags);
        pb::apply_resource_change::Response {
            new_state,
            private: result.private.to_bytes(),
            diagnostics: convert::diagnostics(diags),
            legacy_type_system: false,
            new_identity,
        }
    }
}

//! PlanResourceChange: plan creation, update or destruction of one resource instance.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::plan_resource_change::{PlanRequest, plan_resource_change};
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn plan_resource_change(
        &self,
        req: pb::plan_resource_change::Request,
    ) -> pb::plan_resource_change::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.type_name, &mut diags) else {
            return failed(diags);
        };
        let prior_state =
            convert::decode(req.prior_state.as_ref(), &r.ty, "prior state", &mut diags);
        let proposed_new_state = convert::decode(
            req.proposed_new_state.as_ref(),
            &r.ty,
            "proposed new state",
            &mut diags,
        );
        let config = convert::decode(req.config.as_ref(), &r.ty, "configuration", &mut diags);
        let prior_private = convert::private_from_proto(&req.prior_private, &mut diags);
        let prior_identity =
            r.decode_identity(req.prior_identity.as_ref(), "prior identity", &mut diags);
        if diags.has_errors() {
            return failed(diags);
        }
        let result = plan_resource_change(
            &self.context(),
            r.handler.as_ref(),
            &r.schema,
            r.identity.as_ref(),
            PlanRequest {
                prior_state,
                proposed_new_state,
                config,
                prior_private,
                provider_data: self.provider_data(),
                client_capabilities: convert::client_capabilities(req.client_capabilities.as_ref()),
                prior_identity,
            },
        )
        .await;
        diags.extend(result.diagnostics);
        let planned_state =
            convert::encode(&result.planned_state, &r.ty, "planned state", &mut diags);
        let planned_identity = r.encode_identity(
            result.planned_identity.as_ref(),
            "planned identity",
            &mut diags,
        );
        pb::plan_resource_change::Response {
            planned_state,
            requires_replace: result
                .requires_replace
                .iter()
                .map(convert::attribute_path_to_proto)
                .collect(),
            planned_private: result.planned_private.to_bytes(),
            diagnostics: convert::diagnostics(diags),
            legacy_type_system: false,
            deferred: convert::deferred(result.deferred),
            planned_identity,
        }
    }
}

fn failed(diags: Diagnostics) -> pb::plan_resource_change::Response {
    pb::plan_resource_change::Response {
        diagnostics: convert::diagnostics(diags),
        ..Default::default()
    }
}

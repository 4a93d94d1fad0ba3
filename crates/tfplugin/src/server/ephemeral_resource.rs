//! OpenEphemeralResource, RenewEphemeralResource and CloseEphemeralResource.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::ephemeral_resource::{
    close_ephemeral_resource, open_ephemeral_resource, renew_ephemeral_resource,
};
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn open_ephemeral_resource(
        &self,
        req: pb::open_ephemeral_resource::Request,
    ) -> pb::open_ephemeral_resource::Response {
        let mut diags = Diagnostics::new();
        let Some(e) = self.ephemeral_resource(&req.type_name, &mut diags) else {
            return pb::open_ephemeral_resource::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let config = convert::decode(req.config.as_ref(), &e.ty, "configuration", &mut diags);
        if diags.has_errors() {
            return pb::open_ephemeral_resource::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        }
        let result = open_ephemeral_resource(
            &self.context(),
            e.handler.as_ref(),
            &e.schema,
            config,
            self.provider_data(),
            convert::client_capabilities(req.client_capabilities.as_ref()),
        )
        .await;
        diags.extend(result.diagnostics);
        let value = convert::encode(&result.result, &e.ty, "ephemeral result", &mut diags);
        pb::open_ephemeral_resource::Response {
            diagnostics: convert::diagnostics(diags),
            renew_at: result.renew_at.map(convert::timestamp),
            result: value,
            private: Some(result.private.to_bytes()),
            deferred: convert::deferred(result.deferred),
        }
    }

    pub(super) async fn renew_ephemeral_resource(
        &self,
        req: pb::renew_ephemeral_resource::Request,
    ) -> pb::renew_ephemeral_resource::Response {
        let mut diags = Diagnostics::new();
        let Some(e) = self.ephemeral_resource(&req.type_name, &mut diags) else {
            return pb::renew_ephemeral_resource::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let private =
            convert::private_from_proto(req.private.as_deref().unwrap_or_default(), &mut diags);
        let resp = renew_ephemeral_resource(
            &self.context(),
            e.handler.as_ref(),
            private,
            self.provider_data(),
        )
        .await;
        diags.extend(resp.diagnostics);
        pb::renew_ephemeral_resource::Response {
            diagnostics: convert::diagnostics(diags),
            renew_at: resp.renew_at.map(convert::timestamp),
            private: Some(resp.private.to_bytes()),
        }
    }

    pub(super) async fn close_ephemeral_resource(
        &self,
        req: pb::close_ephemeral_resource::Request,
    ) -> pb::close_ephemeral_resource::Response {
        let mut diags = Diagnostics::new();
        if let Some(e) = self.ephemeral_resource(&req.type_name, &mut diags) {
            let private =
                convert::private_from_proto(req.private.as_deref().unwrap_or_default(), &mut diags);
            diags.extend(
                close_ephemeral_resource(
                    &self.context(),
                    e.handler.as_ref(),
                    private,
                    self.provider_data(),
                )
                .await,
            );
        }
        pb::close_ephemeral_resource::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }
}

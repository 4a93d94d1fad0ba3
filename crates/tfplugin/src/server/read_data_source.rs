//! ReadDataSource: look a data source up.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::read_data_source::read_data_source;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn read_data_source(
        &self,
        req: pb::read_data_source::Request,
    ) -> pb::read_data_source::Response {
        let mut diags = Diagnostics::new();
        let Some(d) = self.data_source(&req.type_name, &mut diags) else {
            return pb::read_data_source::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let config = convert::decode(req.config.as_ref(), &d.ty, "configuration", &mut diags);
        if diags.has_errors() {
            return pb::read_data_source::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        }
        let (state, read_diags, deferred) = read_data_source(
            &self.context(),
            d.handler.as_ref(),
            &d.schema,
            config,
            self.provider_data(),
            convert::client_capabilities(req.client_capabilities.as_ref()),
        )
        .await;
        diags.extend(read_diags);
        let state = convert::encode(&state, &d.ty, "data source state", &mut diags);
        pb::read_data_source::Response {
            state,
            diagnostics: convert::diagnostics(diags),
            deferred: convert::deferred(deferred),
        }
    }
}

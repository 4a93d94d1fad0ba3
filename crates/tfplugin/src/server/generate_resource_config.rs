//! GenerateResourceConfig: describe a state as configuration, for `-generate-config-out`.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::generate_resource_config::generate_resource_config;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn generate_resource_config(
        &self,
        req: pb::generate_resource_config::Request,
    ) -> pb::generate_resource_config::Response {
        let mut diags = Diagnostics::new();
        let Some(r) = self.resource(&req.type_name, &mut diags) else {
            return pb::generate_resource_config::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let state = convert::decode(req.state.as_ref(), &r.ty, "state", &mut diags);
        if diags.has_errors() {
            return pb::generate_resource_config::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        }
        let (config, gen_diags) =
            generate_resource_config(&self.context(), r.handler.as_ref(), &r.schema, state).await;
        diags.extend(gen_diags);
        let config = convert::encode(&config, &r.ty, "generated configuration", &mut diags);
        pb::generate_resource_config::Response {
            config,
            diagnostics: convert::diagnostics(diags),
        }
    }
}

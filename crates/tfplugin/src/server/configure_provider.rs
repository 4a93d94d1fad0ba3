//! ConfigureProvider: builds the provider data shared by every later call.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::configure_provider::configure_provider;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn configure_provider(
        &self,
        req: pb::configure_provider::Request,
    ) -> pb::configure_provider::Response {
        let mut diags = Diagnostics::new();
        let caps = convert::client_capabilities(req.client_capabilities.as_ref());
        let config = convert::decode(
            req.config.as_ref(),
            &self.provider_type,
            "provider configuration",
            &mut diags,
        );
        if !diags.has_errors() {
            let resp = configure_provider(
                &self.context(),
                &self.provider,
                config,
                req.terraform_version,
                caps,
            )
            .await;
            diags.extend(resp.diagnostics);
            if !diags.has_errors() {
                self.set_provider_data(resp.provider_data);
            }
            // Limitation: the protocol has no deferred field on ConfigureProvider's response;
            // a provider-level deferral is carried by each later response instead.
        }
        pb::configure_provider::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }
}

//! ValidateProviderConfig, ValidateResourceConfig, ValidateDataResourceConfig and
//! ValidateEphemeralResourceConfig: the schema's validators, then the type's own hook.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::validate_config::{validate_config, validate_write_only};
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;
use crate::resource::{ValidateConfigRequest, ValidateConfigResponse};

impl<P: Provider> Inner<P> {
    pub(super) async fn validate_provider_config(
        &self,
        req: pb::validate_provider_config::Request,
    ) -> pb::validate_provider_config::Response {
        let mut diags = Diagnostics::new();
        let config = convert::decode(
            req.config.as_ref(),
            &self.provider_type,
            "provider configuration",
            &mut diags,
        );
        if !diags.has_errors() {
            diags.extend(validate_config(
                &self.provider_schema,
                &config,
                &self.provider.config_validators(),
            ));
            let mut resp = ValidateConfigResponse::default();
            let hook = ValidateConfigRequest {
                config,
                client_capabilities: Default::default(),
            };
            self.provider
                .validate_config(&self.context(), hook, &mut resp)
                .await;
            diags.extend(resp.diagnostics);
        }
        pb::validate_provider_config::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }

    pub(super) async fn validate_resource_config(
        &self,
        req: pb::validate_resource_config::Request,
    ) -> pb::validate_resource_config::Response {
        let mut diags = Diagnostics::new();
        let caps = convert::client_capabilities(req.client_capabilities.as_ref());
        if let Some(r) = self.resource(&req.type_name, &mut diags) {
            let config = convert::decode(
                req.config.as_ref(),
                &r.ty,
                "resource configuration",
                &mut diags,
            );
            if !diags.has_errors() {
                diags.extend(validate_config(
                    &r.schema,
                    &config,
                    &r.handler.config_validators(),
                ));
                diags.extend(validate_write_only(
                    &r.schema,
                    &config,
                    caps.write_only_attributes_allowed,
                ));
                let mut resp = ValidateConfigResponse::default();
                let hook = ValidateConfigRequest {
                    config,
                    client_capabilities: caps,
                };
                r.handler
                    .validate_config(&self.context(), hook, &mut resp)
                    .await;
                diags.extend(resp.diagnostics);
            }
        }
        pb::validate_resource_config::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }

    pub(super) async fn validate_data_resource_config(
        &self,
        req: pb::validate_data_resource_config::Request,
    ) -> pb::validate_data_resource_config::Response {
        let mut diags = Diagnostics::new();
        if let Some(d) = self.data_source(&req.type_name, &mut diags) {
            let config = convert::decode(
                req.config.as_ref(),
                &d.ty,
                "data source configuration",
                &mut diags,
            );
            if !diags.has_errors() {
                diags.extend(validate_config(
                    &d.schema,
                    &config,
                    &d.handler.config_validators(),
                ));
                let mut resp = ValidateConfigResponse::default();
                let hook = ValidateConfigRequest {
                    config,
                    client_capabilities: Default::default(),
                };
                d.handler
                    .validate_config(&self.context(), hook, &mut resp)
                    .await;
                diags.extend(resp.diagnostics);
            }
        }
        pb::validate_data_resource_config::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }

    pub(super) async fn validate_ephemeral_resource_config(
        &self,
        req: pb::validate_ephemeral_resource_config::Request,
    ) -> pb::validate_ephemeral_resource_config::Response {
        let mut diags = Diagnostics::new();
        if let Some(e) = self.ephemeral_resource(&req.type_name, &mut diags) {
            let config = convert::decode(
                req.config.as_ref(),
                &e.ty,
                "ephemeral resource configuration",
                &mut diags,
            );
            if !diags.has_errors() {
                diags.extend(validate_config(
                    &e.schema,
                    &config,
                    &e.handler.config_validators(),
                ));
                let mut resp = ValidateConfigResponse::default();
                let hook = ValidateConfigRequest {
                    config,
                    client_capabilities: Default::default(),
                };
                e.handler
                    .validate_config(&self.context(), hook, &mut resp)
                    .await;
                diags.extend(resp.diagnostics);
            }
        }
        pb::validate_ephemeral_resource_config::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }
}

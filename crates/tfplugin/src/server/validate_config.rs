//! ValidateProviderConfig, ValidateResourceConfig, ValidateDataResourceConfig,
//! ValidateEphemeralResourceConfig, ValidateListResourceConfig and ValidateActionConfig: the
//! schema's validators, then the type's own hook.

use std::sync::Arc;

use super::Inner;
use crate::action::Action;
use crate::convert;
use crate::data_source::DataSource;
use crate::engine::validate_config::{validate_config, validate_write_only};
use crate::ephemeral::EphemeralResource;
use crate::list::ListResource;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;
use crate::resource::{
    ClientCapabilities, Resource, ValidateConfigRequest, ValidateConfigResponse,
};
use crate::validator::Validator;
use crate::{Diagnostics, Schema, Type};

/// Whatever has a configuration to validate, with its hooks.
enum Subject<'a> {
    Provider(&'a dyn Provider),
    Resource(&'a dyn Resource),
    DataSource(&'a dyn DataSource),
    Ephemeral(&'a dyn EphemeralResource),
    List(&'a dyn ListResource),
    Action(&'a dyn Action),
}

impl Subject<'_> {
    fn config_validators(&self) -> Vec<Arc<dyn Validator>> {
        match self {
            Subject::Provider(p) => p.config_validators(),
            Subject::Resource(r) => r.config_validators(),
            Subject::DataSource(d) => d.config_validators(),
            Subject::Ephemeral(e) => e.config_validators(),
            Subject::List(l) => l.config_validators(),
            Subject::Action(a) => a.config_validators(),
        }
    }

    async fn hook(
        &self,
        ctx: &crate::Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        match self {
            Subject::Provider(p) => p.validate_config(ctx, req, resp).await,
            Subject::Resource(r) => r.validate_config(ctx, req, resp).await,
            Subject::DataSource(d) => d.validate_config(ctx, req, resp).await,
            Subject::Ephemeral(e) => e.validate_config(ctx, req, resp).await,
            Subject::List(l) => l.validate_config(ctx, req, resp).await,
            Subject::Action(a) => a.validate_config(ctx, req, resp).await,
        }
    }
}

impl<P: Provider> Inner<P> {
    /// Decodes `config`, runs the schema's and the subject's validators, then its hook.
    async fn validate(
        &self,
        subject: Subject<'_>,
        schema: &Schema,
        ty: &Type,
        config: Option<&pb::DynamicValue>,
        caps: ClientCapabilities,
    ) -> Diagnostics {
        let mut diags = Diagnostics::new();
        let config = convert::decode(config, ty, "configuration", &mut diags);
        if diags.has_errors() {
            return diags;
        }
        diags.extend(validate_config(
            schema,
            &config,
            &subject.config_validators(),
        ));
        if let Subject::Resource(_) = subject {
            diags.extend(validate_write_only(
                schema,
                &config,
                caps.write_only_attributes_allowed,
            ));
        }
        let mut resp = ValidateConfigResponse::default();
        let req = ValidateConfigRequest {
            config,
            client_capabilities: caps,
        };
        subject.hook(&self.context(), req, &mut resp).await;
        diags.extend(resp.diagnostics);
        diags
    }

    pub(super) async fn validate_provider_config(
        &self,
        req: pb::validate_provider_config::Request,
    ) -> pb::validate_provider_config::Response {
        let subject = Subject::Provider(&self.provider);
        let diags = self
            .validate(
                subject,
                &self.provider_schema,
                &self.provider_type,
                req.config.as_ref(),
                Default::default(),
            )
            .await;
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
            let subject = Subject::Resource(r.handler.as_ref());
            diags.extend(
                self.validate(subject, &r.schema, &r.ty, req.config.as_ref(), caps)
                    .await,
            );
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
            let subject = Subject::DataSource(d.handler.as_ref());
            diags.extend(
                self.validate(
                    subject,
                    &d.schema,
                    &d.ty,
                    req.config.as_ref(),
                    Default::default(),
                )
                .await,
            );
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
            let subject = Subject::Ephemeral(e.handler.as_ref());
            diags.extend(
                self.validate(
                    subject,
                    &e.schema,
                    &e.ty,
                    req.config.as_ref(),
                    Default::default(),
                )
                .await,
            );
        }
        pb::validate_ephemeral_resource_config::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }

    pub(super) async fn validate_list_resource_config(
        &self,
        req: pb::validate_list_resource_config::Request,
    ) -> pb::validate_list_resource_config::Response {
        let mut diags = Diagnostics::new();
        if let Some(l) = self.list_resource(&req.type_name, &mut diags) {
            let subject = Subject::List(l.handler.as_ref());
            diags.extend(
                self.validate(
                    subject,
                    &l.schema,
                    &l.ty,
                    req.config.as_ref(),
                    Default::default(),
                )
                .await,
            );
        }
        pb::validate_list_resource_config::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }

    pub(super) async fn validate_action_config(
        &self,
        req: pb::validate_action_config::Request,
    ) -> pb::validate_action_config::Response {
        let mut diags = Diagnostics::new();
        if let Some(a) = self.action(&req.type_name, &mut diags) {
            let subject = Subject::Action(a.handler.as_ref());
            diags.extend(
                self.validate(
                    subject,
                    &a.schema,
                    &a.ty,
                    req.config.as_ref(),
                    Default::default(),
                )
                .await,
            );
        }
        pb::validate_action_config::Response {
            diagnostics: convert::diagnostics(diags),
        }
    }
}

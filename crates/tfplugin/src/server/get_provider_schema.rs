//! GetProviderSchema, GetResourceIdentitySchemas and GetFunctions: every schema, identity
//! schema and function signature.

use super::Inner;
use super::get_metadata::server_capabilities;
use crate::convert;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;
use crate::{Block, Schema};

impl<P: Provider> Inner<P> {
    pub(super) async fn get_provider_schema(
        &self,
        _req: pb::get_provider_schema::Request,
    ) -> pb::get_provider_schema::Response {
        pb::get_provider_schema::Response {
            provider: Some(self.provider_schema.to_proto()),
            provider_meta: Some(Schema::new(0, Block::new()).to_proto()),
            resource_schemas: self
                .resources
                .iter()
                .map(|(name, r)| (name.clone(), r.schema.to_proto()))
                .collect(),
            data_source_schemas: self
                .data_sources
                .iter()
                .map(|(name, d)| (name.clone(), d.schema.to_proto()))
                .collect(),
            ephemeral_resource_schemas: self
                .ephemeral_resources
                .iter()
                .map(|(name, e)| (name.clone(), e.schema.to_proto()))
                .collect(),
            functions: self.function_protos(),
            server_capabilities: Some(server_capabilities()),
            list_resource_schemas: self
                .list_resources
                .iter()
                .map(|(name, l)| (name.clone(), l.schema.to_proto()))
                .collect(),
            action_schemas: self
                .actions
                .iter()
                .map(|(name, a)| {
                    let schema = Some(a.schema.to_proto());
                    (name.clone(), pb::ActionSchema { schema })
                })
                .collect(),
            ..Default::default()
        }
    }

    pub(super) async fn get_resource_identity_schemas(
        &self,
        _req: pb::get_resource_identity_schemas::Request,
    ) -> pb::get_resource_identity_schemas::Response {
        pb::get_resource_identity_schemas::Response {
            identity_schemas: self
                .resources
                .iter()
                .filter_map(|(name, r)| Some((name.clone(), r.identity.as_ref()?.to_proto())))
                .collect(),
            diagnostics: Vec::new(),
        }
    }

    pub(super) async fn get_functions(
        &self,
        _req: pb::get_functions::Request,
    ) -> pb::get_functions::Response {
        pb::get_functions::Response {
            functions: self.function_protos(),
            diagnostics: Vec::new(),
        }
    }

    fn function_protos(&self) -> std::collections::HashMap<String, pb::Function> {
        self.functions
            .iter()
            .map(|(name, (_, def))| (name.clone(), convert::function_to_proto(def)))
            .collect()
    }
}

//! GetMetadata: the provider's type names, without schemas.

use super::Inner;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn get_metadata(
        &self,
        _req: pb::get_metadata::Request,
    ) -> pb::get_metadata::Response {
        use pb::get_metadata as m;
        pb::get_metadata::Response {
            server_capabilities: Some(server_capabilities()),
            diagnostics: Vec::new(),
            resources: self
                .resources
                .keys()
                .map(|t| m::ResourceMetadata {
                    type_name: t.clone(),
                })
                .collect(),
            data_sources: self
                .data_sources
                .keys()
                .map(|t| m::DataSourceMetadata {
                    type_name: t.clone(),
                })
                .collect(),
            ephemeral_resources: self
                .ephemeral_resources
                .keys()
                .map(|t| m::EphemeralMetadata {
                    type_name: t.clone(),
                })
                .collect(),
            functions: self
                .functions
                .keys()
                .map(|n| m::FunctionMetadata { name: n.clone() })
                .collect(),
            list_resources: self
                .list_resources
                .keys()
                .map(|t| m::ListResourceMetadata {
                    type_name: t.clone(),
                })
                .collect(),
            actions: self
                .actions
                .keys()
                .map(|t| m::ActionMetadata {
                    type_name: t.clone(),
                })
                .collect(),
            ..Default::default()
        }
    }
}

/// What this server offers beyond the base protocol.
pub(super) fn server_capabilities() -> pb::ServerCapabilities {
    pb::ServerCapabilities {
        plan_destroy: true,
        get_provider_schema_optional: true,
        move_resource_state: true,
        generate_resource_config: true,
    }
}

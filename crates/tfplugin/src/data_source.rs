//! The [`DataSource`] trait: a read-only lookup, with its request and response types.

use std::sync::Arc;

use async_trait::async_trait;

use crate::provider::ProviderData;
use crate::resource::{
    ClientCapabilities, Deferred, ValidateConfigRequest, ValidateConfigResponse,
};
use crate::validator::Validator;
use crate::{Context, Diagnostics, Schema, Value};

/// A data source type.
///
/// The core is [`type_name`](DataSource::type_name), [`schema`](DataSource::schema) and
/// [`read`](DataSource::read); [`config_validators`](DataSource::config_validators) and
/// [`validate_config`](DataSource::validate_config) are optional.
#[async_trait]
pub trait DataSource: Send + Sync {
    /// The type name without the provider prefix: `"thing"` for `<provider>_thing`.
    fn type_name(&self) -> &str;

    /// The schema.
    fn schema(&self) -> Schema;

    /// Looks the data up. `resp.state` starts as the configuration with computed attributes
    /// unknown; set them all (unknown values left are reported as an error).
    async fn read(&self, ctx: &Context, req: ReadRequest, resp: &mut ReadResponse);

    /// Validators run on the whole configuration.
    fn config_validators(&self) -> Vec<Arc<dyn Validator>> {
        Vec::new()
    }

    /// Extra checks of the configuration (values may be unknown).
    async fn validate_config(
        &self,
        _ctx: &Context,
        _req: ValidateConfigRequest,
        _resp: &mut ValidateConfigResponse,
    ) {
    }
}

/// [`DataSource::read`]'s request.
#[derive(Clone, Debug)]
pub struct ReadRequest {
    /// The configuration, fully known.
    pub config: Value,
    /// The provider's configured data.
    pub provider_data: ProviderData,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
}

/// [`DataSource::read`]'s response.
#[derive(Clone, Debug)]
pub struct ReadResponse {
    /// The result; starts as the configuration with unset computed attributes unknown.
    pub state: Value,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Set to defer the read (only when the client allows it).
    pub deferred: Option<Deferred>,
}

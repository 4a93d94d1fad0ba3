//! The [`EphemeralResource`] trait: values that exist only during one Terraform run (a
//! short-lived credential, say), never stored in state or plan.

use std::sync::Arc;
use std::time::SystemTime;

use async_trait::async_trait;

use crate::provider::ProviderData;
use crate::resource::{
    ClientCapabilities, Deferred, PrivateState, ValidateConfigRequest, ValidateConfigResponse,
};
use crate::validator::Validator;
use crate::{Context, Diagnostics, Schema, Value};

/// An ephemeral resource type.
///
/// The core is [`type_name`](EphemeralResource::type_name),
/// [`schema`](EphemeralResource::schema) and [`open`](EphemeralResource::open). Optional:
/// [`renew`](EphemeralResource::renew) (called at the `renew_at` time `open` asked for),
/// [`close`](EphemeralResource::close) (called when Terraform no longer needs the value) and
/// the validation hooks. Data that renew and close need goes into the private state.
#[async_trait]
pub trait EphemeralResource: Send + Sync {
    /// The type name without the provider prefix: `"thing"` for `<provider>_thing`.
    fn type_name(&self) -> &str;

    /// The schema.
    fn schema(&self) -> Schema;

    /// Produces the value. `resp.result` starts as the configuration with unset computed
    /// attributes unknown; set them all.
    async fn open(&self, ctx: &Context, req: OpenRequest, resp: &mut OpenResponse);

    /// Extends the life of what `open` produced.
    async fn renew(&self, _ctx: &Context, _req: RenewRequest, _resp: &mut RenewResponse) {}

    /// Releases what `open` produced.
    async fn close(&self, _ctx: &Context, _req: CloseRequest, _resp: &mut CloseResponse) {}

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

/// [`EphemeralResource::open`]'s request.
#[derive(Clone, Debug)]
pub struct OpenRequest {
    /// The configuration.
    pub config: Value,
    /// The provider's configured data.
    pub provider_data: ProviderData,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
}

/// [`EphemeralResource::open`]'s response.
#[derive(Clone, Debug)]
pub struct OpenResponse {
    /// The produced value.
    pub result: Value,
    /// Data for renew and close.
    pub private: PrivateState,
    /// When Terraform should call renew, if ever.
    pub renew_at: Option<SystemTime>,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Set to defer opening (only when the client allows it).
    pub deferred: Option<Deferred>,
}

/// [`EphemeralResource::renew`]'s request.
#[derive(Clone, Debug)]
pub struct RenewRequest {
    /// The private data from open or the previous renew.
    pub private: PrivateState,
    /// The provider's configured data.
    pub provider_data: ProviderData,
}

/// [`EphemeralResource::renew`]'s response.
#[derive(Clone, Debug, Default)]
pub struct RenewResponse {
    /// The private data for the next renew or close; starts as the request's.
    pub private: PrivateState,
    /// When to renew again, if ever.
    pub renew_at: Option<SystemTime>,
    /// Problems found.
    pub diagnostics: Diagnostics,
}

/// [`EphemeralResource::close`]'s request.
#[derive(Clone, Debug)]
pub struct CloseRequest {
    /// The private data from open or the last renew.
    pub private: PrivateState,
    /// The provider's configured data.
    pub provider_data: ProviderData,
}

/// [`EphemeralResource::close`]'s response.
#[derive(Clone, Debug, Default)]
pub struct CloseResponse {
    /// Problems found.
    pub diagnostics: Diagnostics,
}

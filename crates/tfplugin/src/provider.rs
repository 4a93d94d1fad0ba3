//! The [`Provider`] trait: the provider's own configuration and its registry of types.
//!
//! A provider names itself ([`Provider::type_name`], e.g. `"acme"`), describes its
//! configuration block, turns that configuration into [`ProviderData`] shared by every resource,
//! data source, ephemeral resource and function of the process, and lists the types it offers.
//! The server prefixes each type name with `"<provider>_"` in exactly one place, so resources
//! only name their suffix.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;

use crate::action::Action;
use crate::data_source::DataSource;
use crate::ephemeral::EphemeralResource;
use crate::function::Function;
use crate::list::ListResource;
use crate::resource::{
    ClientCapabilities, Deferred, Resource, ValidateConfigRequest, ValidateConfigResponse,
};
use crate::validator::Validator;
use crate::{Block, Context, Diagnostic, Diagnostics, Schema, Value};

/// A Terraform provider: configuration plus a registry of resource types.
///
/// Required: [`type_name`](Provider::type_name), [`schema`](Provider::schema) and
/// [`configure`](Provider::configure). The registries ([`resources`](Provider::resources),
/// [`data_sources`](Provider::data_sources),
/// [`ephemeral_resources`](Provider::ephemeral_resources), [`functions`](Provider::functions),
/// [`list_resources`](Provider::list_resources), [`actions`](Provider::actions))
/// and the extra validation hooks ([`config_validators`](Provider::config_validators),
/// [`validate_config`](Provider::validate_config)) default to empty.
#[async_trait]
pub trait Provider: Send + Sync + 'static {
    /// The provider's local name, the prefix of all its type names: `"acme"` gives `acme_thing`.
    fn type_name(&self) -> &str;

    /// The schema of the `provider "<name>" {}` block.
    fn schema(&self) -> Schema {
        Schema::new(0, Block::new())
    }

    /// Validators run on the whole provider configuration.
    fn config_validators(&self) -> Vec<Arc<dyn Validator>> {
        Vec::new()
    }

    /// Extra checks of the provider configuration (values may be unknown).
    async fn validate_config(
        &self,
        _ctx: &Context,
        _req: ValidateConfigRequest,
        _resp: &mut ValidateConfigResponse,
    ) {
    }

    /// Reads the provider configuration and builds the data every handler receives (an API
    /// client, say). Set `resp.provider_data`; errors stop the run.
    async fn configure(&self, ctx: &Context, req: ConfigureRequest, resp: &mut ConfigureResponse);

    /// The managed resource types.
    fn resources(&self) -> Vec<Arc<dyn Resource>> {
        Vec::new()
    }

    /// The data source types.
    fn data_sources(&self) -> Vec<Arc<dyn DataSource>> {
        Vec::new()
    }

    /// The ephemeral resource types.
    fn ephemeral_resources(&self) -> Vec<Arc<dyn EphemeralResource>> {
        Vec::new()
    }

    /// The provider-defined functions (called as `provider::<name>::<function>`).
    fn functions(&self) -> Vec<Arc<dyn Function>> {
        Vec::new()
    }

    /// The list resource types, for `terraform query` (each lists a managed resource type of
    /// the same name, which must have an identity).
    fn list_resources(&self) -> Vec<Arc<dyn ListResource>> {
        Vec::new()
    }

    /// The action types.
    fn actions(&self) -> Vec<Arc<dyn Action>> {
        Vec::new()
    }
}

/// [`Provider::configure`]'s request.
#[derive(Clone, Debug)]
pub struct ConfigureRequest {
    /// The provider configuration; may contain unknown values when it depends on resources not
    /// yet created.
    pub config: Value,
    /// The Terraform version, e.g. `"1.11.4"`.
    pub terraform_version: String,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
}

/// [`Provider::configure`]'s response.
#[derive(Clone, Debug, Default)]
pub struct ConfigureResponse {
    /// The data handed to every handler afterwards.
    pub provider_data: ProviderData,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Set to defer everything that depends on this provider (only when the client allows it).
    pub deferred: Option<Deferred>,
}

/// The value a provider's [`configure`](Provider::configure) produced, shared by every handler
/// of the process.
///
/// It holds any `Send + Sync` type; handlers get it back by type:
///
/// ```
/// use tfplugin::provider::ProviderData;
///
/// struct Client { endpoint: String }
/// let data = ProviderData::new(Client { endpoint: "localhost:8080".into() });
/// assert_eq!(data.get::<Client>().unwrap().endpoint, "localhost:8080");
/// assert!(data.get::<String>().is_none());
/// ```
#[derive(Clone, Default)]
pub struct ProviderData(Option<Arc<dyn Any + Send + Sync>>);

impl ProviderData {
    /// Wraps `value`.
    pub fn new<T: Any + Send + Sync>(value: T) -> Self {
        Self(Some(Arc::new(value)))
    }

    /// Wraps an already shared `value`.
    pub fn from_arc<T: Any + Send + Sync>(value: Arc<T>) -> Self {
        Self(Some(value))
    }

    /// Whether the provider was configured with some data.
    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }

    /// The data, if it is a `T`.
    pub fn get<T: Any + Send + Sync>(&self) -> Option<&T> {
        self.0.as_deref().and_then(|v| v.downcast_ref::<T>())
    }

    /// The data as a `T`, or the "Provider Not Configured" diagnostic to report.
    pub fn require<T: Any + Send + Sync>(&self) -> Result<&T, Diagnostic> {
        self.get::<T>()
            .ok_or_else(crate::resource::provider_not_configured)
    }
}

impl fmt::Debug for ProviderData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The data may hold credentials; never print it.
        f.write_str(if self.is_set() {
            "ProviderData(..)"
        } else {
            "ProviderData(None)"
        })
    }
}

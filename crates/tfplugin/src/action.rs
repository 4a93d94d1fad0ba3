//! The [`Action`] trait: an operation that is not a resource, invoked by Terraform (1.14 and
//! later) from `terraform apply -invoke=action.<type>.<name>` or from a resource's lifecycle
//! `action_trigger`.
//!
//! An action has a schema (its `config` block), is planned (checked, values may be unknown)
//! and then invoked. While it runs, [`InvokeResponse::progress`] sends lines that Terraform
//! shows as they come (`Action action.<type>.<name> (triggered by CLI): <message>`); when
//! [`invoke`](Action::invoke) returns, the engine sends its diagnostics as the completion.
//!
//! ```
//! use tfplugin::action::{InvokeRequest, InvokeResponse};
//! use tfplugin::{Action, Attribute, Block, Context, Schema, ValueExt, async_trait};
//!
//! struct Restart;
//!
//! #[async_trait]
//! impl Action for Restart {
//!     fn type_name(&self) -> &str { "restart" }    // becomes "<provider>_restart"
//!     fn schema(&self) -> Schema {
//!         Schema::new(0, Block::new().attribute(Attribute::string("target").required()))
//!     }
//!     async fn invoke(&self, _ctx: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
//!         let target = req.config.get_str("target").unwrap_or_default();
//!         resp.progress(format!("stopping {target}"));
//!         resp.progress(format!("starting {target}"));
//!     }
//! }
//! ```

use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;
use tokio::sync::mpsc::UnboundedSender;

use crate::provider::ProviderData;
use crate::resource::{
    ClientCapabilities, Deferred, ValidateConfigRequest, ValidateConfigResponse,
};
use crate::validator::Validator;
use crate::{Context, Diagnostics, Schema, Value};

/// An action type.
///
/// The core is [`type_name`](Action::type_name), [`schema`](Action::schema) and
/// [`invoke`](Action::invoke). Optional: [`plan`](Action::plan) (checks before the apply, which
/// accepts everything by default) and the validation hooks.
#[async_trait]
pub trait Action: Send + Sync {
    /// The type name without the provider prefix: `"thing"` for `<provider>_thing`.
    fn type_name(&self) -> &str;

    /// The schema of the action's `config` block.
    fn schema(&self) -> Schema;

    /// Checks a planned invocation. The configuration may contain unknown values.
    async fn plan(&self, _ctx: &Context, _req: PlanRequest, _resp: &mut PlanResponse) {}

    /// Does the work, reporting progress with [`InvokeResponse::progress`] and problems in
    /// `resp.diagnostics` (sent as the completion when this returns).
    async fn invoke(&self, ctx: &Context, req: InvokeRequest, resp: &mut InvokeResponse);

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

/// [`Action::plan`]'s request.
#[derive(Clone, Debug)]
pub struct PlanRequest {
    /// The configuration; may contain unknown values.
    pub config: Value,
    /// The provider's configured data.
    pub provider_data: ProviderData,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
}

/// [`Action::plan`]'s response.
#[derive(Clone, Debug, Default)]
pub struct PlanResponse {
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Set to defer the invocation (only when the client allows it).
    pub deferred: Option<Deferred>,
}

/// [`Action::invoke`]'s request.
#[derive(Clone, Debug)]
pub struct InvokeRequest {
    /// The configuration, fully known.
    pub config: Value,
    /// The provider's configured data.
    pub provider_data: ProviderData,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
}

/// What the engine streams for an invocation.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum InvokeEvent {
    /// A line of progress.
    Progress(String),
    /// The end, with the invocation's diagnostics.
    Completed(Diagnostics),
}

/// [`Action::invoke`]'s response.
pub struct InvokeResponse {
    events: Option<UnboundedSender<InvokeEvent>>,
    /// Problems found; sent when [`invoke`](Action::invoke) returns. Errors fail the apply.
    pub diagnostics: Diagnostics,
}

impl InvokeResponse {
    /// A response whose progress goes to `events`.
    pub(crate) fn new(events: UnboundedSender<InvokeEvent>) -> Self {
        InvokeResponse {
            events: Some(events),
            diagnostics: Diagnostics::new(),
        }
    }

    /// A response that drops its progress (for calling a handler outside the server).
    pub fn detached() -> Self {
        InvokeResponse {
            events: None,
            diagnostics: Diagnostics::new(),
        }
    }

    /// Sends a line of progress to Terraform at once (it does not wait for Terraform to show
    /// it). Lost silently when Terraform stopped listening.
    pub fn progress(&mut self, message: impl Into<String>) {
        if let Some(events) = &self.events {
            let _ = events.send(InvokeEvent::Progress(message.into()));
        }
    }
}

impl fmt::Debug for InvokeResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvokeResponse")
            .field("diagnostics", &self.diagnostics)
            .finish_non_exhaustive()
    }
}

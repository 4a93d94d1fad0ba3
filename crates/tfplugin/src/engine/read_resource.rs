//! Refreshing a managed resource's state from the remote object.

use crate::provider::ProviderData;
use crate::resource::{
    ClientCapabilities, Deferred, PrivateState, ReadRequest, ReadResponse, Resource,
};
use crate::{Context, Diagnostics, Schema, Value};

use super::plan_resource_change::deferral;
use super::{ensure_known, null_write_only};

/// The native request of a read.
#[derive(Clone, Debug)]
pub(crate) struct ReadResourceRequest {
    /// The state to refresh.
    pub(crate) current_state: Value,
    /// The private data stored with it.
    pub(crate) private: PrivateState,
    /// The provider's configured data.
    pub(crate) provider_data: ProviderData,
    /// What the client supports.
    pub(crate) client_capabilities: ClientCapabilities,
}

/// The native result of a read.
#[derive(Clone, Debug)]
pub(crate) struct ReadResourceResult {
    /// The refreshed state; null when the object is gone.
    pub(crate) new_state: Value,
    /// The private data to store.
    pub(crate) private: PrivateState,
    /// Problems found.
    pub(crate) diagnostics: Diagnostics,
    /// A deferral, when the resource asked for one.
    pub(crate) deferred: Option<Deferred>,
}

/// Refreshes one resource instance.
pub(crate) async fn read_resource(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    req: ReadResourceRequest,
) -> ReadResourceResult {
    let caps = req.client_capabilities;
    let mut resp = ReadResponse {
        state: req.current_state.clone(),
        private: req.private.clone(),
        diagnostics: Diagnostics::new(),
        deferred: None,
    };
    let prior = req.current_state.clone();
    let read = ReadRequest {
        state: req.current_state,
        private: req.private,
        provider_data: req.provider_data,
        client_capabilities: caps,
    };
    resource.read(ctx, read, &mut resp).await;
    let mut diagnostics = resp.diagnostics;
    let mut new_state = resp.state;
    if diagnostics.has_errors() && new_state.is_null() {
        // A failed read must not drop the resource from state.
        new_state = prior;
    }
    if !new_state.is_null() {
        null_write_only(&schema.block, &mut new_state);
        ensure_known(&mut new_state, "refreshed state", &mut diagnostics);
    }
    let deferred = deferral(resp.deferred, caps, &mut diagnostics);
    ReadResourceResult {
        new_state,
        private: resp.private,
        diagnostics,
        deferred,
    }
}

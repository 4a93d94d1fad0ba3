//! Importing an existing object by identifier or by identity.

use crate::identity::IdentitySchema;
use crate::provider::ProviderData;
use crate::resource::{
    ClientCapabilities, Deferred, ImportStateRequest, ImportStateResponse, PrivateState, Resource,
};
use crate::{Context, Diagnostics, Schema, Value};

use super::plan_resource_change::deferral;
use super::{null_object, null_unknowns};

/// The native result of an import: at most one imported object (Terraform accepts several, but
/// a framework resource imports one).
#[derive(Clone, Debug)]
pub(crate) struct ImportResult {
    /// The imported state, to be refreshed by a read; `None` when nothing was imported.
    pub(crate) state: Option<(Value, PrivateState)>,
    /// Problems found.
    pub(crate) diagnostics: Diagnostics,
    /// A deferral, when the resource asked for one.
    pub(crate) deferred: Option<Deferred>,
    /// The imported object's identity; `None` when there is none.
    pub(crate) identity: Option<Value>,
}

/// Imports the object identified by `id` or, when `requested_identity` is not null (an
/// `import { identity = {…} }` block), by that identity.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn import_resource_state(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    identity: Option<&IdentitySchema>,
    id: String,
    requested_identity: Value,
    provider_data: ProviderData,
    caps: ClientCapabilities,
) -> ImportResult {
    let mut resp = ImportStateResponse {
        state: null_object(&schema.block),
        private: PrivateState::new(),
        diagnostics: Diagnostics::new(),
        deferred: None,
        identity: super::identity::start(identity, &requested_identity),
    };
    let req = ImportStateRequest {
        id,
        provider_data,
        client_capabilities: caps,
        identity: requested_identity,
    };
    resource.import_state(ctx, req, &mut resp).await;
    let mut diagnostics = resp.diagnostics;
    let deferred = deferral(resp.deferred, caps, &mut diagnostics);
    if diagnostics.has_errors() || resp.state.is_null() {
        return ImportResult {
            state: None,
            diagnostics,
            deferred,
            identity: None,
        };
    }
    let mut state = resp.state;
    // The read that follows fills in the rest; unknowns cannot be stored.
    null_unknowns(&mut state);
    let mut found = resp.identity;
    null_unknowns(&mut found);
    let identity = super::identity::finish(identity, found, false, &mut diagnostics);
    ImportResult {
        state: Some((state, resp.private)),
        diagnostics,
        deferred,
        identity,
    }
}

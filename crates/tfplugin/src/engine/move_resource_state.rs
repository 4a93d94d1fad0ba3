//! Moving state from another resource type into this one (`moved` blocks across types).

use crate::resource::{MoveStateRequest, MoveStateResponse, PrivateState, Resource};
use crate::{Context, Diagnostics, Schema, Value};

use super::ensure_known;

/// Moves the source state into `resource`; returns the target state (null when not moved), its
/// private data and the diagnostics.
pub(crate) async fn move_resource_state(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    req: MoveStateRequest,
) -> (Value, PrivateState, Diagnostics) {
    let mut resp = MoveStateResponse {
        state: Value::Null,
        private: PrivateState::new(),
        diagnostics: Diagnostics::new(),
    };
    resource.move_state(ctx, req, &mut resp).await;
    let mut diagnostics = resp.diagnostics;
    let mut state = resp.state;
    if !diagnostics.has_errors() && state.is_null() {
        diagnostics.error(
            "Unable to Move Resource State",
            "The provider did not produce a state for the moved resource. This is a bug in the \
             provider, which should be reported in the provider's own issue tracker.",
        );
    }
    if !state.is_null() {
        super::null_write_only(&schema.block, &mut state);
        ensure_known(&mut state, "moved state", &mut diagnostics);
    }
    (state, resp.private, diagnostics)
}

//! Upgrading a stored state to the current schema version.
//!
//! Terraform sends the state as it was stored (JSON) together with its schema version. A state
//! at the current version is decoded with the current schema, which also drops attributes that
//! no longer exist. An older state is decoded with the resource's prior schema for that version
//! and passed through [`Resource::upgrade_state`] one version at a time. A newer state (written
//! by a newer provider) cannot be read and is an error.

use crate::resource::{Resource, UpgradeStateRequest, UpgradeStateResponse};
use crate::{Context, Diagnostics, Schema, Value};

use super::null_unknowns;

/// Upgrades `raw_json` stored at `version` to the current schema. Returns null with errors on
/// failure.
pub(crate) async fn upgrade_resource_state(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    version: i64,
    raw_json: &[u8],
) -> (Value, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let current = schema.version;
    if version > current {
        diagnostics.error(
            "Unable to Read Resource State",
            format!(
                "The stored state has schema version {version}, newer than this provider's \
                 version {current}. The state was written by a newer version of the provider; \
                 use that version or newer."
            ),
        );
        return (Value::Null, diagnostics);
    }
    let decode_schema = if version == current {
        Some(schema.clone())
    } else {
        resource.prior_schema(version)
    };
    let Some(decode_schema) = decode_schema else {
        diagnostics.error(
            "Unable to Upgrade Resource State",
            format!(
                "The provider has no schema for state version {version}, so the stored state \
                 cannot be upgraded to version {current}. This is a bug in the provider, which \
                 should be reported in the provider's own issue tracker."
            ),
        );
        return (Value::Null, diagnostics);
    };
    let mut state =
        match Value::from_json_ignoring_extra_attributes(raw_json, &decode_schema.value_type()) {
            Ok(v) => v,
            Err(e) => {
                diagnostics.error(
                    "Unable to Read Resource State",
                    format!(
                        "The stored state (schema version {version}) does not match the provider's \
                     schema for that version. This is a bug in the provider, which should be \
                     reported in the provider's own issue tracker.\n\nOriginal Error: {e}"
                    ),
                );
                return (Value::Null, diagnostics);
            }
        };
    let mut at = version;
    while at < current {
        let mut resp = UpgradeStateResponse {
            state: state.clone(),
            diagnostics: Diagnostics::new(),
        };
        resource
            .upgrade_state(ctx, UpgradeStateRequest { version: at, state }, &mut resp)
            .await;
        let failed = resp.diagnostics.has_errors();
        diagnostics.extend(resp.diagnostics);
        if failed {
            return (Value::Null, diagnostics);
        }
        state = resp.state;
        at += 1;
    }
    null_unknowns(&mut state);
    (state, diagnostics)
}

//! Reading a data source.

use crate::data_source::{DataSource, ReadRequest, ReadResponse};
use crate::provider::ProviderData;
use crate::resource::{ClientCapabilities, Deferred};
use crate::{Context, Diagnostics, Schema, Value};

use super::plan_resource_change::deferral;
use super::{computed_to_unknown, ensure_known, null_write_only};

/// Reads one data source instance: returns its state, the diagnostics and any deferral.
pub(crate) async fn read_data_source(
    ctx: &Context,
    data_source: &dyn DataSource,
    schema: &Schema,
    config: Value,
    provider_data: ProviderData,
    caps: ClientCapabilities,
) -> (Value, Diagnostics, Option<Deferred>) {
    let mut state = config.clone();
    computed_to_unknown(&schema.block, &config, &mut state);
    let mut resp = ReadResponse {
        state,
        diagnostics: Diagnostics::new(),
        deferred: None,
    };
    let req = ReadRequest {
        config,
        provider_data,
        client_capabilities: caps,
    };
    data_source.read(ctx, req, &mut resp).await;
    let mut diagnostics = resp.diagnostics;
    let deferred = deferral(resp.deferred, caps, &mut diagnostics);
    let mut state = resp.state;
    null_write_only(&schema.block, &mut state);
    if diagnostics.has_errors() || deferred.is_some() {
        super::null_unknowns(&mut state);
    } else {
        ensure_known(&mut state, "data source result", &mut diagnostics);
    }
    (state, diagnostics, deferred)
}

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

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::engine::test_support::obj;
    use crate::resource::ValueExt;
    use crate::schema::{Attribute, Block};

    /// Fills `length` from `input`, unless `input` is "lazy".
    struct Measure;

    #[async_trait]
    impl DataSource for Measure {
        fn type_name(&self) -> &str {
            "measure"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new()
                    .attribute(Attribute::string("input").required())
                    .attribute(Attribute::number("length").computed())
                    .attribute(
                        Attribute::string("unit")
                            .optional()
                            .computed()
                            .default("chars"),
                    ),
            )
        }
        async fn read(&self, _: &Context, req: ReadRequest, resp: &mut ReadResponse) {
            assert!(
                resp.state.get("length").is_some_and(Value::is_unknown),
                "computed starts unknown"
            );
            assert_eq!(
                resp.state.get_str("unit"),
                Some("chars"),
                "defaults are applied"
            );
            let input = req.config.get_str("input").unwrap_or_default();
            if input != "lazy" {
                resp.state.set("length", input.len() as i64);
            }
        }
    }

    #[tokio::test]
    async fn computed_values_start_unknown_and_must_end_known() {
        let config = |input: &str| {
            obj([
                ("input", Value::from(input)),
                ("length", Value::Null),
                ("unit", Value::Null),
            ])
        };
        let read = |input: &'static str| async move {
            read_data_source(
                &Context::new(),
                &Measure,
                &Measure.schema(),
                config(input),
                ProviderData::default(),
                ClientCapabilities::default(),
            )
            .await
        };
        let (state, diags, _) = read("abc").await;
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(state.get_i64("length"), Some(3));

        let (state, diags, _) = read("lazy").await;
        assert!(diags.has_errors());
        assert!(state.is_fully_known());
    }
}

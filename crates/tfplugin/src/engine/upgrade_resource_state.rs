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

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::resource::{
        CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ReadRequest, ReadResponse,
        UpdateRequest, UpdateResponse, ValueExt,
    };
    use crate::schema::{Attribute, Block};

    /// Version 0: `n` is a string; version 1: `n` is a number; version 2 adds `unit`.
    struct Versioned;

    #[async_trait]
    impl Resource for Versioned {
        fn type_name(&self) -> &str {
            "versioned"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                2,
                Block::new()
                    .attribute(Attribute::number("n").optional())
                    .attribute(Attribute::string("unit").optional()),
            )
        }
        fn prior_schema(&self, version: i64) -> Option<Schema> {
            match version {
                0 => Some(Schema::new(
                    0,
                    Block::new().attribute(Attribute::string("n").optional()),
                )),
                1 => Some(Schema::new(
                    1,
                    Block::new().attribute(Attribute::number("n").optional()),
                )),
                _ => None,
            }
        }
        async fn upgrade_state(
            &self,
            _: &Context,
            req: UpgradeStateRequest,
            resp: &mut UpgradeStateResponse,
        ) {
            match req.version {
                0 => {
                    let n = req
                        .state
                        .get_str("n")
                        .and_then(|s| crate::Number::parse(s).ok());
                    resp.state.set("n", n.map(Value::Number));
                }
                1 => resp.state.set("unit", "m"),
                _ => resp.diagnostics.error("Unexpected Version", ""),
            }
        }
        async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
        async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}
        async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
    }

    async fn upgrade(version: i64, json: &str) -> (Value, Diagnostics) {
        let r = Versioned;
        upgrade_resource_state(&Context::new(), &r, &r.schema(), version, json.as_bytes()).await
    }

    #[tokio::test]
    async fn upgrades_step_by_step() {
        let (state, diags) = upgrade(0, r#"{"n":"2.5"}"#).await;
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            state.get("n"),
            Some(&Value::Number(crate::Number::parse("2.5").unwrap()))
        );
        assert_eq!(state.get_str("unit"), Some("m"));

        let (state, diags) = upgrade(1, r#"{"n":7}"#).await;
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(state.get_i64("n"), Some(7));
        assert_eq!(state.get_str("unit"), Some("m"));
    }

    #[tokio::test]
    async fn same_version_normalises_and_newer_fails() {
        let (state, diags) = upgrade(2, r#"{"n":1,"unit":"s","removed_attribute":true}"#).await;
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(state.get_str("unit"), Some("s"));
        assert!(state.get("removed_attribute").is_none());

        let (state, diags) = upgrade(3, r#"{"n":1}"#).await;
        assert!(state.is_null());
        assert!(diags.has_errors());

        let (_, diags) = upgrade(0, r#"{"n":["not","a","string"]}"#).await;
        assert!(
            diags.has_errors(),
            "a state that does not match its version's schema"
        );
    }
}

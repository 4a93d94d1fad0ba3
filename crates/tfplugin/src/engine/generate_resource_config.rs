//! Turning a state into configuration, for `-generate-config-out`.

use crate::resource::{GenerateConfigRequest, GenerateConfigResponse, Resource};
use crate::schema::Attribute;
use crate::{AttributePath, Context, Diagnostics, Schema, Value};

use super::{Level, Site, Visitor, null_object, walk};

/// The configuration that describes `state`: [`default_config`], adjusted by the resource's
/// [`Resource::generate_config`]. A null state gives an object with every attribute null.
pub(crate) async fn generate_resource_config(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    state: Value,
) -> (Value, Diagnostics) {
    let mut resp = GenerateConfigResponse {
        config: default_config(schema, &state),
        diagnostics: Diagnostics::new(),
    };
    resource
        .generate_config(ctx, GenerateConfigRequest { state }, &mut resp)
        .await;
    let mut config = resp.config;
    let mut diagnostics = resp.diagnostics;
    if config.is_null() {
        config = null_object(&schema.block);
    }
    super::ensure_known(&mut config, "generated configuration", &mut diagnostics);
    (config, diagnostics)
}

/// The state as configuration: what only the provider sets (computed attributes that cannot be
/// configured) and what is never stored (write-only attributes) is dropped, and so is an
/// optional and computed attribute that holds its default, which planning would give it anyway.
/// Everything else is kept, so that planning the result against the state changes nothing.
pub(crate) fn default_config(schema: &Schema, state: &Value) -> Value {
    struct ToConfig;
    impl Visitor for ToConfig {
        fn attribute(&mut self, attr: &Attribute, _: &Site<'_>, value: &mut Value) {
            let provider_only = attr.computed && !attr.optional && !attr.required;
            let is_default = attr.computed && attr.default.as_ref() == Some(&*value);
            if attr.write_only || provider_only || is_default {
                *value = Value::Null;
            }
        }
    }
    if state.is_null() {
        return null_object(&schema.block);
    }
    let mut config = state.clone();
    walk(
        Level::of_block(&schema.block),
        &AttributePath::default(),
        state,
        state,
        &mut config,
        &mut ToConfig,
    );
    config
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::engine::test_support::obj;
    use crate::resource::{
        CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ReadRequest, ReadResponse,
        UpdateRequest, UpdateResponse,
    };
    use crate::schema::{Block, NestedBlock, Nesting};
    use crate::{Type, ValueExt};

    fn schema() -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(Attribute::string("id").computed())
                .attribute(Attribute::string("name").required())
                .attribute(Attribute::string("note").optional())
                .attribute(
                    Attribute::number("replicas")
                        .optional()
                        .computed()
                        .default(1i64),
                )
                .attribute(Attribute::string("region").optional().computed())
                .attribute(Attribute::string("password").optional().write_only())
                .attribute(Attribute::list("ports", Type::Number).optional())
                .attribute(
                    Attribute::nested(
                        "settings",
                        Nesting::Single,
                        vec![
                            Attribute::string("mode").optional(),
                            Attribute::string("effective").computed(),
                        ],
                    )
                    .optional(),
                )
                .block(NestedBlock::new(
                    "rule",
                    Nesting::List,
                    Block::new()
                        .attribute(Attribute::number("port").required())
                        .attribute(
                            Attribute::string("protocol")
                                .optional()
                                .computed()
                                .default("tcp"),
                        ),
                )),
        )
    }

    fn rule(port: i64, protocol: &str) -> Value {
        obj([
            ("port", Value::from(port)),
            ("protocol", Value::from(protocol)),
        ])
    }

    fn state() -> Value {
        obj([
            ("id", Value::from("x-1")),
            ("name", Value::from("a")),
            ("note", Value::Null),
            ("replicas", Value::from(1i64)),
            ("region", Value::from("eu")),
            ("password", Value::Null),
            ("ports", Value::List(vec![Value::from(80i64)])),
            (
                "settings",
                obj([
                    ("mode", Value::from("fast")),
                    ("effective", Value::from("fast")),
                ]),
            ),
            ("rule", Value::List(vec![rule(22, "tcp"), rule(53, "udp")])),
        ])
    }

    #[test]
    fn default_config_drops_what_configuration_cannot_or_need_not_say() {
        let config = default_config(&schema(), &state());
        let want = obj([
            ("id", Value::Null),
            ("name", Value::from("a")),
            ("note", Value::Null),
            ("replicas", Value::Null),
            ("region", Value::from("eu")),
            ("password", Value::Null),
            ("ports", Value::List(vec![Value::from(80i64)])),
            (
                "settings",
                obj([("mode", Value::from("fast")), ("effective", Value::Null)]),
            ),
            (
                "rule",
                Value::List(vec![
                    obj([("port", Value::from(22i64)), ("protocol", Value::Null)]),
                    obj([
                        ("port", Value::from(53i64)),
                        ("protocol", Value::from("udp")),
                    ]),
                ]),
            ),
        ]);
        assert_eq!(config, want);
        let mut replicas_3 = state();
        replicas_3.set("replicas", 3i64);
        assert_eq!(
            default_config(&schema(), &replicas_3).get("replicas"),
            Some(&Value::from(3i64)),
            "a value other than the default is kept"
        );
        assert_eq!(
            default_config(&schema(), &Value::Null),
            null_object(&schema().block)
        );
    }

    /// Overrides the generated configuration: drops `region` too.
    struct Tuned;

    #[async_trait]
    impl Resource for Tuned {
        fn type_name(&self) -> &str {
            "tuned"
        }
        fn schema(&self) -> Schema {
            schema()
        }
        async fn generate_config(
            &self,
            _: &Context,
            _: GenerateConfigRequest,
            resp: &mut GenerateConfigResponse,
        ) {
            resp.config.set("region", Value::Null);
        }
        async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
        async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}
        async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
    }

    #[tokio::test]
    async fn the_hook_adjusts_the_default() {
        let (config, diags) =
            generate_resource_config(&Context::new(), &Tuned, &schema(), state()).await;
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.get("region"), Some(&Value::Null));
        assert_eq!(config.get("name"), Some(&Value::from("a")));
        assert_eq!(config.get("id"), Some(&Value::Null));
    }
}

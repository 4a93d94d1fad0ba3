//! Moving state from another resource type into this one (`moved` blocks across types).

use crate::identity::IdentitySchema;
use crate::resource::{MoveStateRequest, MoveStateResponse, PrivateState, Resource};
use crate::{Context, Diagnostics, Schema, Value};

use super::ensure_known;

/// The native result of a move.
#[derive(Clone, Debug)]
pub(crate) struct MoveResult {
    /// The target state; null when not moved.
    pub(crate) state: Value,
    /// The target's private data.
    pub(crate) private: PrivateState,
    /// The target's identity; `None` when there is none.
    pub(crate) identity: Option<Value>,
    /// Problems found.
    pub(crate) diagnostics: Diagnostics,
}

/// Moves the source state into `resource`.
pub(crate) async fn move_resource_state(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    identity: Option<&IdentitySchema>,
    req: MoveStateRequest,
) -> MoveResult {
    let mut resp = MoveStateResponse {
        state: Value::Null,
        private: PrivateState::new(),
        diagnostics: Diagnostics::new(),
        identity: super::identity::start(identity, &Value::Null),
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
    let mut new_identity = None;
    if !state.is_null() {
        super::null_write_only(&schema.block, &mut state);
        ensure_known(&mut state, "moved state", &mut diagnostics);
        new_identity = super::identity::finish(identity, resp.identity, true, &mut diagnostics);
    }
    MoveResult {
        state,
        private: resp.private,
        identity: new_identity,
        diagnostics,
    }
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

    /// Adopts states of the form `{"ident": …}` as `{"id": …}` when `adopts` is set, otherwise
    /// keeps the trait's default (refusal).
    struct Mover {
        adopts: bool,
    }

    #[async_trait]
    impl Resource for Mover {
        fn type_name(&self) -> &str {
            "mover"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new().attribute(Attribute::string("id").computed()),
            )
        }
        async fn move_state(
            &self,
            _: &Context,
            req: MoveStateRequest,
            resp: &mut MoveStateResponse,
        ) {
            if !self.adopts {
                return;
            }
            let source: serde_json::Value =
                serde_json::from_slice(&req.source_state).unwrap_or_default();
            let mut state = Value::Object(Default::default());
            state.set("id", source["ident"].as_str().map(str::to_string));
            resp.state = state;
        }
        async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
        async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}
        async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
    }

    /// Uses the trait's default `move_state`.
    struct Refuser;

    #[async_trait]
    impl Resource for Refuser {
        fn type_name(&self) -> &str {
            "refuser"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new().attribute(Attribute::string("id").computed()),
            )
        }
        async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
        async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}
        async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
    }

    fn request() -> MoveStateRequest {
        MoveStateRequest {
            source_provider_address: "registry.terraform.io/example/other".into(),
            source_type_name: "other_thing".into(),
            source_schema_version: 0,
            source_state: br#"{"ident":"abc"}"#.to_vec(),
            source_private: Vec::new(),
            source_identity: Vec::new(),
            source_identity_schema_version: 0,
        }
    }

    fn summaries(diags: &Diagnostics) -> Vec<&str> {
        diags.iter().map(|d| d.summary.as_str()).collect()
    }

    #[tokio::test]
    async fn cases() {
        let ctx = Context::new();
        let adopting = Mover { adopts: true };
        let out = move_resource_state(&ctx, &adopting, &adopting.schema(), None, request()).await;
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        assert_eq!(out.state.get_str("id"), Some("abc"));
        assert_eq!(out.identity, None);

        let silent = Mover { adopts: false };
        let out = move_resource_state(&ctx, &silent, &silent.schema(), None, request()).await;
        assert!(
            out.state.is_null(),
            "a mover that produces nothing moves nothing"
        );
        assert_eq!(
            summaries(&out.diagnostics),
            ["Unable to Move Resource State"]
        );

        let out = move_resource_state(&ctx, &Refuser, &Refuser.schema(), None, request()).await;
        assert!(out.state.is_null());
        assert_eq!(
            summaries(&out.diagnostics),
            ["Unable to Move Resource State"]
        );
        let detail = &out.diagnostics.iter().next().unwrap().detail;
        assert!(detail.contains("other_thing"));
    }
}

//! Refreshing a managed resource's state from the remote object.

use crate::identity::IdentitySchema;
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
    /// The identity stored with it; null when there is none.
    pub(crate) current_identity: Value,
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
    /// The identity to store; `None` when there is none (or the object is gone).
    pub(crate) new_identity: Option<Value>,
}

/// Refreshes one resource instance.
pub(crate) async fn read_resource(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    identity: Option<&IdentitySchema>,
    req: ReadResourceRequest,
) -> ReadResourceResult {
    let caps = req.client_capabilities;
    let prior_identity = req.current_identity;
    let mut resp = ReadResponse {
        state: req.current_state.clone(),
        private: req.private.clone(),
        diagnostics: Diagnostics::new(),
        deferred: None,
        identity: super::identity::start(identity, &prior_identity),
    };
    let prior = req.current_state.clone();
    let read = ReadRequest {
        state: req.current_state,
        private: req.private,
        provider_data: req.provider_data,
        client_capabilities: caps,
        identity: prior_identity.clone(),
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
    let new_identity = if new_state.is_null() {
        None
    } else {
        let found = super::identity::finish(identity, resp.identity, true, &mut diagnostics);
        super::identity::unchanged(&prior_identity, found, &mut diagnostics)
    };
    ReadResourceResult {
        new_state,
        private: resp.private,
        diagnostics,
        deferred,
        new_identity,
    }
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::engine::test_support::obj;
    use crate::resource::{
        CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, UpdateRequest,
        UpdateResponse, ValueExt,
    };
    use crate::schema::{Attribute, Block};

    /// Reads according to the `mode` attribute of the prior state.
    struct Reader;

    #[async_trait]
    impl Resource for Reader {
        fn type_name(&self) -> &str {
            "reader"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new()
                    .attribute(Attribute::string("mode").required())
                    .attribute(Attribute::string("seen").computed()),
            )
        }
        async fn read(&self, _: &Context, req: ReadRequest, resp: &mut ReadResponse) {
            match req.state.get_str("mode") {
                Some("gone") => resp.remove(),
                Some("error") => {
                    resp.remove();
                    resp.diagnostics.error("Read Failed", "");
                }
                Some("unknown") => resp.state.set("seen", Value::unknown()),
                _ => resp.state.set("seen", "yes"),
            }
        }
        async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
        async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
    }

    #[tokio::test]
    async fn cases() {
        let state = |mode: &str, seen: Value| obj([("mode", Value::from(mode)), ("seen", seen)]);
        // (name, prior, expected new state, expected summaries)
        let cases: Vec<(&str, Value, Value, Vec<&str>)> = vec![
            (
                "refresh",
                state("ok", Value::Null),
                state("ok", Value::from("yes")),
                vec![],
            ),
            (
                "gone is dropped",
                state("gone", Value::Null),
                Value::Null,
                vec![],
            ),
            (
                "a failed read keeps the prior state",
                state("error", Value::from("old")),
                state("error", Value::from("old")),
                vec!["Read Failed"],
            ),
            (
                "unknown left is an error",
                state("unknown", Value::Null),
                state("unknown", Value::Null),
                vec!["Provider Returned Unknown Value"],
            ),
        ];
        for (name, prior, want, errors) in cases {
            let req = ReadResourceRequest {
                current_state: prior,
                private: PrivateState::new(),
                provider_data: ProviderData::default(),
                client_capabilities: ClientCapabilities::default(),
                current_identity: Value::Null,
            };
            let out = read_resource(&Context::new(), &Reader, &Reader.schema(), None, req).await;
            assert_eq!(out.new_state, want, "{name}");
            let got: Vec<&str> = out.diagnostics.iter().map(|d| d.summary.as_str()).collect();
            assert_eq!(got, errors, "{name}");
        }
    }
}

//! Applying a planned change: dispatch to create, update or delete, then make sure the new
//! state is one Terraform can store (fully known, write-only attributes null).

use crate::identity::IdentitySchema;
use crate::provider::ProviderData;
use crate::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, PrivateState, Resource,
    UpdateRequest, UpdateResponse,
};
use crate::{Context, Diagnostics, Schema, Value};

use super::{ensure_known, null_write_only};

/// The native request of an apply.
#[derive(Clone, Debug)]
pub(crate) struct ApplyRequest {
    /// The prior state; null on creation.
    pub(crate) prior_state: Value,
    /// The planned state; null on destruction.
    pub(crate) planned_state: Value,
    /// The configuration; null on destruction.
    pub(crate) config: Value,
    /// The private data returned by the plan.
    pub(crate) planned_private: PrivateState,
    /// The provider's configured data.
    pub(crate) provider_data: ProviderData,
    /// The identity planned for the object; null when there is none (always with Terraform
    /// before 1.12).
    pub(crate) planned_identity: Value,
}

/// The native result of an apply.
#[derive(Clone, Debug)]
pub(crate) struct ApplyResult {
    /// The new state; null when the object no longer exists (or was never created).
    pub(crate) new_state: Value,
    /// The private data to store.
    pub(crate) private: PrivateState,
    /// Problems found.
    pub(crate) diagnostics: Diagnostics,
    /// The identity to store; `None` when there is none.
    pub(crate) new_identity: Option<Value>,
}

/// Applies one planned change.
///
/// A created object's identity starts as the planned one (every attribute null when none was
/// planned) and must be set, fully known; an updated object's must stay the planned one.
pub(crate) async fn apply_resource_change(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    identity: Option<&IdentitySchema>,
    req: ApplyRequest,
) -> ApplyResult {
    if req.planned_state.is_null() {
        return delete(ctx, resource, req).await;
    }
    let creating = req.prior_state.is_null();
    let planned = req.planned_state.clone();
    let planned_identity = req.planned_identity.clone();
    let (mut new_state, private, mut diagnostics, new_identity) = if creating {
        let start = super::identity::start(identity, &planned_identity);
        let mut resp = CreateResponse {
            state: req.planned_state.clone(),
            private: req.planned_private.clone(),
            diagnostics: Diagnostics::new(),
            identity: start,
        };
        let create = CreateRequest {
            config: req.config,
            plan: req.planned_state,
            private: req.planned_private,
            provider_data: req.provider_data,
        };
        resource.create(ctx, create, &mut resp).await;
        if resp.diagnostics.has_errors() && resp.state == planned {
            // The resource failed before recording anything: nothing was created.
            resp.state = Value::Null;
        }
        let mut diags = resp.diagnostics;
        let new_identity = if resp.state.is_null() {
            None
        } else {
            let found = super::identity::finish(identity, resp.identity, true, &mut diags);
            if found.is_none() && identity.is_some() && !diags.has_errors() {
                diags.error(
                    "Missing Resource Identity After Create",
                    "The provider created the object without setting its identity. A resource \
                     with an identity must set it on create. This is a bug in the provider, \
                     which should be reported in the provider's own issue tracker.",
                );
            }
            found
        };
        (resp.state, resp.private, diags, new_identity)
    } else {
        let mut resp = UpdateResponse {
            state: req.planned_state.clone(),
            private: req.planned_private.clone(),
            diagnostics: Diagnostics::new(),
            identity: super::identity::start(identity, &planned_identity),
        };
        let prior = req.prior_state.clone();
        let update = UpdateRequest {
            config: req.config,
            plan: req.planned_state,
            state: req.prior_state,
            private: req.planned_private,
            provider_data: req.provider_data,
        };
        resource.update(ctx, update, &mut resp).await;
        if resp.diagnostics.has_errors() && resp.state == planned {
            // The update failed before recording anything: keep the prior state.
            resp.state = prior;
        }
        let mut diags = resp.diagnostics;
        let found = super::identity::finish(identity, resp.identity, true, &mut diags);
        let new_identity = super::identity::unchanged(&planned_identity, found, &mut diags);
        (resp.state, resp.private, diags, new_identity)
    };
    if !new_state.is_null() {
        null_write_only(&schema.block, &mut new_state);
        if diagnostics.has_errors() {
            // Errors were reported already; just make the partial state storable.
            super::null_unknowns(&mut new_state);
        } else {
            ensure_known(&mut new_state, "new state after apply", &mut diagnostics);
        }
    } else if !diagnostics.has_errors() {
        diagnostics.error(
            "Missing Resource State After Apply",
            "The provider returned no state after creating or updating this resource, without \
             reporting an error. This is a bug in the provider, which should be reported in the \
             provider's own issue tracker.",
        );
    }
    ApplyResult {
        new_state,
        private,
        diagnostics,
        new_identity,
    }
}

async fn delete(ctx: &Context, resource: &dyn Resource, req: ApplyRequest) -> ApplyResult {
    let mut resp = DeleteResponse::default();
    let prior = req.prior_state.clone();
    let prior_private = req.planned_private.clone();
    let delete = DeleteRequest {
        state: req.prior_state,
        private: req.planned_private,
        provider_data: req.provider_data,
    };
    resource.delete(ctx, delete, &mut resp).await;
    if resp.diagnostics.has_errors() {
        // The object may still exist: keep it in state.
        return ApplyResult {
            new_state: prior,
            private: prior_private,
            diagnostics: resp.diagnostics,
            new_identity: None,
        };
    }
    ApplyResult {
        new_state: Value::Null,
        private: PrivateState::new(),
        diagnostics: resp.diagnostics,
        new_identity: None,
    }
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::ValueExt;
    use crate::engine::test_support::obj;
    use crate::resource::{ReadRequest, ReadResponse};
    use crate::schema::{Attribute, Block};

    /// Its behaviour is chosen by the `name` attribute of the plan or state.
    struct Scripted;

    #[async_trait]
    impl Resource for Scripted {
        fn type_name(&self) -> &str {
            "scripted"
        }
        fn schema(&self) -> Schema {
            schema()
        }
        async fn create(&self, _: &Context, req: CreateRequest, resp: &mut CreateResponse) {
            match req.plan.get_str("name") {
                Some("fail-early") => resp.diagnostics.error("Create Failed", ""),
                Some("fail-late") => {
                    resp.state.set("id", "partial");
                    resp.diagnostics.error("Create Failed", "");
                }
                _ => resp.state.set("id", "new"),
            }
        }
        async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}
        async fn update(&self, _: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
            if req.plan.get_str("name") == Some("fail-early") {
                resp.diagnostics.error("Update Failed", "");
            }
        }
        async fn delete(&self, _: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
            if req.state.get_str("name") == Some("stuck") {
                resp.diagnostics.error("Delete Failed", "");
            }
        }
    }

    fn schema() -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(Attribute::string("id").computed())
                .attribute(Attribute::string("name").required())
                .attribute(Attribute::string("secret").optional().write_only()),
        )
    }

    fn thing(id: Value, name: &str, secret: Value) -> Value {
        obj([("id", id), ("name", Value::from(name)), ("secret", secret)])
    }

    async fn apply(prior: Value, planned: Value) -> ApplyResult {
        let config = if planned.is_null() {
            Value::Null
        } else {
            thing(
                Value::Null,
                planned.get_str("name").unwrap(),
                Value::from("pw"),
            )
        };
        let req = ApplyRequest {
            prior_state: prior,
            planned_state: planned,
            config,
            planned_private: PrivateState::new(),
            provider_data: ProviderData::default(),
            planned_identity: Value::Null,
        };
        apply_resource_change(&Context::new(), &Scripted, &schema(), None, req).await
    }

    #[tokio::test]
    async fn dispatch_and_failure_handling() {
        let existing = thing(Value::from("old"), "a", Value::Null);
        // (name, prior, planned, expected new state, expected error summaries)
        let cases: Vec<(&str, Value, Value, Value, Vec<&str>)> = vec![
            (
                "create fills computed and nulls write-only",
                Value::Null,
                thing(Value::unknown(), "a", Value::from("pw")),
                thing(Value::from("new"), "a", Value::Null),
                vec![],
            ),
            (
                "create failing before recording anything saves nothing",
                Value::Null,
                thing(Value::unknown(), "fail-early", Value::Null),
                Value::Null,
                vec!["Create Failed"],
            ),
            (
                "create failing after recording keeps the partial object",
                Value::Null,
                thing(Value::unknown(), "fail-late", Value::Null),
                thing(Value::from("partial"), "fail-late", Value::Null),
                vec!["Create Failed"],
            ),
            (
                "update failing keeps the prior state",
                existing.clone(),
                thing(Value::from("old"), "fail-early", Value::Null),
                existing.clone(),
                vec!["Update Failed"],
            ),
            ("delete", existing.clone(), Value::Null, Value::Null, vec![]),
            (
                "failed delete keeps the object",
                thing(Value::from("old"), "stuck", Value::Null),
                Value::Null,
                thing(Value::from("old"), "stuck", Value::Null),
                vec!["Delete Failed"],
            ),
        ];
        for (name, prior, planned, want, errors) in cases {
            let out = apply(prior, planned).await;
            assert_eq!(out.new_state, want, "{name}");
            let got: Vec<&str> = out.diagnostics.iter().map(|d| d.summary.as_str()).collect();
            assert_eq!(got, errors, "{name}");
        }
    }
}

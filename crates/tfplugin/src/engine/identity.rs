//! The rules for the resource identity carried by read, plan, apply, import and move: what a
//! handler's `resp.identity` starts as, what is sent back, and the refusal of an identity that
//! changes during the life of an object (Terraform itself no longer checks it).

use crate::identity::{IdentitySchema, is_absent};
use crate::{AttributePath, Diagnostics, Value};

use super::{null_unknowns, unknown_paths};

/// What a handler's `resp.identity` starts as: `prior` when it says something, otherwise an
/// object with every attribute null (so that handlers can set attributes one by one); null for
/// a resource without an identity.
pub(crate) fn start(identity: Option<&IdentitySchema>, prior: &Value) -> Value {
    match identity {
        None => Value::Null,
        Some(schema) if is_absent(prior) => schema.null_value(),
        Some(_) => prior.clone(),
    }
}

/// The identity to send back from what a handler left: nothing without an identity schema or
/// when every attribute is null; unknown values become null, with an error naming them, when
/// `must_be_known`.
pub(crate) fn finish(
    identity: Option<&IdentitySchema>,
    mut value: Value,
    must_be_known: bool,
    diags: &mut Diagnostics,
) -> Option<Value> {
    identity?;
    if is_absent(&value) {
        return None;
    }
    if must_be_known {
        let mut paths = Vec::new();
        unknown_paths(&value, &AttributePath::default(), &mut paths);
        if !paths.is_empty() {
            null_unknowns(&mut value);
            let names: Vec<String> = paths.iter().map(ToString::to_string).collect();
            diags.error(
                "Provider Returned Unknown Identity",
                format!(
                    "The provider left the resource identity attributes {} unknown; an identity \
                     must be known once the object exists. This is a bug in the provider, which \
                     should be reported in the provider's own issue tracker.",
                    names.join(", ")
                ),
            );
            if is_absent(&value) {
                return None;
            }
        }
    }
    Some(value)
}

/// Keeps an object's identity: when `prior` says something, `new` must be the same (a missing
/// `new` keeps `prior`); a different one is reported as an error and `prior` is kept.
pub(crate) fn unchanged(
    prior: &Value,
    new: Option<Value>,
    diags: &mut Diagnostics,
) -> Option<Value> {
    if is_absent(prior) {
        return new;
    }
    match new {
        Some(v) if v != *prior => {
            diags.error(
                "Unexpected Identity Change",
                format!(
                    "The provider changed the identity of an existing object from {prior:?} to \
                     {v:?}. An identity names one remote object for its whole life and must not \
                     change; the prior identity is kept. This is a bug in the provider, which \
                     should be reported in the provider's own issue tracker."
                ),
            );
            Some(prior.clone())
        }
        Some(v) => Some(v),
        None => Some(prior.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::apply_resource_change::{ApplyRequest, apply_resource_change};
    use crate::engine::plan_resource_change::{PlanRequest, plan_resource_change};
    use crate::engine::read_resource::{ReadResourceRequest, read_resource};
    use crate::engine::test_support::obj;
    use crate::identity::IdentityAttribute;
    use crate::provider::ProviderData;
    use crate::resource::{
        ClientCapabilities, CreateRequest, CreateResponse, DeleteRequest, DeleteResponse,
        ModifyPlanRequest, ModifyPlanResponse, PrivateState, ReadRequest, ReadResponse, Resource,
        UpdateRequest, UpdateResponse,
    };
    use crate::{Attribute, Block, Context, Schema, ValueExt};

    fn schema() -> IdentitySchema {
        IdentitySchema::new(0).attribute(IdentityAttribute::string("id").required_for_import())
    }

    fn id(v: &str) -> Value {
        obj([("id", Value::from(v))])
    }

    #[test]
    fn start_finish_and_unchanged() {
        let s = schema();
        assert_eq!(start(None, &id("a")), Value::Null);
        assert_eq!(start(Some(&s), &Value::Null), s.null_value());
        assert_eq!(start(Some(&s), &id("a")), id("a"));

        let mut diags = Diagnostics::new();
        assert_eq!(finish(None, id("a"), true, &mut diags), None);
        assert_eq!(finish(Some(&s), s.null_value(), true, &mut diags), None);
        assert_eq!(finish(Some(&s), id("a"), true, &mut diags), Some(id("a")));
        assert_eq!(
            finish(Some(&s), s.unknown_value(), false, &mut diags),
            Some(s.unknown_value())
        );
        assert!(diags.is_empty());
        assert_eq!(finish(Some(&s), s.unknown_value(), true, &mut diags), None);
        assert_eq!(
            diags.iter().next().unwrap().summary,
            "Provider Returned Unknown Identity"
        );

        let mut diags = Diagnostics::new();
        assert_eq!(
            unchanged(&Value::Null, Some(id("b")), &mut diags),
            Some(id("b"))
        );
        assert_eq!(unchanged(&s.null_value(), None, &mut diags), None);
        assert_eq!(unchanged(&id("a"), None, &mut diags), Some(id("a")));
        assert_eq!(
            unchanged(&id("a"), Some(id("a")), &mut diags),
            Some(id("a"))
        );
        assert!(diags.is_empty());
        assert_eq!(
            unchanged(&id("a"), Some(id("b")), &mut diags),
            Some(id("a"))
        );
        assert_eq!(
            diags.iter().next().unwrap().summary,
            "Unexpected Identity Change"
        );
    }

    /// A resource with an identity whose handlers misbehave on request: `mode = "change"` makes
    /// read, modify_plan and update change the identity, `mode = "skip"` makes create leave it
    /// unset.
    struct Renamer;

    #[async_trait::async_trait]
    impl Resource for Renamer {
        fn type_name(&self) -> &str {
            "renamer"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new()
                    .attribute(Attribute::string("id").computed())
                    .attribute(Attribute::string("mode").optional()),
            )
        }
        fn identity_schema(&self) -> Option<IdentitySchema> {
            Some(schema())
        }
        async fn read(&self, _: &Context, req: ReadRequest, resp: &mut ReadResponse) {
            let id = match req.state.get_str("mode") {
                Some("change") => "other",
                _ => req.state.get_str("id").unwrap_or_default(),
            };
            resp.identity.set("id", id);
        }
        async fn modify_plan(
            &self,
            _: &Context,
            req: ModifyPlanRequest,
            r: &mut ModifyPlanResponse,
        ) {
            match req.plan.get_str("mode") {
                Some("change") if !req.state.is_null() => r.identity.set("id", "other"),
                Some("known") => r.identity.set("id", "planned"),
                _ => {}
            }
        }
        async fn create(&self, _: &Context, req: CreateRequest, resp: &mut CreateResponse) {
            resp.state.set("id", "new-1");
            if req.plan.get_str("mode") != Some("skip") {
                resp.identity.set("id", "new-1");
            }
        }
        async fn update(&self, _: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
            if req.plan.get_str("mode") == Some("change") {
                resp.identity.set("id", "other");
            }
        }
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
    }

    fn state(id: Value, mode: &str) -> Value {
        obj([("id", id), ("mode", Value::from(mode))])
    }

    fn summaries(diags: &Diagnostics) -> Vec<&str> {
        diags.iter().map(|d| d.summary.as_str()).collect()
    }

    async fn read(prior: Value, mode: &str) -> (Option<Value>, Diagnostics) {
        let req = ReadResourceRequest {
            current_state: state(Value::from("a"), mode),
            private: PrivateState::new(),
            provider_data: ProviderData::default(),
            client_capabilities: ClientCapabilities::default(),
            current_identity: prior,
        };
        let s = Renamer.schema();
        let out = read_resource(&Context::new(), &Renamer, &s, Some(&schema()), req).await;
        (out.new_identity, out.diagnostics)
    }

    async fn plan(prior: Value, proposed: Value, identity: Value) -> (Option<Value>, Diagnostics) {
        let req = PlanRequest {
            config: proposed.clone(),
            prior_state: prior,
            proposed_new_state: proposed,
            prior_private: PrivateState::new(),
            provider_data: ProviderData::default(),
            client_capabilities: ClientCapabilities::default(),
            prior_identity: identity,
        };
        let s = Renamer.schema();
        let out = plan_resource_change(&Context::new(), &Renamer, &s, Some(&schema()), req).await;
        (out.planned_identity, out.diagnostics)
    }

    async fn apply(prior: Value, planned: Value, identity: Value) -> (Option<Value>, Diagnostics) {
        let req = ApplyRequest {
            config: planned.clone(),
            prior_state: prior,
            planned_state: planned,
            planned_private: PrivateState::new(),
            provider_data: ProviderData::default(),
            planned_identity: identity,
        };
        let s = Renamer.schema();
        let out = apply_resource_change(&Context::new(), &Renamer, &s, Some(&schema()), req).await;
        (out.new_identity, out.diagnostics)
    }

    #[tokio::test]
    async fn read_plan_and_apply_refuse_an_identity_change() {
        // Read: a state without identity gets one; an identity that changes is refused.
        let (got, diags) = read(Value::Null, "ok").await;
        assert_eq!((got, summaries(&diags)), (Some(id("a")), vec![]));
        let (got, diags) = read(id("a"), "ok").await;
        assert_eq!((got, summaries(&diags)), (Some(id("a")), vec![]));
        let (got, diags) = read(id("a"), "change").await;
        assert_eq!(
            (got, summaries(&diags)),
            (Some(id("a")), vec!["Unexpected Identity Change"])
        );

        // Plan: none on create unless the hook knows it (also when replacing), the prior one on
        // update, none when destroying; a change on update is refused.
        let new = state(Value::unknown(), "ok");
        let (got, diags) = plan(Value::Null, new.clone(), Value::Null).await;
        assert_eq!((got, summaries(&diags)), (None, vec![]));
        let (got, _) = plan(Value::Null, new, id("old")).await;
        assert_eq!(
            got, None,
            "a replacement gets a new identity, not the old one"
        );
        let (got, _) = plan(Value::Null, state(Value::unknown(), "known"), Value::Null).await;
        assert_eq!(
            got,
            Some(id("planned")),
            "a create plan can know the identity"
        );
        let existing = state(Value::from("a"), "ok");
        let (got, diags) = plan(existing.clone(), existing.clone(), id("a")).await;
        assert_eq!((got, summaries(&diags)), (Some(id("a")), vec![]));
        let changing = state(Value::from("a"), "change");
        let (got, diags) = plan(existing.clone(), changing.clone(), id("a")).await;
        assert_eq!(
            (got, summaries(&diags)),
            (Some(id("a")), vec!["Unexpected Identity Change"])
        );
        let (got, diags) = plan(existing.clone(), Value::Null, id("a")).await;
        assert_eq!((got, summaries(&diags)), (None, vec![]));

        // Apply: create sets it; leaving it unset is an error; update keeps it, and a change is
        // refused.
        let (got, diags) = apply(Value::Null, state(Value::unknown(), "ok"), Value::Null).await;
        assert_eq!((got, summaries(&diags)), (Some(id("new-1")), vec![]));
        let (got, diags) = apply(Value::Null, state(Value::unknown(), "skip"), Value::Null).await;
        assert_eq!(
            (got, summaries(&diags)),
            (None, vec!["Missing Resource Identity After Create"])
        );
        let (got, diags) = apply(existing.clone(), existing.clone(), id("a")).await;
        assert_eq!((got, summaries(&diags)), (Some(id("a")), vec![]));
        let (got, diags) = apply(existing.clone(), changing, id("a")).await;
        assert_eq!(
            (got, summaries(&diags)),
            (Some(id("a")), vec!["Unexpected Identity Change"])
        );
        let (got, diags) = apply(existing, Value::Null, Value::Null).await;
        assert_eq!((got, summaries(&diags)), (None, vec![]));
    }
}

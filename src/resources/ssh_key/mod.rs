//! The `palette_ssh_key` resource: an SSH key kept in Palette (a user asset), in a project or
//! in the tenant.
//!
//! The name and the public key change in place (one `PUT`); the context replaces the key. The
//! public key is compared by meaning ([`palette_stack::ssh_key`]): the plan keeps the state's
//! text whenever the configuration says the same key, so the newline `file()` reads never shows
//! as a change, not even after an import. Palette is sent the key's canonical text. Its form is
//! checked at plan, at the attribute, without an API call. The key is not a secret, but nothing
//! here logs it.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse,
};
use tfplugin::{Context, Resource, Schema, Value, ValueExt, async_trait};

use palette_stack::ssh_key::same_public_key;

mod apply;
mod checks;
mod model;
mod read;
mod schema;

/// `palette_ssh_key`.
#[derive(Debug, Default)]
pub(crate) struct SshKeyResource;

/// Keeps the prior state's public key in `plan` when the planned one is the same key written
/// differently; a real change, or an unknown, stays as planned.
fn keep_equivalent_key(prior: &Value, plan: &mut Value) {
    let same = prior
        .get_str("public_key")
        .zip(plan.get_str("public_key"))
        .filter(|(prior, planned)| prior != planned && same_public_key(prior, planned))
        .map(|(prior, _)| prior.to_owned());
    if let Some(prior) = same {
        plan.set("public_key", prior);
    }
}

#[async_trait]
impl Resource for SshKeyResource {
    fn type_name(&self) -> &str {
        "ssh_key"
    }

    fn schema(&self) -> Schema {
        schema::schema_v0()
    }

    async fn modify_plan(
        &self,
        _ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        if !req.plan.is_null() && !req.state.is_null() {
            keep_equivalent_key(&req.state, &mut resp.plan);
        }
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        apply::create(ctx, req, resp).await;
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        read::read(req, resp).await;
    }

    async fn update(&self, _ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        apply::update(req, resp).await;
    }

    async fn delete(&self, _ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        apply::delete(req, resp).await;
    }

    async fn import_state(
        &self,
        _ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        read::import_state(req, resp).await;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq";

    fn with_key(key: Value) -> Value {
        let mut value = Value::Object(BTreeMap::new());
        value.set("public_key", key);
        value
    }

    #[test]
    fn the_plan_keeps_the_state_text_of_the_same_key() {
        let cases = [
            ("same text", KEY.into(), KEY.into(), KEY.into()),
            (
                "file()'s newline after an import",
                KEY.into(),
                format!("{KEY}\n").into(),
                KEY.into(),
            ),
            (
                "a new comment is a change",
                KEY.into(),
                format!("{KEY} ops").into(),
                format!("{KEY} ops").into(),
            ),
            (
                "unknown stays unknown",
                KEY.into(),
                Value::unknown(),
                Value::unknown(),
            ),
        ];
        for (what, prior, planned, want) in cases {
            let mut plan = with_key(planned);
            keep_equivalent_key(&with_key(prior), &mut plan);
            assert_eq!(plan.get("public_key"), Some(&want), "{what}");
        }
    }

    #[test]
    fn schema_attributes_are_all_described() {
        for attribute in schema::schema_v0().block.attributes {
            assert!(!attribute.description.is_empty(), "{}", attribute.name);
        }
    }
}

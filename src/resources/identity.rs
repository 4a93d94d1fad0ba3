//! Resource identity (Terraform 1.12 and later): the attributes that name a Palette object,
//! shown by `terraform show -json`, taken by `import { identity = {...} }` and listed by
//! `terraform query`.
//!
//! Every resource's identity follows from its state (a uid and where the object lives), so one
//! wrapper, [`Identified`], gives each resource its identity: it sets it after every create,
//! read and update from the state the resource wrote, and turns an import by identity into the
//! resource's own import ID, so import by identity and by ID share one path. The resources
//! themselves know nothing of identity.

use std::sync::Arc;

use tfplugin::resource::*;
use tfplugin::validator::Validator;
use tfplugin::{
    Context, IdentityAttribute, IdentitySchema, Resource, Schema, Value, ValueExt, async_trait,
};

/// How one resource type is identified.
pub(crate) struct IdentityRules {
    /// The identity attributes: name and description. All are required for import.
    pub(crate) attributes: &'static [(&'static str, &'static str)],
    /// The identity of a state (attributes of the same name, unless the resource says more).
    pub(crate) of_state: fn(&Value) -> Value,
    /// The import ID that names the same object as an identity, or why there is none.
    pub(crate) import_id: fn(&Value) -> Result<String, String>,
}

/// The `context` identity attribute's description.
pub(crate) const CONTEXT: &str =
    "Where the object lives: `project` (the provider's project) or `tenant`.";

/// A resource with its identity.
pub(crate) struct Identified {
    inner: Arc<dyn Resource>,
    rules: IdentityRules,
}

impl Identified {
    /// `inner` identified by `rules`.
    pub(crate) fn wrap(inner: Arc<dyn Resource>, rules: IdentityRules) -> Arc<dyn Resource> {
        Arc::new(Identified { inner, rules })
    }

    /// The identity of `state`, or `None` for a gone object (null state).
    fn identity_of(&self, state: &Value) -> Option<Value> {
        (!state.is_null()).then(|| (self.rules.of_state)(state))
    }
}

/// The identity whose attributes are the state's attributes of the same name.
pub(crate) fn same_names(attributes: &[(&str, &str)], state: &Value) -> Value {
    Value::Object(
        attributes
            .iter()
            .map(|(name, _)| {
                let value = state.get(name).cloned().unwrap_or(Value::Null);
                (name.to_string(), value)
            })
            .collect(),
    )
}

/// The `[tenant/]UID` import ID of an identity with `id` and `context`.
pub(crate) fn scoped_uid(identity: &Value) -> Result<String, String> {
    let id = required(identity, "id")?;
    Ok(match identity.get_str("context") {
        Some("tenant") => format!("tenant/{id}"),
        _ => id.to_string(),
    })
}

/// An identity attribute that must be set.
pub(crate) fn required<'a>(identity: &'a Value, name: &str) -> Result<&'a str, String> {
    identity
        .get_str(name)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("the identity needs `{name}`"))
}

#[async_trait]
impl Resource for Identified {
    fn type_name(&self) -> &str {
        self.inner.type_name()
    }

    fn schema(&self) -> Schema {
        self.inner.schema()
    }

    fn identity_schema(&self) -> Option<IdentitySchema> {
        let mut schema = IdentitySchema::new(0);
        for (name, description) in self.rules.attributes {
            schema = schema.attribute(
                IdentityAttribute::string(*name)
                    .required_for_import()
                    .description(*description),
            );
        }
        Some(schema)
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        self.inner.create(ctx, req, resp).await;
        if let Some(identity) = self.identity_of(&resp.state) {
            resp.identity = identity;
        }
    }

    async fn read(&self, ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        self.inner.read(ctx, req, resp).await;
        if let Some(identity) = self.identity_of(&resp.state) {
            resp.identity = identity;
        }
    }

    async fn update(&self, ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        self.inner.update(ctx, req, resp).await;
        if let Some(identity) = self.identity_of(&resp.state) {
            resp.identity = identity;
        }
    }

    async fn delete(&self, ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        self.inner.delete(ctx, req, resp).await;
    }

    fn config_validators(&self) -> Vec<Arc<dyn Validator>> {
        self.inner.config_validators()
    }

    async fn validate_config(
        &self,
        ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        self.inner.validate_config(ctx, req, resp).await;
    }

    async fn modify_plan(
        &self,
        ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        self.inner.modify_plan(ctx, req, resp).await;
    }

    /// By ID as the resource takes it; by identity through the import ID the identity names.
    async fn import_state(
        &self,
        ctx: &Context,
        mut req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        if req.id.is_empty() {
            match (self.rules.import_id)(&req.identity) {
                Ok(id) => req.id = id,
                Err(why) => {
                    return resp.diagnostics.error(
                        "Invalid Import Identity",
                        format!(
                            "The identity given to import a {} does not name an object: {why}.",
                            self.inner.type_name()
                        ),
                    );
                }
            }
        }
        self.inner.import_state(ctx, req, resp).await;
    }

    fn prior_schema(&self, version: i64) -> Option<Schema> {
        self.inner.prior_schema(version)
    }

    async fn upgrade_state(
        &self,
        ctx: &Context,
        req: UpgradeStateRequest,
        resp: &mut UpgradeStateResponse,
    ) {
        self.inner.upgrade_state(ctx, req, resp).await;
    }

    async fn move_state(&self, ctx: &Context, req: MoveStateRequest, resp: &mut MoveStateResponse) {
        self.inner.move_state(ctx, req, resp).await;
    }

    async fn generate_config(
        &self,
        ctx: &Context,
        req: GenerateConfigRequest,
        resp: &mut GenerateConfigResponse,
    ) {
        self.inner.generate_config(ctx, req, resp).await;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn object(pairs: &[(&str, &str)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(v.to_string())))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    #[test]
    fn a_scoped_identity_names_the_import_id_the_resource_takes() {
        let uid = "5f2b6c0e9d8a7b6c5d4e3f21";
        assert_eq!(
            scoped_uid(&object(&[("id", uid), ("context", "tenant")])),
            Ok(format!("tenant/{uid}"))
        );
        assert_eq!(
            scoped_uid(&object(&[("id", uid), ("context", "project")])),
            Ok(uid.to_string())
        );
        assert_eq!(
            scoped_uid(&object(&[("context", "project")])),
            Err("the identity needs `id`".to_string())
        );
    }
}

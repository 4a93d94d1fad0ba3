//! `palette_cloud_account`: the credentials Palette deploys with, one block per account kind
//! (AWS, Azure, Google Cloud, vSphere, MAAS, OpenStack, Tencent, Nutanix), every secret a
//! write-only attribute that never reaches state.
//!
//! # Lifecycle
//!
//! - **Plan** checks one kind block, each kind's required fields and secrets (null, not
//!   unknown), and AWS's credential rules. A change of kind replaces the account; everything
//!   else changes in place.
//! - **Create / update** send the whole account; secrets come from the configuration (write-only
//!   values are only there). A secret is sent again when its `_wo_version` changes, or with any
//!   other change (the configuration holds it on every apply).
//! - **Read** follows every non-secret field, the gateway and the name; secrets are never read
//!   (Palette does not return them), so their versions stay as they were.
//! - **Import** takes `KIND/UID` or `KIND/NAME`, optionally `tenant/`-prefixed.

mod api;
mod kinds;
mod list;
mod model;
mod schema;

use serde_json::Value as Json;
use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{Context, Diagnostics, Resource, Schema, Value, ValueExt, async_trait};

use crate::provider_data::PaletteData;
use crate::resources::kind_table::{
    Failure, Noun, aws_credentials_needed, check_needed, connect, kind_change, one_kind, run,
};
use kinds::{AccountKind, KINDS};
use model::{block_state, body, kind_of};
use palette_stack::import_id::{ClusterTarget, parse_account_import_id};

pub(crate) use list::CloudAccountList;

/// The `palette_cloud_account` resource.
pub(crate) struct CloudAccountResource;

/// How diagnostics name a cloud account.
const NOUN: Noun = Noun {
    title: "Account",
    text: "cloud account",
};

/// Plan checks of the configuration: one kind, its required fields and secrets, AWS's rules.
fn check_config(config: &Value, diags: &mut Diagnostics) {
    let Some((kind, block)) = one_kind(KINDS, config, &NOUN, diags) else {
        return;
    };
    let also = if kind.block == "aws" {
        aws_credentials_needed(block)
    } else {
        &[]
    };
    check_needed(kind, block, also, &NOUN, diags);
}

/// The account's state from Palette's document.
fn set_from_doc(state: &mut Value, kind: &AccountKind, doc: &Json) {
    if let Some(name) = doc.pointer("/metadata/name").and_then(Json::as_str) {
        state.set("name", name.to_owned());
    }
    let prior = state.clone();
    state.set(kind.block, block_state(kind, doc, &prior));
    state.set("state", account_state(doc));
}

/// The account's state as Palette reports it (`Running`, ...), empty when it says none.
fn account_state(doc: &Json) -> String {
    doc.pointer("/status/state")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_owned()
}

#[async_trait]
impl Resource for CloudAccountResource {
    fn type_name(&self) -> &str {
        "cloud_account"
    }

    fn schema(&self) -> Schema {
        schema::schema_v0()
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        check_config(&req.config, &mut resp.diagnostics);
    }

    async fn modify_plan(
        &self,
        _ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        if req.state.is_null() || resp.plan.is_null() {
            return;
        }
        if let Some(path) = kind_change(KINDS, &req.state, &resp.plan) {
            resp.requires_replace.push(path);
        }
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        const SUMMARY: &str = "Create Cloud Account Error";
        let Some((kind, _)) = kind_of(&req.plan) else {
            return resp
                .diagnostics
                .error(SUMMARY, "No account kind block is set.");
        };
        let name = req.plan.get_str("name").unwrap_or_default().to_string();
        let (data, scope) = match connect(&req.provider_data, &req.plan, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let what = format!("creating {} cloud account {name:?}", kind.block);
        let sent = body(kind, &req.plan, &req.config);
        let created = api::create(&data.client, &scope, kind, &name, sent);
        let uid = match run(ctx, SUMMARY, &what, &NOUN, created).await {
            Ok(uid) => uid,
            Err(failure) => return resp.diagnostics.push(failure.diagnostic()),
        };
        tracing::info!(account = %name, uid = %uid, "created {} cloud account {name:?}", kind.block);
        resp.state.set("id", uid.clone());
        let state = match ctx.run(api::read(&data.client, &scope, kind, &uid)).await {
            Ok(Ok(doc)) => account_state(&doc),
            _ => String::new(),
        };
        resp.state.set("state", state);
    }

    async fn read(&self, ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Cloud Account Error";
        let (Some(uid), Some((kind, _))) = (req.state.get_str("id"), kind_of(&req.state)) else {
            return resp.remove();
        };
        let uid = uid.to_string();
        let (data, scope) = match connect(&req.provider_data, &req.state, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let what = format!("reading cloud account {uid}");
        let read = api::read(&data.client, &scope, kind, &uid);
        match run(ctx, SUMMARY, &what, &NOUN, read).await {
            Ok(doc) => set_from_doc(&mut resp.state, kind, &doc),
            Err(Failure::NotFound(_)) => resp.remove(),
            Err(failure) => resp.diagnostics.push(failure.diagnostic()),
        }
    }

    async fn update(&self, ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        const SUMMARY: &str = "Update Cloud Account Error";
        let Some((kind, _)) = kind_of(&req.plan) else {
            return resp
                .diagnostics
                .error(SUMMARY, "No account kind block is set.");
        };
        let uid = req.state.get_str("id").unwrap_or_default().to_string();
        resp.state.set("id", uid.clone());
        let (data, scope) = match connect(&req.provider_data, &req.plan, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let name = req.plan.get_str("name").unwrap_or_default();
        let what = format!("updating {} cloud account {name:?}", kind.block);
        let sent = body(kind, &req.plan, &req.config);
        let updated = api::update(&data.client, &scope, kind, &uid, sent);
        if let Err(failure) = run(ctx, SUMMARY, &what, &NOUN, updated).await {
            return resp.diagnostics.push(failure.diagnostic());
        }
        let state = match ctx.run(api::read(&data.client, &scope, kind, &uid)).await {
            Ok(Ok(doc)) => account_state(&doc),
            _ => req.state.get_str("state").unwrap_or_default().to_owned(),
        };
        resp.state.set("state", state);
    }

    async fn delete(&self, ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        const SUMMARY: &str = "Delete Cloud Account Error";
        let (Some(uid), Some((kind, _))) = (req.state.get_str("id"), kind_of(&req.state)) else {
            return;
        };
        let (data, scope) = match connect(&req.provider_data, &req.state, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let name = req.state.get_str("name").unwrap_or_default();
        let what = format!("deleting {} cloud account {name:?}", kind.block);
        let deleted = api::delete(&data.client, &scope, kind, uid);
        match run(ctx, SUMMARY, &what, &NOUN, deleted).await {
            Ok(()) | Err(Failure::NotFound(_)) => {}
            Err(failure) => resp.diagnostics.push(failure.diagnostic()),
        }
    }

    async fn import_state(
        &self,
        ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        const SUMMARY: &str = "Import Cloud Account Error";
        let blocks: Vec<&str> = KINDS.iter().map(|k| k.block).collect();
        let id = match parse_account_import_id(&req.id, &blocks) {
            Ok(id) => id,
            Err(err) => {
                return resp.diagnostics.error(
                    "Invalid Import ID",
                    format!(
                        "The import ID of a palette_cloud_account names its kind and the \
                         account: {err}. Examples: `aws/aws-dev`, `tenant/vsphere/dc-1`, or \
                         `gcp/` and the uid."
                    ),
                );
            }
        };
        let Some(kind) = kinds::by_block(&id.kind) else {
            return;
        };
        let context = id.scope.context();
        let uid = match id.target {
            ClusterTarget::Uid(uid) => uid,
            ClusterTarget::Name(name) => {
                let (data, scope) =
                    match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
                        Ok(connected) => connected,
                        Err(diag) => return resp.diagnostics.push(diag),
                    };
                let what = format!("looking up cloud account {name:?}");
                let found = api::find(&data.client, &scope, kind, &name);
                match run(ctx, SUMMARY, &what, &NOUN, found).await {
                    Ok(Some(uid)) => uid,
                    Ok(None) => {
                        return resp.diagnostics.error(
                            SUMMARY,
                            format!(
                                "No {} cloud account is named {name:?} in the {context} scope. \
                                 Check the name, or import by uid.",
                                kind.block
                            ),
                        );
                    }
                    Err(failure) => return resp.diagnostics.push(failure.diagnostic()),
                }
            }
        };
        resp.state.set("id", uid);
        resp.state.set("context", context);
        resp.state
            .set(kind.block, block_state(kind, &Json::Null, &Value::Null));
    }
}

/// Its identity: kind, uid and context.
pub(super) fn identity() -> crate::resources::identity::IdentityRules {
    crate::resources::identity::IdentityRules {
        attributes: crate::resources::kind_table::IDENTITY,
        of_state: |state| crate::resources::kind_table::identity_of(KINDS, state),
        import_id: crate::resources::kind_table::identity_import_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::kind_table::config_of;

    fn config(blocks: &[(&str, &[(&str, Value)])]) -> Value {
        config_of(KINDS, blocks)
    }

    fn paths(config: &Value) -> Vec<String> {
        let mut diags = Diagnostics::new();
        check_config(config, &mut diags);
        diags
            .iter()
            .map(|d| {
                d.attribute
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| d.summary.clone())
            })
            .collect()
    }

    #[test]
    fn checks_tell_null_from_unknown() {
        assert_eq!(paths(&config(&[])), ["Missing Account Kind"]);
        let unknown_secret = config(&[(
            "azure",
            &[
                ("tenant_id", "t".into()),
                ("client_id", Value::unknown()),
                ("client_secret", Value::unknown()),
            ],
        )]);
        assert!(paths(&unknown_secret).is_empty());
        let missing = config(&[("azure", &[("tenant_id", "t".into())])]);
        assert_eq!(paths(&missing), ["azure.client_id", "azure.client_secret"]);
        let sts = config(&[("aws", &[("credential_type", "sts".into())])]);
        assert_eq!(paths(&sts), ["aws.arn"]);
        let unknown_type = config(&[("aws", &[("credential_type", Value::unknown())])]);
        assert!(
            paths(&unknown_type).is_empty(),
            "the type decides, once known"
        );
        let keys = config(&[("aws", &[("access_key", "a".into())])]);
        assert_eq!(paths(&keys), ["aws.secret_key"]);
        let two = config(&[
            ("gcp", &[("json_credentials", "{}".into())]),
            ("tencent", &[]),
        ]);
        assert_eq!(paths(&two), ["tencent"]);
    }
}

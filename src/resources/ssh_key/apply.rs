//! Create, update (rename and rekey in place) and delete of one key.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, UpdateRequest, UpdateResponse,
};
use tfplugin::{Context, Diagnostic, Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;

use super::model::SshKeyPlan;

/// The diagnostic for a name another key of the scope already has.
fn name_taken(plan: &SshKeyPlan, err: &palette_api::Error) -> Diagnostic {
    Diagnostic::error(
        "SSH Key Name Taken",
        format!(
            "An SSH key named {name:?} already exists in the {context} scope, made outside this \
             configuration. Import it with `terraform import <address> {prefix}{name}`, or \
             choose another name.\n\nOriginal Error: {err}",
            name = plan.name,
            context = plan.context,
            prefix = plan.import_prefix(),
        ),
    )
}

/// The `create` handler: creates the key (never twice, whatever the connection does) and
/// records its uid.
pub(super) async fn create(ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
    const SUMMARY: &str = "Create SSH Key Error";
    let plan = SshKeyPlan::from_value(&req.plan);
    let fail = |resp: &mut CreateResponse, diag: Diagnostic| {
        resp.diagnostics.push(diag);
        resp.state = Value::Null;
    };
    let (data, scope) = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await
    {
        Ok(connected) => connected,
        Err(diag) => return fail(resp, diag),
    };
    let entity = plan.create_entity();
    let created = ctx
        .run(data.client.create_ssh_key_idempotent(&scope, &entity))
        .await;
    match created {
        Ok(Ok(uid)) => resp.state.set("id", uid),
        Ok(Err(err)) if err.is_conflict() => fail(resp, name_taken(&plan, &err)),
        Ok(Err(err)) => {
            let what = format!("creating SSH key {:?}", plan.name);
            fail(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
        Err(why) => {
            let diag = Diagnostic::error(
                SUMMARY,
                format!(
                    "Creating SSH key {name:?} was interrupted ({why}) before Palette answered. \
                     If Palette created it, import it with `terraform import <address> \
                     {prefix}{name}`.",
                    name = plan.name,
                    prefix = plan.import_prefix()
                ),
            );
            fail(resp, diag);
        }
    }
}

/// The `update` handler: one `PUT` with the planned name and key.
pub(super) async fn update(req: UpdateRequest, resp: &mut UpdateResponse) {
    const SUMMARY: &str = "Update SSH Key Error";
    let plan = SshKeyPlan::from_value(&req.plan);
    let uid = req.state.get_str("id").unwrap_or_default();
    let failed = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await {
        Err(diag) => Some(diag),
        Ok((data, scope)) => match data
            .client
            .update_ssh_key(&scope, uid, &plan.update_body())
            .await
        {
            Ok(()) => None,
            Err(err) if err.is_conflict() => Some(name_taken(&plan, &err)),
            Err(err) => Some(diagnostics::api_error(
                SUMMARY,
                &format!("updating SSH key {:?}", plan.name),
                &err,
            )),
        },
    };
    if let Some(diag) = failed {
        resp.diagnostics.push(diag);
        resp.state = req.state.clone();
    }
}

/// The `delete` handler; a key already gone is deleted.
pub(super) async fn delete(req: DeleteRequest, resp: &mut DeleteResponse) {
    const SUMMARY: &str = "Delete SSH Key Error";
    let state = SshKeyPlan::from_value(&req.state);
    let Some(uid) = req.state.get_str("id") else {
        return;
    };
    let (data, scope) =
        match PaletteData::connect(&req.provider_data, &state.context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
    match data.client.delete_ssh_key(&scope, uid).await {
        Ok(()) => {}
        Err(err) if err.is_not_found() => {}
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("deleting SSH key {:?}", state.name),
            &err,
        )),
    }
}
